"""Nightly backups you can trust (issue 24, hazard H59): the folder is checked at start-up,
each backup is owner-only and written whole or not at all, only the newest
COPRODUCE_BACKUP_KEEP are kept, and last night's file restores into an empty PostgreSQL
database with the same rows and a whole audit trail (the drill an operator runs)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command

from coproduce.care.models import Person
from coproduce.privacy import backup
from coproduce.tooling.testing.factories import PersonFactory
from coproduce.tooling.testing.postgres import TemporaryPostgres
from coproduce.web.tests.test_shell import PRODUCTION

ROOT = Path(__file__).resolve().parents[3]
COPRODUCE = [sys.executable, "-c", "from coproduce.cli import main; main()"]
NAME = re.compile(r"coproduce-(\d{8}T\d{6}Z)\.json\.gz")


def clean_environment(**env: str) -> dict[str, str]:
    """This test run's environment without its own settings, plus ``env``."""
    kept = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("COPRODUCE_", "DJANGO_"))
        and k not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    return {**kept, **env}


def start(
    env: dict[str, str], without_privileges: bool = False, command: tuple[str, ...] = ("check",)
) -> subprocess.CompletedProcess[str]:
    """Start a coproduce command (``check`` unless told) with these settings, as the service
    would (the settings are read)."""
    line = [sys.executable, "-c", "from coproduce.cli import main; main()", *command]
    if without_privileges and os.geteuid() == 0:
        # Root may write any folder (CAP_DAC_OVERRIDE), whatever its mode says. The
        # service runs as its own user; so that root meets the folder's mode as that user
        # would, the check runs as root with every capability dropped (util-linux setpriv).
        line = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--", *line]
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        line,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


@pytest.mark.same_on_every_database  # settings only: the check never reaches a database
def test_a_backup_folder_that_is_missing_not_a_folder_or_not_writable_stops_start_up(tmp_path):
    database = f"sqlite:///{tmp_path / 'never-made.sqlite3'}"
    production = {**PRODUCTION, "DATABASE_URL": database}
    without = {k: v for k, v in production.items() if k != "COPRODUCE_BACKUP_DIR"}
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)  # whatever the umask
    cases = [
        (without, False, "COPRODUCE_BACKUP_DIR must be set in the environment in production"),
        (
            {**production, "COPRODUCE_BACKUP_DIR": str(tmp_path / "missing")},
            False,
            f"COPRODUCE_BACKUP_DIR is {tmp_path / 'missing'}, which does not exist",
        ),
        (
            {**production, "COPRODUCE_BACKUP_DIR": str(a_file)},
            False,
            f"COPRODUCE_BACKUP_DIR is {a_file}, which is not a folder",
        ),
        (
            {**production, "COPRODUCE_BACKUP_DIR": str(locked)},
            True,
            f"COPRODUCE_BACKUP_DIR is {locked}, which this process cannot write to "
            "(Permission denied)",
        ),
        # Outside production the folder is optional, but checked when it is given.
        (
            {"COPRODUCE_ENV": "demo", "COPRODUCE_BACKUP_DIR": str(locked)},
            True,
            f"COPRODUCE_BACKUP_DIR is {locked}, which this process cannot write to",
        ),
        (
            {**production, "COPRODUCE_BACKUP_DIR": str(tmp_path), "COPRODUCE_BACKUP_KEEP": "0"},
            False,
            "COPRODUCE_BACKUP_KEEP must be 1 or more, not 0",
        ),
        (
            {
                **production,
                "COPRODUCE_BACKUP_DIR": str(tmp_path),
                "COPRODUCE_BACKUP_KEEP": "a week",
            },
            False,
            "COPRODUCE_BACKUP_KEEP must be a whole number",
        ),
    ]
    for env, without_privileges, message in cases:
        done = start(env, without_privileges)
        assert done.returncode == 2, (message, done.stdout, done.stderr)
        assert f"coproduce cannot start: {message}" in done.stderr
        assert "Traceback" not in done.stderr
    # The same folder once writable is accepted, and the check leaves nothing in it.
    locked.chmod(0o700)
    done = start({**production, "COPRODUCE_BACKUP_DIR": str(locked)}, without_privileges=True)
    assert done.returncode == 0, done.stderr
    assert list(locked.iterdir()) == []


@pytest.mark.same_on_every_database  # settings only: the commands never reach a database
def test_an_unwritable_backup_folder_never_stops_a_risk_alerts_escalation(tmp_path):
    """A backup disk that fails on a live server stops the nightly backup, not the crisis
    service's other work: the worker, the escalations and the minute's jobs start, and
    say what is wrong; the web server and the backup refuse, naming it."""
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    env = {
        **PRODUCTION,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'never-made.sqlite3'}",
        "COPRODUCE_BACKUP_DIR": str(locked),
    }

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return start(env, without_privileges=True, command=command)

    problem = f"COPRODUCE_BACKUP_DIR is {locked}, which this process cannot write to"
    carries_on = run("escalate-alerts", "--help")
    assert carries_on.returncode == 0, carries_on.stderr
    assert problem in carries_on.stderr
    assert "Nightly backups will fail until it is fixed; escalate-alerts carries on." in (
        carries_on.stderr
    )
    for command in ("serve", "backup"):
        refused = run(command, "--help")
        assert refused.returncode == 2
        assert f"coproduce cannot start: {problem}" in refused.stderr


@pytest.mark.same_on_every_database  # a folder only
def test_the_unwritable_check_is_real_even_for_root(tmp_path):
    # The folder the refusal above is proved on really cannot be written by the process
    # that checks it (so the refusal is not the check's mistake).
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    command = ["sh", "-c", f"touch {locked}/x"]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--", *command]
    assert subprocess.run(command, capture_output=True, check=False, timeout=30).returncode != 0  # noqa: S603
    assert list(locked.iterdir()) == []


def nightly_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if NAME.fullmatch(p.name))


def test_the_nightly_backup_is_owner_only_and_keeps_the_newest_n_and_nothing_else_goes(
    db, tmp_path, settings
):
    PersonFactory.create_batch(3)
    settings.BACKUP_DIR = tmp_path
    settings.BACKUP_KEEP = 3
    # Four nights already there (copies of a real backup, named for those nights) …
    first = tmp_path / "coproduce-20261101T020000Z.json.gz"
    backup.backup(first)
    older = [first]
    for night in ("20261102", "20261103", "20261104"):
        copy = tmp_path / f"coproduce-{night}T020000Z.json.gz"
        copy.write_bytes(first.read_bytes())
        older.append(copy)
    # … and other files, which are never the backup's to remove.
    others = {
        "notes.txt": b"the operator's notes",
        "coproduce-manual.json.gz": b"a backup made by hand with --out",
        "coproduce-20261001T020000Z.json.gz.part": b"half a file",
        "coproduce-20261001T020000Z.json.gz.sig": b"a signature",
    }
    for name, content in others.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "coproduce-20261001T020000Z.json.gz.d").mkdir()

    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    out = io.StringIO()
    call_command("backup", nightly=True, stdout=out)
    after = dt.datetime.now(dt.UTC)

    names = nightly_names(tmp_path)
    assert len(names) == 3
    assert names[:2] == ["coproduce-20261103T020000Z.json.gz", "coproduce-20261104T020000Z.json.gz"]
    made = dt.datetime.strptime(NAME.fullmatch(names[2])[1], "%Y%m%dT%H%M%SZ").replace(
        tzinfo=dt.UTC
    )
    assert before <= made <= after  # named for when it was made, in UTC
    newest = tmp_path / names[2]
    assert stat.S_IMODE(newest.stat().st_mode) == 0o600
    for name, content in others.items():
        assert (tmp_path / name).read_bytes() == content
    assert (tmp_path / "coproduce-20261001T020000Z.json.gz.d").is_dir()
    # No temporary file is left beside them.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".coproduce-backup-")]
    said = out.getvalue()
    assert f"to {newest}." in said
    assert "Kept 3 backups (COPRODUCE_BACKUP_KEEP=3)" in said
    assert (
        "Removed 2 older: coproduce-20261101T020000Z.json.gz, coproduce-20261102T020000Z.json.gz."
        in said
    )

    # restore --latest takes the newest and says which.
    Person.objects.all().delete()
    out = io.StringIO()
    call_command("restore", latest=True, replace=True, stdout=out)
    assert f"Restoring the newest backup, {newest}." in out.getvalue()
    assert Person.objects.count() == 3


def test_a_backup_to_a_named_file_is_owner_only_too(db, tmp_path):
    call_command("backup", out=tmp_path / "by-hand.json.gz", stdout=io.StringIO())
    assert stat.S_IMODE((tmp_path / "by-hand.json.gz").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["by-hand.json.gz"]


def test_restore_latest_refuses_clearly_when_there_is_nothing_to_restore(db, tmp_path, settings):
    settings.BACKUP_DIR = tmp_path
    (tmp_path / "notes.txt").write_text("not a backup")
    with pytest.raises(CommandError, match=r"There is no backup in .* Nothing was changed"):
        call_command("restore", latest=True)
    settings.BACKUP_DIR = None
    with pytest.raises(CommandError, match="COPRODUCE_BACKUP_DIR is not set"):
        call_command("restore", latest=True)
    with pytest.raises(CommandError, match="COPRODUCE_BACKUP_DIR is not set"):
        call_command("backup", nightly=True)


def coproduce(
    env: dict[str, str], *args: str, limit_file_bytes: int = 0
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        # A real failure part-way through writing: the disk refuses to let the file grow
        # (as a full disk would), and the process is told so rather than killed.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [*COPRODUCE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=ROOT,
        preexec_fn=limit if limit_file_bytes else None,
    )


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
            if table != "django_session"  # sessions are not backed up: everyone signs in again
        }


def records(url: str) -> dict[str, list[tuple[object, ...]]]:
    with psycopg.connect(url) as connection:
        return {
            "people": connection.execute(
                "SELECT id, nhs_number, given_name, family_name FROM care_person ORDER BY id"
            ).fetchall(),
            "audit": connection.execute(
                "SELECT id, entry_hash FROM accounts_auditevent ORDER BY id"
            ).fetchall(),
            "users": connection.execute(
                "SELECT username, password FROM accounts_user ORDER BY username"
            ).fetchall(),
        }


@pytest.mark.same_on_every_database  # its own PostgreSQL server and databases
def test_the_restore_drill_last_nights_backup_into_an_empty_postgresql_database(tmp_path):
    server = TemporaryPostgres().initialise()
    server.start()
    try:
        with psycopg.connect(server.url, autocommit=True) as connection:
            connection.execute("CREATE DATABASE live")
            connection.execute("CREATE DATABASE drill")
        live = server.url.rsplit("/", 1)[0] + "/live"
        drill = server.url.rsplit("/", 1)[0] + "/drill"
        folder = tmp_path / "backups"
        folder.mkdir(mode=0o700)
        production = clean_environment(
            **{
                **PRODUCTION,
                "DATABASE_URL": live,
                "COPRODUCE_BACKUP_DIR": str(folder),
                "COPRODUCE_BACKUP_KEEP": "2",
            }
        )
        # The live service's database: migrated by production, then synthetic data (the
        # demo trust: seeding is never allowed in production, so the demo settings do it).
        done = coproduce(production, "migrate", "-v0")
        assert done.returncode == 0, done.stderr
        demo = clean_environment(COPRODUCE_ENV="demo", DATABASE_URL=live)
        done = coproduce(demo, "seed", "--profile", "demo")
        assert done.returncode == 0, done.stderr
        assert counts(live)["care_person"] > 0

        # The nightly backup, as the timer runs it.
        done = coproduce(production, "backup", "--nightly")
        assert done.returncode == 0, done.stderr
        [name] = nightly_names(folder)
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
        assert "Kept 1 backups" in done.stdout
        assert "Removed none." in done.stdout

        # A backup that fails part-way (the file may not grow past 4 KB) leaves no file
        # behind, says so, and fails; last night's backup is untouched.
        good = (folder / name).read_bytes()
        done = coproduce(production, "backup", "--nightly", limit_file_bytes=4096)
        assert done.returncode == 1, done.stdout
        assert "The backup failed: [Errno 27] File too large" in done.stderr
        assert "No backup file was left from this attempt." in done.stderr
        assert sorted(p.name for p in folder.iterdir()) == [name]
        assert (folder / name).read_bytes() == good

        # The drill: a new, empty database, migrated, and the newest backup restored.
        restore_to = {**production, "DATABASE_URL": drill}
        done = coproduce(restore_to, "migrate", "-v0")
        assert done.returncode == 0, done.stderr
        done = coproduce(restore_to, "restore", "--latest")
        assert done.returncode == 0, done.stderr
        assert f"Restoring the newest backup, {folder / name}." in done.stdout
        assert "counts and the audit trail checked" in done.stdout

        assert counts(drill) == counts(live)
        assert records(drill) == records(live)
        done = coproduce(restore_to, "audit", "verify")
        assert done.returncode == 0, done.stderr
        assert "The audit trail is whole" in done.stdout

        # Restoring again over it is refused without --replace, and nothing changes.
        done = coproduce(restore_to, "restore", "--latest")
        assert done.returncode == 1
        assert "already holds data" in done.stderr
        assert "Nothing was changed." in done.stderr
        assert counts(drill) == counts(live)
    finally:
        server.remove()
