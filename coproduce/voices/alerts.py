"""Acting on a risk alert: how to reach the person, the reply they got, and call-backs.

Alerts are for whoever is on duty, whatever their team (``Capability.RESPOND_TO_ALERTS``),
so how to reach the person is hidden until the duty worker asks for it, and each showing
is written to the audit trail as a read of those details: for the alert, and for the
person's care record when the voice is linked to one. A call-back is a new row each
attempt, carrying who made it; it never replaces an earlier one, and acknowledging the
alert is separate (``services.acknowledge_alert``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.lib import validators
from coproduce.lib.dates import in_the_future
from coproduce.messaging.models import Message
from coproduce.voices import anonymise, services
from coproduce.voices.models import CallBack, RiskAlert

logger = logging.getLogger(__name__)

# The messages that went back to the person who wrote (not the duty team's).
REPLY_KINDS = (Message.Kind.CRISIS_REPLY, Message.Kind.THANKS_REPLY)
NOTE_MOST_CHARACTERS = 2000
MINUTE = dt.timedelta(minutes=1)  # a call time is given to the minute

FROM_THE_MESSAGE = "The number the text came from"
UNREADABLE_NUMBER = "What came as the sender's number, which is not a phone number"
GIVEN_WITH_IT = "Given with the message, to be told what changes because of it"
# They stopped those messages while the alert was open: kept for the duty team until it
# is acknowledged (``services.forget_stopped_contact``).
GIVEN_THEN_STOPPED = (
    "Given with the message; they have since stopped being told what changes, so it is "
    "kept only until this alert is acknowledged"
)
WRITTEN_IN_IT = "Written in the message itself"
ON_THEIR_RECORD = "On their care record"


@dataclass(frozen=True)
class Route:
    """One way to reach the person: where the detail comes from, what it is, the value."""

    source: str
    label: str
    value: str

    @property
    def href(self) -> str:
        """A link that calls or writes to it from the duty worker's phone or computer."""
        if "@" in self.value and "\n" not in self.value:
            return f"mailto:{self.value}"
        digits = self.value.replace(" ", "")
        if digits.lstrip("+").isdigit() and digits.isascii():
            return f"tel:{digits}"
        return ""


def _replies() -> Prefetch[Any, Any, Any]:
    return Prefetch(
        "voice__messages",
        queryset=Message.objects.filter(kind__in=REPLY_KINDS).order_by("created_at"),
        to_attr="replies",
    )


def _call_backs() -> Prefetch[Any, Any, Any]:
    return Prefetch(
        "call_backs", queryset=CallBack.objects.select_related("made_by").order_by("made_at", "pk")
    )


def waiting() -> QuerySet[RiskAlert]:
    """Alerts not yet acknowledged, oldest first, with their replies and call-backs."""
    alerts: QuerySet[RiskAlert] = services.open_alerts()
    return (
        alerts.select_related("voice__person")
        .prefetch_related(_replies(), _call_backs())
        .order_by("raised_at")
    )


def alert_for(alert_id: int) -> RiskAlert:
    """One alert with what the duty worker needs to act on it (open or acknowledged)."""
    try:
        return (
            RiskAlert.objects.select_related("voice__team", "voice__person", "acknowledged_by")
            .prefetch_related(_replies(), _call_backs())
            .get(pk=alert_id)
        )
    except RiskAlert.DoesNotExist:
        raise Http404("No such risk alert.") from None


def _a_phone_number(value: str) -> bool:
    return re.fullmatch(r"\+?\d{7,15}", validators.reply_number(value)) is not None


def contact_routes(alert: RiskAlert) -> list[Route]:
    """Every way to reach the person behind the alert that the service holds: the number
    the text came from, a number written in the message, what they gave with it to be
    told what changes, and
    their care record's contact details if the voice is linked to a person."""
    voice = alert.voice
    routes = []
    if voice.received_from and _a_phone_number(voice.received_from):
        routes.append(Route(FROM_THE_MESSAGE, "Mobile phone", voice.received_from))
    elif voice.received_from:
        # A malformed callback's sender (found by a fresh-eyes trial, shown as if it
        # were a number to call): kept for whoever can trace it, said to be no number.
        routes.append(Route(UNREADABLE_NUMBER, "What came as the sender", voice.received_from))
    for number in anonymise.phone_numbers_in(voice.text):
        routes.append(Route(WRITTEN_IN_IT, "Phone", number))
    if voice.consent_contact or voice.updates_stopped_at is not None:
        given = GIVEN_WITH_IT if voice.consent_contact else GIVEN_THEN_STOPPED
        for label, value in (
            ("Mobile phone", voice.contact_phone),
            ("Email", voice.contact_email),
            ("Postal address", ", ".join(voice.contact_address.splitlines())),
        ):
            if value:
                routes.append(Route(given, label, value))
    person = voice.person
    if person is not None:
        for label, value in (
            ("Name", person.full_name),
            ("Mobile phone" if validators.is_uk_mobile(person.phone) else "Landline", person.phone),
            ("Email", person.email),
            ("Postal address", ", ".join(person.address.splitlines())),
            (
                "Prefers to be contacted by",
                person.get_preferred_channel_display() if person.preferred_channel else "",
            ),
        ):
            if value:
                routes.append(Route(ON_THEIR_RECORD, label, value))
    return routes


def contact_held(alert: RiskAlert) -> list[str]:
    """Where the service holds a way to reach the person, without the details themselves
    (shown before the duty worker asks to see them)."""
    return list(dict.fromkeys(route.source for route in contact_routes(alert)))


@transaction.atomic
def show_contact_details(user: User, alert: RiskAlert) -> list[Route]:
    """How to reach the person, for the duty worker who asked: audited as a read of the
    contact details for this alert, and of the person's record if it is linked."""
    routes = contact_routes(alert)
    if routes:
        audit.record(user, AuditEvent.Action.VIEWED, alert, "contact details shown")
        if alert.voice.person is not None:
            audit.record(
                user,
                AuditEvent.Action.VIEWED,
                alert.voice.person,
                f"contact details for risk alert {alert.pk}",
            )
    return routes


def replies_to(alert: RiskAlert) -> list[Message]:
    """The reply the person got (crisis contacts or thank-you), with its status."""
    replies = getattr(alert.voice, "replies", None)
    if replies is None:
        replies = list(alert.voice.messages.filter(kind__in=REPLY_KINDS).order_by("created_at"))
    return list(replies)


@once
@transaction.atomic
def record_call_back(
    user: User,
    alert: RiskAlert,
    *,
    made_at: dt.datetime,
    outcome: str,
    note: str = "",
    submission: str = "",
) -> CallBack:
    """Record one attempt to reach the person behind the alert, and what came of it.

    The time is the call's, as the duty worker gives it: not in the future, and not
    before the message it answers was received. Refused by name with nothing written."""
    errors: dict[str, str] = {}
    if outcome not in CallBack.Outcome.values:
        errors["outcome"] = "Select what came of the call"
    if in_the_future(made_at):
        errors["made_on"] = "The time of the call cannot be in the future"
    elif made_at < min(alert.voice.received_at, alert.raised_at) - MINUTE:
        errors["made_on"] = "The call cannot be before the message was received"
    note = note.strip()
    if len(note) > NOTE_MOST_CHARACTERS:
        errors["note"] = f"Keep the note to {NOTE_MOST_CHARACTERS} characters or fewer"
    if errors:
        raise ValidationError(errors)
    call_back = CallBack.objects.create(
        alert=alert, made_by=user, made_at=made_at, outcome=outcome, note=note
    )
    audit.record(user, AuditEvent.Action.CREATED, call_back, f"risk alert {alert.pk}: {outcome}")
    logger.info("risk alert %s: call-back %s recorded (%s)", alert.pk, call_back.pk, outcome)
    return call_back


# How far either side of an alert's message the same number's other texts are shown.
CONVERSATION_SHOWN = dt.timedelta(days=7)


def conversation(user: User, alert: RiskAlert) -> list[Any]:
    """The other texts from the same number in the week either side of the alert's
    message, oldest first, each read audited: what the person said before and after."""
    voices = services.texts_from_the_same_number(
        alert.voice, before=CONVERSATION_SHOWN, after=CONVERSATION_SHOWN
    )
    audit.record_each(user, AuditEvent.Action.VIEWED, voices, "risk alert: same number")
    return voices


OTHER_ALERTS_SHOWN = 10


def _giver_keys(voice: Any) -> set[tuple[str, str]]:
    """What tells one voice's giver from another's: their care record, the address they
    gave to be told, and the numbers they texted from or gave (however written)."""
    keys = {("address", voice.contact_key)} if voice.contact_key else set()
    if voice.person_id:
        keys.add(("person", str(voice.person_id)))
    for number in (voice.received_from, voice.contact_phone):
        if number:
            keys.add(("number", validators.number_key(number)))
    return keys


def others_from_them(user: User, alert: RiskAlert) -> list[RiskAlert]:
    """The person's other risk alerts, newest first, each read audited: those from the
    same care record, the same address they gave to be told, or the same number. A duty
    worker sees what was done last time (helper-82: a second alert from someone whose
    first was acknowledged an hour before did not say so)."""
    keys = _giver_keys(alert.voice)
    candidates = Q(pk__in=[])
    for kind, key in keys:
        if kind == "person":
            candidates |= Q(voice__person_id=int(key))
        elif kind == "address":
            candidates |= Q(voice__contact_key=key)
        elif len(tail := re.sub(r"\D", "", key)[-4:]) == 4:
            # Narrowed in the database on the last digits, then matched however written.
            candidates |= Q(voice__received_from__endswith=tail)
            candidates |= Q(voice__contact_phone__endswith=tail)
    if not keys:
        return []
    found = [
        other
        for other in RiskAlert.objects.filter(candidates)
        .exclude(pk=alert.pk)
        .select_related("voice", "acknowledged_by")
        # Each call-back too: what was tried last time, not only how it was closed.
        .prefetch_related(
            Prefetch("call_backs", queryset=CallBack.objects.select_related("made_by"))
        )
        .order_by("-raised_at", "-pk")
        if keys & _giver_keys(other.voice)
    ][:OTHER_ALERTS_SHOWN]
    audit.record_each(
        user, AuditEvent.Action.VIEWED, [o.voice for o in found], "risk alert: same person"
    )
    return found
