"""Disclosure control for anything exported or published: small numbers never shown.

Counts from 1 to 7 are suppressed and others rounded to the nearest 5 (both
configurable). A zero is shown as it is: it reveals no one. A share is hidden when its
numerator, its denominator or what is left (denominator - numerator) would be
suppressed, since any of them would reveal the small number. Where cells add up to a
published total, one suppressed cell could be worked out from the total and the
others, so a second cell (the smallest other one) is suppressed too; if every other
cell is zero, the total is hidden instead.

A total published beside its cells is built from the cells, each rounded: the cells
shown add up to it (give or take the hidden ones), and subtracting them from it gives
back only a hidden cell rounded to 5 (0 or 5 for any count from 1 to 7), never the
count itself. Shares of a total are worked out from those rounded totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Rules:
    suppress_at_most: int = 7
    round_to: int = 5

    @classmethod
    def from_settings(cls) -> Rules:
        return cls(settings.SUPPRESS_AT_MOST, settings.ROUND_TO)

    def count(self, value: int) -> int | None:
        """The count as it may be published, or None where it must be suppressed."""
        if value == 0:
            return 0
        if value <= self.suppress_at_most:
            return None
        return self.rounded(value)

    def hidden(self, value: int) -> bool:
        return 0 < value <= self.suppress_at_most

    def rounded(self, value: int) -> int:
        """The value rounded to the step, small or not: only ever a part of a total."""
        step = self.round_to
        return int(step * round(value / step)) if step > 1 else value

    def total(self, cells: Sequence[int]) -> int | None:
        """The total of these cells as it may be published beside them: the sum of the
        cells each rounded; or None where the true total is itself a small number, or
        where the built one would read as one (many tiny cells rounded to 0 or 5 while
        the true total is larger: neither "no one" nor a count that is never shown)."""
        if sum(cells) == 0:
            return 0
        if self.hidden(sum(cells)):
            return None
        built = sum(self.rounded(v) for v in cells)
        return None if built <= self.suppress_at_most else built

    def share(self, numerator: int, denominator: int) -> float | None:
        """numerator / denominator as the published counts give it (each rounded), to 4
        places; or None where either count, or what the share leaves, would reveal a
        small number. Worked out from the rounded counts, a share tells no more than the
        counts beside it do, so it cannot pin the exact counts behind them."""
        return self.share_of_totals([numerator], [denominator])

    def share_of_totals(
        self, numerators: Sequence[int], denominators: Sequence[int]
    ) -> float | None:
        """The share of a total (cells of numerators within cells of denominators), from
        the totals as published (``total``); None where the true numerator, denominator
        or what the share leaves would reveal a small number."""
        numerator, denominator = sum(numerators), sum(denominators)
        if denominator <= 0:
            return None
        if any(self.hidden(v) for v in (numerator, denominator, denominator - numerator)):
            return None
        rounded_numerator, rounded_denominator = (
            self.total(numerators),
            self.total(denominators),
        )
        if not rounded_denominator or rounded_numerator is None:
            return None
        return round(rounded_numerator / rounded_denominator, 4)

    def over(self, count: int) -> bool:
        """Whether a mean or median over ``count`` people may be shown."""
        return self.count(count) not in (None, 0)

    def cells(self, values: Sequence[int]) -> tuple[list[bool], bool]:
        """Which cells of a breakdown to hide, and whether to hide its total too."""
        hide = [self.hidden(v) for v in values]
        if sum(hide) != 1:
            return hide, False
        others = [i for i, v in enumerate(values) if not hide[i] and v > 0]
        if not others:
            return hide, True
        hide[min(others, key=lambda i: (values[i], i))] = True
        return hide, False


def publishable(count: int) -> int | None:
    """The count as it may be published, or None where it must be suppressed."""
    return Rules.from_settings().count(count)


def shown(count: int) -> str:
    value = publishable(count)
    return f"fewer than {settings.SUPPRESS_AT_MOST + 1}" if value is None else f"{value:,}"
