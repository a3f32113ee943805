"""Metrics over the analytics extract. Definitions are written out in docs/metrics.md."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from coproduce.voices.extract import ExperienceRow

# Friends and Family Test codes 1 (very good) and 2 (good).
POSITIVE = frozenset({1, 2})
VALID_RATINGS = frozenset(range(1, 7))


@dataclass(frozen=True)
class MonthlyExperience:
    month: dt.date  # the first day of the month
    responses: int
    positive: int
    suppressed: bool

    @property
    def share_positive(self) -> float | None:
        """Share good or very good; None when suppressed or when there are no responses."""
        if self.suppressed or self.responses == 0:
            return None
        return self.positive / self.responses


def experience_by_month(
    rows: Iterable[ExperienceRow], *, small_number_threshold: int, tz: ZoneInfo
) -> list[MonthlyExperience]:
    """Share of Friends and Family Test responses that were good or very good, by month.

    As NHS England publishes it: (very good + good) / all responses, "don't know"
    included in the denominator. Months are calendar months in the service's time zone.
    A month with fewer responses than the threshold is suppressed (its share is not shown).
    """
    counts: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row.rating not in VALID_RATINGS:
            continue
        local = row.received_at.astimezone(tz)
        month = dt.date(local.year, local.month, 1)
        counts[month][0] += 1
        counts[month][1] += row.rating in POSITIVE
    return [
        MonthlyExperience(
            month=month,
            responses=total,
            positive=positive,
            suppressed=total < small_number_threshold,
        )
        for month, (total, positive) in sorted(counts.items())
    ]
