"""Reliability with real parts: the production server stops gracefully, and a database
that goes away gives a clear 503 and is reconnected to when it is back."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from coproduce.tooling.testing.postgres import TemporaryPostgres, free_port

ROOT = Path(__file__).resolve().parents[3]


def wait_for_port(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode()[-2000:])
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except urllib.error.HTTPError:
            return  # it answered
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def sigterm_with_a_slow_request_in_hand(port, process):
    """SIGTERM while a two-second request is being answered: the server must take no new
    connection, answer that request in full and exit cleanly. Its answer is returned."""
    answers = []
    slow = threading.Thread(target=lambda: answers.append(get(port, "/?2")))
    slow.start()
    time.sleep(0.5)  # the slow request is in hand
    process.send_signal(signal.SIGTERM)
    time.sleep(0.6)  # the listeners are closed; the slow request is still in hand
    with pytest.raises(urllib.error.URLError, match="Connection refused"):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
    slow.join(10)
    assert process.wait(15) == 0
    return answers[0]


SLOW_APP = """
import sys, time
from coproduce.web import server

def app(environ, start_response):
    time.sleep(float(environ.get("QUERY_STRING") or 0))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"answered in full"]

server.serve(app, host="127.0.0.1", port=int(sys.argv[1]), threads=4, drain_seconds=10)
"""


def test_shutdown_finishes_the_requests_in_hand_and_takes_no_new_ones():
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SLOW_APP, str(port)], stderr=subprocess.PIPE, cwd=ROOT
    )
    try:
        wait_for_port(port, process)
        answer = sigterm_with_a_slow_request_in_hand(port, process)
        assert answer[:2] == (200, "answered in full")
    finally:
        process.kill()


PID_APP = """
import os, sys, time
from coproduce.web import server

def app(environ, start_response):
    time.sleep(float(environ.get("QUERY_STRING") or 0))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]

server.serve(app, "127.0.0.1", int(sys.argv[1]), threads=4, drain_seconds=10)
"""

SUPERVISOR = """
import sys
from coproduce.web import server

one = [sys.executable, "-c", sys.argv[2], sys.argv[1]]
listener = server.listening_socket("127.0.0.1", int(sys.argv[1]))
server.supervise(one, 2, drain_seconds=10, listener=listener)
"""


def answering_pids(port, connections=40):
    # Each request on a new connection: the kernel shares connections, not requests.
    return {int(get(port, "/")[1]) for _ in range(connections)}


def pids_while_recovering(port, connections=20):
    """The processes answering, and how many connections were reset (none should be:
    connections wait in the socket the processes share, not in the one killed)."""
    pids, reset = set(), 0
    for _ in range(connections):
        try:
            pids.add(int(get(port, "/")[1]))
        except (ConnectionResetError, urllib.error.URLError):
            reset += 1
    return pids, reset


def test_several_processes_share_the_port_replace_one_that_dies_and_drain_on_sigterm():
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SUPERVISOR, str(port), PID_APP], stderr=subprocess.PIPE, cwd=ROOT
    )
    try:
        wait_for_port(port, process)
        time.sleep(1.5)  # past the supervisor's settling time
        first = answering_pids(port)
        assert len(first) == 2  # both processes take connections
        killed = min(first)
        os.kill(killed, signal.SIGKILL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            now, reset = pids_while_recovering(port)
            if len(now) == 2 and killed not in now and not reset:
                break
            time.sleep(0.2)
        assert killed not in now
        assert len(now) == 2  # a new process took the dead one's place
        assert reset == 0  # and once it has, every connection is answered
        answer = sigterm_with_a_slow_request_in_hand(port, process)
        assert answer[0] == 200
        assert int(answer[1]) in now  # answered in full by one of them
    finally:
        process.kill()


def test_a_reload_replaces_every_process_without_refusing_a_connection():
    """SIGHUP (systemctl reload, after an upgrade): new processes start and listen before
    the old stop; a request the old had in hand is answered in full, and every connection
    made meanwhile is answered."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SUPERVISOR, str(port), PID_APP], stderr=subprocess.PIPE, cwd=ROOT
    )
    answered, failed, stop = [], [], threading.Event()

    def keep_asking():
        while not stop.is_set():
            try:
                answered.append(int(get(port, "/")[1]))
            except OSError as error:
                failed.append(repr(error))

    try:
        wait_for_port(port, process)
        time.sleep(1.5)
        old = answering_pids(port)
        assert len(old) == 2
        slow = []
        in_hand = threading.Thread(target=lambda: slow.append(get(port, "/?3")))
        in_hand.start()
        asking = threading.Thread(target=keep_asking)
        asking.start()
        time.sleep(0.5)
        process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            recent = set(answered[-20:])
            if len(recent) == 2 and not recent & old:
                break
            time.sleep(0.2)
        time.sleep(1)
        stop.set()
        asking.join(15)
        in_hand.join(15)
        assert failed == []
        new = set(answered[-20:])
        assert len(new) == 2
        assert not new & old  # every process replaced
        assert len(answered) > 20
        assert slow[0][0] == 200
        assert int(slow[0][1]) in old  # the old process finished what it had in hand
        assert process.poll() is None  # the supervisor goes on
        deadline = time.monotonic() + 30
        while old and time.monotonic() < deadline:  # the old processes then exit
            old = {pid for pid in old if Path(f"/proc/{pid}").exists()}
            time.sleep(0.2)
        assert old == set()
    finally:
        stop.set()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def test_a_reload_whose_new_code_cannot_start_leaves_the_old_processes_serving(tmp_path):
    broken = tmp_path / "broken"
    app = "import os, sys\nif os.path.exists(sys.argv[2]): sys.exit(3)\n" + PID_APP
    supervisor = SUPERVISOR.replace(
        "sys.argv[2], sys.argv[1]]", "sys.argv[2], sys.argv[1], sys.argv[3]]"
    )
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", supervisor, str(port), app, str(broken)],
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        wait_for_port(port, process)
        time.sleep(1.5)
        old = answering_pids(port)
        broken.write_text("the new code fails as it starts")
        process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        log = b""
        while b"reload refused" not in log and time.monotonic() < deadline:
            log += os.read(process.stderr.fileno(), 4096)
        assert b"reload refused: the new server processes did not start" in log
        assert answering_pids(port) == old  # still serving, by the same processes
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def test_serving_on_a_port_in_use_is_refused_with_a_clear_message():
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    env = {**os.environ, "COPRODUCE_ENV": "demo", "DJANGO_SETTINGS_MODULE": "coproduce.settings"}
    try:
        done = subprocess.run(  # noqa: S603
            [
                sys.executable,
                "-c",
                "from coproduce.cli import main; main()",
                "serve",
                "--port",
                str(port),
                "--processes",
                "2",
            ],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    finally:
        taken.close()
    assert done.returncode == 1
    assert f"is port {port} in use?" in done.stderr


def test_a_process_that_fails_slowly_on_a_loaded_machine_is_still_a_failed_start():
    """Whether a process could serve is what it says, not how long it took to fail: on a
    loaded machine a process that took seven seconds to find its port taken was once
    taken for a running one that died, and started again for ever."""
    from coproduce.web import server

    slow_to_fail = [sys.executable, "-c", "import time; time.sleep(7); raise SystemExit(3)"]
    handlers = [signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)]
    listener = server.listening_socket("127.0.0.1", free_port())
    try:
        with pytest.raises(server.StartFailed, match="exited with 3 as it started"):
            server.supervise(slow_to_fail, 2, drain_seconds=1, listener=listener)
    finally:
        listener.close()
        for number, handler in zip(
            (signal.SIGTERM, signal.SIGINT, signal.SIGHUP), handlers, strict=True
        ):
            signal.signal(number, handler)


@pytest.fixture(scope="module")
def postgres():
    server = TemporaryPostgres().initialise()
    server.start()
    yield server
    server.remove()


def test_a_database_that_goes_away_gives_a_clear_503_and_is_reconnected_to(postgres):
    env = {
        **os.environ,
        "DATABASE_URL": postgres.url,
        "COPRODUCE_ENV": "demo",
        "DJANGO_SETTINGS_MODULE": "coproduce.settings",
    }
    coproduce = [sys.executable, "-c", "from coproduce.cli import main; main()"]
    subprocess.run([*coproduce, "migrate", "-v0"], env=env, check=True, cwd=ROOT, timeout=300)  # noqa: S603
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [*coproduce, "serve", "--port", str(port), "--threads", "2"],
        env=env,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        wait_for_port(port, process)
        assert get(port, "/you-said-we-did")[0] == 200
        postgres.stop()
        status, body, headers = get(port, "/you-said-we-did")
        assert status == 503
        assert "Sorry, the service is not available right now" in body
        assert "Nothing you had already saved has been lost" in body
        assert 'tel:08000000000">0800 000 0000</a> (demo)' in body  # the line, even now
        assert headers["Retry-After"] == "30"
        # Alive (a monitor must not restart it for the database's fault), not ready, and
        # saying why.
        assert get(port, "/healthz")[0] == 200
        status, body, _ = get(port, "/readyz")
        assert status == 503
        assert json.loads(body)["checks"]["database"] == {
            "ok": False,
            "detail": "cannot be reached (OperationalError)",
        }
        postgres.start()
        assert get(port, "/you-said-we-did")[0] == 200
        assert json.loads(get(port, "/readyz")[1])["checks"]["database"]["ok"] is True
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def test_serving_with_no_processes_is_refused_by_name():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="--processes must be 1 or more, not 0"):
        call_command("serve", processes=0)


def test_a_task_worker_that_loses_its_database_stops_with_one_line_not_a_traceback(postgres):
    env = {
        **os.environ,
        "DATABASE_URL": postgres.url,
        "COPRODUCE_ENV": "demo",
        "COPRODUCE_LOG_FORMAT": "json",
        "DJANGO_SETTINGS_MODULE": "coproduce.settings",
    }
    coproduce = [sys.executable, "-c", "from coproduce.cli import main; main()"]
    subprocess.run([*coproduce, "migrate", "-v0"], env=env, check=True, cwd=ROOT, timeout=300)  # noqa: S603
    worker = subprocess.Popen(  # noqa: S603
        [*coproduce, "worker", "--interval", "0.2", "--no-startup-delay"],
        env=env,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        time.sleep(3)
        assert worker.poll() is None
        postgres.stop()
        assert worker.wait(60) == 1  # systemd starts it again (Restart=always)
        lines = worker.stderr.read().decode().splitlines()
        assert "Traceback" not in "\n".join(lines)
        stopped = [json.loads(line) for line in lines if "the task worker stopped" in line]
        assert [line["level"] for line in stopped] == ["ERROR"]
        assert stopped[0]["message"].startswith("the task worker stopped: the database failed (")
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        postgres.start()
