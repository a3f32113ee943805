"""What an operator watches: /readyz names what is wrong, /metrics gives the crisis
service's state to the monitoring addresses only, every answer and log line carries a
request id, the task worker beats while it waits, and the minute's jobs each run."""

import datetime as dt
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.messaging.models import Message, Worker
from coproduce.messaging.tasks import deliver_message
from coproduce.tooling.testing.factories import UserFactory, VoiceFactory
from coproduce.tooling.testing.logs import personal_data_in
from coproduce.tooling.testing.postgres import free_port
from coproduce.voices.models import RiskAlert
from coproduce.web.tests.test_shell import run_django

ROOT = Path(__file__).resolve().parents[3]
COPRODUCE = [sys.executable, "-c", "from coproduce.cli import main; main()"]


def ready(client):
    response = client.get("/readyz")
    return response.status_code, response.json()


def a_task_worker(seconds_ago=1, stopped=False):
    now = timezone.now()
    return Worker.objects.create(
        id=f"host:1:{seconds_ago}",
        kind=Worker.Kind.TASKS,
        host="host",
        pid=1,
        started_at=now - dt.timedelta(hours=1),
        beat_at=now - dt.timedelta(seconds=seconds_ago),
        stopped_at=now if stopped else None,
    )


# Readiness ---------------------------------------------------------------------------


def test_ready_needs_a_task_worker_and_names_what_is_missing(client, db):
    status, body = ready(client)
    assert status == 503
    assert body["status"] == "unready"
    assert body["checks"]["database"] == {"ok": True, "detail": "reachable"}
    assert body["checks"]["migrations"] == {"ok": True, "detail": "all applied"}
    assert body["checks"]["worker"] == {
        "ok": False,
        "detail": "no task worker has run (start coproduce worker)",
    }
    assert body["checks"]["queue"]["ok"] is True

    a_task_worker(seconds_ago=5)
    status, body = ready(client)
    assert status == 200
    assert body["status"] == "ready"
    assert body["checks"]["worker"] == {"ok": True, "detail": "1 task worker beat in the last 120s"}


def test_a_silent_or_stopped_worker_is_not_ready_and_a_sender_is_not_the_worker(client, db):
    worker = a_task_worker(seconds_ago=121)
    status, body = ready(client)
    assert status == 503
    assert body["checks"]["worker"]["detail"].startswith(
        "no task worker has beaten in the last 120s (the last beat was at "
    )
    Worker.objects.filter(pk=worker.pk).update(beat_at=timezone.now(), stopped_at=timezone.now())
    assert ready(client)[1]["checks"]["worker"]["detail"].startswith("the task worker stopped at ")
    # A sweeper beating while it sends is not the task worker.
    Worker.objects.create(
        id="sweeper", host="h", pid=2, started_at=timezone.now(), beat_at=timezone.now()
    )
    assert ready(client)[0] == 503


def test_a_queue_with_work_waiting_too_long_is_named(client, db):
    a_task_worker()
    message = Message.objects.create(
        kind=Message.Kind.THANKS_REPLY, channel="sms", to="07700900123", body="Thank you."
    )
    assert ready(client)[0] == 200
    Message.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=11)
    )
    status, body = ready(client)
    assert status == 503
    assert re.fullmatch(
        r"a message due since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC not yet taken up "
        r"\(more than 10 minutes\)",
        body["checks"]["queue"]["detail"],
    )
    # A retry booked for later is not waiting.
    Message.objects.filter(pk=message.pk).update(
        attempts=1, next_attempt_at=timezone.now() + dt.timedelta(minutes=5)
    )
    assert ready(client)[0] == 200

    result = deliver_message.enqueue(str(message.pk))
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - dt.timedelta(minutes=30)
    )
    status, body = ready(client)
    assert status == 503
    assert body["checks"]["queue"]["detail"].startswith("a task due since ")


@pytest.mark.same_on_every_database
def test_unapplied_migrations_are_named(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database, "COPRODUCE_ENV": "demo"}
    subprocess.run(  # noqa: S603
        [*COPRODUCE, "migrate", "messaging", "0002", "-v0"], env=env, check=True, cwd=ROOT
    )
    result = run_django(
        "from django.test import Client; r = Client().get('/readyz');"
        "print(r.status_code, r.json()['checks']['migrations'])",
        DATABASE_URL=database,
        COPRODUCE_ENV="demo",
        ALLOWED_HOSTS="testserver",
    )
    assert result.stdout.startswith("503 {'ok': False, 'detail': '"), result.stderr
    assert "not applied: " in result.stdout
    assert "(run coproduce migrate)" in result.stdout


# Metrics -----------------------------------------------------------------------------


def metric(text, name, labels=""):
    pattern = re.escape(name) + (r"\{" + re.escape(labels) + r"\}" if labels else "")
    found = re.search(rf"^{pattern} (\S+)$", text, re.M)
    assert found, f"{name}{labels} not in the metrics"
    return float(found.group(1))


def test_metrics_give_the_crisis_services_state(client, db):
    voice = VoiceFactory()
    alert = RiskAlert.objects.create(voice=voice, concerns=["suicidal thoughts"])
    RiskAlert.objects.filter(pk=alert.pk).update(
        raised_at=timezone.now() - dt.timedelta(minutes=20)
    )
    RiskAlert.objects.create(voice=VoiceFactory(), acknowledged_at=timezone.now())
    Message.objects.create(
        kind=Message.Kind.THANKS_REPLY, channel="sms", to="07700900123", body="x", attempts=2
    )
    Message.objects.create(
        kind=Message.Kind.THANKS_REPLY, channel="sms", to="07700900123", body="x", status="failed"
    )
    a_task_worker(seconds_ago=30)

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    text = response.content.decode()
    assert metric(text, "coproduce_database_up") == 1
    assert metric(text, "coproduce_risk_alerts_unacknowledged") == 1
    assert 20 * 60 <= metric(text, "coproduce_risk_alert_oldest_unacknowledged_age_seconds") < 3600
    assert metric(text, "coproduce_messages", 'status="queued"') == 1
    assert metric(text, "coproduce_messages", 'status="failed"') == 1
    assert metric(text, "coproduce_messages", 'status="delivered"') == 0
    assert metric(text, "coproduce_messages_waiting_to_retry") == 1
    assert 30 <= metric(text, "coproduce_task_worker_last_heartbeat_age_seconds") < 600
    assert metric(text, "coproduce_task_workers_seen") == 1
    assert metric(text, "coproduce_sign_in_locked_out") == 0
    # Nothing personal: no words, numbers or names of anyone.
    assert "07700900123" not in text
    assert personal_data_in(text.splitlines()) == []


def test_metrics_count_pages_and_sign_in_failures_and_lock_outs(client, db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="duty.worker")

    def scrape():
        return client.get("/metrics").content.decode()

    before = scrape()
    client.get("/feedback")
    for _ in range(4):  # three wrong passwords lock the account; the fourth is refused
        client.post("/sign-in", {"username": "duty.worker", "password": "wrong password 1"})
    after = scrape()
    page = 'method="GET",page="give_feedback"'
    count = "coproduce_request_duration_seconds_count"
    assert metric(after, count, page) == metric(before, count, page) + 1 if page in before else 1
    failures = "coproduce_sign_in_failures_total"
    assert metric(after, failures) - metric(before, failures) >= 3
    lockouts = "coproduce_sign_in_lockouts_total"
    assert metric(after, lockouts) - metric(before, lockouts) >= 1
    assert metric(after, "coproduce_sign_in_locked_out") == 1
    assert metric(after, "coproduce_responses_total", 'status="2xx"') >= 1


def test_metrics_give_the_newest_backups_age(client, db, settings, tmp_path):
    settings.BACKUP_DIR = tmp_path
    text = client.get("/metrics").content.decode()
    assert metric(text, "coproduce_backup_newest_age_seconds") == float("inf")
    assert metric(text, "coproduce_backups_kept") == 0
    made = timezone.now() - dt.timedelta(hours=30)
    for hours in (54, 30):
        at = timezone.now() - dt.timedelta(hours=hours)
        (tmp_path / at.strftime("coproduce-%Y%m%dT%H%M%SZ.json.gz")).write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not a backup")
    text = client.get("/metrics").content.decode()
    age = metric(text, "coproduce_backup_newest_age_seconds")
    assert 30 * 3600 - 5 <= age <= (timezone.now() - made).total_seconds() + 5
    assert metric(text, "coproduce_backups_kept") == 2


def test_metrics_are_refused_outside_the_monitoring_addresses(client, db, settings):
    response = client.get("/metrics", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 403
    assert "monitoring addresses" in response.content.decode()
    assert b"coproduce_" not in response.content
    import ipaddress

    settings.METRICS_ADDRESSES = [ipaddress.ip_network("10.1.2.0/24")]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics").status_code == 403  # 127.0.0.1 is no longer one


def test_a_malformed_monitoring_address_stops_start_up():
    result = run_django("", COPRODUCE_METRICS_ADDRESSES="127.0.0.1,10.0.0.0/33")
    assert (
        "COPRODUCE_METRICS_ADDRESSES must be IP addresses or networks (such as 10.0.0.0/24), "
        "separated by commas, not '10.0.0.0/33'"
    ) in result.stderr
    result = run_django("", COPRODUCE_LOG_FORMAT="xml")
    assert "COPRODUCE_LOG_FORMAT must be json or plain, not 'xml'" in result.stderr
    result = run_django("", PROMETHEUS_MULTIPROC_DIR="/no/such/folder")
    assert "PROMETHEUS_MULTIPROC_DIR must be an existing folder, not '/no/such/folder'" in (
        result.stderr
    )


def test_the_probes_and_the_home_page_answer_head_and_unready_is_no_error(client, db, caplog):
    for path in ("/", "/healthz", "/readyz", "/metrics"):
        assert client.head(path).status_code in {200, 503}, path
    caplog.clear()
    with caplog.at_level("INFO"):
        assert client.get("/readyz").status_code == 503
    assert [r.getMessage() for r in caplog.records if r.levelno >= 30] == []
    [line] = [r for r in caplog.records if r.name == "coproduce.requests"]
    assert line.levelname == "INFO"
    assert line.getMessage().startswith("GET readyz 503 ")


# Request ids and logs ----------------------------------------------------------------


def test_every_answer_carries_a_request_id_and_a_forged_one_is_replaced(client, db):
    made = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert client.get("/healthz")["X-Request-ID"] != made
    given = "7f3c9a1be2d44c0f9a8b6c5d4e3f2a1b"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    forged = client.get("/healthz", HTTP_X_REQUEST_ID='x" injected=1')["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", forged)


@pytest.mark.same_on_every_database
def test_logs_are_json_lines_with_the_request_id_and_no_personal_data(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database, "COPRODUCE_ENV": "demo"}
    subprocess.run([*COPRODUCE, "migrate", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    given = "0123456789abcdef0123456789abcdef"
    result = run_django(
        "from django.test import Client; c = Client();"
        "c.get('/people/find?nhs_number=9434765919&name=Robin+Example1',"
        f" HTTP_X_REQUEST_ID='{given}');"
        "c.post('/sign-in', {'username': 'Robin Example1', 'password': 'x'});"
        "c.get('/no-such-page?q=Robin+Example1+9434765919');"
        "s = Client(enforce_csrf_checks=True);"
        "s.post('/feedback', {'x': 1}, secure=True,"
        " HTTP_REFERER='https://elsewhere.example/people?q=Robin+Example1')",
        DATABASE_URL=database,
        COPRODUCE_ENV="demo",
        COPRODUCE_LOG_FORMAT="json",
        ALLOWED_HOSTS="testserver",
    )
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is JSON
    requests = [r for r in records if r["logger"] == "coproduce.requests"]
    assert [(r["method"], r["page"], r["status"]) for r in requests] == [
        ("GET", "find_person", 302),
        ("POST", "sign_in", 200),
        ("GET", "unmatched", 404),
        ("POST", "give_feedback", 403),
    ]
    assert requests[0]["request_id"] == given
    assert {"time", "level", "message", "ms"} <= set(requests[0])
    assert all(re.fullmatch(r"[0-9a-f]{32}", r["request_id"]) for r in requests[1:])
    # The 404's own warning carries the same id as its request line.
    warning = next(r for r in records if r["logger"] == "django.request")
    assert warning["request_id"] == requests[2]["request_id"]
    assert "Robin" not in result.stderr
    assert "9434765919" not in result.stderr
    csrf = next(r for r in records if r["logger"] == "django.security.csrf")
    assert "https://elsewhere.example/people?… does not match" in csrf["message"]
    assert {r.get("request") for r in records if "request" in r} == {"-"}
    assert personal_data_in(lines) == []


# The task worker and the minute's jobs ------------------------------------------------


@pytest.mark.same_on_every_database
def test_the_task_worker_beats_while_it_waits_and_says_when_it_stopped(tmp_path):
    path = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{path}",
        "COPRODUCE_ENV": "demo",
        "COPRODUCE_WORKER_HEARTBEAT_SECONDS": "0.5",
        "COPRODUCE_WORKER_LOST_AFTER_SECONDS": "2",
    }
    subprocess.run([*COPRODUCE, "migrate", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    worker = subprocess.Popen(  # noqa: S603
        [*COPRODUCE, "worker", "--interval", "0.5", "--no-startup-delay"],
        env=env,
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )

    def rows():
        with sqlite3.connect(path) as database:
            return database.execute(
                "SELECT kind, beat_at, stopped_at FROM messaging_worker"
            ).fetchall()

    try:
        deadline = time.monotonic() + 60
        beats: set[str] = set()
        while len(beats) < 3 and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stderr.read().decode()[-2000:]
            beats |= {beat for kind, beat, _ in rows() if kind == "tasks"}
            time.sleep(0.2)
        assert len(beats) >= 3  # beating with no task to run
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0
        [(kind, _, stopped_at)] = rows()
        assert kind == "tasks"
        assert stopped_at is not None
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


@pytest.mark.same_on_every_database
def test_every_minute_runs_each_job_even_when_one_fails_and_names_it(tmp_path):
    path = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "COPRODUCE_ENV": "demo"}
    subprocess.run([*COPRODUCE, "migrate", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    ok = subprocess.run(  # noqa: S603
        [*COPRODUCE, "every-minute"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert [line.split(":")[0] for line in ok.stdout.splitlines()] == [
        "escalate-alerts",
        "send-follow-ups",
        "recover-lost-work",
        "deliver-messages",
        "finish-fan-outs",
        "mark-disengaged",
    ]
    with sqlite3.connect(path) as database:  # a real fault in the first job
        database.execute("DROP TABLE voices_riskalert")
    failed = subprocess.run(  # noqa: S603
        [*COPRODUCE, "every-minute"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert failed.returncode == 1
    assert "These jobs failed (the others ran): escalate-alerts." in failed.stderr
    assert "every-minute: escalate-alerts failed (OperationalError)" in failed.stderr
    assert [line.split(":")[0] for line in failed.stdout.splitlines()] == [
        "send-follow-ups",
        "recover-lost-work",
        "deliver-messages",
        "finish-fan-outs",
        "mark-disengaged",
    ]
    # Where escalations have a timer of their own, the rest run without them.
    rest = subprocess.run(  # noqa: S603
        [*COPRODUCE, "every-minute", "--without-escalations"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert rest.returncode == 0, rest.stderr
    assert "escalate-alerts" not in rest.stdout
    assert len(rest.stdout.splitlines()) == 5


# Several server processes share their counts --------------------------------------------


@pytest.mark.same_on_every_database
def test_several_server_processes_count_into_one_set_of_metrics(tmp_path):
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_0.db").write_bytes(b"left by a server that ran before")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "COPRODUCE_ENV": "demo",
        "PROMETHEUS_MULTIPROC_DIR": str(folder),
    }
    subprocess.run([*COPRODUCE, "migrate", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    port = free_port()
    log = tmp_path / "server.log"
    server = subprocess.Popen(  # noqa: S603
        [*COPRODUCE, "serve", "--port", str(port), "--processes", "2", "--threads", "2"],
        env=env,
        cwd=ROOT,
        stderr=log.open("w"),
    )

    def get(path):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
            return answer.read().decode()

    try:
        deadline = time.monotonic() + 120  # two processes starting on a busy machine
        while True:
            try:
                get("/healthz")
                break
            except OSError:
                # Said at once with its reason if it stopped (the CI once saw it not start).
                assert server.poll() is None, f"the server stopped: {log.read_text()[-2000:]}"
                assert time.monotonic() < deadline, f"no answer: {log.read_text()[-2000:]}"
                time.sleep(0.2)
        for _ in range(30):
            get("/you-said-we-did")
        assert not (folder / "counter_0.db").exists()  # a server's before this one
        pids = {int(name.split("_")[-1][:-3]) for name in os.listdir(folder)}
        assert len(pids) == 3  # the supervisor and its two server processes
        for _ in range(4):  # whichever process answers, the sum is every process's
            counts = metric(
                get("/metrics"),
                "coproduce_request_duration_seconds_count",
                'method="GET",page="list_updates"',
            )
            assert counts == 30
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
