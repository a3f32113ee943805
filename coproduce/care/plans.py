"""Crisis plans and safety plans: versioned, every change keeps the old version."""

from __future__ import annotations

from typing import TypeVar

from django.db import transaction
from django.db.models import Max
from django.http import Http404

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.care.models import Episode, Person, PlanVersion

Plan = TypeVar("Plan", bound=PlanVersion)

# How a read through break-glass is marked in the audit trail, on every record it opens.
BREAK_GLASS_DETAIL = "break-glass access"


def current(kind: type[Plan], person: Person) -> Plan | None:
    return kind._default_manager.filter(person=person).order_by("-version").first()


def plan_for(user: User, kind: type[Plan], plan_id: int) -> Plan:
    """A plan version of a person on one of the user's teams' caseloads; audited."""
    on_caseload = Episode.objects.for_user(user).values("person_id")
    plan = kind._default_manager.filter(pk=plan_id, person_id__in=on_caseload).first()
    if plan is None:
        raise Http404("No such plan on your caseloads.")
    audit.record(user, AuditEvent.Action.VIEWED, plan)
    return plan


def read_versions(
    user: User,
    kind: type[Plan],
    person: Person,
    version: str | None = None,
    *,
    break_glass: bool = False,
) -> tuple[Plan | None, list[Plan]]:
    """The version asked for (the current one by default) and every version, of a person
    already opened for the user (``open_person_record``). Reading a version is audited,
    as a break-glass read when the person is not on the user's caseloads."""
    versions = history(kind, person)
    chosen = versions[0] if versions else None
    if version and versions:
        chosen = next((v for v in versions if str(v.version) == version), None)
        if chosen is None:
            raise Http404("No such version.")
    if chosen is not None:
        audit.record(
            user, AuditEvent.Action.VIEWED, chosen, BREAK_GLASS_DETAIL if break_glass else ""
        )
    return chosen, versions


def history(kind: type[Plan], person: Person) -> list[Plan]:
    return list(
        kind._default_manager.filter(person=person)
        .select_related("created_by")
        .order_by("-version")
    )


@once
@transaction.atomic
def save_new_version(
    user: User, kind: type[Plan], person: Person, sections: dict[str, str], *, submission: str = ""
) -> Plan:
    """Save the plan as a new version; earlier versions are kept unchanged."""
    names = {name for name, _ in kind.SECTIONS}
    unknown = set(sections) - names
    if unknown:
        raise ValueError(f"Not sections of {kind.__name__}: {sorted(unknown)}")
    # Lock the person row so two saves cannot take the same version number.
    Person.objects.select_for_update().get(pk=person.pk)
    latest = kind._default_manager.filter(person=person).aggregate(n=Max("version"))["n"] or 0
    plan = kind(person=person, version=latest + 1, created_by=user, **sections)
    plan.save()
    audit.record(user, AuditEvent.Action.CREATED, plan, f"version {plan.version}")
    return plan
