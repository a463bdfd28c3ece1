#!/usr/bin/python3
"""Generates robust_multilabel.json: expected values for AiLab.Metrics.Statistics (quantiles, median, MAD, robust
z-score), Image.PeakSignalNoiseRatio and the multilabel classification metrics, computed by NumPy, SciPy,
scikit-image and scikit-learn.

Run with Debian's Python (python3-sklearn, python3-scipy, python3-skimage):

    /usr/bin/python3 tests/AiLab.Tests/Metrics/Fixtures/make_robust_multilabel_fixtures.py

A separate file from metrics.json so that regenerating it never rewrites the older fixtures. It uses the same JSON
conventions (see make_fixtures.py): non-finite floats as strings, {"error": message} where the oracle raises.
"""

import os
import warnings

import numpy as np
import scipy
import scipy.stats
import skimage
import sklearn
from skimage.metrics import peak_signal_noise_ratio
from sklearn.metrics import f1_score, hamming_loss, precision_recall_fscore_support, precision_score, recall_score

from make_fixtures import HERE, attempt, clean, to_json


def quantile_cases():
    rng = np.random.default_rng(23)
    arrays = {
        "normal_23": rng.normal(size=23),
        "ties": np.array([3.0, 1.0, 2.0, 2.0, 5.0]),
        "single": np.array([7.0]),
        "pair": np.array([-1.5, 4.0]),
        "wide_range": rng.normal(size=40) * 1e6 + 3e6,
        "even_100": rng.exponential(size=100),
    }
    qs = np.concatenate([np.linspace(0, 1, 41), [1e-9, 0.001, 1 / 3, 2 / 3, 0.999, 1 - 1e-9]])
    ps = np.array([0.0, 2.5, 33.3, 50.0, 97.5, 100.0])
    return [{"name": name, "values": a, "q": qs, "quantiles": np.quantile(a, qs), "p": ps,
             "percentiles": np.percentile(a, ps), "median": np.median(a)} for name, a in arrays.items()]


def robust_cases():
    rng = np.random.default_rng(29)
    clean_values = rng.normal(10, 2, size=60)
    with_outliers = clean_values.copy()
    with_outliers[[3, 17, 41]] = [45.0, -30.0, 80.0]
    arrays = {
        "normal_60": clean_values,
        "injected_outliers": with_outliers,
        "odd_small": np.array([1.0, 2.0, 3.0, 4.0, 100.0]),
        "even_small": np.array([2.0, 2.5, 3.0, 10.0]),
    }
    cases = []
    for name, a in arrays.items():
        mad = scipy.stats.median_abs_deviation(a)
        cases.append({
            "name": name, "values": a, "median": np.median(a), "mad": mad,
            "mad_normal": scipy.stats.median_abs_deviation(a, scale="normal"),
            "mad_scale_2": scipy.stats.median_abs_deviation(a, scale=2.0),
            # Iglewicz & Hoaglin (1993): M = 0.6745 (x - median) / MAD
            "robust_z": 0.6745 * (a - np.median(a)) / mad,
        })
    return cases


def psnr_cases():
    rng = np.random.default_rng(31)
    unit = rng.uniform(size=(8, 8))
    signed = rng.uniform(-1, 1, size=(6, 5))
    pixels = rng.integers(0, 256, size=(10, 10)).astype(float)
    cases = [
        ("unit_range_noise", unit, np.clip(unit + 0.05 * rng.normal(size=unit.shape), 0, 1), None),
        ("signed_range", signed, signed + 0.1 * rng.normal(size=signed.shape), None),
        ("pixels_255", pixels, np.clip(pixels + rng.normal(0, 8, size=pixels.shape), 0, 255), 255.0),
        ("explicit_range_on_unit", unit, unit * 0.9, 1.0),
        ("identical", unit, unit.copy(), None),
        ("out_of_float_range_without_data_range", pixels, pixels + 1, None),
    ]
    out = []
    for name, true, test, data_range in cases:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # identical images: divide by zero gives inf, as intended
            value = attempt(lambda: peak_signal_noise_ratio(true, test, data_range=data_range))
        out.append({"name": name, "image_true": true.ravel(), "image_test": test.ravel(),
                    "data_range": data_range, "psnr": value})
    return out


def multilabel_inputs():
    rng = np.random.default_rng(37)
    y = (rng.uniform(size=(30, 5)) < [0.5, 0.3, 0.7, 0.1, 0.0]).astype(int)
    flip = rng.uniform(size=y.shape) < 0.2
    y_pred = np.where(flip, 1 - y, y)
    y_pred[:, 4] = 0                     # label 4: never true, never predicted (0/0 everywhere)
    y[0], y_pred[0] = 0, 0               # a sample with no true and no predicted label
    y[1], y_pred[1] = 0, [1, 0, 1, 0, 0]  # a sample with predictions but no true label
    small_true = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1]])
    small_pred = np.array([[1, 0, 0], [0, 1, 1], [1, 0, 0], [0, 0, 1]])
    none_true = np.zeros((4, 3), dtype=int)
    return [("random_30x5", y, y_pred), ("small_4x3", small_true, small_pred),
            ("no_true_labels", none_true, np.array([[0, 1, 0], [0, 0, 0], [1, 0, 0], [0, 0, 0]])),
            ("nothing_at_all", none_true, none_true.copy())]


def multilabel_cases():
    out = []
    for name, y, y_pred in multilabel_inputs():
        case = {"name": name, "y_true": y, "y_pred": y_pred, "hamming_loss": hamming_loss(y, y_pred)}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zero-division warnings are the point of some cases
            for zd in (0, 1):
                for average in ("micro", "macro", "weighted", "samples"):
                    key = f"{average}_zd{zd}"
                    case[key] = {"precision": precision_score(y, y_pred, average=average, zero_division=zd),
                                 "recall": recall_score(y, y_pred, average=average, zero_division=zd),
                                 "f1": f1_score(y, y_pred, average=average, zero_division=zd)}
                p, r, f, s = precision_recall_fscore_support(y, y_pred, average=None, zero_division=zd)
                case[f"per_label_zd{zd}"] = {"precision": p, "recall": r, "f1": f, "support": s}
        out.append(case)
    return out


def hamming_label_case():
    rng = np.random.default_rng(41)
    y = rng.integers(0, 4, size=50)
    y_pred = np.where(rng.uniform(size=50) < 0.3, rng.integers(0, 4, size=50), y)
    return {"y_true": y, "y_pred": y_pred, "hamming_loss": hamming_loss(y, y_pred)}


def main():
    data = {
        "versions": {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
                     "skimage": skimage.__version__},
        "quantile_cases": quantile_cases(),
        "robust": robust_cases(),
        "psnr": psnr_cases(),
        "multilabel": multilabel_cases(),
        "hamming_labels": hamming_label_case(),
    }
    path = os.path.join(HERE, "robust_multilabel.json")
    with open(path, "w") as f:
        f.write(to_json(clean(data)) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
