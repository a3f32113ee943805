"""How many at-risk messages the risk screen catches (recall), which must be high:
a missed alert is the hazard (H3). Evaluated on a synthetic set of at-risk phrasings
written for this purpose, and on the comments the v6 coders flagged as safeguarding."""

from __future__ import annotations

import csv
from pathlib import Path

from coproduce.voices import risk

SYNTHETIC_AT_RISK = [
    "I want to kill myself",
    "i wanna kill myself tonight",
    "I'm going to end my life",
    "I am thinking of ending it all",
    "I have taken an overdose of my tablets",
    "took an overdose an hour ago",
    "I can't go on anymore",
    "cant carry on like this",
    "I don't want to be alive, I want to die",
    "I'm planning to die this weekend",
    "everyone would be better off dead without me, I'd be better off dead",
    "there's no reason to live",
    "no point in living any more",
    "I keep cutting myself",
    "I've been self harming again",
    "self-harm is the only thing that helps",
    "I hurt myself last night",
    "I am not safe tonight",
    "I don't feel safe right now",
    "this is me saying goodbye",
    "I'm going to jump off the bridge",
    "thinking about jumping in front of a train",
    "I feel suicidal",
    "suicidal thoughts every day since discharge",
    "I want to take my own life",
    "going to hang myself",
    "my partner hits me",
    "he beats me when he is drunk",
    "she threatened to kill me",
    "I was raped",
    "I'm scared to go home",
    "domestic abuse has started again",
    "my dad hurts the kids",
    "the baby is not safe with him",
    "I was assaulted on the ward",
    "they made me have sex",
    "I\u2019m not safe at the moment",
    "I CAN'T GO ON",
    "Ending my life is all I think about",
    "planning to overdose",
]


def dataset_safeguarding(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            (row.get("FFT answer") or "").strip()
            for row in csv.DictReader(handle)
            if (row.get("Safeguarding concerns?") or "").strip() == "1"
            and (row.get("FFT answer") or "").strip()
        ]


def recall(texts: list[str]) -> float:
    if not texts:
        return 0.0
    return sum(1 for t in texts if risk.screen(t).raises_alert) / len(texts)
