"""A project's measures: each one's figures by week or month, and its SPC chart as the
team reads it (issue 23; ADR 0016).

A measure is bound to one of the evidence engine's monthly figures, worked out for the
project's scope (its teams, and every team of its services; the whole trust if neither),
with the same disclosure control as the evidence pages: a month whose figure would
reveal a small number is not shown, and a month whose figure will still change is
provisional. Or it is counted by the team, week by week or month by month, each figure
with who entered it.

Its chart is the evidence engine's XmR chart (Making Data Count rules, ``evidence.spc``),
with two differences a project needs: its limits are recalculated only at the periods
the team chose, each for a reason it gave (never at the trust's declared change, which
is the trust's, not the project's); and it is annotated with every PDSA cycle that
studies the measure and every note the team put on it, so the chart tells the story of
what was tried and when, without anyone drawing on it by hand (what Life QI's users
asked for).
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.care.models import Team
from coproduce.evidence import charts, spc
from coproduce.evidence.evaluate import EPISODES_ENDED, published_totals
from coproduce.evidence.extract import write_extract
from coproduce.evidence.suite import (
    caseload,
    contacts_in_file_order,
    continuity,
    experience,
    open_extract,
    response,
)
from coproduce.improvement import services
from coproduce.improvement.models import (
    Annotation,
    CountedValue,
    Cycle,
    Measure,
    Project,
    Recalculation,
)
from coproduce.lib.dates import next_month
from coproduce.lib.disclosure import Rules

# A chart needs this many complete periods it may show before it is drawn, and each part
# of it between recalculations as many: useful limits need five or six values at least
# (Wheeler, as ``evidence.spc`` cites him); fewer give limits of no practical use.
POINTS_FOR_CHART = spc.MONTHS_FOR_LIMITS

# The evidence figures a measure may be bound to: shares are drawn as percentages.
SHARES = frozenset(
    {Measure.Source.DISENGAGEMENT, Measure.Source.EXPERIENCE, Measure.Source.RESPONSE}
)
# Figures by the month an episode began: a month most of whose episodes are still open
# is provisional whatever the calendar says (as the evidence pages judge it).
BY_EPISODE_START = frozenset(
    {
        Measure.Source.DISTINCT_STAFF,
        Measure.Source.CONTINUITY_INDEX,
        Measure.Source.TIME_ON_CASELOAD,
        Measure.Source.DISENGAGEMENT,
    }
)
CACHE_PREFIX = "improvement:scope:"
# A period with no figure, of a measure the team counts: none was entered (an evidence
# figure with none was hidden, as it would reveal a small number).
NOT_ENTERED = "no figure was entered"


# --- periods -------------------------------------------------------------------------


def period_start(measure: Measure, day: dt.date) -> dt.date:
    """The week (its Monday) or month (its first day) ``day`` falls in."""
    if measure.period == Measure.Period.WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(measure: Measure, start: dt.date) -> dt.date:
    if measure.period == Measure.Period.WEEK:
        return start + dt.timedelta(days=7)
    return next_month(start)


def period_words(measure: Measure, count: int) -> str:
    one, many = ("week", "weeks") if measure.period == Measure.Period.WEEK else ("month", "months")
    return f"{count} {one if count == 1 else many}"


def period_label(measure: Measure, start: dt.date) -> str:
    """A period as people say it: "March 2026", or "week of 2 March 2026"."""
    if measure.period == Measure.Period.WEEK:
        return f"week of {start.day} {start:%B %Y}"
    return f"{start:%B %Y}"


# --- the figures ---------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One period's figure: ``value`` None where it is not shown (it would reveal a small
    number); ``provisional`` where it will still change (the period is not over, or most
    of the episodes that began in it are still open)."""

    starts: dt.date
    value: float | None
    provisional: bool = False
    # A counted figure: who entered it, and any note.
    entered_by: str = ""
    note: str = ""


@dataclass(frozen=True)
class Series:
    measure: Measure
    points: list[Point]
    # Where the figures come from, in words ("the evidence engine's figures for Central
    # crisis team"; "counted by the team").
    source_words: str
    percent: bool = False
    provisional_because: str = ""  # "episodes_open" or "period_not_over"


def scope_teams(project: Project) -> list[int] | None:
    """The teams in the project's scope (its teams and every team of its services), or
    None for the whole trust."""
    chosen = {team.pk for team in project.teams.all()}  # prefetched on a list of projects
    if project.services:
        chosen |= set(Team.objects.filter(kind__in=project.services).values_list("pk", flat=True))
    return sorted(chosen) or None


def scope_words(project: Project) -> str:
    teams = scope_teams(project)
    if teams is None:
        return "the whole trust"
    names = list(Team.objects.filter(pk__in=teams).order_by("name").values_list("name", flat=True))
    if len(names) <= 3:
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return f"{len(names)} teams"


def series(measure: Measure) -> Series:
    """The measure's figures by period, oldest first, from its first figure to today's
    period (a period between with no figure is there, with no value)."""
    if measure.source == Measure.Source.COUNTED:
        return _counted_series(measure)
    return _evidence_series(measure)


# Where a list of projects puts each measure's figures and recalculations, read for all
# of them at once (``with_figures``), so that a portfolio's icons cost no query a measure.
CURRENT_VALUES = "current_values"
RECALCULATIONS = "recalculations_in_order"


def current_values() -> QuerySet[CountedValue]:
    """Counted figures as they stand (not replaced by a correction), oldest period first."""
    return (
        CountedValue.objects.filter(replaced_by__isnull=True)
        .select_related("entered_by")
        .order_by("period_start")
    )


def with_figures() -> Prefetch[str]:
    """A project's measures, each with its current figures and recalculations."""
    return Prefetch(
        "measures",
        queryset=Measure.objects.prefetch_related(
            Prefetch("counted", queryset=current_values(), to_attr=CURRENT_VALUES),
            Prefetch(
                "recalculations",
                queryset=Recalculation.objects.order_by("starts"),
                to_attr=RECALCULATIONS,
            ),
        ),
    )


def _counted_series(measure: Measure) -> Series:
    current = getattr(measure, CURRENT_VALUES, None)  # read with a list of projects
    if current is None:
        current = current_values().filter(measure=measure)
    today = timezone.localdate()
    this_period = period_start(measure, today)
    points = [
        Point(
            row.period_start,
            float(row.value),
            provisional=row.period_start >= this_period,
            entered_by=row.entered_by.display_name,
            note=row.note,
        )
        for row in current
    ]
    return Series(
        measure,
        _with_gaps(measure, points),
        "counted by the project's team",
        percent=False,
        provisional_because="period_not_over",
    )


def _with_gaps(measure: Measure, points: list[Point]) -> list[Point]:
    """Every period from the first figure to the last, those with none as gaps."""
    if not points:
        return []
    by_start = {p.starts: p for p in points}
    out, at = [], points[0].starts
    while at <= points[-1].starts:
        out.append(by_start.get(at, Point(at, None)))
        at = next_period(measure, at)
    return out


def _evidence_series(measure: Measure) -> Series:
    project = measure.project
    teams = scope_teams(project)
    figures = scope_figures(teams)
    values: dict[str, float | None] = figures["values"].get(measure.source, {})
    still_open = set(figures["episodes_open"])
    this_month = timezone.localdate().replace(day=1)
    by_episode = measure.source in BY_EPISODE_START
    points = [
        Point(
            dt.date.fromisoformat(month),
            value,
            provisional=dt.date.fromisoformat(month) >= this_month
            or (by_episode and month in still_open),
        )
        for month, value in sorted(values.items())
    ]
    return Series(
        measure,
        _with_gaps(measure, points),
        f"the evidence engine's figures for {scope_words(project)}",
        percent=measure.source in SHARES,
        provisional_because="episodes_open" if by_episode else "period_not_over",
    )


def _cache_key(teams: Sequence[int] | None) -> str:
    return CACHE_PREFIX + hashlib.sha256(repr(teams).encode()).hexdigest()[:24]


def scope_figures(teams: Sequence[int] | None, *, refresh: bool = False) -> dict[str, Any]:
    """The evidence figures of a scope by month, as published (disclosure control
    applied), kept for as long as the evidence pages keep theirs:
    ``{"values": {source: {month: value or None}}, "episodes_open": [month, ...]}``."""
    cached = None if refresh else cache.get(_cache_key(teams))
    if cached is not None:
        return dict(cached)
    return _work_out([teams])[0]


def warm(projects: Iterable[Project]) -> None:
    """Work out the figures of every scope of these projects not kept already, from one
    extract: a page of many projects (the portfolio) then writes the extract once, not
    once for each scope."""
    scopes: dict[str, Sequence[int] | None] = {}
    for project in projects:
        if any(m.source != Measure.Source.COUNTED for m in project.measures.all()):
            teams = scope_teams(project)
            scopes.setdefault(_cache_key(teams), teams)
    missing = [teams for key, teams in scopes.items() if cache.get(key) is None]
    if missing:
        _work_out(missing)


def _work_out(scopes: Sequence[Sequence[int] | None]) -> list[dict[str, Any]]:
    """Each scope's figures from one fresh extract (pseudonymised, in a temporary folder
    removed at once), its tables kept to the scope's teams, each metric then worked out
    for all of them together as the evidence pages work out the trust's; each kept."""
    found = []
    with tempfile.TemporaryDirectory(prefix="coproduce-extract-") as folder:
        write_extract(Path(folder))
        extract = open_extract(Path(folder))
        in_order = contacts_in_file_order(extract.tables["contacts"])
        for teams in scopes:
            tables = dict(extract.tables)
            if teams is not None:
                for name, table in tables.items():
                    if "team_key" in table.columns:
                        tables[name] = table.filter(table.team_key.isin(list(teams)))
            results = {
                "continuity": continuity(tables, False, in_order).to_pandas(),
                "caseload": caseload(tables, False).to_pandas(),
                "experience": experience(tables, False).to_pandas(),
                "response": response(tables, False).to_pandas(),
            }
            for frame in results.values():
                if "month" in frame:
                    frame["month"] = pd.to_datetime(frame["month"]).dt.date
            figures = published_figures(results, Rules.from_settings())
            cache.set(_cache_key(teams), figures, settings.EVIDENCE_CACHE_SECONDS)
            found.append(figures)
    return found


def published_figures(results: dict[str, pd.DataFrame], rules: Rules) -> dict[str, Any]:
    """Each evidence-bound measure's monthly figure from the metrics' raw rows (one scope,
    all its teams together), as the evidence pages publish the trust's: a mean or median
    only over more people than the threshold, a share only where neither it nor what it
    leaves would reveal a small number, worked out from the rounded counts. The frames
    hold one group a month (the suite run with the scope's teams as one), so a median is
    the scope's own, never one of medians."""
    values: dict[str, dict[str, float | None]] = {}
    continuity_rows = results["continuity"]
    caseload_rows = results["caseload"]
    values[Measure.Source.DISTINCT_STAFF] = _means(
        continuity_rows, "distinct_staff_sum", "episodes", rules
    )
    values[Measure.Source.CONTINUITY_INDEX] = _means(
        continuity_rows, "coc_sum", "multi_contact_episodes", rules
    )
    values[Measure.Source.TIME_ON_CASELOAD] = {
        month.isoformat(): (
            round(float(median), 1) if rules.over(int(closed)) and median == median else None
        )
        for month, median, closed in zip(
            caseload_rows["month"],
            caseload_rows.get("median_days_to_discharge", pd.Series(dtype=float)),
            caseload_rows["closed"],
            strict=False,
        )
    }
    values[Measure.Source.DISENGAGEMENT] = {
        month.isoformat(): rules.share(int(disengaged), int(closed))
        for month, disengaged, closed in zip(
            caseload_rows["month"],
            caseload_rows["disengaged"],
            caseload_rows["closed"],
            strict=True,
        )
    }
    values[Measure.Source.EXPERIENCE] = {
        row["month"]: row.get("share_good")
        for row in published_totals(results["experience"], "experience", rules, ["month"])
    }
    values[Measure.Source.RESPONSE] = {
        row["month"]: row.get("share_seen_within_target")
        for row in published_totals(results["response"], "response", rules, ["month"])
    }
    episodes_open = sorted(
        month.isoformat()
        for month, episodes, closed in zip(
            caseload_rows["month"], caseload_rows["episodes"], caseload_rows["closed"], strict=True
        )
        if int(closed) < EPISODES_ENDED * int(episodes)
    )
    return {"values": values, "episodes_open": episodes_open}


def _means(frame: pd.DataFrame, total: str, over: str, rules: Rules) -> dict[str, float | None]:
    """A mean to two places over more people than the threshold (as ``evaluate`` publishes
    means: finer, a mean of whole numbers could pin the count under it)."""
    return {
        month.isoformat(): round(float(a) / int(n), 2) if rules.over(int(n)) else None
        for month, a, n in zip(frame["month"], frame[total], frame[over], strict=True)
    }


# --- the chart -----------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """An annotation on a chart: a PDSA cycle (from its start to its end) or a note the
    team added (on a day). ``number``: its number on the chart and in the list below."""

    number: int
    starts: dt.date
    ends: dt.date | None
    kind: str  # "cycle" or "note"
    title: str
    decision: str = ""
    # Where it falls on the chart ("before the chart begins"), if not on it.
    off_chart: str = ""
    cycle_id: int | None = None
    annotation_id: int | None = None

    @property
    def words(self) -> str:
        if self.kind == "cycle":
            when = f"{_day(self.starts)} to {_day(self.ends)}" if self.ends else _day(self.starts)
            decided = f"; decision: {self.decision.lower()}" if self.decision else ""
            return f"PDSA cycle “{self.title}”, {when}{decided}"
        return f"{_day(self.starts)}: {self.title}"


@dataclass(frozen=True)
class LimitsFrom:
    """A recalculation of the limits as the chart applies it."""

    starts: dt.date
    reason: str
    applied: bool
    waiting: str = ""  # why it is not applied yet, in words
    recalculation_id: int | None = None
    period: str = ""  # the period it starts, in words


@dataclass(frozen=True)
class Baseline:
    mean: float | None
    points: int
    words: str


@dataclass
class MeasureChart:
    """What a page needs to show one measure: its chart drawn (``chart``) or why not
    (``not_drawn``), its baseline, its icons, its annotations and its table."""

    measure: Measure
    series: Series
    until: dt.date | None = None
    chart: charts.Chart | None = None
    not_drawn: str = ""
    xmr: spc.Chart | None = None  # the XmR chart's figures
    baseline: Baseline | None = None
    variation: spc.Variation | None = None
    variation_text: str = ""
    assurance: spc.Assurance | None = None
    assurance_text: str = ""
    annotations: list[Mark] = field(default_factory=list)
    recalculations: list[LimitsFrom] = field(default_factory=list)
    # The table, a row a period: the period and figure in words, the mean and limits it
    # is drawn with, its special cause, the numbers of the notes on it, who entered it.
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def latest(self) -> Point | None:
        shown = [p for p in self.series.points if p.value is not None]
        return shown[-1] if shown else None

    @property
    def title(self) -> str:
        return self.measure.name

    @property
    def provisional_words(self) -> str:
        """Why the hollow points are drawn hollow, when there are any."""
        waiting = [p for p in self.series.points if p.provisional and p.value is not None]
        if not waiting or self.chart is None:
            return ""
        if self.series.provisional_because == "episodes_open":
            one = len(waiting) == 1
            return (
                f"{'The month' if one else 'Months'} drawn hollow {'is' if one else 'are'} "
                f"provisional: fewer than 9 in 10 of the episodes that began in "
                f"{'it' if one else 'them'} have ended, so the "
                f"{'figure' if one else 'figures'} will still change. "
                f"{'It is' if one else 'They are'} not counted in the limits or the rules "
                "until then."
            )
        return (
            f"The last {'week' if self.measure.period == Measure.Period.WEEK else 'month'} "
            "is not over yet: it is drawn hollow and is not counted in the limits or the "
            "rules until it is."
        )

    @property
    def points_for_chart_words(self) -> str:
        return period_words(self.measure, POINTS_FOR_CHART)

    def period_label(self, starts: dt.date) -> str:
        return period_label(self.measure, starts)

    def fmt(self, value: float | None) -> str:
        return format_value(self.measure, value, percent=self.series.percent)


def format_value(measure: Measure, value: float | None, *, percent: bool) -> str:
    if value is None:
        return "Not shown"
    if percent:
        return f"{value:.0%}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return (
        f"{text} {measure.unit}".strip()
        if measure.unit and measure.unit != "%"
        else (f"{text}%" if measure.unit == "%" else text)
    )


def _day(day: dt.date | None) -> str:
    return "" if day is None else f"{day.day} {day:%B %Y}"


def _complete(points: Sequence[Point]) -> tuple[list[Point], list[Point]]:
    """The points with a figure, and of those the complete ones (before the first
    provisional)."""
    shown = [p for p in points if p.value is not None]
    first_provisional = next((i for i, p in enumerate(shown) if p.provisional), len(shown))
    return shown, shown[:first_provisional]


def _xmr(
    measure: Measure, shown: list[Point], complete: list[Point]
) -> tuple[list[LimitsFrom], spc.Chart]:
    """The measure's XmR chart over its figures, limits recalculated where the team asked."""
    labels = [p.starts for p in shown]
    recalculations = _limits_from(measure, labels, len(complete))
    cut_at = [labels.index(r.starts) for r in recalculations if r.applied]
    target = float(measure.target) if measure.target is not None else None
    chart = spc.xmr(
        labels,
        [float(p.value) for p in shown if p.value is not None],
        improvement=spc.Improvement(measure.better),
        target=target,
        run_length=settings.SPC_RUN_LENGTH,
        recalculate_at=cut_at,
        provisional=len(shown) - len(complete),
    )
    return recalculations, chart


def measure_variation(measure: Measure) -> spc.Variation | None:
    """The measure's variation now (as its chart shows it), without drawing the chart or
    reading its annotations: for a list of many projects. None with too few periods."""
    shown, complete = _complete(series(measure).points)
    if len(complete) < POINTS_FOR_CHART:
        return None
    return _xmr(measure, shown, complete)[1].variation


def measure_chart(measure: Measure, *, until: dt.date | None = None) -> MeasureChart:
    """The measure's annotated SPC chart, to ``until`` (a cycle's end, for its Study)
    or to today. Not drawn, with the reason in words, when there are too few periods."""
    full = series(measure)
    points = [p for p in full.points if until is None or p.starts <= until]
    trimmed = Series(measure, points, full.source_words, full.percent, full.provisional_because)
    result = MeasureChart(measure, trimmed, until=until)
    result.annotations = marks(measure, points)
    shown, complete = _complete(points)
    result.baseline = baseline(measure, complete, percent=full.percent)
    if len(complete) < POINTS_FOR_CHART:
        result.not_drawn = not_drawn_words(measure, points, len(complete))
        result.recalculations = _limits_from(measure, [p.starts for p in complete], len(complete))
        result.rows = _rows(result, None, shown)
        return result
    result.recalculations, chart = _xmr(measure, shown, complete)
    result.xmr = chart
    result.variation = chart.variation
    result.variation_text = spc.VARIATION_TEXT[chart.variation]
    result.assurance = chart.assurance
    result.assurance_text = spc.ASSURANCE_TEXT[chart.assurance]
    result.chart = charts.spc_chart(
        measure.name,
        _chart_dict(chart, result, full.provisional_because),
        percent=full.percent,
        period="week" if measure.period == Measure.Period.WEEK else "month",
        annotations=[_chart_mark(m) for m in result.annotations if not m.off_chart],
        unit=_unit_after(measure, percent=full.percent),
        gaps=NOT_ENTERED if measure.source == Measure.Source.COUNTED else "",
    )
    result.rows = _rows(result, chart, shown)
    return result


def _unit_after(measure: Measure, *, percent: bool) -> str:
    """The unit after a figure in the chart's description: "81%", "2.1 staff"."""
    if percent or not measure.unit:
        return ""
    return "%" if measure.unit == "%" else f" {measure.unit}"


def _chart_mark(mark: Mark) -> charts.Annotation:
    return charts.Annotation(
        number=mark.number, starts=mark.starts, ends=mark.ends, label=mark.words
    )


def _chart_dict(chart: spc.Chart, result: MeasureChart, because: str) -> dict[str, Any]:
    from coproduce.evidence.evaluate import chart_dict

    applied = [r for r in result.recalculations if r.applied]
    cut = applied[-1].starts if applied else None
    complete = [p for p in chart.points if not p.provisional]
    return chart_dict(chart) | {
        "recalculations": [
            {"month": r.starts.isoformat(), "reason": r.reason, "applied": r.applied}
            for r in result.recalculations
        ],
        "months_in_limits": len([p for p in complete if cut is None or _as_date(p.label) >= cut]),
        "fixed_after": None,
        "provisional_because": "episodes_open" if because == "episodes_open" else "",
    }


def _as_date(label: str | dt.date) -> dt.date:
    return label if isinstance(label, dt.date) else dt.date.fromisoformat(label[:10])


def not_drawn_words(measure: Measure, points: Sequence[Point], complete: int) -> str:
    """Why a measure's chart is not drawn yet, and how many more periods it needs."""
    more = POINTS_FOR_CHART - complete
    unit = period_words(measure, more).split(" ", 1)[1]
    needed = f"{more} more {unit} {'is' if more == 1 else 'are'} needed"
    if not points:
        return (
            f"There are no figures for this measure yet. A chart needs "
            f"{period_words(measure, POINTS_FOR_CHART)} of figures: {needed} before one "
            "can be drawn."
        )
    hidden = sum(1 for p in points if p.value is None)
    waiting = sum(1 for p in points if p.value is not None and p.provisional)
    said = [
        f"There {'is' if complete == 1 else 'are'} {period_words(measure, complete)} "
        "of figures so far"
    ]
    if hidden and measure.source == Measure.Source.COUNTED:
        said.append(f"{period_words(measure, hidden)} with {NOT_ENTERED}")
    elif hidden:
        said.append(
            f"{period_words(measure, hidden)} not shown because the figure would reveal a "
            "small number"
        )
    if waiting:
        said.append(f"{period_words(measure, waiting)} not final yet")
    return f"{'; '.join(said)}. {needed[0].upper()}{needed[1:]} before a chart can be drawn."


def marks(measure: Measure, points: Sequence[Point]) -> list[Mark]:
    """The chart's annotations in date order, numbered: every cycle of the project that
    studies this measure (from its start to its end, with its decision), and every note
    on the project's charts or on this measure."""
    found: list[tuple[dt.date, int, Mark]] = []
    cycles = Cycle.objects.filter(measures=measure).order_by("starts_on", "pk")
    for cycle in cycles:
        found.append(
            (
                cycle.starts_on,
                0,
                Mark(
                    0,
                    cycle.starts_on,
                    cycle.ends_on,
                    "cycle",
                    cycle.title,
                    decision=cycle.get_decision_display() if cycle.decision else "",
                    cycle_id=cycle.pk,
                ),
            )
        )
    notes = Annotation.objects.filter(project=measure.project).filter(
        Q(measure__isnull=True) | Q(measure=measure)
    )
    for note in notes.order_by("on", "pk"):
        found.append((note.on, 1, Mark(0, note.on, None, "note", note.text, annotation_id=note.pk)))
    found.sort(key=lambda item: (item[0], item[1]))
    first = points[0].starts if points else None
    last = next_period(measure, points[-1].starts) if points else None
    out = []
    for number, (_, _, mark) in enumerate(found, start=1):
        off = (
            "before the chart begins"
            if first is not None and (mark.ends or mark.starts) < first
            else "after the chart ends"
            if last is not None and mark.starts >= last
            else "no chart yet"
            if first is None
            else ""
        )
        out.append(
            Mark(
                number,
                mark.starts,
                mark.ends,
                mark.kind,
                mark.title,
                mark.decision,
                off,
                mark.cycle_id,
                mark.annotation_id,
            )
        )
    return out


def baseline(measure: Measure, complete: Sequence[Point], *, percent: bool) -> Baseline | None:
    """The mean of the complete periods before the measure's baseline date (or, with
    none, before the first cycle that studies it began), in words."""
    until = measure.baseline_until
    because = "the baseline date the team set"
    if until is None:
        first_cycle = (
            Cycle.objects.filter(measures=measure).order_by("starts_on").first()
            or Cycle.objects.filter(change_idea__project=measure.project)
            .order_by("starts_on")
            .first()
        )
        if first_cycle is not None:
            until = first_cycle.starts_on
            because = f"the first PDSA cycle began ({_day(until)})"
    before = [
        p
        for p in complete
        if p.value is not None and (until is None or next_period(measure, p.starts) <= until)
    ]
    if not before:
        if until is not None:
            return Baseline(
                None,
                0,
                f"No baseline yet: there are no complete figures before {_day(until)}.",
            )
        return None
    mean = sum(p.value for p in before if p.value is not None) / len(before)
    shown = format_value(measure, mean, percent=percent)
    span = (
        f"{period_label(measure, before[0].starts)} to {period_label(measure, before[-1].starts)}"
        if len(before) > 1
        else period_label(measure, before[0].starts)
    )
    when = f"before {because}" if until is not None else "so far (no PDSA cycle has begun yet)"
    return Baseline(
        mean,
        len(before),
        f"Baseline {shown}: the mean of {period_words(measure, len(before))} ({span}) {when}.",
    )


def _limits_from(measure: Measure, labels: Sequence[dt.date], complete: int) -> list[LimitsFrom]:
    """The team's recalculations as the chart applies them: each starts new limits at
    its period, if there are ``POINTS_FOR_CHART`` complete periods shown on each side of
    it; otherwise it waits, and says why."""
    out: list[LimitsFrom] = []
    start = 0
    recalculations = getattr(measure, RECALCULATIONS, None)  # read with a list of projects
    if recalculations is None:
        recalculations = Recalculation.objects.filter(measure=measure).order_by("starts")
    for row in recalculations:
        starts = period_start(measure, row.starts)
        if starts != row.starts:
            starts = next_period(measure, starts)
        index = next((i for i, day in enumerate(labels) if day >= starts), None)
        waiting = ""
        if index is None or complete - index < POINTS_FOR_CHART:
            waiting = (
                f"fewer than {period_words(measure, POINTS_FOR_CHART)} of figures after it yet"
            )
        elif index - start < POINTS_FOR_CHART:
            waiting = (
                f"fewer than {period_words(measure, POINTS_FOR_CHART)} of figures between it "
                "and the start of the limits before it"
            )
        applied = not waiting
        if applied and index is not None:
            start = index
            starts = labels[index]
        out.append(
            LimitsFrom(starts, row.reason, applied, waiting, row.pk, period_label(measure, starts))
        )
    return out


def _rows(
    result: MeasureChart, chart: spc.Chart | None, shown: Sequence[Point]
) -> list[dict[str, Any]]:
    measure = result.measure
    by_label = {_as_date(p.label): p for p in chart.points} if chart is not None else {}
    out = []
    for point in result.series.points:
        drawn = by_label.get(point.starts)
        ends = next_period(measure, point.starts)
        notes = [
            str(m.number)
            for m in result.annotations
            if m.starts < ends and (m.ends or m.starts) >= point.starts
        ]
        out.append(
            {
                "period": period_label(measure, point.starts),
                "starts": point.starts,
                "value": (
                    "No figure entered"
                    if point.value is None and measure.source == Measure.Source.COUNTED
                    else result.fmt(point.value)
                ),
                "provisional": point.provisional,
                "mean": result.fmt(drawn.mean) if drawn else "",
                "lower": result.fmt(drawn.lower) if drawn else "",
                "upper": result.fmt(drawn.upper) if drawn else "",
                "special": drawn.special if drawn else False,
                "kind": spc.VARIATION_TEXT[drawn.kind] if drawn and drawn.special else "",
                "annotations": notes,
                "entered_by": point.entered_by,
                "note": point.note,
            }
        )
    return out


def measure_charts(measures: Iterable[Measure]) -> list[MeasureChart]:
    return [measure_chart(m) for m in measures]


# --- changes the team makes ------------------------------------------------------------
# Each checks the user may change the project first (its team; ``services``), refuses bad
# input naming the field with nothing saved, is audited, and moves the project's "last
# updated".


@dataclass(frozen=True)
class MeasureFields:
    kind: str
    name: str
    source: str
    better: str
    period: str = Measure.Period.MONTH
    definition: str = ""
    unit: str = ""
    target: decimal.Decimal | None = None
    baseline_until: dt.date | None = None


def _check_fields(fields: MeasureFields, measure: Measure | None = None) -> None:
    errors: dict[str, list[str]] = {}
    if not fields.name.strip():
        errors["name"] = ["Give the measure a name, as the team would say it."]
    if fields.source != Measure.Source.COUNTED and fields.period != Measure.Period.MONTH:
        errors["period"] = [
            "The evidence engine's figures are monthly: choose monthly, or a measure the "
            "team counts."
        ]
    if fields.source in SHARES and fields.target is not None and not 0 <= fields.target <= 100:
        errors["target"] = ["This measure is a percentage: give a target from 0 to 100."]
    if measure is not None and measure.counted.exists():
        if fields.source != measure.source:
            errors["source"] = [
                "The team has entered figures for this measure, so where its figures come "
                "from cannot change: add another measure instead."
            ]
        elif fields.period != measure.period:
            errors["period"] = [
                "The team has entered figures for this measure by "
                f"{'week' if measure.period == Measure.Period.WEEK else 'month'}, so that "
                "cannot change: add another measure instead."
            ]
    if errors:
        raise ValidationError(errors)


# The unit of an evidence figure, where the team gives none.
UNITS = {Measure.Source.DISTINCT_STAFF: "staff", Measure.Source.TIME_ON_CASELOAD: "days"}


def _unit_of(fields: MeasureFields) -> str:
    if fields.source in SHARES:
        return "%"
    return fields.unit.strip() or UNITS.get(Measure.Source(fields.source), "")


def _stored_target(fields: MeasureFields) -> decimal.Decimal | None:
    """A share's target is entered as a percentage and kept as the figure is (0 to 1)."""
    if fields.target is None:
        return None
    if fields.source in SHARES:
        return fields.target / 100
    return fields.target


@once
@transaction.atomic
def add_measure(
    user: User, project: Project, fields: MeasureFields, *, submission: str = ""
) -> Measure:
    services.check_may_change(user, project)
    _check_fields(fields)
    measure = Measure.objects.create(
        project=project,
        kind=fields.kind,
        name=fields.name.strip(),
        definition=fields.definition.strip(),
        source=fields.source,
        period=fields.period,
        better=fields.better,
        unit=_unit_of(fields),
        target=_stored_target(fields),
        baseline_until=fields.baseline_until,
        position=project.measures.count(),
        created_by=user,
    )
    audit.record(user, AuditEvent.Action.CREATED, measure, f"measure {measure.source}")
    services.touch(project)
    return measure


@transaction.atomic
def change_measure(user: User, measure: Measure, fields: MeasureFields) -> Measure:
    services.check_may_change(user, measure.project)
    _check_fields(fields, measure)
    measure.kind = fields.kind
    measure.name = fields.name.strip()
    measure.definition = fields.definition.strip()
    measure.source = fields.source
    measure.period = fields.period
    measure.better = fields.better
    measure.unit = _unit_of(fields)
    measure.target = _stored_target(fields)
    measure.baseline_until = fields.baseline_until
    measure.save()
    audit.record(user, AuditEvent.Action.CHANGED, measure, "measure changed")
    services.touch(measure.project)
    return measure


# A counted figure is for a period in the last this many years.
OLDEST_FIGURE_YEARS = 5


@transaction.atomic
def enter_value(
    user: User,
    measure: Measure,
    *,
    day: dt.date,
    value: decimal.Decimal,
    note: str = "",
) -> CountedValue:
    """The team's figure for the week or month ``day`` falls in. A figure for a period
    not begun yet is refused; entering one again replaces it, and the earlier figure is
    kept (``replaced_by``), with who entered each."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    services.check_may_change(user, measure.project)
    if measure.source != Measure.Source.COUNTED:
        raise ValidationError(
            {"value": ["This measure's figures come from the evidence engine: none is entered."]}
        )
    starts = period_start(measure, day)
    today = timezone.localdate()
    if starts > period_start(measure, today):
        raise ValidationError(
            {
                "period": [
                    f"The {'week' if measure.period == Measure.Period.WEEK else 'month'} of "
                    f"{_day(day)} has not begun: enter a figure for a period that has."
                ]
            }
        )
    if starts < today.replace(year=today.year - OLDEST_FIGURE_YEARS, day=1):
        # A mistyped year (1900) would stretch the chart and its baseline for good
        # (found by the fresh-eyes trial).
        raise ValidationError(
            {
                "period": [
                    f"{_day(day)} is more than {OLDEST_FIGURE_YEARS} years ago: check the year."
                ]
            }
        )
    if measure.unit == "%" and not 0 <= value <= 100:
        raise ValidationError(
            {"value": ["This measure is a percentage: give a figure from 0 to 100."]}
        )
    earlier = CountedValue.objects.filter(
        measure=measure, period_start=starts, replaced_by__isnull=True
    ).first()
    if earlier is not None:
        # Out of the way first (one current figure a period), then pointed at its successor.
        earlier.replaced_by = earlier
        earlier.save(update_fields=["replaced_by"])
    entered = CountedValue.objects.create(
        measure=measure, period_start=starts, value=value, note=note.strip(), entered_by=user
    )
    if earlier is not None:
        earlier.replaced_by = entered
        earlier.save(update_fields=["replaced_by"])
    audit.record(
        user,
        AuditEvent.Action.CHANGED if earlier else AuditEvent.Action.CREATED,
        entered,
        f"figure for {starts:%Y-%m-%d}" + (f", replacing {earlier.pk}" if earlier else ""),
    )
    services.touch(measure.project)
    return entered


@transaction.atomic
def recalculate_from(user: User, measure: Measure, *, day: dt.date, reason: str) -> Recalculation:
    """From the period ``day`` begins (or the next whole one), the measure's limits are
    worked out afresh, because the team changed the process then (Making Data Count:
    never only because points look different)."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    services.check_may_change(user, measure.project)
    errors: dict[str, list[str]] = {}
    if not reason.strip():
        errors["reason"] = [
            "Say what changed in the process then: limits start afresh only for a change."
        ]
    starts = period_start(measure, day)
    if starts != day:
        starts = next_period(measure, starts)
    if day > timezone.localdate():
        errors["starts"] = ["The limits can start afresh only from a change that has happened."]
    elif measure.recalculations.filter(starts=starts).exists():
        errors["starts"] = [
            f"The limits already start afresh from {period_label(measure, starts)}: choose "
            "another date, or remove that one first."
        ]
    else:
        points = [p for p in series(measure).points if p.value is not None]
        if points and starts <= points[0].starts:
            errors["starts"] = [
                f"The chart begins in {period_label(measure, points[0].starts)}, so its limits "
                "already start there: choose a later date."
            ]
        for other in measure.recalculations.values_list("starts", flat=True):
            apart = _periods_between(measure, other, starts)
            if apart < POINTS_FOR_CHART:
                errors["starts"] = [
                    f"That is {period_words(measure, apart)} from "
                    f"{period_label(measure, other)}, when the limits already start afresh: "
                    f"limits need at least {period_words(measure, POINTS_FOR_CHART)} between "
                    "one start and the next."
                ]
                break
    if errors:
        raise ValidationError(errors)
    made = Recalculation.objects.create(
        measure=measure, starts=starts, reason=reason.strip(), set_by=user
    )
    audit.record(user, AuditEvent.Action.CREATED, made, f"limits from {starts:%Y-%m-%d}")
    services.touch(measure.project)
    return made


def _periods_between(measure: Measure, a: dt.date, b: dt.date) -> int:
    a, b = min(a, b), max(a, b)
    if measure.period == Measure.Period.WEEK:
        return (b - a).days // 7
    return (b.year - a.year) * 12 + b.month - a.month


@transaction.atomic
def remove_recalculation(user: User, recalculation: Recalculation) -> None:
    """The limits run on across that period again (the row goes: it was a choice about
    how to draw the chart, not a figure)."""
    services.check_may_change(user, recalculation.measure.project)
    audit.record(
        user,
        AuditEvent.Action.CHANGED,
        recalculation.measure,
        f"removed limits from {recalculation.starts:%Y-%m-%d}",
    )
    project = recalculation.measure.project
    recalculation.delete()
    services.touch(project)


@once
@transaction.atomic
def annotate(
    user: User,
    project: Project,
    *,
    on: dt.date,
    text: str,
    measure: Measure | None = None,
    submission: str = "",
) -> Annotation:
    """A note on the project's charts (every chart, or one measure's): something that
    happened that day, such as training delivered."""
    services.check_may_change(user, project)
    errors: dict[str, list[str]] = {}
    if not text.strip():
        errors["text"] = ["Say what happened, in a few words (it is shown on the chart)."]
    if on > timezone.localdate():
        errors["on"] = [
            "A note on the chart is something that has happened: the date cannot be in the "
            "future (a change still to come is tested in a PDSA cycle)."
        ]
    if measure is not None and measure.project_id != project.pk:
        errors["measure"] = ["Choose one of this project's measures."]
    if errors:
        raise ValidationError(errors)
    note = Annotation.objects.create(
        project=project, measure=measure, on=on, text=text.strip(), added_by=user
    )
    audit.record(user, AuditEvent.Action.CREATED, note, "chart annotation")
    services.touch(project)
    return note


@transaction.atomic
def remove_annotation(user: User, note: Annotation) -> None:
    services.check_may_change(user, note.project)
    audit.record(user, AuditEvent.Action.CHANGED, note.project, f"removed chart note {note.pk}")
    project = note.project
    note.delete()
    services.touch(project)
