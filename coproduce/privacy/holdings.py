"""What Coproduce holds about a person in its care, or about a member of its network.

Declared once, here, and used three ways: the subject access export (everything held,
machine-readable and readable), erasure of a network member on request, and the
retention rules. A test walks every relation that leads back to a person or a member,
so a new kind of record cannot be left out of a subject access request.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

# Fields never exported: secrets that are not information about the person.
NEVER_EXPORTED = {"password", "key", "bin_key", "notify_id", "feedback_key"}


@dataclass(frozen=True)
class Holding:
    model: str  # app_label.ModelName
    paths: tuple[str, ...]  # lookups from this model to the subject ("" is the subject)
    what: str  # in plain words, for the readable copy

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows(self, subject: models.Model) -> models.QuerySet[Any]:
        conditions = [Q(pk=subject.pk) if not path else Q(**{path: subject}) for path in self.paths]
        return self.model_class._default_manager.filter(reduce(or_, conditions)).distinct()


PERSON = [
    Holding("care.Person", ("",), "Your name, date of birth, NHS number and how to reach you"),
    Holding("care.Referral", ("person",), "Referrals to the crisis service"),
    Holding("care.Dispatch", ("referral__person",), "Mental health response vehicle visits"),
    Holding("care.Episode", ("person",), "Times on a team's caseload"),
    Holding("care.Contact", ("episode__person",), "Records of each contact with you"),
    Holding("care.Appointment", ("episode__person",), "Appointments and reviews"),
    Holding("care.CrisisPlan", ("person",), "Crisis plans (every version)"),
    Holding("care.SafetyPlan", ("person",), "Safety plans (every version)"),
    Holding("voices.FollowUpInvitation", ("episode__person",), "Invitations to give feedback"),
    Holding("voices.Voice", ("person",), "Feedback you gave"),
    Holding("voices.RiskAlert", ("voice__person",), "Alerts raised from your feedback"),
    Holding("voices.CallBack", ("alert__voice__person",), "Calls back to you after an alert"),
    Holding(
        "messaging.Message",
        (
            "voice__person",
            "invitation__episode__person",
            "alert__voice__person",
            "outbox__voice__person",
            "asked_after_call__person",
            "asked_after_sanctuaryvisit__person",
        ),
        "Messages sent to you or about your feedback",
    ),
    Holding("change.OutboxMessage", ("voice__person",), "'You said, we did' updates for you"),
    Holding("firstresponse.Call", ("person",), "Calls to the First Response line about you"),
    Holding("firstresponse.SanctuaryVisit", ("person",), "Your evenings at the Sanctuary"),
    Holding(
        "firstresponse.PassedCall",
        ("person",),
        "Calls NHS 111 or the police passed to the First Response line about you",
    ),
    Holding(
        "firstresponse.CallLink",
        ("person", "call__person"),
        "Earlier calls linked to you, by whom and why",
    ),
    Holding("firstresponse.CallCorrection", ("call__person",), "Corrections to your calls"),
    Holding(
        "improvement.Project",
        ("voice__person", "voices__person"),
        "Improvement projects your feedback started or is behind",
    ),
]

MEMBER = [
    Holding("network.Member", ("",), "Your membership: name, how to reach you, your format"),
    Holding("accounts.User", ("network_member",), "Your sign-in account (never your password)"),
    Holding("network.TrainingRecord", ("member",), "Training you completed"),
    Holding("network.AgreementAcceptance", ("member",), "Respect agreements you accepted"),
    Holding("network.Attendance", ("member",), "Meetings you were invited to and came to"),
    Holding("network.BoardSeat", ("member",), "Seats you hold on boards"),
    Holding("network.PaymentClaim", ("member",), "Involvement payments and expenses claimed"),
    Holding("change.Ballot", ("member",), "How you ranked priorities"),
    Holding(
        "improvement.TeamMember", ("member",), "Improvement projects you are on, and your role"
    ),
    Holding("improvement.Task", ("owner__member",), "Tasks you own in improvement projects"),
    Holding("improvement.TimeSpent", ("person__member",), "Time you gave to improvement projects"),
]


def serialise(row: models.Model) -> dict[str, Any]:
    """Every field of a row, by its label, with related rows named by id."""
    out: dict[str, Any] = {"id": row.pk}
    for field in row._meta.concrete_fields:
        if field.name in NEVER_EXPORTED or field.primary_key:
            continue
        value = getattr(row, field.attname)
        if field.choices and value not in (None, ""):
            value = {"code": value, "label": str(dict(field.flatchoices).get(value, value))}
        out[str(field.verbose_name)] = value
    for field in row._meta.many_to_many:
        out[str(field.verbose_name)] = [str(item) for item in getattr(row, field.name).all()]
    return out


def gather(subject: models.Model, holdings: list[Holding]) -> Iterator[tuple[Holding, list[Any]]]:
    for holding in holdings:
        yield holding, [serialise(row) for row in holding.rows(subject).order_by("pk")]


@dataclass(frozen=True)
class Export:
    json: str
    html: str
    records: int


def subject_access(subject: models.Model, holdings: list[Holding], trust: str) -> Export:
    """Everything held about the subject, as JSON and as a readable page."""
    made = timezone.localtime()
    sections = [
        {"model": h.model, "what": h.what, "records": rows} for h, rows in gather(subject, holdings)
    ]
    document = {
        "subject": {"kind": subject._meta.label_lower, "id": subject.pk},
        "made_at": made,
        "held_by": trust,
        "sections": sections,
    }
    text = json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    page = render_to_string(
        "privacy/subject_access.jinja",
        {
            "sections": sections,
            "made": made,
            "trust": trust,
            "title": getattr(subject, "full_name", "") or getattr(subject, "display_name", ""),
            "readable": readable,
        },
    )
    return Export(text, page, sum(len(s["records"]) for s in sections))


def readable(value: Any) -> str:
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    if isinstance(value, list):
        return ", ".join(readable(v) for v in value)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d %B %Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d %B %Y")
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)
