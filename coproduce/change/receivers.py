"""Change's reactions to events elsewhere (connected in ChangeConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.db.models import F

from coproduce.change.models import Insight, OutboxMessage
from coproduce.messaging import services as messaging
from coproduce.messaging.models import Message
from coproduce.voices.models import Voice


def forget_withdrawn_voice(sender: Any, voice: Voice, **kwargs: Any) -> None:
    """A withdrawn voice stops being evidence, and nothing more is sent to its giver.
    Each insight it was linked to counts one more contributor who withdrew, so the
    story of who was told stays whole."""
    for insight in voice.insights.all():
        insight.voices.remove(voice)
        Insight.objects.filter(pk=insight.pk).update(
            withdrawn_contributors=F("withdrawn_contributors") + 1
        )
    messaging.cancel(Message.objects.filter(outbox__voice=voice))
    # Queued, or a letter still to print: neither goes now.
    OutboxMessage.objects.filter(
        voice=voice, status__in=[OutboxMessage.Status.QUEUED, OutboxMessage.Status.TO_PRINT]
    ).update(status=OutboxMessage.Status.CANCELLED)
