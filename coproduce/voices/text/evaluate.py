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
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC, LinearSVC

from coproduce.voices.text.data import Dataset
from coproduce.voices.text.model import TextModel, clip, sentiment3

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


def ours(labels: list[str]) -> Callable[..., tuple[Any, ...]]:
    def fit_predict(
        texts: list[str], y: np.ndarray, s: np.ndarray, _: list[str]
    ) -> tuple[Any, ...]:
        model = TextModel(labels).fit(texts, y, s)

        def predict(tests: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
            return (
                model.predict_categories(tests),
                model.predict_sentiment(tests),
                model.predict_sentiment3(tests),
            )

        return model, predict

    return fit_predict


def baseline(kind: str) -> Callable[..., tuple[Any, ...]]:
    """pxtextmining's SVC recipe, or TF-IDF + one-vs-rest LinearSVC."""

    def fit_predict(
        texts: list[str], y: np.ndarray, s: np.ndarray, _: list[str]
    ) -> tuple[Any, ...]:
        estimator = (
            SVC(C=15, class_weight="balanced", random_state=SEED)
            if kind == "svc"
            else LinearSVC(class_weight="balanced", random_state=SEED)
        )
        usable = [j for j in range(y.shape[1]) if 0 < y[:, j].sum() < len(y)]
        pipeline = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2), OneVsRestClassifier(estimator, n_jobs=1)
        ).fit(clip(texts), y[:, usable])

        def predict(tests: list[str]) -> tuple[np.ndarray, None, None]:
            out = np.zeros((len(tests), y.shape[1]), dtype=np.int8)
            out[:, usable] = pipeline.predict(clip(tests))
            return out, None, None

        return pipeline, predict

    return fit_predict


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
