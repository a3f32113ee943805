"""The analytics extract: its tables, their columns and the links between them.

The extract is a folder of Parquet files, one per table. Everything the evidence
engine reads is declared here, so that an extract can be checked before any figure is
computed from it (:func:`check_extract`): a missing file, a missing column, a column of
the wrong kind or a row whose link leads nowhere stops the evaluation with a message
naming the file, the column and how many rows.

Person and staff keys are pseudonyms (a keyed hash, see ``extract.pseudonym``); there
are no names, NHS numbers, dates of birth or free text. Timestamps are wall-clock times
in the service's time zone, without an offset, so every engine puts a contact in the
same month.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from coproduce.care import targets

if TYPE_CHECKING:
    import duckdb

KEY = pa.int64()
TIME = pa.timestamp("us")
TEXT = pa.string()

# Age bands used everywhere an age is shown (the extract never holds a date of birth).
# The codes are the equality-monitoring ones (network.EqualityMonitoring.AgeBand).
AGE_BANDS = ("under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus")

# Referral urgency: the extract's words for the MHSDS Clinical Response Priority codes.
URGENCY_CODES = {"1": "emergency", "4": "very_urgent", "2": "urgent", "3": "routine"}
URGENCIES = tuple(URGENCY_CODES.values())
# "Seen within target" is reported for very urgent and urgent referrals (NHS England's
# crisis standard), in hours, against the targets the referral clock runs on.
URGENCY_TARGET_HOURS = {
    URGENCY_CODES[code]: hours
    for code, hours in targets.HOURS_TO_BE_SEEN.items()
    if URGENCY_CODES[code] in ("very_urgent", "urgent")
}
# Metrics counted by the month an episode began: not final until most have ended.
BY_EPISODE_START = frozenset({"continuity", "caseload"})
# A team with no arrival target of its own in the extract is held to the default.
ARRIVAL_TARGET_MINUTES = targets.ARRIVAL_MINUTES

SCHEMA: dict[str, dict[str, pa.DataType]] = {
    "teams": {
        "team_key": KEY,
        "team_name": TEXT,
        "region": TEXT,
        "arrival_target_minutes": pa.int32(),
    },
    "referrals": {
        "referral_key": KEY,
        "team_key": KEY,
        "person_key": KEY,
        "urgency": TEXT,
        "source": TEXT,
        "received_at": TIME,
        "seen_at": TIME,
    },
    "episodes": {
        "episode_key": KEY,
        "team_key": KEY,
        "person_key": KEY,
        "referral_key": KEY,
        "age_band": TEXT,
        "urgency": TEXT,
        "accepted_at": TIME,
        "closed_at": TIME,
        "discharge_destination": TEXT,
        "disengaged": pa.bool_(),
    },
    "contacts": {
        "contact_key": KEY,
        "episode_key": KEY,
        "staff_key": KEY,
        "occurred_at": TIME,
    },
    "dispatches": {
        "dispatch_key": KEY,
        "referral_key": KEY,
        "team_key": KEY,
        "dispatched_at": TIME,
        "arrived_at": TIME,
        "outcome": TEXT,
    },
    "voices": {
        "voice_key": KEY,
        "team_key": KEY,
        "received_at": TIME,
        "channel": TEXT,
        "rating": pa.int32(),
        "wants_outcome": pa.bool_(),
        "insight_at": TIME,
        "action_at": TIME,
        "update_at": TIME,
        "told_at": TIME,
    },
    "actions": {
        "action_key": KEY,
        "created_at": TIME,
        "due_on": pa.date32(),
        "done_at": TIME,
        "status": TEXT,
    },
    "reach": {
        "group": TEXT,  # "member" or "contributor"
        "age_band": TEXT,
        "ethnicity": TEXT,
        "deprivation_decile": pa.int32(),
    },
}

# Columns that must be filled in every row (the rest may be empty).
REQUIRED = {
    "teams": ("team_key", "team_name"),
    "referrals": ("referral_key", "team_key", "person_key", "urgency", "received_at"),
    "episodes": ("episode_key", "team_key", "person_key", "accepted_at", "disengaged"),
    "contacts": ("contact_key", "episode_key", "staff_key", "occurred_at"),
    "dispatches": ("dispatch_key", "referral_key", "team_key", "dispatched_at"),
    "voices": ("voice_key", "received_at", "channel", "wants_outcome"),
    "actions": ("action_key", "created_at", "status"),
    "reach": ("group",),
}

# (table, column) → (table, key it must name). Empty values are not links.
LINKS = {
    ("referrals", "team_key"): ("teams", "team_key"),
    ("episodes", "team_key"): ("teams", "team_key"),
    ("episodes", "referral_key"): ("referrals", "referral_key"),
    ("contacts", "episode_key"): ("episodes", "episode_key"),
    ("dispatches", "referral_key"): ("referrals", "referral_key"),
    ("dispatches", "team_key"): ("teams", "team_key"),
    ("voices", "team_key"): ("teams", "team_key"),
}

PRIMARY_KEYS = {
    "teams": "team_key",
    "referrals": "referral_key",
    "episodes": "episode_key",
    "contacts": "contact_key",
    "dispatches": "dispatch_key",
    "voices": "voice_key",
    "actions": "action_key",
}


# The order the contacts are written in: each episode's contacts together, in time, ties
# by contact key. The suite reads them in the file's order where it can (see
# ``suite.contacts_in_file_order``), so Sequential Continuity needs no sort.
CONTACTS_ORDER = ("episode_key", "occurred_at", "contact_key")


def schema_of(table: str) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in SCHEMA[table].items()])


def path_of(directory: Path, table: str) -> Path:
    return directory / f"{table}.parquet"


def _quoted(path: Path) -> str:
    """One of our own files' paths as an SQL string."""
    return "'" + str(path).replace("'", "''") + "'"


def read_parquet_sql(path: Path) -> str:
    """DuckDB's reader of one of our own Parquet files, for a query's FROM."""
    return f"read_parquet({_quoted(path)})"


@contextmanager
def duckdb_connection() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB connection for our own queries on the extract's files, with
    no progress bar, closed afterwards."""
    import duckdb

    connection = duckdb.connect()
    try:
        connection.execute("set enable_progress_bar = false")
        yield connection
    finally:
        connection.close()


def put_in_order(directory: Path, table: str, keys: tuple[str, ...]) -> None:
    """Rewrite a table's file sorted by ``keys``, by DuckDB (in parallel, spilling to disk
    rather than holding the table in memory); the file is replaced only once written."""
    path = path_of(directory, table)
    ordered = path.with_name(f".{path.name}.ordering")
    by = ", ".join(f'"{key}"' for key in keys)
    try:
        with duckdb_connection() as connection:
            connection.execute(
                f"copy (select * from {read_parquet_sql(path)} order by {by}) "  # noqa: S608
                f"to {_quoted(ordered)} (format parquet)"
            )
        ordered.replace(path)
    finally:
        ordered.unlink(missing_ok=True)


@dataclass(frozen=True)
class Problem:
    file: str
    column: str | None
    rows: int | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", column {self.column}" if self.column else "")
        rows = f" ({self.rows:,} rows)" if self.rows is not None else ""
        return f"{where}: {self.message}{rows}"


class ExtractError(Exception):
    """The extract cannot be evaluated; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def _compatible(found: pa.DataType, wanted: pa.DataType) -> bool:
    if found == wanted:
        return True
    if pa.types.is_integer(wanted) and pa.types.is_integer(found):
        return True
    if pa.types.is_timestamp(wanted) and pa.types.is_timestamp(found):
        return found.tz is None  # wall-clock times: an offset would move months
    if pa.types.is_string(wanted) and (
        pa.types.is_large_string(found) or pa.types.is_dictionary(found)
    ):
        return True
    return bool(pa.types.is_null(found))


def _check_rows(directory: Path, present: set[str]) -> list[Problem]:
    """Required values, unique keys and links, counted by DuckDB (in parallel, without
    holding whole columns in memory)."""
    with duckdb_connection() as connection:
        return _count_problems(connection, directory, present)


def _count_problems(
    connection: duckdb.DuckDBPyConnection, directory: Path, present: set[str]
) -> list[Problem]:
    problems: list[Problem] = []

    def source(table: str) -> str:
        return read_parquet_sql(path_of(directory, table))

    for table in sorted(present):
        name = path_of(directory, table).name
        key = PRIMARY_KEYS.get(table)
        counts = [f'count(*) - count("{column}")' for column in REQUIRED[table]]
        if key:
            counts.append(f'count("{key}") - count(distinct "{key}")')
        query = f"select {', '.join(counts)} from {source(table)}"  # noqa: S608
        row = connection.execute(query).fetchone() or (0,) * len(counts)
        for column, empty in zip(REQUIRED[table], row, strict=False):
            if empty:
                problems.append(Problem(name, column, empty, "empty in rows where it is required"))
        if key and row[-1]:
            problems.append(Problem(name, key, row[-1], "repeated key"))
    for (table, column), (target, target_key) in LINKS.items():
        if table not in present or target not in present:
            continue
        query = (
            f'select count(*) from {source(table)} as child where child."{column}" is not null '  # noqa: S608
            f"and not exists (select 1 from {source(target)} as parent "
            f'where parent."{target_key}" = child."{column}")'
        )
        found = connection.execute(query).fetchone()
        broken = found[0] if found else 0
        if broken:
            problems.append(
                Problem(
                    path_of(directory, table).name,
                    column,
                    broken,
                    f"names no row in {path_of(directory, target).name}",
                )
            )
    return problems


def check_extract(directory: Path) -> None:
    """Refuse an extract that would give wrong figures; say exactly what is wrong.

    Checks every declared file and column, the kinds of the columns, required values,
    unique keys and that every link names a row that exists. Reads only the key and
    required columns, a table at a time.
    """
    problems: list[Problem] = []
    present: dict[str, pq.ParquetFile] = {}
    if not directory.is_dir():
        raise ExtractError([Problem(str(directory), None, None, "no such folder")])
    for table, columns in SCHEMA.items():
        path = path_of(directory, table)
        if not path.exists():
            problems.append(Problem(path.name, None, None, "file missing"))
            continue
        try:
            parquet = pq.ParquetFile(path)
        except (OSError, pa.ArrowException) as error:
            problems.append(Problem(path.name, None, None, f"not a Parquet file ({error})"))
            continue
        schema = parquet.schema_arrow
        bad = False
        for name, kind in columns.items():
            index = schema.get_field_index(name)
            if index < 0:
                problems.append(Problem(path.name, name, None, "column missing"))
                bad = True
            elif not _compatible(schema.field(index).type, kind):
                problems.append(
                    Problem(
                        path.name, name, None, f"is {schema.field(index).type}, should be {kind}"
                    )
                )
                bad = True
        if not bad:
            present[table] = parquet
    problems += _check_rows(directory, set(present))
    if problems:
        raise ExtractError(problems)
