"""What every file Coproduce hands out needs, whichever app makes it."""

from __future__ import annotations


def safe_cell(text: str) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection)."""
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text
