#!/usr/bin/python3
"""Writes text_fixtures.json: scikit-learn's CountVectorizer / TfidfVectorizer answers (the oracle of
CountVectorizerTests and TfidfVectorizerTests) and TimeSeriesSplit's folds (TimeSeriesSplitTests).
Run with Debian's python (scikit-learn 1.2.1):

    /usr/bin/python3 tests/AiLab.Tests/Data/Fixtures/make_text_fixtures.py

The small corpora are written here; the "spam" cases fit on the first 80 e-mails of
data/stdlib/spam-assassin-subset.jsonl and transform the next 20 (text = subject, blank line, body, as
Datasets.SpamAssassin builds it), so the JSON holds indices, not the e-mails. Matrices are stored sparse
(row, column, value triplets of the non-zeros)."""
import json
import os

import numpy as np
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.model_selection import TimeSeriesSplit

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}

with open(os.path.join(root, "data", "stdlib", "spam-assassin-subset.jsonl"), encoding="utf-8") as f:
    records = [json.loads(line) for line in f if line.strip()]
spam = [f"{r['subject'] or ''}\n\n{r['body'] or ''}" for r in records]

small_train = [
    "The cat sat on the mat.",
    "The dog sat on the log; the dog barked!",
    "Cats and dogs: a_b testing, 2 cats, 22 dogs, 3.5 kg.",
    "Don't panic: it's only a test — TEST test.",
    "Café naïve résumé: ÉCOLE école Straße x² ½ 北京 大学",
    "",
]
small_test = [
    "A cat and a dog and an unseen bird.",
    "nothing known here",
    "the THE The the",
    "",
]


def sparse(X):
    X = X.tocoo()
    order = np.lexsort((X.col, X.row))
    return {"shape": list(X.shape), "rows": X.row[order].tolist(), "cols": X.col[order].tolist(),
            "values": X.data[order].astype(float).tolist()}


def check_no_tie_at_cut(params, train):
    """max_features keeps the most frequent terms; numpy's argsort is not stable, so the fixture must not
    have a tie at the cut (the C# rule breaks ties alphabetically) -- unless there are at most 16 candidate terms,
    where numpy's quicksort is an insertion sort, which is stable, so ties come out alphabetically."""
    if params.get("max_features") is None:
        return
    p = {k: v for k, v in params.items() if k not in ("max_features", "norm", "use_idf", "smooth_idf", "sublinear_tf")}
    X = CountVectorizer(**{k: tuple(x) if k == "ngram_range" else x for k, x in p.items()}).fit_transform(train)
    tfs = np.sort(np.asarray(X.sum(axis=0)).ravel())[::-1]
    k = params["max_features"]
    assert len(tfs) <= 16 or k >= len(tfs) or tfs[k - 1] != tfs[k], f"tie at the max_features cut for {params}"


def case(kind, name, params, train, test, spam_split=None):
    cls = CountVectorizer if kind == "count" else TfidfVectorizer
    check_no_tie_at_cut(params, train)
    v = cls(**{k: tuple(x) if k == "ngram_range" else x for k, x in params.items()})
    X_train = v.fit_transform(train)
    X_test = v.transform(test)
    c = {"name": name, "params": params,
         "feature_names": v.get_feature_names_out().tolist(),
         "stop_words": sorted(v.stop_words_) if spam_split is None else None,
         "stop_word_count": len(v.stop_words_),
         "train": sparse(X_train), "test": sparse(X_test)}
    if spam_split is None:
        c["train_texts"], c["test_texts"] = train, test
    else:
        c["spam_train"], c["spam_test"] = spam_split
    if kind == "tfidf":
        c["idf"] = v.idf_.tolist() if params.get("use_idf", True) else None
    return c


spam_train, spam_test = spam[:80], spam[80:100]
spam_split = ([0, 80], [80, 100])
out["count"] = [
    case("count", "small_defaults", {}, small_train, small_test),
    case("count", "small_bigrams_binary", {"ngram_range": [1, 2], "binary": True}, small_train, small_test),
    case("count", "small_min_df_2", {"min_df": 2}, small_train, small_test),
    case("count", "small_max_df_0.3_uppercase", {"max_df": 0.3, "lowercase": False}, small_train, small_test),
    case("count", "tiny_max_features_3_ties", {"max_features": 3},
         ["bb aa cc", "dd ee aa", "cc ff", "ff zz"], ["aa bb cc dd ee ff zz"]),
    case("count", "spam_min_df_0.05_max_df_0.6", {"min_df": 0.05, "max_df": 0.6}, spam_train, spam_test, spam_split),
    case("count", "spam_max_features_200", {"max_features": 200, "max_df": 0.9}, spam_train, spam_test, spam_split),
]
out["tfidf"] = [
    case("tfidf", "small_defaults", {}, small_train, small_test),
    case("tfidf", "small_sublinear_unsmoothed", {"sublinear_tf": True, "smooth_idf": False}, small_train, small_test),
    case("tfidf", "small_l1_bigrams", {"norm": "l1", "ngram_range": [1, 2]}, small_train, small_test),
    case("tfidf", "small_no_norm_no_idf", {"norm": None, "use_idf": False, "min_df": 2}, small_train, small_test),
    case("tfidf", "spam_defaults_min_df_3", {"min_df": 3}, spam_train, spam_test, spam_split),
    case("tfidf", "spam_sublinear_max_features_307_bigrams",
         {"sublinear_tf": True, "max_features": 307, "ngram_range": [1, 2]}, spam_train, spam_test, spam_split),
]

# TimeSeriesSplit: every fold's train and test indices.
splits = []
for n, params in [(12, {}), (12, {"n_splits": 3}), (20, {"n_splits": 4, "gap": 2}), (20, {"n_splits": 3, "test_size": 3}),
                  (20, {"n_splits": 3, "max_train_size": 5}), (23, {"n_splits": 5, "test_size": 2, "gap": 3, "max_train_size": 7}),
                  (6, {"n_splits": 5}), (10, {"n_splits": 2, "test_size": 4, "gap": 1})]:
    folds = [{"train": tr.tolist(), "test": te.tolist()} for tr, te in TimeSeriesSplit(**params).split(np.zeros(n))]
    splits.append({"n_samples": n, "params": params, "folds": folds})
errors = []
for n, params in [(5, {"n_splits": 5}), (10, {"n_splits": 3, "test_size": 3, "gap": 1}), (10, {"n_splits": 4, "gap": 8})]:
    try:
        list(TimeSeriesSplit(**params).split(np.zeros(n)))
        raise AssertionError("expected an error")
    except ValueError as e:
        errors.append({"n_samples": n, "params": params, "error": str(e)})
out["time_series_split"] = splits
out["time_series_split_errors"] = errors

with open(os.path.join(here, "text_fixtures.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=None, separators=(",", ":"))
    f.write("\n")
