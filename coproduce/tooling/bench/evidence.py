"""``coproduce bench evidence --extract DIR --json``: the metric suite against its limits.

In one process, on the same Parquet files:

1. a bare DuckDB scan that reads, once, every column the suite reads (the near-limit:
   no engine can compute the suite faster than it can read its inputs);
2. the full metric suite on DuckDB (:func:`coproduce.evidence.suite.run_suite`);
3. the same metrics in pandas (:mod:`coproduce.tooling.bench.pandas_suite`), unless
   ``--no-pandas``.

Peak memory is the process's peak resident set (``ru_maxrss``) after each step; the
suite's own peak is read before pandas runs.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from coproduce.evidence.suite import SUITE_COLUMNS, open_extract, run_suite
from coproduce.evidence.tables import duckdb_connection, path_of, read_parquet_sql


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def bare_scan(directory: Path) -> float:
    """Seconds for DuckDB to read every suite column once. Each value is hashed: a plain
    min or count could be answered from the Parquet statistics without reading anything."""
    with duckdb_connection() as connection:
        started = time.perf_counter()
        for table, columns in SUITE_COLUMNS.items():
            reads = ", ".join(f'max(hash("{c}"))' for c in columns)
            source = read_parquet_sql(path_of(directory, table))
            query = f"select {reads} from {source}"  # noqa: S608 - our own columns and files
            connection.execute(query).fetchall()
        return time.perf_counter() - started


def run(directory: Path, *, pandas: bool = True) -> dict[str, Any]:
    started = time.perf_counter()
    extract = open_extract(directory, "duckdb")  # checked first: a broken one is refused
    check_seconds = time.perf_counter() - started
    rows = {
        table: pq.ParquetFile(path_of(directory, table)).metadata.num_rows
        for table in SUITE_COLUMNS
    }

    bare = bare_scan(directory)
    started = time.perf_counter()
    run_suite(extract)
    suite_seconds = time.perf_counter() - started
    suite_peak = peak_rss_bytes()

    pandas_seconds = None
    if pandas:
        from coproduce.tooling.bench.pandas_suite import run_pandas_suite

        started = time.perf_counter()
        run_pandas_suite(directory)
        pandas_seconds = time.perf_counter() - started
    return {
        "episodes": rows["episodes"],
        "contacts": rows["contacts"],
        "voices": rows["voices"],
        "referrals": rows["referrals"],
        "check_seconds": round(check_seconds, 2),
        "suite_seconds": round(suite_seconds, 2),
        "bare_scan_seconds": round(bare, 2),
        "suite_over_bare_scan": round(suite_seconds / bare, 2),
        "pandas_seconds": None if pandas_seconds is None else round(pandas_seconds, 2),
        "pandas_over_suite": None
        if pandas_seconds is None
        else round(pandas_seconds / suite_seconds, 2),
        "suite_peak_rss_bytes": suite_peak,
        "peak_rss_bytes": peak_rss_bytes(),
    }
