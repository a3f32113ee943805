"""Outbound messages through GOV.UK Notify, and the workers that send them."""

from __future__ import annotations

import uuid

from django.db import models


class Message(models.Model):
    """A text message or email going out through GOV.UK Notify.

    The durable record of one message: queued in the same transaction as the event that
    needs it, tried again with backoff while Notify is unreachable, and never sent twice
    (before a retry, Notify is asked whether it already has this message's reference).
    The address is cleared once Notify reports the outcome: we keep no more than needed.

    A message knows nothing of why it was sent: the app that sent it keeps the link (a
    voice's replies, an alert's messages, an update's outbox), so messaging imports no
    domain app (ADR 0013).
    """

    class Kind(models.TextChoices):
        CRISIS_REPLY = "crisis_reply", "Reply with crisis contacts"
        THANKS_REPLY = "thanks_reply", "Thank-you reply"
        DUTY_ALERT = "duty_alert", "Risk alert to the duty contact"
        ALERT_ESCALATION = "alert_escalation", "Risk alert escalation"
        FOLLOW_UP_INVITATION = "follow_up_invitation", "Follow-up invitation"
        FOLLOW_UP_REMINDER = "follow_up_reminder", "Follow-up reminder"
        YOU_SAID_WE_DID = "you_said_we_did", "You said, we did"

    class Channel(models.TextChoices):
        SMS = "sms", "Text message"
        EMAIL = "email", "Email"
        LETTER = "letter", "Letter"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent to Notify"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    # A phone number, an email address, or a letter's address lines (one a line).
    to = models.CharField(max_length=600, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # The worker that claimed it (see Worker); blank for a claim made before heartbeats.
    claimed_by = models.CharField(max_length=100, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    notify_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Message {self.pk}"

    @property
    def reference(self) -> str:
        """The opaque reference Notify keeps with the message (never personal data)."""
        return f"coproduce-{self.pk}"


# Sent before any other message waiting (``tasks.URGENT_PRIORITY``, and first in the
# sweeper's order): the duty team's alerts, and crisis contacts to someone at risk.
URGENT_KINDS = frozenset(
    {Message.Kind.CRISIS_REPLY, Message.Kind.DUTY_ALERT, Message.Kind.ALERT_ESCALATION}
)


class Worker(models.Model):
    """A process that claims messages or runs tasks, and its heartbeat.

    While it holds work it beats (``beat_at``, from the database's clock) every
    ``WORKER_HEARTBEAT_SECONDS``; one silent for longer than ``WORKER_LOST_AFTER_SECONDS``
    is lost, and its work is taken back (``coproduce.messaging.workers``). Judged by the
    database's clock, not by a process id, so it holds across hosts.
    """

    class Kind(models.TextChoices):
        # ``coproduce worker``: runs the tasks, and beats even while it waits for one, so
        # /readyz and /metrics can tell whether one is running.
        TASKS = "tasks", "task worker"
        # A process that beats only while it holds work: the sweeper, a benchmark's sender.
        SENDER = "sender", "sender"

    id = models.CharField(primary_key=True, max_length=100)  # host:pid:random
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SENDER)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)
    # The django-tasks result it is running (DBTaskResult.id), if it runs one.
    task_id = models.UUIDField(null=True, blank=True)
    # Set when it stopped as asked (SIGTERM): it is no longer counted as running.
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-beat_at"]

    def __str__(self) -> str:
        return f"Worker {self.pk}"


class SendingPace(models.Model):
    """Notify's rate limit, kept by every process that sends together.

    Notify counts one limit for the service's key, however many processes send: the task
    workers, the minute's sweeper and the server. ``next_free`` is the time, in seconds
    by the database's clock, from which the next message may go (the generic cell rate
    algorithm): a process reserves the next few free times by moving it on
    (``coproduce.messaging.notify.Pace``). Holds no personal data.
    """

    name = models.CharField(primary_key=True, max_length=40)
    next_free = models.FloatField(default=0.0)

    def __str__(self) -> str:
        return f"Sending pace {self.name}"
