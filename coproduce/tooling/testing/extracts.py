"""Small hand-made analytics extracts for the evidence tests.

``write_extract_tables(folder, contacts=[...], ...)`` writes every table of the extract,
each from the rows given (dicts; missing columns empty) or empty, with the declared
schema, so a test states only the rows that matter to it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from coproduce.evidence.tables import SCHEMA, path_of, schema_of


def write_extract_tables(folder: Path, **tables: list[dict[str, Any]]) -> Path:
    unknown = set(tables) - set(SCHEMA)
    if unknown:
        raise ValueError(f"no such table: {', '.join(sorted(unknown))}")
    folder.mkdir(parents=True, exist_ok=True)
    for table in SCHEMA:
        schema = schema_of(table)
        rows = [{name: row.get(name) for name in schema.names} for row in tables.get(table, [])]
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), path_of(folder, table))
    return folder


def at(day: int, hour: int = 12, minute: int = 0, month: int = 3, year: int = 2025) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute)  # noqa: DTZ001 - wall-clock, as extracts hold
