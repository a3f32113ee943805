"""Messaging's background work, run by the django-tasks worker (``coproduce db_worker``)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from coproduce.messaging import notify
from coproduce.messaging.models import Message


@task(queue_name="notifications")
def deliver_message(message_id: str) -> str:
    """Send one message; one Notify could not take yet is asked for again when due."""
    message = notify.deliver(message_id)
    if message is None:
        return "not due"
    if message.status == Message.Status.QUEUED:
        enqueue(message.pk, run_after=message.next_attempt_at)
    return message.status


@task(queue_name="notifications")
def deliver_messages(message_ids: list[str]) -> dict[str, int]:
    """Send a chunk of messages (an update to its contributors), paced to Notify's limit."""
    return dict(notify.deliver_many(message_ids))


def enqueue(message_id: object, run_after: dt.datetime | None = None) -> None:
    """Ask the worker to send the message (at ``run_after``, if the task backend can
    wait; if it cannot, the sweeper, ``coproduce deliver-messages``, sends it when due)."""
    deliver = deliver_message
    if run_after is not None:
        if not deliver.get_backend().supports_defer:
            return
        deliver = deliver.using(run_after=run_after)
    deliver.enqueue(str(message_id))
