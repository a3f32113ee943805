"""Which workers are alive, and taking back the work of one that is not.

A worker is any process that claims messages or runs tasks: the task worker
(``coproduce db_worker``), the sweeper (``coproduce deliver-messages``), a benchmark's
sender. While it holds work it beats: a thread beside the work sets its row's ``beat_at``
from the database's clock every ``WORKER_HEARTBEAT_SECONDS``, so a send waiting on Notify
still beats. A worker whose last beat is older than ``WORKER_LOST_AFTER_SECONDS`` is lost
(killed, or its host gone). Liveness is judged by the database's clock rather than by
asking for a process id, so it holds for workers on other hosts and for hosts whose
clocks differ.

A lost worker's work is taken back (``recover``): the messages it had claimed go back to
the queue (``notify.take_back_lost_claims``, and Notify is asked for each before any
re-send), and the task it was running is marked failed with the reason; a task that is
safe to run again (sending a chunk of messages, an update's fan-out) is handed to the
workers again, ahead of the rest, so what the lost worker left is sent by another within
seconds rather than waiting behind a national update. Every task worker does this at
each beat, and the scheduler's step (``coproduce recover-lost-work``, every minute) does
it too, for when no task worker runs. A worker that cannot beat (its database
unreachable, the process frozen) stops sending once its last beat is half the lost-after
time old, so work taken back from it is not also sent by it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import socket
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connections
from django.db.models import DurationField, QuerySet, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import InvalidTaskBackend, task_backends
from django_tasks_db.models import DBTaskResult

from coproduce.messaging.models import Worker

logger = logging.getLogger(__name__)

# A lost worker's row (its host and process) is kept this long, then forgotten.
FORGET_AFTER = dt.timedelta(days=1)


class WorkerLost(Exception):
    """The reason recorded on a task whose worker stopped beating while running it."""


class Heartbeat:
    """This process as a worker: its id, how much work it holds, and its beat."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """A new identity (at start, and in a child after a fork)."""
        self.kind = Worker.Kind.SENDER
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.id = f"{self.host[:60]}:{self.pid}:{secrets.token_hex(4)}"
        self.held = 0
        self.task_id: str | None = None
        self.beaten_at: float | None = None  # time.monotonic() just before the last beat
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    def beat(self, *, make: bool = True) -> None:
        """Tell the database this worker is alive. Taking up work makes its row if need be;
        the thread's beats only move it on (a row it cannot see, say one not yet
        committed, is not its to make), and a beat that finds no row does not count."""
        before = time.monotonic()
        values: dict[str, Any] = {"beat_at": Now(), "task_id": self.task_id}
        if not Worker.objects.filter(pk=self.id).update(**values):
            if not make:
                logger.warning("worker %s found no row of its own to beat", self.id)
                return
            try:
                Worker.objects.create(
                    id=self.id,
                    kind=self.kind,
                    host=self.host,
                    pid=self.pid,
                    started_at=Now(),
                    **values,
                )
            except IntegrityError:
                Worker.objects.filter(pk=self.id).update(**values)
        # The database's beat was taken after ``before``: the fence counts from here.
        self.beaten_at = before

    def may_send(self) -> bool:
        """False once this worker's last beat is half the lost-after time old: by the time
        a send finished, its claims might be taken back and sent by another."""
        return (
            self.beaten_at is not None
            and time.monotonic() - self.beaten_at < settings.WORKER_LOST_AFTER_SECONDS / 2
        )

    def hold(self, task_id: str | None = None) -> str:
        """Start holding work (nested holds count): beat now, and keep beating."""
        with self._lock:
            first = self.held == 0
            self.held += 1
            if task_id is not None:
                self.task_id = task_id
        try:
            if first or task_id is not None:
                self.beat()
        except BaseException:
            if task_id is not None:
                self.task_id = None
            self.release()
            raise
        if first:
            self._start_beating()
        return self.id

    def release(self) -> None:
        with self._lock:
            self.held -= 1
            last = self.held == 0
        if last:
            self._stop_beating()

    def stopped(self) -> None:
        """This worker stopped as asked: stop beating and say so, so it is no longer
        counted as running (a worker killed instead is found by its silence)."""
        self.release()
        Worker.objects.filter(pk=self.id).update(stopped_at=Now())

    def _start_beating(self) -> None:
        stop = threading.Event()
        thread = threading.Thread(target=self._beat_until, args=(stop,), daemon=True)
        self._stop, self._thread = stop, thread
        thread.start()

    def _stop_beating(self) -> None:
        stop, thread = self._stop, self._thread
        self._stop = self._thread = None
        if stop is not None and thread is not None:
            stop.set()
            thread.join(timeout=settings.WORKER_HEARTBEAT_SECONDS + 5)

    def _beat_until(self, stop: threading.Event) -> None:
        try:
            while not stop.wait(settings.WORKER_HEARTBEAT_SECONDS):
                try:
                    self.beat(make=False)
                except DatabaseError as error:
                    # Missed beats are harmless until lost-after; then the fence stops sends.
                    logger.warning("worker %s could not beat: %s", self.id, type(error).__name__)
                    continue
                if self.kind == Worker.Kind.TASKS:
                    # A task worker takes back a lost worker's work as soon as it is lost
                    # (issue 25: the scheduler's minute can be late, or busy sending).
                    try:
                        recover()
                    except DatabaseError as error:
                        logger.warning(
                            "worker %s could not recover: %s", self.id, type(error).__name__
                        )
        finally:
            connections.close_all()  # this thread's own connections


heartbeat = Heartbeat()
os.register_at_fork(after_in_child=heartbeat.reset)


def worker_id() -> str:
    return heartbeat.id


@contextmanager
def holding() -> Iterator[str]:
    """Beat while the block holds work (claims messages, sends them); yields the worker id."""
    heartbeat.hold()
    try:
        yield heartbeat.id
    finally:
        heartbeat.release()


def may_send() -> bool:
    return heartbeat.may_send()


# The task worker: beat while running a task, naming it. Connected in VoicesConfig.ready.


def _run_by_the_database_worker(task_result: Any) -> bool:
    try:
        return isinstance(task_backends[task_result.backend], DatabaseBackend)
    except InvalidTaskBackend:  # a backend no longer configured is not ours to watch
        return False


def task_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    if _run_by_the_database_worker(task_result):
        heartbeat.hold(task_id=str(task_result.id))


def task_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    if _run_by_the_database_worker(task_result) and heartbeat.task_id == str(task_result.id):
        heartbeat.task_id = None
        heartbeat.release()


# Recovery, run by the scheduler (coproduce recover-lost-work).


def lost_before() -> CombinedExpression:
    """The database's now, less the lost-after time: a beat older than this is lost."""
    lost_after = dt.timedelta(seconds=settings.WORKER_LOST_AFTER_SECONDS)
    return Now() - Value(lost_after, output_field=DurationField())


def alive() -> QuerySet[Worker]:
    return Worker.objects.filter(beat_at__gte=lost_before())


def task_workers_seen(within: dt.timedelta) -> QuerySet[Worker]:
    """Task workers running (not stopped) whose last beat, by the database's clock, is
    younger than ``within``: what /readyz asks for."""
    return Worker.objects.filter(
        kind=Worker.Kind.TASKS,
        stopped_at__isnull=True,
        beat_at__gte=Now() - Value(within, output_field=DurationField()),
    )


# Tasks that may run again after their worker was lost: each does only what is left
# (sending claims each message and asks Notify before a re-send; a fan-out makes only the
# messages not yet made).
RUN_AGAIN = {
    "coproduce.messaging.tasks.deliver_messages",
    "coproduce.change.tasks.tell_contributors",
}
# Ahead of the tasks already waiting (django-tasks' default priority is 0).
RUN_AGAIN_PRIORITY = 50


def recover() -> tuple[int, int]:
    """Take back the work of lost workers: (messages queued again, tasks marked failed)."""
    from coproduce.messaging import notify

    return notify.take_back_lost_claims(), fail_lost_tasks()


def _run_again(result: DBTaskResult[Any, Any]) -> None:
    if result.task_path not in RUN_AGAIN:
        return
    again = result.task.using(priority=RUN_AGAIN_PRIORITY, run_after=None)
    again.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    logger.warning("task %s (%s) handed to the workers again", result.pk, result.task_path)


def fail_lost_tasks() -> int:
    """Mark failed each task recorded as running whose worker is lost: no live worker has
    beaten for it since it started. One in ``RUN_AGAIN`` is handed to the workers again,
    ahead of the rest; any other is not run again (its own sweeper, such as
    ``deliver-messages``, does what it left undone)."""
    running_for_long = DBTaskResult.objects.filter(status="RUNNING", started_at__lt=lost_before())
    held = alive().filter(task_id__isnull=False).values("task_id")
    failed = 0
    for result in running_for_long.exclude(pk__in=held).only(
        "pk",
        "worker_ids",
        "task_path",
        "args_kwargs",
        "backend_name",
        "queue_name",
        "priority",
        "run_after",
    ):
        by = result.worker_ids[-1] if result.worker_ids else "unknown"
        reason = WorkerLost(
            f"The task worker running this task ({by}) stopped beating for more than "
            f"{settings.WORKER_LOST_AFTER_SECONDS:g} seconds: it was killed or its host was "
            "lost. Marked failed by coproduce recover-lost-work; it was not run again."
        )
        marked = DBTaskResult.objects.filter(pk=result.pk, status="RUNNING").update(
            status="FAILED",
            finished_at=timezone.now(),
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback="".join(traceback.format_exception(reason)),
            return_value=None,
        )
        if marked:  # by this call, not by another worker recovering at the same moment
            failed += marked
            logger.error("task %s marked failed: its worker %s was lost", result.pk, by)
            _run_again(result)
    return failed


def forget_lost_workers() -> int:
    """Workers silent for a day hold nothing any more (their work was taken back)."""
    forgotten, _ = Worker.objects.filter(
        beat_at__lt=Now() - Value(FORGET_AFTER, output_field=DurationField())
    ).delete()
    return forgotten
