"""Reading labelled comments: the NHS England v6 framework file, or our synthetic sample."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coproduce.voices.categories import FIRST_LABEL

TEXT_COLUMN = "FFT answer"
SENTIMENT_COLUMN = "Comment sentiment"
# Sentiment 1 very positive … 5 very negative; three classes as the issue defines them.
SENTIMENT3 = {1: "positive", 2: "positive", 3: "neutral", 4: "negative", 5: "negative"}


@dataclass
class Dataset:
    texts: list[str]
    labels: list[str]
    y: np.ndarray  # (comments, labels) of 0/1
    sentiment: np.ndarray  # 1..5, or 0 where not labelled

    def frequent(self, minimum: int = 25) -> list[int]:
        """Indexes of labels with at least ``minimum`` examples (the headline set)."""
        counts = self.y.sum(axis=0)
        return [i for i, n in enumerate(counts) if n >= minimum]


def load(path: Path) -> Dataset:
    """Comments with text, their label columns and sentiment. Rows without text are left
    out: there is nothing to classify."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        if TEXT_COLUMN not in header or FIRST_LABEL not in header:
            raise ValueError(
                f"{path.name} needs a {TEXT_COLUMN!r} column and label columns from "
                f"{FIRST_LABEL!r} on"
            )
        labels = header[header.index(FIRST_LABEL) :]
        texts, rows, sentiment = [], [], []
        for row in reader:
            text = (row.get(TEXT_COLUMN) or "").strip()
            if not text:
                continue
            texts.append(text)
            rows.append([1 if (row.get(label) or "").strip() == "1" else 0 for label in labels])
            raw = (row.get(SENTIMENT_COLUMN) or "").strip()
            sentiment.append(int(raw) if raw in {"1", "2", "3", "4", "5"} else 0)
    if not texts:
        raise ValueError(f"{path.name} has no comments with text")
    return Dataset(texts, labels, np.array(rows, dtype=np.int8), np.array(sentiment))
