"""Change's reactions to events elsewhere (connected in ChangeConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q

from coproduce.change import delivery
from coproduce.change.models import Insight, OutboxMessage
from coproduce.messaging import services as messaging
from coproduce.messaging.models import Message
from coproduce.voices.models import Voice


def forget_withdrawn_voice(sender: Any, voice: Voice, **kwargs: Any) -> None:
    """A withdrawn voice stops being evidence, and nothing more is sent to its giver.
    Each insight it was linked to counts one more contributor who withdrew, so the
    story of who was told stays whole, unless its giver is still behind that insight
    through another voice with the same address, who is then told as before."""
    for insight in voice.insights.all():
        insight.voices.remove(voice)
        if (
            voice.contact_key
            and insight.voices.to_contact_back().filter(contact_key=voice.contact_key).exists()
        ):
            continue  # their other voice there still asks to be told: not one who withdrew
        Insight.objects.filter(pk=insight.pk).update(
            withdrawn_contributors=F("withdrawn_contributors") + 1
        )
    _hand_over(voice)
    messaging.cancel(Message.objects.filter(outbox__voice=voice))
    # Queued, or a letter still to print: neither goes now.
    OutboxMessage.objects.filter(
        voice=voice, status__in=[OutboxMessage.Status.QUEUED, OutboxMessage.Status.TO_PRINT]
    ).update(status=OutboxMessage.Status.CANCELLED)


def _hand_over(voice: Voice) -> None:
    """An update still waiting to go to a withdrawn voice's giver is theirs through
    another voice too, if they gave one with the same address that is still linked and
    asked to be told: it was made once for both (``delivery.one_per_address``), so it
    goes on, now owed through that voice, rather than being cancelled for both."""
    if not voice.contact_key:
        return
    waiting = OutboxMessage.objects.filter(
        Q(message__isnull=True, status=OutboxMessage.Status.TO_PRINT)
        | Q(message__status=Message.Status.QUEUED),
        voice=voice,
    ).select_related("update__action")
    for owed in waiting:
        also_theirs = delivery.contributors(owed.update.action).filter(
            contact_key=voice.contact_key
        )
        other = also_theirs.exclude(outbox__update=owed.update_id).last()
        if other is not None:
            owed.voice = other
            owed.save(update_fields=["voice"])


def tell_once_acknowledged(sender: Any, voice: Voice, **kwargs: Any) -> None:
    """A risk alert was acknowledged: the updates held back from its voice's giver while
    it was open (``delivery.held_for_an_alert``) are made and sent now, by the same
    task that fans an update out (it makes only what is missing)."""
    from coproduce.change import tasks

    for update_id in delivery.updates_of_their_insights(voice).values_list("pk", flat=True):
        tasks.tell_contributors.enqueue(update_id)
