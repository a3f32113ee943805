"""Mask what could identify someone before a voice's words are shown in public.

Masks email addresses, phone numbers, NHS numbers (and other long digit runs), UK
postcodes, street addresses, and names: the names of our staff and of people on our
records, plus any capitalised word after "my name is", a title (Dr, Mrs …) or a role
("nurse Sam"). A lived-experience lead reads and approves every quote after masking:
rules catch the common cases, a person catches the rest (hazard H21).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "[removed]"
NAME_MASK = "[name]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(?:\+44\s?|0044\s?|0)(?:\d[\s-]?){9,10}(?!\w)")
_LONG_NUMBER = re.compile(r"(?<!\w)\d(?:[\s-]?\d){7,}(?!\w)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_STREET = re.compile(
    r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Crescent|Place|"
    r"Gardens|Grove|Terrace|Hill|Park|Square|Walk|Row|Mews)\b"
)
_CUE = (
    r"(?i:my name is|i am called|i'm called|called|named|"
    r"dr|doctor|mr|mrs|ms|miss|mx|nurse|worker|"
    r"psychiatrist|consultant|officer|paramedic)"
)
_CUED_NAME = re.compile(rf"\b({_CUE}\.?\s+)([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)")


def mask(text: str, known_names: Iterable[str] = ()) -> str:
    masked = _EMAIL.sub(MASK, text)
    masked = _STREET.sub(MASK, masked)
    masked = _POSTCODE.sub(MASK, masked)
    masked = _PHONE.sub(MASK, masked)
    masked = _LONG_NUMBER.sub(MASK, masked)
    masked = _CUED_NAME.sub(lambda m: m.group(1) + NAME_MASK, masked)
    names = sorted({n.strip() for n in known_names if len(n.strip()) > 1}, key=len, reverse=True)
    if names:
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
        masked = pattern.sub(NAME_MASK, masked)
    return masked
