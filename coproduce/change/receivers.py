"""Change's reactions to events elsewhere (connected in ChangeConfig.ready)."""

from __future__ import annotations

from typing import Any

from coproduce.change.models import OutboxMessage
from coproduce.voices.models import Voice


def forget_withdrawn_voice(sender: Any, voice: Voice, **kwargs: Any) -> None:
    """A withdrawn voice stops being evidence, and nothing more is sent to its giver."""
    for insight in voice.insights.all():
        insight.voices.remove(voice)
    OutboxMessage.objects.filter(voice=voice, status=OutboxMessage.Status.QUEUED).update(
        status=OutboxMessage.Status.CANCELLED
    )
