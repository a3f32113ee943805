"""How a call joins the rest of care (issue 22): a referral to the crisis team through
care's own pathway, a caller recorded as a new person, earlier anonymous calls linked
to a person who later says who they are (never merged silently), and corrections to an
ended call that keep what it said before.

Calls are reached through the user's line teams (``services.call_for``); a person only
if the user may see them (``care.services.may_see_person``). Every change is audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Model
from django.http import Http404
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, Role, User
from coproduce.accounts.policy import POLICY, Capability, can
from coproduce.care import referrals
from coproduce.care import services as care
from coproduce.care.models import Person, Referral, Team, normalise_nhs_number
from coproduce.firstresponse import duty, services
from coproduce.firstresponse.models import Call, CallCorrection, CallLink, SanctuaryVisit
from coproduce.firstresponse.services import CallDetails
from coproduce.lib.validators import says_something

REASON_WORDS, REASON_CHARACTERS = 3, 12
NEEDS_A_PERSON = (
    "A referral to the crisis team needs the person's record. Enter their NHS number "
    "above if they are known to your teams, or save the call and record them as a new "
    "person. If they do not want that, untick \u201cReferred to the crisis team\u201d and "
    "agree another plan. Nothing you typed is lost"
)
KNOWN_ELSEWHERE = (
    "A person with this NHS number is known to another team, so this call cannot be "
    "linked to them here and nothing of their record is shown. The call stays anonymous. "
    "To refer them, use New referral: the receiving team sees them once it accepts"
)


def _by_field(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return dict(error.message_dict)
    return {NON_FIELD_ERRORS: error.messages}


def _roles_that_may(capability: Capability) -> str:
    names = [str(Role(r).label).lower() for r in Role.values if r in POLICY[capability]]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def _refuse_unless_may_refer(user: User, what: str) -> None:
    """Making a referral and recording a person are care's, for the roles that record
    contacts (``Capability.RECORD_CONTACT``): the same rule as New referral."""
    if not can(user, Capability.RECORD_CONTACT):
        raise ValidationError(
            f"Your role cannot {what}: ask a {_roles_that_may(Capability.RECORD_CONTACT)}. "
            "The call stays as it is"
        )


def _reason(value: str, field: str, longest: int = 200) -> str:
    value = " ".join(value.split())
    if not says_something(value, words=REASON_WORDS, characters=REASON_CHARACTERS):
        raise ValidationError(
            {field: f"Say why in a short sentence, at least {REASON_WORDS} words"}
        )
    if len(value) > longest:
        raise ValidationError({field: f"Keep the reason to {longest} characters or fewer"})
    return value


# A referral to the crisis team ----------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ReferralAsk:
    """What a referral needs beyond the call: which crisis team, how urgent, whether
    there is a physical health need, and (for a person referred recently) why this one
    is separate."""

    team_id: int | None = None
    urgency: str = ""
    physical_health_need: bool = False
    not_a_duplicate_because: str = ""


def crisis_teams() -> list[Team]:
    return list(Team.objects.filter(kind=Team.Kind.HOME_TREATMENT).order_by("name"))


def _check_ask(user: User, ask: ReferralAsk) -> tuple[dict[str, str], Team | None]:
    errors: dict[str, str] = {}
    try:
        _refuse_unless_may_refer(user, "make a referral")
    except ValidationError as error:
        errors["referral"] = " ".join(error.messages)
    team = next((t for t in crisis_teams() if t.pk == ask.team_id), None)
    if team is None:
        errors["referral_team"] = "Select the crisis team to refer them to"
    if ask.urgency not in Referral.Urgency.values:
        errors["referral_urgency"] = "Select how urgent the referral is"
    return errors, team


def _referral_reason(call: Call) -> str:
    parts = [
        f"Call to {call.team.name}, {timezone.localtime(call.started_at):%d/%m/%Y %H:%M}.",
        f"In their words: {call.persons_words}" if call.persons_words else "",
        f"Shared understanding and safety: {call.shared_understanding}"
        if call.shared_understanding
        else "",
        f"Next steps agreed: {call.next_steps}" if call.next_steps else "",
    ]
    return "\n".join(p for p in parts if p)


@transaction.atomic
def end_call_and_refer(user: User, call: Call, details: CallDetails, ask: ReferralAsk) -> Call:
    """End the call with the outcome "Referred to the crisis team" and make the referral
    through care's pathway (``referrals.receive_referral``: its duplicate rule, its
    response clock, its audit), in one transaction: if the referral is refused, the call
    is not ended either, and the form keeps everything typed."""
    errors, team = _check_ask(user, ask)
    try:
        call = services.end_call(user, call, details)
    except ValidationError as error:
        raise ValidationError({**_by_field(error), **errors}) from None
    if errors:
        raise ValidationError(errors)
    assert team is not None  # noqa: S101 - no errors means a team was chosen
    if call.person is None:
        raise ValidationError({"referral": NEEDS_A_PERSON})
    try:
        referral = referrals.receive_referral(
            user,
            person=call.person,
            team=team,
            source=Referral.Source.OTHER_TEAM,
            urgency=ask.urgency,
            reason=_referral_reason(call),
            physical_health_need=ask.physical_health_need,
            received_at=call.ended_at,
            referrer=f"a call to the line ({call.team.name}), call {call.pk}"[:200],
            not_a_duplicate_because=ask.not_a_duplicate_because,
            referred_name=call.person.full_name,
            referred_date_of_birth=call.person.date_of_birth,
        )
    except referrals.PossibleDuplicate as found:
        recent = "; ".join(
            f"{r.team.name}, {timezone.localtime(r.received_at):%d/%m/%Y %H:%M}"
            for r in found.existing
        )
        raise ValidationError(
            {
                "not_a_duplicate_because": (
                    f"A referral for this person was received recently ({recent}). Say why "
                    "this is a separate referral, or untick \u201cReferred to the crisis "
                    "team\u201d and note it in the next steps"
                )
            }
        ) from None
    call.referral = referral
    call.save(update_fields=["referral"])
    audit.record(user, AuditEvent.Action.CHANGED, call, f"referred to the crisis team: {referral}")
    return call


def call_of_referral(user: User, referral: Referral) -> Call | None:
    """The call a referral came from, if it was one of the user's line teams' (the
    referral page shows its source: the line)."""
    return services.calls_for(user).filter(referral=referral).first()


def referral_from_the_line(referral: Referral) -> bool:
    return Call.objects.filter(referral=referral).exists()


# A new person ---------------------------------------------------------------------------


def record_new_person(user: User, call: Call, details: referrals.PersonDetails) -> Person:
    """Record the caller as a person, by care's own rule for a new person
    (``referrals.register_person``: the NHS number checked, the database refusing a
    second person with it, a known person's date of birth matched), and link the call
    to them (a ``CallLink``, saying who and when). Refused for a role that may not
    record people, a call already about someone, or a number known to another team
    (nothing of them shown; the call stays anonymous)."""
    _refuse_unless_may_refer(user, "record a new person")
    if Call.objects.filter(pk=call.pk, person__isnull=False).exists():
        raise ValidationError("This call is already about a person.")
    # Care's own transaction: the audit of a number known to another team is kept
    # though the call is refused.
    person = referrals.register_person(user, details)
    if person is None:
        raise ValidationError({"nhs_number": KNOWN_ELSEWHERE})
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if call.person_id is not None:
            raise ValidationError("This call is already about a person.")
        _link(user, call, person, "Recorded as a person from this call")
    return person


# Earlier calls linked to a person -----------------------------------------------------


def _link(user: User, call: Call, person: Person, because: str) -> CallLink:
    link = CallLink.objects.create(
        call=call, person=person, linked_by=user, linked_at=timezone.now(), because=because
    )
    call.person = person
    call.save(update_fields=["person"])
    audit.record(user, AuditEvent.Action.CHANGED, call, f"linked to person {person.pk}")
    audit.record(user, AuditEvent.Action.CHANGED, person, f"call {call.pk} linked")
    return link


def calls_to_link(user: User, call: Call) -> list[Call]:
    """Earlier anonymous calls from the same number, on the user's line teams: those the
    handler may link to this call's person, shown before anything is linked."""
    if call.person_id is None or not call.phone_key:
        return []
    found = list(
        services.calls_for(user)
        .filter(person__isnull=True, phone_key=call.phone_key, started_at__lt=call.started_at)
        .exclude(pk=call.pk)
        .order_by("-started_at")
    )
    audit.record_each(user, AuditEvent.Action.VIEWED, found, f"calls to link to call {call.pk}")
    return found


@transaction.atomic
def link_earlier_calls(
    user: User,
    call: Call,
    *,
    call_ids: Collection[int],
    other_call_id: int | None = None,
    because: str,
) -> list[CallLink]:
    """Link earlier anonymous calls to this call's person, as the handler confirmed
    them: those from the same number (``calls_to_link``) and one other chosen by its
    number. Each link keeps who linked it, when and why. Refused, linking nothing, for a
    call about no one, no call chosen, a call not on the user's lines or already about
    someone, or no reason."""
    errors: dict[str, str] = {}
    call = Call.objects.select_for_update().get(pk=call.pk)
    person = call.person
    if person is None:
        raise ValidationError("This call is about no one yet: record who they are first.")
    offered = {c.pk: c for c in calls_to_link(user, call)}
    chosen = [offered[i] for i in call_ids if i in offered]
    if set(call_ids) - set(offered):
        errors["calls"] = "Choose only calls from the list"
    if other_call_id is not None:
        other = (
            services.calls_for(user)
            .filter(pk=other_call_id, started_at__lt=call.started_at)
            .exclude(pk=call.pk)
            .first()
        )
        if other is None or other.person_id is not None:
            errors["other_call"] = (
                "Enter the number of an earlier call on your line that is about no one yet"
            )
        elif other.pk not in {c.pk for c in chosen}:
            chosen.append(other)
    if not chosen and "calls" not in errors and "other_call" not in errors:
        errors["calls"] = "Choose at least one earlier call to link"
    try:
        because = _reason(because, "because")
    except ValidationError as error:
        errors["because"] = " ".join(error.messages)
    if errors:
        raise ValidationError(errors)
    return [_link(user, earlier, person, because) for earlier in chosen]


def link_for(user: User, link_id: int) -> CallLink:
    try:
        link = CallLink.objects.select_related("call", "person").get(
            pk=link_id, call__in=services.calls_for(user)
        )
    except CallLink.DoesNotExist:
        raise Http404("No such link on your teams' lines.") from None
    audit.record(user, AuditEvent.Action.VIEWED, link.call, f"link {link.pk}")
    return link


@transaction.atomic
def undo_link(user: User, link: CallLink, because: str) -> CallLink:
    """Undo a link (the wrong person, say): a team leader only, with a reason. The link
    is kept, marked undone by whom and why; the call is anonymous again."""
    if user.role != Role.TEAM_LEADER:
        raise ValidationError("Only a team leader can undo a link. Ask the line's team leader")
    link = CallLink.objects.select_for_update().select_related("call").get(pk=link.pk)
    if link.is_undone:
        raise ValidationError("This link has already been undone.")
    link.undone_because = _reason(because, "undone_because")
    link.undone_by = user
    link.undone_at = timezone.now()
    link.save(update_fields=["undone_by", "undone_at", "undone_because"])
    call = link.call
    if call.person_id == link.person_id:
        call.person = None
        call.save(update_fields=["person"])
    audit.record(user, AuditEvent.Action.CHANGED, call, f"link {link.pk} undone")
    audit.record(user, AuditEvent.Action.CHANGED, link.person, f"call {call.pk} unlinked")
    return link


# The person's record ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class OnTheLine:
    calls: list[Call]
    visits: list[SanctuaryVisit]
    # The calls the user may open (those to their own line teams).
    reachable: frozenset[int] = frozenset()


def calls_and_visits_of(user: User, person: Person) -> OnTheLine:
    """The person's calls to the line and evenings at the Sanctuary, for their record
    page, which the user has opened (``care.services.open_person_record``: on their
    caseloads, or through break-glass, and audited). The read of each call and visit is
    audited too; the calls to the user's own lines can be opened from it."""
    calls = list(
        Call.objects.filter(person=person)
        .select_related("team", "referral")
        .order_by("-started_at")
    )
    visits = list(
        SanctuaryVisit.objects.filter(person=person).select_related("team").order_by("-arrived_at")
    )
    if not calls and not visits:
        return OnTheLine([], [])
    seen: list[Model] = [*calls, *visits]
    audit.record_each(user, AuditEvent.Action.VIEWED, seen, "person page")
    reachable = frozenset(
        services.calls_for(user).filter(pk__in=[c.pk for c in calls]).values_list("pk", flat=True)
    )
    return OnTheLine(calls, visits, reachable)


# Correcting an ended call -------------------------------------------------------------


def _shown(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, Model):
        return value.pk
    return value


def _same_number(typed: str, person: Person | None) -> bool:
    if person is None or not typed.strip():
        return False
    try:
        return normalise_nhs_number(typed) == person.nhs_number
    except ValidationError:
        return False


def person_reachable(user: User, call: Call) -> bool:
    """Whether the user may open the record of the person the call is about: its page
    opens to their teams' caseloads (``care.services.on_caseload``), as Find a person's
    does; a person recorded from a call is on none until they are referred."""
    return call.person is not None and care.on_caseload(user, call.person)


def referral_reachable(user: User, call: Call) -> bool:
    """Whether the user may open the call's referral: its page is the receiving team's."""
    return (
        call.referral_id is not None
        and Referral.objects.for_user(user).filter(pk=call.referral_id).exists()
    )


def may_correct(user: User, call: Call) -> bool:
    return not call.is_open and (call.handler_id == user.pk or user.role == Role.TEAM_LEADER)


def _same_minute(given: dt.datetime | None, kept: dt.datetime | None) -> dt.datetime | None:
    if given is not None and kept is not None and given == kept.replace(second=0, microsecond=0):
        return kept
    return given


CORRECTED_WORDS = "in their words before"


@transaction.atomic
def correct_call(user: User, call: Call, details: CallDetails, because: str) -> CallCorrection:
    """Correct an ended call: its handler or a team leader, with a reason. The same
    rules as ending it (an outcome and next steps, times that fit); what each changed
    field said before is kept in the correction. A link to a person is undone only by a
    team leader (``undo_link``), and a referral is made from New referral, not here."""
    call = Call.objects.select_for_update().select_related("team").get(pk=call.pk)
    if call.is_open:
        raise ValidationError("This call is still open: record it on its page.")
    if not may_correct(user, call):
        raise ValidationError("Only the call's handler or a team leader can correct an ended call")
    errors: dict[str, str] = {}
    try:
        because = _reason(because, "because", longest=500)
    except ValidationError as error:
        errors["because"] = " ".join(error.messages)
    before = {f: getattr(call, f) for f in CORRECTABLE}
    unread = (
        (list(call.risk_concerns), call.risk_reason) if services.may_be_marked_read(call) else None
    )
    # The form gives times to the minute: a time in the call's own minute is that time,
    # unchanged (a call ended with the end left empty is stamped to the second).
    details = dataclasses.replace(
        details,
        started_at=_same_minute(details.started_at, call.started_at),
        ended_at=_same_minute(details.ended_at, call.ended_at) or call.ended_at,
    )
    # The person the call is already about stays, though the handler may no longer see
    # them (referred on to another team, say): nothing new is shown by keeping them.
    kept = call.person if _same_number(details.nhs_number, call.person) else None
    if kept is not None:
        details = dataclasses.replace(details, nhs_number="")
    try:
        # The rules that ended the call, in one place (services._apply).
        changed = services._apply(user, call, details, ending=True)
    except ValidationError as error:
        raise ValidationError({**_by_field(error), **errors}) from None
    if kept is not None:
        call.person = kept
        changed = [name for name in changed if name != "person"]
    if unread is not None and unread[0] and not call.risk_concerns:
        # Words the screen flagged, not yet read, stay flagged though corrected to words
        # it does not: a flag leaves the worklist when someone reads the words and says
        # what they judged, never by changing them (the words before are kept in the
        # correction, for whoever reads them).
        concerns, reason = unread
        call.risk_concerns = concerns
        if reason and not reason.startswith(CORRECTED_WORDS):
            call.risk_reason = f"{CORRECTED_WORDS} {user.name_and_role} corrected them: {reason}"
        else:
            call.risk_reason = reason
        changed = [name for name in changed if name != "risk_concerns"]
        if call.risk_reason == reason:
            changed = [name for name in changed if name != "risk_reason"]
        elif "risk_reason" not in changed:
            changed.append("risk_reason")
    if "person" in changed and call.links.filter(undone_at__isnull=True).exists():
        errors["nhs_number"] = (
            "This call was linked to a person; only a team leader can undo the link"
        )
    added = set(call.outcomes) - set(before["outcomes"])
    removed = set(before["outcomes"]) - set(call.outcomes)
    if Call.Outcome.CRISIS_TEAM in removed and call.referral_id is not None:
        # The referral is live with its team: the call must go on saying it made it.
        errors["outcomes"] = (
            f"This call made referral {call.referral_id}, so \u201cReferred to the crisis "
            "team\u201d stays ticked. If the referral should not have been made, ask the "
            "crisis team to close it, and say so in the next steps"
        )
    if Call.Outcome.CRISIS_TEAM in added and call.referral_id is None:
        errors["outcomes"] = (
            "A referral cannot be made by correcting a call: make it from New referral, "
            "then note it here"
        )
    if not changed and not errors:
        errors["because"] = "Nothing was changed: correct a field, or go back"
    if errors:
        raise ValidationError(errors)
    call.save(update_fields=changed)
    correction = CallCorrection.objects.create(
        call=call,
        corrected_by=user,
        corrected_at=timezone.now(),
        because=because,
        before={f: _shown(before[f]) for f in changed if f in before},
        after={f: _shown(getattr(call, f)) for f in changed if f in before},
    )
    audit.record(
        user, AuditEvent.Action.CHANGED, call, f"corrected: {', '.join(sorted(changed))}"[:200]
    )
    duty.tell_duty_of_hang_up(call)
    return correction


CORRECTABLE = (
    "caller",
    "person",
    "called",
    "phone",
    "phone_key",
    "area",
    "persons_words",
    "shared_understanding",
    "next_steps",
    "outcomes",
    "sanctuary_at",
    "call_back_at",
    "hung_up_at_risk",
    "started_at",
    "ended_at",
    "risk_concerns",
    "risk_reason",
    "answered",
)
