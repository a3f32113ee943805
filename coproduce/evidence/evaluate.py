"""``coproduce evaluate``: the whole evaluation of an extract, as it may be published.

Runs the metric suite on the chosen engine, the models, the before-and-after and cost
model, reach against the local population and the SPC charts, then applies disclosure
control to every count and share before anything leaves (``publish``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from numpy.linalg import LinAlgError

from coproduce.evidence import analysis, firstresponse, spc
from coproduce.evidence.suite import open_extract, run_suite
from coproduce.evidence.tables import BY_EPISODE_START
from coproduce.lib.dates import next_month
from coproduce.lib.disclosure import Rules


@dataclass(frozen=True)
class Share:
    numerator: str
    denominator: str
    complement: bool = False  # publish 1 - numerator / denominator (e.g. A&E avoided)


@dataclass(frozen=True)
class Spec:
    """How a metric's rows are published: which columns are counts, shares, means of a
    sum over a count, and medians over a count; which columns make up a breakdown whose
    cells add to a total (secondary suppression)."""

    keys: Sequence[str]
    counts: Sequence[str]
    shares: dict[str, Share] = field(default_factory=dict)
    means: dict[str, tuple[str, str]] = field(default_factory=dict)
    medians: dict[str, str] = field(default_factory=dict)
    breakdown: tuple[Sequence[str], str] | None = None  # (group columns, cell count)
    # Counts of things, not people (actions): published as they are, neither hidden nor
    # rounded, so they agree with the pages that list them (a fresh-eyes trial found 45
    # actions on the evidence page against 39 on the actions page).
    of_people: bool = True


SPECS = {
    "experience": Spec(
        ["team_key", "month", "channel"],
        ["responses", "positive"],
        shares={"share_good": Share("positive", "responses")},
        breakdown=(["team_key", "month"], "responses"),
    ),
    "continuity": Spec(
        ["team_key", "month"],
        ["episodes", "contacts", "multi_contact_episodes"],
        means={
            "distinct_staff_mean": ("distinct_staff_sum", "episodes"),
            "upc_mean": ("upc_sum", "episodes"),
            "coc_mean": ("coc_sum", "multi_contact_episodes"),
            "secon_mean": ("secon_sum", "multi_contact_episodes"),
        },
    ),
    "caseload": Spec(
        ["team_key", "month"],
        ["episodes", "closed", "disengaged", "admitted_within_30_days"],
        shares={
            "disengagement_rate": Share("disengaged", "closed"),
            "admitted_within_30_days_rate": Share("admitted_within_30_days", "episodes"),
        },
        medians={"median_days_to_discharge": "closed"},
    ),
    "response": Spec(
        ["team_key", "month", "urgency"],
        ["referrals", "seen", "seen_within_target"],
        shares={"share_seen_within_target": Share("seen_within_target", "referrals")},
        medians={"median_hours_to_seen": "seen"},
    ),
    "vehicle": Spec(
        ["team_key", "month"],
        [
            "dispatches",
            "arrived",
            "arrived_within_target",
            "outcome_recorded",
            "conveyed_ae",
            "police_needed",
        ],
        shares={
            "share_arrived_within_target": Share("arrived_within_target", "dispatches"),
            "share_ae_avoided": Share("conveyed_ae", "outcome_recorded", complement=True),
            "share_police_not_needed": Share("police_needed", "outcome_recorded", complement=True),
        },
        medians={"median_minutes_to_arrive": "arrived"},
    ),
    "voices_by_channel": Spec(
        ["team_key", "month", "channel"],
        ["voices"],
        breakdown=(["team_key", "month"], "voices"),
    ),
    "thread": Spec(
        ["team_key", "month"],
        ["voices", "in_an_insight", "owed_outcome", "told_outcome"],
        shares={"share_told": Share("told_outcome", "owed_outcome")},
        medians={
            "median_days_to_insight": "in_an_insight",
            "median_days_insight_to_action": "in_an_insight",
            "median_days_action_to_update": "in_an_insight",
        },
    ),
    "reach": Spec(
        ["group", "dimension", "category"],
        ["people"],
        breakdown=(["group", "dimension"], "people"),
    ),
    "actions": Spec(["status"], ["actions", "overdue"], of_people=False),
}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def publish_rows(frame: pd.DataFrame, spec: Spec, rules: Rules) -> list[dict[str, Any]]:
    """The metric's rows with every count disclosed, shares and means hidden where they
    would reveal a small number, and secondary suppression across breakdowns."""
    if not spec.of_people:
        rules = Rules(suppress_at_most=0, round_to=1)
    hidden_cells = _suppressed(frame, spec, rules)
    published = []
    for index, row in frame.iterrows():
        out: dict[str, Any] = {key: _plain(row[key]) for key in spec.keys}

        def hidden(column: str, index: Any = index) -> bool:
            return (index, column) in hidden_cells

        for column in spec.counts:
            count = int(row[column])
            out[column] = None if hidden(column) else rules.count(count)
        for name, share in spec.shares.items():
            value = (
                None
                if hidden(share.numerator) or hidden(share.denominator)
                else rules.share(int(row[share.numerator]), int(row[share.denominator]))
            )
            out[name] = (
                None if value is None else round(1 - value, 4) if share.complement else value
            )
        for name, (total, over) in spec.means.items():
            n = int(row[over])
            shown = not hidden(over) and rules.over(n)
            # Two places: finer, a mean of whole numbers could pin the exact count under it.
            out[name] = round(float(row[total]) / n, 2) if shown else None
        for name, over in spec.medians.items():
            n = int(row[over])
            shown = not hidden(over) and rules.over(n)
            out[name] = round(float(row[name]), 3) if shown and row[name] == row[name] else None
        published.append(out)
    return published


def _suppressed(frame: pd.DataFrame, spec: Spec, rules: Rules) -> set[tuple[Any, str]]:
    """Every (row, count) to hide: the small counts, then, in every set of counts that
    add up to a published total (a breakdown's cells within their group; each team's
    count within its month, channel…, as the all-teams figures are published), a second
    cell wherever only one is hidden, so that none can be worked out by subtraction.
    Hiding a second cell in one set can leave another set with a lone hidden cell, so
    it is done again until nothing changes (found at national scale by a fresh-eyes
    trial: a team's month left with one hidden channel).

    Counts published by team add up to the all-teams count the evidence pages publish:
    rounded to 5, a total of 20 and teams of 10 and 15 leave a lone hidden team exactly 1
    (the shown teams are at least 8 each, as counts up to 7 are hidden)."""
    hidden = {
        (index, column)
        for column in spec.counts
        if column in frame
        for index, value in frame[column].items()
        if rules.hidden(int(value))
    }
    if frame.empty:
        return hidden
    # A share hidden because what it leaves is small (26 of 33 seen in time: 7 not) hides
    # its numerator too: published beside the denominator, or in a total beside the other
    # cells' numerators, it would give the small number back (found by the fourth
    # fresh-eyes trial of issue 20: "6 or 7" worked out from the total).
    for share in spec.shares.values():
        if share.numerator not in frame or share.denominator not in frame:
            continue
        for index, n, d in zip(
            frame.index, frame[share.numerator], frame[share.denominator], strict=True
        ):
            if int(d) > 0 and rules.hidden(int(d) - int(n)):
                hidden.add((index, share.numerator))
    sets: list[tuple[list[str], str]] = []
    if spec.breakdown is not None:
        # Every count of a breakdown's cells adds up to the total published beside them
        # (the answers and the good answers of all channels), so each is kept safe.
        group, _cell = spec.breakdown
        sets += [(list(group), column) for column in spec.counts if column in frame]
    if "team_key" in spec.keys and "team_key" in frame:
        others = [key for key in spec.keys if key != "team_key"]
        sets += [(others, column) for column in spec.counts if column in frame]
    parts = [
        (column, part[column])
        for keys, column in sets
        for _, part in frame.groupby(keys, dropna=False, sort=False)
    ]
    changed = True
    while changed:
        changed = False
        for column, values in parts:
            lone = [i for i in values.index if (i, column) in hidden]
            if len(lone) != 1:
                continue
            shown = [(int(v), i) for i, v in values.items() if (i, column) not in hidden]
            if not shown:
                continue  # the only cell: its total is itself, published hidden too
            candidates = [(v, i) for v, i in shown if v > 0]
            # The smallest other goes with it; with none but zeros, all of them do (a
            # zero beside a lone hidden cell would let the total give it away).
            chosen = [min(candidates)] if candidates else shown
            hidden.update((i, column) for _, i in chosen)
            changed = True
    # A breakdown's row is hidden whole where its cell is (its other counts describe it).
    if spec.breakdown is not None:
        rows = {i for i, column in hidden if column == spec.breakdown[1]}
        hidden.update((i, column) for i in rows for column in spec.counts)
    return hidden


def publish(results: dict[str, pd.DataFrame], rules: Rules) -> dict[str, list[dict[str, Any]]]:
    published = {name: publish_rows(results[name], SPECS[name], rules) for name in SPECS}
    # A month's voices in the thread are the total of its voices by channel, as that
    # table's "All channels" gives it: one figure for one thing, wherever it is shown
    # (found by the third fresh-eyes trial of issue 20: 135 here, 145 there).
    totals = {
        tuple(row[key] for key in TOTAL_KEYS["voices_by_channel"] if key in row): row["voices"]
        for row in published_totals(results["voices_by_channel"], "voices_by_channel", rules)
    }
    for row in published["thread"]:
        if row["voices"] is not None:
            key = tuple(row[k] for k in TOTAL_KEYS["voices_by_channel"] if k in row)
            row["voices"] = totals.get(key, row["voices"])
    return published


# The breakdowns published with a total beside their cells (a column "All channels" on
# the page, a row in the CSV): the keys each total is for.
TOTAL_KEYS = {
    "experience": ("team_key", "month"),
    "voices_by_channel": ("team_key", "month"),
}
# (Not referrals by urgency: no figure adds the urgencies up, so nothing is published
# that a hidden urgency could be worked out from, and none is hidden to keep it safe. A
# total beside them, tried, hid one urgency's share in most months; the very urgent
# chart is that urgency's own figure, published as its table gives it.)


def _all_teams(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """A metric's counts for all teams together, by its other keys (as ``run_suite``
    gives them with ``by_team=False``)."""
    if "team_key" not in frame or frame.empty:
        return frame
    spec = SPECS[name]
    keys = [k for k in spec.keys if k != "team_key" and k in frame]
    counts = [c for c in spec.counts if c in frame]
    return frame.groupby(keys, sort=True, dropna=False)[counts].sum().reset_index()


def published_totals(
    frame: pd.DataFrame, name: str, rules: Rules, keys: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """The totals of a breakdown's cells (all channels, all urgencies) as published: each
    count the sum of its cells rounded, each share worked out from those totals, hidden
    where the true figure would reveal a small number (``Rules.total``). The charts'
    points are these totals, so the chart, its table and the CSV give one figure."""
    spec = SPECS[name]
    keys = [k for k in (keys or TOTAL_KEYS[name]) if k in frame]
    out: list[dict[str, Any]] = []
    raw: list[dict[str, int]] = []
    if frame.empty:
        return out
    for values, part in frame.groupby(keys, sort=True):
        group = values if isinstance(values, tuple) else (values,)
        row: dict[str, Any] = {key: _plain(value) for key, value in zip(keys, group, strict=True)}
        # (Only the counts the frame holds: a chart needs two of them.)
        for column in (c for c in spec.counts if c in part):
            row[column] = rules.total([int(v) for v in part[column]])
        for share_name, share in spec.shares.items():
            if share.numerator not in part or share.denominator not in part:
                continue
            value = rules.share_of_totals(
                [int(v) for v in part[share.numerator]],
                [int(v) for v in part[share.denominator]],
            )
            row[share_name] = (
                None if value is None else round(1 - value, 4) if share.complement else value
            )
            if value is None:
                # Beside its denominator, the numerator would give the hidden share back
                # (found by issue 20's fifth fresh-eyes trial: 15 good of 20, share hidden).
                row[share.numerator] = None
        out.append(row)
        raw.append({c: int(part[c].sum()) for c in spec.counts if c in part})
    if "team_key" in keys:
        _hide_a_second_team(out, raw, [k for k in keys if k != "team_key"], spec, rules)
    return out


def _hide_a_second_team(
    rows: list[dict[str, Any]],
    raw: list[dict[str, int]],
    others: list[str],
    spec: Spec,
    rules: Rules,
) -> None:
    """Each team's total of a month adds up to the month's, so where one team's is hidden
    the smallest other team's is hidden too, with the shares over it, as the teams'
    own rows are (found by the fourth fresh-eyes trial of issue 20)."""
    months: dict[tuple[Any, ...], list[int]] = {}
    for i, row in enumerate(rows):
        months.setdefault(tuple(row[k] for k in others), []).append(i)
    for members in months.values():
        for column in raw[0] if raw else []:
            lone = [i for i in members if rows[i][column] is None and raw[i][column] > 0]
            if len(lone) != 1:
                continue
            shown = [(raw[i][column], i) for i in members if rows[i][column] not in (None, 0)]
            if not shown:
                continue
            _, chosen = min(shown)
            rows[chosen][column] = None
            for share_name, share in spec.shares.items():
                if column in (share.numerator, share.denominator):
                    rows[chosen][share_name] = None


def monthly_totals(
    frame: pd.DataFrame, columns: Sequence[str], where: pd.Series | None = None
) -> pd.DataFrame:
    chosen = frame if where is None else frame[where]
    return chosen.groupby("month", sort=True)[list(columns)].sum().reset_index()


@dataclass(frozen=True)
class Recalculation:
    """Limits worked out afresh from a month on, for a reason a person gave: a change to
    the process, never a point that merely looks different (Making Data Count)."""

    month: dt.date
    reason: str


def spc_charts(
    results: dict[str, pd.DataFrame],
    *,
    rules: Rules,
    run_length: int,
    change_at: dt.date | None,
    complete_before: dt.date | None = None,
    recalculations: dict[str, list[Recalculation]] | None = None,
    fix_after: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Monthly charts across all teams: experience, distinct staff, urgent response. A
    month whose share would reveal a small number is left out of the chart. A month not
    yet over (from ``complete_before``, the first day of the month still going on) is
    drawn as provisional: not in the limits or the rules. Limits are recalculated at the
    trust's declared change (``change_at``) and at each chart's own ``recalculations``;
    a chart in ``fix_after`` has its limits fixed after that many months of each part."""
    charts: dict[str, Any] = {}
    open_months = _months_with_episodes_open(results.get("caseload"))
    # A point is the month's total for all teams (and channels), published as every other
    # figure is: a share from the totals of the rounded cells (the table's "All channels"),
    # a mean to two places over more than the threshold. So it adds nothing to the
    # teams' own figures that subtraction could use.
    # The cells are those the evidence pages publish, for all teams together (channels,
    # not each team's channels): so `coproduce evaluate` by team draws the page's chart,
    # and a month is not built from dozens of tiny cells, each rounded to 0 or 5 (found
    # by the fourth fresh-eyes trial of issue 20: 37% against a true 57%).
    experience = {
        row["month"]: row["share_good"]
        for row in published_totals(
            _all_teams(results["experience"], "experience"), "experience", rules, ["month"]
        )
    }
    response = _all_teams(results["response"], "response")
    very_urgent = {
        row["month"]: row["share_seen_within_target"]
        for row in published_totals(
            response[response["urgency"] == "very_urgent"], "response", rules, ["month"]
        )
    }
    continuity = monthly_totals(results["continuity"], ["distinct_staff_sum", "episodes"])
    distinct_staff = {
        _plain(month): round(float(a) / int(b), 2) if rules.over(int(b)) else None
        for month, a, b in zip(
            continuity["month"],
            continuity["distinct_staff_sum"],
            continuity["episodes"],
            strict=True,
        )
    }
    # name, value by month, better, target
    for name, points, improvement, target in (
        ("experience_good", experience, spc.Improvement.UP, 0.72),
        ("distinct_staff", distinct_staff, spc.Improvement.DOWN, None),
        ("very_urgent_seen_in_4_hours", very_urgent, spc.Improvement.UP, 0.9),
    ):
        labels, values, hidden = [], [], 0
        for month_text, value in sorted(points.items()):
            month = dt.date.fromisoformat(month_text)
            if value is not None:
                labels.append(month)
                values.append(value)
            else:
                hidden += 1
        # Distinct staff is known only when an episode ends: a month most of whose
        # episodes are still open is not over for this chart, whatever the calendar says.
        unfinished = open_months if name == "distinct_staff" else set()
        first = next(
            (
                i
                for i, month in enumerate(labels)
                if (complete_before is not None and month >= complete_before) or month in unfinished
            ),
            len(labels),
        )
        provisional = len(labels) - first
        if len(labels) - provisional < 4:
            # Said on the page, in words: a chart that is missing without a reason reads
            # as a fault (found by the fresh-eyes trial of issue 20).
            charts.setdefault("not_drawn", {})[name] = {
                "months": len(points),
                "months_hidden": hidden,
                "months_shown": len(labels) - provisional,
            }
            continue
        chosen = list((recalculations or {}).get(name, []))
        if change_at is not None:
            chosen.append(Recalculation(change_at, "The trust's declared change"))
        at, shown = _recalculation_points(labels, len(labels) - provisional, chosen)
        chart = spc.xmr(
            labels,
            values,
            improvement=improvement,
            target=target,
            run_length=run_length,
            recalculate_at=at,
            provisional=provisional,
            fix_after=(fix_after or {}).get(name),
        )
        charts[name] = chart_dict(chart) | {
            "recalculations": shown,
            # Months behind the latest limits: fewer than twelve are trial limits.
            "months_in_limits": len(labels) - provisional - (at[-1] if at else 0),
            "fixed_after": (fix_after or {}).get(name),
            "provisional_because": (
                "episodes_open"
                if any(m in unfinished for m in labels[first:])
                else "month_not_over"
            ),
        }
    return charts


# A month's distinct-staff figure is final once this share of the episodes accepted in it
# have ended (most crisis episodes last weeks; the longest, months).
EPISODES_ENDED = 0.9


def _months_with_episodes_open(caseload: pd.DataFrame | None) -> set[dt.date]:
    if caseload is None or caseload.empty:
        return set()
    totals = monthly_totals(caseload, ["episodes", "closed"])
    return {
        month
        for month, episodes, closed in zip(
            totals["month"], totals["episodes"], totals["closed"], strict=True
        )
        if int(closed) < EPISODES_ENDED * int(episodes)
    }


def _team_months_with_episodes_open(caseload: pd.DataFrame | None) -> set[tuple[Any, str]]:
    """(team, month) pairs most of whose episodes are still open (by team only)."""
    if caseload is None or caseload.empty or "team_key" not in caseload:
        return set()
    return {
        (_plain(team), _plain(month))
        for team, month, episodes, closed in zip(
            caseload["team_key"],
            caseload["month"],
            caseload["episodes"],
            caseload["closed"],
            strict=True,
        )
        if team is not None and int(closed) < EPISODES_ENDED * int(episodes)
    }


def _recalculation_points(
    labels: list[dt.date], complete: int, chosen: list[Recalculation]
) -> tuple[list[int], list[dict[str, Any]]]:
    """The points each recalculation falls at, and each as shown. One with fewer than
    ``spc.MONTHS_FOR_LIMITS`` complete months on either side of it waits (said so), rather
    than drawing limits from two or three points, which are of no practical use."""
    at: list[int] = []
    shown = []
    for recalculation in sorted(chosen, key=lambda r: r.month):
        starts = spc.first_whole_month(recalculation.month)
        index = next((i for i, m in enumerate(labels) if m >= starts), None)
        start = at[-1] if at else 0
        applied = (
            index is not None
            and index - start >= spc.MONTHS_FOR_LIMITS
            and complete - index >= spc.MONTHS_FOR_LIMITS
        )
        if index is not None and applied and index not in at:
            at.append(index)
        if applied:
            waiting = ""
        elif index is None or complete - index < spc.MONTHS_FOR_LIMITS:
            waiting = f"fewer than {spc.MONTHS_FOR_LIMITS} months after it that can be shown yet"
        elif index == 0:
            waiting = "it is at or before the chart's first month"
        else:
            waiting = (
                f"fewer than {spc.MONTHS_FOR_LIMITS} months that can be shown between it and "
                "the start of the limits before it"
            )
        shown.append(
            {
                # The month the new limits start from; and the day the change began,
                # when it began partway through the month before.
                "month": starts.isoformat(),
                "began": recalculation.month.isoformat(),
                "reason": recalculation.reason,
                "applied": bool(applied),
                # Why one is not applied, so the JSON says it as the page does.
                "waiting": waiting,
            }
        )
    return at, shown


def chart_dict(chart: spc.Chart) -> dict[str, Any]:
    return {
        "variation": chart.variation.value,
        "variation_text": spc.VARIATION_TEXT[chart.variation],
        "assurance": chart.assurance.value,
        "assurance_text": spc.ASSURANCE_TEXT[chart.assurance],
        "target": chart.target,
        "points": [
            {
                "month": _plain(p.label),
                "value": round(p.value, 4),
                "mean": round(p.mean, 4),
                "lower": round(p.lower, 4),
                "upper": round(p.upper, 4),
                "special": p.special,
                "kind": p.kind.value,
                "provisional": p.provisional,
                "rules": [
                    name
                    for name in ("beyond_limits", "run", "trend", "two_of_three")
                    if getattr(p, name)
                ],
            }
            for p in chart.points
        ],
    }


def evaluate(
    directory: Path,
    *,
    backend: str = "duckdb",
    change_date: dt.date | None = None,
    costs: analysis.UnitCosts | None = None,
    population: pd.DataFrame | None = None,
    as_of: dt.date | None = None,
    rules: Rules | None = None,
    run_length: int = 7,
    models: bool = True,
    by_team: bool = True,
    recalculations: dict[str, list[Recalculation]] | None = None,
    fix_after: dict[str, int] | None = None,
    first_response_costs: analysis.FirstResponseCosts | None = None,
) -> dict[str, Any]:
    """The published evaluation of the extract in ``directory``, by team and month (or
    by month for the whole extract)."""
    rules = rules or Rules.from_settings()
    extract = open_extract(directory, backend)
    results = run_suite(extract, as_of=as_of, by_team=by_team)
    # Open episodes are censored where the figures stand: the end of the day they are
    # worked out for (today unless given), or the end of the extract's last month if that
    # is sooner (an older extract). Never later than now, which would count an open
    # episode as on the caseload for days still to come.
    day = as_of or dt.datetime.now(tz=dt.UTC).date()
    end = min(_extract_end(results), dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))
    out: dict[str, Any] = {
        "backend": backend,
        "as_of": (as_of or (end - dt.timedelta(days=1)).date()).isoformat(),
        "disclosure": {"suppress_at_most": rules.suppress_at_most, "round_to": rules.round_to},
        "metrics": publish(results, rules),
        # Each breakdown's total beside its cells (all channels, all urgencies).
        "totals": {name: published_totals(results[name], name, rules) for name in TOTAL_KEYS},
        "spc": spc_charts(
            results,
            rules=rules,
            run_length=run_length,
            change_at=change_date,
            complete_before=(as_of or dt.datetime.now(tz=dt.UTC).date()).replace(day=1),
            recalculations=recalculations,
            fix_after=fix_after,
        ),
    }
    # Why a chart is missing, if one is (too few months that may be shown).
    out["spc_not_drawn"] = out["spc"].pop("not_drawn", {})
    # Months whose figures will still change: the month not over, and, for figures by
    # the month an episode began, months most of whose episodes are still open. Each
    # published row says so, as the charts draw such a month hollow (found by the fourth
    # fresh-eyes trial of issue 20: only the chart marked them).
    current = (as_of or dt.datetime.now(tz=dt.UTC).date()).replace(day=1).isoformat()
    out["episodes_open_months"] = sorted(
        _plain(m) for m in _months_with_episodes_open(results.get("caseload"))
    )
    # By team, a team's month is judged by its own episodes (found by issue 20's fifth
    # fresh-eyes trial: a team with 28 of 32 ended was not marked, as all teams had 91%).
    open_by_team = _team_months_with_episodes_open(results.get("caseload"))
    for name, rows in out["metrics"].items():
        by_episode = name in BY_EPISODE_START
        for row in rows:
            if row.get("month"):
                still_open = (
                    (row["team_key"], row["month"]) in open_by_team
                    if row.get("team_key") is not None
                    else row["month"] in out["episodes_open_months"]
                )
                row["provisional"] = row["month"] >= current or (by_episode and still_open)
    if change_date is not None:
        # For all teams together, as the monthly tables; admissions within 30 days only
        # for months whose 30 days have passed (found by the fourth fresh-eyes trial of
        # issue 20: episodes begun last week counted as not admitted).
        caseload = _all_teams(results["caseload"], "caseload")
        thirty_days_passed = pd.Series(
            [
                next_month(m) + dt.timedelta(days=29) <= day
                for m in pd.to_datetime(caseload["month"]).dt.date
            ],
            index=caseload.index,
            dtype=bool,
        )
        out["before_after"] = _disclosed_before_after(
            analysis.before_after(
                caseload[thirty_days_passed],
                _all_teams(results["vehicle"], "vehicle"),
                change_date,
                costs or analysis.UnitCosts(),
            ),
            rules,
        )
    if population is not None:
        out["reach_against_population"] = [
            {"group": group, **row}
            for group in ("member", "contributor")
            for row in _disclosed_reach(
                analysis.reach_against(results["reach"], population, group), rules
            )
        ]
    # The line's and the Sanctuary's figures, published in the extract (an older extract
    # has none): their charts and cost model from those figures only.
    summary_file = directory / firstresponse.FILE_NAME
    if summary_file.exists():
        out["first_response"] = firstresponse.evaluated(
            json.loads(summary_file.read_text()),
            as_of=day,
            costs=first_response_costs,
            run_length=run_length,
        )
    if models:
        out["time_on_caseload"] = _models(analysis.episode_rows(extract.tables), end, rules)
    return out


MIN_MODEL_EPISODES = 100
# Discharged episodes the Cox model needs, and closed episodes with each outcome the
# disengagement model needs: about ten events for each thing the model weighs (the
# number of staff, age bands, urgency), the usual rule of thumb.
MIN_DISCHARGED = 50
MIN_EACH_OUTCOME = 20


def _models(rows: pd.DataFrame, end: dt.datetime, rules: Rules) -> dict[str, Any]:
    """Survival curves and the two models, or a note in plain words saying why one is
    not shown: too few episodes, or figures a model cannot be worked out from (it is
    never guessed). A curve, its median and a model are shown only for groups larger
    than the disclosure threshold."""
    result: dict[str, Any] = {"kaplan_meier": {}, "cox": None, "disengagement": None, "notes": []}
    if len(rows) < MIN_MODEL_EPISODES:
        result["notes"].append(
            "Not enough episodes with contacts to draw the curves or estimate the models "
            f"yet: needs at least {MIN_MODEL_EPISODES}."
        )
        return result
    curves = analysis.kaplan_meier(rows, end, small=rules.suppress_at_most)
    small = [band for band, curve in curves.items() if not rules.over(curve["episodes"])]
    for band, curve in curves.items():
        if band not in small:
            curve["episodes"] = rules.count(curve["episodes"])
            result["kaplan_meier"][band] = curve
    if small:
        result["notes"].append(
            f"Not drawn, to keep people from being identified: episodes with "
            f"{' and '.join(small)} staff (no more than {rules.suppress_at_most} episodes)."
        )
    discharged = int(rows["closed_at"].notna().sum())
    closed = rows[rows["closed_at"].notna()]
    disengaged = int(closed["disengaged"].astype(bool).sum())
    enough = {
        "cox": (
            discharged >= MIN_DISCHARGED,
            "Not enough discharged episodes to estimate how the number of staff changes "
            f"time on the caseload yet: needs at least {MIN_DISCHARGED}.",
        ),
        "disengagement": (
            min(disengaged, len(closed) - disengaged) >= MIN_EACH_OUTCOME,
            "Not enough closed episodes to estimate how the number of staff changes "
            f"disengagement yet: needs at least {MIN_EACH_OUTCOME} that ended in "
            f"disengagement and {MIN_EACH_OUTCOME} that did not.",
        ),
    }
    fits: tuple[tuple[str, Callable[[], analysis.Estimate]], ...] = (
        ("cox", lambda: analysis.cox_distinct_staff(rows, end)),
        ("disengagement", lambda: analysis.logistic_disengagement(rows)),
    )
    for name, fit in fits:
        ready, not_yet = enough[name]
        if not ready:
            result["notes"].append(not_yet)
            continue
        try:
            estimate = fit().as_dict()
        except (ArithmeticError, ValueError, LinAlgError):
            result["notes"].append(
                f"The {MODEL_WORDS[name]} could not be settled from these figures (the "
                "model did not converge): it is left out rather than guessed. It usually "
                "needs more closed episodes, with more of each outcome at each number of "
                "staff, age band and urgency."
            )
            continue
        estimate["episodes"] = rules.count(estimate["episodes"])
        result[name] = estimate
    return result


MODEL_WORDS = {
    "cox": "estimate of how the number of staff changes time on the caseload",
    "disengagement": "estimate of how the number of staff changes disengagement",
}


def _disclosed_before_after(report: dict[str, Any], rules: Rules) -> dict[str, Any]:
    """Counts disclosed; rates from the rounded counts; the change, the events avoided
    and the saving worked out again from those published figures only (from the exact
    ones they could give the exact counts away), and only where every count may be
    shown."""
    for measure in report["measures"]:
        shown = True
        for period in ("before", "after"):
            events, of = measure[period]["events"], measure[period]["of"]
            # A period's counts are rounded from their true totals, not built from its
            # months (each month's few events rounded to 0 or 5 would move the rate by a
            # third), so they may differ by a few from the monthly tables' sum.
            rate = rules.share(events, of)
            shown = shown and rate is not None
            measure[period] = {"events": rules.count(events), "of": rules.count(of), "rate": rate}
        before, after = measure["before"], measure["after"]
        if not shown or not before["rate"]:
            measure.update(relative_change=None, events_avoided=None, estimated_saving=None)
            continue
        # From the published counts themselves, not the rates rounded to 3 places: at a
        # national scale 0.04836 published as 0.048 moved the saving by a quarter (found by
        # a fresh-eyes trial).
        before_rate = before["events"] / before["of"]
        after_rate = after["events"] / after["of"]
        avoided = round(before_rate * after["of"] - after["events"])
        measure["relative_change"] = round(after_rate / before_rate - 1, 3)
        measure["events_avoided"] = avoided
        measure["estimated_saving"] = round(avoided * measure["unit_cost"])
    return report


def _disclosed_reach(rows: list[dict[str, Any]], rules: Rules) -> list[dict[str, Any]]:
    """Each dimension's breakdown as a whole: a hidden group takes the next smallest with
    it (or no total is shown), and the total and every share are worked out from the
    rounded counts that are shown, so the shares add up and nothing is recovered by
    subtraction."""
    out: list[dict[str, Any]] = []
    for dimension in dict.fromkeys(r["dimension"] for r in rows):
        group = [r for r in rows if r["dimension"] == dimension]
        hide, _ = rules.cells([int(r["people"]) for r in group])
        counts = [
            None if h else rules.count(int(r["people"])) for r, h in zip(group, hide, strict=True)
        ]
        of = sum(c for c in counts if c is not None)
        # The population on the same footing: its share among the groups shown, so a
        # group is compared with local people in those groups too (a fresh-eyes trial
        # found "share of them" of the shown groups against "share of population" of all).
        local = sum(
            r["population_share"] or 0 for r, c in zip(group, counts, strict=True) if c is not None
        )
        for row, count in zip(group, counts, strict=True):
            share = round(count / of, 4) if count is not None and of else None
            among_shown = (
                row["population_share"] / local
                if count is not None and local and row["population_share"] is not None
                else None
            )
            out.append(
                {
                    **row,
                    "people": count,
                    "of": of if of else None,
                    "share": share,
                    "population_share": None
                    if row["population_share"] is None
                    else round(row["population_share"], 4),
                    "population_share_of_shown": None
                    if among_shown is None
                    else round(among_shown, 4),
                    "ratio": round(share / among_shown, 3)
                    if share is not None and among_shown
                    else None,
                    "gap": round(share - among_shown, 3)
                    if share is not None and among_shown is not None
                    else None,
                }
            )
    return out


def _extract_end(results: dict[str, pd.DataFrame]) -> dt.datetime:
    """The first day after the last month with episodes: where open episodes are censored."""
    months = pd.to_datetime(results["caseload"]["month"])
    last = months.max() if len(months) else pd.Timestamp.today().normalize()
    end = last + pd.offsets.MonthBegin(1)
    return dt.datetime(int(end.year), int(end.month), int(end.day))  # noqa: DTZ001 - wall clock
