"""The metric suite, written once in Ibis and run on DuckDB or Spark.

Each metric is a function from the extract's tables to one Ibis expression, grouped by
team and calendar month; :func:`run_suite` executes them on the backend the tables came
from and returns plain pandas frames, raw (before disclosure control). The definitions
are written out for people in docs/metrics.md; the names here are the same.

Engine-neutral on purpose: only operations both backends compile the same way (exact
medians, window ``lag`` ordered by a unique key, integer sums of conditions), so DuckDB
and Spark give the same figures; a test holds them to it.

One shortcut, on DuckDB only: Sequential Continuity needs each episode's contacts in
time order. The extract writes them in that order (``tables.CONTACTS_ORDER``), and
DuckDB keeps a file's order for a window with no order of its own (its documented order
preservation), so when a check of every row against the one before it finds the file in
order, the successions are counted in the file's order with no sort (about 0.7 s
against 4 s for 25 million contacts). Otherwise, and always on Spark, they are counted
in a window ordered by time; tests hold both ways to the same figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from coproduce.evidence.metrics import ANSWERS, POSITIVE
from coproduce.evidence.tables import (
    ARRIVAL_TARGET_MINUTES,
    SCHEMA,
    URGENCY_TARGET_HOURS,
    check_extract,
    path_of,
)

DAY = 86_400
Tables = dict[str, ir.Table]


@dataclass(frozen=True)
class Extract:
    backend: str
    connection: Any
    tables: Tables


def connect(backend: str = "duckdb", *, spark: Any = None) -> Any:
    if backend == "duckdb":
        connection = ibis.duckdb.connect()
        connection.raw_sql("set enable_progress_bar = false")
        return connection
    if backend == "pyspark":
        from coproduce.evidence.engines import spark_session

        return ibis.pyspark.connect(spark or spark_session())
    raise ValueError(f"unknown backend {backend!r}: use duckdb or pyspark")


def open_extract(directory: Path, backend: str = "duckdb", *, spark: Any = None) -> Extract:
    """Check the extract (refusing a broken one), then open its tables on ``backend``."""
    check_extract(directory)
    connection = connect(backend, spark=spark)
    tables = {
        name: connection.read_parquet(str(path_of(directory, name)), table_name=name)
        for name in SCHEMA
    }
    return Extract(backend, connection, tables)


def _month(column: ir.TimestampValue) -> ir.DateValue:
    return column.truncate("M").cast("date")


def _team(table: ir.Table, by_team: bool) -> ir.IntegerValue:
    """Group by team, or put every row in one group (team 0: the whole extract)."""
    return table.team_key if by_team else ibis.literal(0, type="int64")


def _count(condition: ir.BooleanValue) -> ir.IntegerScalar:
    # An unknown (null) condition is not counted: a missing time is not "within target".
    return condition.fill_null(False).cast("int64").sum()


def _seconds_between(start: ir.TimestampValue, end: ir.TimestampValue) -> ir.IntegerValue:
    # Whole seconds: Spark's epoch drops fractions of a second, DuckDB's keeps them.
    return end.epoch_seconds().floor() - start.epoch_seconds().floor()


def experience(t: Tables, by_team: bool = True) -> ir.Table:
    """Friends and Family Test answers and those good or very good, as ``metrics`` defines
    them (``ANSWERS``, ``POSITIVE``)."""
    v = t["voices"]
    rated = v.filter(v.rating.isin(sorted(ANSWERS)))
    return rated.group_by(
        team_key=_team(rated, by_team), month=_month(rated.received_at), channel=rated.channel
    ).agg(responses=rated.count(), positive=_count(rated.rating.isin(sorted(POSITIVE))))


def contacts_in_file_order(contacts: ir.Table) -> bool:
    """Whether every contact, read in the file's order, comes after the one before it in
    ``tables.CONTACTS_ORDER`` (episode, then time, then contact key). DuckDB only: it
    keeps a file's order for a window with no order (``ibis.window()``)."""
    c, w = contacts, ibis.window()
    episode, time, key = (c[n].lag().over(w) for n in ("episode_key", "occurred_at", "contact_key"))
    after = (c.episode_key > episode) | (
        (c.episode_key == episode)
        & ((c.occurred_at > time) | ((c.occurred_at == time) & (c.contact_key > key)))
    )
    marked = c.select(after=after.fill_null(False))
    # The first row has no row before it; any other row not after its predecessor (or
    # with a missing value) means the file is not in order.
    not_after = int(_count(~marked.after).execute() or 0)
    return not_after <= 1


def _successions(c: ir.Table, in_file_order: bool) -> ir.BooleanColumn:
    """For each contact: was the contact before it in the same episode, in time, with the
    same member of staff?"""
    if in_file_order:
        w = ibis.window()
        previous_episode, previous_staff = c.episode_key.lag().over(w), c.staff_key.lag().over(w)
        same = (c.episode_key == previous_episode) & (c.staff_key == previous_staff)
    else:
        ordered = ibis.window(group_by=c.episode_key, order_by=[c.occurred_at, c.contact_key])
        same = c.staff_key == c.staff_key.lag().over(ordered)
    return same.fill_null(False)


def continuity_by_episode(t: Tables, in_file_order: bool = False) -> ir.Table:
    """Per episode: contacts N, distinct staff, Σ n_j², max n_j and same-staff successions.

    One pass in time order marks each contact seen by the same member of staff as the one
    before it (``in_file_order`` only where :func:`contacts_in_file_order` says so); two
    groupings then count per member of staff and per episode.
    """
    c = t["contacts"]
    marked = c.mutate(same=_successions(c, in_file_order))
    per_staff = marked.group_by([marked.episode_key, marked.staff_key]).agg(
        n=marked.count(), same=marked.same.cast("int64").sum()
    )
    return per_staff.group_by(per_staff.episode_key).agg(
        contacts=per_staff.n.sum(),
        distinct_staff=per_staff.count(),
        sum_squares=(per_staff.n * per_staff.n).sum(),
        most_with_one=per_staff.n.max(),
        same_as_previous=per_staff.same.sum(),
    )


def continuity(t: Tables, by_team: bool = True, in_file_order: bool = False) -> ir.Table:
    """By team and month accepted: episodes with contacts, distinct staff and the indices.

    Bice-Boxerman COC = (Σ n_j² - N) / (N (N - 1)); Usual Provider of Care = max n_j / N;
    Sequential Continuity = same-staff successions / (N - 1). COC and SECON need N ≥ 2.
    Sums are returned with their counts so means can be recombined and disclosed.
    """
    e = t["episodes"]
    per = continuity_by_episode(t, in_file_order)
    joined = e.join(per, "episode_key")
    n = joined.contacts.cast("float64")
    multi = joined.contacts >= 2
    coc = ((joined.sum_squares - joined.contacts) / (n * (n - 1))).nullif(float("inf"))
    secon = joined.same_as_previous / (n - 1)
    return joined.group_by(team_key=_team(joined, by_team), month=_month(joined.accepted_at)).agg(
        episodes=joined.count(),
        contacts=joined.contacts.sum(),
        distinct_staff_sum=joined.distinct_staff.sum(),
        upc_sum=(joined.most_with_one / n).sum(),
        multi_contact_episodes=_count(multi),
        coc_sum=multi.ifelse(coc, 0.0).sum(),
        secon_sum=multi.ifelse(secon, 0.0).sum(),
    )


def caseload(t: Tables, by_team: bool = True) -> ir.Table:
    """By team and month accepted: episodes, closed, median days to discharge, disengaged."""
    e = t["episodes"]
    days = _seconds_between(e.accepted_at, e.closed_at) / DAY
    return e.group_by(team_key=_team(e, by_team), month=_month(e.accepted_at)).agg(
        episodes=e.count(),
        closed=_count(e.closed_at.notnull()),
        median_days_to_discharge=days.median(),
        disengaged=_count(e.disengaged),
        admitted_within_30_days=_count(
            (e.discharge_destination == "admitted")
            & (_seconds_between(e.accepted_at, e.closed_at) <= 30 * DAY)
        ),
    )


def response(t: Tables, by_team: bool = True) -> ir.Table:
    """Very urgent and urgent referrals seen within their targets (``URGENCY_TARGET_HOURS``:
    4 and 24 hours); median hours to be seen."""
    r = t["referrals"]
    targeted = r.filter(r.urgency.isin(list(URGENCY_TARGET_HOURS)))
    hours = _seconds_between(targeted.received_at, targeted.seen_at) / 3600
    target = targeted.urgency.cases(*URGENCY_TARGET_HOURS.items())
    return targeted.group_by(
        team_key=_team(targeted, by_team),
        month=_month(targeted.received_at),
        urgency=targeted.urgency,
    ).agg(
        referrals=targeted.count(),
        seen=_count(targeted.seen_at.notnull()),
        seen_within_target=_count(targeted.seen_at.notnull() & (hours <= target)),
        median_hours_to_seen=hours.median(),
    )


def vehicle(t: Tables, by_team: bool = True) -> ir.Table:
    """Response vehicle: dispatches, arrivals within the team's target (by default
    ``ARRIVAL_TARGET_MINUTES``, 45),
    median minutes from dispatch to arrival, and the outcomes avoided."""
    d, teams = t["dispatches"], t["teams"]
    joined = d.join(teams, "team_key")
    minutes = _seconds_between(joined.dispatched_at, joined.arrived_at) / 60
    target = joined.arrival_target_minutes.fill_null(ARRIVAL_TARGET_MINUTES)
    recorded = joined.outcome.notnull()
    return joined.group_by(team_key=_team(joined, by_team), month=_month(joined.dispatched_at)).agg(
        dispatches=joined.count(),
        arrived=_count(joined.arrived_at.notnull()),
        arrived_within_target=_count(joined.arrived_at.notnull() & (minutes <= target)),
        median_minutes_to_arrive=minutes.median(),
        outcome_recorded=_count(recorded),
        conveyed_ae=_count(joined.outcome == "conveyed_ae"),
        police_needed=_count(joined.outcome == "police_needed"),
    )


def voices_by_channel(t: Tables, by_team: bool = True) -> ir.Table:
    v = t["voices"]
    return v.group_by(
        team_key=_team(v, by_team), month=_month(v.received_at), channel=v.channel
    ).agg(voices=v.count())


def thread(t: Tables, by_team: bool = True) -> ir.Table:
    """The golden thread's pace and its last step, by month the voice was received:
    median days voice → insight → action → update, and consenting contributors told."""
    v = t["voices"]
    return v.group_by(team_key=_team(v, by_team), month=_month(v.received_at)).agg(
        voices=v.count(),
        in_an_insight=_count(v.insight_at.notnull()),
        median_days_to_insight=(_seconds_between(v.received_at, v.insight_at) / DAY).median(),
        median_days_insight_to_action=(_seconds_between(v.insight_at, v.action_at) / DAY).median(),
        median_days_action_to_update=(_seconds_between(v.action_at, v.update_at) / DAY).median(),
        owed_outcome=_count(v.wants_outcome & v.update_at.notnull()),
        told_outcome=_count(v.wants_outcome & v.update_at.notnull() & v.told_at.notnull()),
    )


def actions(t: Tables, as_of: ir.Scalar | None = None) -> ir.Table:
    """Actions by status; overdue as ``change.models.ActionQuerySet.overdue`` defines it
    (not done, due before the day), counted on the extract."""
    a = t["actions"]
    today = as_of if as_of is not None else ibis.today()
    return a.group_by(status=a.status).agg(
        actions=a.count(), overdue=_count((a.status != "done") & (a.due_on < today))
    )


def reach(t: Tables, by_team: bool = True) -> ir.Table:
    r = t["reach"]
    long = ibis.union(
        r.select(group=r.group, dimension=ibis.literal("age_band"), category=r.age_band),
        r.select(group=r.group, dimension=ibis.literal("ethnicity"), category=r.ethnicity),
        r.select(
            group=r.group,
            dimension=ibis.literal("deprivation_decile"),
            category=r.deprivation_decile.cast("string"),
        ),
    )
    return long.group_by(["group", "dimension", "category"]).agg(people=long.count())


METRICS: dict[str, Callable[[Tables, bool], ir.Table]] = {
    "experience": experience,
    "continuity": continuity,
    "caseload": caseload,
    "response": response,
    "vehicle": vehicle,
    "voices_by_channel": voices_by_channel,
    "thread": thread,
    "reach": reach,
}
ORDER = {
    "experience": ["team_key", "month", "channel"],
    "continuity": ["team_key", "month"],
    "caseload": ["team_key", "month"],
    "response": ["team_key", "month", "urgency"],
    "vehicle": ["team_key", "month"],
    "voices_by_channel": ["team_key", "month", "channel"],
    "thread": ["team_key", "month"],
    "reach": ["group", "dimension", "category"],
    "actions": ["status"],
}


# Every column the suite reads, by table.
SUITE_COLUMNS = {
    "teams": ["team_key", "arrival_target_minutes"],
    "referrals": ["team_key", "urgency", "received_at", "seen_at"],
    "episodes": [
        "episode_key",
        "team_key",
        "accepted_at",
        "closed_at",
        "discharge_destination",
        "disengaged",
    ],
    "contacts": ["contact_key", "episode_key", "staff_key", "occurred_at"],
    "dispatches": ["team_key", "dispatched_at", "arrived_at", "outcome"],
    "voices": [
        "team_key",
        "received_at",
        "channel",
        "rating",
        "wants_outcome",
        "insight_at",
        "action_at",
        "update_at",
        "told_at",
    ],
    "actions": ["status", "due_on"],
    "reach": ["group", "age_band", "ethnicity", "deprivation_decile"],
}


def run_suite(
    extract: Extract, *, as_of: Any = None, by_team: bool = True
) -> dict[str, pd.DataFrame]:
    """Every metric executed on the extract's backend, each as a sorted pandas frame;
    by team and month, or (``by_team=False``) by month for the whole extract."""
    results: dict[str, pd.DataFrame] = {}
    in_file_order = extract.backend == "duckdb" and contacts_in_file_order(
        extract.tables["contacts"]
    )
    for name, metric in METRICS.items():
        if metric is continuity:
            expression = continuity(extract.tables, by_team, in_file_order)
        else:
            expression = metric(extract.tables, by_team)
        results[name] = _sorted(expression.to_pandas(), ORDER[name])
    today = ibis.literal(as_of) if as_of is not None else None
    results["actions"] = _sorted(actions(extract.tables, today).to_pandas(), ORDER["actions"])
    return results


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    for key in keys:
        if key == "month":
            frame[key] = pd.to_datetime(frame[key]).dt.date
    return frame.sort_values(keys, na_position="first").reset_index(drop=True)
