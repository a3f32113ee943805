"""The screen's second layer: what a message means, not which words it uses.

Each message, and each of its sentences when it has several (risk is often one line in
ordinary feedback), is embedded with all-MiniLM-L6-v2 (`encoder`) and scored by a head
(a support vector machine) trained on the exemplar bank (`exemplars`, written from
published clinical sources), the tuning half of the frozen evaluation set and the tuning
half of the NHS feedback comments (`train`). The head's weights, its threshold and what
it was trained on are in `head.json` and `head.npz`, the exemplars' embeddings in
`bank.npy`; `coproduce risk train` makes them again. The closest exemplar is given as the
reason, so the duty worker sees why.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from coproduce.voices.risk import encoder
from coproduce.voices.risk.exemplars import EXEMPLARS, Exemplar
from coproduce.voices.risk.lexicon import without_idioms
from coproduce.voices.risk.normalise import normalise

HEAD_PATH = Path(__file__).with_name("head.json")
ARRAYS_PATH = Path(__file__).with_name("head.npz")
BANK_PATH = Path(__file__).with_name("bank.npy")
# A sentence shorter than this says too little on its own ("ok.", "Thanks!").
_MIN_SEGMENT_WORDS = 3
_SENTENCE = re.compile(r"(?<=[.!?;\n])\s+|\n+|\s+(?:but|though|although|however|also)\s+", re.I)


def exemplars_digest() -> str:
    joined = "\n".join(f"{e.concern}\t{e.text}" for e in EXEMPLARS)
    return hashlib.sha256(joined.encode()).hexdigest()


def prepare(text: str) -> str:
    """What the encoder reads: the lexicon's normalised text, harmless idioms taken out
    ("dying to get home" is not a wish to die), so both layers read the same words."""
    return " ".join(without_idioms(normalise(text)).split())


def sentences(text: str) -> list[str]:
    """The message's sentences (and clauses after "but", "though" and the like) of at
    least ``_MIN_SEGMENT_WORDS`` words."""
    parts = [p.strip() for p in _SENTENCE.split(text) if p and p.strip()]
    return [p for p in parts if len(p.split()) >= _MIN_SEGMENT_WORDS]


def segments(text: str) -> list[tuple[str, str]]:
    """The whole message and, when it has several, each sentence: (as written, prepared)."""
    whole = " ".join(text.split())
    if not whole:
        return []
    parts = sentences(text)
    chosen = [whole, *(p for p in parts if p != whole)] if len(parts) > 1 else [whole]
    return [(c, prepare(c) or c) for c in chosen]


@dataclass(frozen=True)
class Head:
    """A support vector machine with a radial kernel over the embeddings (its support
    vectors in `head.npz`), squashed to 0..1; and a logistic head saying, among at-risk
    texts, which read as safeguarding."""

    support: np.ndarray[Any, np.dtype[np.float32]]
    weights: np.ndarray[Any, np.dtype[np.float32]]
    intercept: float
    gamma: float
    threshold: float
    safeguarding_coef: np.ndarray[Any, np.dtype[np.float32]]
    safeguarding_intercept: float
    about: dict[str, Any]

    def decision(self, vectors: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        # Embeddings have unit length, so |a - b|^2 = 2 - 2 a.b.
        distance = np.maximum(2.0 - 2.0 * (vectors @ self.support.T), 0.0)
        return np.exp(-self.gamma * distance) @ self.weights + self.intercept  # type: ignore[no-any-return]

    def probability(self, vectors: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return 1.0 / (1.0 + np.exp(-self.decision(vectors)))  # type: ignore[no-any-return]

    def safeguarding(self, vectors: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        z = vectors @ self.safeguarding_coef + self.safeguarding_intercept
        return 1.0 / (1.0 + np.exp(-z))  # type: ignore[no-any-return]

    def save(self, json_path: Path, arrays_path: Path) -> None:
        json_path.write_text(
            json.dumps(
                {
                    "about": self.about,
                    "threshold": self.threshold,
                    "intercept": self.intercept,
                    "gamma": self.gamma,
                    "safeguarding_intercept": self.safeguarding_intercept,
                    "safeguarding_coef": [round(float(x), 7) for x in self.safeguarding_coef],
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        np.savez_compressed(
            arrays_path, support=self.support.astype(np.float16), weights=self.weights
        )

    @classmethod
    def load(cls, json_path: Path, arrays_path: Path) -> Head:
        data = json.loads(json_path.read_text(encoding="utf-8"))
        with np.load(arrays_path) as arrays:
            support = arrays["support"].astype(np.float32)
            weights = arrays["weights"].astype(np.float32)
        return cls(
            support=support,
            weights=weights,
            intercept=float(data["intercept"]),
            gamma=float(data["gamma"]),
            threshold=float(data["threshold"]),
            safeguarding_coef=np.array(data["safeguarding_coef"], dtype=np.float32),
            safeguarding_intercept=float(data["safeguarding_intercept"]),
            about=data["about"],
        )


@cache
def head() -> Head:
    return Head.load(HEAD_PATH, ARRAYS_PATH)


_bank_lock = threading.Lock()


@cache
def _bank() -> tuple[list[Exemplar], np.ndarray[Any, Any]]:
    """The at-risk exemplars and their embeddings, made by `coproduce risk train`."""
    at_risk = [e for e in EXEMPLARS if e.concern != "ordinary"]
    vectors = np.load(BANK_PATH).astype(np.float32)
    if len(vectors) != len(at_risk):
        vectors = encoder.shared().encode([prepare(e.text) for e in at_risk])
    return at_risk, vectors


def bank() -> tuple[list[Exemplar], np.ndarray[Any, Any]]:
    with _bank_lock:
        return _bank()


@dataclass(frozen=True)
class Reading:
    probability: float
    segment: str
    safeguarding: bool
    closest: Exemplar | None

    @property
    def at_risk(self) -> bool:
        return self.probability >= head().threshold


def read(texts: list[str], *, explain: bool = True) -> list[Reading]:
    """One reading a text: its highest-scoring segment and how sure the head is."""
    pieces = [segments(t) for t in texts]
    flat = [s for p in pieces for s in p]
    vectors = encoder.shared().encode([prepared for _, prepared in flat])
    scores = head().probability(vectors) if flat else np.zeros(0)
    readings, at = [], 0
    for p in pieces:
        if not p:
            readings.append(Reading(0.0, "", False, None))
            continue
        best = at + int(np.argmax(scores[at : at + len(p)]))
        vector = vectors[best]
        closest = None
        if explain and scores[best] >= head().threshold:
            examples, matrix = bank()
            closest = examples[int(np.argmax(matrix @ vector))]
        readings.append(
            Reading(
                probability=float(scores[best]),
                segment=flat[best][0],
                # The closest example's concern where there is one, so the reason agrees.
                safeguarding=(
                    closest.concern == "safeguarding"
                    if closest
                    else bool(head().safeguarding(vector[None, :])[0] >= 0.5)
                ),
                closest=closest,
            )
        )
        at += len(p)
    return readings
