"""Operations on voices: receiving them from any channel and reviewing them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.care.models import Team
from coproduce.voices.models import EnquiryCategory, Voice


@transaction.atomic
def receive_voice(
    *,
    channel: str,
    text: str,
    rating: int | None,
    team: Team | None = None,
    consent_improvement: bool = False,
    consent_quote: bool = False,
    consent_contact: bool = False,
    contact_channel: str = Voice.ContactChannel.NONE,
    contact_email: str = "",
    contact_phone: str = "",
    language: str = "en",
    received_at: Any = None,
) -> Voice:
    """Store a voice from any channel.

    Contact details are kept only for the channel the person chose, and only if they
    asked to be told what changes: we hold no more than we need.
    """
    if not consent_contact:
        contact_channel = Voice.ContactChannel.NONE
    return Voice.objects.create(
        channel=channel,
        text=text,
        rating=rating,
        team=team,
        consent_improvement=consent_improvement,
        consent_quote=consent_quote,
        consent_contact=consent_contact,
        contact_channel=contact_channel,
        contact_email=contact_email if contact_channel == Voice.ContactChannel.EMAIL else "",
        contact_phone=contact_phone if contact_channel == Voice.ContactChannel.SMS else "",
        language=language,
        received_at=received_at or timezone.now(),
    )


@transaction.atomic
def tag_voice(user: User, voice: Voice, categories: Iterable[EnquiryCategory]) -> Voice:
    voice.categories.set(categories)
    voice.reviewed_at = timezone.now()
    voice.reviewed_by = user
    voice.save(update_fields=["reviewed_at", "reviewed_by"])
    audit.record(user, AuditEvent.Action.CHANGED, voice, "enquiry categories")
    return voice


def inbox() -> Any:
    return Voice.objects.select_related("team").prefetch_related("categories")
