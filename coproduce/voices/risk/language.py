"""Which language a message is in, offline, so that none is passed unread.

py3langid (a naive Bayes model over byte n-grams, inside its wheel) names the language;
very short messages ("ok", "n/a", an emoji) carry too little to tell and are read as
English, which the screen then reads. A message mostly in a script other than Latin is
not English whatever the model says. Nor is a message of four words or more most of
whose words are not English words (the encoder's word list): romanised Urdu or Punjabi
("mujhe lagta hai sab mere baghair behtar honge") fools the model, which has seen little
of it, but not a dictionary.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from typing import Any

SCREENED = frozenset({"en", "cy"})
# Below this share of the model's belief, the message is read as English: short texts
# spread it thinly ("fine": Serbian 0.01), real other-language text scores above 0.9.
_SURE = 0.5
# ...unless English and Welsh together get almost none of it over four words or more, as
# with a language written in Latin letters that the model does not know well (romanised
# Urdu: 0.0002); no comment in the tuning half of the NHS feedback falls below 0.02.
_NOT_ENGLISH = 0.02
# Below this share of words the encoder knows whole, four words or more are not English:
# the tuning half of the NHS feedback has 2 comments of 3,700 below it (one-word answers
# run together: "Calming call handlerSpeedy response"), the tuning sets' English
# messages none (lowest 0.62, "defo recomend the crisis team, realy nice ppl"), their
# romanised Urdu 0.19 to 0.42.
_ENGLISH_WORDS = 0.5
_WORD = re.compile(r"[^\W\d_]+")
_lock = threading.Lock()


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _english_words() -> frozenset[str]:
    from coproduce.voices.risk import encoder

    with encoder.path("vocab.txt").open(encoding="utf-8") as vocab:
        return frozenset(w for w in (line.rstrip("\n") for line in vocab) if w.isalpha())


def _mostly_unknown_words(text: str) -> bool:
    from coproduce.voices.risk.normalise import normalise

    words = _WORD.findall(normalise(text))
    if len(words) < 4:
        return False
    known = _english_words()
    return sum(w in known for w in words) / len(words) < _ENGLISH_WORDS


def _mostly_other_script(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin < len(letters) / 2


def detect(text: str) -> str:
    """An ISO 639-1 code; "en" when the text is too short or unsure to say; "und" when
    it is not English but the model cannot say what it is."""
    code = _model_reading(text)
    if code == "en" and _mostly_unknown_words(text):
        return "und"
    return code


def _model_reading(text: str) -> str:
    with _lock:
        ranked = _identifier().rank(text)
    code, probability = ranked[0]
    if code in SCREENED:
        return str(code)
    if _mostly_other_script(text):
        return str(code) if code != "en" else "und"
    words = len(text.split())
    if float(probability) >= _SURE and words >= 2:
        return str(code)
    screened = sum(float(p) for c, p in ranked if c in SCREENED)
    if words >= 4 and screened < _NOT_ENGLISH:
        return str(code)
    return "en"


_NAMES = {
    "ar": "Arabic",
    "bn": "Bengali",
    "de": "German",
    "es": "Spanish",
    "fa": "Persian",
    "fr": "French",
    "gu": "Gujarati",
    "hi": "Hindi",
    "it": "Italian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "pa": "Punjabi",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "so": "Somali",
    "ta": "Tamil",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "zh": "Chinese",
}


def name(code: str) -> str:
    """A language's name for the duty worker; the code where it is not a common one."""
    if code == "und":
        return "a language it could not name (most of its words are not English)"
    return _NAMES.get(code, f"another language (code “{code}”)")
