#!/usr/bin/python3
"""Generates metrics.json: expected values for AiLab.Metrics, computed by scikit-learn / SciPy / NumPy.

Run with Debian's Python (the one that has python3-sklearn):

    /usr/bin/python3 tests/AiLab.Tests/Metrics/Fixtures/make_fixtures.py

The output is deterministic (fixed seeds) and committed next to this script. The versions used are
recorded in the file's "versions" entry; the C# tests match the semantics of exactly those versions
(scikit-learn 1.2.1, SciPy 1.10.1, NumPy 1.24.2 when this was written).

Conventions of the JSON:
  * NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers).
  * Where the library raises, the entry holds {"error": "<the Python message>"}; the C# side expects an
    ArgumentException.
"""

import json
import math
import os
import warnings

import numpy as np
import scipy
import scipy.stats
import sklearn
from scipy.stats import ks_2samp
from scipy.stats._ksstats import kolmogn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    accuracy_score,
    adjusted_rand_score,
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    fbeta_score,
    jaccard_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_curve,
    precision_recall_fscore_support,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    roc_curve,
    silhouette_samples,
    silhouette_score,
    top_k_accuracy_score,
)

warnings.simplefilter("ignore")  # UndefinedMetricWarning etc.: the degenerate cases are the point.

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(value):
    """Converts NumPy values to JSON-ready Python values; non-finite floats become strings."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return clean(value.tolist())
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        f = float(value)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return f
    return value


def to_json(value, indent=0):
    """JSON with one line per array of numbers (or per matrix row): compact, yet readable in a diff."""
    pad, inner = " " * indent, " " * (indent + 1)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {to_json(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else "{}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(inner + to_json(v, indent + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value, allow_nan=False)


def attempt(fn):
    """Value of fn(), or {"error": message} when scikit-learn raises ValueError."""
    try:
        return fn()
    except ValueError as e:
        return {"error": str(e)}


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


# ---------------------------------------------------------------------------------------------
# Binary scores: ROC, PR, AP, log loss, Brier, calibration, and thresholded P/R/F1.
# ---------------------------------------------------------------------------------------------

def binary_inputs():
    rng = np.random.default_rng(20240601)
    cases = []

    y = (rng.random(60) < 0.4).astype(int)
    cases.append(("random_n60", y, sigmoid(1.5 * y - 0.7 + rng.normal(size=60))))

    # Scores rounded to one decimal: many ties, some across classes.
    y = (rng.random(80) < 0.5).astype(int)
    cases.append(("ties_rounded_n80", y, np.round(sigmoid(1.0 * y - 0.5 + rng.normal(size=80)), 1)))

    # Only three distinct score values: heavy ties.
    y = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1])
    s = np.array([0.2, 0.5, 0.5, 0.8, 0.5, 0.2, 0.2, 0.8, 0.5, 0.8, 0.2, 0.5])
    cases.append(("three_levels", y, s))

    y = np.array([0, 1, 0, 1, 1, 0, 0, 1])
    cases.append(("all_equal_scores", y, np.full(8, 0.5)))

    y = np.array([0, 0, 0, 1, 1, 0, 1, 1, 0, 1])
    s = np.where(y == 1, 0.6 + 0.03 * np.arange(10), 0.1 + 0.03 * np.arange(10))
    cases.append(("perfect", y, s))
    cases.append(("inverted", y, 1.0 - s))

    cases.append(("sklearn_doc", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])))

    # Hard 0/1 probabilities, some confidently wrong: exercises log-loss clipping.
    cases.append(("hard_probabilities", np.array([0, 1, 1, 0, 1, 0]), np.array([0.0, 1.0, 0.0, 1.0, 1.0, 0.0])))

    cases.append(("single_class_negative", np.zeros(6, dtype=int), np.array([0.1, 0.4, 0.4, 0.7, 0.2, 0.9])))
    cases.append(("single_class_positive", np.ones(5, dtype=int), np.array([0.3, 0.3, 0.8, 0.6, 0.1])))

    y = (rng.random(400) < 0.3).astype(int)
    cases.append(("random_n400", y, sigmoid(2.0 * y - 1.2 + 1.3 * rng.normal(size=400))))
    return cases


def prf_block(y_true, y_pred, average, labels=None, pos_label=1):
    """precision/recall/F1/F0.5 for both zero_division settings scikit-learn 1.2 supports."""
    block = {}
    for zd in (0, 1):
        kw = dict(average=average, labels=labels, pos_label=pos_label, zero_division=zd)
        block[f"zero_division_{zd}"] = attempt(lambda: {
            "precision": precision_score(y_true, y_pred, **kw),
            "recall": recall_score(y_true, y_pred, **kw),
            "f1": f1_score(y_true, y_pred, **kw),
            "f05": fbeta_score(y_true, y_pred, beta=0.5, **kw),
        })
    return block


def binary_case(name, y, s):
    y_pred = (s >= 0.5).astype(int)
    case = {"name": name, "y_true": y, "y_score": s, "y_pred": y_pred}
    fpr, tpr, thr = roc_curve(y, s)
    case["roc"] = {"fpr": fpr, "tpr": tpr, "thresholds": thr}
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    case["roc_full"] = {"fpr": fpr, "tpr": tpr, "thresholds": thr}
    case["roc_auc"] = attempt(lambda: roc_auc_score(y, s))
    p, r, thr = precision_recall_curve(y, s)
    case["pr"] = {"precision": p, "recall": r, "thresholds": thr}
    case["average_precision"] = average_precision_score(y, s)
    case["brier"] = brier_score_loss(y, s)
    # labels=[0, 1]: the positive class is explicit, so a single-class y_true is well defined.
    case["log_loss"] = log_loss(y, s, labels=[0, 1])
    case["calibration"] = []
    for strategy, n_bins in (("uniform", 5), ("uniform", 10), ("quantile", 5), ("quantile", 4)):
        pt, pp = calibration_curve(y, s, n_bins=n_bins, strategy=strategy)
        case["calibration"].append({"strategy": strategy, "n_bins": n_bins, "prob_true": pt, "prob_pred": pp})
    case["accuracy"] = accuracy_score(y, y_pred)
    case["confusion"] = confusion_matrix(y, y_pred, labels=[0, 1])
    case["binary"] = prf_block(y, y_pred, "binary")
    case["binary_pos0"] = prf_block(y, y_pred, "binary", pos_label=0)
    return case


def auc_tie_identity_case():
    """AUC = P(s+ > s-) + 0.5 P(s+ = s-), computed by brute force over all pairs (no sklearn involved)."""
    rng = np.random.default_rng(7)
    y = (rng.random(70) < 0.45).astype(int)
    s = rng.integers(0, 6, size=70) / 5.0 + 0.1 * y
    pos, neg = s[y == 1], s[y == 0]
    greater = (pos[:, None] > neg[None, :]).mean()
    ties = (pos[:, None] == neg[None, :]).mean()
    return {"y_true": y, "y_score": s, "pairwise": greater + 0.5 * ties, "roc_auc": roc_auc_score(y, s)}


# ---------------------------------------------------------------------------------------------
# Label predictions: confusion matrix, accuracy, precision/recall/F-scores with every average.
# ---------------------------------------------------------------------------------------------

def label_inputs():
    rng = np.random.default_rng(99)
    cases = []
    y = rng.integers(0, 3, size=40)
    y_pred = np.where(rng.random(40) < 0.7, y, rng.integers(0, 3, size=40))
    cases.append(("random_3class", y, y_pred, None))
    # Class 3 is never predicted (precision 0/0) and class 4 is predicted but never true (recall 0/0).
    cases.append(("missing_classes", np.array([0, 1, 2, 3, 3, 1, 0, 2, 1, 3]), np.array([0, 1, 2, 0, 1, 1, 4, 2, 4, 2]), None))
    # labels= selects and orders classes; 7 is in neither array.
    cases.append(("explicit_labels", np.array([2, 0, 1, 2, 2, 0, 1, 1]), np.array([2, 1, 1, 0, 2, 0, 2, 1]), [2, 0, 7]))
    cases.append(("binary_imbalanced", np.array([0] * 12 + [1] * 3), np.array([0] * 10 + [1, 0] + [1, 0, 0]), None))
    cases.append(("all_negative_predictions", np.array([0, 1, 0, 1, 0]), np.zeros(5, dtype=int), None))
    cases.append(("single_label_everywhere", np.zeros(6, dtype=int), np.zeros(6, dtype=int), None))
    cases.append(("perfect_multiclass", np.array([3, 1, 2, 1, 3, 2]), np.array([3, 1, 2, 1, 3, 2]), None))
    return cases


def label_case(name, y, y_pred, labels):
    case = {"name": name, "y_true": y, "y_pred": y_pred, "labels": labels}
    present = np.unique(np.concatenate([y, y_pred]))
    case["confusion_labels"] = labels if labels is not None else present
    case["confusion"] = confusion_matrix(y, y_pred, labels=labels)
    case["accuracy"] = accuracy_score(y, y_pred)
    case["averages"] = {avg: prf_block(y, y_pred, avg, labels=labels) for avg in ("micro", "macro", "weighted")}
    if len(present) <= 2 and labels is None:
        case["averages"]["binary"] = prf_block(y, y_pred, "binary")
    per_class = {}
    for zd in (0, 1):
        p, r, f, support = precision_recall_fscore_support(y, y_pred, labels=labels, zero_division=zd)
        per_class[f"zero_division_{zd}"] = {"precision": p, "recall": r, "f1": f, "support": support}
    case["per_class"] = per_class
    return case


# ---------------------------------------------------------------------------------------------
# Multiclass probabilities: one-vs-rest ROC AUC and multiclass log loss.
# ---------------------------------------------------------------------------------------------

def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def multiclass_prob_cases():
    rng = np.random.default_rng(3)
    cases = []
    for name, n, k in (("k3_n50", 50, 3), ("k4_n120", 120, 4)):
        y = rng.integers(0, k, size=n)
        logits = rng.normal(size=(n, k))
        logits[np.arange(n), y] += 1.2
        p = softmax(logits)
        cases.append({
            "name": name, "y_true": y, "y_prob": p,
            "roc_auc_ovr_macro": roc_auc_score(y, p, multi_class="ovr", average="macro"),
            "roc_auc_ovr_weighted": roc_auc_score(y, p, multi_class="ovr", average="weighted"),
            "log_loss": log_loss(y, p),
        })
    # Rows that do not sum to one: scikit-learn 1.2 renormalizes them (log loss only).
    y = np.array([0, 1, 2, 2, 1])
    p = np.array([[0.5, 0.3, 0.1], [0.2, 0.9, 0.4], [0.1, 0.1, 0.1], [0.0, 0.0, 1.0], [0.3, 0.3, 0.0]])
    cases.append({"name": "unnormalized_rows", "y_true": y, "y_prob": p, "log_loss": log_loss(y, p)})
    # Labels given explicitly (class 2 absent from y_true).
    y = np.array([0, 1, 1, 0])
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.6, 0.1, 0.3]])
    cases.append({"name": "explicit_labels", "y_true": y, "y_prob": p, "labels": [0, 1, 2],
                  "log_loss": log_loss(y, p, labels=[0, 1, 2])})
    cases.append({"name": "single_label_error", "y_true": np.array([1, 1, 1]), "y_prob": p[:3],
                  "log_loss": attempt(lambda: log_loss(np.array([1, 1, 1]), p[:3]))})
    return cases


# ---------------------------------------------------------------------------------------------
# Regression.
# ---------------------------------------------------------------------------------------------

def regression_cases():
    rng = np.random.default_rng(11)
    y = rng.normal(3.0, 2.0, size=50)
    cases = [("random_n50", y, y + rng.normal(0, 1.0, size=50))]
    cases.append(("perfect", y[:10], y[:10].copy()))
    cases.append(("worse_than_mean", np.array([1.0, 2.0, 3.0]), np.array([3.0, 1.0, 2.0])))
    cases.append(("constant_target_wrong", np.full(4, 2.0), np.array([2.0, 2.5, 1.0, 2.0])))
    cases.append(("constant_target_exact", np.full(4, 2.0), np.full(4, 2.0)))
    cases.append(("single_sample", np.array([1.5]), np.array([2.0])))
    out = []
    for name, yt, yp in cases:
        out.append({
            "name": name, "y_true": yt, "y_pred": yp,
            "mse": mean_squared_error(yt, yp),
            "rmse": mean_squared_error(yt, yp, squared=False),
            "mae": mean_absolute_error(yt, yp),
            "r2": r2_score(yt, yp),
        })
    return out


# ---------------------------------------------------------------------------------------------
# Retrieval: recall@k equals top_k_accuracy_score with one relevant candidate per query.
# ---------------------------------------------------------------------------------------------

def retrieval_cases():
    rng = np.random.default_rng(5)
    out = []
    for name, q, c in (("square_12", 12, 12), ("rect_20x30", 20, 30)):
        sim = rng.normal(size=(q, c))
        relevant = rng.integers(0, c, size=q) if q != c else np.arange(q)
        sim[np.arange(q), relevant] += 1.0
        ks = [1, 3, 5]
        out.append({
            "name": name, "similarity": sim, "relevant": relevant,
            "recall_at_k": {str(k): top_k_accuracy_score(relevant, sim, k=k, labels=np.arange(c)) for k in ks},
        })
    return out


# ---------------------------------------------------------------------------------------------
# Segmentation masks: IoU = jaccard_score, Dice = f1_score on the flattened binary masks.
# ---------------------------------------------------------------------------------------------

def mask_cases():
    rng = np.random.default_rng(8)
    out = []
    a = rng.random(64) < 0.4
    b = np.where(rng.random(64) < 0.8, a, ~a)
    pairs = [("random_64", a, b), ("identical", a, a.copy()), ("disjoint", np.array([1, 1, 0, 0], bool), np.array([0, 0, 1, 1], bool)),
             ("empty_prediction", np.array([0, 1, 1, 0], bool), np.zeros(4, bool))]
    for name, t, p in pairs:
        out.append({"name": name, "target": t.astype(int), "prediction": p.astype(int),
                    "iou": jaccard_score(t, p, zero_division=0), "dice": f1_score(t, p, zero_division=0)})
    # Both masks empty: scikit-learn returns zero_division (0 or 1).
    z = np.zeros(5, int)
    out.append({"name": "both_empty", "target": z, "prediction": z,
                "iou": jaccard_score(z, z, zero_division=0), "dice": f1_score(z, z, zero_division=0),
                "iou_zero_division_1": jaccard_score(z, z, zero_division=1),
                "dice_zero_division_1": f1_score(z, z, zero_division=1)})
    return out


# ---------------------------------------------------------------------------------------------
# Clustering.
# ---------------------------------------------------------------------------------------------

def clustering_cases():
    rng = np.random.default_rng(21)
    centers = np.array([[0.0, 0.0, 0.0], [4.0, 0.0, 1.0], [0.0, 5.0, -1.0]])
    labels = rng.integers(0, 3, size=45)
    x = centers[labels] + rng.normal(size=(45, 3))
    silhouettes = [{"name": "blobs_45x3", "x": x, "labels": labels,
                    "score": silhouette_score(x, labels), "samples": silhouette_samples(x, labels)}]
    # A singleton cluster (its silhouette is 0 by convention) and non-contiguous label values.
    x2 = np.array([[0.0, 0.0], [0.1, 0.2], [0.2, 0.1], [5.0, 5.0], [5.1, 4.9], [10.0, 0.0]])
    l2 = np.array([4, 4, 4, 9, 9, 2])
    silhouettes.append({"name": "singleton_cluster", "x": x2, "labels": l2,
                        "score": silhouette_score(x2, l2), "samples": silhouette_samples(x2, l2)})
    silhouettes.append({"name": "one_cluster_error", "x": x2, "labels": np.zeros(6, int),
                        "score": attempt(lambda: silhouette_score(x2, np.zeros(6, int)))})
    silhouettes.append({"name": "every_point_own_cluster_error", "x": x2, "labels": np.arange(6),
                        "score": attempt(lambda: silhouette_score(x2, np.arange(6)))})

    a = rng.integers(0, 4, size=60)
    b = np.where(rng.random(60) < 0.6, a, rng.integers(0, 5, size=60))
    pairs = [("random_60", a, b), ("identical", a, a.copy()), ("relabelled_same_partition", a, (a + 2) % 4 * 10),
             ("sklearn_doc", np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])),
             ("one_cluster_both", np.zeros(5, int), np.zeros(5, int)),
             ("one_vs_all_singletons", np.zeros(5, int), np.arange(5)),
             ("independent", rng.integers(0, 3, size=200), rng.integers(0, 3, size=200))]
    ari = [{"name": n, "labels_true": t, "labels_pred": p, "ari": adjusted_rand_score(t, p)} for n, t, p in pairs]
    return silhouettes, ari


# ---------------------------------------------------------------------------------------------
# Drift: two-sample KS (SciPy), the one-sample KS distribution kstwo, quantiles (NumPy), PSI.
# ---------------------------------------------------------------------------------------------

def ks_cases():
    rng = np.random.default_rng(13)
    samples = [
        ("equal_sizes_50", rng.normal(size=50), rng.normal(0.5, 1, size=50)),
        ("unequal_37_53", rng.normal(size=37), rng.normal(0.3, 1.2, size=53)),
        ("integer_ties", rng.integers(0, 5, size=40).astype(float), rng.integers(1, 6, size=45).astype(float)),
        ("identical", np.arange(10.0), np.arange(10.0)),
        ("disjoint_small", np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0, 7.0])),
        ("medium_200_300", rng.normal(size=200), rng.normal(0.1, 1, size=300)),
        ("large_1500_1400", rng.normal(size=1500), rng.normal(0.05, 1, size=1400)),
        # Rounded to 3 decimals to keep the fixture small; the ties this makes are part of the test.
        ("auto_asymp_12000_300", np.round(rng.normal(size=12000), 3), np.round(rng.normal(0.1, 1, size=300), 3)),
    ]
    out = []
    for name, a, b in samples:
        entry = {"name": name, "a": a, "b": b}
        for method in ("auto", "exact", "asymp"):
            if method == "exact" and len(a) > 10000:
                continue
            r = ks_2samp(a, b, method=method)
            entry[method] = {"statistic": r.statistic, "pvalue": r.pvalue}
        out.append(entry)
    return out


def kstwo_grid():
    """kstwo.sf(d, n) across the regions of Simard & L'Ecuyer's algorithm selection."""
    grid = []
    for n in (1, 2, 5, 10, 50, 100, 140, 141, 500, 2000, 10000, 100000, 100001, 1000000):
        for d in (0.0, 0.001, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.45, 0.5, 0.7, 0.95, 1.0):
            grid.append({"n": n, "d": d, "sf": float(kolmogn(n, d, cdf=False))})
        for t in (0.3, 0.6, 0.9, 1.0):  # n*d <= 1: Ruben-Gambino region
            grid.append({"n": n, "d": t / n, "sf": float(kolmogn(n, t / n, cdf=False))})
        if n > 2:
            d = (n - 1.2) / n  # n*d >= n-1
            grid.append({"n": n, "d": d, "sf": float(kolmogn(n, d, cdf=False))})
    return grid


def quantile_cases():
    rng = np.random.default_rng(17)
    arrays = [rng.normal(size=23), np.array([3.0, 1.0, 2.0, 2.0, 5.0]), np.array([7.0])]
    qs = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 1.0]
    return [{"values": a, "q": qs, "quantiles": np.quantile(a, qs)} for a in arrays]


def psi_reference(expected, actual, bins, epsilon):
    """The definition the library implements (see Drift.PopulationStabilityIndex), in NumPy."""
    inner = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1))[1:-1])
    e_idx = np.searchsorted(inner, expected, side="right")
    a_idx = np.searchsorted(inner, actual, side="right")
    e = np.bincount(e_idx, minlength=len(inner) + 1) / len(expected)
    a = np.bincount(a_idx, minlength=len(inner) + 1) / len(actual)
    e = np.where(e == 0, epsilon, e)
    a = np.where(a == 0, epsilon, a)
    return {"edges": inner, "expected_fractions": e, "actual_fractions": a, "psi": float(np.sum((a - e) * np.log(a / e)))}


def psi_cases():
    rng = np.random.default_rng(19)
    ref = rng.normal(size=500)
    cases = [
        ("same_distribution", ref, rng.normal(size=400), 10),
        ("shifted", ref, rng.normal(0.8, 1.2, size=400), 10),
        ("discrete_with_ties", rng.integers(0, 4, size=300).astype(float), rng.integers(0, 6, size=200).astype(float), 10),
        ("actual_outside_range", ref, rng.normal(10, 1, size=50), 5),
    ]
    return [dict(name=n, expected=e, actual=a, bins=b, epsilon=1e-4, **psi_reference(e, a, b, 1e-4)) for n, e, a, b in cases]


def main():
    silhouettes, ari = clustering_cases()
    data = {
        "versions": {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
        "binary": [binary_case(*c) for c in binary_inputs()],
        "auc_tie_identity": auc_tie_identity_case(),
        "labels": [label_case(*c) for c in label_inputs()],
        "multiclass_probabilities": multiclass_prob_cases(),
        "regression": regression_cases(),
        "retrieval": retrieval_cases(),
        "masks": mask_cases(),
        "silhouette": silhouettes,
        "adjusted_rand": ari,
        "ks_2samp": ks_cases(),
        "kstwo_sf": kstwo_grid(),
        "quantiles": quantile_cases(),
        "psi": psi_cases(),
    }
    path = os.path.join(HERE, "metrics.json")
    with open(path, "w") as f:
        f.write(to_json(clean(data)) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
