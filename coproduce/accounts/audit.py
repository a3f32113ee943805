"""Writing to the audit trail.

Every read of a person's record and every change to it goes through ``record``. It
refuses to write an event with no signed-in user: an unattributed read is a read nobody
can answer for.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db import models

from coproduce.accounts.models import AuditEvent, User


class Unattributed(Exception):
    pass


def record(
    actor: User | AnonymousUser | None,
    action: AuditEvent.Action,
    obj: models.Model,
    detail: str = "",
) -> AuditEvent:
    if actor is None or not actor.is_authenticated or not isinstance(actor, User):
        raise Unattributed("The audit trail needs a signed-in user for every event.")
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        record_type=obj._meta.label_lower,
        record_id=str(obj.pk),
        detail=detail[:200],
    )


def record_list(
    actor: User | AnonymousUser | None,
    model: type[models.Model],
    detail: str,
) -> AuditEvent:
    """A read of many records at once (a list, an export): the kind of record, and how many."""
    if actor is None or not actor.is_authenticated or not isinstance(actor, User):
        raise Unattributed("The audit trail needs a signed-in user for every event.")
    return AuditEvent.objects.create(
        actor=actor,
        action=AuditEvent.Action.VIEWED,
        record_type=model._meta.label_lower,
        record_id="*",
        detail=detail[:200],
    )


def events_for(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        record_type=obj._meta.label_lower, record_id=str(obj.pk)
    ).select_related("actor")
