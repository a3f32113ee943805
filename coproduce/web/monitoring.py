"""What an operator of a crisis service watches: readiness, metrics and request ids.

- **Readiness** (``/readyz``): the database answers, every migration is applied, a task
  worker has beaten lately, and nothing due has waited too long in the queues. Each check
  says what it found, so an unready answer names what is wrong.
- **Metrics** (``/metrics``, Prometheus's text format, by ``prometheus-client``): the
  state of the service read from the database at each scrape (risk alerts waiting to be
  acknowledged and the oldest one's age, messages by status and those waiting to be
  tried again, tasks, the task worker's last beat, accounts locked out, the newest
  nightly backup's age), with what each
  server process counts as it answers (time to answer by page, answers by status class,
  sign-in failures and lock-outs). The server processes share their counts through files
  in ``PROMETHEUS_MULTIPROC_DIR`` (prometheus-client's multiprocess mode).
- **Request ids**: every answer carries ``X-Request-ID`` (nginx's, or one made here), and
  every log line written while answering it carries the same id.

None of it holds a name, an NHS number or any free text: counts, ages, page names
(URL names, never paths or query strings) and ids.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Min, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from coproduce.lib import logs
from coproduce.messaging.models import Message, Worker
from coproduce.messaging.workers import task_workers_seen
from coproduce.privacy import backup
from coproduce.voices.services import open_alerts

logger = logging.getLogger("coproduce.requests")

# Counted by each server process as it answers.
REQUEST_SECONDS = Histogram(
    "coproduce_request_duration_seconds",
    "Time to answer a request, by page (its URL name, 'unmatched' for none) and method.",
    ["page", "method"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
RESPONSES = Counter(
    "coproduce_responses", "Answers by status class (2xx, 3xx, 4xx, 5xx).", ["status"]
)
SIGN_IN_FAILURES = Counter(
    "coproduce_sign_in_failures", "Sign-ins refused for a wrong username or password."
)
SIGN_IN_LOCKOUTS = Counter(
    "coproduce_sign_in_lockouts",
    "Sign-ins refused because the account is locked out at that address (too many wrong "
    "passwords).",
)

# What an incoming X-Request-ID may be (nginx's $request_id is 32 hex digits); anything
# else is replaced, so a client cannot write into the logs through it.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdAndTiming:
    """First of the middleware: gives the request its id (for the logs and the answer's
    ``X-Request-ID``), times it by page, and logs one line for it: method, page, status and
    milliseconds, never the path or query string (a search can carry a name)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if REQUEST_ID.fullmatch(given) else secrets.token_hex(16)
        # Left set after the answer (not reset): Django logs a refused request's warning
        # after the middleware returns, and that line must carry the id too. The next
        # request in this thread sets its own.
        logs.request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        match = request.resolver_match
        page = (match.view_name if match else "") or "unmatched"
        REQUEST_SECONDS.labels(page, request.method or "-").observe(seconds)
        RESPONSES.labels(f"{response.status_code // 100}xx").inc()
        response["X-Request-ID"] = request_id
        logger.info(
            "%s %s %s %.0fms",
            request.method,
            page,
            response.status_code,
            seconds * 1000,
            extra={
                "method": request.method,
                "page": page,
                "status": response.status_code,
                "ms": round(seconds * 1000, 1),
            },
        )
        return response


class ServerTiming:
    """With ``COPRODUCE_SERVER_TIMING`` on, outermost of the middleware: every answer says
    how long Django took over it, and how long its database queries took and how many
    there were, in a ``Server-Timing`` header (``app;dur=12.3, db;dur=4.5;desc="7
    queries"``), which ``coproduce bench web`` reads to compare pages with the page shell.
    Off, it is not in the chain at all (Django drops it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not settings.SERVER_TIMING:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        queries = [0, 0.0]

        def timed(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            began = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries[0] += 1
                queries[1] += time.perf_counter() - began

        started = time.perf_counter()
        with connections["default"].execute_wrapper(timed):
            response = self.get_response(request)
        app = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = (
            f'app;dur={app:.1f}, db;dur={queries[1] * 1000:.1f};desc="{queries[0]} queries"'
        )
        return response


def sign_in_failed(**kwargs: Any) -> None:
    SIGN_IN_FAILURES.inc()


def locked_out(**kwargs: Any) -> None:
    SIGN_IN_LOCKOUTS.inc()


# Readiness.


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str


_every_migration_applied = False  # once true, true until new code (a restart)


def _database() -> Check:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return Check(True, "reachable")


def _migrations() -> Check:
    global _every_migration_applied
    if not _every_migration_applied:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            names = [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
            more = f" and {len(names) - 3} more" if len(names) > 3 else ""
            return Check(
                False,
                f"{len(names)} not applied: {', '.join(names[:3])}{more} (run coproduce migrate)",
            )
        _every_migration_applied = True
    return Check(True, "all applied")


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _worker() -> Check:
    seconds = settings.READY_WORKER_SECONDS
    seen = task_workers_seen(dt.timedelta(seconds=seconds)).count()
    if seen:
        return Check(True, f"{seen} task worker{'s' * (seen != 1)} beat in the last {seconds:g}s")
    last = Worker.objects.filter(kind=Worker.Kind.TASKS).order_by("-beat_at").first()
    if last is None:
        return Check(False, "no task worker has run (start coproduce worker)")
    if last.stopped_at is not None:
        return Check(
            False, f"the task worker stopped at {_when(last.stopped_at)} and none is running"
        )
    return Check(
        False,
        f"no task worker has beaten in the last {seconds:g}s "
        f"(the last beat was at {_when(last.beat_at)})",
    )


def _waiting_since(now: dt.datetime) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the oldest task and the oldest message still waiting were due."""
    tasks = DBTaskResult.objects.ready()
    oldest_task = min(
        (
            moment
            for moment in (
                tasks.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"],
                tasks.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"],
            )
            if moment is not None
        ),
        default=None,
    )
    queued = Message.objects.filter(status=Message.Status.QUEUED)
    oldest_message = min(
        (
            moment
            for moment in (
                queued.filter(next_attempt_at__isnull=True).aggregate(at=Min("created_at"))["at"],
                queued.filter(next_attempt_at__lte=now).aggregate(at=Min("next_attempt_at"))["at"],
            )
            if moment is not None
        ),
        default=None,
    )
    return oldest_task, oldest_message


def _queue() -> Check:
    now = timezone.now()
    limit = now - dt.timedelta(minutes=settings.READY_QUEUE_MINUTES)
    oldest_task, oldest_message = _waiting_since(now)
    stuck = []
    if oldest_task is not None and oldest_task < limit:
        stuck.append(f"a task due since {_when(oldest_task)}")
    if oldest_message is not None and oldest_message < limit:
        stuck.append(f"a message due since {_when(oldest_message)}")
    if stuck:
        return Check(
            False,
            f"{' and '.join(stuck)} not yet taken up "
            f"(more than {settings.READY_QUEUE_MINUTES} minutes)",
        )
    return Check(True, f"nothing due for more than {settings.READY_QUEUE_MINUTES} minutes")


def readiness() -> dict[str, Check]:
    """Each check by name; the later ones are not tried without the database."""
    try:
        checks = {"database": _database()}
    except DatabaseError as error:
        why = Check(False, "not checked: the database cannot be reached")
        return {
            "database": Check(False, f"cannot be reached ({type(error).__name__})"),
            "migrations": why,
            "worker": why,
            "queue": why,
        }
    for name, check in (("migrations", _migrations), ("worker", _worker), ("queue", _queue)):
        try:
            checks[name] = check()
        except DatabaseError as error:
            checks[name] = Check(False, f"could not be checked ({type(error).__name__})")
    return checks


# Metrics.


def may_scrape(address: str | None) -> bool:
    try:
        client = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(client in network for network in settings.METRICS_ADDRESSES)


class ServiceState(Collector):
    """The service's state, read from the database at each scrape."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("coproduce_database_up", "1 if the database answered the scrape.")
        try:
            families = list(self._families())
        except DatabaseError as error:
            logger.warning("metrics: the database did not answer (%s)", type(error).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families

    def _families(self) -> Iterator[GaugeMetricFamily]:
        now = timezone.now()
        alerts = open_alerts().aggregate(count=Count("pk"), oldest=Min("raised_at"))
        yield GaugeMetricFamily(
            "coproduce_risk_alerts_unacknowledged",
            "Risk alerts raised and not yet acknowledged by the duty worker.",
            value=alerts["count"],
        )
        yield GaugeMetricFamily(
            "coproduce_risk_alert_oldest_unacknowledged_age_seconds",
            "How long the oldest unacknowledged risk alert has waited (0 if none).",
            value=(now - alerts["oldest"]).total_seconds() if alerts["oldest"] else 0,
        )
        counts = dict(
            Message.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
        )
        messages = GaugeMetricFamily(
            "coproduce_messages", "Messages held, by status.", labels=["status"]
        )
        for status in Message.Status:
            messages.add_metric([status.value], counts.get(status.value, 0))
        yield messages
        yield GaugeMetricFamily(
            "coproduce_messages_waiting_to_retry",
            "Queued messages that Notify could not take at least once, waiting to be tried again.",
            value=Message.objects.filter(status=Message.Status.QUEUED, attempts__gte=1).count(),
        )
        oldest_task, oldest_message = _waiting_since(now)
        for name, what, oldest in (
            ("coproduce_task_oldest_due_age_seconds", "task", oldest_task),
            ("coproduce_message_oldest_due_age_seconds", "message", oldest_message),
        ):
            yield GaugeMetricFamily(
                name,
                f"How long the oldest {what} due has waited to be taken up (0 if none).",
                value=max(0.0, (now - oldest).total_seconds()) if oldest else 0,
            )
        tasks = dict(
            DBTaskResult.objects.values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        by_status = GaugeMetricFamily(
            "coproduce_tasks", "Tasks held, by status.", labels=["status"]
        )
        for task_status in ("READY", "RUNNING", "SUCCESSFUL", "FAILED"):
            by_status.add_metric([task_status.lower()], tasks.get(task_status, 0))
        yield by_status
        running = Worker.objects.filter(kind=Worker.Kind.TASKS, stopped_at__isnull=True)
        latest = running.order_by("-beat_at").values_list("beat_at", flat=True).first()
        yield GaugeMetricFamily(
            "coproduce_task_worker_last_heartbeat_age_seconds",
            "Seconds since a running task worker last beat (it beats every "
            f"{settings.WORKER_HEARTBEAT_SECONDS:g}s; +Inf if none is running).",
            value=(now - latest).total_seconds() if latest else float("inf"),
        )
        yield GaugeMetricFamily(
            "coproduce_task_workers_seen",
            f"Task workers that beat in the last {settings.READY_WORKER_SECONDS:g}s.",
            value=task_workers_seen(dt.timedelta(seconds=settings.READY_WORKER_SECONDS)).count(),
        )
        if settings.BACKUP_DIR is not None:
            folder = settings.BACKUP_DIR
            kept = backup.nightly_backups(folder) if folder.is_dir() else []
            newest = (
                dt.datetime.strptime(kept[-1].name, "coproduce-%Y%m%dT%H%M%SZ.json.gz").replace(
                    tzinfo=dt.UTC
                )
                if kept
                else None
            )
            yield GaugeMetricFamily(
                "coproduce_backup_newest_age_seconds",
                "Seconds since the newest nightly backup was made (+Inf if there is none).",
                value=(now - newest).total_seconds() if newest else float("inf"),
            )
            yield GaugeMetricFamily(
                "coproduce_backups_kept",
                "Nightly backups in the backup folder.",
                value=len(kept),
            )
        cool_off = now - settings.AXES_COOLOFF_TIME
        yield GaugeMetricFamily(
            "coproduce_sign_in_locked_out",
            "Accounts locked out at an address now (too many wrong passwords).",
            value=AccessAttempt.objects.filter(
                Q(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
                & Q(attempt_time__gte=cool_off)
            ).count(),
        )


def exposition() -> bytes:
    """The metrics in Prometheus's text format: every server process's counts (from the
    shared folder, or this process's own), then the service's state."""
    if settings.METRICS_FOLDER:
        counted = CollectorRegistry()
        MultiProcessCollector(counted, path=settings.METRICS_FOLDER)  # type: ignore[no-untyped-call]
    else:
        counted = REGISTRY
    state = CollectorRegistry(auto_describe=False)
    state.register(ServiceState())
    return generate_latest(counted) + generate_latest(state)


def clear_shared_counts() -> None:
    """At the server's start: the counts of processes that ran before are gone (this
    process's own file, made as it started, stays)."""
    if settings.METRICS_FOLDER:
        own = f"_{os.getpid()}.db"
        for leftover in Path(settings.METRICS_FOLDER).glob("*.db"):
            if not leftover.name.endswith(own):
                leftover.unlink(missing_ok=True)
