"""Statistical process control: XmR charts exactly as NHS England's "Making Data Count"
(its reference implementation is NHSRplotthedots; ``docs/metrics.md`` gives each rule
with its source).

- Limits at mean ± 2.66 x mean moving range (2.66 = 3 / d2, d2 = 1.128 for n = 2).
- Optionally, moving ranges at or above 3.267 x their mean are screened out before the
  mean moving range is taken again (3.267 = D4, the upper range limit), so one wild jump
  does not widen the limits.
- Limits may be fixed after a number of points (a baseline), and recalculated at any
  number of points that a person chose, each for a reason they gave (each part its own
  mean and limits). Never recalculated automatically.
- Points of a period not yet over (the month still going on) are provisional: drawn
  with the limits of the part they fall in, but left out of the limits and the rules.
- Special cause, each rule flagged on the points it covers, within a part:
  * a point beyond the process limits;
  * a run of ``run_length`` (7 by default; some published tools use 6) on one side of
    the mean (a point on the mean breaks the run);
  * ``run_length`` points each rising, or each falling (a repeated value breaks the
    trend);
  * two of three consecutive points close to a limit (beyond two sigma, two thirds of
    the way from the mean to the limit, but not beyond the limit), with all three points
    on the same side of the mean; the close points are flagged.
- Each point's label, and the chart's variation icon (its latest complete point's
  label), take the first rule that holds in this order: beyond the limits (high or low
  by the side of the limit), a trend (by its direction), two of three, a run (by the
  side of the mean). With which way is better, that gives improvement or concern.
- With a target, the assurance icon: the process will consistently pass, fail, or the
  target lies within the limits so it may or may not be met.
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


# Useful limits need five or six values at least (Wheeler, Understanding Variation, p60,
# as NHS-R's Plot the Dots cites it); below twelve they are trial limits, worked out
# again with each new point.
MONTHS_FOR_LIMITS = 5
TRIAL_LIMITS_BELOW = 12


def first_whole_month(day: dt.date) -> dt.date:
    """The first month wholly after a change that began on ``day``: its own month when it
    began on the 1st, else the next. A monthly point is all before or all after, so a
    change partway through a month starts the new limits at the month that follows."""
    if day.day == 1:
        return day
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


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
    trend_direction: int = 0  # +1 in a rising trend, -1 in a falling one, 0 in none or both
    # A period not yet over: drawn, but left out of the limits and the rules.
    provisional: bool = False
    kind: Variation = Variation.COMMON  # this point's label (see the module's docstring)

    @property
    def special(self) -> bool:
        return self.beyond_limits or self.run or self.trend or self.two_of_three

    @property
    def close_to_limit(self) -> bool:
        """Beyond two sigma (two thirds of the way from the mean to the limit on its side)
        but not beyond the limit itself."""
        if self.beyond_limits or self.side == 0:
            return False
        limit = self.upper if self.side > 0 else self.lower
        return abs(self.value - self.mean) > (2 / 3) * abs(limit - self.mean)


@dataclass
class Chart:
    points: list[Point]
    improvement: Improvement
    target: float | None = None
    variation: Variation = Variation.COMMON
    assurance: Assurance = Assurance.NONE

    @property
    def complete(self) -> list[Point]:
        """The points of periods that are over."""
        return [p for p in self.points if not p.provisional]


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(b - a) for a, b in pairwise(values)]


def process_limits(values: Sequence[float], *, screen: bool = False) -> tuple[float, float, float]:
    """(mean, lower, upper) from the values: mean ± 2.66 x the mean moving range, the
    ranges at or above 3.267 x their mean left out first if ``screen``."""
    if len(values) < 2:
        raise ValueError("an XmR chart needs at least two points")
    mean = sum(values) / len(values)
    ranges = moving_ranges(values)
    average = sum(ranges) / len(ranges)
    if screen:
        kept = [r for r in ranges if r < SCREEN_FACTOR * average]
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
    recalculate_at: Sequence[int] = (),
    provisional: int = 0,
) -> Chart:
    """An XmR chart of ``values``. Its limits are recalculated at each index in
    ``recalculate_at`` (each part its own mean and limits, from its first ``fix_after``
    points when given); the last ``provisional`` points are periods not yet over."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    if not 0 <= provisional <= len(values):
        raise ValueError("more provisional points than points")
    complete = len(values) - provisional
    cuts = sorted(set(recalculate_at))
    bounds = [0, *cuts, complete]
    for start, stop in pairwise(bounds):
        if stop - start < 2:
            raise ValueError(
                "a recalculation needs at least two complete points on each side of it"
                if cuts
                else "an XmR chart needs at least two complete points"
            )
    points: list[Point] = []
    for start, stop in pairwise(bounds):
        part = list(values[start:stop])
        baseline = part[:fix_after] if fix_after else part
        mean, lower, upper = process_limits(baseline, screen=screen)
        drawn = stop if stop < complete else len(values)  # the last part takes the rest
        ranges = [None, *moving_ranges(values[start:drawn])]
        made = [
            Point(
                labels[i],
                values[i],
                mean,
                lower,
                upper,
                ranges[i - start],
                side=_side(values[i], mean),
                provisional=i >= complete,
            )
            for i in range(start, drawn)
        ]
        _flag([p for p in made if not p.provisional], run_length)
        points.extend(made)
    chart = Chart(points, improvement, target)
    for point in chart.complete:
        point.kind = _kind(point, improvement)
    chart.variation = chart.complete[-1].kind
    chart.assurance = _assurance(chart)
    return chart


def _side(value: float, mean: float) -> int:
    return 1 if value > mean else -1 if value < mean else 0


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
    # repeated value is neither, so it breaks the trend. A point at the turn of a rise
    # and a fall is in both: it has no one direction.
    directions: list[set[int]] = [set() for _ in points]
    for i in range(len(points) - run_length + 1):
        window = points[i : i + run_length]
        for direction in (1, -1):
            if all(direction * (b.value - a.value) > 0 for a, b in pairwise(window)):
                for offset, p in enumerate(window):
                    p.trend = True
                    directions[i + offset].add(direction)
    for point, found in zip(points, directions, strict=True):
        point.trend_direction = found.pop() if len(found) == 1 else 0
    # Two of three consecutive points close to a limit, all three on one side of the mean.
    for i in range(len(points) - 2):
        window = points[i : i + 3]
        same_side = len({p.side for p in window}) == 1 and window[0].side != 0
        close = [p for p in window if p.close_to_limit]
        if same_side and len(close) >= 2:
            for p in close:
                p.two_of_three = True


def _kind(point: Point, improvement: Improvement) -> Variation:
    """The point's label: the first rule that holds, in Making Data Count's order."""
    if not point.special:
        return Variation.COMMON
    if point.beyond_limits:
        high = point.value > point.upper
    elif point.trend and point.trend_direction:
        high = point.trend_direction > 0
    else:  # two of three, or a run, or a trend with no one direction: the side of the mean
        high = point.side > 0
    if improvement is Improvement.NEITHER:
        return Variation.NEITHER_HIGH if high else Variation.NEITHER_LOW
    if high == (improvement is Improvement.UP):
        return Variation.IMPROVING_HIGH if high else Variation.IMPROVING_LOW
    return Variation.CONCERN_HIGH if high else Variation.CONCERN_LOW


def _assurance(chart: Chart) -> Assurance:
    if chart.target is None or chart.improvement is Improvement.NEITHER:
        return Assurance.NONE
    last = chart.complete[-1]
    if last.lower <= chart.target <= last.upper:
        return Assurance.HIT_AND_MISS
    above = chart.target > last.upper
    passes = (not above) if chart.improvement is Improvement.UP else above
    return Assurance.PASS if passes else Assurance.FAIL
