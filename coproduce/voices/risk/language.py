"""Which language a message is in, offline, so that none is passed unread.

py3langid (a naive Bayes model over byte n-grams, inside its wheel) names the language;
very short messages ("ok", "n/a", an emoji) carry too little to tell and are read as
English, which the screen then reads. A message mostly in a script other than Latin is
not English whatever the model says.
"""

from __future__ import annotations

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
_lock = threading.Lock()


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _mostly_other_script(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin < len(letters) / 2


def detect(text: str) -> str:
    """An ISO 639-1 code; "en" when the text is too short or unsure to say."""
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
    return _NAMES.get(code, f"another language (code “{code}”)")
