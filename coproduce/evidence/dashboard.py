"""The evidence pages' tables: one definition gives the page's table and its CSV.

Every figure comes from the published evaluation (disclosure control already applied):
a hidden figure is shown as "Not shown" on the page and left empty in the CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from coproduce.evidence.charts import staff_words
from coproduce.evidence.tables import BY_EPISODE_START, URGENCY_TARGET_HOURS
from coproduce.lib.dates import next_month
from coproduce.lib.exports import safe_cell

HIDDEN = "Not shown"


def _targets_in_words() -> str:
    """ "very urgent 4 hours, urgent 24 hours", from the targets the figures use."""
    targets = URGENCY_TARGET_HOURS.items()
    return ", ".join(f"{urgency.replace('_', ' ')} {hours} hours" for urgency, hours in targets)


@dataclass(frozen=True)
class Column:
    heading: str
    key: str
    kind: str = "count"  # count, share, number, days, month, text
    # (count, words): where the figure is missing because that count is a true 0, the
    # words say so ("No one to tell yet") instead of "Not shown", which means hidden.
    none_when: tuple[str, str] | None = None

    @property
    def numeric(self) -> bool:
        return self.kind not in {"month", "text"}


@dataclass(frozen=True)
class TableSpec:
    name: str
    caption: str
    source: str  # the metric in the evaluation
    columns: tuple[Column, ...]
    where: Callable[[dict[str, Any]], bool] | None = None
    # On the page (not in the CSV), one row a month with a column for each value of this
    # column (a channel, an urgency), each cell the first value "of" the second (a share
    # of its count) or the first alone: a screen of rows instead of five.
    across: tuple[str, str, str | None] | None = None
    # What an "across" table's share counts, in words ("rated good or very good"), said
    # once, under the caption.
    share_words: str = ""
    # The heading of an "across" table's total column ("All channels"): the total of
    # the row's cells as published (``evaluate.published_totals``), the chart's point.
    total_heading: str = ""


TABLES = {
    spec.name: spec
    for spec in (
        TableSpec(
            "experience",
            "Experience rated good or very good, by month and channel",
            "experience",
            (
                Column("Month", "month", "month"),
                Column("Channel", "channel", "text"),
                Column("Answers", "responses"),
                Column("Good or very good (share)", "share_good", "share"),
            ),
            across=("channel", "share_good", "responses"),
            share_words="rated good or very good",
            total_heading="All channels",
        ),
        TableSpec(
            "continuity",
            "Continuity of care, by month the episode began",
            "continuity",
            (
                Column("Month", "month", "month"),
                Column("Episodes", "episodes"),
                Column("Distinct staff (mean)", "distinct_staff_mean", "number"),
                Column("Continuity of Care index", "coc_mean", "number"),
                Column("Usual Provider of Care", "upc_mean", "number"),
                Column("Sequential Continuity", "secon_mean", "number"),
            ),
        ),
        TableSpec(
            "caseload",
            "Time on caseload and disengagement, by month the episode began",
            "caseload",
            (
                Column("Month", "month", "month"),
                Column("Episodes", "episodes"),
                Column("Discharged", "closed"),
                Column("Median days to discharge", "median_days_to_discharge", "days"),
                Column("Disengaged (share)", "disengagement_rate", "share"),
                Column("Admitted within 30 days (share)", "admitted_within_30_days_rate", "share"),
            ),
        ),
        TableSpec(
            "response",
            f"Referrals seen within target ({_targets_in_words()})",
            "response",
            (
                Column("Month", "month", "month"),
                Column("Urgency", "urgency", "text"),
                Column("Referrals", "referrals"),
                Column("Seen within target (share)", "share_seen_within_target", "share"),
                Column("Median hours to be seen", "median_hours_to_seen", "number"),
            ),
            across=("urgency", "share_seen_within_target", "referrals"),
            share_words="seen within target",
        ),
        TableSpec(
            "vehicle",
            "Arrival and outcomes of the mental health response vehicle, by month",
            "vehicle",
            (
                Column("Month", "month", "month"),
                Column("Dispatches", "dispatches"),
                Column("Arrived within target (share)", "share_arrived_within_target", "share"),
                Column("Median minutes to arrive", "median_minutes_to_arrive", "number"),
                Column("A&E avoided (share)", "share_ae_avoided", "share"),
                Column("Police not needed (share)", "share_police_not_needed", "share"),
            ),
        ),
        TableSpec(
            "voices",
            "Voices by channel, by month",
            "voices_by_channel",
            (
                Column("Month", "month", "month"),
                Column("Channel", "channel", "text"),
                Column("Voices", "voices"),
            ),
            across=("channel", "voices", None),
            total_heading="All channels",
        ),
        TableSpec(
            "thread",
            "Days from voice to change, and people told, by month the voice came in",
            "thread",
            (
                Column("Month", "month", "month"),
                Column("Voices", "voices"),
                Column("In an insight", "in_an_insight"),
                Column(
                    "Median days to an insight",
                    "median_days_to_insight",
                    "days",
                    ("in_an_insight", "No insight yet"),
                ),
                Column(
                    "Median days insight to action",
                    "median_days_insight_to_action",
                    "days",
                    ("in_an_insight", "No insight yet"),
                ),
                Column(
                    "Median days action to update",
                    "median_days_action_to_update",
                    "days",
                    ("in_an_insight", "No insight yet"),
                ),
                Column(
                    "Told the outcome (share of those who asked)",
                    "share_told",
                    "share",
                    ("owed_outcome", "No one to tell yet"),
                ),
            ),
        ),
        TableSpec(
            "actions",
            "Actions by status",
            "actions",
            (
                Column("Status", "status", "text"),
                Column("Actions", "actions"),
                Column("Overdue", "overdue"),
            ),
        ),
    )
}


def shown(value: Any, kind: str) -> str:
    """A published value as the page shows it."""
    if value is None:
        return HIDDEN
    if kind == "month":
        return dt.date.fromisoformat(value).strftime("%B %Y")
    if kind == "share":
        return f"{value:.0%}"
    if kind == "number":
        return f"{value:.2f}"
    if kind == "days":
        return f"{value:.1f}"
    if kind == "count":
        return f"{value:,}"
    return labels().get(str(value), str(value).replace("_", " ").capitalize())


def labels() -> dict[str, str]:
    """The words people know for the extract's codes (channels, urgencies, statuses)."""
    from coproduce.change.models import Action
    from coproduce.voices.models import Voice

    words: dict[str, str] = {code: str(label) for code, label in Voice.Channel.choices}
    words.update({code: str(label) for code, label in Action.Status.choices})
    words.update(
        {
            urgency: f"{urgency.replace('_', ' ').capitalize()} ({hours} hours)"
            for urgency, hours in URGENCY_TARGET_HOURS.items()
        }
    )
    return words


def rows(evaluation: dict[str, Any], spec: TableSpec) -> list[dict[str, Any]]:
    found = evaluation["metrics"][spec.source]
    return [row for row in found if spec.where is None or spec.where(row)]


def page_table(evaluation: dict[str, Any], name: str, *, last: int | None = None) -> dict[str, Any]:
    spec = TABLES[name]
    chosen = rows(evaluation, spec)
    if last is not None:
        months = sorted({r["month"] for r in chosen if r.get("month")})[-last:]
        chosen = [r for r in chosen if r.get("month") is None or r["month"] in months]
    # The month the figures stand in is not over: said beside it, wherever it is shown
    # (found by the third fresh-eyes trial of issue 20: only the chart marked it).
    as_of = evaluation.get("as_of")
    current = as_of[:7] if as_of else None
    if spec.across is not None:
        totals = {row["month"]: row for row in evaluation.get("totals", {}).get(spec.source, [])}
        return {"name": name, **_across(spec, spec.across, chosen, current, totals)}
    return {
        "name": name,
        "caption": spec.caption,
        "columns": spec.columns,
        "rows": [
            [_cell(row, c, current, _episodes_open(evaluation, spec)) for c in spec.columns]
            for row in chosen
        ],
    }


def month_words(month: str, current: str | None, episodes_open: Collection[str] = ()) -> str:
    """A month as the page shows it, said to be not over yet if it is the current one, or
    to have episodes still open if most of those that began in it have not ended (for
    figures by the month an episode began)."""
    words = shown(month, "month")
    if current and month[:7] >= current:
        return f"{words} (not over yet)"
    if month in episodes_open:
        return f"{words} (most episodes still open)"
    return words


def _episodes_open(evaluation: dict[str, Any], spec: TableSpec) -> frozenset[str]:
    if spec.source not in BY_EPISODE_START:
        return frozenset()
    return frozenset(evaluation.get("episodes_open_months", []))


def _cell(
    row: dict[str, Any],
    column: Column,
    current: str | None = None,
    episodes_open: Collection[str] = (),
) -> str:
    if column.kind == "month" and row.get(column.key):
        return month_words(row[column.key], current, episodes_open)
    if row.get(column.key) is None and column.none_when and row.get(column.none_when[0]) == 0:
        return column.none_when[1]
    return shown(row.get(column.key), column.kind)


def _across(
    spec: TableSpec,
    across: tuple[str, str, str | None],
    chosen: list[dict[str, Any]],
    current: str | None = None,
    totals: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The table with a column for each value of ``across``'s column, a row a month, and
    the month's total (``totals``, by month) after the month."""
    spread, first, of = across
    kinds = {c.key: c.kind for c in spec.columns}
    values = sorted({str(r[spread]) for r in chosen}, key=lambda v: shown(v, "text"))
    months = sorted({r["month"] for r in chosen})
    cells = {(r["month"], str(r[spread])): r for r in chosen}

    counted = next((c.heading for c in spec.columns if c.key == of), "").lower()
    # A total beside one cell would only repeat it.
    with_total = bool(totals) and bool(spec.total_heading) and len(values) > 1

    def cell(month: str, value: str | None) -> str:
        row = (totals or {}).get(month) if value is None else cells.get((month, value))
        if row is None:
            return f"No {counted}" if of is not None else "0"
        if of is None or row.get(of) is None:
            return shown(row.get(first), kinds[first])
        count = shown(row[of], kinds[of])
        if row.get(first) is None:
            # "30 referrals; share not shown": what the 30 is, and which figure is
            # hidden (the caption's note says which share).
            return f"{count} {counted}; share {HIDDEN.lower()}"
        return f"{shown(row[first], kinds[first])} of {count}"

    return {
        "caption": spec.caption,
        # Said once, under the caption: the heading of each column is a channel or an
        # urgency, so what a cell holds needs saying somewhere.
        "note": (
            f"Each cell: the share {spec.share_words}, of the number of {counted}."
            if of is not None
            else ""
        ),
        "columns": (
            Column("Month", "month", "month"),
            *((Column(spec.total_heading, "total", kinds[first]),) if with_total else ()),
            *(Column(shown(v, "text"), v, kinds[first]) for v in values),
        ),
        "rows": [
            [
                month_words(m, current),
                *((cell(m, None),) if with_total else ()),
                *(cell(m, v) for v in values),
            ]
            for m in months
        ],
    }


def csv_text(evaluation: dict[str, Any], name: str) -> str:
    """The table as CSV: published values as numbers (shares as fractions from 0 to 1,
    said in the heading), groups in the words the page uses ("Text message", not
    "sms"), a breakdown's total as a row of its own after the month's cells ("All
    channels", the figure the chart draws), the month still going on marked, hidden
    values empty, formula-safe."""
    spec = TABLES[name]
    by_month = any(c.key == "month" for c in spec.columns)
    current = (evaluation.get("as_of") or "")[:7] or None
    episodes_open = _episodes_open(evaluation, spec)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            f"{c.heading[: -len(' (share)')]} (share, 0 to 1)"
            if c.heading.endswith(" (share)")
            else c.heading
            for c in spec.columns
        ]
        + (["Provisional (figures will change)"] if by_month else [])
    )
    chosen = rows(evaluation, spec)
    if spec.total_heading and spec.across is not None:
        spread = spec.across[0]
        totals = [
            {**row, spread: spec.total_heading}
            for row in evaluation.get("totals", {}).get(spec.source, [])
        ]
        # Each month's cells, then its total (a stable sort keeps the cells' order).
        chosen = sorted(
            [*chosen, *totals],
            key=lambda r: (r.get("month") or "", r[spread] == spec.total_heading),
        )
    for row in chosen:
        cells = [
            ""
            if row.get(c.key) is None
            else shown(row[c.key], "text")
            if c.kind == "text"
            else str(row[c.key])
            for c in spec.columns
        ]
        if by_month:
            month = row.get("month") or ""
            provisional = (current and month[:7] >= current) or month in episodes_open
            cells.append("Yes" if provisional else "No")
        # Words may start like a formula; numbers (a negative one too) stay numbers.
        kinds = [c.kind for c in spec.columns] + ["text"] * by_month
        writer.writerow(
            safe_cell(cell) if kind == "text" else cell
            for cell, kind in zip(cells, kinds, strict=True)
        )
    return out.getvalue()


SURVIVAL_DAYS = (7, 14, 28, 56)


def survival_table(evaluation: dict[str, Any]) -> dict[str, Any] | None:
    """The Kaplan-Meier curves' figures: share still on the caseload at chosen days."""
    curves = evaluation.get("time_on_caseload", {}).get("kaplan_meier")
    if not curves:
        return None
    columns = (
        Column("Distinct staff seen", "band", "text"),
        Column("Episodes", "episodes"),
        Column("Median days on caseload", "median_days", "days"),
        *(Column(f"Still on caseload at day {d}", f"day_{d}", "share") for d in SURVIVAL_DAYS),
    )
    rows = []
    for band, curve in curves.items():
        row = {"band": band, "episodes": curve["episodes"], "median_days": curve["median_days"]}
        for d in SURVIVAL_DAYS:
            row[f"day_{d}"] = curve["on_caseload"][d] if d < len(curve["on_caseload"]) else None
        rows.append(row)
    return {
        "name": "survival",
        "caption": "Still on the caseload, by days since acceptance and distinct staff seen",
        "columns": columns,
        "rows": [
            [staff_words(r[c.key]) if c.key == "band" else shown(r[c.key], c.kind) for c in columns]
            for r in rows
        ],
        "csv_rows": [
            [
                "day",
                *(
                    f"{band}{suffix}"
                    for band in curves
                    for suffix in ("", " (lower 95%)", " (upper 95%)")
                ),
            ]
        ]
        + [
            [
                d,
                *(
                    c[key][d] if c.get(key) else None
                    for c in curves.values()
                    for key in ("on_caseload", "lower", "upper")
                ),
            ]
            for d in range(len(next(iter(curves.values()))["day"]))
        ],
    }


def survival_csv(evaluation: dict[str, Any]) -> str | None:
    table = survival_table(evaluation)
    if table is None:
        return None
    out = io.StringIO()
    csv.writer(out).writerows(table["csv_rows"])
    return out.getvalue()


def _csv(rows: list[list[Any]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(
        [safe_cell(c) if isinstance(c, str) else ("" if c is None else c) for c in row]
        for row in rows
    )
    return out.getvalue()


def reach_csv(evaluation: dict[str, Any]) -> str | None:
    """The reach tables as CSV: who took part against the local population."""
    rows = evaluation.get("reach_against_population")
    if not rows:
        return None
    return _csv(
        [
            [
                "Who",
                "Group",
                "People",
                "Share of them",
                "Share of local people in the groups shown",
                "Share of all local people",
                "Ratio",
            ]
        ]
        + [
            [
                "Network members" if r["group"] == "member" else "People who gave feedback",
                group_words(r["dimension"], r["category"]),
                r["people"],
                r["share"],
                r.get("population_share_of_shown"),
                r["population_share"],
                r["ratio"],
            ]
            for r in rows
        ]
    )


def outcomes_csv(evaluation: dict[str, Any]) -> str | None:
    """Before and after the declared change, as CSV: rates, counts, change and saving."""
    report = evaluation.get("before_after")
    if not report:
        return None
    return _csv(
        [
            [
                "Measure",
                "Rate before",
                "Of (before)",
                "Rate after",
                "Of (after)",
                "Relative change",
                "Estimated saving (GBP)",
            ]
        ]
        + [
            [
                m["measure"],
                m["before"]["rate"],
                m["before"]["of"],
                m["after"]["rate"],
                m["after"]["of"],
                m["relative_change"],
                m["estimated_saving"],
            ]
            for m in report["measures"]
        ]
    )


def group_words(dimension: str, category: str) -> str:
    """A reach row's group in words: "Age 18 to 24", "Ethnicity: Asian", "Deprivation
    decile 1 (most deprived)"."""
    if dimension == "age_band":
        if category == "under_18":
            return "Age under 18"
        if category.endswith("_plus"):
            return f"Age {category.removesuffix('_plus')} and over"
        low, _, high = category.partition("_")
        return f"Age {low} to {high}" if high else f"Age {low}"
    if dimension == "deprivation_decile":
        note = {"1": " (most deprived)", "10": " (least deprived)"}.get(category, "")
        return f"Deprivation decile {category}{note}"
    return f"{dimension.replace('_', ' ').capitalize()}: {category.replace('_', ' ').capitalize()}"


THEMES = {
    # address: (title, what the page answers)
    "experience": ("Experience", "How people rated their care, month by month."),
    "continuity": ("Continuity of care", "How many different staff a person sees."),
    "caseload": ("Time on caseload", "How long people stay, and whether more staff slows it."),
    "response": (
        "Response times",
        "How fast urgent referrals are seen, and how fast the response vehicle arrives.",
    ),
    "outcomes": (
        "Outcomes and the change we made",
        "A&E, admissions and police, before and after the change.",
    ),
    "coproduction": (
        "Co-production health",
        "From a voice to a change, how long each step takes, and who was told.",
    ),
    "reach": (
        "Reach",
        "Who takes part in our network, and who gives us their views, against the people "
        "who live here.",
    ),
    # The line's and the Sanctuary's page (``firstresponse_pages``).
    "first-response": (
        "The First Response line and the Sanctuary",
        "What the 24/7 line and the evening Sanctuary prevented, and whether their hours "
        "match when people come.",
    ),
}

# A group is under-represented where its share of the network is below this much of its
# share of the local population (four fifths, as in the "four-fifths rule" of adverse
# impact used in equality monitoring).
UNDER_REPRESENTED = 0.8


def _latest(chart: dict[str, Any] | None) -> dict[str, Any] | None:
    points = [p for p in (chart or {}).get("points", []) if not p.get("provisional")]
    return points[-1] if points else None


def _month_words(month: str) -> str:
    return f"{dt.date.fromisoformat(month):%B %Y}"


def relative_change_words(change: float) -> str:
    """A relative change in a rate: -0.125 is "13% lower" (of the rate before, not
    percentage points)."""
    if round(change, 2) == 0:
        return "No different"
    return f"{abs(change):.0%} {'lower' if change < 0 else 'higher'}"


# Each chart's target line, named the same in its key, beside its icons and on the
# summary. The experience target is another service's published result (seed 001).
TARGET_SOURCES = {"experience_good": "Cambridgeshire and Peterborough's result"}


def target_words(chart: str, target: float | None) -> str:
    """ "72%, Cambridgeshire and Peterborough's result", "90%"; "" with no target."""
    if target is None:
        return ""
    source = TARGET_SOURCES.get(chart)
    return f"{target:.0%}" + (f", {source}" if source else "")


def ratio_in_words(ratio: float) -> str:
    """A hazard or odds ratio as the change it means: 0.87 is "13% lower"."""
    if round(ratio, 2) == 1:
        return "no different"
    return f"{abs(ratio - 1):.0%} {'lower' if ratio < 1 else 'higher'}"


def interval_in_words(lower: float, upper: float) -> str:
    """A ratio's 95% interval as changes: "9% to 17% lower", "3% lower to 5% higher"."""
    if upper < 1:
        return f"{1 - upper:.0%} to {1 - lower:.0%} lower"
    if lower > 1:
        return f"{lower - 1:.0%} to {upper - 1:.0%} higher"
    return f"{ratio_in_words(lower)} to {ratio_in_words(upper)}"


def board_summary(evaluation: dict[str, Any]) -> list[dict[str, Any]]:
    """The handful of figures a board asks about, each with its icon and one sentence,
    and the page it comes from. Only figures already published on those pages."""
    spc = evaluation.get("spc", {})
    items: list[dict[str, Any]] = []

    def chart_item(theme: str, key: str, figure: str, sentence: str) -> None:
        chart = spc.get(key)
        latest = _latest(chart)
        if chart is None or latest is None:
            items.append(
                {
                    "theme": theme,
                    "figure": (
                        "Not shown"
                        if evaluation.get("spc_not_drawn", {}).get(key, {}).get("months_hidden")
                        else "Not yet"
                    ),
                    "sentence": not_drawn_words(evaluation, key),
                }
            )
            return
        items.append(
            {
                "theme": theme,
                "figure": figure.format(value=latest["value"]),
                "sentence": sentence.format(
                    month=_month_words(latest["month"]),
                    target=target_words(key, chart.get("target")),
                )
                + _months_since_not_shown(chart, evaluation.get("as_of")),
                "variation": chart["variation"],
                "variation_text": chart["variation_text"],
                "assurance": chart["assurance"],
                "assurance_text": chart["assurance_text"],
            }
        )

    chart_item(
        "experience",
        "experience_good",
        "{value:.0%}",
        "of answers rated care good or very good in {month} (target: {target}).",
    )
    chart_item(
        "continuity",
        "distinct_staff",
        "{value:.1f}",
        "different staff, on average, for each person's episode in {month}.",
    )
    chart_item(
        "response",
        "very_urgent_seen_in_4_hours",
        "{value:.0%}",
        "of very urgent referrals were seen within 4 hours in {month} (target: {target}).",
    )
    cox = evaluation.get("time_on_caseload", {}).get("cox")
    items.append(
        {
            "theme": "caseload",
            "figure": ratio_in_words(cox["estimate"]) if cox else "Not yet",
            "sentence": (
                "chance, each day, of being discharged for each extra member of staff a "
                "person sees (a hazard ratio of "
                f"{cox['estimate']:.2f}, allowing for age and urgency)."
                if cox
                else "Not enough episodes yet to estimate how the number of staff changes "
                "time on the caseload."
            ),
        }
    )
    before_after = evaluation.get("before_after") or {}
    ae = next(
        (m for m in before_after.get("measures", []) if m["measure"] == "conveyance to A&E"),
        None,
    )
    if ae is not None and ae.get("relative_change") is not None:
        # A change in the rate, not in the number: fewer visits would give fewer
        # conveyances at the same rate.
        items.append(
            {
                "theme": "outcomes",
                "figure": relative_change_words(ae["relative_change"]),
                "sentence": "rate of conveyance to A&E after the response vehicle's visit "
                f"since the change in {_month_words(before_after['change_date'])} than "
                f"before it ({ae['after']['rate']:.1%} of visits with an outcome recorded, against "
                f"{ae['before']['rate']:.1%} before).",
            }
        )
    else:
        items.append(
            {
                "theme": "outcomes",
                "figure": "Not yet",
                "sentence": "No change declared to compare before and after, or too few "
                "visits to show.",
            }
        )
    thread = evaluation.get("metrics", {}).get("thread", [])
    # The months whose share told is shown in the table, and those it shows as "Not
    # shown" (someone asked, but the share would reveal a small number): the card counts
    # as the table does (the third fresh-eyes trial found them disagreeing).
    shown_months = [
        r
        for r in thread
        if r["owed_outcome"] and r["told_outcome"] is not None and r.get("share_told") is not None
    ]
    owed = sum(r["owed_outcome"] for r in shown_months)
    told = sum(r["told_outcome"] for r in shown_months)
    not_shown = sum(1 for r in thread if r["owed_outcome"] != 0 and r.get("share_told") is None)
    hidden = any(r["owed_outcome"] is None for r in thread)
    if owed:
        sentence = "of the people who asked to hear what changed have been told" + (
            f", in the months that can be shown; {not_shown} "
            f"{'month is' if not_shown == 1 else 'months are'} not shown (too few people "
            "to show without identifying them)."
            if not_shown
            else "."
        )
    elif hidden:
        sentence = (
            "Too few people in any month have asked to hear what changed for the share to "
            "be shown without identifying them."
        )
    else:
        sentence = "No one has yet asked to hear what changed."
    items.append(
        {
            "theme": "coproduction",
            "figure": f"{told / owed:.0%}" if owed else "Not yet",
            "sentence": sentence,
        }
    )
    items.append(_reach_item(evaluation.get("reach_against_population") or []))
    from coproduce.evidence import firstresponse_pages

    items.append(firstresponse_pages.card(evaluation))
    for item in items:
        item["title"] = THEMES[item["theme"]][0]
    return items


def under_represented(row: dict[str, Any]) -> bool:
    """Whether a group of the reach table is a smaller share of those taking part than
    four fifths of its share of local people (a group not shown is never called so)."""
    return row.get("ratio") is not None and row["ratio"] < UNDER_REPRESENTED


def _reach_item(rows: list[dict[str, Any]]) -> dict[str, Any]:
    shown = [
        r
        for r in rows
        if r["group"] == "member" and r.get("ratio") is not None and r.get("population_share")
    ]
    if not shown:
        return {
            "theme": "reach",
            "figure": "Not yet",
            "sentence": "Too few network members in each group to compare with the local "
            "population without identifying them.",
        }
    under = sorted((r for r in shown if under_represented(r)), key=lambda r: r["ratio"])
    if not under:
        return {
            "theme": "reach",
            "figure": "None",
            "sentence": f"of the {len(shown)} groups whose figures may be shown is "
            "under-represented among network members against the local population.",
        }
    least = under[0]
    who = group_words(least["dimension"], least["category"]).lower()
    return {
        "theme": "reach",
        "figure": f"{len(under)} of {len(shown)}",
        "sentence": f"{'group' if len(shown) == 1 else 'groups'} whose figures may be shown "
        f"{'is' if len(under) == 1 else 'are'} under-represented among "
        f"network members against the local population; most of all {who}: "
        f"{least['share']:.0%} of members, {least['population_share']:.0%} of local people.",
    }


# What each monthly chart counts, for saying why one could not be drawn.
_CHART_COUNTS = {
    "experience_good": "answers rated good or very good, or the others,",
    "distinct_staff": "episodes",
    "very_urgent_seen_in_4_hours": "very urgent referrals seen late, or seen in time,",
}


def _months_since_not_shown(chart: dict[str, Any], as_of: str | None) -> str:
    """The months after the chart's last point, up to the last month that is over, that
    have no point at all: hidden, too few to publish (a fresh-eyes trial read the card's
    "in October" as the latest news when November was simply not shown)."""
    if not as_of or not chart.get("points"):
        return ""
    last = dt.date.fromisoformat(str(chart["points"][-1]["month"])[:10])
    over = dt.date.fromisoformat(as_of[:10]).replace(day=1)
    missing = []
    month = next_month(last)
    while month < over:
        missing.append(f"{month:%B %Y}")
        month = next_month(month)
    if not missing:
        return ""
    listed = " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
    return f" {listed}: not shown, too few to publish without the risk of identifying someone."


def not_drawn_words(evaluation: dict[str, Any], key: str) -> str:
    """Why the monthly chart ``key`` is not drawn, in words; "" when it is."""
    if key in evaluation.get("spc", {}):
        return ""
    why = evaluation.get("spc_not_drawn", {}).get(key)
    if not why or not why["months_hidden"]:
        return "Not enough months of figures yet to draw this chart: it needs at least 4."
    limit = evaluation["disclosure"]["suppress_at_most"]
    return (
        f"Not drawn: in {why['months_hidden']} of {why['months']} months the number of "
        f"{_CHART_COUNTS.get(key, 'people')} was between 1 and {limit}, too few to publish "
        "without the risk of identifying someone. A chart needs at least 4 months that can "
        "be shown. The table gives what can be published."
    )
