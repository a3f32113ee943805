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
  name.

Usage: python -m coproduce.tooling.build_names NAMES_PACKAGE_DIR V6_CSV
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "voices" / "names" / "names.tsv"
ORDINARY = OUT.with_name("ordinary.txt")
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


def main() -> None:
    rows = build(Path(sys.argv[1]), Path(sys.argv[2]))
    OUT.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    words = sorted(w for w, n in lower_case_words(Path(sys.argv[2])).items() if n >= 2)
    ORDINARY.write_text("".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(rows)} names, {sum(1 for r in rows if r[2])} also ordinary words → {OUT}")


if __name__ == "__main__":
    main()
