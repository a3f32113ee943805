"""Messaging's background work, run by the django-tasks worker (``coproduce db_worker``)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from coproduce.messaging import notify
from coproduce.messaging.models import URGENT_KINDS, Message

# The order the workers take messages in (django-tasks' default priority is 0; a task
# run again after its worker was lost is 50, ``workers.RUN_AGAIN_PRIORITY``). A message
# to the duty team, or crisis contacts to someone at risk, goes before everything else: a
# fan-out of "you said, we did" to every contributor, paced to Notify's limit, is work of
# many minutes, and a duty alert queued behind it waited for all of it. A chunk of such a
# fan-out goes after any single message (a thank-you reply does not wait for it either).
URGENT_PRIORITY = 90
BULK_PRIORITY = -10


@task(queue_name="notifications")
def deliver_message(message_id: str) -> str:
    """Send one message; one Notify could not take yet is asked for again when due."""
    message = notify.deliver(message_id)
    if message is None:
        return "not due"
    if message.status == Message.Status.QUEUED:
        enqueue(message.pk, run_after=message.next_attempt_at, urgent=message.kind in URGENT_KINDS)
    return message.status


@task(queue_name="notifications", priority=BULK_PRIORITY)
def deliver_messages(message_ids: list[str]) -> dict[str, int]:
    """Send a chunk of messages (an update to its contributors), paced to Notify's limit."""
    return dict(notify.deliver_many(message_ids))


def enqueue(
    message_id: object, run_after: dt.datetime | None = None, *, urgent: bool = False
) -> None:
    """Ask the worker to send the message (at ``run_after``, if the task backend can
    wait; if it cannot, the sweeper, ``coproduce deliver-messages``, sends it when due),
    ahead of every other waiting task if ``urgent``."""
    deliver = deliver_message
    if urgent:
        deliver = deliver.using(priority=URGENT_PRIORITY)
    if run_after is not None:
        if not deliver.get_backend().supports_defer:
            return
        deliver = deliver.using(run_after=run_after)
    deliver.enqueue(str(message_id))
