"""Writing to the audit trail.

Every read of a person's record and every change to it goes through ``record``. It
refuses to write an event with no signed-in user: an unattributed read is a read nobody
can answer for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db import models, transaction
from django.utils import timezone

from coproduce.accounts.models import GENESIS, AuditChainHead, AuditEvent, User


class Unattributed(Exception):
    pass


def record(
    actor: User | AnonymousUser | None,
    action: AuditEvent.Action,
    obj: models.Model,
    detail: str = "",
) -> AuditEvent:
    return _append(actor, action, obj._meta.label_lower, str(obj.pk), detail)


def record_list(
    actor: User | AnonymousUser | None,
    model: type[models.Model],
    detail: str,
) -> AuditEvent:
    """A read of many records at once (a list, an export): the kind of record, and how many."""
    return _append(actor, AuditEvent.Action.VIEWED, model._meta.label_lower, "*", detail)


def record_each(
    actor: User | AnonymousUser | None,
    action: AuditEvent.Action,
    objs: Iterable[models.Model],
    detail: str = "",
) -> list[AuditEvent]:
    """One event for each record, written together (one hold of the chain's head)."""
    return _append_all(
        actor, [(action, obj._meta.label_lower, str(obj.pk), detail) for obj in objs]
    )


def _append(
    actor: User | AnonymousUser | None,
    action: AuditEvent.Action,
    record_type: str,
    record_id: str,
    detail: str,
) -> AuditEvent:
    return _append_all(actor, [(action, record_type, record_id, detail)])[0]


def _append_all(
    actor: User | AnonymousUser | None,
    entries: Sequence[tuple[AuditEvent.Action, str, str, str]],
) -> list[AuditEvent]:
    """Add events to the end of the chain, in order, holding the chain's head meanwhile."""
    if actor is None or not actor.is_authenticated or not isinstance(actor, User):
        raise Unattributed("The audit trail needs a signed-in user for every event.")
    if not entries:
        return []
    now = timezone.now()
    occurred_at = now.replace(microsecond=now.microsecond // 1000 * 1000)
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        events = []
        previous = head.entry_hash
        for action, record_type, record_id, detail in entries:
            event = AuditEvent(
                actor=actor,
                action=action,
                record_type=record_type,
                record_id=record_id,
                occurred_at=occurred_at,
                detail=detail[:200],
                previous_hash=previous,
            )
            event.entry_hash = previous = event.compute_hash()
            events.append(event)
        if len(events) == 1:
            events[0].save()
        else:
            AuditEvent.objects.bulk_create(events)
        head.entry_hash = previous
        head.events += len(events)
        head.save(update_fields=["entry_hash", "events"])
    return events


@dataclass(frozen=True)
class Break:
    """Where the chain first fails: the event (None when events were cut from the end)."""

    event_id: int | None
    reason: str


def verify() -> tuple[int, Break | None]:
    """Walk the whole trail in the order it was written; the number of events checked,
    and the first break, if any."""
    previous = GENESIS
    checked = 0
    events = AuditEvent.objects.order_by("id")
    for event in events.iterator(chunk_size=2000):
        if event.previous_hash != previous:
            return checked, Break(
                event.pk,
                "it does not follow the event before it (an event was removed or put in)",
            )
        if event.compute_hash() != event.entry_hash:
            return checked, Break(event.pk, "its contents were changed after it was written")
        previous = event.entry_hash
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    expected = head.entry_hash if head else GENESIS
    if previous != expected or (head and head.events != checked):
        return checked, Break(None, "events were removed from the end of the trail")
    return checked, None


def events_for(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        record_type=obj._meta.label_lower, record_id=str(obj.pk)
    ).select_related("actor")
