"""Does a voice signal current risk to life, or a safeguarding concern?

A rule-based screen that errs towards raising an alert: a false alert costs a duty
worker a minute; a missed one can cost a life (hazard H3). Negations are not used to
suppress an alert ("I am not safe" and "I'm not suicidal" both raise one: a person
can say the second and mean otherwise, and a human reads every alert). The text model
(issue 5) will add a learned score beside these rules, never replace them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Concern(StrEnum):
    RISK_TO_LIFE = "risk_to_life"
    SAFEGUARDING = "safeguarding"


_RISK = [
    r"kill(?:ing)? my ?self",
    r"end(?:ing)? (?:my|it) (?:life|all)",
    r"take my (?:own )?life",
    r"suicid(?:e|al)",
    r"(?:want|going|plan(?:ning)?) to die",
    r"better off dead",
    r"no (?:reason|point) (?:to|in) (?:live|living|going on)",
    r"can'?t (?:go on|carry on|keep going)",
    r"(?:took|taken|take) an overdose|overdos(?:e|ed|ing)",
    r"(?:hurt|harm|cut)(?:ting)? my ?self",
    r"self[- ]harm",
    r"not (?:feel )?safe (?:tonight|right now|at the moment)|i(?:'m| am) not safe",
    r"(?:don'?t|do not) feel safe",
    r"say(?:ing)? goodbye",
    r"hang(?:ing)? my ?self",
    r"jump(?:ing)? (?:off|from|in front)",
]
_SAFEGUARDING = [
    r"(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|mum|father|mother) "
    r"(?:hits?|beats?|hurts?|chokes?) me",
    r"(?:being|been|was) (?:abused|hit|beaten|raped|assaulted)",
    r"domestic (?:abuse|violence)",
    r"scared to go home",
    r"(?:hurting|hurts|hit|hits) (?:my|the) (?:kids|children|child|baby)",
    r"(?:child|children|kids?|baby) (?:is|are) not safe",
    r"(?:forced|made) (?:me )?(?:to )?have sex",
    # A person naming safeguarding wants someone to look now (errs towards alerting).
    r"safeguarding",
    r"threaten(?:s|ed|ing)? to (?:kill|hurt) me",
]
_RISK_RE = re.compile("|".join(f"(?:{p})" for p in _RISK), re.IGNORECASE)
_SAFEGUARDING_RE = re.compile("|".join(f"(?:{p})" for p in _SAFEGUARDING), re.IGNORECASE)


@dataclass(frozen=True)
class Screen:
    concerns: tuple[Concern, ...]

    @property
    def raises_alert(self) -> bool:
        return bool(self.concerns)


def screen(text: str) -> Screen:
    # Typographic apostrophes are common in typed and pasted text.
    normalised = " ".join(text.replace("\u2019", "'").split())
    found = []
    if _RISK_RE.search(normalised):
        found.append(Concern.RISK_TO_LIFE)
    if _SAFEGUARDING_RE.search(normalised):
        found.append(Concern.SAFEGUARDING)
    return Screen(tuple(found))
