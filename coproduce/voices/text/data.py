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


# The v7 label set, for comparing with pxtextmining's published results: each v7 label and
# the v6 columns it takes in (a comment has the v7 label if it has any of them); v6 labels
# not named here keep their own name. pxtextmining publishes its own v6 → v7 merge table;
# it was not among the sources this work could read, so this table is our reading of
# the v7 framework's coarser groupings, kept in this one place to be replaced by theirs.
# With the shared data it leaves 25 labels with at least 30 examples, as theirs does.
V7_MERGE: dict[str, tuple[str, ...]] = {
    "Information & clarity": (
        "Unspecified communication",
        "Information provision & guidance",
        "Being kept informed, clarity & consistency of information",
    ),
    "Access & appointments": (
        "Contacting services",
        "Appointment arrangements",
        "Appointment method",
    ),
    "Environment, equipment & cleanliness": (
        "Environment & Facilities",
        "Provision of medical equipment",
        "Sensory experience",
        "Cleanliness, tidiness & infection control",
    ),
    "Staffing & responsiveness": (
        "Number & deployment of staff",
        "Staff responsiveness",
        "Staff continuity",
    ),
    "Patient journey & continuity": (
        "Referals & continuity of care",
        "Admission",
        "Discharge",
        "Care plans",
        "Patient records",
    ),
    "Organisation, efficiency & funding": (
        "Organisation & efficiency",
        "Funding & use of financial resources",
    ),
}
V7_MINIMUM_EXAMPLES = 30


def merge_v7(dataset: Dataset, merge: dict[str, tuple[str, ...]] | None = None) -> Dataset:
    """The same comments with v6 labels merged into v7 ones (see ``V7_MERGE``), keeping
    only the labels with at least ``V7_MINIMUM_EXAMPLES`` examples. A v6 label the file
    lacks never applies (a sample may carry only some of the columns)."""
    merge = V7_MERGE if merge is None else merge
    merged_away = {v6 for v6s in merge.values() for v6 in v6s}
    columns: dict[str, np.ndarray] = {}
    for j, label in enumerate(dataset.labels):
        if label not in merged_away:
            columns[label] = dataset.y[:, j]
    for v7, v6s in merge.items():
        indexes = [dataset.labels.index(v6) for v6 in v6s if v6 in dataset.labels]
        if indexes:
            columns[v7] = dataset.y[:, indexes].max(axis=1)
    kept = [label for label, column in columns.items() if column.sum() >= V7_MINIMUM_EXAMPLES]
    if not kept:
        raise ValueError(f"no v7 label has {V7_MINIMUM_EXAMPLES} examples in this file")
    y = np.stack([columns[label] for label in kept], axis=1).astype(np.int8)
    return Dataset(dataset.texts, kept, y, dataset.sentiment)
