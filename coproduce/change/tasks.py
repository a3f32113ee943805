"""Background work for the change loop, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task

from coproduce.change.models import OutboxMessage
from coproduce.voices import messaging
from coproduce.voices.models import Message


@task(queue_name="notifications")
def deliver_update(update_id: int) -> dict[str, int]:
    """Send an update's queued messages to its contributors, paced to Notify's limit."""
    ids = list(
        OutboxMessage.objects.filter(
            update_id=update_id, message__status=Message.Status.QUEUED
        ).values_list("message_id", flat=True)
    )
    return dict(messaging.deliver_many(ids))
