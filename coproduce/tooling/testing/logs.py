"""Finding personal data in log lines: NHS numbers, phone numbers, email addresses,
postcodes and the synthetic people's names the tests and the demo use."""

from __future__ import annotations

import re

from nhs_number import is_valid

from coproduce.tooling.synthetic.demo import FAMILY, GIVEN

NUMBERS = re.compile(r"(?<![\w.:-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\w.:-])")
PATTERNS = {
    "phone number": re.compile(r"(?<!\d)(?:\+44\s?7|07)\d{3}\s?\d{6}(?!\d)"),
    "email address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"),
    "name": re.compile(
        r"\b(?:Robin Example\d+|Example\d+|(?:"
        + "|".join(GIVEN)
        + r") (?:"
        + "|".join(FAMILY)
        + r"))\b"
    ),
}


def personal_data_in(lines: list[str]) -> list[str]:
    """Each line holding something that looks like personal data, saying what."""
    found = []
    for line in lines:
        kinds = [kind for kind, pattern in PATTERNS.items() if pattern.search(line)]
        if any(is_valid("".join(m.groups())) for m in NUMBERS.finditer(line)):
            kinds.append("NHS number")
        if kinds:
            found.append(f"[{', '.join(kinds)}] {line[:200]}")
    return found
