"""``coproduce bench web`` (issue 25): at a small scale, that its simulated staff are signed
in as themselves and every page of every journey answers them (a 200, not a redirect to
the sign-in page), that each answer's server time is read, that the JSON has its keys,
and how the figures are summed up. No time is asserted."""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from coproduce.tooling.bench import web, web_journeys

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.same_on_every_database
def test_a_few_staff_follow_every_journey_with_no_error(tmp_path):
    said: list[str] = []
    static_before = set(Path(tempfile.gettempdir()).glob("coproduce-static-*"))
    result = web.run_staff(
        steps=[4, 6],
        step_seconds=6,
        spawn_rate=20,
        settle=1,
        processes=1,
        threads=4,
        profile="demo",
        think=(0.05, 0.2),  # seconds, so that a few people open every page
        say=said.append,
    )
    # Progress as each part ends: preparing, warming, each step's figures.
    assert said[0].startswith("Preparing PostgreSQL with the demo data")
    assert [line.split(" staff:")[0] for line in said if " staff: " in line] == ["4", "6"]
    # The server's folder (static files, its log) goes with the bench.
    assert set(Path(tempfile.gettempdir()).glob("coproduce-static-*")) <= static_before
    for key in (
        "staff_online_at_target",
        "stopped_early",
        "server_time_alone",
        "server_time_vs_shell",
        "server_time_vs_shell_at_first_step",
        "server_time_within_3x_of_shell",
        "steps",
        "data",
    ):
        assert key in result
    assert [step["staff_online"] for step in result["steps"]] == [4, 6]
    for step in result["steps"]:
        # Every request answered; a page's own mistake (a 500) is counted and reported,
        # not asserted here (the seeded data has voices the voice page fails on: issue 25).
        assert step["unanswered"] == 0, step["pages"]
        assert step["staff_simulated"] == step["staff_online"]
        for key in ("p50_ms", "p95_ms", "p99_ms", "rps", "errors", "server_median_ms"):
            assert all(key in page for page in step["pages"].values())
    first = result["steps"][0]["pages"]
    assert set(web_journeys.STAFF_PAGES) <= set(first)
    assert all(page["server_median_ms"] is not None for page in first.values())
    assert result["server_time_vs_shell_at_first_step"]["home (page shell)"] == 1.0
    assert all(r is not None for r in result["server_time_vs_shell_at_first_step"].values())
    # Every page asked alone, its Server-Timing read.
    assert set(result["server_time_vs_shell"]) == {*web_journeys.STAFF_PAGES, "public feedback"}
    assert result["server_time_vs_shell"]["home (page shell)"] == 1.0
    assert all(r is not None for r in result["server_time_vs_shell"].values())
    svg = web.chart(result)
    assert svg.startswith("<svg")
    assert "worklist" in svg
    assert "target 250 ms" in svg
    assert "staff online" in web.summary(result)


def test_staff_online_at_target_is_the_last_step_met_with_every_step_below_it():
    def step(staff, met):
        return {"staff_online": staff, "met": met}

    assert web.staff_online_at_target([step(250, True), step(500, True), step(1000, False)]) == 500
    # A step met above one missed does not count (noise, not capacity).
    assert web.staff_online_at_target([step(250, True), step(500, False), step(1000, True)]) == 250
    assert web.staff_online_at_target([step(250, False)]) == 0


def test_answers_are_summed_up_per_page_against_the_page_shell():
    answers: dict[str, list[Any]] = {
        "home (page shell)": [(10.0, 5.0, 1.0, 4, True, 200)] * 10,
        "worklist": [(40.0, 20.0, 8.0, 20, True, 200)] * 9 + [(3000.0, None, None, None, False, 0)],
        "voice": [(50.0, 30.0, 9.0, 16, True, 200), (60.0, None, None, None, False, 500)],
    }
    step = web_journeys.summarise(answers, seconds=10)
    assert step["requests"] == 22
    assert step["errors"] == 2
    assert step["unanswered"] == 1
    assert step["rps"] == 2.2
    assert step["pages"]["voice"]["error_statuses"] == {"500": 1}
    worklist = step["pages"]["worklist"]
    assert worklist["server_time_vs_shell"] == 4.0
    assert worklist["queries_median"] == 20
    assert worklist["p99_ms"] == 3000.0
    assert "unanswered" in web_journeys.fails_badly(step, limit_ms=2000)
    slow = web_journeys.summarise({"worklist": answers["worklist"][:9]}, seconds=10)
    assert "p95" in web_journeys.fails_badly(slow, limit_ms=30)
    assert (
        web_journeys.fails_badly(
            web_journeys.summarise({"x": answers["home (page shell)"]}, 1), 2000
        )
        == ""
    )


def test_server_timing_is_read_from_the_header():
    assert web_journeys.server_timing('app;dur=12.5, db;dur=3.0;desc="7 queries"') == (12.5, 3.0, 7)
    assert web_journeys.server_timing("") == (None, None, None)


def test_locust_stays_out_of_the_bench_process():
    """Locust patches the standard library (gevent) of a process that imports it: only
    the load generator's own process may."""
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [
            sys.executable,
            "-c",
            "import sys; from coproduce.tooling.bench import web; "
            "print(json.dumps(['locust' in sys.modules, 'gevent' in sys.modules]))".replace(
                "import sys;", "import json, sys;"
            ),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert json.loads(done.stdout) == [False, False]


def test_bad_steps_are_refused_with_a_clear_message():
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--steps must be whole numbers"):
        call_command("bench", "web", "--steps", "250,lots")
    with pytest.raises(CommandError, match="--steps must name at least one"):
        call_command("bench", "web", "--steps", "0")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["notify", "--workers", "0"], "--workers must be 1 or more, not 0"),
        (["notify", "--contributors", "-5"], "--contributors must be 1 or more, not -5"),
        (["notify", "--limit-per-minute", "0"], "--limit-per-minute must be 1 or more"),
        (["web", "--server-threads", "-1"], "--server-threads must be 1 or more, not -1"),
        (["web", "--server-processes", "0"], "--server-processes must be 1 or more"),
        (["web", "--steps", "10,,20"], "--steps must be whole numbers"),
        (["text", "--sentence-weight", "-1"], "--sentence-weight must be 0 or more"),
        (["text", "--baselines", "foo"], "--baselines takes svc, linear or none"),
        (["spark", "--extract", "."], "is not an extract: it has no episodes.parquet"),
    ],
)
def test_every_bench_refuses_a_bad_value_by_name_before_it_starts(args, message):
    """Found by issue 25's fresh-eyes trial: these started a benchmark (or ended in a
    traceback) instead of saying what was wrong."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("bench", *args)


def test_a_text_file_that_is_not_the_framework_csv_is_named(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    notes = tmp_path / "notes.csv"
    notes.write_text("a,b\n1,2\n")
    with pytest.raises(CommandError, match="cannot be read as a v6 framework CSV"):
        call_command("bench", "text", "--data", str(notes))


def test_sigterm_reaches_the_bench_as_an_interruption_so_its_clean_up_runs():
    """A bench stopped by SIGTERM (a timeout, systemd) left its PostgreSQL running: the
    signal now arrives as Ctrl-C does, through every ``finally`` and ``__exit__``."""
    import signal

    from coproduce.tooling.management.commands import bench

    cleaned = []

    def stopped_part_way() -> None:
        try:
            signal.raise_signal(signal.SIGTERM)
        finally:
            cleaned.append("stopped")

    previous = signal.signal(signal.SIGTERM, bench._interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            stopped_part_way()
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert cleaned == ["stopped"]


def test_the_load_generators_folder_goes_however_the_run_ends():
    """Its plan holds every simulated person's session: a bench stopped part way left it
    in /tmp (found by a fresh-eyes trial). A failure keeps only the log, to read."""
    folders: list[Path] = []

    def run(end: BaseException | None) -> None:
        with web.load_folder() as folder:
            folders.append(folder)
            (folder / "plan.json").write_text("{}")
            (folder / "locust.log").write_text("what went wrong")
            if end is not None:
                raise end

    run(None)
    with pytest.raises(KeyboardInterrupt):
        run(KeyboardInterrupt())
    with pytest.raises(RuntimeError):
        run(RuntimeError("the load generator failed"))
    finished, stopped, failed = folders
    assert not finished.exists()
    assert not stopped.exists()
    assert sorted(p.name for p in failed.iterdir()) == ["locust.log"]
    shutil.rmtree(failed)
