"""Background work for the change loop, run by the django-tasks worker.

Publishing an update (or entering a translation) commits it in the request and hands
the slow work here once that commits: the audio version (espeak-ng, up to two minutes)
and the fan-out (a message for each of maybe thousands of contributors). Sending is
messaging's (``coproduce.messaging.tasks``).
"""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from coproduce.change import delivery
from coproduce.change.models import Update


@task()
def make_update_audio(update_id: int, language: str) -> bool:
    """The audio version of an update in one language, made afresh (its words may have
    changed). False if it could not be made: the log says why."""
    update = Update.objects.get(pk=update_id)
    return delivery.make_audio(update, language, again=True) is not None


@task(queue_name="notifications")
def tell_contributors(update_id: int) -> dict[str, int]:
    """Make each contributor's message, chunk by chunk, each chunk committed and handed to
    messaging to send. Safe to run again: it makes only what is missing."""
    update = Update.objects.select_related("action").get(pk=update_id)
    return asdict(delivery.fan_out(update))


@task()
def make_preview_audio(digest: str, you_said: str, we_did: str, status: str = "done") -> bool:
    """The audio version of an update not yet published, for the lead to listen to in
    the preview before confirming it (espeak-ng never runs in a request)."""
    return delivery.make_preview_audio(digest, you_said, we_did, status) is not None
