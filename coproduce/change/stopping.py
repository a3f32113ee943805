"""A contributor stops "you said, we did" messages: by the link in every message, or by
replying STOP to a text (found by a fresh-eyes trial: the messages named neither who
sent them nor how to stop them).

Stopping is the person's: it is audited as done by someone not signed in. It stops the
messages for every voice they gave with the same way of being reached (one person, as
``delivery.one_per_address`` counts them), cancels what is still waiting to go to them,
and forgets the contact details, which were kept only to tell them. Their feedback stays
in use as they agreed; withdrawing it is the withdraw link's.

A voice whose risk alert is still open keeps its details until the alert is acknowledged
(``voices.services.forget_stopped_contact``): they may be the duty team's only way to
reach the person (a fresh-eyes trial stopped the updates from a message that had raised
an alert, and the alert then said the person had given no details).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.change.models import OutboxMessage
from coproduce.lib.validators import number_key
from coproduce.messaging import services as messaging
from coproduce.messaging.models import Message
from coproduce.voices.models import Voice
from coproduce.voices.services import forget_stopped_contact

logger = logging.getLogger(__name__)

SALT = "coproduce.change.stop-updates"
# Where each person's own link goes in a message made once for everyone who shares a
# format, language and channel (``delivery._owed`` puts the link in).
LINK_MARK = "\u2063stop-link\u2063"
# How the preview shows that place: every contributor's message carries their own.
PREVIEW_LINK = "[their own link to stop these messages]"


def token(voice: Voice) -> str:
    """Short, for a link a person may have to type from a letter: the voice's number and
    96 bits of its signature."""
    number = _base36(voice.pk)
    return f"{number}-{_signature(number)}"


def _signature(number: str) -> str:
    return signing.Signer(salt=SALT).signature(number)[:16]


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def link(voice: Voice) -> str:
    return settings.PUBLIC_BASE_URL + reverse("stop_updates", args=[token(voice)])


def voice_for(value: str) -> Voice | None:
    number, _, signature = value.partition("-")
    if not number.isalnum() or not number.isascii() or len(number) > 12:
        return None
    if not constant_time_compare(signature, _signature(number)):
        return None
    return Voice.objects.filter(pk=int(number, 36)).first()


def stopped(voice: Voice) -> bool:
    """Whether the person who gave ``voice`` has stopped these messages (none of their
    voices asks to be told any more)."""
    return voice.updates_stopped_at is not None and not voice.consent_contact


def theirs(voice: Voice) -> Q:
    """Every voice of the person who gave ``voice`` and asked to be told: the same way of
    being reached, however it was written (``Voice.contact_key``)."""
    same = Q(pk=voice.pk)
    if voice.contact_key:
        same |= Q(contact_key=voice.contact_key)
    return same


@transaction.atomic
def stop(voice: Voice) -> int:
    """Stop "you said, we did" messages to the person who gave ``voice``; how many of
    their voices asked to be told. Stopping twice changes nothing."""
    voices = list(Voice.objects.select_for_update().filter(theirs(voice), consent_contact=True))
    return _stop(voices, "by the link in a message")


def _stop(voices: list[Voice], how: str) -> int:
    if not voices:
        return 0
    pks = [v.pk for v in voices]
    # Only what has not gone yet: a message already sent or delivered stays as it was.
    waiting = OutboxMessage.objects.filter(voice__in=pks).filter(
        Q(status=OutboxMessage.Status.TO_PRINT, message__isnull=True)
        | Q(message__status=Message.Status.QUEUED)
    )
    waiting_ids = list(waiting.values_list("pk", flat=True))
    messaging.cancel(Message.objects.filter(outbox__in=waiting_ids))
    OutboxMessage.objects.filter(pk__in=waiting_ids).update(status=OutboxMessage.Status.STOPPED)
    Voice.objects.filter(pk__in=pks).update(
        updates_stopped_at=timezone.now(),
        consent_contact=False,
        contact_channel=Voice.ContactChannel.NONE,
    )
    forget_stopped_contact(Voice.objects.filter(pk__in=pks))
    giver = audit.someone_not_signed_in()
    for voice in voices:
        audit.record(giver, AuditEvent.Action.CHANGED, voice, f"updates stopped {how}")
    logger.info("you said, we did: stopped for %s voice(s) %s", len(voices), how)
    return len(voices)


@transaction.atomic
def stop_by_text(source_number: str) -> int:
    """Someone replied STOP to a text: no more updates to that number, however it was
    written when they gave it."""
    key = number_key(source_number)
    if not key:
        return 0
    # The ways a number is kept (``Voice.contact_key``: as given, without spaces).
    written = {key}
    if key.startswith("0"):
        written |= {prefix + key[1:] for prefix in ("+44", "44", "0044")}
    asked = Voice.objects.select_for_update().filter(
        consent_contact=True, contact_key__in=[f"sms:{w}" for w in written]
    )
    voices = [v for v in asked if number_key(v.contact_phone) == key]
    return _stop(voices, "by replying STOP")
