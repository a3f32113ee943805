"""The evidence page of the First Response line and the Sanctuary: its card on the
summary, its words, heat maps, charts and tables, and their CSVs. Every figure comes
from the published evaluation (``evaluation["first_response"]``, disclosure control
already applied in the extract): a hidden figure is "Not shown" on the page and empty
in the CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from coproduce.evidence import charts
from coproduce.evidence.dashboard import HIDDEN, THEMES, Column, month_words, shown
from coproduce.evidence.firstresponse import CHARTS, HOURS, MIN_CHART_MONTHS, WEEKDAYS
from coproduce.lib.exports import safe_cell

THEME = "first-response"
TITLE = THEMES[THEME][0]
CSV_NAMES = ("line-hours", "sanctuary-hours", "line-months", "sanctuary-months")
SERVICES = {
    # service: (name, what is counted, one of them, the way it ended)
    "line": ("the line", "calls", "call", "ended"),
    "sanctuary": ("the Sanctuary", "visits", "visit", "ended"),
}
TOO_FEW = "too few to show without the risk of identifying someone"


def figures(evaluation: dict[str, Any]) -> dict[str, Any] | None:
    """The line's and the Sanctuary's figures, or None when none have been recorded."""
    found = evaluation.get("first_response")
    if not found or not found.get("first_day"):
        return None
    return dict(found)


def share_sentence(part: dict[str, Any], words: str, nothing: str) -> str:
    """ "64% of 1,250 calls ended without A&E, police or an ambulance." from a published
    share; or why there is none."""
    if part["share"] is not None:
        return f"{part['share']:.0%} of {part['of']:,} {words}."
    if part["of"] == 0:
        return f"{nothing}."
    # Hidden when either side is small: those it counts, or the rest (found by a
    # fresh-eyes trial: "too few" was said of 2,035 visits in hours beside 5 outside).
    return f"Not shown: how many {words}. Either those who did or those who did not are {TOO_FEW}."


def card(evaluation: dict[str, Any]) -> dict[str, Any]:
    """The summary's card: the share of calls that ended without A&E, police or an
    ambulance, and the same for the Sanctuary's guests."""
    found = figures(evaluation)
    item: dict[str, Any] = {"theme": THEME, "title": TITLE}
    if found is None:
        return item | {
            "figure": "Not yet",
            "sentence": "No calls to the line or visits to the Sanctuary recorded yet.",
        }
    line = found["line"]["without_acute"]
    visits = found["sanctuary"]["without_acute"]
    guests = (
        f" {visits['share']:.0%} of Sanctuary visits ended without A&E."
        if visits["share"] is not None
        else ""
    )
    if line["share"] is None:
        return item | {
            "figure": "Not shown",
            "sentence": f"The share of calls that ended without A&E, police or an ambulance: "
            f"{TOO_FEW}.{guests}",
        }
    return item | {
        "figure": f"{line['share']:.0%}",
        "sentence": f"of calls to the line ended without A&E, police or an ambulance.{guests}",
    }


def _hour_totals(by_hour: dict[str, Any]) -> list[int]:
    return [sum(day["hours"][h] or 0 for day in by_hour["days"]) for h in HOURS]


def busiest_words(by_hour: dict[str, Any], counted: str) -> str:
    """The busiest three hours in a row, from the cells shown: "Most calls came between
    20:00 and 23:00." ("" with too little to say)."""
    totals = _hour_totals(by_hour)
    if sum(totals) == 0:
        return ""
    windows = [(sum(totals[(h + i) % 24] for i in range(3)), h) for h in HOURS]
    # The busiest three hours; of those as busy, the one whose middle hour is busiest.
    _, start = max(windows, key=lambda w: (w[0], totals[(w[1] + 1) % 24], -w[1]))
    # An hour at either end with none shown is not one of the busiest.
    hours = [(start + i) % 24 for i in range(3)]
    while not totals[hours[0]]:
        hours.pop(0)
    while not totals[hours[-1]]:
        hours.pop()
    return (
        f"The busiest {'hour' if len(hours) == 1 else f'{len(hours)} hours'} for {counted} "
        f"{'was' if len(hours) == 1 else 'were'} {hours[0]:02d}:00 to "
        f"{(hours[-1] + 1) % 24:02d}:00, on the figures that can be shown."
    )


def _marked_hours(found: dict[str, Any], service: str) -> tuple[dict[str, Any], str]:
    """Whose opening hours a heat map marks, and in words: the Sanctuary's on the line's
    map too (does 18:00 to 01:00 match when people call?), where it has hours."""
    sanctuary = found["sanctuary"]
    if service == "line" and sanctuary["hours"]:
        return sanctuary, "the Sanctuary is open"
    return found[service], f"{SERVICES[service][0]} is open"


def hours_table(found: dict[str, Any], service: str) -> dict[str, Any]:
    """The heat map's figures: a row an hour, a column a weekday, with each weekday's
    total as the last row."""
    part = found[service]
    name, counted, _, _ = SERVICES[service]
    days = part["by_hour"]["days"]
    marks, marked = _marked_hours(found, service)
    open_hours = set(marks["open_hours"])
    columns = (Column("Hour", "hour", "text"), *(Column(d, d) for d in WEEKDAYS))
    rows = [
        [
            charts.hour_words(hour) + (" (open)" if hour in open_hours else ""),
            *(shown(day["hours"][hour], "count") for day in days),
        ]
        for hour in HOURS
    ]
    rows.append(["All hours", *(shown(day["total"], "count") for day in days)])
    return {
        "name": f"{service}-hours",
        "caption": f"{counted.capitalize()} to {name} by hour and weekday",
        "note": f'Each cell: the number of {counted} that began in that hour. "(open)": '
        f"{marked} in that hour.",
        "columns": columns,
        "rows": rows,
    }


# The page shows the last year by month, as the other tables; the CSV has every month.
MONTHS_SHOWN = 12


def months_table(
    found: dict[str, Any], service: str, current: str | None, last: int = MONTHS_SHOWN
) -> dict[str, Any]:
    name, counted, _, ended = SERVICES[service]
    if service == "line":
        without, home = "Without A&E, police or an ambulance", "At home or at the Sanctuary"
    else:
        without, home = "Without A&E", "Home or with a friend"
    columns = (
        Column("Month", "month", "month"),
        Column(counted.capitalize(), "contacts"),
        Column("With an ending recorded", "ended"),
        Column(f"{without} (share)", "share_without_acute", "share"),
        Column(f"{home} (share)", "share_home", "share"),
    )
    return {
        "name": f"{service}-months",
        "caption": f"How {counted} to {name} {ended}, by month",
        "note": "Each share is of those whose way of ending is recorded.",
        "columns": columns,
        "rows": [
            [
                month_words(row["month"], current)
                if c.kind == "month"
                else shown(row.get(c.key), c.kind)
                for c in columns
            ]
            for row in found[service]["monthly"][-last:]
        ],
        "raw": found[service]["monthly"],
    }


def _share_cell(part: dict[str, Any]) -> str:
    if part["share"] is not None:
        return f"{part['share']:.0%} of {part['of']:,}"
    if part["of"] == 0:
        return "None yet"
    return HIDDEN


def use_table(found: dict[str, Any]) -> dict[str, Any]:
    """Repeat use and experience, for the line and the Sanctuary."""
    columns = (
        Column("Service", "service", "text"),
        Column("Recognised (a person or a number on the record)", "recognised"),
        Column("Came more than once", "returned", "text"),
        Column("Contacts from those who came more than once", "contacts", "text"),
        Column("Experience: good or very good", "experience", "text"),
    )
    rows = []
    for service, words in (("line", "The line (callers)"), ("sanctuary", "The Sanctuary (guests)")):
        part = found[service]
        rows.append(
            [
                words,
                shown(part["repeat"]["recognised"], "count"),
                _share_cell(part["repeat"]["returned"]),
                _share_cell(part["repeat"]["contacts_by_returners"]),
                _share_cell(part["experience"]),
            ]
        )
    return {
        "name": "first-response-use",
        "caption": "Repeat use and experience",
        "note": 'Experience: answers to "how was it for you?" on voices to the line\'s '
        "and the Sanctuary's teams, rated good or very good, of all answers.",
        "columns": columns,
        "rows": rows,
    }


# A month's share is hidden when either side of it is small: those it counts, or the rest
# (from the share and the total, the rest could be worked out). Found by a fresh-eyes
# trial: "the number of visits was too small" was said of months of 150 visits, whose
# few guests sent on to A&E were what hid them.
NOT_DRAWN_COUNTS = {
    "line_without_acute": "calls that ended with A&E, the police or an ambulance (or of those "
    "that did not)",
    "line_home_or_sanctuary": "calls that ended at home or at the Sanctuary (or of those that "
    "did not)",
    "sanctuary_without_acute": "guests who went on to A&E (or of those who did not)",
    "sanctuary_home": "guests who left for home or with a friend (or of those who did not)",
}


def not_drawn_words(found: dict[str, Any], key: str, suppress_at_most: int) -> str:
    why = found.get("spc_not_drawn", {}).get(key)
    if not why or not why["months_hidden"]:
        return (
            "Not enough months of figures yet to draw this chart: it needs at least "
            f"{MIN_CHART_MONTHS} complete months."
        )
    return (
        f"Not drawn: in {why['months_hidden']} of {why['months']} months the number of "
        f"{NOT_DRAWN_COUNTS[key]} was too small to publish without the risk of "
        f"identifying someone (between 1 and {suppress_at_most}, counted or left out). A "
        f"chart needs at least {MIN_CHART_MONTHS} months that can be shown. The table "
        "gives what can be published."
    )


def context(evaluation: dict[str, Any]) -> dict[str, Any]:
    """Everything the page draws, or ``{"first_response": None}`` with nothing recorded."""
    found = figures(evaluation)
    if found is None:
        return {"first_response": None}
    current = (evaluation.get("as_of") or "")[:7] or None
    limit = found["disclosure"]["suppress_at_most"]
    line, sanctuary = found["line"], found["sanctuary"]
    sentences = {
        "line_inside_sanctuary": share_sentence(
            line["inside_sanctuary_hours"],
            f"calls to the line began between {sanctuary['hours'].replace(' to ', ' and ')}, "
            "when the Sanctuary is open",
            "No calls to compare with the Sanctuary's hours",
        )
        if sanctuary["hours"]
        else "",
        "line_inside_own": share_sentence(
            line["inside_own_hours"],
            f"calls began in the line's own opening hours ({line['hours']})",
            "No calls recorded yet",
        ),
        "sanctuary_inside": share_sentence(
            sanctuary["inside_own_hours"],
            f"visits to the Sanctuary began in its opening hours ({sanctuary['hours']})",
            "No visits to the Sanctuary recorded yet",
        ),
        "line_without": share_sentence(
            line["without_acute"],
            "calls with an ending recorded ended without A&E, police or an ambulance",
            "No calls have ended yet",
        ),
        "line_home": share_sentence(
            line["home_or_sanctuary"],
            "calls ended with a plan to stay safe at home or an invitation to the Sanctuary",
            "No calls have ended yet",
        ),
        "sanctuary_without": share_sentence(
            sanctuary["without_acute"],
            "guests who have left went on without A&E",
            "No guests have left yet",
        ),
    }
    heat_maps: dict[str, dict[str, Any]] = {}
    for service, part in (("line", line), ("sanctuary", sanctuary)):
        name, counted, _, _ = SERVICES[service]
        total = part["by_hour"]["total"]
        if not total:
            heat_maps[service] = {
                "map": None,
                "words": f"No {counted} recorded yet."
                if total == 0
                else f"Too few {counted} to show by hour without the risk of identifying someone.",
            }
            continue
        marks, _ = _marked_hours(found, service)
        open_words = (
            f"the Sanctuary's opening hours ({marks['hours']})"
            if marks is sanctuary
            else f"{name}'s opening hours ({marks['hours']})"
        )
        busiest = busiest_words(part["by_hour"], counted)
        heat_maps[service] = {
            "map": charts.heat_map(
                f"{counted.capitalize()} to {name} by hour of the day and weekday",
                part["by_hour"],
                open_hours=marks["open_hours"],
                open_words=open_words,
                summary=f"{total:,} {counted} by the hour they began (rows, 00:00 to 23:00) "
                f"and weekday (columns). Hours marked open: {open_words}. {busiest}",
            ),
            "words": busiest,
            "table": hours_table(found, service),
        }
    drawn = []
    for key, _, _, title in CHARTS:
        chart = found.get("spc", {}).get(key)
        drawn.append(
            {
                "key": key,
                "title": title,
                "spc": chart,
                "chart": charts.spc_chart(title, chart, percent=True) if chart else None,
                "not_drawn": "" if chart else not_drawn_words(found, key, limit),
            }
        )
    return {
        "first_response": found,
        "fr_sentences": sentences,
        "fr_heat": heat_maps,
        "fr_charts": drawn,
        "fr_months": {
            "line": months_table(found, "line", current),
            "sanctuary": months_table(found, "sanctuary", current),
        },
        "fr_use": use_table(found),
        "fr_cost": found.get("cost_model"),
    }


def csv_text(evaluation: dict[str, Any], name: str) -> str | None:
    """A table of the page as CSV: counts as numbers, shares from 0 to 1, hidden values
    empty, formula-safe."""
    found = figures(evaluation)
    if found is None or name not in CSV_NAMES:
        return None
    service, kind = name.split("-")
    out = io.StringIO()
    writer = csv.writer(out)
    if kind == "hours":
        own = set(found[service]["open_hours"])
        sanctuary = set(found["sanctuary"]["open_hours"])
        both = service == "line" and found["sanctuary"]["hours"]
        writer.writerow(
            ["Weekday", "Hour", "Open"]
            + (["Sanctuary open"] if both else [])
            + [SERVICES[service][1].capitalize()]
        )
        for day in found[service]["by_hour"]["days"]:
            for hour, value in enumerate(day["hours"]):
                writer.writerow(
                    [day["weekday"], f"{hour:02d}:00", "Yes" if hour in own else "No"]
                    + (["Yes" if hour in sanctuary else "No"] if both else [])
                    + ["" if value is None else value]
                )
        return out.getvalue()
    table = months_table(found, service, None, last=len(found[service]["monthly"]))
    headings = [
        f"{c.heading[: -len(' (share)')]} (share, 0 to 1)"
        if c.heading.endswith(" (share)")
        else c.heading
        for c in table["columns"]
    ]
    writer.writerow(headings)
    for row in table["raw"]:
        writer.writerow(
            [
                safe_cell(str(row[c.key]))
                if c.kind == "month"
                else ""
                if row.get(c.key) is None
                else row[c.key]
                for c in table["columns"]
            ]
        )
    return out.getvalue()
