#!/usr/bin/python3
"""Writes agglomerative_fixtures.json: scikit-learn's AgglomerativeClustering (labels, children_, distances_) and
SciPy's linkage heights for the four linkages, the oracles of AiLab.Tests.Classic.AgglomerativeClusteringTests.
Run with Debian's python (scikit-learn 1.2.1, SciPy 1.10.1):

    /usr/bin/python3 tests/AiLab.Tests/Classic/Fixtures/make_agglomerative_fixtures.py

The data are continuous Gaussian blobs from a fixed seed (no tied distances, so the merge order is unique)."""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import AgglomerativeClustering

rng = np.random.RandomState(20261203)
centers = np.array([[0.0, 0.0, 0.0], [4.0, 0.0, 1.0], [0.0, 4.0, -1.0], [3.0, 4.0, 3.0]])
X = np.vstack([c + rng.normal(scale=1.0, size=(15, 3)) for c in centers])
X = X[rng.permutation(len(X))]
out = {"sklearn_version": sklearn.__version__, "scipy_version": scipy.__version__, "X": X.tolist()}
for name in ("ward", "complete", "average", "single"):
    for k in (2, 4):
        model = AgglomerativeClustering(n_clusters=k, linkage=name, compute_full_tree=True, compute_distances=True).fit(X)
        out[f"{name}_{k}"] = {"labels": model.labels_.tolist(), "children": model.children_.tolist(),
                              "distances": model.distances_.tolist()}
    out[f"{name}_scipy_heights"] = linkage(X, method=name)[:, 2].tolist()
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "agglomerative_fixtures.json")
with open(path, "w") as fh:
    json.dump(out, fh)
print("wrote", path)
