"""A small synthetic labelled sample in the v6 framework file's shape, for tests.

Made here from templates (never from the real data): each comment mixes phrases whose
categories are known, with a sentiment that follows its words.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

PHRASES = {
    "Timeliness of care": [
        "waited hours for the crew",
        "the ambulance took ages to arrive",
        "nobody came for a long time",
        "quick response, they arrived in minutes",
    ],
    "Staff manner & personal attributes": [
        "the paramedics were so kind",
        "staff were rude and dismissive",
        "lovely caring nurse",
        "the call handler was polite and friendly",
    ],
    "Food & drink provision & facilities": [
        "the food on the ward was cold",
        "they brought me tea and toast",
        "meals were tasty and hot",
    ],
    "Transport to/ from services": [
        "the patient transport driver was late picking me up",
        "transport home was arranged well",
        "the minibus to my appointment never came",
    ],
}
POSITIVE = {"kind", "lovely", "quick", "polite", "tasty", "well", "caring"}
NEGATIVE = {"waited", "ages", "rude", "cold", "late", "never", "nobody"}
LABELS = ["Not assigned", *PHRASES, "Labelling not possible"]


def write_sample(path: Path, comments: int = 240, seed: int = 7) -> Path:
    rng = random.Random(seed)  # noqa: S311 - synthetic test data, not security
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Comment ID", "FFT answer", "Comment sentiment", *LABELS])
        for n in range(comments):
            chosen = rng.sample(list(PHRASES), rng.choice([1, 1, 2]))
            parts = [rng.choice(PHRASES[label]) for label in chosen]
            words = set(" ".join(parts).split())
            score = 1 if words & POSITIVE and not words & NEGATIVE else 5 if words & NEGATIVE else 3
            if words & POSITIVE and words & NEGATIVE:
                score = 3
            row = [f"S{n}", ". ".join(parts).capitalize() + ".", str(score)]
            row += ["1" if label in chosen else "0" for label in LABELS]
            writer.writerow(row)
        writer.writerow(["S-empty", "", "", *(["0"] * len(LABELS))])
    return path
