"""Operations on voices: receiving them from any channel and reviewing them."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.care.models import Team
from coproduce.voices import risk
from coproduce.voices.models import EnquiryCategory, RiskAlert, Voice, VoiceQuerySet
from coproduce.voices.signals import voice_withdrawn

logger = logging.getLogger(__name__)


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
    voice = Voice.objects.create(
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
    raise_alert_if_at_risk(voice)
    return voice


def raise_alert_if_at_risk(voice: Voice) -> RiskAlert | None:
    """Screen the voice's text; raise an alert for the duty team at once if it signals
    current risk to life or a safeguarding concern (hazard H3)."""
    found = risk.screen(voice.text)
    if not found.raises_alert:
        return None
    alert, _ = RiskAlert.objects.get_or_create(
        voice=voice, defaults={"concerns": [str(c) for c in found.concerns]}
    )
    # Ids only: the log must never carry the voice's words.
    logger.warning("risk alert %s raised for voice %s", alert.pk, voice.pk)
    return alert


def open_alerts() -> Any:
    return RiskAlert.objects.filter(acknowledged_at__isnull=True).select_related("voice__team")


@transaction.atomic
def acknowledge_alert(user: User, alert: RiskAlert, action_taken: str) -> RiskAlert:
    alert = RiskAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.acknowledged_at is not None:
        return alert
    alert.acknowledged_at = timezone.now()
    alert.acknowledged_by = user
    alert.action_taken = action_taken
    alert.save(update_fields=["acknowledged_at", "acknowledged_by", "action_taken"])
    audit.record(user, AuditEvent.Action.CHANGED, alert, "acknowledged")
    return alert


def escalate_unacknowledged(now: dt.datetime | None = None) -> list[RiskAlert]:
    """Escalate alerts not acknowledged within the configured minutes, once each."""
    now = now or timezone.now()
    limit = now - dt.timedelta(minutes=settings.RISK_ALERT_ESCALATE_MINUTES)
    due = list(open_alerts().filter(raised_at__lte=limit, escalated_at__isnull=True))
    for alert in due:
        alert.escalated_at = now
        alert.save(update_fields=["escalated_at"])
        logger.warning("risk alert %s escalated: not acknowledged in time", alert.pk)
    return due


@transaction.atomic
def tag_voice(user: User, voice: Voice, categories: Iterable[EnquiryCategory]) -> Voice:
    voice.categories.set(categories)
    voice.reviewed_at = timezone.now()
    voice.reviewed_by = user
    voice.save(update_fields=["reviewed_at", "reviewed_by"])
    audit.record(user, AuditEvent.Action.CHANGED, voice, "enquiry categories")
    return voice


def inbox() -> VoiceQuerySet:
    """Voices for review, each marked with whether it raised a risk alert (one query)."""
    return (
        Voice.objects.select_related("team")
        .prefetch_related("categories")
        .annotate(has_risk_alert=Exists(RiskAlert.objects.filter(voice=OuterRef("pk"))))
    )


WITHDRAWAL_SALT = "coproduce.voices.withdraw"


def withdrawal_token(voice: Voice) -> str:
    """A signed link token that lets the giver withdraw this voice later, anonymously."""
    return signing.dumps({"voice": voice.pk}, salt=WITHDRAWAL_SALT)


def voice_for_withdrawal(token: str) -> Voice | None:
    try:
        data = signing.loads(token, salt=WITHDRAWAL_SALT)
    except signing.BadSignature:
        return None
    return Voice.objects.filter(pk=data.get("voice")).first()


@transaction.atomic
def withdraw(voice: Voice) -> Voice:
    """Withdraw a voice: out of future use, evidence, quotes and anything queued to it.

    What was already published as a plain-language "you said" stays (it quotes no one).
    Withdrawing twice changes nothing.
    """
    if voice.withdrawn_at is None:
        voice.withdrawn_at = timezone.now()
        voice.save(update_fields=["withdrawn_at"])
        voice_withdrawn.send(sender=Voice, voice=voice)
        logger.info("voice %s withdrawn by its giver", voice.pk)
    return voice
