"""A real Spark standalone cluster (a master and two workers on loopback, from PySpark's
own scripts) evaluates a small extract, and every published figure is DuckDB's.

The same code as ``coproduce bench spark``: the cluster of ``spark_cluster``, and
``coproduce evaluate`` run as commands by ``bench.spark.compare``. Spark needs Java 17 or
later (``scripts/test`` installs Debian's ``default-jre-headless``); without it the test
is skipped and says why."""

import json
import urllib.request

import pytest
from django.core.management import CommandError, call_command

from coproduce.tooling.bench import spark as spark_bench
from coproduce.tooling.spark_cluster import _alive, _processes_in, java_missing, standalone_cluster
from coproduce.tooling.synthetic.national import write_national

# Files, commands and a cluster: the test database is never opened.
pytestmark = [
    pytest.mark.same_on_every_database,
    pytest.mark.skipif(bool(java_missing()), reason=f"No Spark cluster: {java_missing()}"),
]


def test_a_standalone_cluster_publishes_the_figures_duckdb_does(tmp_path):
    extract = tmp_path / "national"
    write_national(extract, episodes=1500, seed=11)
    with standalone_cluster(workers=2, executor_memory="1g") as cluster:
        assert cluster.alive_workers() == 2
        result = spark_bench.compare(extract, cluster, models=True)
        with urllib.request.urlopen(f"{cluster.web_url}/json/", timeout=5) as answer:  # noqa: S310
            master = json.load(answer)
        folder, pids = cluster.folder, list(cluster.pids)

    # The evaluation ran on the cluster, not in a local Spark: the master ran it.
    assert [app["name"] for app in master["completedapps"]] == ["coproduce-evidence"]
    assert result["identical"], result["differences"]
    assert result["episodes"] == 1500
    assert result["metric_rows"] > 0
    assert result["spc_charts"]
    # Everything it started is stopped, and its folder (logs, pid files) gone.
    assert len(pids) == 3
    assert not [pid for pid in pids if _alive(pid)]
    assert not folder.exists()
    assert not _processes_in(folder)


def test_the_cluster_is_stopped_when_the_block_fails():
    pids = []

    def fail_inside_the_cluster():
        with standalone_cluster(workers=1, executor_memory="512m") as cluster:
            pids.extend(cluster.pids)
            raise RuntimeError("on purpose")

    with pytest.raises(RuntimeError, match="on purpose"):
        fail_inside_the_cluster()
    assert len(pids) == 2
    assert not [pid for pid in pids if _alive(pid)]


def test_the_comparison_names_where_two_evaluations_differ():
    left = {"backend": "duckdb", "metrics": {"caseload": [{"episodes": 10, "closed": 5}]}}
    right = {"backend": "pyspark", "metrics": {"caseload": [{"episodes": 10, "closed": 6}]}}
    assert spark_bench.differences(spark_bench.published(left), spark_bench.published(left)) == []
    assert spark_bench.differences(spark_bench.published(left), spark_bench.published(right)) == [
        "/metrics/caseload/0/closed: 5 against 6"
    ]
    # A whole number against the same as a decimal is a difference too (JSON keeps it).
    assert spark_bench.differences({"a": 1}, {"a": 1.0}) == ["/a: 1 against 1.0"]
    assert spark_bench.differences({"a": [1]}, {"a": [1, 2]}) == ["/a: 1 rows against 2"]


def test_the_bench_says_what_it_needs():
    with pytest.raises(CommandError, match="needs --extract DIR"):
        call_command("bench", "spark")
    with pytest.raises(CommandError, match="No extract folder at /nowhere"):
        call_command("bench", "spark", extract=["/nowhere"])
