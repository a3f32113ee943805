"""``coproduce bench web``: the production server under load, on PostgreSQL.

A throwaway PostgreSQL on loopback gets the schema and a trust-year of synthetic data
(``coproduce seed --profile trust-year``); the production server (``coproduce serve``,
waitress, production settings) serves it on loopback; simulated users, each on its own
keep-alive connection with no pause between requests (so the figures are the server's
capacity), ask one page after another for a fixed time. Then, in the same run, a
trivial view (``/healthz``: since issue 24 it asks nothing of the database; before, one
``SELECT 1``) is asked the same way, for comparison.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

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


def run(
    users: int = 32, seconds: float = 15, threads: int = 8, processes: int = 1
) -> dict[str, Any]:
    postgres = TemporaryPostgres().initialise()
    postgres.start()
    static = Path(tempfile.mkdtemp(prefix="coproduce-static-"))
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "COPRODUCE_ENV"))
    }
    demo = {**base, "COPRODUCE_ENV": "demo", "DATABASE_URL": postgres.url}
    production = {
        **base,
        "COPRODUCE_ENV": "production",
        "DATABASE_URL": postgres.url,
        "SECRET_KEY": "bench-only-secret-key-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "COPRODUCE_PUBLIC_BASE_URL": "https://crisis.example.nhs.uk",
        "COPRODUCE_TRUST_NAME": "Bench NHS Foundation Trust",
        "COPRODUCE_LOCAL_CRISIS_LINE": "0800 123 4567",
        "SECURE_SSL_REDIRECT": "false",
        # The load generator on loopback stands where the proxy would; it sends no
        # forwarded headers, so every request is plain HTTP, as before.
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
    }
    server = None
    try:
        started = time.perf_counter()
        _run(["migrate", "-v0"], demo)
        _run(["seed", "--profile", "trust-year"], demo)
        _run(["collectstatic", "--no-input", "-v0"], production)
        setup = json.loads(
            _run(["bench_web_setup", "--users", ",".join(sorted(USERS))], production)
        )
        counts = json.loads(_run(["bench_web_counts"], demo))
        prepared = time.perf_counter() - started
        port = free_port()
        server_log = static / "server.log"
        server = subprocess.Popen(  # noqa: S603
            [
                *COPRODUCE,
                "serve",
                "--port",
                str(port),
                "--threads",
                str(threads),
                "--processes",
                str(processes),
            ],
            env=production,
            cwd=ROOT,
            stderr=server_log.open("w"),
        )
        _wait(port, server, server_log)
        people = [f"/people/{pk}" for pk in setup["people"]]
        sessions = setup["sessions"]
        pages = {
            "caseload": (["/caseload"], sessions["practitioner"]),
            "person_record": (people, sessions["practitioner"]),
            "voices_inbox": (["/voices"], sessions["le.lead"]),
            "dashboard": (["/evidence"], sessions["analyst"]),
            "public_feedback": (["/feedback"], None),
        }
        cold = time.perf_counter()
        # Each server process works out the trust's figures once; new connections reach
        # every process (the kernel shares them out), so ask on several at once.
        warming = [
            threading.Thread(target=_one, args=(port, "/evidence", sessions["analyst"]))
            for _ in range(8 * processes)
        ]
        for thread in warming:
            thread.start()
        for thread in warming:
            thread.join()
        dashboard_first_seconds = round(time.perf_counter() - cold, 2)
        results = {}
        for name, (paths, cookie) in pages.items():
            _load(port, paths, cookie, users, 1.5)  # warm up
            results[name] = _load(port, paths, cookie, users, seconds)
        _load(port, ["/healthz"], None, users, 1.5)
        trivial = _load(port, ["/healthz"], None, users, seconds)
        failures = [line for line in server_log.read_text().splitlines() if "ERROR" in line]
        return {
            "data": counts,
            "users": users,
            "seconds_per_page": seconds,
            "server_threads": threads,
            "server_processes": processes,
            "prepare_seconds": round(prepared, 1),
            "dashboard_first_request_seconds": dashboard_first_seconds,
            "pages": results,
            "trivial_rps": trivial["rps"],
            "trivial": trivial,
            "dashboard_share_of_trivial": round(results["dashboard"]["rps"] / trivial["rps"], 3),
            "server_errors_logged": failures[:5],
        }
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(40)
            except subprocess.TimeoutExpired:
                server.kill()
        postgres.remove()


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
