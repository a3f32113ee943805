"""One metric layer, several engines: DuckDB, Spark and the pandas comparison agree.

The national extract is written with its contacts in order, so DuckDB counts Sequential
Continuity in the file's order and Spark in a window ordered by time: the agreement test
holds the two ways to the same figures at this scale too."""

import pandas as pd
import pytest

from coproduce.evidence.suite import contacts_in_file_order, open_extract, run_suite
from coproduce.tooling.bench.pandas_suite import run_pandas_suite
from coproduce.tooling.synthetic.national import write_national

# Files and engines only: the test database is never opened.
pytestmark = pytest.mark.same_on_every_database


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    folder = tmp_path_factory.mktemp("national")
    write_national(folder, episodes=1500, seed=11)
    return folder


@pytest.fixture(scope="module")
def duckdb_results(extract):
    return run_suite(open_extract(extract, "duckdb"), as_of="2025-06-01")


def same(left, right, names):
    for name in names:
        pd.testing.assert_frame_equal(
            left[name], right[name][left[name].columns], check_dtype=False, rtol=1e-9, obj=name
        )


def test_the_national_extract_is_written_in_the_order_the_suite_reads_it(extract):
    assert contacts_in_file_order(open_extract(extract, "duckdb").tables["contacts"])


def test_duckdb_and_spark_give_the_same_figures(extract, duckdb_results):
    from coproduce.evidence.engines import spark_session

    spark = spark_session()
    spark_results = run_suite(open_extract(extract, "pyspark", spark=spark), as_of="2025-06-01")
    assert set(spark_results) == set(duckdb_results)
    assert all(len(frame) for frame in duckdb_results.values())
    same(duckdb_results, spark_results, duckdb_results)


def test_the_pandas_comparison_computes_the_same_metrics(extract, duckdb_results):
    pandas_results = run_pandas_suite(extract)
    same(duckdb_results, pandas_results, pandas_results)


def test_the_national_extract_has_the_seeds_effects_to_find(extract, duckdb_results):
    continuity = duckdb_results["continuity"]
    caseload = duckdb_results["caseload"]
    before = continuity[pd.to_datetime(continuity["month"]) < "2025-01-01"]
    after = continuity[
        (pd.to_datetime(continuity["month"]) >= "2025-01-01") & (continuity["team_key"] % 2 == 1)
    ]
    # Odd team keys are the teams that adopted a lead practitioner model.
    assert after["distinct_staff_sum"].sum() / after["episodes"].sum() < (
        before["distinct_staff_sum"].sum() / before["episodes"].sum()
    )
    assert caseload["median_days_to_discharge"].median() > 5
