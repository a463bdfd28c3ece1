#!/usr/bin/python3
"""Writes ensemble_fixtures.json: scikit-learn's answers for the voting, stacking and bagging ensembles and
cross_val_predict, the oracles of AiLab.Tests.Classic.EnsembleTests. Run with Debian's python (scikit-learn 1.2.1):

    /usr/bin/python3 tests/AiLab.Tests/Classic/Fixtures/make_ensemble_fixtures.py

Voting, stacking and cross_val_predict use deterministic members (a seeded tree, k-NN, logistic regression) and
folds written into the JSON (PredefinedSplit), so the C# side can reproduce scikit-learn's numbers. Bagging draws
from NumPy's random stream, which C# cannot reproduce: for it the JSON holds scikit-learn's test accuracy on
breast_cancer (read from the repository's data/sklearn/breast_cancer.csv) over several seeds, and the C# test
compares means within the measured spread."""
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import BaggingClassifier, StackingClassifier, VotingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import PredefinedSplit, StratifiedKFold, cross_val_predict
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
rng = np.random.RandomState(20261202)
out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}


def m(a):
    return np.asarray(a, dtype=float).tolist()


def tree():
    return DecisionTreeClassifier(max_depth=3, min_samples_leaf=4, random_state=0)


def knn():
    return KNeighborsClassifier(n_neighbors=5)


def logistic():
    # newton-cg, not lbfgs: on these folds lbfgs stops on its ftol test after ~16 iterations, up to 3e-5 in probability
    # from the optimum; newton-cg reaches it (and agrees with the library's L-BFGS run to its gradient tolerance).
    return LogisticRegression(solver="newton-cg", tol=1e-8, max_iter=10000)


def members():
    return [("tree", tree()), ("knn", knn()), ("lr", logistic())]


def blobs(n, d, k):
    """k Gaussian classes with overlapping means (continuous: no distance or threshold ties)."""
    y = rng.randint(0, k, size=n)
    X = rng.normal(size=(n, d)) + 1.2 * rng.normal(size=(k, d))[y]
    return X, y


def test_fold(y, seed):
    folds = np.empty(len(y), dtype=int)
    for f, (_, test) in enumerate(StratifiedKFold(5, shuffle=True, random_state=seed).split(np.zeros(len(y)), y)):
        folds[test] = f
    return folds


# Voting, three classes.
X, y = blobs(120, 4, 3)
Xtest, _ = blobs(40, 4, 3)
soft = VotingClassifier(members(), voting="soft", weights=[2, 1, 1]).fit(X, y)
hard = VotingClassifier(members(), voting="hard").fit(X, y)
out["voting"] = {"X": m(X), "y": y.tolist(), "Xtest": m(Xtest), "soft_weights": [2, 1, 1],
                 "soft_proba": m(soft.predict_proba(Xtest)), "soft_predict": soft.predict(Xtest).tolist(),
                 "hard_predict": hard.predict(Xtest).tolist(),
                 "member_predict": [e.predict(Xtest).tolist() for e in hard.estimators_]}

# cross_val_predict over given folds, three classes.
folds = test_fold(y, 0)
cv = PredefinedSplit(folds)
# Not the tree: on a fold's small nodes several splits often tie (equal class counts), and scikit-learn breaks the
# tie by its random feature order, so its answer changes with random_state (max |Δp| 0.75 over 20 seeds here).
out["cross_val_predict"] = {"X": m(X), "y": y.tolist(), "test_fold": folds.tolist(),
                            "knn_proba": m(cross_val_predict(knn(), X, y, cv=cv, method="predict_proba")),
                            "knn_predict": cross_val_predict(knn(), X, y, cv=cv).tolist(),
                            "lr_proba": m(cross_val_predict(logistic(), X, y, cv=cv, method="predict_proba")),
                            "lr_predict": cross_val_predict(logistic(), X, y, cv=cv).tolist()}

# Stacking: binary (one probability column per member) and three classes; the final estimator is logistic regression.
for name, (Xs, ys), (Xst, _) in [("binary", blobs(100, 3, 2), blobs(30, 3, 2)), ("multiclass", (X, y), (Xtest, None))]:
    f = test_fold(ys, 1)
    # k-NN and logistic members (tie-free, see cross_val_predict above).
    st = StackingClassifier([("knn", knn()), ("lr", logistic())], final_estimator=logistic(), cv=PredefinedSplit(f)).fit(Xs, ys)
    out[f"stacking_{name}"] = {"X": m(Xs), "y": ys.tolist(), "Xtest": m(Xst), "test_fold": f.tolist(),
                               "transform": m(st.transform(Xst)), "final_coef": m(st.final_estimator_.coef_),
                               "final_intercept": m(st.final_estimator_.intercept_), "proba": m(st.predict_proba(Xst)),
                               "predict": st.predict(Xst).tolist()}

# Bagging on breast_cancer: scikit-learn's accuracy over seeds on one fixed split.
with open(os.path.join(ROOT, "data", "sklearn", "breast_cancer.csv")) as fh:
    rows = [line.strip().split(",") for line in fh][1:]
data = np.array(rows, dtype=float)
Xb, yb = data[:, :-1], data[:, -1].astype(int)
order = np.random.RandomState(0).permutation(len(yb))
test, train = np.sort(order[:170]), np.sort(order[170:])
seeds = list(range(10))
configs = {"default": {}, "half_rows_half_features": {"max_samples": 0.5, "max_features": 0.5}}
bagging = {"train": train.tolist(), "test": test.tolist(), "n_estimators": 25, "seeds": seeds}
for key, kwargs in configs.items():
    accuracies, oob = [], []
    for s in seeds:
        b = BaggingClassifier(DecisionTreeClassifier(), n_estimators=25, oob_score=True, random_state=s, **kwargs)
        b.fit(Xb[train], yb[train])
        accuracies.append(b.score(Xb[test], yb[test]))
        oob.append(b.oob_score_)
    bagging[key] = {"kwargs": kwargs, "accuracy": accuracies, "oob_score": oob}
bagging["single_tree_accuracy"] = [DecisionTreeClassifier(random_state=s).fit(Xb[train], yb[train]).score(Xb[test], yb[test]) for s in seeds]
out["bagging_breast_cancer"] = bagging

path = os.path.join(HERE, "ensemble_fixtures.json")
with open(path, "w") as fh:
    json.dump(out, fh)
for key in configs:
    a = np.array(bagging[key]["accuracy"])
    o = np.array(bagging[key]["oob_score"])
    print(key, "accuracy mean %.4f std %.4f min %.4f max %.4f" % (a.mean(), a.std(), a.min(), a.max()),
          "| oob mean %.4f std %.4f" % (o.mean(), o.std()))
t = np.array(bagging["single_tree_accuracy"])
print("single tree mean %.4f std %.4f" % (t.mean(), t.std()))
print("wrote", path)
