#!/usr/bin/python3
"""Writes sklearn_fixtures.json: scikit-learn's answers on small fixed data sets, the oracles of the
AiLab.Classic tests. Run with Debian's python (scikit-learn 1.2.1, NumPy 1.24):

    /usr/bin/python3 tests/AiLab.Tests/Classic/Fixtures/make_sklearn_fixtures.py

Every data set is generated here from a fixed NumPy seed and stored in the JSON next to the answers,
so the C# tests never depend on NumPy's random streams."""
import json
import os

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.ensemble import AdaBoostClassifier, GradientBoostingClassifier, GradientBoostingRegressor
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer, KNNImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.RandomState(20240601)
out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}


def m(a):
    return np.asarray(a, dtype=float).tolist()


# Logistic regression, binary: labels drawn from a known logistic model.
X = rng.normal(size=(60, 4))
y = (rng.uniform(size=60) < 1 / (1 + np.exp(-(X @ [1.5, -2.0, 0.5, 0.0] + 0.3)))).astype(int)
lr = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(X, y)
lr01 = LogisticRegression(C=0.1, tol=1e-10, max_iter=10000, class_weight="balanced").fit(X, y)
out["logistic_binary"] = {"X": m(X), "y": y.tolist(),
                          "coef": m(lr.coef_), "intercept": m(lr.intercept_), "proba": m(lr.predict_proba(X[:10])),
                          "balanced_c01_coef": m(lr01.coef_), "balanced_c01_intercept": m(lr01.intercept_)}

# Logistic regression, three classes (multinomial).
X = rng.normal(size=(90, 3))
y = np.argmax(X @ rng.normal(size=(3, 3)) + rng.gumbel(size=(90, 3)), axis=1)
lr = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(X, y)
out["logistic_multinomial"] = {"X": m(X), "y": y.tolist(), "coef": m(lr.coef_), "intercept": m(lr.intercept_),
                               "proba": m(lr.predict_proba(X[:10]))}

# Ridge with sample weights.
X = rng.normal(size=(40, 5))
y = X @ [1.0, -1.0, 2.0, 0.0, 0.5] + 3.0 + 0.3 * rng.normal(size=40)
w = rng.uniform(0.5, 2.0, size=40)
ridge = Ridge(alpha=2.0).fit(X, y, sample_weight=w)
out["ridge"] = {"X": m(X), "y": m(y), "w": m(w), "alpha": 2.0, "coef": m(ridge.coef_), "intercept": float(ridge.intercept_)}

# PCA on correlated data.
X = rng.normal(size=(50, 6)) @ rng.normal(size=(6, 6)) + rng.normal(size=6)
pca = PCA(n_components=3, svd_solver="full").fit(X)
out["pca"] = {"X": m(X), "components": m(pca.components_), "explained_variance": m(pca.explained_variance_),
              "explained_variance_ratio": m(pca.explained_variance_ratio_), "singular_values": m(pca.singular_values_),
              "transform": m(pca.transform(X[:5]))}

# KNN classifier (continuous data: no distance ties).
Xtr = rng.normal(size=(80, 3))
ytr = (Xtr[:, 0] + 0.5 * Xtr[:, 1] > 0).astype(int) + (Xtr[:, 2] > 0.8).astype(int)
Xte = rng.normal(size=(20, 3))
knn_u = KNeighborsClassifier(n_neighbors=5).fit(Xtr, ytr)
knn_d = KNeighborsClassifier(n_neighbors=5, weights="distance").fit(Xtr, ytr)
out["knn"] = {"Xtrain": m(Xtr), "ytrain": ytr.tolist(), "Xtest": m(Xte),
              "uniform_proba": m(knn_u.predict_proba(Xte)), "uniform_predict": knn_u.predict(Xte).tolist(),
              "distance_proba": m(knn_d.predict_proba(Xte)), "distance_predict": knn_d.predict(Xte).tolist()}


def with_missing(shape, fraction):
    Z = rng.normal(size=shape) @ rng.normal(size=(shape[1], shape[1]))
    Z[rng.uniform(size=shape) < fraction] = np.nan
    return Z


# Imputers: fit on a training matrix, transform it and a second matrix. NaN is written as null.
Xtr = with_missing((40, 4), 0.15)
Xte = with_missing((15, 4), 0.2)
nan = lambda a: [[None if np.isnan(v) else float(v) for v in row] for row in a]
knn3 = KNNImputer(n_neighbors=3).fit(Xtr)
knn3d = KNNImputer(n_neighbors=3, weights="distance").fit(Xtr)
it = IterativeImputer(estimator=Ridge(alpha=1.0), max_iter=10, tol=1e-3, imputation_order="ascending")
it_train = it.fit_transform(Xtr)
out["imputers"] = {"Xtrain": nan(Xtr), "Xtest": nan(Xte),
                   "knn_uniform_train": m(knn3.transform(Xtr)), "knn_uniform_test": m(knn3.transform(Xte)),
                   "knn_distance_test": m(knn3d.transform(Xte)),
                   "iterative_train": m(it_train), "iterative_test": m(it.transform(Xte)), "iterative_n_iter": int(it.n_iter_)}

# Trees. In a small node two features can induce the same partition with the same impurity;
# scikit-learn then picks by its own random feature order, which no other implementation reproduces.
# min_samples_leaf keeps nodes large enough that such ties do not occur in these data sets.
X = rng.normal(size=(40, 3))
y = (X[:, 0] > 0.2).astype(int) + (X[:, 1] * X[:, 2] > 0).astype(int)
Xte = rng.normal(size=(15, 3))
gini = DecisionTreeClassifier(max_depth=3, min_samples_leaf=4, random_state=0).fit(X, y)
entropy = DecisionTreeClassifier(criterion="entropy", max_depth=3, min_samples_leaf=4, random_state=0).fit(X, y)
full = DecisionTreeClassifier(random_state=0).fit(X, y)
yr = np.sin(2 * X[:, 0]) + X[:, 1] ** 2 + 0.1 * rng.normal(size=40)
reg = DecisionTreeRegressor(max_depth=3, min_samples_leaf=2, random_state=0).fit(X, yr)
out["trees"] = {"X": m(X), "y": y.tolist(), "yreg": m(yr), "Xtest": m(Xte),
                "gini_proba": m(gini.predict_proba(Xte)), "gini_importances": m(gini.feature_importances_),
                "gini_node_count": int(gini.tree_.node_count),
                "entropy_proba": m(entropy.predict_proba(Xte)), "entropy_importances": m(entropy.feature_importances_),
                "full_node_count": int(full.tree_.node_count), "full_depth": int(full.get_depth()),
                "regressor_predict": m(reg.predict(Xte)), "regressor_importances": m(reg.feature_importances_),
                "regressor_node_count": int(reg.tree_.node_count)}

# Boosting.
X = rng.normal(size=(60, 3))
yr = X[:, 0] ** 2 + np.sin(3 * X[:, 1]) + 0.1 * rng.normal(size=60)
yc = (X[:, 0] * X[:, 1] + 0.3 * rng.normal(size=60) > 0).astype(int)
Xte = rng.normal(size=(10, 3))
gbr = GradientBoostingRegressor(n_estimators=20, max_depth=2, min_samples_leaf=4, learning_rate=0.1, random_state=0).fit(X, yr)
gbc = GradientBoostingClassifier(n_estimators=20, max_depth=2, min_samples_leaf=4, learning_rate=0.1, random_state=0).fit(X, yc)
ada = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), n_estimators=10, algorithm="SAMME",
                         random_state=0).fit(X, yc)
y3 = np.digitize(X[:, 0] + 0.5 * X[:, 2], [-0.5, 0.5])
ada3 = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), n_estimators=10, algorithm="SAMME",
                          random_state=0).fit(X, y3)
out["boosting"] = {"X": m(X), "yreg": m(yr), "yclass": yc.tolist(), "y3": y3.tolist(), "Xtest": m(Xte),
                   "gbr_train_score": m(gbr.train_score_), "gbr_predict": m(gbr.predict(Xte)),
                   "gbr_importances": m(gbr.feature_importances_),
                   "gbc_train_score": m(gbc.train_score_), "gbc_proba": m(gbc.predict_proba(Xte)),
                   "ada_weights": m(ada.estimator_weights_), "ada_errors": m(ada.estimator_errors_),
                   "ada_proba": m(ada.predict_proba(Xte)), "ada_predict": ada.predict(Xte).tolist(),
                   "ada3_weights": m(ada3.estimator_weights_), "ada3_proba": m(ada3.predict_proba(Xte))}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sklearn_fixtures.json")
with open(path, "w") as f:
    json.dump(out, f)
    f.write("\n")
print("wrote", path)
