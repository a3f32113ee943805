"""Does a voice signal current risk to life, or a safeguarding concern?

A layered screen that errs towards a person reading the message: a false alert costs a
duty worker a minute; a missed one can cost a life (hazard H3).

1. `lexicon`: a maintained list of words and phrases over normalised text (case,
   apostrophes, misspellings and text-speak folded), English and Welsh.
2. `semantic`: a sentence encoder and a head trained on exemplars written from
   published clinical sources, for what people say without the lexicon's words
   ("Nobody would miss me if I was gone").
3. `language`: a message in a language the screen cannot read is never passed as
   ordinary; it raises a "could not screen: read now" alert instead.

Any layer raising a concern is enough; none can lower another's. Negations are not used
to suppress an alert ("I'm not suicidal" is read by a person too). Measured on a frozen
set written before the screen, on its held-out half: `coproduce bench risk`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import StrEnum

from coproduce.voices.risk import language, lexicon
from coproduce.voices.risk.normalise import normalise, split_welsh_clitics


class Concern(StrEnum):
    RISK_TO_LIFE = "risk_to_life"
    SAFEGUARDING = "safeguarding"
    COULD_NOT_SCREEN = "could_not_screen"


QUOTED = 160  # the longest quote of the words a reason gives
_ORDER = (Concern.RISK_TO_LIFE, Concern.SAFEGUARDING, Concern.COULD_NOT_SCREEN)


@dataclass(frozen=True)
class Screen:
    concerns: tuple[Concern, ...]
    reason: str = ""
    language: str = "en"

    @property
    def raises_alert(self) -> bool:
        return bool(self.concerns)

    @property
    def at_risk(self) -> bool:
        """Risk or safeguarding read in the words, not only an unreadable language."""
        return any(c != Concern.COULD_NOT_SCREEN for c in self.concerns)


def english_sentences(text: str) -> str:
    """The sentences of ``text`` that read as English, for the meaning layer."""
    from coproduce.voices.risk import semantic

    return " ".join(s for s in semantic.sentences(text) if language.detect(s) == "en")


def screen(text: str) -> Screen:
    return screen_many([text])[0]


def screen_many(texts: list[str]) -> list[Screen]:
    """Screen many messages at once (the encoder reads them in batches)."""
    from coproduce.voices.risk import semantic  # loads the encoder on first use

    languages = [language.detect(t) if t.strip() else "en" for t in texts]
    # What the meaning layer reads: an English message whole; of a Welsh one, its English
    # sentences (a fresh-eyes trial wrote a Welsh sentence, then "I just want it all to
    # stop", and the lexicon alone read it: no alert). The encoder reads English only.
    read = {
        i: texts[i] if code == "en" else english_sentences(texts[i])
        for i, code in enumerate(languages)
        if code in ("en", "cy")
    }
    read = {i: words for i, words in read.items() if words.strip()}
    readings = dict(zip(read, semantic.read(list(read.values())), strict=True))
    results = []
    for i, text in enumerate(texts):
        if not text.strip():
            results.append(Screen(()))
            continue
        found: set[Concern] = set()
        reasons = []
        hits = lexicon.search(normalise(text))
        if languages[i] == "cy":
            hits += lexicon.search(normalise(split_welsh_clitics(text)))
        for hit in dict.fromkeys(hits):
            found.add(Concern(hit.concern))
            reasons.append(f"Words: “{hit.words}” ({hit.facet})")
        reading = readings.get(i)
        if reading is not None and reading.at_risk:
            concern = Concern.SAFEGUARDING if reading.safeguarding else Concern.RISK_TO_LIFE
            found.add(concern)
            # Said so a duty worker can weigh it (issue 21's seventh trial found "reads
            # like the example 'Chose the music for the service…' (C-SSRS 6)" baffling).
            about = "a safeguarding concern" if reading.safeguarding else "risk to life"
            nearest = (
                f" The nearest example it learned from: “{reading.closest.text}” "
                f"({reading.closest.source})."
                if reading.closest
                else ""
            )
            reasons.append(
                # Cut at a word, marked as cut: a fresh-eyes trial read "… I ke" as what
                # the caller said.
                f"Meaning: “{textwrap.shorten(reading.segment, QUOTED, placeholder=' …')}” "
                "is close in meaning to messages about "
                f"{about} (how sure: {reading.probability:.0%})"
                # Said only when it is so: after listed words it contradicted them (a
                # fresh-eyes trial).
                + ("" if hits else "; no listed words were needed")
                + ". "
                f"It may be a false alarm: read it and judge.{nearest}"
            )
        code = languages[i]
        if code not in language.SCREENED:
            found.add(Concern.COULD_NOT_SCREEN)
            reasons.append(
                f"Language: it looks like {language.name(code)}, which the screen cannot read "
                "(it reads English and Welsh): a person must read it"
            )
        results.append(Screen(tuple(c for c in _ORDER if c in found), "; ".join(reasons), code))
    return results
