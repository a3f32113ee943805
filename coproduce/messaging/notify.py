"""Handing messages to GOV.UK Notify: deliver, retry, hear back.

Sending is at most once per message. A message is claimed (queued → sending) in its own
transaction before Notify is called, so two workers cannot both send it. If a try ends
without a clear answer (a timeout, Notify down), the message goes back to the queue with
a growing wait; the next try first asks Notify for the message's reference, and if Notify
has it, records it as sent instead of sending again. A claim names its worker, which beats
while it holds it (``workers``); the claims of a worker that stops beating are taken back
and go through the same check.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import math
import os
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabase
from django.db.models import Case, F, Q, When
from django.utils import timezone
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient
from requests.utils import get_environ_proxies

from coproduce.messaging import workers
from coproduce.messaging.models import URGENT_KINDS, Message, SendingPace

logger = logging.getLogger(__name__)

# Notify's answers that will never succeed on a retry (bad number, bad key, no template).
PERMANENT_STATUS_CODES = frozenset({400, 403, 404})
RATE_LIMITED = 429
# After Notify's 429, try again this soon: its bucket refills every second.
RATE_LIMIT_WAIT = dt.timedelta(seconds=2)
# A claim that names no worker (made before workers beat) is taken back after this long.
# Claims that name one are taken back once it is lost (WORKER_LOST_AFTER_SECONDS).
STUCK_AFTER = dt.timedelta(minutes=10)


def client() -> NotificationsAPIClient:
    """A Notify client (not thread-safe: one per delivery, or per sending thread).

    Its session reads the proxy and certificate settings from the environment once,
    here, rather than on every request: with ``trust_env`` on, requests scans the whole
    environment and looks for a ``.netrc`` file for each message, about a quarter of a
    sender's time at Notify's rate (issue 25). A ``.netrc`` entry is never wanted here
    anyway: it would replace the token Notify is sent."""
    api = NotificationsAPIClient(
        settings.NOTIFY_API_KEY,
        base_url=settings.NOTIFY_BASE_URL,
        timeout=settings.NOTIFY_TIMEOUT_SECONDS,
    )
    session = api.request_session
    session.proxies.update(get_environ_proxies(settings.NOTIFY_BASE_URL))
    bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
    if bundle:
        session.verify = bundle
    session.trust_env = False
    return api


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4, 8 … minutes, at most an hour."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def _claim(message_id: Any, now: dt.datetime) -> Message | None:
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != Message.Status.QUEUED:
            return None
        if message.next_attempt_at and message.next_attempt_at > now:
            return None
        message.status = Message.Status.SENDING
        message.attempts += 1
        message.claimed_at = now
        message.claimed_by = workers.worker_id()
        message.save(update_fields=["status", "attempts", "claimed_at", "claimed_by"])
        return message


def _already_at_notify(api: NotificationsAPIClient, message: Message) -> str | None:
    found = api.get_all_notifications(reference=message.reference).get("notifications", [])
    return str(found[0]["id"]) if found else None


def letter_personalisation(message: Message) -> dict[str, str]:
    """Notify's letter fields: the address on lines 1 to 7 (the postcode last), then the words."""
    lines = [line for line in message.to.splitlines() if line.strip()][:7]
    fields = {f"address_line_{n}": line for n, line in enumerate(lines, start=1)}
    return {**fields, "subject": message.subject, "body": message.body}


def _send(api: NotificationsAPIClient, message: Message) -> str:
    pace().take()
    if message.channel == Message.Channel.SMS:
        response = api.send_sms_notification(
            phone_number=message.to,
            template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
            personalisation={"body": message.body},
            reference=message.reference,
        )
    elif message.channel == Message.Channel.LETTER:
        response = api.send_letter_notification(
            template_id=settings.NOTIFY_LETTER_TEMPLATE_ID,
            personalisation=letter_personalisation(message),
            reference=message.reference,
        )
    else:
        response = api.send_email_notification(
            email_address=message.to,
            template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            personalisation={"subject": message.subject, "body": message.body},
            reference=message.reference,
        )
    return str(response["id"])


def _error_name(error: HTTPError) -> str:
    detail = error.message
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        return f"{error.status_code} {detail[0].get('error', '')}".strip()
    return str(error.status_code)


# Now, by the database's clock, in seconds since 1970: one clock for every host.
DATABASE_NOW = {
    "postgresql": "EXTRACT(EPOCH FROM STATEMENT_TIMESTAMP())::double precision",
    "sqlite": "((julianday('now') - 2440587.5) * 86400.0)",
}

# The schedules kept in this process, by name, when the database is in its memory.
_schedules_here: dict[str, float] = {}
_schedules_here_lock = threading.Lock()


class Pace:
    """At most ``per_minute`` messages a minute from every sending process together.

    Notify's limit is one for the service's key, however many processes send (the task
    workers, the minute's sweeper, the server): processes each keeping to a share of it
    asked for more than the limit together (Notify refused the rest with 429), and left
    their share unused while they were idle. So the schedule is kept in the database
    (``SendingPace``, the generic cell rate algorithm): a process reserves the next free
    times, a twentieth of a second's worth, in one statement, and hands them to its
    sending threads, each waiting for its own. After a pause up to one second's worth
    (at most 500) goes at once: Notify's own bucket bursts to a third of a minute's
    worth, at most 1,001. A reserved time left unused for longer than a second past its
    burst is dropped, not sent late in a burst.

    The statement goes through a connection of the pace's own, in autocommit, so the
    schedule's row is locked only while it runs, whatever transaction the sender is in.
    A database in memory (the tests' SQLite) belongs to one process, and is not written
    to by threads while another holds a transaction: its schedule is kept in the process.
    """

    BLOCK_SECONDS = 0.05
    # Notify's bucket holds at most 1,001: a burst of half that leaves room for messages
    # that reach it in a different order, or closer together, than they were sent.
    MOST_AT_ONCE = 500

    def __init__(
        self,
        per_minute: int,
        *,
        name: str = "notify",
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        database_clock: Callable[[], float] | None = None,
    ) -> None:
        self.per_minute = per_minute
        self.name = name
        self.interval = 60.0 / per_minute
        rate = per_minute / 60.0
        # How far behind now the schedule may start: a burst goes at once.
        self.tolerance = (min(max(1, math.floor(rate)), self.MOST_AT_ONCE) - 1) * self.interval
        self.block = max(1, math.ceil(rate * self.BLOCK_SECONDS))
        self.clock, self.sleep, self.database_clock = clock, sleep, database_clock
        self.times: deque[float] = deque()  # reserved, on this process's clock
        self._connection: BaseDatabaseWrapper | None = None
        self._connection_pid = os.getpid()
        self._lock = threading.Lock()

    def _moved(self, span: float) -> tuple[float, float]:
        """Move the schedule on by ``span``; its new end, and now, by its clock."""
        default = connections[DEFAULT_DB_ALIAS]
        if isinstance(default, SQLiteDatabase) and default.is_in_memory_db():
            now = self.database_clock() if self.database_clock else self.clock()
            with _schedules_here_lock:
                end = max(_schedules_here.get(self.name, 0.0), now - self.tolerance) + span
                _schedules_here[self.name] = end
            return end, now
        try:
            return self._move_in_database(self._own_connection(), span)
        except DatabaseError:
            # A connection the database closed while it was idle: open another, once.
            self._forget_connection()
            return self._move_in_database(self._own_connection(), span)

    def _own_connection(self) -> BaseDatabaseWrapper:
        if self._connection_pid != os.getpid():
            # A process forked from this one: the connection is its parent's to close.
            self._connection = None
        if self._connection is None:
            self._connection = connections.create_connection(DEFAULT_DB_ALIAS)
            self._connection.inc_thread_sharing()  # used by one thread at a time
            self._connection_pid = os.getpid()
        return self._connection

    def _forget_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        """Close the pace's own connection (the next reservation opens another)."""
        with self._lock:
            self._forget_connection()

    def _move_in_database(self, db: BaseDatabaseWrapper, span: float) -> tuple[float, float]:
        quote = db.ops.quote_name
        table = quote(SendingPace._meta.db_table)
        if self.database_clock:  # a test's clock
            now, clock = "%s", [self.database_clock()]
        else:
            now, clock = DATABASE_NOW[db.vendor], []
        greatest = "GREATEST" if db.vendor == "postgresql" else "MAX"
        move = (
            f"UPDATE {table} SET next_free = {greatest}(next_free, {now} - %s) + %s "  # noqa: S608 - names from the model; values are parameters
            f"WHERE name = %s RETURNING next_free, {now}"
        )
        with db.cursor() as cursor:
            cursor.execute(move, [*clock, self.tolerance, span, self.name, *clock])
            row = cursor.fetchone()
            if row is None:  # the first sending: the schedule's row is made
                cursor.execute(
                    f"INSERT INTO {table} (name, next_free) VALUES (%s, 0) ON CONFLICT DO NOTHING",  # noqa: S608 - names from the model; values are parameters
                    [self.name],
                )
                cursor.execute(move, [*clock, self.tolerance, span, self.name, *clock])
                row = cursor.fetchone()
        return float(row[0]), float(row[1])

    def _reserve(self) -> None:
        span = self.block * self.interval
        end, now = self._moved(span)
        start = self.clock() + (end - span - now)
        self.times.extend(start + n * self.interval for n in range(self.block))

    def take(self) -> float:
        """Take the next free time, waiting (outside the lock) until it comes. Returns when
        the message may go, on ``clock`` (now, for one of a burst)."""
        with self._lock:
            too_old = self.clock() - self.tolerance - 1.0
            while self.times and self.times[0] < too_old:
                self.times.popleft()
            if not self.times:
                self._reserve()
            when = self.times.popleft()
        now = self.clock()
        if when - now > 1e-6:  # not a rounding error's wait
            self.sleep(when - now)
        return max(when, now)


_pace: Pace | None = None
_pace_lock = threading.Lock()


def pace() -> Pace:
    global _pace  # One a process, shared by its threads; the schedule is shared by all.
    with _pace_lock:
        if _pace is None or _pace.per_minute != settings.NOTIFY_RATE_LIMIT_PER_MINUTE:
            _pace = Pace(settings.NOTIFY_RATE_LIMIT_PER_MINUTE)
        return _pace


def close_pace() -> None:
    """Close this process's pace's connection (the tests, before their databases go)."""
    if _pace is not None:
        _pace.close()


def _attempt(api: NotificationsAPIClient, message: Message, now: dt.datetime) -> Message:
    """One try at handing a claimed message to Notify; the message records the outcome
    (not yet saved). Never raises for Notify's answers."""
    if not workers.may_send():
        # This worker has not beaten for a while: its claims may have been taken back, and
        # by the time a send finished another worker could have sent it too. Not the
        # message's fault, so the try does not count; it is due again after a beat.
        message.status = Message.Status.QUEUED
        message.attempts -= 1
        message.next_attempt_at = now + dt.timedelta(seconds=settings.WORKER_HEARTBEAT_SECONDS)
        message.last_error = "held back: this worker's heartbeat was late"
        logger.warning("message %s held back: worker %s beat late", message.pk, message.claimed_by)
        return message
    try:
        notify_id = _already_at_notify(api, message) if message.attempts > 1 else None
        if notify_id is None:
            notify_id = _send(api, message)
    except Exception as error:
        if isinstance(error, HTTPError):
            status, message.last_error = error.status_code, _error_name(error)
        else:
            # A fault of ours before or after Notify was asked (a bug, the database gone):
            # the message must not stay claimed by a worker that lives on. It is tried
            # again like an unclear answer, so Notify is asked for it first. The type of
            # the fault is kept and logged, never its words (they could hold an address).
            status, message.last_error = None, f"not sent: {type(error).__name__} here"
            logger.error("message %s %s", message.pk, message.last_error)
        if status == RATE_LIMITED:
            # Notify's rate limit: not the message's fault, so the try does not count.
            message.status = Message.Status.QUEUED
            message.attempts -= 1
            message.next_attempt_at = now + RATE_LIMIT_WAIT
            logger.warning("message %s held back by Notify's rate limit", message.pk)
        elif status in PERMANENT_STATUS_CODES:
            message.status = Message.Status.FAILED
            message.completed_at = now
            message.to = ""
            logger.error("message %s refused by Notify: %s", message.pk, message.last_error)
        elif message.attempts >= settings.NOTIFY_MAX_ATTEMPTS:
            message.status = Message.Status.FAILED
            message.completed_at = now
            logger.error("message %s not sent after %s tries", message.pk, message.attempts)
        else:
            message.status = Message.Status.QUEUED
            message.next_attempt_at = now + backoff(message.attempts)
            logger.warning(
                "message %s not sent (%s); trying again at %s",
                message.pk,
                message.last_error,
                message.next_attempt_at.isoformat(),
            )
        return message
    message.status = Message.Status.SENT
    message.notify_id = notify_id
    message.sent_at = now
    message.last_error = ""
    logger.info("message %s sent (%s)", message.pk, message.kind)
    return message


def deliver(message_id: Any, now: dt.datetime | None = None) -> Message | None:
    """Try to hand one due message to Notify. Returns it, or None if it was not due. One
    to try again is left queued with its next try's time (``tasks.deliver_message`` asks
    for that try; the sweeper makes it if no task does)."""
    now = now or timezone.now()
    with workers.holding():
        message = _claim(message_id, now)
        if message is None:
            return None
        message = _attempt(client(), message, now)
        _record([message])
    message.refresh_from_db()
    return message


def take_back_lost_claims(now: dt.datetime | None = None) -> int:
    """Messages claimed by a worker that is lost (killed, or its host gone) go back to the
    queue. Their next try asks Notify for the reference first, so none is sent twice; and
    the lost worker, should it come back, records nothing over them (``_record``)."""
    now = now or timezone.now()
    lost = Q(claimed_by="", claimed_at__lte=now - STUCK_AFTER) | (
        ~Q(claimed_by="") & ~Q(claimed_by__in=workers.alive().values("id"))
    )
    taken = (
        Message.objects.filter(status=Message.Status.SENDING)
        .filter(lost)
        .update(status=Message.Status.QUEUED, claimed_by="")
    )
    if taken:
        logger.warning("%s messages taken back from lost workers", taken)
    return taken


# The sweeper stops after this long, leaving the rest for its next minute: a run that
# went on sending a national update one message at a time held up the next minute's run,
# and with it the taking back of a lost worker's work (issue 25).
SWEEP_SECONDS = 40.0


def deliver_due(now: dt.datetime | None = None, *, seconds: float = SWEEP_SECONDS) -> list[Message]:
    """Deliver the messages that are due, the urgent first (``URGENT_KINDS``), then oldest
    first, for at most ``seconds``, after taking back any a lost worker had claimed."""
    now = now or timezone.now()
    take_back_lost_claims(now)
    due = list(
        Message.objects.filter(status=Message.Status.QUEUED)
        .exclude(next_attempt_at__gt=now)
        .order_by(Case(When(kind__in=URGENT_KINDS, then=0), default=1), "created_at")
        .values_list("pk", flat=True)
    )
    if not due:
        return []  # holding no work, it need not beat
    until = time.monotonic() + seconds
    tried = []
    with workers.holding():
        for pk in due:
            if time.monotonic() > until:
                logger.info("sweep stopped after %ss; the rest is left for the next", seconds)
                break
            if message := deliver(pk, now):
                tried.append(message)
    return tried


def _claim_batch(ids: list[Any], now: dt.datetime) -> list[Message]:
    """Claim the due messages among ``ids`` in one transaction (queued → sending)."""
    with transaction.atomic():
        due = list(
            Message.objects.select_for_update(
                skip_locked=connection.features.has_select_for_update_skip_locked
            )
            .filter(pk__in=ids, status=Message.Status.QUEUED)
            .exclude(next_attempt_at__gt=now)
        )
        claimed_by = workers.worker_id()
        Message.objects.filter(pk__in=[m.pk for m in due]).update(
            status=Message.Status.SENDING,
            attempts=F("attempts") + 1,
            claimed_at=now,
            claimed_by=claimed_by,
        )
        # The rows are locked: what the update wrote is known without reading them again.
        for message in due:
            message.status = Message.Status.SENDING
            message.attempts += 1
            message.claimed_at, message.claimed_by = now, claimed_by
        return due


OUTCOME_FIELDS = [
    "status",
    "attempts",
    "next_attempt_at",
    "last_error",
    "notify_id",
    "sent_at",
    "completed_at",
    "to",
]


def _record(done: list[Message]) -> None:
    """Save many outcomes in one round of statements (Django's bulk_update builds one large
    CASE expression per field, which costs more than sending the messages)."""
    by_name = {f.name: f for f in Message._meta.concrete_fields}
    fields = [by_name[name] for name in OUTCOME_FIELDS]
    pk = by_name["id"]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(str(f.column))} = %s" for f in fields)
    table, key = quote(Message._meta.db_table), quote(str(pk.column))
    # Only a message still "sending" and still this worker's: a receipt may already have
    # recorded its outcome, or the claim been taken back from a worker thought lost.
    status = quote(str(by_name["status"].column))
    claimed_by = quote(str(by_name["claimed_by"].column))
    where = f"{key} = %s AND {status} = %s AND {claimed_by} = %s"
    sql = f"UPDATE {table} SET {assignments} WHERE {where}"  # noqa: S608 - names from the model; values are parameters
    rows = [
        [
            *(f.get_db_prep_value(getattr(m, f.attname), connection) for f in fields),
            pk.get_db_prep_value(m.pk, connection),
            Message.Status.SENDING.value,
            m.claimed_by,
        ]
        for m in done
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def deliver_many(ids: list[Any], *, threads: int | None = None, batch: int = 200) -> Counter[str]:
    """Send many messages at the paced rate, ``threads`` at a time (e.g. an update to every
    contributor). Claimed a batch at a time before sending and recorded a batch at a time
    after; a crash between the two leaves the batch claimed by a worker that no longer
    beats, and ``take_back_lost_claims`` with the reference check makes sure none of it is
    sent twice."""
    threads = threads or settings.NOTIFY_SEND_THREADS
    outcomes: Counter[str] = Counter()
    local = threading.local()

    def attempt(message: Message) -> Message:
        if not hasattr(local, "api"):
            local.api = client()  # The client is not thread-safe: one per thread.
        return _attempt(local.api, message, timezone.now())

    def record(sending: list[Future[Message]]) -> None:
        if not sending:
            return
        done = [future.result() for future in sending]
        _record(done)
        outcomes.update(m.status for m in done)

    with workers.holding(), ThreadPoolExecutor(max_workers=threads) as pool:
        waiting = list(ids)
        while waiting:
            # One batch sends while the one before it is recorded and the next claimed,
            # so the senders never wait on the database between batches (issue 25: they
            # stood idle for a fifth of the time). At most two batches are claimed at once.
            sending: list[Future[Message]] = []
            for start in range(0, len(waiting), batch):
                claimed = _claim_batch(waiting[start : start + batch], timezone.now())
                before, sending = sending, [pool.submit(attempt, m) for m in claimed]
                record(before)
            record(sending)
            # Messages Notify held back for its rate limit are due again in seconds: try
            # them before finishing. Longer waits (an outage) are left to the sweeper.
            soon = timezone.now() + RATE_LIMIT_WAIT
            waiting = list(
                Message.objects.filter(
                    pk__in=waiting, status=Message.Status.QUEUED, next_attempt_at__lte=soon
                ).values_list("pk", flat=True)
            )
            outcomes[Message.Status.QUEUED] = 0
            if waiting:
                time.sleep(RATE_LIMIT_WAIT.total_seconds())
    outcomes.update(
        Message.objects.filter(pk__in=ids, status=Message.Status.QUEUED).values_list(
            "status", flat=True
        )
    )
    return +outcomes


# Notify calling us -------------------------------------------------------------------


def callback_authorised(authorization: str) -> bool:
    """Constant-time check of the bearer token Notify sends with every callback: the
    token, or while it is being rotated the previous one (both are compared, always)."""
    tokens = [settings.NOTIFY_CALLBACK_TOKEN, settings.NOTIFY_CALLBACK_TOKEN_PREVIOUS]
    matches = [
        bool(token) and hmac.compare_digest(authorization.encode(), f"Bearer {token}".encode())
        for token in tokens
    ]
    return any(matches)


RECEIPT_STATUSES = {
    "delivered": Message.Status.DELIVERED,
    "permanent-failure": Message.Status.FAILED,
    "temporary-failure": Message.Status.FAILED,
    "technical-failure": Message.Status.FAILED,
}


def _by_reference(reference: str) -> Message | None:
    raw = reference.removeprefix("coproduce-") if reference.startswith("coproduce-") else ""
    try:
        return Message.objects.filter(pk=uuid.UUID(raw)).first() if raw else None
    except ValueError:
        return None


def record_receipt(notify_id: str, status: str, reference: str = "") -> Message | None:
    """Record Notify's delivery receipt. None if the id is not one of ours.

    Receipts are retried by Notify, so recording one twice changes nothing more. A
    receipt can arrive before the worker has recorded the send (a batch is recorded
    after all its sends): it is matched by our reference then, and the worker's record,
    which only changes a message still "sending", leaves it alone.
    """
    outcome = RECEIPT_STATUSES.get(status)
    message = Message.objects.filter(notify_id=notify_id).first()
    if message is None and reference:
        message = _by_reference(reference)
        if message is not None and message.notify_id not in {None, "", notify_id}:
            return None  # ours, but Notify knows it by another id: not this receipt
    if message is None or outcome is None:
        return None
    if message.status in {Message.Status.SENT, Message.Status.SENDING}:
        now = timezone.now()
        message.notify_id = notify_id
        message.sent_at = message.sent_at or now
        message.status = outcome
        message.completed_at = now
        message.last_error = "" if outcome == Message.Status.DELIVERED else status
        message.to = ""  # The outcome is known: the address is no longer needed.
        message.save(
            update_fields=["notify_id", "sent_at", "status", "completed_at", "last_error", "to"]
        )
        logger.info("message %s: receipt %s", message.pk, status)
    return message
