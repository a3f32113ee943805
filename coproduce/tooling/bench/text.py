"""``coproduce bench text``: our model and the two baselines on the same folds, plus
training time, throughput and model size, in one run (the risk screen has its own:
``coproduce bench risk``)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from coproduce.voices.text import data, evaluate
from coproduce.voices.text.model import TextModel


def run(path: Path, baselines: list[str]) -> dict[str, Any]:
    dataset = data.load(path)
    splits = evaluate.folds(dataset)
    ours = evaluate.run("ours", dataset, splits, evaluate.ours(dataset.labels))
    result: dict[str, Any] = {
        "comments": len(dataset.texts),
        "folds": evaluate.FOLDS,
        "seed": evaluate.SEED,
        **evaluate.category_scores(dataset, ours),
        **evaluate.sentiment_scores(dataset, ours),
        "train_seconds_per_fold": round(ours.train_seconds, 1),
    }
    rebuilt = {}
    for kind in baselines:
        scores = evaluate.run(kind, dataset, splits, evaluate.baseline(kind))
        rebuilt[kind] = {
            **{
                k: v
                for k, v in evaluate.category_scores(dataset, scores).items()
                if k != "per_label_f1"
            },
            "train_seconds_per_fold": round(scores.train_seconds, 1),
        }
    result["baselines"] = rebuilt
    if rebuilt:
        best = max(rebuilt, key=lambda k: rebuilt[k]["macro_f1"])
        result["baseline"] = {"svc": "pxtextmining SVC recipe", "linear": "TF-IDF + LinearSVC"}[
            best
        ]
        result["baseline_macro_f1"] = rebuilt[best]["macro_f1"]
        result["baseline_micro_f1"] = rebuilt[best]["micro_f1"]
        result["baseline_train_seconds"] = rebuilt[best]["train_seconds_per_fold"]
    # The shipped model: trained on everything, timed, sized and run for throughput.
    start = time.perf_counter()
    model = TextModel(dataset.labels).fit(dataset.texts, dataset.y, dataset.sentiment)
    result["train_seconds"] = round(time.perf_counter() - start, 1)
    with tempfile.TemporaryDirectory() as folder:
        result["model_bytes"] = model.save(Path(folder)).stat().st_size
    start = time.perf_counter()
    model.predict_categories(dataset.texts)
    model.predict_sentiment(dataset.texts)
    result["comments_per_second"] = round(len(dataset.texts) / (time.perf_counter() - start))
    return result


def summary(result: dict[str, Any]) -> str:
    lines = [
        f"{result['comments']} comments, {result['folds']}-fold CV (seed {result['seed']}), "
        f"{result['headline_labels']} labels with at least 25 examples",
        f"ours: macro-F1 {result['macro_f1']:.3f}, micro-F1 {result['micro_f1']:.3f}; "
        f"sentiment (3) macro-F1 {result['sentiment3_macro_f1']:.3f}, accuracy "
        f"{result['sentiment3_accuracy']:.3f}; {result['train_seconds_per_fold']} s per fold",
    ]
    for kind, scores in result["baselines"].items():
        lines.append(
            f"baseline {kind}: macro-F1 {scores['macro_f1']:.3f}, micro-F1 "
            f"{scores['micro_f1']:.3f}; {scores['train_seconds_per_fold']} s per fold"
        )
    lines.append(
        f"full training {result['train_seconds']} s; {result['comments_per_second']} "
        f"comments/s; model {result['model_bytes'] / 1e6:.1f} MB"
    )
    return "\n".join(lines)
