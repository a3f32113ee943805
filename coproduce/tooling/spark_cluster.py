"""A Spark standalone cluster on loopback, started with PySpark's own scripts.

The pip package ``pyspark`` ships Spark's jars and ``sbin/spark-daemon.sh`` (the script
``start-master.sh`` and ``start-worker.sh`` call in a full Spark download, where they are
one line each), not those two wrappers. So the master and the workers are started here as
those wrappers start them: ``spark-daemon.sh start org.apache.spark.deploy.master.Master
1 --host … --port …`` and ``… org.apache.spark.deploy.worker.Worker N … spark://…``, with
``SPARK_HOME`` the installed package, and the logs, pid files, worker folders and an empty
configuration folder in one temporary folder. Every port is a free one on 127.0.0.1.

:func:`standalone_cluster` stops the daemons when its block ends, however it ends (an
error, Ctrl-C, or SIGTERM, which it turns into an exception while it runs): each by
``spark-daemon.sh stop`` (SIGTERM; a worker then stops its executors), then SIGKILL to any
that are still alive after a while, and any executor left in the cluster's folder.
Used by ``coproduce bench spark`` and by its test.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

MASTER = "org.apache.spark.deploy.master.Master"
WORKER = "org.apache.spark.deploy.worker.Worker"


class ClusterError(RuntimeError):
    pass


@functools.cache
def java_missing() -> str | None:
    """Why Spark cannot run here, in words, or None if it can (Spark 4 needs Java 17+)."""
    java = shutil.which("java", path=_java_path())
    if java is None:
        return (
            "Spark needs Java 17 or later and there is no `java` on PATH or in JAVA_HOME "
            "(on Debian: apt-get install default-jre-headless)."
        )
    try:
        shown = subprocess.run(  # noqa: S603 - the java found above
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        ).stderr
    except (OSError, subprocess.SubprocessError) as error:
        return f"`{java} -version` failed: {error}"
    first = shown.splitlines()[0] if shown else ""
    try:
        version = first.split('"')[1]
        # "1.8.0_392" is Java 8; "17.0.15" is Java 17.
        parts = version.split(".")
        major = int(parts[1] if parts[0] == "1" else parts[0])
    except (IndexError, ValueError):
        return f"Could not read Java's version from `{java} -version`: {first!r}"
    if major < 17:
        return f"Spark 4 needs Java 17 or later; {java} is Java {major}."
    return None


def _java_path() -> str:
    home = os.environ.get("JAVA_HOME")
    path = os.environ.get("PATH", "")
    return f"{home}/bin:{path}" if home else path


def spark_home() -> Path:
    """The installed pyspark package, which is a Spark home (jars, bin, sbin)."""
    import pyspark

    home = Path(pyspark.__file__).resolve().parent
    if not (home / "sbin" / "spark-daemon.sh").is_file():
        raise ClusterError(f"No sbin/spark-daemon.sh in the installed pyspark at {home}")
    return home


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running cluster: ``master_url`` for SPARK_MASTER, and the environment a driver
    on this machine needs to reach it (``driver_environment``)."""

    master_url: str
    web_url: str
    folder: Path
    workers: int
    executor_memory: str
    started_seconds: float = 0.0
    pids: list[int] = field(default_factory=list)

    def driver_environment(self) -> dict[str, str]:
        """SPARK_MASTER and what else a driver (``coproduce evaluate``) needs here: to
        bind to loopback, the executors' memory, and this Python on the executors."""
        return {
            "SPARK_MASTER": self.master_url,
            "SPARK_LOCAL_IP": "127.0.0.1",
            "SPARK_EXECUTOR_MEMORY": self.executor_memory,
            "PYSPARK_PYTHON": sys.executable,
        }

    def alive_workers(self) -> int:
        with urllib.request.urlopen(f"{self.web_url}/json/", timeout=5) as answer:  # noqa: S310
            return int(json.load(answer).get("aliveworkers", 0))

    def logs(self, lines: int = 20) -> str:
        """The last lines of the master's, the workers' and the executors' logs."""
        out = []
        executors = sorted((self.folder / "work").glob("*/app-*/*/stderr"))
        for log in sorted((self.folder / "logs").glob("*.out")) + executors:
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            out.append(f"--- {log.relative_to(self.folder)}\n" + "\n".join(tail))
        return "\n".join(out)


def _daemon_environment(folder: Path, home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # spark-daemon.sh rsyncs from SPARK_MASTER when it is set; and none of the
        # caller's Spark settings apply to this cluster.
        if not key.startswith(("SPARK_", "PYSPARK_"))
    }
    (folder / "conf").mkdir(exist_ok=True)
    env.update(
        SPARK_HOME=str(home),
        SPARK_CONF_DIR=str(folder / "conf"),
        SPARK_LOG_DIR=str(folder / "logs"),
        SPARK_PID_DIR=str(folder / "pids"),
        SPARK_WORKER_DIR=str(folder / "work"),
        SPARK_LOCAL_DIRS=str(folder / "scratch"),
        SPARK_LOCAL_IP="127.0.0.1",
        SPARK_IDENT_STRING="coproduce",
        SPARK_DAEMON_MEMORY="512m",
        PYSPARK_PYTHON=sys.executable,
        PATH=_java_path(),
    )
    return env


def _daemon(home: Path, env: dict[str, str], action: str, klass: str, n: int, *args: str) -> None:
    script = home / "sbin" / "spark-daemon.sh"
    done = subprocess.run(  # noqa: S603 - pyspark's own script, our arguments
        [shutil.which("bash") or "/bin/bash", str(script), action, klass, str(n), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        start_new_session=True,  # Ctrl-C in a terminal reaches us, who stop them
    )
    if done.returncode != 0 or "failed to launch" in done.stdout:
        raise ClusterError(
            f"spark-daemon.sh {action} {klass} {n} failed:\n{done.stdout}{done.stderr}"
        )


def _pid(folder: Path, klass: str, n: int) -> int | None:
    path = folder / "pids" / f"spark-coproduce-{klass}-{n}.pid"
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not reaped) counts as gone.
    with contextlib.suppress(OSError):
        if Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z"):
            return False
    return True


def _processes_in(folder: Path) -> list[int]:
    """Processes whose working folder is inside the cluster's folder: the executors,
    which each worker starts in its own folder under ``work/``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if Path(os.readlink(entry / "cwd")).is_relative_to(folder):
                found.append(int(entry.name))
    return found


def _stop(cluster: Cluster, home: Path, env: dict[str, str], wait: float = 20.0) -> None:
    daemons = [(WORKER, n) for n in range(cluster.workers, 0, -1)] + [(MASTER, 1)]
    for klass, n in daemons:
        with contextlib.suppress(ClusterError, subprocess.SubprocessError, OSError):
            _daemon(home, env, "stop", klass, n)
    # (Only real process ids: never 0 or less, which would mean a whole process group.)
    left = {pid for pid in set(cluster.pids) | set(_processes_in(cluster.folder)) if pid > 1}
    deadline = time.monotonic() + wait
    while left and time.monotonic() < deadline:
        left = {pid for pid in left if _alive(pid)}
        time.sleep(0.2)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


class Stopped(Exception):
    """SIGTERM arrived while the cluster ran (the cluster is stopped before it goes on)."""


def _raise_stopped(signum: int, frame: object) -> None:
    raise Stopped(f"stopped by signal {signum}")


@contextlib.contextmanager
def standalone_cluster(
    *, workers: int = 2, cores_per_worker: int = 1, executor_memory: str = "3g"
) -> Iterator[Cluster]:
    """A master and ``workers`` workers on 127.0.0.1, each worker offering
    ``cores_per_worker`` cores and ``executor_memory`` (one executor each), stopped and
    its folder removed when the block ends."""
    why = java_missing()
    if why:
        raise ClusterError(why)
    home = spark_home()
    folder = Path(tempfile.mkdtemp(prefix="coproduce-spark-"))
    env = _daemon_environment(folder, home)
    port, web = free_port(), free_port()
    cluster = Cluster(
        master_url=f"spark://127.0.0.1:{port}",
        web_url=f"http://127.0.0.1:{web}",
        folder=folder,
        workers=workers,
        executor_memory=executor_memory,
    )
    previous = None
    if sys.platform != "win32":
        with contextlib.suppress(ValueError):  # not the main thread: leave SIGTERM alone
            previous = signal.signal(signal.SIGTERM, _raise_stopped)
    started = time.perf_counter()
    try:
        # start-master.sh's line.
        _daemon(home, env, "start", MASTER, 1, "--host", "127.0.0.1", "--port", str(port),
                "--webui-port", str(web))  # fmt: skip
        cluster.pids += [pid for pid in [_pid(folder, MASTER, 1)] if pid]

        # start-worker.sh's line, for each worker, all at once (spark-daemon.sh waits
        # seconds for each to settle).
        def start_worker(n: int) -> None:
            _daemon(home, env, "start", WORKER, n,
                    "--host", "127.0.0.1", "--port", str(free_port()),
                    "--webui-port", str(free_port()),
                    "--cores", str(cores_per_worker), "--memory", executor_memory,
                    "--work-dir", str(folder / "work" / str(n)),
                    cluster.master_url)  # fmt: skip

        with ThreadPoolExecutor(max_workers=workers) as pool:
            starts = [pool.submit(start_worker, n) for n in range(1, workers + 1)]
        found = [_pid(folder, WORKER, n) for n in range(1, workers + 1)]
        cluster.pids += [pid for pid in found if pid]
        for start in starts:
            start.result()  # a worker that failed to start says so (after every pid is kept)
        deadline = time.monotonic() + 90
        while True:
            with contextlib.suppress(OSError, ValueError):
                if cluster.alive_workers() >= workers:
                    break
            if time.monotonic() > deadline:
                raise ClusterError(
                    f"The cluster's {workers} workers did not register with the master "
                    f"within 90 s. Its logs:\n{cluster.logs()}"
                )
            time.sleep(0.5)
        cluster.started_seconds = round(time.perf_counter() - started, 2)
        yield cluster
    finally:
        try:
            _stop(cluster, home, env)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
            shutil.rmtree(folder, ignore_errors=True)
