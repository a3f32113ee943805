"""Words as people wrote them, compared the same way everywhere: lower case, letters and
apostrophes, punctuation and spacing left out. Light to import (no scikit-learn), so a
page can fold voices that say the same thing without loading the themes' model."""

from __future__ import annotations

import re
from typing import Any

from coproduce.voices.models import Voice

WORD = re.compile(r"[a-z][a-z']*[a-z]|[a-z]")


def words(text: str) -> list[str]:
    return [w.strip("'") for w in WORD.findall(text.lower())]


def once_each(voices: list[Voice]) -> list[tuple[Voice, int]]:
    """Each different set of words once (the first voice to say them), with how many
    voices said them; a voice under a risk alert is never folded into one that is not."""
    seen: dict[tuple[str, bool], list[Any]] = {}
    for voice in voices:
        key = (" ".join(words(voice.text)), bool(getattr(voice, "has_risk_alert", False)))
        if key in seen:
            seen[key][1] += 1
        else:
            seen[key] = [voice, 1]
    return [(voice, times) for voice, times in seen.values()]
