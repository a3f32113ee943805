"""A worker killed mid-send: its messages are taken back within the bound and sent once,
and the task it was running is marked failed. The real task worker in its own process,
killed with SIGKILL, against the local fake Notify."""

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.messaging import notify, services, workers
from coproduce.messaging.models import Message, Worker
from coproduce.messaging.tasks import deliver_message, deliver_messages
from coproduce.tooling.testing.workers import lose

ROOT = Path(__file__).resolve().parents[3]
# Each argument a coproduce command, run in one process (call_command, as the CLI does
# but without Django's system checks, which only slow the test).
COMMANDS = """
import os, shlex, sys, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
django.setup()
from django.core.management import call_command
for command in sys.argv[1:]:
    call_command(*shlex.split(command))
"""
PHONE = "07700900123"
THE_WORKER = (
    "db_worker --queue-name=* --interval=0.1 --no-startup-delay --worker-id=the-killed-worker"
)


def queued():
    return Message.objects.create(
        kind=Message.Kind.THANKS_REPLY, channel="sms", to=PHONE, body="Thank you."
    )


def claimed_by(worker_id, claimed_at=None):
    message = queued()
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENDING,
        claimed_by=worker_id,
        claimed_at=claimed_at or timezone.now(),
    )
    return message


def beat(worker_id, seconds_ago, task_id=None):
    Worker.objects.update_or_create(
        id=worker_id,
        defaults={
            "host": "elsewhere",
            "pid": 1,
            "started_at": timezone.now() - dt.timedelta(hours=1),
            "beat_at": timezone.now() - dt.timedelta(seconds=seconds_ago),
            "task_id": task_id,
        },
    )


def status(message):
    message.refresh_from_db()
    return message.status


def test_with_the_defaults_a_lost_workers_work_is_taken_back_within_two_minutes():
    """Lost once silent for lost-after; found at the scheduler's next run, a minute at most."""
    scheduler_every = 60
    assert settings.WORKER_LOST_AFTER_SECONDS + scheduler_every < 2 * 60
    assert settings.WORKER_LOST_AFTER_SECONDS >= 3 * settings.WORKER_HEARTBEAT_SECONDS


# Messages ----------------------------------------------------------------------------


def test_claims_are_taken_back_once_their_worker_has_been_silent_for_the_lost_after_time(
    settings, db
):
    settings.WORKER_LOST_AFTER_SECONDS = 45
    beat("other-host:7:a1", seconds_ago=40)  # beat 40 seconds ago: alive
    message = claimed_by("other-host:7:a1")
    assert notify.take_back_lost_claims() == 0
    assert status(message) == Message.Status.SENDING

    beat("other-host:7:a1", seconds_ago=46)  # silent for longer than 45 seconds: lost
    assert notify.take_back_lost_claims() == 1
    message.refresh_from_db()
    assert (message.status, message.claimed_by) == (Message.Status.QUEUED, "")


def test_a_claim_held_for_long_by_a_worker_still_beating_is_left_alone(db):
    """A long send (a slow Notify, a big batch) is not taken for a crash: the claim's age
    does not matter, only whether its worker still beats."""
    beat("other-host:7:a1", seconds_ago=1)
    message = claimed_by("other-host:7:a1", claimed_at=timezone.now() - dt.timedelta(hours=1))
    assert notify.take_back_lost_claims() == 0
    assert status(message) == Message.Status.SENDING


def test_a_claim_by_a_worker_with_no_heartbeat_is_taken_back(db):
    message = claimed_by("forgotten-host:9:b2")  # its row forgotten, or never made
    assert notify.take_back_lost_claims() == 1
    assert status(message) == Message.Status.QUEUED


def test_a_claim_made_before_workers_beat_waits_the_old_timeout(db):
    message = claimed_by("")
    assert notify.take_back_lost_claims() == 0
    later = timezone.now() + notify.STUCK_AFTER + dt.timedelta(seconds=1)
    assert notify.take_back_lost_claims(later) == 1
    assert status(message) == Message.Status.QUEUED


def test_a_worker_beats_while_it_holds_work_and_names_it_in_its_claims(fake_notify, db):
    message = queued()
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert message.claimed_by == workers.worker_id()
    me = Worker.objects.get(pk=workers.worker_id())
    assert (me.pid, timezone.now() - me.beat_at < dt.timedelta(seconds=5)) == (os.getpid(), True)


def test_a_sweep_with_nothing_due_holds_no_work_and_makes_no_worker(db):
    assert notify.deliver_due() == []
    assert not Worker.objects.exists()


def test_a_lost_worker_that_comes_back_records_nothing_over_the_message(db):
    message = queued()
    [stale] = notify._claim_batch([message.pk], timezone.now())
    lose(workers.worker_id())
    assert notify.take_back_lost_claims() == 1
    # Another worker has claimed it since, and is sending it.
    Message.objects.filter(pk=message.pk).update(status="sending", claimed_by="other:1:c3")
    stale.status, stale.notify_id = Message.Status.SENT, "notify-from-the-stale-worker"
    notify._record([stale])  # the first worker, back from the dead, records late
    message.refresh_from_db()
    assert (message.status, message.claimed_by) == ("sending", "other:1:c3")
    assert message.notify_id is None


def test_a_worker_whose_beat_is_late_sends_nothing_more(fake_notify, settings, db):
    """A worker that could not beat for half the lost-after time (its database out of
    reach, the process frozen) may have had its claims taken back: it holds its sends."""
    settings.WORKER_LOST_AFTER_SECONDS = 1  # fences after half a second without a beat
    settings.WORKER_HEARTBEAT_SECONDS = 60  # and no beat comes in time
    messages = [queued(), queued()]
    fake_notify.hold_answers = threading.Event()

    def answer_slowly():  # Notify answers the first send 0.6 s after it arrives
        while not fake_notify.sent:
            time.sleep(0.01)
        time.sleep(0.6)
        fake_notify.hold_answers.set()

    threading.Thread(target=answer_slowly, daemon=True).start()
    outcome = notify.deliver_many([m.pk for m in messages], threads=1)
    assert outcome == {"sent": 1, "queued": 1}
    [sent] = fake_notify.sent  # the first sent; the second held back
    [second] = [m for m in messages if m.reference != sent.reference]
    second.refresh_from_db()
    assert (second.status, second.attempts) == (Message.Status.QUEUED, 0)
    assert second.last_error == "held back: this worker's heartbeat was late"
    assert second.next_attempt_at > timezone.now()  # due again once it has beaten
    notify.deliver(second.pk, now=second.next_attempt_at)  # beating again, it sends
    assert status(second) == Message.Status.SENT


# Tasks -------------------------------------------------------------------------------


def running_task(worker_id, started_seconds_ago):
    message = queued()
    result = deliver_message.enqueue(str(message.pk))
    record = DBTaskResult.objects.get(pk=result.id)
    record.claim(worker_id)
    DBTaskResult.objects.filter(pk=record.pk).update(
        started_at=timezone.now() - dt.timedelta(seconds=started_seconds_ago)
    )
    return record


def test_a_task_whose_worker_was_lost_is_marked_failed_with_the_reason(settings, db):
    settings.WORKER_LOST_AFTER_SECONDS = 45
    record = running_task("the-killed-worker", started_seconds_ago=120)
    beat("host:5:d4", seconds_ago=46, task_id=record.pk)
    assert workers.fail_lost_tasks() == 1
    record.refresh_from_db()
    assert record.status == "FAILED"
    assert record.finished_at is not None
    [error] = record.task_result.errors
    assert error.exception_class is workers.WorkerLost
    assert "(the-killed-worker) stopped beating for more than 45 seconds" in error.traceback
    assert workers.fail_lost_tasks() == 0  # once


def test_a_task_whose_worker_still_beats_is_left_running(db):
    record = running_task("a-live-worker", started_seconds_ago=600)
    beat("host:5:d4", seconds_ago=2, task_id=record.pk)
    assert workers.fail_lost_tasks() == 0
    record.refresh_from_db()
    assert record.status == "RUNNING"


def test_a_task_just_claimed_is_not_taken_for_lost_before_its_first_beat(db):
    record = running_task("a-new-worker", started_seconds_ago=1)
    assert workers.fail_lost_tasks() == 0
    record.refresh_from_db()
    assert record.status == "RUNNING"


def test_the_task_worker_beats_for_the_task_it_runs(fake_notify, transactional_db):
    message = queued()
    result = deliver_message.enqueue(str(message.pk))
    call_command("db_worker", "--batch", "--queue-name", "*", stdout=StringIO())
    me = Worker.objects.get(pk=workers.worker_id())
    assert str(me.task_id) == str(result.id)
    assert workers.heartbeat.held == 0  # released when the task finished
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"


def test_a_lost_chunk_of_messages_is_handed_to_the_workers_again_ahead_of_the_rest(db):
    """Sending a chunk (an update to its contributors) is safe to run again: what the lost
    worker left is sent by another at once, not after a national update's other chunks
    (issue 25). Sending one message is not run again: the sweeper sends it."""
    chunk = [str(queued().pk) for _ in range(3)]
    waiting = deliver_messages.enqueue([str(queued().pk)])  # the next chunk, queued
    lost = deliver_messages.enqueue(chunk)
    DBTaskResult.objects.get(pk=lost.id).claim("the-killed-worker")
    DBTaskResult.objects.filter(pk=lost.id).update(
        started_at=timezone.now() - dt.timedelta(hours=1)
    )
    running_task("another-killed-worker", started_seconds_ago=3600)  # one message
    assert workers.fail_lost_tasks() == 2
    [again] = DBTaskResult.objects.filter(status="READY").exclude(pk=waiting.id)
    assert (again.task_path, again.args_kwargs["args"]) == (
        "coproduce.messaging.tasks.deliver_messages",
        [chunk],
    )
    next_up = DBTaskResult.objects.filter(status="READY").order_by("-priority", "enqueued_at")[0]
    assert next_up.pk == again.pk  # ahead of the chunk that was waiting
    assert workers.fail_lost_tasks() == 0  # once


def test_a_sweep_sends_the_oldest_first_and_stops_after_its_time(fake_notify, db):
    messages = [queued() for _ in range(3)]
    Message.objects.filter(pk=messages[2].pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    notify.deliver_due(seconds=0)
    assert len(fake_notify.sent) <= 1  # stopped: the rest is left for the next minute
    notify.deliver_due()
    references = [s.reference for s in fake_notify.sent]
    assert references[0] == messages[2].reference  # the oldest first
    assert sorted(references) == sorted(m.reference for m in messages)  # each once


def test_the_scheduler_step_says_what_it_took_back(db):
    claimed_by("forgotten-host:9:b2")
    running_task("the-killed-worker", started_seconds_ago=3600)
    out = StringIO()
    call_command("recover-lost-work", stdout=out)
    assert out.getvalue().strip() == (
        "Taken back from lost workers: 1 message queued again, 1 task marked failed."
    )


def test_workers_silent_for_a_day_are_forgotten(db):
    beat("old-host:3:e5", seconds_ago=25 * 3600)
    beat("new-host:3:f6", seconds_ago=60)
    assert workers.forget_lost_workers() == 1
    assert list(Worker.objects.values_list("pk", flat=True)) == ["new-host:3:f6"]


# A real worker, killed -----------------------------------------------------------------


class SharedDatabase:
    """The test's database where a worker in another process can reach it: PostgreSQL's
    test database itself; SQLite's, which lives in this process's memory, copied to a
    file for the other processes (push) and back (pull)."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / "shared.sqlite3"
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.url = f"sqlite:///{self.file}"
        else:
            s = connection.settings_dict
            password = f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else ""
            self.url = (
                f"postgres://{quote(s['USER'])}{password}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
            )

    def push(self) -> None:
        if self.sqlite:
            connection.ensure_connection()
            with sqlite3.connect(self.file) as copy:
                connection.connection.backup(copy)

    def pull(self) -> None:
        if self.sqlite:
            with sqlite3.connect(self.file) as copy:
                copy.backup(connection.connection)


def coproduce(env, *commands):
    """Run coproduce commands in another process, one after the other; their output."""
    done = subprocess.run(  # noqa: S603 - our own commands, fixed arguments
        [sys.executable, "-c", COMMANDS, *commands],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_is_recovered_within_the_bound_and_sends_once(
    fake_notify, tmp_path
):
    with transaction.atomic():  # on commit, the task to send it is queued for the worker
        message = services.queue(
            kind=Message.Kind.CRISIS_REPLY, channel="sms", to=PHONE, body="Crisis contacts"
        )
    database = SharedDatabase(tmp_path)
    database.push()
    lost_after = 1.0
    env = {
        **os.environ,
        "COPRODUCE_ENV": "demo",
        "DATABASE_URL": database.url,
        "NOTIFY_BASE_URL": fake_notify.base_url,
        "NOTIFY_TIMEOUT_SECONDS": "300",
        # Seconds rather than the production 10 and 45, so the test need not wait long.
        "COPRODUCE_WORKER_HEARTBEAT_SECONDS": "0.2",
        "COPRODUCE_WORKER_LOST_AFTER_SECONDS": str(lost_after),
    }
    fake_notify.hold_answers = threading.Event()  # Notify takes it; its answer never comes
    with (tmp_path / "worker.log").open("w") as log:
        worker = subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
            [sys.executable, "-c", COMMANDS, THE_WORKER],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while not fake_notify.sent and worker.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert fake_notify.sent, (tmp_path / "worker.log").read_text()[-3000:]
        # Mid-send for longer than lost-after, the worker still beats: nothing is taken.
        time.sleep(lost_after * 1.5)
        assert coproduce(env, "recover-lost-work") == [
            "Taken back from lost workers: 0 messages queued again, 0 tasks marked failed."
        ]
    finally:
        worker.kill()  # SIGKILL: no clean-up, no last word
        worker.wait()
    killed_at = time.monotonic()

    time.sleep(max(0.0, killed_at + lost_after - time.monotonic()))
    # The scheduler's minute: take back lost work, then send what is due.
    assert coproduce(env, "recover-lost-work", "deliver-messages") == [
        "Taken back from lost workers: 1 message queued again, 1 task marked failed.",
        "Messages tried: 1 sent.",
    ]

    database.pull()
    message.refresh_from_db()
    assert [s.reference for s in fake_notify.sent] == [message.reference]  # once, not twice
    assert (message.status, message.notify_id) == (Message.Status.SENT, fake_notify.sent[0].id)
    [task] = DBTaskResult.objects.all()
    assert (task.status, task.worker_ids) == ("FAILED", ["the-killed-worker"])
    assert task.exception_class_path == "coproduce.messaging.workers.WorkerLost"
    assert "(the-killed-worker) stopped beating" in task.traceback


def test_a_duty_alert_is_taken_before_a_fan_out_already_waiting(
    db, django_capture_on_commit_callbacks
):
    """A fan-out to every contributor, paced to Notify's limit, is many minutes of work:
    a duty alert or crisis reply queued after it waited for all of it. Each is taken
    first, as the worker takes tasks (``ready().get_locked()``), then a thank-you, then
    the fan-out's chunks."""
    chunk = [
        Message(kind=Message.Kind.YOU_SAID_WE_DID, channel="email", to=f"p{k}@example.com")
        for k in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.queue_many(chunk)
    said: dict[str, Any] = {"channel": "sms", "to": "07700900123", "body": "x"}
    with django_capture_on_commit_callbacks(execute=True):
        thanks = services.queue(kind=Message.Kind.THANKS_REPLY, **said)
    with django_capture_on_commit_callbacks(execute=True):
        alert = services.queue(kind=Message.Kind.DUTY_ALERT, **said)
    with django_capture_on_commit_callbacks(execute=True):
        crisis = services.queue(kind=Message.Kind.CRISIS_REPLY, **said)
    taken = []
    while (first := DBTaskResult.objects.ready().get_locked()) is not None:
        taken.append(first.args_kwargs["args"][0])
        first.delete()
    assert taken == [str(alert.pk), str(crisis.pk), str(thanks.pk), [str(m.pk) for m in chunk]]
