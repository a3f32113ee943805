"""Writing to the audit trail.

Every read of a person's record and every change to it goes through ``record``. It
refuses to write an event with no signed-in user: an unattributed read is a read nobody
can answer for.

Some changes are made by no one signed in: a member of the public giving feedback,
joining the network, withdrawing what they gave or stopping follow-up messages (on a
public page, by a link in a message, by texting the service); the service's scheduled
work; the retention rules. Each of these has an account of its own that can never sign
in (no role, no usable password, switched off, and a username the sign-up forms cannot
make), so every event still names who did it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AnonymousUser
from django.db import connection, models, transaction
from django.utils import timezone

from coproduce.accounts.models import GENESIS, AuditChainHead, AuditEvent, User


class Unattributed(Exception):
    pass


def someone_not_signed_in() -> User:
    """A member of the public: a public page, a link in a message, a text to the service."""
    return _account_for("system:public")


def scheduled_work() -> User:
    """The service's own work on a timer (marking episodes disengaged)."""
    return _account_for("system:scheduler")


def retention_rules() -> User:
    """The nightly purge of what is kept too long (``privacy.retention``)."""
    return _account_for("system:retention")


def _account_for(username: str) -> User:
    user, _ = User.objects.get_or_create(
        username=username, defaults={"is_active": False, "password": make_password(None)}
    )
    return user


class HashesDisagree(Exception):
    """The database's hash of an event is not the one ``verify`` would work out."""


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
    events = [
        AuditEvent(
            actor=actor,
            action=str(action),
            record_type=record_type,
            record_id=record_id,
            occurred_at=occurred_at,
            detail=detail[:200],
        )
        for action, record_type, record_id, detail in entries
    ]
    if connection.vendor == "postgresql":
        return _append_in_database(events)
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        for event in events:
            event.previous_hash = head.entry_hash
            event.entry_hash = head.entry_hash = event.compute_hash()
        if len(events) == 1:
            events[0].save()
        else:
            AuditEvent.objects.bulk_create(events)
        head.events += len(events)
        head.save(update_fields=["entry_hash", "events"])
    return events


def _append_in_database(events: list[AuditEvent]) -> list[AuditEvent]:
    """The same, on PostgreSQL, in one call of ``coproduce_audit_append`` (migration
    accounts 0004): the head is held only while the database works, not across round
    trips.

    Each hash the database returns is checked against ``compute_hash``. A disagreement
    raises ``HashesDisagree``; the event is written by then (the check comes after the
    database lets the head go, or the lock would span the round trip again), and
    ``coproduce audit verify`` names it as changed."""
    first = events[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT out_id, out_previous, out_entry FROM coproduce_audit_append"
            "(%s, %s, %s, %s, %s, %s, %s)",
            [
                first.actor_id,
                first.occurred_at,
                first.occurred_at.isoformat(timespec="milliseconds"),
                [event.action for event in events],
                [event.record_type for event in events],
                [event.record_id for event in events],
                [event.detail for event in events],
            ],
        )
        rows = cursor.fetchall()
    for event, (pk, previous, entry) in zip(events, rows, strict=True):
        event.pk, event.previous_hash, event.entry_hash = pk, previous, entry
        event._state.adding, event._state.db = False, connection.alias
        if event.compute_hash() != entry:
            raise HashesDisagree(f"audit event {pk}: the database's hash is not the chain's")
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
