"""Operations on the change loop. Each runs in one transaction and audits who did it."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.change.models import Action, Insight, OutboxMessage, Update
from coproduce.voices.models import Voice
from coproduce.voices.services import tell_what_changed


@transaction.atomic
def create_insight(user: User, statement: str, voices: list[Voice] | None = None) -> Insight:
    insight = Insight.objects.create(statement=statement, created_by=user)
    for voice in voices or []:
        add_voice_to_insight(user, insight, voice)
    audit.record(user, AuditEvent.Action.CREATED, insight)
    return insight


@transaction.atomic
def add_voice_to_insight(user: User, insight: Insight, voice: Voice) -> None:
    """Link a voice as evidence. Only voices given for improvement may be used."""
    if not voice.consent_improvement or voice.withdrawn_at is not None:
        raise ValidationError(
            "This voice cannot be used as evidence: the person did not agree to their "
            "feedback being used to improve services, or has withdrawn it."
        )
    insight.voices.add(voice)
    audit.record(user, AuditEvent.Action.CHANGED, insight, f"added voice {voice.pk}")


def evidence_summary(insight: Insight) -> Counter[str]:
    """Linked voices counted by enquiry category."""
    counts: Counter[str] = Counter()
    for voice in insight.voices.prefetch_related("categories"):
        for category in voice.categories.all():
            counts[category.name] += 1
    return counts


@transaction.atomic
def record_action(
    user: User, insight: Insight, *, description: str, owner: User, due_on: dt.date
) -> Action:
    action = Action.objects.create(
        insight=insight, description=description, owner=owner, due_on=due_on, created_by=user
    )
    audit.record(user, AuditEvent.Action.CREATED, action)
    return action


@transaction.atomic
def publish_update(user: User, action: Action, *, you_said: str, we_did: str) -> Update:
    """Publish a "you said, we did" update and owe it to every consenting contributor.

    Every voice linked to the action's insight whose giver asked to be told what changes
    gets one outbox message on their channel, sent through Notify once this commits.
    """
    update = Update.objects.create(
        action=action,
        you_said=you_said,
        we_did=we_did,
        published_at=timezone.now(),
        published_by=user,
    )
    queue_update_for_contributors(update)
    audit.record(user, AuditEvent.Action.CREATED, update)
    return update


def queue_update_for_contributors(update: Update) -> int:
    """Queue the update for each consenting contributor not already owed it. Idempotent."""
    voices = Voice.objects.to_contact_back().filter(insights__actions=update.action).distinct()
    queued = 0
    for voice in voices:
        owed, created = OutboxMessage.objects.get_or_create(
            update=update, voice=voice, defaults={"channel": voice.contact_channel}
        )
        if created:
            owed.message = tell_what_changed(voice, update.you_said, update.we_did)
            owed.save(update_fields=["message"])
        queued += int(created)
    return queued


def published_updates() -> list[Update]:
    return list(Update.objects.select_related("action__insight").order_by("-published_at"))
