"""``coproduce bench masking``: what the masking of public words misses, and what it
masks that it should not.

Reads the frozen set in ``masking_set/texts.jsonl`` (written before the masking was
rewritten; refused if its digest changed) and masks each text as publishing does
(``coproduce.voices.anonymise.mask``, with no names of staff or records: the set's
people are on no record). For each kind of identifier, recall: an identifier is caught
when no part of it is left (the words of a name; for numbers and dates, any run of four
or more of its digits). Over-masking: the ordinary words (not part of an identifier)
that the masking removed, as a share of all ordinary words, and which they were. The
held-out half is the figure to quote; the tuning half is the one the rules were tuned on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from coproduce.voices import anonymise

SET = Path(__file__).with_name("masking_set") / "texts.jsonl"
DIGEST = "efb81f345a808526ab11048c7d9980fd150fd9d4e2f75e5a5d79391174a38eb5"
# The second set: feedback typed in a hurry, most names in lower case (``masking_set_2``),
# written by someone who had not seen the masking.
SET_2 = Path(__file__).with_name("masking_set_2") / "texts.jsonl"
DIGEST_2 = "c2b696041d42d7a9b57ed22e24f303ddc8931af6cde7af7d0f892ba02633ece0"
DIGESTS = {SET: DIGEST, SET_2: DIGEST_2}
KINDS = ("name", "phone", "email", "postcode", "address", "date_of_birth", "nhs_number")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_GLUE = {"the", "of", "and", "on", "at", "in"}


class SetChanged(Exception):
    pass


def held_out(row_id: str) -> bool:
    return int(hashlib.sha256(row_id.encode()).hexdigest(), 16) % 2 == 1


def read_set(path: Path = SET, digest: str = DIGEST) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != digest:
        raise SetChanged(f"{path} is not the frozen set (its SHA-256 changed)")
    return [json.loads(line) for line in raw.decode().splitlines() if line.strip()]


def caught(identifier: str, masked: str) -> bool:
    """Nothing of the identifier is left: none of its words, none of its digit runs."""
    for word in _WORD.findall(identifier):
        if word.lower() in _GLUE or len(word) < 2:
            continue  # "3 The Crescent": "the" left elsewhere in the text is not a miss
        flags = 0 if word[0].isupper() else re.I
        if re.search(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", masked, flags):
            return False
    digits = re.sub(r"\D", "", identifier)
    left = re.sub(r"\D", "", masked)
    return not any(digits[i : i + 4] in left for i in range(len(digits) - 3))


def ordinary_words(text: str, identifiers: list[list[str]]) -> list[str]:
    for _, value in identifiers:
        text = text.replace(value, " ")
    return [w for w in _WORD.findall(text) if len(w) > 1]


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[str] = []
    ordinary = removed = 0
    over: Counter[str] = Counter()
    for row in rows:
        masked = anonymise.mask(row["text"])
        for kind, value in row["identifiers"]:
            total[kind] += 1
            if caught(value, masked):
                found[kind] += 1
            else:
                missed.append(f"{row['id']}:{kind}")
        left = Counter(w.lower() for w in _WORD.findall(masked))
        for word in ordinary_words(row["text"], row["identifiers"]):
            ordinary += 1
            if left[word.lower()] > 0:
                left[word.lower()] -= 1
            else:
                removed += 1
                over[word] += 1
    return {
        "texts": len(rows),
        "recall": {
            kind: {
                "caught": found[kind],
                "of": total[kind],
                "recall": _share(found[kind], total[kind]),
            }
            for kind in KINDS
        },
        "recall_all": _share(sum(found.values()), sum(total.values())),
        "ordinary_words": ordinary,
        "ordinary_words_masked": removed,
        "over_masking": _share(removed, ordinary),
        "over_masked_words": dict(over.most_common()),
        "missed": missed,
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def run(path: Path = SET) -> dict[str, Any]:
    """Both halves of one frozen set; for the first set, the second's too, under
    ``"set_2"`` (the keys the first set's figures always had are kept)."""
    digest = DIGESTS.get(path, DIGEST)
    rows = read_set(path, digest)
    result: dict[str, Any] = {
        "set_sha256": digest,
        "held_out": score([r for r in rows if held_out(r["id"])]),
        "tuning": score([r for r in rows if not held_out(r["id"])]),
    }
    if path == SET:
        result["set_2"] = run(SET_2)
    return result
