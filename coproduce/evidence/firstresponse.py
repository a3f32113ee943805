"""The First Response line and the Sanctuary (seed 001, issue 22): what they prevented.

Two steps, as for every other figure:

- ``summarise`` (run by the extract): aggregate figures only, disclosure control applied,
  from plain rows the extract reads out of the operational database (no names, no free
  text, callers and guests as pseudonyms): calls and visits by weekday and hour against
  the opening hours, by month with how they ended, repeat use and experience. Written
  into the extract as ``first_response.json``.
- ``evaluated`` (run by the evaluation): the SPC charts of how calls and visits ended,
  by month, and the cost model, worked out from those published figures only, with its
  assumptions stated (``analysis.FirstResponseCosts``, set locally).

``docs/metrics.md`` defines each measure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coproduce.evidence import spc
from coproduce.evidence.analysis import FirstResponseCosts
from coproduce.evidence.metrics import ANSWERS, POSITIVE
from coproduce.lib.disclosure import Rules

FILE_NAME = "first_response.json"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOURS = tuple(range(24))

# How a call ended (``firstresponse.Call.Outcome`` values): the acute services a call
# that ends "without A&E, police or ambulance" did not need.
ACUTE_OUTCOMES = frozenset({"a_and_e", "police", "ambulance"})
# A call that ended with the person at home with a plan, or invited to the Sanctuary.
HOME_OR_SANCTUARY = frozenset({"safe_at_home", "sanctuary"})
# How a guest left the Sanctuary (``SanctuaryVisit.Left`` values).
SANCTUARY_ACUTE = frozenset({"a_and_e"})
SANCTUARY_HOME = frozenset({"home_safe", "with_friend"})


@dataclass(frozen=True)
class CallRow:
    """One call: when it began (wall-clock time in the service's time zone), how it
    ended (empty while it is open), who called as a pseudonym (the person's, else the
    number's; None for a caller who gave neither), and whether it began while the line
    and the Sanctuary were open."""

    started_at: dt.datetime
    outcomes: tuple[str, ...]
    ended: bool
    caller: Hashable | None
    inside_own_hours: bool
    inside_sanctuary_hours: bool | None  # None: no Sanctuary with opening hours


@dataclass(frozen=True)
class VisitRow:
    """One guest's visit: arrival, how they left (empty while here), the guest as a
    pseudonym (None for a first name only) and whether they came in opening hours."""

    arrived_at: dt.datetime
    left: str
    guest: Hashable | None
    inside_own_hours: bool


@dataclass(frozen=True)
class Rating:
    """An answer to the experience question on a voice to the line or the Sanctuary."""

    service: str  # "line" or "sanctuary"
    rating: int


def _month(moment: dt.datetime) -> str:
    return moment.date().replace(day=1).isoformat()


def heat(rules: Rules, moments: Iterable[dt.datetime]) -> dict[str, Any]:
    """Counts by weekday and hour as they may be published: each weekday's 24 hours are
    cells of the weekday, each small count hidden with a second cell where one alone
    would be (``Rules.cells``); a weekday's total built from its cells."""
    counts = Counter((m.weekday(), m.hour) for m in moments)
    days = []
    for day in range(7):
        values = [counts[(day, hour)] for hour in HOURS]
        hide, hide_total = rules.cells(values)
        days.append(
            {
                "weekday": WEEKDAYS[day],
                "hours": [
                    None if hidden else rules.rounded(value) if value else 0
                    for value, hidden in zip(values, hide, strict=True)
                ],
                "total": None if hide_total else rules.total(values),
            }
        )
    return {"days": days, "total": rules.total(list(counts.values()))}


def _share(rules: Rules, numerator: int, denominator: int) -> dict[str, Any]:
    return {
        "count": rules.count(numerator),
        "of": rules.count(denominator),
        "share": rules.share(numerator, denominator),
    }


def _repeat(rules: Rules, keys: Sequence[Hashable | None]) -> dict[str, Any]:
    """Repeat use among those recognised (a person or a number on the record): people
    recognised, those who came more than once, and the share of contacts that were theirs."""
    known = Counter(k for k in keys if k is not None)
    repeaters = [n for n in known.values() if n > 1]
    return {
        "recognised": rules.count(len(known)),
        "returned": _share(rules, len(repeaters), len(known)),
        # Hidden with the people it counts: 100% of contacts would tell that every one
        # of a few people came back.
        "contacts_by_returners": (
            {"count": None, "of": None, "share": None}
            if rules.hidden(len(repeaters))
            else _share(rules, sum(repeaters), sum(known.values()))
        ),
        "not_recognised": rules.count(sum(1 for k in keys if k is None)),
    }


def _experience(rules: Rules, ratings: Iterable[int]) -> dict[str, Any]:
    answers = [r for r in ratings if r in ANSWERS]
    return _share(rules, sum(1 for r in answers if r in POSITIVE), len(answers)) | {
        "answers": rules.count(len(answers))
    }


def _monthly(rules: Rules, rows: Iterable[tuple[str, bool, bool, bool]]) -> list[dict[str, Any]]:
    """(month, ended, without acute, at home) → each month's published counts and shares."""
    months: dict[str, Counter[str]] = {}
    for month, ended, without_acute, home in rows:
        counts = months.setdefault(month, Counter())
        counts["contacts"] += 1
        counts["ended"] += ended
        counts["without_acute"] += ended and without_acute
        counts["home"] += ended and home
    return [
        {
            "month": month,
            "contacts": rules.count(c["contacts"]),
            "ended": rules.count(c["ended"]),
            "share_without_acute": rules.share(c["without_acute"], c["ended"]),
            "share_home": rules.share(c["home"], c["ended"]),
        }
        for month, c in sorted(months.items())
    ]


def summarise(
    calls: Sequence[CallRow],
    visits: Sequence[VisitRow],
    ratings: Sequence[Rating],
    *,
    rules: Rules,
    line_hours: str,
    sanctuary_hours: str,
    sanctuary_open: Sequence[int] = (),
    line_open: Sequence[int] = (),
) -> dict[str, Any]:
    """The published figures of the line and the Sanctuary (see the module's words).
    ``*_hours``: the opening hours in words ("24 hours", "18:00 to 01:00"); ``*_open``:
    the hours of the day (0 to 23) in which the service is open, for the heat map."""
    ended_calls = [c for c in calls if c.ended]
    calls_without = sum(1 for c in ended_calls if not set(c.outcomes) & ACUTE_OUTCOMES)
    calls_home = sum(1 for c in ended_calls if set(c.outcomes) & HOME_OR_SANCTUARY)
    sanctuary_known = [c for c in calls if c.inside_sanctuary_hours is not None]
    left = [v for v in visits if v.left]
    visits_without = sum(1 for v in left if v.left not in SANCTUARY_ACUTE)
    visits_home = sum(1 for v in left if v.left in SANCTUARY_HOME)
    days = sorted({c.started_at.date() for c in calls} | {v.arrived_at.date() for v in visits})
    return {
        "disclosure": {"suppress_at_most": rules.suppress_at_most, "round_to": rules.round_to},
        "first_day": days[0].isoformat() if days else None,
        "last_day": days[-1].isoformat() if days else None,
        "line": {
            "hours": line_hours,
            "open_hours": sorted(line_open),
            "by_hour": heat(rules, (c.started_at for c in calls)),
            "inside_own_hours": _share(
                rules, sum(1 for c in calls if c.inside_own_hours), len(calls)
            ),
            "inside_sanctuary_hours": _share(
                rules,
                sum(1 for c in sanctuary_known if c.inside_sanctuary_hours),
                len(sanctuary_known),
            ),
            "without_acute": _share(rules, calls_without, len(ended_calls)),
            "home_or_sanctuary": _share(rules, calls_home, len(ended_calls)),
            "monthly": _monthly(
                rules,
                (
                    (
                        _month(c.started_at),
                        c.ended,
                        not set(c.outcomes) & ACUTE_OUTCOMES,
                        bool(set(c.outcomes) & HOME_OR_SANCTUARY),
                    )
                    for c in calls
                ),
            ),
            "repeat": _repeat(rules, [c.caller for c in calls]),
            "experience": _experience(rules, (r.rating for r in ratings if r.service == "line")),
        },
        "sanctuary": {
            "hours": sanctuary_hours,
            "open_hours": sorted(sanctuary_open),
            "by_hour": heat(rules, (v.arrived_at for v in visits)),
            "inside_own_hours": _share(
                rules, sum(1 for v in visits if v.inside_own_hours), len(visits)
            ),
            "without_acute": _share(rules, visits_without, len(left)),
            "home_or_sanctuary": _share(rules, visits_home, len(left)),
            "monthly": _monthly(
                rules,
                (
                    (
                        _month(v.arrived_at),
                        bool(v.left),
                        v.left not in SANCTUARY_ACUTE,
                        v.left in SANCTUARY_HOME,
                    )
                    for v in visits
                ),
            ),
            "repeat": _repeat(rules, [v.guest for v in visits]),
            "experience": _experience(
                rules, (r.rating for r in ratings if r.service == "sanctuary")
            ),
        },
    }


# The monthly SPC charts: (key, service, the month's share, title).
CHARTS = (
    (
        "line_without_acute",
        "line",
        "share_without_acute",
        "Calls that ended without A&E, police or an ambulance, by month",
    ),
    (
        "line_home_or_sanctuary",
        "line",
        "share_home",
        "Calls that ended with a plan at home or at the Sanctuary, by month",
    ),
    (
        "sanctuary_without_acute",
        "sanctuary",
        "share_without_acute",
        "Sanctuary visits that ended without A&E, by month",
    ),
    (
        "sanctuary_home",
        "sanctuary",
        "share_home",
        "Sanctuary guests who left for home or with a friend, by month",
    ),
)
MIN_CHART_MONTHS = 4


def charts(
    summary: dict[str, Any], *, as_of: dt.date, run_length: int = 7
) -> tuple[dict[str, Any], dict[str, dict[str, int]]]:
    """Each monthly share as an XmR chart (Making Data Count, ``spc.xmr``), from the
    published shares: a month whose share is hidden has no point; the month still going
    on is provisional. A chart with fewer than four complete months shown is not drawn,
    and the second value says why."""
    from coproduce.evidence.evaluate import chart_dict

    drawn: dict[str, Any] = {}
    not_drawn: dict[str, dict[str, int]] = {}
    current = as_of.replace(day=1)
    for key, service, share, _ in CHARTS:
        monthly = summary.get(service, {}).get("monthly", [])
        points = [
            (dt.date.fromisoformat(m["month"]), m[share])
            for m in monthly
            if m.get(share) is not None
        ]
        provisional = sum(1 for month, _ in points if month >= current)
        complete = len(points) - provisional
        if complete < MIN_CHART_MONTHS:
            not_drawn[key] = {
                "months": len(monthly),
                "months_hidden": sum(1 for m in monthly if m.get(share) is None),
                "months_shown": complete,
            }
            continue
        chart = spc.xmr(
            [month for month, _ in points],
            [value for _, value in points],
            improvement=spc.Improvement.UP,
            run_length=run_length,
            provisional=provisional,
        )
        drawn[key] = chart_dict(chart) | {
            "recalculations": [],
            "months_in_limits": complete,
            "fixed_after": None,
            "provisional_because": "month_not_over",
        }
    return drawn, not_drawn


def cost_model(summary: dict[str, Any], costs: FirstResponseCosts) -> dict[str, Any] | None:
    """What the line and the Sanctuary saved, from the published counts: calls and visits
    that ended without A&E, police or admission, times the share that would otherwise
    have gone to A&E (and been admitted), times the unit costs, less what it costs to run
    both services over the days the figures cover. None when there is nothing to count."""
    if not summary.get("first_day"):
        return None
    first = dt.date.fromisoformat(summary["first_day"])
    last = dt.date.fromisoformat(summary["last_day"])
    days = (last - first).days + 1
    rows = []
    for service, words, running in (
        ("line", "The First Response line", costs.line_per_year),
        ("sanctuary", "The Sanctuary", costs.sanctuary_per_year),
    ):
        ended_well = summary[service]["without_acute"]["count"]
        running_cost = round(running * days / 365)
        if ended_well is None:
            rows.append({"service": words, "ended_well": None, "running_cost": running_cost})
            continue
        ae = ended_well * costs.otherwise_ae
        admissions = ended_well * costs.otherwise_admitted
        saving = ae * costs.ae_attendance + admissions * costs.admission
        rows.append(
            {
                "service": words,
                "ended_well": ended_well,
                "ae_avoided": round(ae),
                "admissions_avoided": round(admissions),
                "gross_saving": round(saving),
                "running_cost": running_cost,
                "net_saving": round(saving) - running_cost,
            }
        )
    return {"days": days, "rows": rows, "assumptions": costs.assumptions(days)}


def evaluated(
    summary: dict[str, Any],
    *,
    as_of: dt.date,
    costs: FirstResponseCosts | None = None,
    run_length: int = 7,
) -> dict[str, Any]:
    """The extract's published figures with their charts and the cost model."""
    drawn, not_drawn = charts(summary, as_of=as_of, run_length=run_length)
    return summary | {
        "spc": drawn,
        "spc_not_drawn": not_drawn,
        "cost_model": cost_model(summary, costs or FirstResponseCosts()),
    }
