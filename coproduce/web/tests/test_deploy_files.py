"""The files an operator installs from deploy/: the systemd units pass systemd's own
checker (`systemd-analyze verify`, which is shown to catch a misspelt directive), say
what docs/deploy.md says they do, and run only `coproduce` commands and options that
exist in production; the environment file template lists every setting the code reads,
nothing secret filled in, in a form systemd reads as meant, and its values start the
production settings."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from coproduce.web.tests.test_shell import PRODUCTION

pytestmark = pytest.mark.same_on_every_database

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("coproduce-*"))
SERVICES = [unit for unit in UNITS if unit.suffix == ".service"]
TIMERS = [unit for unit in UNITS if unit.suffix == ".timer"]
TEMPLATE = DEPLOY / "coproduce.env.example"
# Where the units expect the project's command (docs/deploy.md installs it there).
INSTALLED = "/opt/coproduce/.venv/bin/coproduce"
# This checkout's own `coproduce`, put in its place for systemd-analyze, which refuses a
# unit whose program does not exist.
HERE = Path(sys.executable).parent / "coproduce"
COPRODUCE = [sys.executable, "-c", "from coproduce.cli import main; main()"]
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
needs_systemd_analyze = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None,
    reason="systemd-analyze is not installed here (Debian's systemd package has it; "
    "./scripts/test installs it)",
)

# Settings the code reads that the template deliberately leaves out, and why.
NOT_IN_TEMPLATE = {
    # The demo's own ports (its web server's and its fake Notify's), never production's.
    "PORT",
    "NOTIFY_PORT",
    # Set by coproduce-web.service alone, to the run-time folder systemd makes for it.
    # Set in the environment file, it would reach every unit, and the worker and the jobs
    # (which check the folder exists) would not start while the web server is stopped.
    "PROMETHEUS_MULTIPROC_DIR",
}
# Secrets: the template leaves each empty, for the operator to fill in.
SECRETS = {
    "SECRET_KEY",
    "DATABASE_URL",
    "NOTIFY_API_KEY",
    "NOTIFY_CALLBACK_TOKEN",
    "OIDC_RP_CLIENT_SECRET",
    "EVIDENCE_PSEUDONYM_KEY",
}


def directives(unit: Path) -> list[tuple[str, str, str]]:
    """(section, key, value) for every setting in a unit file, in order (a key may come
    more than once, as After= and Environment= do)."""
    found, section = [], ""
    for line in unit.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        found.append((section, key.strip(), value.strip()))
    return found


def values(unit: Path, key: str) -> list[str]:
    return [value for _, k, value in directives(unit) if k == key]


def the(unit: Path, key: str) -> str:
    (value,) = values(unit, key)
    return value


def command_of(service: Path) -> list[str]:
    """The `coproduce` command line a service runs, after the program's path."""
    program, *arguments = the(service, "ExecStart").split()
    assert program == INSTALLED, f"{service.name} runs {program}, not {INSTALLED}"
    return arguments


def production_env(tmp_path: Path) -> dict[str, str]:
    backups = tmp_path / "backups"
    backups.mkdir(exist_ok=True)
    return {
        **os.environ,
        **PRODUCTION,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "COPRODUCE_BACKUP_DIR": str(backups),
    }


def read_env_file(text: str) -> dict[str, str]:
    """The variables systemd's EnvironmentFile= sets from this text: NAME=value lines,
    the value as written after "=" (outer spaces trimmed); # and ; lines are comments."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        name, equals, value = line.partition("=")
        assert equals, f"not NAME=value: {line!r}"
        found[name.strip()] = value.strip()
    return found


def test_every_unit_is_here():
    assert [unit.name for unit in UNITS] == sorted(
        [
            "coproduce-web.service",
            "coproduce-worker.service",
            "coproduce-every-minute.service",
            "coproduce-every-minute.timer",
            "coproduce-escalate-alerts.service",
            "coproduce-escalate-alerts.timer",
            "coproduce-backup.service",
            "coproduce-backup.timer",
            "coproduce-purge.service",
            "coproduce-purge.timer",
        ]
    )


def installable_copy(folder: Path) -> Path:
    """The units as they would be installed, with this checkout's `coproduce` in the
    place of /opt/coproduce's (so that systemd-analyze finds the program)."""
    folder.mkdir()
    for unit in UNITS:
        text = unit.read_text()
        if unit.suffix == ".service":
            assert text.count(INSTALLED) == 1, unit.name
            text = text.replace(INSTALLED, str(HERE))
            assert INSTALLED not in text
        (folder / unit.name).write_text(text)
    return folder


def verify(folder: Path) -> tuple[int, list[str]]:
    """systemd-analyze verify on every unit in the folder: its exit status, and every line
    it said about a Coproduce unit. (A misspelt or unknown directive is only a warning,
    "Unknown key … ignoring", with exit status 0: so any word about our units counts.)"""
    assert SYSTEMD_ANALYZE is not None
    result = subprocess.run(  # noqa: S603 - our own arguments
        [SYSTEMD_ANALYZE, "verify", "--man=no", *sorted(str(p) for p in folder.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder,
    )
    said = (result.stdout + result.stderr).splitlines()
    return result.returncode, [line for line in said if "coproduce" in line]


@needs_systemd_analyze
def test_systemd_analyze_verify_passes_every_unit(tmp_path):
    assert HERE.is_file(), HERE
    assert os.access(HERE, os.X_OK), HERE
    status, complaints = verify(installable_copy(tmp_path / "units"))
    assert (status, complaints) == (0, [])


@needs_systemd_analyze
@pytest.mark.parametrize(
    ("unit", "mistake", "says"),
    [
        # A misspelt directive: systemd would ignore it, and the service run unprotected.
        (
            "coproduce-web.service",
            ("ProtectSystem=strict", "ProtectSytem=strict"),
            "Unknown key 'ProtectSytem'",
        ),
        # A value systemd cannot read.
        (
            "coproduce-backup.timer",
            ("OnCalendar=*-*-* 02:00:00 Europe/London", "OnCalendar=nightly at two"),
            "Failed to parse calendar specification",
        ),
        # The program not where the unit says (here: /opt/coproduce is not installed).
        (
            "coproduce-worker.service",
            (str(HERE), "/opt/nowhere/.venv/bin/coproduce"),
            "is not executable",
        ),
    ],
)
def test_systemd_analyze_verify_catches_a_mistake(tmp_path, unit, mistake, says):
    folder = installable_copy(tmp_path / "units")
    text = (folder / unit).read_text()
    assert mistake[0] in text
    (folder / unit).write_text(text.replace(mistake[0], mistake[1]))
    _, complaints = verify(folder)
    assert complaints, "systemd-analyze said nothing of the mistake"
    assert any(says in line for line in complaints), complaints


def test_each_timer_starts_its_own_service_and_each_job_has_a_timer():
    for timer in TIMERS:
        service = timer.with_suffix(".service")
        assert the(timer, "Unit") == service.name
        assert service.is_file(), service
        assert the(timer, "OnCalendar")
        assert values(timer, "WantedBy") == ["timers.target"]
    # A one-off job without a timer would never run; a long-running service is started
    # at boot instead.
    for service in SERVICES:
        if the(service, "Type") == "oneshot":
            assert service.with_suffix(".timer") in TIMERS, service.name
            assert not values(service, "WantedBy"), f"{service.name}: enable its timer"
        else:
            assert values(service, "WantedBy") == ["multi-user.target"], service.name
    assert the(DEPLOY / "systemd" / "coproduce-every-minute.timer", "OnCalendar") == "minutely"


def test_the_backup_runs_before_the_purge():
    def hour(timer: str) -> str:
        calendar = the(DEPLOY / "systemd" / f"coproduce-{timer}.timer", "OnCalendar")
        match = re.fullmatch(r"\*-\*-\* (\d\d:\d\d):00 Europe/London", calendar)
        assert match, calendar
        return match[1]

    assert hour("backup") < hour("purge")
    # And if tonight's backup is still running, the purge waits for it.
    assert "coproduce-backup.service" in values(
        DEPLOY / "systemd" / "coproduce-purge.service", "After"
    )


def test_the_web_server_drains_before_systemd_kills_it():
    web = DEPLOY / "systemd" / "coproduce-web.service"
    command = command_of(web)
    drain = float(command[command.index("--drain-seconds") + 1])
    assert command[:5] == ["serve", "--host", "127.0.0.1", "--port", "8000"]
    # The main process gives its server processes the drain plus 10 seconds
    # (coproduce.web.server.supervise); systemd must wait longer than that.
    assert float(the(web, "TimeoutStopSec")) > drain + 10
    # SIGTERM to the main process, which passes it on and waits for each to drain.
    assert the(web, "KillMode") == "mixed"
    assert the(web, "KillSignal") == "SIGTERM"
    assert the(web, "Restart") == "on-failure"
    # /metrics' shared folder: systemd's run-time folder, made afresh at each start.
    assert the(web, "RuntimeDirectory") == "coproduce-metrics"
    assert "PROMETHEUS_MULTIPROC_DIR=/run/coproduce-metrics" in values(web, "Environment")
    # --processes comes from the environment file, with a default in the unit.
    assert "--processes" in command
    assert command[command.index("--processes") + 1] == "${COPRODUCE_SERVER_PROCESSES}"
    assert "COPRODUCE_SERVER_PROCESSES=2" in values(web, "Environment")
    # A reload (SIGHUP) replaces the processes with no gap; it needs two or more.
    assert the(web, "ExecReload") == "/bin/kill -HUP $MAINPID"
    assert int(read_env_file(TEMPLATE.read_text())["COPRODUCE_SERVER_PROCESSES"]) >= 2


def test_every_service_runs_as_coproduce_with_the_same_hardening():
    def hardening(service: Path) -> list[str]:
        text = service.read_text()
        block = text[text.index("# Hardening:") :].split("[Install]")[0]
        return [line for line in block.splitlines() if line and not line.startswith("#")]

    web = hardening(DEPLOY / "systemd" / "coproduce-web.service")
    for expected in (
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "PrivateDevices=yes",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "LockPersonality=yes",
        "MemoryDenyWriteExecute=yes",
        "CapabilityBoundingSet=",
        "UMask=0077",
    ):
        assert expected in web
    settings = read_env_file(TEMPLATE.read_text())
    writable = the(DEPLOY / "systemd" / "coproduce-web.service", "ReadWritePaths").split()
    for name in ("COPRODUCE_DATA_DIR", "COPRODUCE_BACKUP_DIR"):
        assert settings[name] in writable, name
    for folder in ("COPRODUCE_MEDIA_DIR", "COPRODUCE_TEXT_MODEL_DIR"):
        assert settings[folder].startswith(settings["COPRODUCE_DATA_DIR"] + "/"), folder
    for service in SERVICES:
        assert hardening(service) == web, service.name
        assert the(service, "User") == the(service, "Group") == "coproduce"
        assert the(service, "WorkingDirectory") == "/opt/coproduce"
        assert the(service, "EnvironmentFile") == "/etc/coproduce/coproduce.env"


def test_the_units_run_real_commands_with_real_options_in_production(tmp_path):
    env = production_env(tmp_path)
    listed = subprocess.run(  # noqa: S603
        [*COPRODUCE, "help", "--commands"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    ).stdout.split()
    # Production's commands: the demo's tooling (seed, fake-notify) is not installed there.
    assert "serve" in listed
    assert "seed" not in listed
    expected = {
        "coproduce-web.service": "serve",
        "coproduce-worker.service": "worker",
        "coproduce-every-minute.service": "every-minute",
        "coproduce-escalate-alerts.service": "escalate-alerts",
        "coproduce-backup.service": "backup",
        "coproduce-purge.service": "purge",
    }
    for service in SERVICES:
        name, *arguments = command_of(service)
        assert expected[service.name] == name
        assert name in listed, f"{service.name}: `coproduce {name}` is not a command"
        options = [argument for argument in arguments if argument.startswith("--")]
        if not options:
            continue
        usage = subprocess.run(  # noqa: S603
            [*COPRODUCE, name, "--help"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            timeout=300,
        ).stdout
        for option in options:
            assert re.search(rf"{re.escape(option)}\b", usage), f"{service.name}: {option}"
    assert command_of(DEPLOY / "systemd" / "coproduce-backup.service") == ["backup", "--nightly"]


def names_read_by_the_code() -> set[str]:
    """Every environment variable named in the code that runs in production (not tests,
    not the demo's tooling): os.environ.get("…"), os.getenv("…"), os.environ["…"], and
    calls to settings' own readers (env_int("…"), writable_folder("…") and any other
    function of coproduce/settings.py that reads os.environ)."""
    settings_tree = ast.parse((ROOT / "coproduce" / "settings.py").read_text())
    readers = {
        node.name
        for node in settings_tree.body
        if isinstance(node, ast.FunctionDef) and "os.environ" in ast.unparse(node)
    }
    assert {"env_int", "env_bool", "demo_port"} <= readers

    def literal(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return None

    names = set()
    for source in (ROOT / "coproduce").rglob("*.py"):
        parts = source.relative_to(ROOT).parts
        if "tests" in parts or "tooling" in parts or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(source.read_text())):
            name = None
            if isinstance(node, ast.Call) and node.args:
                called = ast.unparse(node.func)
                if called in {"os.environ.get", "os.getenv"} or called in readers:
                    name = literal(node.args[0])
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
                name = literal(node.slice)
            if name:
                names.add(name)
    return names


def documented(text: str) -> dict[str, str]:
    """Settings in the template, set or commented out with their default: name → value."""
    found = {}
    for line in text.splitlines():
        match = re.fullmatch(r"(?:# )?([A-Z][A-Z0-9_]*)=(.*)", line)
        if match:
            assert match[1] not in found, f"{match[1]} twice"
            found[match[1]] = match[2]
    return found


def test_the_template_lists_every_setting_the_code_reads():
    read = names_read_by_the_code()
    # The scan finds what it should (a setting in settings.py, one read elsewhere).
    assert {"SECRET_KEY", "COPRODUCE_SERVER_PROCESSES", "SPARK_MASTER"} <= read
    listed = set(documented(TEMPLATE.read_text()))
    assert sorted(read - listed - NOT_IN_TEMPLATE) == []
    # Nothing listed that the code does not read (a misspelt name would be ignored).
    assert sorted(listed - read) == []
    assert not (listed & NOT_IN_TEMPLATE)


def test_the_template_is_an_environment_file_with_no_secret_filled_in():
    text = TEMPLATE.read_text()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            # NAME=value: no "export", no quotes or backslashes (systemd and a shell read
            # them differently), no "$".
            assert re.fullmatch(r"[A-Z][A-Z0-9_]*=[^\"'\\$]*", line), line
    settings = documented(text)
    for secret in SECRETS:
        assert settings[secret] == "", f"{secret} must be left empty in the template"
    assert read_env_file(text)["COPRODUCE_ENV"] == "production"
    # Required in production, so set (empty for secrets) rather than commented out.
    for required in (
        "SECRET_KEY",
        "DATABASE_URL",
        "ALLOWED_HOSTS",
        "COPRODUCE_TRUSTED_PROXY",
        "COPRODUCE_PUBLIC_BASE_URL",
        "COPRODUCE_BACKUP_DIR",
        "NOTIFY_API_KEY",
        "NOTIFY_CALLBACK_TOKEN",
        "NOTIFY_SMS_TEMPLATE_ID",
        "NOTIFY_EMAIL_TEMPLATE_ID",
    ):
        assert required in read_env_file(text), f"{required} is commented out"


def filled_in(tmp_path: Path) -> dict[str, str]:
    """Every line of the template, the commented-out defaults too, with the blanks filled in
    as an operator would, and folders of the test's own."""
    uncommented = re.sub(r"(?m)^# ([A-Z][A-Z0-9_]*=)", r"\1", TEMPLATE.read_text())
    template = read_env_file(uncommented)
    filled = production_env(tmp_path)
    return {
        **template,
        **{name: filled[name] for name in ("DATABASE_URL", "COPRODUCE_BACKUP_DIR")},
        **{name: PRODUCTION[name] for name in PRODUCTION if template.get(name) == ""},
        "COPRODUCE_DATA_DIR": str(tmp_path / "data"),
        "COPRODUCE_MEDIA_DIR": str(tmp_path / "data" / "media"),
        "COPRODUCE_TEXT_MODEL_DIR": str(tmp_path / "data" / "text-model"),
    }


def test_the_templates_values_start_production(tmp_path):
    """The template's values, read by the production settings: `coproduce check` passes.
    Left blank, SECRET_KEY stops it, named."""
    settings = filled_in(tmp_path)
    env = {**{k: v for k, v in os.environ.items() if k not in settings}, **settings}

    def check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603
            [*COPRODUCE, "check"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=300
        )

    passed = check(env)
    assert passed.returncode == 0, passed.stderr[-2000:]
    refused = check({**env, "SECRET_KEY": ""})
    assert refused.returncode == 2
    assert "SECRET_KEY must be set" in refused.stderr


@pytest.mark.skipif(shutil.which("runuser") is None, reason="runuser (util-linux) is missing")
def test_coproduce_admin_runs_a_command_with_the_settings_file_alone(tmp_path):
    """deploy/coproduce-admin: the settings file's lines, and nothing from the caller's
    environment (here a COPRODUCE_DEBUG=true that production would refuse); a NAME=value
    before the command replaces one setting for that command."""
    settings_file = tmp_path / "coproduce.env"
    settings_file.write_text(
        "# a comment\n" + "".join(f"{k}={v}\n" for k, v in filled_in(tmp_path).items())
    )
    env = {
        "PATH": os.environ["PATH"],
        "COPRODUCE_ENV_FILE": str(settings_file),
        "COPRODUCE_HOME": str(ROOT),
        "COPRODUCE_DEBUG": "true",
    }
    me = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()  # noqa: S607

    def admin(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603
            [str(DEPLOY / "coproduce-admin"), "--as", me, *arguments],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    # The checkout's own venv, as /opt/coproduce/.venv is on a server.
    assert (ROOT / ".venv" / "bin" / "coproduce").is_file()
    passed = admin("check")
    assert passed.returncode == 0, passed.stderr[-2000:]
    refused = admin("SECRET_KEY=", "check")
    assert refused.returncode == 2
    assert "SECRET_KEY must be set" in refused.stderr


def test_the_guide_names_real_commands_units_and_files(tmp_path):
    """docs/deploy.md: each `coproduce-admin …` command it gives exists in production,
    and each unit, timer and deploy/ file it names is shipped."""
    guide = (ROOT / "docs" / "deploy.md").read_text()
    commands = set(
        re.findall(r"coproduce-admin (?:--as \w+ )?(?:[A-Z_]+=\S+ )*([a-z][a-z_-]+)", guide)
    )
    assert {"migrate", "collectstatic", "createsuperuser", "restore", "check"} <= commands
    listed = subprocess.run(  # noqa: S603
        [*COPRODUCE, "help", "--commands"],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    ).stdout.split()
    assert sorted(commands - set(listed)) == []
    shipped = {unit.name for unit in UNITS}
    named = set(re.findall(r"coproduce-[a-z0-9-]+\.(?:service|timer)", guide))
    assert sorted(named - shipped) == []
    paths = set(re.findall(r"\bdeploy/[\w./*-]*[\w*]", guide))
    assert "deploy/nginx/coproduce.conf" in paths
    for path in paths:
        assert list(ROOT.glob(path)), path


@pytest.mark.skipif(os.geteuid() != 0, reason="switching to another account needs root")
def test_coproduce_admin_runs_as_the_service_account_with_its_umask_and_nothing_else():
    """As root (as `sudo coproduce-admin`), the command runs as the account asked for
    (here Debian's `nobody`, standing in for `coproduce`), in the code's folder, with the
    settings file's lines and a fixed PATH, and files it makes private to it (umask 077,
    as the units' UMask=0077); as root, files nginx can read (022)."""
    folder = Path(tempfile.mkdtemp(prefix="coproduce-admin-"))
    try:
        folder.chmod(0o755)
        (folder / ".venv" / "bin").mkdir(parents=True)
        program = folder / ".venv" / "bin" / "coproduce"
        # Stands in for the real command: says who, where and with what it ran.
        program.write_text(
            '#!/bin/sh\necho "$(id -un) $(pwd) $(umask) $1 SETTING=$SETTING '
            'DEBUG=${COPRODUCE_DEBUG:-unset} PATH=$PATH"\n'
        )
        program.chmod(0o755)
        settings_file = folder / "coproduce.env"
        settings_file.write_text("# a comment\nSETTING=from the file\n")
        env = {
            "PATH": os.environ["PATH"],
            "COPRODUCE_ENV_FILE": str(settings_file),
            "COPRODUCE_HOME": str(folder),
            "COPRODUCE_DEBUG": "true",
        }

        def admin(*arguments: str) -> str:
            return subprocess.run(  # noqa: S603
                [str(DEPLOY / "coproduce-admin"), *arguments],
                env=env,
                capture_output=True,
                text=True,
                check=True,
                timeout=60,
            ).stdout.strip()

        assert admin("--as", "nobody", "migrate") == (
            f"nobody {folder} 0077 migrate SETTING=from the file DEBUG=unset PATH=/usr/bin:/bin"
        )
        assert admin("--as", "root", "SETTING=replaced", "collectstatic") == (
            f"root {folder} 0022 collectstatic SETTING=replaced DEBUG=unset PATH=/usr/bin:/bin"
        )
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux's /proc")
def test_coproduce_admin_puts_no_setting_on_a_command_line():
    """Any account on the server can read every process's command line (ps): the
    settings, secrets among them, reach the command in its environment only, and no
    process in between is left running with them (as root it becomes another account,
    as the services' account is, where the secrets once sat on runuser's command line)."""
    tmp_path = Path(tempfile.mkdtemp(prefix="coproduce-admin-"))
    tmp_path.chmod(0o755)
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    program = tmp_path / ".venv" / "bin" / "coproduce"
    # Stands in for the real command: its own command line, and its parent's.
    program.write_text(
        "#!/bin/sh\ntr '\\0' ' ' </proc/$$/cmdline; echo; tr '\\0' ' ' </proc/$PPID/cmdline\n"
    )
    program.chmod(0o755)
    settings_file = tmp_path / "coproduce.env"
    settings_file.write_text("SECRET_KEY=a-secret-no-one-may-read-0123456789\n")
    me = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()  # noqa: S607
    account = "nobody" if os.geteuid() == 0 else me
    shown = subprocess.run(  # noqa: S603
        [str(DEPLOY / "coproduce-admin"), "--as", account, "migrate"],
        env={
            "PATH": os.environ["PATH"],
            "COPRODUCE_ENV_FILE": str(settings_file),
            "COPRODUCE_HOME": str(tmp_path),
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    shutil.rmtree(tmp_path)
    assert "migrate" in shown
    assert "a-secret-no-one-may-read" not in shown
