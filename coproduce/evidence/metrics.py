"""The experience metric, written once (docs/metrics.md): the share of Friends and
Family Test answers that were good or very good.

The evidence engine (``suite.experience``, and so the dashboards, the evaluation and its
SPC chart), its pandas comparison, the API's monthly figure and the story of change all
count by ``ANSWERS`` and ``POSITIVE``. Nothing here needs the database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from coproduce.lib.disclosure import Rules

if TYPE_CHECKING:
    from coproduce.voices.extract import ExperienceRow

# The FFT scale's codes (``voices.models.Rating``): 1 very good, 2 good, 3 neither, 4 poor,
# 5 very poor, 6 don't know. As NHS England publishes the "percentage positive", every
# answer counts, "don't know" included; a voice with no rating is not an answer.
ANSWERS = frozenset(range(1, 7))
POSITIVE = frozenset({1, 2})


def good_or_very_good(ratings: Iterable[int | None]) -> tuple[int, int]:
    """The metric's numerator and denominator over these ratings: (positive, answers)."""
    answers = [r for r in ratings if r in ANSWERS]
    return sum(r in POSITIVE for r in answers), len(answers)


@dataclass(frozen=True)
class MonthlyExperience:
    """A month's answers and those good or very good, raw: before disclosure control."""

    month: dt.date  # the first day of the month
    # (answers, good or very good) for each channel: the cells the month's total is
    # built from, as the evidence pages' "All channels" is
    channels: tuple[tuple[int, int], ...]

    @property
    def responses(self) -> int:
        return sum(answers for answers, _ in self.channels)

    @property
    def positive(self) -> int:
        return sum(good for _, good in self.channels)

    def published(self, rules: Rules, *, today: dt.date | None = None) -> PublishedExperience:
        """The month as it may be published, by the disclosure rules every figure follows:
        the totals built from the channels' rounded counts (so the figure is the one the
        evidence pages chart), positive hidden with its total, and the share hidden where
        it would reveal a small number (of the good, or of the rest)."""
        answers = [a for a, _ in self.channels]
        good = [g for _, g in self.channels]
        responses, positive = rules.total(answers), rules.total(good)
        share = rules.share_of_totals(good, answers)
        if responses is None or share is None:
            # Beside the answers, the good ones would give a hidden share back (found by
            # issue 20's fifth fresh-eyes trial: 15 good of 20, the share hidden).
            positive = None
        if responses is None:
            share = None
        figures = {"responses": responses, "positive": positive, "share_positive": share}
        hidden = tuple(name for name, value in figures.items() if value is None)
        if responses is None:
            why = f"Fewer than {rules.suppress_at_most + 1} answers this month."
        elif share is None:
            why = (
                "The share, and the count of good answers beside the answers, would reveal "
                f"a small number: {rules.suppress_at_most} or fewer answers this month were "
                "good, or were not."
            )
        else:
            why = ""
        return PublishedExperience(
            month=self.month,
            responses=responses,
            positive=positive,
            share_positive=share,
            suppressed=bool(hidden),
            hidden=hidden,
            why_hidden=why,
            not_over=today is not None and self.month >= today.replace(day=1),
        )


@dataclass(frozen=True)
class PublishedExperience:
    """A month's experience figure after disclosure control; None where hidden."""

    month: dt.date
    responses: int | None
    positive: int | None
    share_positive: float | None
    suppressed: bool  # something in the month was hidden: which, in ``hidden``
    hidden: tuple[str, ...] = ()
    why_hidden: str = ""
    # The month is still going on: its figure will change, as the charts draw it hollow.
    not_over: bool = False


def experience_by_month(rows: Iterable[ExperienceRow], *, tz: ZoneInfo) -> list[MonthlyExperience]:
    """Friends and Family Test answers and those good or very good, by month.

    As NHS England publishes it: (very good + good) / all answers, "don't know"
    included in the denominator. Months are calendar months in the service's time zone.
    Raw counts: what may be published is ``MonthlyExperience.published``.
    """
    counts: dict[dt.date, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        if row.rating not in ANSWERS:
            continue
        local = row.received_at.astimezone(tz)
        cell = counts[dt.date(local.year, local.month, 1)][row.channel]
        cell[0] += 1
        cell[1] += row.rating in POSITIVE
    return [
        MonthlyExperience(
            month=month,
            channels=tuple((answers, good) for _, (answers, good) in sorted(cells.items())),
        )
        for month, cells in sorted(counts.items())
    ]
