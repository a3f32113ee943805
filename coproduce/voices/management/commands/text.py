"""``coproduce text train|evaluate``: the text model for categories and sentiment.

coproduce text train --data ../shared/data/qdc-v6/v6framework_230831.csv --out DIR
coproduce text evaluate --data CSV [--json]
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.voices.categories import default_framework_path
from coproduce.voices.text import data, evaluate
from coproduce.voices.text.model import SENTENCE_WEIGHT, TextModel, training_progress


class Command(BaseCommand):
    help = "Train or evaluate the text model (categories and sentiment)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["train", "evaluate"])
        parser.add_argument("--data", type=Path, default=None, help="A v6 framework CSV")
        parser.add_argument("--out", type=Path, default=None, help="Where to save (train)")
        parser.add_argument("--json", action="store_true", help="Print JSON (evaluate)")
        parser.add_argument(
            "--sentence-weight",
            type=float,
            default=SENTENCE_WEIGHT,
            help="Weight of the sentence encoder's features; 0 leaves the encoder out "
            f"(quicker to train, a little less accurate). Default {SENTENCE_WEIGHT}.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["data"] or default_framework_path()
        if not path.is_file():
            raise CommandError(f"No data file at {path}. Give one with --data.")
        try:
            dataset = data.load(path)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from None
        if options["action"] == "train":
            if options["out"] is None:
                raise CommandError("Say where to save the model with --out DIR.")
            self.stdout.write(
                f"Training on {len(dataset.texts)} comments, {len(dataset.labels)} categories "
                "and sentiment (minutes on a small machine) …"
            )
            if options["sentence_weight"] < 0:
                raise CommandError("--sentence-weight cannot be negative.")
            model = TextModel(dataset.labels, sentence_weight=options["sentence_weight"]).fit(
                dataset.texts, dataset.y, dataset.sentiment, progress=self._progress()
            )
            saved = model.save(options["out"])
            self.stdout.write(
                f"Trained on {len(dataset.texts)} comments in {model.train_seconds:.0f} s; "
                f"saved {saved} ({saved.stat().st_size / 1e6:.1f} MB)."
            )
            return
        splits = evaluate.folds(dataset)
        scores = evaluate.run(
            "ours", dataset, splits, evaluate.ours(dataset.labels, options["sentence_weight"])
        )
        result: dict[str, Any] = {
            **evaluate.category_scores(dataset, scores),
            **evaluate.sentiment_scores(dataset, scores),
            "train_seconds": scores.train_seconds,
            "comments": len(dataset.texts),
        }
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2))
            return
        self.stdout.write(
            f"{len(dataset.texts)} comments, 5-fold CV on {result['headline_labels']} labels "
            f"with at least {evaluate.MINIMUM_EXAMPLES} examples: macro-F1 "
            f"{result['macro_f1']:.3f}, micro-F1 {result['micro_f1']:.3f}; sentiment (3 "
            f"classes) macro-F1 {result['sentiment3_macro_f1']:.3f}, accuracy "
            f"{result['sentiment3_accuracy']:.3f}; training {result['train_seconds']:.0f} s "
            "per fold."
        )
        for label, f1 in result["rare_labels"].items():
            self.stdout.write(f"  rare label (fewer than 25 examples): {label}: F1 {f1:.2f}")

    def _progress(self) -> Callable[[int, int], None]:
        def say(line: str) -> None:
            self.stdout.write(line)
            self.stdout.flush()

        return training_progress(say)
