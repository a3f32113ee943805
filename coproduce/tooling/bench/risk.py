"""``coproduce bench risk``: the risk screen on what it was not tuned on.

Reads the held-out file of the frozen evaluation set (`risk_set/held_out.jsonl`, written
by a writer who never saw the screen, and never used for tuning) and the held-out half
of the NHS feedback comments (split by comment id,
`coproduce.voices.risk.train.in_tuning_half`). Reports recall with its 95% Wilson interval
and false alerts, counting a "could not screen: read now" alert as reaching a
person (it is shown and escalated like any alert) and, apart, how many were caught by
reading the words. Only ids and categories of misses are printed, never their text, so
running the bench does not show anyone the held-out messages.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from statsmodels.stats.proportion import proportion_confint

from coproduce.voices import risk
from coproduce.voices.risk.train import load_comments

SET = Path(__file__).with_name("risk_set")
TUNING = ("tuning", "retired", "retired_2", "retired_3")
RECALL_TARGET = 0.98
FALSE_ALERT_TARGET = 0.03


def _interval(hits: int, n: int) -> list[float]:
    low, high = proportion_confint(hits, n, alpha=0.05, method="wilson")
    return [round(float(low), 4), round(float(high), 4)]


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def same_words(text: str) -> str:
    return " ".join(text.lower().split())


def held_out_rows() -> list[dict[str, Any]]:
    """The held-out file less any message that is also in a tuning file or the exemplar
    bank (written alike by two writers, it is something the screen was tuned on)."""
    from coproduce.voices.risk.exemplars import EXEMPLARS

    tuned = {same_words(r["text"]) for name in TUNING for r in read_rows(SET / f"{name}.jsonl")}
    tuned |= {same_words(e.text) for e in EXEMPLARS}
    return [r for r in read_rows(SET / "held_out.jsonl") if same_words(r["text"]) not in tuned]


def score_set(rows: list[dict[str, Any]]) -> dict[str, Any]:
    screens = risk.screen_many([r["text"] for r in rows])
    at_risk = [(r, s) for r, s in zip(rows, screens, strict=True) if r["label"] == "at_risk"]
    ordinary = [(r, s) for r, s in zip(rows, screens, strict=True) if r["label"] == "ordinary"]
    caught = sum(s.raises_alert for _, s in at_risk)
    read = sum(s.at_risk for _, s in at_risk)
    false = sum(s.raises_alert for _, s in ordinary)
    false_words = sum(s.at_risk for _, s in ordinary)
    english = [(r, s) for r, s in at_risk if r["language"] == "en"]
    return {
        "at_risk": len(at_risk),
        "ordinary": len(ordinary),
        "recall": round(caught / len(at_risk), 4),
        "recall_95ci": _interval(caught, len(at_risk)),
        "recall_reading_the_words": round(read / len(at_risk), 4),
        "recall_english": round(sum(s.raises_alert for _, s in english) / len(english), 4),
        "false_alert_rate": round(false / len(ordinary), 4),
        "false_alert_rate_reading_the_words": round(false_words / len(ordinary), 4),
        "missed": sorted(r["id"] for r, s in at_risk if not s.raises_alert),
        "missed_by_category": dict(
            Counter(r["category"] for r, s in at_risk if not s.raises_alert).most_common()
        ),
        "false_alerts_by_category": dict(
            Counter(r["category"] for r, s in ordinary if s.raises_alert).most_common()
        ),
    }


def run(comments: Path) -> dict[str, Any]:
    start = time.perf_counter()
    held_out = score_set(held_out_rows())
    tuning = {name: score_set(read_rows(SET / f"{name}.jsonl")) for name in TUNING}
    texts = load_comments(comments, tuning=False)
    screens = risk.screen_many(texts)
    seconds = time.perf_counter() - start
    false = sum(s.raises_alert for s in screens)
    by_layer = Counter(
        "language" if not s.at_risk else ("lexicon" if "Words:" in s.reason else "meaning")
        for s in screens
        if s.raises_alert
    )
    return {
        "held_out": held_out,
        # Tuned on: how far the screen fits what it learnt from, beside what it did not.
        "tuning": {
            name: {k: v for k, v in scores.items() if k != "missed"}
            for name, scores in tuning.items()
        },
        "nhs_feedback_held_out": {
            "comments": len(texts),
            "false_alerts": false,
            "false_alert_rate": round(false / len(texts), 4),
            "false_alert_95ci": _interval(false, len(texts)),
            "false_alerts_by_layer": dict(by_layer),
        },
        "targets": {
            "recall_at_least": RECALL_TARGET,
            "false_alert_rate_at_most": FALSE_ALERT_TARGET,
            "recall_met": held_out["recall"] >= RECALL_TARGET,
            "false_alerts_met": false / len(texts) <= FALSE_ALERT_TARGET,
        },
        "messages_per_second": round(
            (held_out["at_risk"] + held_out["ordinary"] + len(texts)) / seconds, 1
        ),
    }
