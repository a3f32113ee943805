"""A broken extract is refused, naming the file, the column and how many rows; a
population table that does not add up is refused; nothing is written then."""

import datetime as dt
import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command

from coproduce.evidence.analysis import PopulationError, read_population
from coproduce.evidence.tables import CONTACTS_ORDER, ExtractError, check_extract, put_in_order
from coproduce.tooling.testing.extracts import at, write_extract_tables

TEAM = {"team_key": 1, "team_name": "Crisis team"}
EPISODE = {
    "episode_key": 1,
    "team_key": 1,
    "person_key": 5,
    "accepted_at": at(1),
    "disengaged": False,
}


def good(folder):
    return write_extract_tables(
        folder,
        teams=[TEAM],
        episodes=[EPISODE],
        contacts=[
            {"contact_key": k, "episode_key": 1, "staff_key": 9, "occurred_at": at(2)}
            for k in (1, 2, 3)
        ],
    )


def problems(folder):
    with pytest.raises(ExtractError) as caught:
        check_extract(folder)
    return [str(p) for p in caught.value.problems]


def test_a_good_extract_passes(tmp_path):
    check_extract(good(tmp_path))


def test_a_missing_table_is_named(tmp_path):
    folder = good(tmp_path)
    (folder / "voices.parquet").unlink()
    assert problems(folder) == ["voices.parquet: file missing"]


def test_a_missing_column_is_named(tmp_path):
    folder = good(tmp_path)
    table = pq.read_table(folder / "contacts.parquet").drop_columns(["staff_key"])
    pq.write_table(table, folder / "contacts.parquet")
    assert problems(folder) == ["contacts.parquet, column staff_key: column missing"]


def test_times_with_an_offset_are_refused(tmp_path):
    folder = good(tmp_path)
    table = pq.read_table(folder / "episodes.parquet")
    index = table.schema.get_field_index("accepted_at")
    table = table.set_column(
        index, "accepted_at", table.column("accepted_at").cast(pa.timestamp("us", tz="UTC"))
    )
    pq.write_table(table, folder / "episodes.parquet")
    assert problems(folder) == [
        "episodes.parquet, column accepted_at: is timestamp[us, tz=UTC], should be timestamp[us]"
    ]


def test_broken_links_and_empty_required_values_count_their_rows(tmp_path):
    folder = write_extract_tables(
        tmp_path,
        teams=[TEAM],
        episodes=[EPISODE],
        contacts=[
            {"contact_key": 1, "episode_key": 1, "staff_key": 9, "occurred_at": at(2)},
            {"contact_key": 2, "episode_key": 77, "staff_key": 9, "occurred_at": at(2)},
            {"contact_key": 3, "episode_key": 78, "staff_key": 9, "occurred_at": at(2)},
            {"contact_key": 3, "episode_key": 1, "staff_key": None, "occurred_at": at(2)},
        ],
    )
    assert problems(folder) == [
        "contacts.parquet, column staff_key: empty in rows where it is required (1 rows)",
        "contacts.parquet, column contact_key: repeated key (1 rows)",
        "contacts.parquet, column episode_key: names no row in episodes.parquet (2 rows)",
    ]


def test_evaluate_refuses_a_broken_extract_and_writes_nothing(tmp_path, db):
    folder = good(tmp_path / "x")
    (folder / "teams.parquet").unlink()
    out = tmp_path / "metrics.json"
    with pytest.raises(CommandError, match=r"(?s)Refused.*teams.parquet: file missing"):
        call_command("evaluate", extract=folder, out=out)
    assert not out.exists()


def test_evaluate_refuses_a_population_that_does_not_add_up(tmp_path):
    population = tmp_path / "population.csv"
    population.write_text(
        "dimension,category,people\nage_band,18_24,100\nage_band,25_34,50\nethnicity,white,140\n"
    )
    with pytest.raises(PopulationError, match=r"do not add up.*age_band 150, ethnicity 140"):
        read_population(str(population))
    with pytest.raises(CommandError, match="do not add up"):
        call_command(
            "evaluate",
            extract=good(tmp_path / "x"),
            out=tmp_path / "m.json",
            population=str(population),
        )
    population.write_text("dimension,category,people\nage_band,18_24,-3\n")
    with pytest.raises(PopulationError, match=r"whole number of 0 or more.*line 2"):
        read_population(str(population))
    population.write_text("dimension,category\nage_band,18_24\n")
    with pytest.raises(PopulationError, match=r"missing column.*people"):
        read_population(str(population))


def test_evaluate_writes_the_published_figures(tmp_path, db):
    folder = tmp_path / "national"
    call_command("seed", profile="national", out=folder, episodes=600, seed=3)
    population = tmp_path / "population.csv"
    population.write_text(
        "dimension,category,people\n"
        + "".join(f"deprivation_decile,{d},1000\n" for d in range(1, 11))
    )
    out = tmp_path / "metrics.json"
    call_command(
        "evaluate",
        extract=folder,
        out=out,
        change_date="2025-01-01",
        population=str(population),
        as_of="2026-01-01",
    )
    result = json.loads(out.read_text())
    assert result["as_of"] == "2026-01-01"
    # Counts of people; actions are things, published exactly (evidence/tests/
    # test_disclosure.py::test_actions_are_counted_exactly_as_they_are_not_people).
    counts = [
        value
        for metric, rows in result["metrics"].items()
        if metric != "actions"
        for row in rows
        for key, value in row.items()
        if key
        not in {
            "team_key",
            "month",
            "channel",
            "urgency",
            "status",
            "group",
            "dimension",
            "category",
        }
        and isinstance(value, int)
        and not isinstance(value, bool)
    ]
    assert counts
    assert not any(1 <= v <= 7 for v in counts)
    assert all(v % 5 == 0 for v in counts)
    assert {"experience_good", "distinct_staff"} <= set(result["spc"])
    assert result["time_on_caseload"]["cox"]["estimate"] < 1  # more staff, slower discharge
    assert result["time_on_caseload"]["disengagement"]["estimate"] > 1
    reach = result["reach_against_population"]
    assert {r["dimension"] for r in reach} == {"deprivation_decile"}
    first = result["before_after"]["measures"][0]
    assert first["measure"] == "admissions within 30 days"


def test_dates_are_checked(tmp_path):
    with pytest.raises(CommandError, match="'2025-13-01' is not a date"):
        call_command(
            "evaluate", extract=good(tmp_path), out=tmp_path / "m.json", change_date="2025-13-01"
        )


def test_the_national_profile_and_the_benchmark_say_what_they_need(tmp_path, db):
    with pytest.raises(CommandError, match="give --out DIR"):
        call_command("seed", profile="national")
    with pytest.raises(CommandError, match="at least 100"):
        call_command("seed", profile="national", out=tmp_path / "n", episodes=10)
    with pytest.raises(CommandError, match="needs --extract DIR"):
        call_command("bench", "evidence")
    folder = good(tmp_path / "x")
    (folder / "voices.parquet").unlink()
    with pytest.raises(CommandError, match=r"Refused: voices.parquet: file missing"):
        call_command("bench", "evidence", extract=folder, no_pandas=True)


def test_the_bench_reports_its_figures_on_a_small_extract(tmp_path, capsys):
    folder = tmp_path / "national"
    call_command("seed", profile="national", out=folder, episodes=300, seed=4)
    capsys.readouterr()
    call_command("bench", "evidence", extract=folder, json=True)
    result = json.loads(capsys.readouterr().out)
    assert result["episodes"] == 300
    assert result["contacts"] > 300
    assert result["suite_seconds"] > 0
    assert result["pandas_seconds"] > 0
    assert result["peak_rss_bytes"] >= result["suite_peak_rss_bytes"] > 0


def test_putting_contacts_in_order_loses_nothing_when_it_fails(tmp_path):
    folder = write_extract_tables(
        tmp_path / "x",
        teams=[TEAM],
        episodes=[EPISODE],
        contacts=[
            {"contact_key": k, "episode_key": 1, "staff_key": 7, "occurred_at": at(9 - k)}
            for k in (1, 2, 3)
        ],
    )
    path = folder / "contacts.parquet"
    before = path.read_bytes()
    with pytest.raises(duckdb.Error, match="no_such_column"):
        put_in_order(folder, "contacts", ("episode_key", "no_such_column"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []
    put_in_order(folder, "contacts", CONTACTS_ORDER)
    assert pq.read_table(path).column("contact_key").to_pylist() == [3, 2, 1]
    check_extract(folder)


def test_evaluate_follows_the_limits_people_set_in_the_app(tmp_path, db):
    # Found by the fresh-eyes trial: the page followed a chart's recalculation, the
    # command's file did not.
    from coproduce.evidence.models import LimitBaseline, LimitRecalculation
    from coproduce.tooling.testing.factories import UserFactory

    folder = tmp_path / "national"
    call_command("seed", profile="national", out=folder, episodes=600, seed=3)
    analyst = UserFactory()
    LimitRecalculation.objects.create(
        chart="distinct_staff",
        month=dt.date(2025, 6, 1),
        reason="Lead practitioners",
        set_by=analyst,
    )
    LimitBaseline.objects.create(chart="experience_good", months=12, set_by=analyst)
    out = tmp_path / "metrics.json"
    call_command("evaluate", extract=folder, out=out, no_models=True)
    spc = json.loads(out.read_text())["spc"]
    # With the trust's declared change too (the demo's, here), as on the page: found by
    # the third fresh-eyes trial of issue 20, where evaluate left it out unless given.
    assert {r["reason"] for r in spc["distinct_staff"]["recalculations"]} == {
        "Lead practitioners",
        "The trust's declared change",
    }
    assert spc["experience_good"]["fixed_after"] == 12
    call_command("evaluate", extract=folder, out=out, no_models=True, ignore_saved_limits=True)
    spc = json.loads(out.read_text())["spc"]
    assert spc["distinct_staff"]["recalculations"] == []
    assert spc["experience_good"]["fixed_after"] is None
