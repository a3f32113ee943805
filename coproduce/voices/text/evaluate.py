"""Cross-validated evaluation of the text model and the two baselines, on the same folds.

Five folds, multi-label stratified (iterative stratification), fixed seed. The headline
macro- and micro-F1 cover the labels with at least 25 examples; rarer labels are
reported on their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from iterstrat.ml_stratifiers import MultilabelStratifiedKFold
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import KFold
from sklearn.multioutput import MultiOutputClassifier
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC, LinearSVC

from coproduce.voices.text.data import Dataset
from coproduce.voices.text.model import TextModel, sentiment3

SEED = 2026
FOLDS = 5
MINIMUM_EXAMPLES = 25


@dataclass
class Scores:
    name: str
    predicted: np.ndarray
    train_seconds: float = 0.0
    predict_seconds: float = 0.0
    sentiment_predicted: np.ndarray | None = None
    sentiment3_predicted: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def folds(data: Dataset, n: int = FOLDS, seed: int = SEED) -> list[tuple[np.ndarray, np.ndarray]]:
    splitter = MultilabelStratifiedKFold(n_splits=n, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(data.texts)), data.y))


def run(
    name: str,
    data: Dataset,
    splits: list[tuple[np.ndarray, np.ndarray]],
    fit_predict: Callable[[list[str], np.ndarray, np.ndarray, list[str]], tuple[Any, ...]],
) -> Scores:
    predicted = np.zeros_like(data.y)
    sentiment = np.zeros(len(data.texts), dtype=int)
    three = [""] * len(data.texts)
    train = predict = 0.0
    for train_index, test_index in splits:
        texts = [data.texts[i] for i in train_index]
        tests = [data.texts[i] for i in test_index]
        start = time.perf_counter()
        model = fit_predict(texts, data.y[train_index], data.sentiment[train_index], [])
        train += time.perf_counter() - start
        start = time.perf_counter()
        categories, levels, classes = model[1](tests)
        predict += time.perf_counter() - start
        predicted[test_index] = categories
        if levels is not None:
            sentiment[test_index] = levels
            for i, value in zip(test_index, classes, strict=True):
                three[i] = value
    return Scores(name, predicted, train / len(splits), predict, sentiment, three)


def ours(labels: list[str], sentence_weight: float = 0.0) -> Callable[..., tuple[Any, ...]]:
    def fit_predict(
        texts: list[str], y: np.ndarray, s: np.ndarray, _: list[str]
    ) -> tuple[Any, ...]:
        model = TextModel(labels, sentence_weight=sentence_weight).fit(texts, y, s)

        def predict(tests: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
            return (
                model.predict_categories(tests),
                model.predict_sentiment(tests),
                model.predict_sentiment3(tests),
            )

        return model, predict

    return fit_predict


def at_least_one(labels: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """pxtextmining's prediction rule (``predict_multilabel_sklearn``): the classifier's
    labels, and for a comment it gave none, its single most probable label."""
    out = labels.astype(np.int8).copy()
    empty = out.sum(axis=1) == 0
    out[np.flatnonzero(empty), scores[empty].argmax(axis=1)] = 1
    return out


def _estimator(kind: str) -> Any:
    if kind == "svc":
        # pxtextmining's published final_svc, as it is.
        return SVC(
            C=15, class_weight="balanced", max_iter=1000, probability=True, random_state=SEED
        )
    if kind == "linear":
        return LinearSVC(class_weight="balanced", random_state=SEED)
    raise ValueError(f"unknown baseline {kind!r}: svc or linear")


BASELINE_NAMES = {"svc": "pxtextmining final_svc (faithful)", "linear": "TF-IDF + LinearSVC"}


def baseline(kind: str, columns: list[int]) -> Callable[..., tuple[Any, ...]]:
    """pxtextmining's final_svc rebuilt faithfully — ``TfidfVectorizer()`` with its
    defaults, ``MultiOutputClassifier(SVC(C=15, class_weight="balanced", max_iter=1000,
    probability=True))``, predicting as ``predict_multilabel_sklearn`` does — or the same
    features with a class-balanced LinearSVC per label (its highest decision score fills
    an empty row). Trained on ``columns``, the labels being scored."""

    def fit_predict(
        texts: list[str], y: np.ndarray, s: np.ndarray, _: list[str]
    ) -> tuple[Any, ...]:
        usable = [j for j in columns if 0 < y[:, j].sum() < len(y)]
        pipeline = make_pipeline(
            TfidfVectorizer(), MultiOutputClassifier(_estimator(kind), n_jobs=1)
        ).fit(texts, y[:, usable])

        def predict(tests: list[str]) -> tuple[np.ndarray, None, None]:
            labels = pipeline.predict(tests)
            if kind == "svc":
                scores = np.stack([p[:, 1] for p in pipeline.predict_proba(tests)], axis=1)
            else:
                x = pipeline[0].transform(tests)
                scores = np.stack(
                    [e.decision_function(x) for e in pipeline[-1].estimators_], axis=1
                )
            out = np.zeros((len(tests), y.shape[1]), dtype=np.int8)
            out[:, usable] = at_least_one(labels, scores)
            return out, None, None

        return pipeline, predict

    return fit_predict


def folds_v7(data: Dataset) -> list[tuple[np.ndarray, np.ndarray]]:
    """The folds of the independent reproduction on v7 labels: plain shuffled KFold."""
    splitter = KFold(n_splits=FOLDS, shuffle=True, random_state=42)
    return list(splitter.split(np.zeros(len(data.texts))))


def category_scores(data: Dataset, scores: Scores) -> dict[str, Any]:
    headline = data.frequent(MINIMUM_EXAMPLES)
    rare = [j for j in range(len(data.labels)) if j not in headline and data.y[:, j].sum()]
    per_label = f1_score(data.y, scores.predicted, average=None, zero_division=0)
    return {
        "macro_f1": float(np.mean(per_label[headline])),
        "micro_f1": float(
            f1_score(data.y[:, headline], scores.predicted[:, headline], average="micro")
        ),
        "headline_labels": len(headline),
        "rare_labels": {data.labels[j]: round(float(per_label[j]), 3) for j in rare},
        "per_label_f1": {data.labels[j]: round(float(per_label[j]), 3) for j in headline},
    }


def sentiment_scores(data: Dataset, scores: Scores) -> dict[str, float]:
    labelled = data.sentiment > 0
    truth, guess = data.sentiment[labelled], scores.sentiment_predicted[labelled]  # type: ignore[index]
    truth3 = sentiment3(truth)
    guess3 = [scores.sentiment3_predicted[i] for i in np.flatnonzero(labelled)]
    return {
        "sentiment5_macro_f1": float(f1_score(truth, guess, average="macro")),
        "sentiment5_accuracy": float(accuracy_score(truth, guess)),
        "sentiment3_macro_f1": float(f1_score(truth3, guess3, average="macro")),
        "sentiment3_accuracy": float(accuracy_score(truth3, guess3)),
    }
