"""``coproduce bench spark --extract DIR [--extract DIR …] --json``: DuckDB against a
real Spark cluster, the same published figures.

Starts a Spark standalone cluster on loopback (a master and two workers, from PySpark's
own scripts: :mod:`coproduce.tooling.spark_cluster`), then, for each extract, runs
``coproduce evaluate --backend duckdb`` and ``coproduce evaluate --backend pyspark`` with
``SPARK_MASTER=spark://127.0.0.1:PORT``, each as its own process, as a person would run
them, and times each whole command (starting Python, the extract's check, the suite, the
models unless ``--no-models``, the charts; for Spark, starting the driver's JVM and the
application's executors too). The two files are compared value by value, all but the
``backend`` key that names the engine: every published figure must be identical.

The cluster is stopped afterwards, however the run ends.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from coproduce.evidence.tables import path_of
from coproduce.tooling.spark_cluster import Cluster, standalone_cluster

# The national seed's declared change and a day after its last month, so both runs
# publish the same before-and-after and neither depends on today's date.
AS_OF = dt.date(2026, 1, 1)
CHANGE_DATE = dt.date(2025, 1, 1)


def differences(left: Any, right: Any, path: str = "", limit: int = 10) -> list[str]:
    """Where two JSON values differ (at most ``limit`` places), as paths."""
    found: list[str] = []

    def walk(a: Any, b: Any, at: str) -> None:
        if len(found) >= limit:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b), key=str):
                if key not in a or key not in b:
                    found.append(f"{at}/{key}: only in {'right' if key in b else 'left'}")
                else:
                    walk(a[key], b[key], f"{at}/{key}")
        elif isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                found.append(f"{at}: {len(a)} rows against {len(b)}")
            for i, (x, y) in enumerate(zip(a, b, strict=False)):
                walk(x, y, f"{at}/{i}")
        elif a != b or type(a) is not type(b):
            found.append(f"{at}: {a!r} against {b!r}")

    walk(left, right, path)
    return found[:limit]


def published(result: dict[str, Any]) -> dict[str, Any]:
    """The evaluation's JSON less the key that names the engine."""
    return {key: value for key, value in result.items() if key != "backend"}


def evaluate_command(extract: Path, backend: str, out: Path, *, models: bool) -> list[str]:
    command = [
        sys.executable,
        "-c",
        "from coproduce.cli import main; main()",
        "evaluate",
        "--extract",
        str(extract),
        "--backend",
        backend,
        "--out",
        str(out),
        "--as-of",
        AS_OF.isoformat(),
        "--change-date",
        CHANGE_DATE.isoformat(),
        "--ignore-saved-limits",  # the figures from the extract alone, no database
    ]
    return [*command, "--no-models"] if not models else command


def timed_evaluation(
    extract: Path,
    backend: str,
    folder: Path,
    *,
    models: bool,
    env: dict[str, str],
    cluster: Cluster | None = None,
) -> tuple[float, dict[str, Any]]:
    out = folder / f"{backend}.json"
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - this Python, our own command
        evaluate_command(extract, backend, out, models=models),
        # Only the cluster's SPARK_MASTER: DuckDB's run, and Spark's, never pick up one
        # from the caller's environment.
        env={**{k: v for k, v in os.environ.items() if k != "SPARK_MASTER"}, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        # The first errors say why (a Java trace's end rarely does), then the cluster's.
        errors = [line for line in done.stderr.splitlines() if "ERROR" in line or "Error" in line]
        raise RuntimeError(
            f"coproduce evaluate --backend {backend} failed on {extract} "
            f"(exit {done.returncode}). First errors:\n"
            + "\n".join(errors[:15])
            + f"\nLast lines:\n{done.stderr[-3000:]}"
            + (f"\nThe cluster's logs:\n{cluster.logs()}" if cluster else "")
        )
    return seconds, json.loads(out.read_text())


def compare(extract: Path, cluster: Cluster, *, models: bool = True) -> dict[str, Any]:
    """Both engines on one extract: their times and whether every figure is the same."""
    rows = {
        table: pq.ParquetFile(path_of(extract, table)).metadata.num_rows
        for table in ("episodes", "contacts", "voices")
    }
    # The machine's load (runnable processes, 1-minute average) before and after: on a
    # shared machine it moves the times more than anything here.
    load_before = round(os.getloadavg()[0], 1)
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-spark-") as scratch:
        folder = Path(scratch)
        duckdb_seconds, duckdb = timed_evaluation(extract, "duckdb", folder, models=models, env={})
        spark_seconds, spark = timed_evaluation(
            extract,
            "pyspark",
            folder,
            models=models,
            env=cluster.driver_environment(),
            cluster=cluster,
        )
    differ = differences(published(duckdb), published(spark))
    return {
        "extract": str(extract),
        **rows,
        "models": models,
        "duckdb_seconds": round(duckdb_seconds, 2),
        "spark_seconds": round(spark_seconds, 2),
        "spark_over_duckdb": round(spark_seconds / duckdb_seconds, 2),
        "load_average": [load_before, round(os.getloadavg()[0], 1)],
        "identical": not differ,
        "differences": differ,
        "metric_rows": sum(len(rows) for rows in duckdb["metrics"].values()),
        "spc_charts": sorted(duckdb["spc"]),
    }


def run(
    extracts: list[Path],
    *,
    models: bool = True,
    workers: int = 2,
    executor_memory: str = "3g",
) -> dict[str, Any]:
    with standalone_cluster(workers=workers, executor_memory=executor_memory) as cluster:
        runs = [compare(extract, cluster, models=models) for extract in extracts]
        return {
            "master": cluster.master_url,
            "workers": workers,
            "cores_per_worker": 1,
            "executor_memory": executor_memory,
            "driver_memory": os.environ.get("SPARK_DRIVER_MEMORY", "4g"),
            "cluster_start_seconds": cluster.started_seconds,
            "runs": runs,
            "all_identical": all(r["identical"] for r in runs),
        }
