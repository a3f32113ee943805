"""Train the semantic layer's head (`coproduce risk train`) and choose its threshold.

Trained on: the exemplar bank; the tuning files of the frozen evaluation set (never its
held-out file); and the tuning half of the NHS feedback comments (`../shared/data/
qdc-v6`, split by comment id), whole and sentence by sentence, as ordinary text. A
support vector machine with a radial kernel (C=4): on the same folds, within the same
false-alert budget on the tuning comments, it reached an out-of-fold recall of 0.99 by
meaning alone, where logistic regression (C=0.3 to 16, weighted or not) reached 0.89 to
0.92; the price is more false alerts on the tuning half's hard ordinary messages (idioms,
crises long over, talk about the news): 25% against 14%. The threshold is the lowest
whose out-of-fold false alerts on the tuning comments, with the lexicon's, stay within
the budget. Five folds, seed 2026.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coproduce.voices.risk import encoder, lexicon
from coproduce.voices.risk.exemplars import EXEMPLARS
from coproduce.voices.risk.normalise import normalise
from coproduce.voices.risk.semantic import (
    ARRAYS_PATH,
    BANK_PATH,
    HEAD_PATH,
    Head,
    exemplars_digest,
    prepare,
    segments,
)

SEED = 2026
FOLDS = 5
# Of ordinary NHS feedback, out of fold on the tuning comments. The target is 3%; with the
# folds kept honest the out-of-fold figure has matched the held-out one (2.0% and 1.95%),
# so 2.5% leaves the held-out figure's own spread (about 0.3 points) under the target.
FALSE_ALERT_BUDGET = 0.025


@dataclass(frozen=True)
class Message:
    text: str
    at_risk: bool
    safeguarding: bool = False
    language: str = "en"
    category: str = ""


def load_set(path: Path) -> list[Message]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    safeguarding = {
        "child_sexual_abuse_child_words",
        "child_neglect_left_alone",
        "online_grooming",
        "criminal_exploitation",
        "domestic_abuse_coercive_control",
        "sexual_abuse_assault_adult",
        "financial_abuse_carer_abuse",
    }
    return [
        Message(
            r["text"],
            r["label"] == "at_risk",
            r["category"] in safeguarding,
            r["language"],
            r["category"],
        )
        for r in rows
    ]


def in_tuning_half(comment_id: str) -> bool:
    """The NHS comments split in two by a hash of their id: even for tuning."""
    return hashlib.sha256(comment_id.encode()).digest()[0] % 2 == 0


def load_comments(path: Path, *, tuning: bool) -> list[str]:
    """Ordinary comments: those the v6 coders did not flag as safeguarding."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            (row.get("FFT answer") or "").strip()
            for row in csv.DictReader(handle)
            if (row.get("FFT answer") or "").strip()
            and (row.get("Safeguarding concerns?") or "").strip() != "1"
            and in_tuning_half(row.get("Comment ID") or "") == tuning
        ]


class Embeddings:
    """Encoded texts kept on disk by digest, so a second run does not encode again."""

    def __init__(self, cache: Path | None, say: Callable[[str], object] = print) -> None:
        self.cache = cache
        self.say = say
        self.known: dict[str, np.ndarray[Any, Any]] = {}
        if cache and cache.is_file():
            with np.load(cache) as data:
                self.known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    def __call__(self, texts: list[str]) -> np.ndarray[Any, Any]:
        keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.known})
        if missing:
            self.say(f"Encoding {len(missing):,} texts (about 50 a second on one core) …")
            by_key = dict(zip(keys, texts, strict=True))
            vectors = encoder.shared().encode([by_key[k] for k in missing])
            self.known.update(zip(missing, vectors, strict=True))
            if self.cache:
                self.cache.parent.mkdir(parents=True, exist_ok=True)
                np.savez(
                    self.cache,
                    keys=np.array(list(self.known)),
                    vectors=np.array(list(self.known.values())),
                )
        return np.array([self.known[k] for k in keys], dtype=np.float32)


def segment_scores(
    texts: list[str], embed: Callable[[list[str]], Any], score: Callable[[Any], Any]
) -> np.ndarray[Any, Any]:
    """Each text's highest score over its segments (as the screen reads it)."""
    pieces = [[prepared for _, prepared in segments(t)] or [""] for t in texts]
    flat = [s for p in pieces for s in p]
    scores = score(embed(flat))
    out, at = [], 0
    for p in pieces:
        out.append(float(np.max(scores[at : at + len(p)])))
        at += len(p)
    return np.array(out)


def lexicon_alerts(texts: list[str]) -> np.ndarray[Any, Any]:
    return np.array([bool(lexicon.search(normalise(t))) for t in texts])


SVM_C = 4.0


def fit_svm(x: np.ndarray[Any, Any], y: np.ndarray[Any, Any]) -> Any:
    from sklearn.svm import SVC

    return SVC(C=SVM_C, kernel="rbf", gamma="scale").fit(x, y)


def _squashed(model: Any) -> Callable[[np.ndarray[Any, Any]], np.ndarray[Any, Any]]:
    def score(vectors: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return 1 / (1 + np.exp(-model.decision_function(vectors)))  # type: ignore[no-any-return]

    return score


def fit_logistic(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=3000)
    model.fit(x, y)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def train(
    tuning_sets: list[Path],
    comments: Path,
    cache: Path | None = None,
    out: Path = HEAD_PATH,
    arrays: Path = ARRAYS_PATH,
    say: Callable[[str], object] = print,
) -> dict[str, Any]:
    embed = Embeddings(cache, say)
    tuning = [m for path in tuning_sets for m in load_set(path) if m.language == "en"]
    ordinary_comments = load_comments(comments, tuning=True)
    bank_pos = [e for e in EXEMPLARS if e.concern != "ordinary"]
    bank_neg = [e for e in EXEMPLARS if e.concern == "ordinary"]
    texts = (
        [e.text for e in bank_pos]
        + [e.text for e in bank_neg]
        + [m.text for m in tuning]
        + ordinary_comments
    )
    y = np.array(
        [1] * len(bank_pos)
        + [0] * len(bank_neg)
        + [int(m.at_risk) for m in tuning]
        + [0] * len(ordinary_comments)
    )
    x = embed([prepare(t) or t for t in texts])
    # The screen scores each sentence too: the comments' sentences teach the head that a
    # short ordinary sentence ("Snow on the hills this morning!") is ordinary.
    sentences = sorted({p for c in ordinary_comments for _, p in segments(c)[1:]})
    xs_neg = embed(sentences)
    # Out-of-fold scores for the tuning messages and comments, to choose the threshold.
    rng = np.random.default_rng(SEED)
    fold = rng.integers(0, FOLDS, len(texts))
    first = len(bank_pos) + len(bank_neg)
    judged = list(range(first, len(texts)))
    oof = np.zeros(len(texts))
    # Each sentence is held out with the comment it came from (the first, if several),
    # or a comment's own sentences would teach the head about it and flatter the count.
    comment_fold = {
        p: fold[first + len(tuning) + n]
        for n, c in reversed(list(enumerate(ordinary_comments)))
        for _, p in segments(c)[1:]
    }
    sentence_fold = np.array([comment_fold[p] for p in sentences])
    for k in range(FOLDS):
        say(f"Fold {k + 1} of {FOLDS} …")
        train_rows = fold != k
        model = fit_svm(
            np.vstack([x[train_rows], xs_neg[sentence_fold != k]]),
            np.concatenate([y[train_rows], np.zeros(int((sentence_fold != k).sum()), int)]),
        )
        rows = [i for i in judged if fold[i] == k]
        oof[rows] = segment_scores([texts[i] for i in rows], embed, _squashed(model))
    lexical = lexicon_alerts([texts[i] for i in judged])
    truth = y[judged].astype(bool)
    is_comment = np.array([i >= first + len(tuning) for i in judged])
    curve = []
    for threshold in np.round(np.arange(0.05, 0.96, 0.01), 2):
        alert = lexical | (oof[judged] >= threshold)
        curve.append(
            (float(threshold), float(alert[truth].mean()), float(alert[is_comment].mean()))
        )
    within = [c for c in curve if c[2] <= FALSE_ALERT_BUDGET] or [curve[-1]]
    # The lowest threshold in the false-alert budget: the most recall it can buy. (The
    # lexicon was written looking at the tuning half, so the out-of-fold recall with it
    # flatters; a threshold chosen only to reach a wanted recall would stop too soon.)
    best = min(within, key=lambda c: c[0])
    say(
        "Out of fold (threshold: recall with the lexicon, false alerts on the comments): "
        + "; ".join(f"{t:.2f}: {r:.3f}, {f:.3f}" for t, r, f in curve if 0.25 <= t <= 0.6)
    )
    threshold, recall, false_alerts = best
    model = fit_svm(np.vstack([x, xs_neg]), np.concatenate([y, np.zeros(len(sentences), int)]))
    # Which concern, among the at-risk texts: safeguarding or risk to life.
    positives = list(bank_pos) + [m for m in tuning if m.at_risk]
    xs = embed([prepare(p.text) or p.text for p in positives])
    ys = np.array(
        [int(e.concern == "safeguarding") for e in bank_pos]
        + [int(m.safeguarding) for m in tuning if m.at_risk]
    )
    s_coef, s_intercept = fit_logistic(xs, ys)
    about = {
        "trained_on": {
            "exemplars_at_risk": len(bank_pos),
            "exemplars_ordinary": len(bank_neg),
            "tuning_messages": len(tuning),
            "tuning_comments": len(ordinary_comments),
            "tuning_comment_sentences": len(sentences),
        },
        "exemplars_sha256": exemplars_digest(),
        "tuning_sets_sha256": {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in tuning_sets
        },
        "out_of_fold": {
            "recall_with_lexicon": round(recall, 4),
            "false_alerts_on_tuning_comments": round(false_alerts, 4),
        },
        "seed": SEED,
    }
    about["support_vectors"] = len(model.support_)
    head = Head(
        support=model.support_vectors_.astype(np.float32),
        weights=model.dual_coef_[0].astype(np.float32),
        intercept=float(model.intercept_[0]),
        gamma=float(model._gamma),
        threshold=threshold,
        safeguarding_coef=s_coef,
        safeguarding_intercept=s_intercept,
        about=about,
    )
    head.save(out, arrays)
    # The at-risk exemplars' embeddings, for the closest example shown as the reason.
    np.save(BANK_PATH, embed([prepare(e.text) or e.text for e in bank_pos]).astype(np.float16))
    return {"threshold": threshold, **about}
