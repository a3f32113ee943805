"""Statistical process control: XmR charts in NHS England's "Making Data Count" style.

- Limits at mean ± 2.66 x mean moving range (2.66 = 3 / d2, d2 = 1.128 for n = 2).
- Optionally, moving ranges above 3.267 x their mean are screened out before the mean
  moving range is taken (3.267 = D4, the upper range limit), so one wild jump does not
  widen the limits.
- Limits may be fixed after a number of points (a baseline), and recalculated from a
  declared change date (each part its own mean and limits).
- Special cause, each rule flagged on the points it covers:
  * a point beyond the process limits;
  * a run of ``run_length`` (7 by default; some published tools use 6) on one side of
    the mean (a point on the mean breaks the run);
  * ``run_length`` points each rising, or each falling (a repeated value breaks the
    trend, as the Making Data Count tools count it);
  * two of three consecutive points beyond two sigma on the same side (in the outer
    third of the limits).
- The variation icon (common cause; special cause of improvement or of concern, high
  or low) and, with a target, the assurance icon (the process will consistently pass,
  fail, or the target lies within the limits so it may or may not be met).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

LIMIT_FACTOR = 2.66
SCREEN_FACTOR = 3.267


class Improvement(StrEnum):
    UP = "up"  # higher is better
    DOWN = "down"  # lower is better
    NEITHER = "neither"


class Variation(StrEnum):
    COMMON = "common_cause"
    IMPROVING_HIGH = "improvement_high"
    IMPROVING_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"
    NEITHER_HIGH = "special_cause_high"
    NEITHER_LOW = "special_cause_low"


class Assurance(StrEnum):
    PASS = "consistently_passes"  # noqa: S105 - not a password
    FAIL = "consistently_fails"
    HIT_AND_MISS = "hit_and_miss"
    NONE = "no_target"


VARIATION_TEXT = {
    Variation.COMMON: "Common cause variation: no significant change",
    Variation.IMPROVING_HIGH: "Special cause variation: improvement (higher)",
    Variation.IMPROVING_LOW: "Special cause variation: improvement (lower)",
    Variation.CONCERN_HIGH: "Special cause variation: concern (higher)",
    Variation.CONCERN_LOW: "Special cause variation: concern (lower)",
    Variation.NEITHER_HIGH: "Special cause variation: higher",
    Variation.NEITHER_LOW: "Special cause variation: lower",
}
ASSURANCE_TEXT = {
    Assurance.PASS: "The target will be met consistently",
    Assurance.FAIL: "The target will not be met without change",
    Assurance.HIT_AND_MISS: "The target may or may not be met (it lies inside the limits)",
    Assurance.NONE: "No target set",
}


@dataclass
class Point:
    label: str | dt.date
    value: float
    mean: float
    lower: float
    upper: float
    moving_range: float | None = None
    beyond_limits: bool = False
    run: bool = False
    trend: bool = False
    two_of_three: bool = False
    side: int = 0  # +1 above the mean, -1 below, 0 on it

    @property
    def special(self) -> bool:
        return self.beyond_limits or self.run or self.trend or self.two_of_three


@dataclass
class Chart:
    points: list[Point]
    improvement: Improvement
    target: float | None = None
    variation: Variation = Variation.COMMON
    assurance: Assurance = Assurance.NONE


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(b - a) for a, b in pairwise(values)]


def process_limits(values: Sequence[float], *, screen: bool = False) -> tuple[float, float, float]:
    """(mean, lower, upper) from the values: mean ± 2.66 x the mean moving range."""
    if len(values) < 2:
        raise ValueError("an XmR chart needs at least two points")
    mean = sum(values) / len(values)
    ranges = moving_ranges(values)
    average = sum(ranges) / len(ranges)
    if screen:
        kept = [r for r in ranges if r <= SCREEN_FACTOR * average]
        average = sum(kept) / len(kept) if kept else average
    return mean, mean - LIMIT_FACTOR * average, mean + LIMIT_FACTOR * average


def xmr(
    labels: Sequence[str | dt.date],
    values: Sequence[float],
    *,
    improvement: Improvement = Improvement.UP,
    target: float | None = None,
    run_length: int = 7,
    screen: bool = False,
    fix_after: int | None = None,
    change_at: int | None = None,
) -> Chart:
    """An XmR chart of ``values``, each part (split at index ``change_at``) with its own
    limits, computed from its first ``fix_after`` points when given."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    parts = [(0, len(values))]
    if change_at is not None:
        if not 2 <= change_at <= len(values) - 2:
            raise ValueError("a recalculation needs at least two points on each side")
        parts = [(0, change_at), (change_at, len(values))]
    points: list[Point] = []
    for start, stop in parts:
        part = list(values[start:stop])
        baseline = part[:fix_after] if fix_after else part
        mean, lower, upper = process_limits(baseline, screen=screen)
        ranges = [None, *moving_ranges(part)]
        for offset, value in enumerate(part):
            side = 1 if value > mean else -1 if value < mean else 0
            points.append(
                Point(labels[start + offset], value, mean, lower, upper, ranges[offset], side=side)
            )
        _flag(points[start:stop], run_length)
    chart = Chart(points, improvement, target)
    chart.variation = _variation(chart)
    chart.assurance = _assurance(chart)
    return chart


def _flag(points: list[Point], run_length: int) -> None:
    for point in points:
        point.beyond_limits = point.value > point.upper or point.value < point.lower
    # Runs on one side of the mean.
    for i in range(len(points) - run_length + 1):
        window = points[i : i + run_length]
        sides = {p.side for p in window}
        if len(sides) == 1 and 0 not in sides:
            for p in window:
                p.run = True
    # Trends: run_length points each higher (or each lower) than the one before; a
    # repeated value is neither, so it breaks the trend.
    for i in range(len(points) - run_length + 1):
        window = points[i : i + run_length]
        rising = all(b.value > a.value for a, b in pairwise(window))
        falling = all(b.value < a.value for a, b in pairwise(window))
        if rising or falling:
            for p in window:
                p.trend = True
    # Two of three beyond two sigma (two thirds of the way to a limit), same side.
    for i in range(len(points) - 2):
        window = points[i : i + 3]
        for side in (1, -1):
            close = [p for p in window if side * (p.value - p.mean) > _two_sigma(p, side)]
            if len(close) >= 2:
                for p in close:
                    p.two_of_three = True


def _two_sigma(point: Point, side: int) -> float:
    """Two sigma: two thirds of the way from the mean to the limit on that side."""
    return (2 / 3) * (point.upper - point.mean if side == 1 else point.mean - point.lower)


def _variation(chart: Chart) -> Variation:
    """The icon for the latest point: its special cause, high or low, if any."""
    last = chart.points[-1]
    if not last.special:
        return Variation.COMMON
    high = last.side > 0 or (last.side == 0 and last.value > last.mean)
    if last.trend and len(chart.points) > 1:
        high = last.value > chart.points[-2].value
    if chart.improvement is Improvement.NEITHER:
        return Variation.NEITHER_HIGH if high else Variation.NEITHER_LOW
    good = high == (chart.improvement is Improvement.UP)
    if good:
        return Variation.IMPROVING_HIGH if high else Variation.IMPROVING_LOW
    return Variation.CONCERN_HIGH if high else Variation.CONCERN_LOW


def _assurance(chart: Chart) -> Assurance:
    if chart.target is None or chart.improvement is Improvement.NEITHER:
        return Assurance.NONE
    last = chart.points[-1]
    if last.lower <= chart.target <= last.upper:
        return Assurance.HIT_AND_MISS
    above = chart.target > last.upper
    passes = (not above) if chart.improvement is Improvement.UP else above
    return Assurance.PASS if passes else Assurance.FAIL
