"""Writes sklearn_curves.json: ROC and precision-recall curves computed by scikit-learn, the oracle for
AiLab.Charts' curve arithmetic. Run with Debian's Python (which has scikit-learn):

    /usr/bin/python3 tests/AiLab.Tests/Charts/Fixtures/sklearn_curves.py
"""
import json
import math
import os

import numpy as np
import sklearn
from sklearn.metrics import auc, average_precision_score, precision_recall_curve, roc_auc_score, roc_curve


def case(name, labels, scores):
    labels = np.asarray(labels)
    scores = np.asarray(scores, dtype=float)
    fpr, tpr, thresholds = roc_curve(labels, scores, drop_intermediate=False)
    precision, recall, pr_thresholds = precision_recall_curve(labels, scores)
    return {
        "name": name,
        "labels": labels.tolist(),
        "scores": scores.tolist(),
        "fpr": fpr.tolist(),
        "tpr": tpr.tolist(),
        # The first threshold differs between scikit-learn versions (max + 1, or +inf); compare from the second.
        "thresholds": thresholds[1:].tolist(),
        "auc": float(auc(fpr, tpr)),
        "roc_auc_score": float(roc_auc_score(labels, scores)),
        "precision": precision.tolist(),
        "recall": recall.tolist(),
        "pr_thresholds": pr_thresholds.tolist(),
        "average_precision": float(average_precision_score(labels, scores)),
    }


rng = np.random.default_rng(7)
random_labels = (rng.random(200) < 0.3).astype(int)
# Rounded scores create many ties, which is where curve implementations disagree.
random_scores = np.round(random_labels * 0.8 + rng.normal(0, 0.6, 200), 1)

cases = [
    case("small with ties", [0, 0, 1, 1, 0, 1, 1, 0], [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2]),
    case("perfect", [0, 0, 0, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.9]),
    case("all tied", [1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]),
    case("random 200 with ties", random_labels.tolist(), random_scores.tolist()),
]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sklearn_curves.json")
with open(out, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
print(f"wrote {out} with scikit-learn {sklearn.__version__}")
