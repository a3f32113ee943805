"""What other apps ask of messaging: send this, send these, cancel those.

A message is queued in the caller's transaction and handed to the worker only once that
commits, so nothing is sent for work that was rolled back. The caller keeps the link to
why it was sent (a voice's replies, an alert's messages, an update's outbox): messaging
knows nothing of them (ADR 0013).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet

from coproduce.messaging import tasks
from coproduce.messaging.models import URGENT_KINDS, Message


def queue(
    *,
    kind: str,
    channel: str,
    to: str,
    body: str,
    subject: str = "",
    not_before: dt.datetime | None = None,
) -> Message:
    """Queue one message; it is handed to the worker once the surrounding transaction
    commits, or at ``not_before`` (a message that must wait for the morning; if the task
    backend cannot wait, the sweeper sends it when due)."""
    message = Message.objects.create(
        kind=kind, channel=channel, to=to, body=body, subject=subject, next_attempt_at=not_before
    )
    urgent = kind in URGENT_KINDS
    transaction.on_commit(lambda: tasks.enqueue(message.pk, run_after=not_before, urgent=urgent))
    return message


def queue_many(messages: list[Message], *, send: bool = True) -> list[Message]:
    """Queue many messages made by the caller (not yet saved) in one statement, and hand
    them to the worker in one task once the surrounding transaction commits (unless
    ``send`` is false: a benchmark that sends them itself, or the sweeper later)."""
    Message.objects.bulk_create(messages)
    ids = [str(m.pk) for m in messages]
    if send and ids:
        transaction.on_commit(lambda: tasks.deliver_messages.enqueue(ids))
    return messages


def cancel(messages: QuerySet[Message]) -> int:
    """Cancel those of ``messages`` still waiting to go (and forget their addresses).
    One already claimed by a worker is on its way and is not stopped."""
    return messages.filter(status=Message.Status.QUEUED).update(
        status=Message.Status.CANCELLED, to=""
    )
