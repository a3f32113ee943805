"""Background work for voices, run by the django-tasks worker (``coproduce db_worker``)."""

from __future__ import annotations

from django_tasks import task

from coproduce.voices import follow_up, messaging


@task(queue_name="notifications")
def deliver_message(message_id: str) -> str:
    message = messaging.deliver(message_id)
    return message.status if message else "not due"


@task(queue_name="notifications")
def send_follow_up(invitation_id: int) -> str:
    return follow_up.send_if_due(invitation_id)
