"""Server-drawn SVG charts: geometry here, markup in ``evidence/chart.jinja``.

Each chart has a title and a description a screen reader announces, and is always
shown beside a table of the same figures and a CSV download: the picture is never the
only way to the numbers. Special-cause points are drawn larger, as squares, so they are
told apart by shape as well as colour.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from coproduce.evidence import spc

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 44

COLOURS: dict[str, Any] = {
    "value": "#005eb8",  # NHS blue
    "mean": "#212b32",
    "limit": "#768692",
    "target": "#007f3b",
    "improvement": "#41b6e6",  # Making Data Count: improvement blue
    "concern": "#ed8b00",  # concern orange
    "neither": "#330072",  # special cause where neither way is better: purple
    "curve": ("#005eb8", "#007f3b", "#d5281b"),
}
# A special-cause point's shape as well as its colour says which it is (WCAG 1.4.1).
SPECIAL = {
    "improvement": ("Special cause: improvement", "square"),
    "concern": ("Special cause: concern", "diamond"),
    "special_cause": ("Special cause (neither way is better)", "square"),
}


@dataclass
class Line:
    name: str
    points: str  # "x,y x,y …"
    colour: str
    dashed: bool = False
    width: float = 2.0


@dataclass
class Marker:
    x: float
    y: float
    special: bool
    label: str
    # "improvement", "concern", "special_cause" (neither way better), or "" (common cause)
    kind: str = ""
    provisional: bool = False  # a month not over: drawn hollow, not in the limits or rules

    @property
    def colour(self) -> str:
        return str(COLOURS["neither" if self.kind == "special_cause" else self.kind or "value"])

    @property
    def shape(self) -> str:
        return SPECIAL[self.kind][1] if self.special else "circle"


@dataclass(frozen=True)
class Annotation:
    """A note to draw on a chart (an improvement project's PDSA cycle, from its start to
    its end, or an event on a day), numbered as in the list the page gives beside it."""

    number: int
    starts: dt.date
    ends: dt.date | None
    label: str


@dataclass
class Band:
    """An annotation as drawn: a shaded band from ``x`` to ``x2`` (a cycle) or a line at
    ``x`` (an event), with its number at the top."""

    number: int
    x: float
    x2: float | None
    label: str
    # Its number's row at the top: numbers too close to sit side by side are stacked.
    row: int = 0

    @property
    def label_y(self) -> int:
        return TOP + 2 + 18 * self.row

    @property
    def width(self) -> float:
        return 0.0 if self.x2 is None else max(self.x2 - self.x, 2.0)


@dataclass
class Chart:
    title: str
    description: str
    lines: list[Line] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str, str]] = field(default_factory=list)
    annotations: list[Band] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM
    right_x: int = WIDTH - RIGHT
    # From the x axis down to the top of its month labels: the lowest y label ends 4
    # below the axis, so this leaves 8 units between them.
    x_label_gap: int = 12
    top_y: int = TOP


class _Scale:
    def __init__(self, count: int, low: float, high: float, *, pad: bool = True) -> None:
        if high <= low:
            high = low + 1
        self.step = _nice_step((high - low) / 4)
        if pad:
            low = math.floor(low / self.step) * self.step
            high = math.ceil(high / self.step) * self.step
        self.low, self.high = low, high
        self.count = count

    def x(self, index: int) -> float:
        span = WIDTH - LEFT - RIGHT
        return round(LEFT + (span * index / max(self.count - 1, 1)), 1)

    def y(self, value: float) -> float:
        span = HEIGHT - TOP - BOTTOM
        return round(TOP + span * (1 - (value - self.low) / (self.high - self.low)), 1)


def _fmt(value: float, percent: bool) -> str:
    return f"{value * 100:.0f}%" if percent else f"{value:.1f}"


def _segments(points: list[dict[str, Any]]) -> list[range]:
    """Runs of points that share their limits: a recalculation starts a new run, so the
    limit lines step rather than slope across the change."""
    starts = [0] + [i for i in range(1, len(points)) if points[i]["mean"] != points[i - 1]["mean"]]
    ends = [*starts[1:], len(points)]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)]


def _month_number(point: dict[str, Any]) -> int:
    year, month = (int(x) for x in str(point["month"])[:7].split("-"))
    return year * 12 + month


def _week_number(point: dict[str, Any]) -> int:
    return dt.date.fromisoformat(str(point["month"])[:10]).toordinal() // 7


def _unbroken(points: list[dict[str, Any]], period: str = "month") -> list[range]:
    """Runs of points in consecutive months (or weeks)."""
    number = _week_number if period == "week" else _month_number
    starts = [0] + [
        i for i in range(1, len(points)) if number(points[i]) - number(points[i - 1]) > 1
    ]
    ends = [*starts[1:], len(points)]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)]


def _hidden_months(points: list[dict[str, Any]], period: str = "month") -> list[str]:
    """Months between the first and last point with no point: hidden, too few to publish."""
    if period == "week":
        days = {dt.date.fromisoformat(str(p["month"])[:10]) for p in points}
        first_day, last_day = min(days), max(days)
        return [
            _week_label(first_day + dt.timedelta(weeks=n))
            for n in range((last_day - first_day).days // 7 + 1)
            if first_day + dt.timedelta(weeks=n) not in days
        ]
    shown = {_month_number(p) for p in points}
    first, last = _month_number(points[0]), _month_number(points[-1])
    return [
        _month_label(f"{(n - 1) // 12:04d}-{(n - 1) % 12 + 1:02d}-01")
        for n in range(first, last + 1)
        if n not in shown
    ]


def _nice_step(rough: float) -> float:
    """A round step near ``rough``: 1, 2, 2.5 or 5 times a power of ten."""
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    return next((m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough), 10 * power)


def _ticks(scale: _Scale, percent: bool) -> list[tuple[float, str]]:
    ticks, value = [], scale.low
    while value <= scale.high + scale.step / 1000:
        ticks.append((scale.y(value), _fmt(value, percent)))
        value += scale.step
    return ticks


def _x_ticks(scale: _Scale, labels: list[str], most: int = 8) -> list[tuple[float, str]]:
    every = max(1, -(-len(labels) // most))
    return [(scale.x(i), label) for i, label in enumerate(labels) if i % every == 0]


def spc_chart(
    title: str,
    chart: dict[str, Any],
    *,
    percent: bool,
    target: str = "",
    period: str = "month",
    annotations: Sequence[Annotation] = (),
    unit: str = "",
    gaps: str = "",
) -> Chart:
    """An XmR chart from ``evaluate.chart_dict``: values, mean, limits, target.
    ``target``: the target in words for the key, as the page names it elsewhere
    (``dashboard.target_words``). ``period``: "month", or "week" (a point a week, each
    labelled by its Monday). ``annotations``: numbered notes drawn on it (an improvement
    project's cycles and events), each said in its description too. ``gaps``: why a
    period between two points has none, where it is not that it was hidden (a figure the
    team has not entered)."""
    points = chart["points"]
    if percent:
        # A share cannot pass 0% or 100%, so neither is a limit drawn beyond them (as the
        # Making Data Count tool caps them): the trial saw an axis running to 120%.
        points = [
            p | {"lower": max(p["lower"], 0.0), "upper": min(p["upper"], 1.0)} for p in points
        ]
    label = _week_label if period == "week" else _month_label
    labels = [label(p["month"]) for p in points]
    values = [p["value"] for p in points]
    every = values + [p["lower"] for p in points] + [p["upper"] for p in points]
    if chart.get("target") is not None:
        every.append(chart["target"])
    low, high = min(every), max(every)
    if percent and high <= low:
        # A flat share (every month 100%, say): an axis a tenth either side, within 0% to
        # 100%, not one running on to 200%.
        low, high = (high - 0.1, high) if high >= 0.1 else (low, low + 0.1)
    scale = _Scale(len(points), low, high)
    specials = sum(1 for p in points if p["special"])
    complete = [p for p in points if not p.get("provisional")] or points
    latest = complete[-1]
    waiting = len(points) - len(complete)
    recalculated = [r for r in chart.get("recalculations", []) if r["applied"]]
    result = Chart(
        title=title,
        description=(
            f"{len(points)} {period}s from {labels[0]} to {labels[-1]}. Latest complete "
            f"{period} {_fmt(latest['value'], percent)}{unit}; mean "
            f"{_fmt(latest['mean'], percent)}{unit}, "
            "process limits "
            f"{_fmt(latest['lower'], percent)} to {_fmt(latest['upper'], percent)}. "
            f"{specials} {period}{' shows' if specials == 1 else 's show'} special cause "
            f"variation. {chart['variation_text']}."
            + _hidden_sentence(_hidden_months(points, period), gaps)
            + _provisional_sentence(waiting, chart.get("provisional_because"), period)
            + limits_sentence(chart.get("months_in_limits"), chart.get("fixed_after"))
            + "".join(
                f" Limits recalculated from {label(r['month'])}: {r['reason']}."
                for r in recalculated
            )
            + "".join(f" {a.number}: {a.label}." for a in annotations)
        ),
        x_ticks=_x_ticks(scale, labels),
        y_ticks=_ticks(scale, percent),
    )

    def line(key: str, part: range) -> str:
        return " ".join(f"{scale.x(i)},{scale.y(points[i][key])}" for i in part)

    limits = "Process limits (upper and lower)"
    for part in _segments(points):
        result.lines += [
            Line(limits, line("upper", part), COLOURS["limit"], dashed=True, width=1.5),
            Line(limits, line("lower", part), COLOURS["limit"], dashed=True, width=1.5),
            Line("Mean", line("mean", part), COLOURS["mean"], width=1.5),
        ]
    # The line breaks where a month between two points is hidden (too few to publish):
    # a line straight across would draw a figure that was never published.
    for part in _unbroken(points, period):
        result.lines.append(Line("Value", line("value", part), COLOURS["value"]))
    if chart.get("target") is not None:
        y = scale.y(chart["target"])
        result.lines.insert(
            0,
            Line(
                f"Target: {target}" if target else "Target",
                f"{LEFT},{y} {WIDTH - RIGHT},{y}",
                COLOURS["target"],
                dashed=True,
                width=1.5,
            ),
        )
    result.markers = [
        Marker(
            scale.x(i),
            scale.y(p["value"]),
            p["special"],
            _marker_label(labels[i], _fmt(p["value"], percent), p),
            kind=_kind_group(p.get("kind", "")) if p["special"] else "",
            provisional=p.get("provisional", False),
        )
        for i, p in enumerate(points)
    ]
    result.annotations = _bands(scale, points, annotations, period)
    result.legend = _legend(result.lines)
    for kind in dict.fromkeys(m.kind for m in result.markers if m.special):
        name, shape = SPECIAL[kind]
        result.legend.append((name, COLOURS["neither" if kind == "special_cause" else kind], shape))
    if any(m.provisional for m in result.markers):
        name = (
            "Provisional: episodes still open"
            if chart.get("provisional_because") == "episodes_open"
            else "Month not over yet (provisional)"
        )
        result.legend.append((name, COLOURS["value"], "hollow"))
    if any(a.x2 is not None for a in result.annotations):
        result.legend.append(("A numbered PDSA cycle (shaded, from start to end)", BAND, "band"))
    if any(a.x2 is None for a in result.annotations):
        result.legend.append(("A numbered event (dotted line)", COLOURS["mean"], "dotted"))
    return result


# An annotation's band: a pale grey that keeps the points and lines over it at their
# contrast, edged by lines that stand out 3:1 from the page (WCAG 1.4.11); the number at
# its top says which note it is (colour alone says nothing).
BAND = "#d8dde0"
BAND_EDGE = "#4c6272"


def _bands(
    scale: _Scale, points: list[dict[str, Any]], annotations: Sequence[Annotation], period: str
) -> list[Band]:
    """Each annotation's place on the chart: a day between two points is placed between
    them by how far it is from each; one beyond the last point within its period."""
    if not points or not annotations:
        return []
    days = [dt.date.fromisoformat(str(p["month"])[:10]) for p in points]
    step = dt.timedelta(weeks=1) if period == "week" else None

    def end_of(day: dt.date) -> dt.date:
        return day + step if step is not None else next_month_start(day)

    def x_of(day: dt.date) -> float:
        if day <= days[0]:
            return scale.x(0)
        for i, (a, b) in enumerate(itertools.pairwise(days)):
            if a <= day < b:
                return round(scale.x(i) + (scale.x(i + 1) - scale.x(i)) * (day - a) / (b - a), 1)
        last = len(days) - 1
        width = scale.x(last) - scale.x(last - 1) if last else float(WIDTH - RIGHT - LEFT)
        beyond = (day - days[-1]) / (end_of(days[-1]) - days[-1])
        return round(min(scale.x(last) + width * min(beyond, 1.0), float(WIDTH - RIGHT)), 1)

    bands = [
        Band(a.number, x_of(a.starts), None if a.ends is None else x_of(a.ends), a.label)
        for a in annotations
    ]
    # A number's circle is 16 units across: one nearer than 18 to another in its row goes
    # down a row, so no number covers another (a cycle and a note in the same month).
    placed: list[Band] = []
    for band in sorted(bands, key=lambda b: b.x):
        band.row = next(
            row
            for row in range(len(bands))
            if all(abs(band.x - other.x) >= 18 for other in placed if other.row == row)
        )
        placed.append(band)
    return bands


def next_month_start(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _hidden_sentence(months: list[str], gaps: str = "") -> str:
    if not months:
        return ""
    listed = ", ".join(months[:-1]) + (" and " if len(months) > 1 else "") + months[-1]
    if gaps:
        return f" No point for {listed}: {gaps}."
    return (
        f" No point for {listed}: the figure would reveal a small number "
        f"({settings.SUPPRESS_AT_MOST} or fewer "
        "people, counted or left out), so it is not published. Such months are often "
        "those nearest 0% or 100%, and the mean and limits are worked out without them."
    )


def limits_sentence(months: int | None, fixed_after: int | None) -> str:
    """Said under a chart (and in its description) when its limits are trial or fixed."""
    if months is None:
        return ""
    if fixed_after and months >= fixed_after:
        return (
            f" The limits are fixed on the first {fixed_after} months (the baseline); "
            "later months are judged against them."
        )
    firm = fixed_after or spc.TRIAL_LIMITS_BELOW
    if months >= firm:
        return ""
    return (
        f" The limits are trial limits, from {months} months: they are worked out again "
        f"each month until there are {firm}."
    )


def _provisional_sentence(waiting: int, because: str | None, period: str = "month") -> str:
    if not waiting:
        return ""
    if period == "week":
        return " The last week is not over yet (provisional)."
    if because == "episodes_open":
        months, them = (
            ("The last month is", "it")
            if waiting == 1
            else (f"The last {waiting} months are", "them")
        )
        return (
            f" {months} provisional: fewer than 9 in 10 of the episodes that began in {them} "
            "have ended, so the figures will still change."
        )
    return " The last month is not over yet (provisional)."


def _kind_group(kind: str) -> str:
    """``spc.Variation``'s value as its colour and shape: improvement, concern or neither."""
    for group in ("improvement", "concern"):
        if kind.startswith(group):
            return group
    return "special_cause"


def _marker_label(month: str, value: str, point: dict[str, Any]) -> str:
    if point.get("provisional"):
        return f"{month}: {value} (provisional: not final yet)"
    if point["special"]:
        return f"{month}: {value} ({SPECIAL[_kind_group(point.get('kind', ''))][0].lower()})"
    return f"{month}: {value}"


def _legend(lines: list[Line]) -> list[tuple[str, str, str]]:
    """(name, colour, "line" | "dashed" | "square"), each name once."""
    seen: dict[str, tuple[str, str, str]] = {}
    for line in lines:
        seen.setdefault(line.name, (line.name, line.colour, "dashed" if line.dashed else "line"))
    return list(seen.values())


def survival_chart(title: str, curves: dict[str, dict[str, Any]]) -> Chart:
    """Kaplan-Meier curves: share still on the caseload by day, one line a band."""
    days = max((len(c["day"]) for c in curves.values()), default=1)
    scale = _Scale(days, 0.0, 1.0, pad=False)
    result = Chart(
        title=title,
        description="Share of episodes still on the caseload each day after acceptance, "
        "by how many different staff the person saw: "
        + "; ".join(
            f"{staff_words(band)}: median {c['median_days']} days"
            if c["median_days"] is not None
            else staff_words(band)
            for band, c in curves.items()
        )
        + ".",
        y_ticks=_ticks(scale, True),
        x_ticks=[(scale.x(d), f"day {d}") for d in range(0, days, 14)],
    )
    for (band, curve), colour in zip(curves.items(), COLOURS["curve"], strict=False):
        points = " ".join(
            f"{scale.x(d)},{scale.y(v)}"
            for d, v in zip(curve["day"], curve["on_caseload"], strict=True)
            if v is not None  # the curve ends where too few are left to show
        )
        result.lines.append(Line(staff_words(band), points, colour, dashed=band == "4 or more"))
    result.legend = _legend(result.lines)
    return result


def staff_words(band: str) -> str:
    """A band of distinct staff seen in words: "1 member of staff", "2 to 3 staff"."""
    return "1 member of staff" if band == "1" else f"{band} staff"


def _month_label(month: str | dt.date) -> str:
    return dt.date.fromisoformat(str(month)[:10]).strftime("%b %Y")


def _week_label(week: str | dt.date) -> str:
    """A week by its Monday: "2 Mar 2026"."""
    day = dt.date.fromisoformat(str(week)[:10])
    return f"{day.day} {day:%b %Y}"


# The heat map's shades, lightest to darkest, each with the colour its figure is written
# in (at least 4.5:1 against the shade). The figure is in every cell: the shade only
# repeats it.
HEAT_SHADES = (
    ("#e8f1fa", "#212b32"),
    ("#b3d1ee", "#212b32"),
    ("#6ea8dd", "#212b32"),
    ("#005eb8", "#ffffff"),
    ("#003087", "#ffffff"),
)
HEAT_HIDDEN = ("#d8dde0", "#212b32")
HEAT_LEFT, HEAT_TOP, HEAT_COLUMN, HEAT_ROW = 120, 30, 52, 20


@dataclass
class HeatCell:
    x: float
    y: float
    fill: str
    text: str
    text_colour: str
    label: str


@dataclass
class HeatMap:
    title: str
    description: str
    cells: list[HeatCell]
    columns: list[tuple[float, str]]  # (x of the column's middle, weekday)
    rows: list[tuple[float, str, bool]]  # (y of the row's middle, hour, open)
    open_words: str
    width: int = HEAT_LEFT + 7 * HEAT_COLUMN + 8
    height: int = HEAT_TOP + 24 * HEAT_ROW + 8
    left: int = HEAT_LEFT
    top: int = HEAT_TOP
    column_width: int = HEAT_COLUMN
    row_height: int = HEAT_ROW


def hour_words(hour: int) -> str:
    """ "18:00 to 19:00"."""
    return f"{hour:02d}:00 to {(hour + 1) % 24:02d}:00"


def heat_map(
    title: str,
    by_hour: dict[str, Any],
    *,
    open_hours: list[int],
    open_words: str,
    summary: str,
) -> HeatMap:
    """Counts by hour (rows) and weekday (columns), each cell shaded by its count and
    with the count written in it; the hours in which the service is open marked
    "open" beside the hour as well as by a bar. ``summary``: what it shows, in words."""
    values = [v for day in by_hour["days"] for v in day["hours"] if v is not None]
    top = max(values, default=0)
    cells = []
    for column, day in enumerate(by_hour["days"]):
        for hour, value in enumerate(day["hours"]):
            if value is None:
                fill, colour = HEAT_HIDDEN
                text, said = "–", "not shown (too few)"
            else:
                band = 0 if not top or not value else min(4, int(5 * value / (top + 1)))
                fill, colour = HEAT_SHADES[band] if value else ("#ffffff", "#212b32")
                text, said = f"{value:,}", f"{value:,}"
            cells.append(
                HeatCell(
                    HEAT_LEFT + column * HEAT_COLUMN,
                    HEAT_TOP + hour * HEAT_ROW,
                    fill,
                    text,
                    colour,
                    f"{day['weekday']}, {hour_words(hour)}: {said}",
                )
            )
    return HeatMap(
        title=title,
        description=summary,
        cells=cells,
        columns=[
            (HEAT_LEFT + i * HEAT_COLUMN + HEAT_COLUMN / 2, day["weekday"][:3])
            for i, day in enumerate(by_hour["days"])
        ],
        rows=[
            (HEAT_TOP + hour * HEAT_ROW + HEAT_ROW / 2, f"{hour:02d}:00", hour in open_hours)
            for hour in range(24)
        ],
        open_words=open_words,
    )
