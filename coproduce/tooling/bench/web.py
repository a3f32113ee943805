"""``coproduce bench web``: the production server under load, on PostgreSQL.

``run_staff`` (the default since issue 25): staff online at once. Simulated staff, each
signed in as a different account, follow real journeys with 5 to 15 seconds' reading
between pages, driven by Locust (``coproduce.tooling.bench.web_staff``, in a process of its
own), and their number is stepped up; each step reports every page's p50/p95/p99,
requests per second and errors, and every page's server time (its ``Server-Timing``)
against the page shell's. ``staff_online_at_target`` is the most staff online at which
every page's p95 was within 250 ms with no errors (at that step and every step below it).

``run`` (``--closed-loop``, issue 8's measure, kept for comparison): a throwaway
PostgreSQL on loopback gets the schema and a trust-year of synthetic data (``coproduce
seed --profile trust-year``); the production server (``coproduce serve``,
waitress, production settings) serves it on loopback; simulated users, each on its own
keep-alive connection with no pause between requests (so the figures are the server's
capacity), ask one page after another for a fixed time. Then, in the same run, a
trivial view (``/healthz``: since issue 24 it asks nothing of the database; before, one
``SELECT 1``) is asked the same way, for comparison.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from html import escape
from pathlib import Path
from typing import Any

from coproduce.tooling.bench import web_journeys
from coproduce.tooling.testing.postgres import TemporaryPostgres, free_port

ROOT = Path(__file__).resolve().parents[2]
COPRODUCE = [sys.executable, "-c", "from coproduce.cli import main; main()"]
# Page name: (who asks, address or addresses).
USERS = {"practitioner", "le.lead", "analyst"}


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter and commands
        [*COPRODUCE, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"coproduce {args[0]} failed: {done.stderr[-2000:]}")
    return done.stdout


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _load(
    port: int, paths: list[str], cookie: str | None, users: int, seconds: float
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def user(n: int) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
        if cookie:
            headers["Cookie"] = f"sessionid={cookie}"
        mine, bad, k = [], 0, n
        while time.perf_counter() < deadline:
            path = paths[k % len(paths)]
            k += 1
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - start)
            bad += 0 if ok else 1
        connection.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(_percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
        "rps": round(len(latencies) / elapsed, 1),
        "errors": errors,
    }


class Site:
    """A throwaway PostgreSQL with a trust-year of synthetic data, and the production
    server serving it on loopback (production settings, ``COPRODUCE_SERVER_TIMING`` on),
    until the ``with`` block ends; ``setup`` is ``bench_web_setup``'s answer."""

    def __init__(
        self,
        processes: int,
        threads: int,
        setup_args: list[str],
        profile: str = "trust-year",
        say: Callable[[str], None] = lambda _: None,
    ) -> None:
        self.processes, self.threads, self.setup_args = processes, threads, setup_args
        self.profile, self.say = profile, say
        self.static: Path | None = None
        self.server: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.setup: dict[str, Any] = {}
        self.counts: dict[str, int] = {}
        self.prepared = 0.0

    def __enter__(self) -> Site:
        self.postgres = TemporaryPostgres().initialise()
        self.postgres.start()
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _start(self) -> None:
        static = self.static = Path(tempfile.mkdtemp(prefix="coproduce-static-"))
        base = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DATABASE_URL", "COPRODUCE_ENV"))
        }
        url = self.postgres.url
        # The sessions are made under demo settings (the bench's own commands are left out
        # of production's) with production's secret key, which signs them.
        secret = "bench-only-secret-key-" + os.urandom(16).hex()
        demo = {**base, "COPRODUCE_ENV": "demo", "DATABASE_URL": url, "SECRET_KEY": secret}
        production = {
            **base,
            "COPRODUCE_ENV": "production",
            "DATABASE_URL": url,
            "SECRET_KEY": secret,
            "ALLOWED_HOSTS": "127.0.0.1",
            "COPRODUCE_PUBLIC_BASE_URL": "https://crisis.example.nhs.uk",
            "COPRODUCE_TRUST_NAME": "Bench NHS Foundation Trust",
            "COPRODUCE_LOCAL_CRISIS_LINE": "0800 123 4567",
            "SECURE_SSL_REDIRECT": "false",
            # The load generator on loopback stands where the proxy would; it sends
            # X-Forwarded-Proto: https, as nginx does.
            "COPRODUCE_TRUSTED_PROXY": "127.0.0.1",
            "COPRODUCE_STATIC_ROOT": str(static),
            "COPRODUCE_BACKUP_DIR": str(static),  # checked at start-up; no backup is made
            "NOTIFY_API_KEY": "bench-6c8a8e52-1b0e-4f3a-9a3e-2f7c4d5b6a10-"
            + "0d9c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
            "NOTIFY_CALLBACK_TOKEN": "bench",
            "NOTIFY_SMS_TEMPLATE_ID": "bench",
            "NOTIFY_EMAIL_TEMPLATE_ID": "bench",
            "EVIDENCE_PSEUDONYM_KEY": "bench-only-pseudonym-key",
            "COPRODUCE_EVIDENCE_CHANGE_DATE": "",
            "COPRODUCE_LOG_LEVEL": "WARNING",
            "COPRODUCE_SERVER_TIMING": "true",
        }
        started = time.perf_counter()
        self.say(f"Preparing PostgreSQL with the {self.profile} data (minutes for a trust-year)")
        _run(["migrate", "-v0"], demo)
        _run(["seed", "--profile", self.profile], demo)
        _run(["collectstatic", "--no-input", "-v0"], production)
        self.setup = json.loads(_run(["bench_web_setup", *self.setup_args], demo))
        self.counts = json.loads(_run(["bench_web_counts"], demo))
        self.prepared = time.perf_counter() - started
        self.say(f"Prepared in {self.prepared:.0f} s; starting the server")
        self.port = free_port()
        self.log = static / "server.log"
        self.server = subprocess.Popen(  # noqa: S603
            [
                *COPRODUCE,
                "serve",
                "--port",
                str(self.port),
                "--threads",
                str(self.threads),
                "--processes",
                str(self.processes),
            ],
            env=production,
            cwd=ROOT,
            stderr=self.log.open("w"),
        )
        _wait(self.port, self.server, self.log)

    def errors_logged(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if "ERROR" in line][:5]

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(40)
            except subprocess.TimeoutExpired:
                self.server.kill()
            self.server = None
        self.postgres.remove()
        if self.static is not None:
            shutil.rmtree(self.static, ignore_errors=True)
            self.static = None


def _warm(port: int, asks: list[tuple[str, str | None]], each: int) -> float:
    """Ask each page ``each`` times at once, in rounds, until a round's slowest answer is
    quick, so that no process works out the trust's figures (about 7 s, kept a process
    for ``COPRODUCE_EVIDENCE_CACHE_SECONDS``) or compiles a template while being
    measured. One round is not enough: the processes share one listening socket, and one
    can take every connection of a round, leaving the other cold (the first quiet run on
    4 December met the evidence page's working out inside its first step). Seconds taken."""
    cold = time.perf_counter()
    for _ in range(WARM_ROUNDS):
        if _slowest_of_a_round(port, asks, each) < WARM_ENOUGH_SECONDS:
            break
    return round(time.perf_counter() - cold, 2)


def _slowest_of_a_round(port: int, asks: list[tuple[str, str | None]], each: int) -> float:
    answered: list[float] = []

    def ask(path: str, cookie: str | None) -> None:
        started = time.perf_counter()
        _one(port, path, cookie or "")
        answered.append(time.perf_counter() - started)

    threads = [
        threading.Thread(target=ask, args=(path, cookie))
        for path, cookie in asks
        for _ in range(each)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return max(answered, default=0.0)


WARM_ROUNDS = 8
WARM_ENOUGH_SECONDS = 1.0


def run(
    users: int = 32, seconds: float = 15, threads: int = 8, processes: int = 1
) -> dict[str, Any]:
    """The closed-loop measure of issue 8: users who never pause, one page at a time."""
    with Site(processes, threads, ["--users", ",".join(sorted(USERS))]) as site:
        port, sessions = site.port, site.setup["sessions"]
        people = [f"/people/{pk}" for pk in site.setup["people"]]
        pages = {
            "caseload": (["/caseload"], sessions["practitioner"]),
            "person_record": (people, sessions["practitioner"]),
            "voices_inbox": (["/voices"], sessions["le.lead"]),
            "dashboard": (["/evidence"], sessions["analyst"]),
            "public_feedback": (["/feedback"], None),
        }
        dashboard_first_seconds = _warm(port, [("/evidence", sessions["analyst"])], 8 * processes)
        results = {}
        for name, (paths, cookie) in pages.items():
            _load(port, paths, cookie, users, 1.5)  # warm up
            results[name] = _load(port, paths, cookie, users, seconds)
        _load(port, ["/healthz"], None, users, 1.5)
        trivial = _load(port, ["/healthz"], None, users, seconds)
        return {
            "data": site.counts,
            "users": users,
            "seconds_per_page": seconds,
            "server_threads": threads,
            "server_processes": processes,
            "prepare_seconds": round(site.prepared, 1),
            "dashboard_first_request_seconds": dashboard_first_seconds,
            "pages": results,
            "trivial_rps": trivial["rps"],
            "trivial": trivial,
            "dashboard_share_of_trivial": round(results["dashboard"]["rps"] / trivial["rps"], 3),
            "server_errors_logged": site.errors_logged(),
        }


TARGET_MS = 250
SHELL_RATIO_TARGET = 3.0
DEFAULT_STEPS = (250, 500, 1000, 1500, 2000, 3000)


def staff_online_at_target(steps: list[dict[str, Any]]) -> int:
    """The most staff online at which every page's p95 was within the target with no
    errors, at that step and at every step below it (0 if the first step missed)."""
    most = 0
    for step in sorted(steps, key=lambda s: s["staff_online"]):
        if not step["met"]:
            break
        most = step["staff_online"]
    return most


def run_staff(
    steps: Sequence[int] = DEFAULT_STEPS,
    step_seconds: float = 60,
    spawn_rate: float = 50,
    settle: float = 15,
    threads: int = 8,
    processes: int = 2,
    bad_ms: float = 2000,
    profile: str = "trust-year",
    think: tuple[float, float] = (5.0, 15.0),
    keep_stepping: bool = False,
    say: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Staff online at once, stepped up (see the module's doc and ``web_staff``). A test
    passes a short ``think`` time so that a few people open every page in seconds.
    ``say`` is told each part as it ends (each step's figures among them)."""
    steps = sorted(set(steps))
    accounts = web_journeys.accounts_needed(max(steps))
    staff_arg = ",".join(f"{role}={n}" for role, n in accounts.items())
    with Site(processes, threads, ["--staff", staff_arg], profile, say) as site:
        setup = site.setup
        asks = [(path, cookie) for _, path, cookie in _pages(setup, 0)]
        warm_seconds = _warm(site.port, asks, 4 * processes)
        say(f"Every server process warmed in {warm_seconds:.0f} s")
        alone = server_time_alone(site.port, setup)
        say("Each page timed alone; stepping up: " + ", ".join(f"{n:,}" for n in steps))
        plan = {
            "host": f"http://127.0.0.1:{site.port}",
            "steps": steps,
            "step_seconds": step_seconds,
            "spawn_rate": spawn_rate,
            "settle": settle,
            "target_ms": TARGET_MS,
            "bad_ms": bad_ms,
            "staff": setup["staff"],
            "episodes": setup["episodes"],
            "voices": setup["voices"],
            "insights": setup["insights"],
            "think": list(think),
            "keep_stepping": keep_stepping,
        }
        with load_folder() as folder:
            (folder / "plan.json").write_text(json.dumps(plan))
            load = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [
                    sys.executable,
                    "-m",
                    "coproduce.tooling.bench.web_staff",
                    str(folder / "plan.json"),
                    str(folder / "out.json"),
                ],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            _log_and_say_steps(load, folder / "locust.log", say)
            if load.returncode != 0:
                log = folder / "locust.log"
                raise RuntimeError(
                    f"the load generator failed (its log is kept in {log}): "
                    + log.read_text()[-3000:]
                )
            measured = json.loads((folder / "out.json").read_text())
        first = measured["steps"][0] if measured["steps"] else {"pages": {}}
        # Every staff page, asked alone (no other request in the server), and at the
        # first (least loaded) step; a page not answered there has no ratio.
        ratios = {
            name: first["pages"].get(name, {}).get("server_time_vs_shell")
            for name in web_journeys.STAFF_PAGES
        }
        alone_ratios = {name: page["server_time_vs_shell"] for name, page in alone.items()}
        return {
            "staff_online_at_target": staff_online_at_target(measured["steps"]),
            "target": {"p95_ms": TARGET_MS, "errors": 0, "staff_online": 1500},
            "stopped_early": measured["stopped_early"],
            "server_time_alone": alone,
            "server_time_vs_shell": alone_ratios,
            "server_time_within_3x_of_shell": all(
                r is not None and r <= SHELL_RATIO_TARGET for r in alone_ratios.values()
            ),
            "server_time_vs_shell_at_first_step": ratios,
            "steps": measured["steps"],
            "data": site.counts,
            "server_threads": threads,
            "server_processes": processes,
            "step_seconds": step_seconds,
            "spawn_rate": spawn_rate,
            "settle_seconds": settle,
            "think_seconds": list(think),
            "prepare_seconds": round(site.prepared, 1),
            "warm_up_seconds": warm_seconds,
            "server_errors_logged": site.errors_logged(),
        }


@contextlib.contextmanager
def load_folder() -> Iterator[Path]:
    """A folder for the load generator's plan (which holds every simulated person's
    session) and its output, removed however the run ends: finished, stopped part way
    (Ctrl-C, SIGTERM), or failed. Only a failure keeps the load generator's log, which
    the error names, for reading; never the plan."""
    folder = Path(tempfile.mkdtemp(prefix="coproduce-bench-web-"))
    try:
        yield folder
    except Exception:
        for name in ("plan.json", "out.json"):
            (folder / name).unlink(missing_ok=True)
        if not (folder / "locust.log").exists():
            shutil.rmtree(folder, ignore_errors=True)
        raise
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    shutil.rmtree(folder, ignore_errors=True)


def _log_and_say_steps(load: subprocess.Popen[str], log: Path, say: Callable[[str], None]) -> None:
    """Keep the load generator's log, and say each step's figures as it ends."""
    assert load.stderr is not None  # noqa: S101 - made with stderr=PIPE
    try:
        with log.open("w") as kept:
            for line in load.stderr:
                kept.write(line)
                if STEP_LINE.match(line):
                    say(line.rstrip())
    except BaseException:  # stopped part way (Ctrl-C, SIGTERM): the load generator too
        load.kill()
        raise
    finally:
        load.wait()


STEP_LINE = re.compile(r"^[\d,]+ staff: ")


def _pages(setup: dict[str, Any], n: int) -> list[tuple[str, str, str | None]]:
    """(page, path, session) for every page of the journeys, the ``n``th person, episode,
    voice and insight of each list."""
    practitioner = setup["staff"]["practitioner"][n % len(setup["staff"]["practitioner"])]
    person, episode = setup["episodes"][n % len(setup["episodes"])]
    lead = setup["staff"]["le.lead"][n % len(setup["staff"]["le.lead"])]
    leader = setup["staff"]["team.leader"][n % len(setup["staff"]["team.leader"])]
    voice = setup["voices"][n % len(setup["voices"])]
    insight = setup["insights"][n % len(setup["insights"])]
    return [
        ("home (page shell)", "/", practitioner),
        ("worklist", "/worklist", practitioner),
        ("caseload", "/caseload", practitioner),
        ("person record", f"/people/{person}", practitioner),
        ("record-contact form", f"/episodes/{episode}/contacts/new", practitioner),
        ("episode", f"/episodes/{episode}", practitioner),
        ("voices inbox", "/voices", lead),
        ("voice", f"/voices/{voice}", lead),
        ("insight", f"/insights/{insight}", lead),
        ("actions", "/actions", lead),
        ("alerts", "/alerts", leader),
        ("evidence summary", "/evidence", leader),
        ("public feedback", "/feedback", None),
    ]


def server_time_alone(port: int, setup: dict[str, Any], rounds: int = 15) -> dict[str, Any]:
    """Each page asked ``rounds`` times, one request at a time on one connection (no other
    request in the server, so no queue and no other thread's work in its time), its
    ``Server-Timing`` read: each page's median server time, database time and queries,
    and its server time ÷ the page shell's."""
    answers: dict[str, list[tuple[float, float | None, float | None, int | None, bool, int]]]
    answers = {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        for n in range(rounds):
            for name, path, cookie in _pages(setup, n):
                headers = {"X-Forwarded-Proto": "https"}
                if cookie:
                    headers["Cookie"] = f"sessionid={cookie}"
                started = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ms = (time.perf_counter() - started) * 1000
                app, db, queries = web_journeys.server_timing(
                    response.getheader("Server-Timing") or ""
                )
                ok = response.status == 200
                answers.setdefault(name, []).append((ms, app, db, queries, ok, response.status))
    finally:
        connection.close()
    pages = web_journeys.summarise(answers, seconds=1)["pages"]
    return {
        name: {
            key: page[key]
            for key in (
                "server_median_ms",
                "db_median_ms",
                "queries_median",
                "server_time_vs_shell",
                "errors",
                "error_statuses",
            )
        }
        for name, page in pages.items()
    }


def chart(result: dict[str, Any]) -> str:
    """p95 against staff online, one line a page, as a plain SVG (no plotting library):
    a log scale of milliseconds, the 250 ms target dashed."""
    steps = result["steps"]
    pages = sorted({name for step in steps for name in step["pages"]})
    width, height, left, right, top, bottom = 760, 420, 70, 200, 30, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    most = max((s["staff_online"] for s in steps), default=1)
    worst = max((p["p95_ms"] for s in steps for p in s["pages"].values()), default=1000.0)
    low, decades = 10.0, max(3, math.ceil(math.log10(max(worst, 1.0) / 10.0)))
    high = low * 10**decades

    def x(staff: float) -> float:
        return left + plot_w * staff / most

    def y(ms: float) -> float:
        ms = min(max(ms, low), high)
        return top + plot_h * (1 - (math.log10(ms) - math.log10(low)) / decades)

    colours = [
        "#005eb8",
        "#d5281b",
        "#007f3b",
        "#ffb81c",
        "#330072",
        "#ae2573",
        "#00a499",
        "#425563",
        "#ed8b00",
        "#7c2855",
        "#41b6e6",
        "#000000",
    ]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="18" font-size="14">p95 by page against staff online '
        "(log scale)</text>",
    ]
    for ms in (int(low * 10**n) for n in range(decades + 1)):
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(ms):.1f}" y2="{y(ms):.1f}" '
            'stroke="#d8dde0"/>'
            f'<text x="{left - 6}" y="{y(ms) + 4:.1f}" text-anchor="end">{ms:,} ms</text>'
        )
    out.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{y(TARGET_MS):.1f}" '
        f'y2="{y(TARGET_MS):.1f}" stroke="#d5281b" stroke-dasharray="6 4"/>'
        f'<text x="{left + 4}" y="{y(TARGET_MS) - 4:.1f}" fill="#d5281b">target '
        f"{TARGET_MS} ms</text>"
    )
    for step in steps:
        staff = step["staff_online"]
        out.append(
            f'<line x1="{x(staff):.1f}" x2="{x(staff):.1f}" y1="{top + plot_h}" '
            f'y2="{top + plot_h + 5}" stroke="#425563"/>'
            f'<text x="{x(staff):.1f}" y="{top + plot_h + 18}" text-anchor="middle">'
            f"{staff:,}</text>"
        )
    out.append(
        f'<text x="{left + plot_w / 2}" y="{height - 10}" text-anchor="middle">'
        "staff online at once</text>"
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#425563"/>'
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" '
        'stroke="#425563"/>'
    )
    for n, name in enumerate(pages):
        colour = colours[n % len(colours)]
        points = [
            (x(s["staff_online"]), y(s["pages"][name]["p95_ms"]))
            for s in steps
            if name in s["pages"]
        ]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>' for px, py in points]
        ly = top + 14 + 18 * n
        out.append(
            f'<line x1="{left + plot_w + 15}" x2="{left + plot_w + 35}" y1="{ly - 4}" '
            f'y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{left + plot_w + 40}" y="{ly}">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def summary(result: dict[str, Any]) -> str:
    """The staff-online result as text: one table a step."""
    lines = [
        f"staff online at target (every page p95 <= {TARGET_MS} ms, no errors): "
        f"{result['staff_online_at_target']} (target: 1500)",
    ]
    if result["stopped_early"]:
        lines.append(result["stopped_early"])
    for step in result["steps"]:
        lines.append(
            f"\n{step['staff_online']} staff online ({step['people']}): {step['rps']} "
            f"requests/s, {step['errors']} errors, worst p95 {step['worst_p95_ms']} ms "
            f"({'met' if step['met'] else 'missed'}); load generator CPU "
            f"{step['locust_cpu_percent']}%"
        )
        lines.append(
            f"  {'page':<22}{'p50':>8}{'p95':>8}{'p99':>8}{'req/s':>8}{'err':>5}"
            f"{'server':>8}{'db':>7}{'queries':>8}{'x shell':>8}"
        )
        for name, p in step["pages"].items():
            lines.append(
                f"  {name:<22}{p['p50_ms']:>8}{p['p95_ms']:>8}{p['p99_ms']:>8}{p['rps']:>8}"
                f"{p['errors']:>5}{p['server_median_ms']!s:>8}{p['db_median_ms']!s:>7}"
                f"{p['queries_median']!s:>8}{p['server_time_vs_shell']!s:>8}"
            )
    lines.append("\neach page asked alone (median server ms, db ms, queries, x shell):")
    for name, page in result["server_time_alone"].items():
        lines.append(
            f"  {name:<22}{page['server_median_ms']!s:>8}{page['db_median_ms']!s:>8}"
            f"{page['queries_median']!s:>6}{page['server_time_vs_shell']!s:>8}"
            + (f"  errors {page['error_statuses']}" if page["errors"] else "")
        )
    lines.append(
        f"every page's server time within {SHELL_RATIO_TARGET:.0f}x of the page shell's: "
        f"{result['server_time_within_3x_of_shell']}"
    )
    return "\n".join(lines)


def _one(port: int, path: str, cookie: str) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request(
        "GET", path, headers={"X-Forwarded-Proto": "https", "Cookie": f"sessionid={cookie}"}
    )
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")


def _wait(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(log.read_text()[-2000:])
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https"})
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")
