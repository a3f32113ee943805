"""Operations on the line's calls and the Sanctuary's guests.

Calls and visits are reached through the user's teams (a call through the line teams
they work in, a visit through the Sanctuaries they work in); a known person is linked
only if the user may see them (``care.services.may_see_person``), and nothing tells the
user whether an NHS number they may not see belongs to anyone. Every change runs in one
transaction and is audited.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import NullIf
from django.http import Http404
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.care import services as care
from coproduce.care.models import (
    Person,
    Referral,
    Team,
    memberships,
    normalise_nhs_number,
    team_ids,
)
from coproduce.firstresponse import duty
from coproduce.firstresponse.models import (
    NAME_LENGTH,
    Call,
    LinePartner,
    PassedCall,
    SanctuaryVisit,
)
from coproduce.lib.dates import clock_and_day, in_words, refuse_future
from coproduce.lib.validators import number_key, says_something, too_short, typed_at_random
from coproduce.voices import risk

LONGEST_CALL = dt.timedelta(days=1)
LONGEST_VISIT = dt.timedelta(days=1)
# How long ago an arrival recorded now may have been (the Sanctuary opens for 7 hours).
LATEST_ARRIVAL = dt.timedelta(hours=12)
NOT_KNOWN_TO_YOUR_TEAMS = (
    "No one with this NHS number is known to your teams. Leave it blank and record the "
    "{who} by their first name: nothing else you typed is lost"
)


# Teams ---------------------------------------------------------------------------------


def line_teams(user: User) -> list[Team]:
    """The crisis lines the user works on, first joined first, as read once for the
    request (``care.models.memberships``)."""
    return [team for team in memberships(user) if team.kind == Team.Kind.CRISIS_LINE]


def line_team_ids(user: User) -> list[int]:
    """The crisis lines the user works on, from the teams read once for the request."""
    return team_ids(user, Team.Kind.CRISIS_LINE)


def sanctuary_ids(user: User) -> list[int]:
    return team_ids(user, Team.Kind.SANCTUARY)


def sanctuaries(user: User) -> list[Team]:
    """The Sanctuaries the user works at, as read once for the request."""
    return [team for team in memberships(user) if team.kind == Team.Kind.SANCTUARY]


def calls_for(user: User) -> QuerySet[Call]:
    """Calls to the line teams the user works in."""
    return Call.objects.filter(team_id__in=line_team_ids(user)).select_related("handler", "person")


def call_for(user: User, call_id: int) -> Call:
    """A call to one of the user's line teams; the read is audited."""
    try:
        call = calls_for(user).select_related("team", "calling_back").get(pk=call_id)
    except Call.DoesNotExist:
        raise Http404("No such call on your teams' lines.") from None
    audit.record(user, AuditEvent.Action.VIEWED, call)
    return call


def _known_person(user: User, nhs_number: str, who: str = "caller") -> Person | None:
    """The person with this NHS number, if the user may see who they are; else refused
    with the same words whether or not anyone has the number."""
    nhs_number = nhs_number.strip()
    if not nhs_number:
        return None
    try:
        normalise_nhs_number(nhs_number)
    except ValidationError as error:
        raise ValidationError({"nhs_number": error.messages}) from None
    person = care.person_by_nhs_number(nhs_number)
    if person is None or not care.may_see_person(user, person):
        if person is not None:
            audit.record(user, AuditEvent.Action.REFUSED, person, "first response: not visible")
        raise ValidationError({"nhs_number": NOT_KNOWN_TO_YOUR_TEAMS.format(who=who)})
    return person


def _name(value: str, field: str) -> str:
    value = " ".join(value.split())
    if len(value) > NAME_LENGTH:
        raise ValidationError({field: f"Keep the name to {NAME_LENGTH} characters or fewer"})
    return value


# Calls ---------------------------------------------------------------------------------


# Who called: what a call-back starts with, from the call it calls back.
CALLER_DETAILS = ("person_id", "caller", "called", "phone", "phone_key", "area")


@once
@transaction.atomic
def start_call(user: User, *, back: Call | None = None, submission: str = "") -> Call:
    """Open a call on the user's line, now: one click, everything else filled in while
    the caller talks. A second open call for the same handler is allowed (a call
    dropped and picked up again) and shown on the line.

    ``back``: calling back a caller who hung up at risk (one of the user's line's calls,
    read through ``call_for``). The new call is on that call's line, for the same person
    and number, so once it ends the earlier one leaves the duty worklist
    (``calls_to_call_back``). Found by a fresh-eyes trial: the worklist listed such a
    call, and its page offered no way to record the call-back."""
    if back is not None:
        # Locked, so two handlers pressing Call them back at once make one call-back.
        back = Call.objects.select_for_update().get(pk=back.pk)
        wanted = back.hung_up_at_risk or back.call_back_at is not None
        if not (wanted and back.ended_at) or not (back.phone_key or back.person_id):
            raise ValidationError(
                "This call cannot be called back from here: only a caller who hung up at "
                "risk or was promised a call-back, and left a number or whose record we "
                "hold, can be."
            )
        if (calling := being_called_back(back)) is not None:
            who = (
                "You are"
                if calling.handler_id == user.pk
                else (f"{calling.handler.name_and_role} is")
            )
            raise ValidationError(
                f"{who} calling them back now, in the call begun on "
                f"{in_words(calling.started_at)}: a second call-back is not opened."
            )
        call = Call.objects.create(
            team_id=back.team_id,
            handler=user,
            started_at=timezone.now(),
            calling_back=back,
            **{name: getattr(back, name) for name in CALLER_DETAILS},
        )
        audit.record(user, AuditEvent.Action.CREATED, call, f"calling back call {back.pk}")
        return call
    team = next(iter(line_teams(user)), None)
    if team is None:
        raise ValidationError("You are not on a crisis line team, so you cannot take calls.")
    call = Call.objects.create(team=team, handler=user, started_at=timezone.now())
    audit.record(user, AuditEvent.Action.CREATED, call, f"team {team.pk}")
    return call


def _sanctuaries_closed_at(moment: dt.datetime) -> str:
    """The Sanctuaries' hours ("open 18:00 to 01:00, every day") if every Sanctuary is
    closed at ``moment``, else "" (none recorded: nothing is refused)."""
    sanctuaries = list(Team.objects.filter(kind=Team.Kind.SANCTUARY))
    local = timezone.localtime(moment).time()
    if not sanctuaries or any(team.is_open_at(local) for team in sanctuaries):
        return ""
    return "; ".join(team.hours_label[:1].lower() + team.hours_label[1:] for team in sanctuaries)


def _ended_since(ended_at: Any, pk: Any) -> QuerySet[Call]:
    """Calls started after ``ended_at``, ended and answered (one that rang out reached no
    one), other than ``pk``: for one call's values, or for ``OuterRef``s in
    ``calls_to_call_back``'s subquery."""
    return Call.objects.filter(
        started_at__gte=ended_at, ended_at__isnull=False, answered=True
    ).exclude(pk=pk)


def _same_caller(call: Call) -> Q:
    """Calls from the same number or about the same person as ``call``."""
    same = Q(phone_key=call.phone_key) if call.phone_key else Q(pk__in=[])
    if call.person_id:
        same |= Q(person_id=call.person_id)
    return same


def called_back(call: Call) -> Call | None:
    """For a caller who hung up at risk or was promised a call-back: the first call
    since, ended and answered, from the same number or about the same person (what takes
    them off the duty worklist), if any."""
    if not ((call.hung_up_at_risk or call.call_back_at) and call.ended_at):
        return None
    return (
        _ended_since(call.ended_at, call.pk)
        .filter(_same_caller(call))
        .order_by("started_at")
        .first()
    )


def being_called_back(call: Call) -> Call | None:
    """For a caller who hung up at risk or was promised a call-back: a call still open
    about them, from the same number or about the same person, begun since (someone is
    calling them back now), if any. A fresh-eyes trial opened a second call-back while
    the first was open, and nothing said so."""
    if not ((call.hung_up_at_risk or call.call_back_at) and call.ended_at):
        return None
    return (
        Call.objects.filter(started_at__gte=call.ended_at, ended_at__isnull=True)
        .exclude(pk=call.pk)
        .filter(_same_caller(call))
        .select_related("handler")
        .order_by("started_at")
        .first()
    )


def tried_without_answer(call: Call) -> list[Call]:
    """The call-backs since ``call`` that did not reach them, so the next duty worker
    sees they were tried (a fresh-eyes trial: "They have not been called since")."""
    if not ((call.hung_up_at_risk or call.call_back_at) and call.ended_at):
        return []
    return list(
        Call.objects.filter(started_at__gte=call.ended_at, ended_at__isnull=False, answered=False)
        .exclude(pk=call.pk)
        .filter(_same_caller(call))
        .order_by("started_at")
    )


def other_open_calls(call: Call) -> list[Call]:
    """The handler's other calls still open, to show beside this one."""
    return list(
        Call.objects.filter(handler_id=call.handler_id, ended_at__isnull=True)
        .exclude(pk=call.pk)
        .order_by("started_at")
    )


@dataclass(frozen=True)
class CallDetails:
    """What the handler typed about a call (the record form, whatever the way in)."""

    caller: str = ""
    nhs_number: str = ""
    called: str = ""
    phone: str = ""
    area: str = ""
    persons_words: str = ""
    shared_understanding: str = ""
    next_steps: str = ""
    outcomes: Collection[str] = ()
    sanctuary_at: dt.datetime | None = None
    call_back_at: dt.datetime | None = None
    hung_up_at_risk: bool = False
    risk_checked: bool = False
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None


def _concerns_in_words(concerns: Collection[str]) -> str:
    said = {
        "risk_to_life": "to life",
        "safeguarding": "a safeguarding concern",
        "could_not_screen": "the screen could not read their language",
    }
    return ", ".join(dict.fromkeys(said.get(c, c) for c in concerns))


def check_call(
    user: User, call: Call, details: CallDetails, *, ending: bool
) -> dict[str, list[str]]:
    """The service's faults in the details, by field, changing and saving nothing: the
    form names them beside its own (a wrong time typed hid every other fault until it
    was mended, found by a fresh-eyes trial)."""
    try:
        _apply(user, call, details, ending=ending, check_only=True)
    except ValidationError as error:
        return error.message_dict
    return {}


def _apply(
    user: User, call: Call, details: CallDetails, *, ending: bool, check_only: bool = False
) -> list[str]:
    """Check the details and set them on the call (not saved); the fields changed.
    Every fault is named at once, so the handler corrects them in one go."""
    errors: dict[str, str] = {}
    unknown_caller = bool(details.caller) and details.caller not in Call.Caller.values
    if unknown_caller or (ending and not details.caller and not details.hung_up_at_risk):
        errors["caller"] = "Select who called"
    person = None
    try:
        person = _known_person(user, details.nhs_number)
    except ValidationError as error:
        errors["nhs_number"] = " ".join(error.messages)
    try:
        called = _name(details.called, "called")
    except ValidationError as error:
        errors["called"] = " ".join(error.messages)
        called = ""
    phone = details.phone.strip()
    key = number_key(phone) if phone else ""
    if phone and not 6 <= len(key.lstrip("+")) <= 15:
        digits = len(key.lstrip("+"))
        errors["phone"] = (
            "Enter the phone number in digits, like 07700 900 982"
            if not digits
            else f"A phone number has at most 15 digits: this has {digits}"
            if digits > 15
            else f"Enter the whole phone number, like 07700 900 982: this has {digits} digits"
        )
    area = " ".join(details.area.split())[:100]
    outcomes = [o for o in Call.Outcome.values if o in set(details.outcomes)]
    if set(details.outcomes) - set(Call.Outcome.values):
        errors["outcomes"] = "Select outcomes from the list"
    if details.hung_up_at_risk and Call.Outcome.CALL_BACK not in outcomes:
        # A caller at risk who hung up is always called back (hazard log).
        outcomes.append(Call.Outcome.CALL_BACK)
    sanctuary_at = details.sanctuary_at if Call.Outcome.SANCTUARY in outcomes else None
    call_back_at = details.call_back_at if Call.Outcome.CALL_BACK in outcomes else None
    if Call.Outcome.SANCTUARY in outcomes and sanctuary_at is None:
        errors["sanctuary_time"] = "Enter the time they are invited to the Sanctuary, like 19:30"
    elif sanctuary_at is not None and (closed := _sanctuaries_closed_at(sanctuary_at)):
        # A fresh-eyes trial invited someone for 14:00 to a Sanctuary open 18:00 to 01:00.
        errors["sanctuary_time"] = (
            f"The Sanctuary is closed then ({closed}): invite them for a time it is open"
        )
    if Call.Outcome.CALL_BACK in outcomes and call_back_at is None and not details.hung_up_at_risk:
        errors["call_back_time"] = "Enter the time of the call-back, like 21:00"
    started = details.started_at or call.started_at
    if call_back_at is not None and started is not None and call_back_at < started:
        errors["call_back_time"] = (
            "The call-back is before the call started "
            f"({timezone.localtime(started):%H:%M}): give a time still to come"
        )
    reachable = phone or person or call.person_id
    if (
        ending
        and Call.Outcome.CALL_BACK in outcomes
        and not details.hung_up_at_risk
        and not (reachable)
    ):
        errors["phone"] = (
            "A call-back needs their phone number (or record the caller as a person): "
            "without one nobody can call them back"
        )
    if Call.Outcome.NO_ANSWER in outcomes:
        others = set(outcomes) - {Call.Outcome.NO_ANSWER, Call.Outcome.CALL_BACK}
        if others:
            errors["outcomes"] = "They did not answer: tick no other outcome but a call-back booked"
        if details.persons_words.strip():
            errors["persons_words"] = "They did not answer, so leave their words empty"
        # Not a call-back: the person was never reached, and only a call-back booked keeps
        # them on the duty worklist (a fresh-eyes trial ended a call the police passed,
        # about someone at risk, this way, and then nothing tracked that no one reached
        # her).
        if (
            ending
            and call.calling_back_id is None
            and Call.Outcome.CALL_BACK not in outcomes
            and "outcomes" not in errors
        ):
            errors["outcomes"] = (
                "They did not answer: tick A call-back booked too, with its time, so "
                "someone tries them again"
            )
    if ending and not details.hung_up_at_risk:
        # LISTEN: never end a contact without a plan.
        if not outcomes:
            errors["outcomes"] = (
                "Select at least one outcome: never end a call without a plan. If they hung "
                "up and may be at risk, say so below"
            )
        # A call-back that rang out agreed nothing with anyone: the caller stays on the
        # duty worklist, which is the next step (a fresh-eyes trial had to invent one).
        if not details.next_steps.strip() and Call.Outcome.NO_ANSWER not in outcomes:
            errors["next_steps"] = "Enter the next steps you agreed to stay safe"
        # "ok ok" is not a plan (helper-80 ended a call with it).
        elif details.next_steps.strip() and not says_something(
            details.next_steps, words=2, characters=8
        ):
            errors["next_steps"] = (
                "Say the next steps you agreed in a few words: who will do what, and when "
                '(for example, "Jo will ring her sister tonight")'
            )
    words = details.persons_words.strip()
    screened = screen_words(words) if words != call.persons_words else None
    if ending and call.is_open and not details.hung_up_at_risk and not details.risk_checked:
        passed = call.passed_call if call.pk else None
        concerns = (
            [*screened["risk_concerns"], *(passed.risk_concerns if passed else [])]
            if screened
            else call.risk_concerns
        )
        if concerns:
            errors["risk_checked"] = (
                f"Their words may signal risk ({_concerns_in_words(concerns)}). Read them "
                "again and check the outcome and next steps with them, then tick to say "
                "you have, and end the call"
            )
    started_at = details.started_at or call.started_at
    if details.started_at is not None and "started_time" not in errors:
        try:
            refuse_future(details.started_at, "start of the call", field="started_time")
        except ValidationError as error:
            errors["started_time"] = " ".join(error.messages)
    ended_at = None
    if ending:
        ended_at = details.ended_at or timezone.now()
        try:
            refuse_future(ended_at, "end of the call", field="ended_time")
        except ValidationError as error:
            errors["ended_time"] = " ".join(error.messages)
        # A wrong start is said once: the end is judged against it when it is mended (a
        # start in the future, no end typed, also read "cannot end before it started").
        if "started_time" not in errors and ended_at < started_at:
            errors["ended_time"] = (
                "The call cannot end before it started "
                f"({timezone.localtime(started_at):%H:%M on %d/%m/%Y})"
            )
        elif "started_time" not in errors and ended_at - started_at > LONGEST_CALL:
            errors["ended_time"] = (
                "A call cannot last longer than a day: check the start and end times"
            )
    if errors:
        raise ValidationError(errors)
    if check_only:
        return []
    new: dict[str, object] = {
        "caller": details.caller,
        "person": person,
        "called": called,
        "phone": phone,
        "phone_key": key,
        "area": area,
        "persons_words": words,
        "shared_understanding": details.shared_understanding.strip(),
        "next_steps": details.next_steps.strip(),
        "outcomes": outcomes,
        "sanctuary_at": sanctuary_at,
        "call_back_at": call_back_at,
        "hung_up_at_risk": details.hung_up_at_risk,
        "answered": Call.Outcome.NO_ANSWER not in outcomes,
        "started_at": started_at,
    }
    if ending:
        new["ended_at"] = ended_at
    if screened is not None:
        # What the screen read in a partner's words stays with the call (hazard H49).
        passed = call.passed_call if call.pk else None
        for concern in passed.risk_concerns if passed else []:
            if concern not in screened["risk_concerns"]:
                screened["risk_concerns"].append(concern)
        new |= screened
        # New words are read afresh: a judgement of the old ones does not carry over.
        new["risk_read_at"], new["risk_read_by_id"], new["risk_read_note"] = None, None, ""
    changed = [name for name, value in new.items() if getattr(call, name) != value]
    for name in changed:
        setattr(call, name, new[name])
    return changed


def _save(user: User, call: Call, details: CallDetails, *, ending: bool) -> Call:
    call = Call.objects.select_for_update().get(pk=call.pk)
    if not call.is_open:
        raise ValidationError("This call has ended; its record can no longer be changed here.")
    changed = _apply(user, call, details, ending=ending)
    if changed:
        call.save(update_fields=[*changed])
    what = "ended" if ending else "recorded"
    flags = " (caller at risk hung up)" if call.hung_up_at_risk else ""
    flags += " (words may signal risk)" if call.risk_concerns else ""
    audit.record(user, AuditEvent.Action.CHANGED, call, f"call {what}{flags}"[:200])
    if ending:
        duty.tell_duty_of_hang_up(call)
    return call


def is_blank(call: Call) -> bool:
    """An open call with nothing recorded: opened by a mis-click, and may be discarded.
    A call-back's caller details, as they came from the call it calls back, are not
    recorded in it (a fresh-eyes trial opened "Call them back" by mistake and could not
    discard it)."""
    back = call.calling_back
    recorded = (
        *(
            getattr(call, name)
            for name in CALLER_DETAILS
            if back is None or getattr(call, name) != getattr(back, name)
        ),
        call.persons_words,
        call.shared_understanding,
        call.next_steps,
        call.outcomes,
        call.hung_up_at_risk,
        call.referral_id,
        call.feedback_agreed,
    )
    return call.is_open and not any(recorded) and not hasattr(call, "passed")


@transaction.atomic
def discard_call(user: User, call: Call) -> None:
    """Discard a call opened by mistake: only its handler's own, still open and with
    nothing recorded (a call with anything in it is ended with a plan, as any call is).
    The audit trail keeps that it was opened and discarded."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.handler_id != user.pk or not is_blank(call):
        raise ValidationError(
            "Only a call you opened, still open with nothing recorded, can be discarded: "
            "end this one with what happened"
        )
    audit.record(user, AuditEvent.Action.CHANGED, call, DISCARDED)
    call.delete()


DISCARDED = "discarded: opened by mistake"


def _own_events(user: User, call_id: int) -> list[tuple[str, str]]:
    """What this user made and changed of this call, as the audit trail keeps it."""
    return list(
        AuditEvent.objects.filter(
            actor=user,
            action__in=[AuditEvent.Action.CREATED, AuditEvent.Action.CHANGED],
            record_type=Call._meta.label_lower,
            record_id=str(call_id),
        ).values_list("action", "detail")
    )


def discarded_by(user: User, call_id: int) -> bool:
    """Whether this user discarded this call (the audit trail keeps that they did)."""
    return (AuditEvent.Action.CHANGED, DISCARDED) in _own_events(user, call_id)


def reopen_discarded(user: User, call_id: int) -> Call | None:
    """A new open call in place of one this user discarded, or None if they did not.

    A handler typing in one tab while the same blank call was discarded in another would
    otherwise post to a call that is gone and lose what they typed (a fresh-eyes trial's
    "Page not found"). The new call is a call-back again if the discarded one was one,
    and is made once however often what they typed is posted (its own submission key)."""
    events = _own_events(user, call_id)
    if (AuditEvent.Action.CHANGED, DISCARDED) not in events:
        return None
    back_id = next(
        (
            detail.rsplit(" ", 1)[-1]
            for action, detail in events
            if action == AuditEvent.Action.CREATED and detail.startswith("calling back")
        ),
        "",
    )
    back = calls_for(user).filter(pk=int(back_id)).first() if back_id.isdigit() else None
    submission = f"call-{call_id}-discarded-then-reopened-by-{user.pk}"
    try:
        return start_call(user, back=back, submission=submission)
    except ValidationError:
        if back is None:
            raise
        # The caller is being called back by someone else already: a plain call keeps
        # what was typed all the same.
        return start_call(user, submission=f"{submission}-plainly")


@transaction.atomic
def record_call(user: User, call: Call, details: CallDetails) -> Call:
    """Save what is known so far; the call stays open."""
    return _save(user, call, details, ending=False)


@transaction.atomic
def end_call(user: User, call: Call, details: CallDetails) -> Call:
    """Save and end the call. Refused, with nothing lost, without who called, an outcome
    and next steps (LISTEN: never end a contact without a plan), unless the caller hung
    up at risk (then flagged for a call-back on the duty worklist); refused too for an
    end before the start or a call longer than a day."""
    return _save(user, call, details, ending=True)


def earlier_call(call: Call) -> Call | None:
    """The last call before this one from the same number or about the same person: a
    repeat caller, shown with what was agreed then."""
    same = Q()
    if call.phone_key:
        same |= Q(phone_key=call.phone_key)
    if call.person_id:
        same |= Q(person_id=call.person_id)
    if not same:
        return None
    return (
        Call.objects.filter(same, team_id=call.team_id, started_at__lt=call.started_at)
        .exclude(pk=call.pk)
        .order_by("-started_at")
        .first()
    )


def calls_since(now: dt.datetime | None = None) -> dt.datetime:
    """Where the line's list of ended calls starts: midnight, or 12 hours ago if that is
    earlier, so a night shift keeps its evening's calls past midnight (helper-82 saw
    "Calls ended today (0)" at 00:08 with a caller who hung up at risk at 23:21)."""
    now = now or timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return min(midnight, now - dt.timedelta(hours=12))


def calls_today(user: User, now: dt.datetime | None = None) -> list[Call]:
    """The line's calls since ``calls_since`` and every call still open, newest first."""
    since = calls_since(now)
    calls = list(calls_for(user).filter(Q(started_at__gte=since) | Q(ended_at__isnull=True)))
    audit.record_each(user, AuditEvent.Action.VIEWED, line_teams(user), "calls today")
    return calls


CALL_BACKS_KEPT = dt.timedelta(days=3)


def calls_to_call_back(user: User, now: dt.datetime | None = None) -> list[Call]:
    """For the duty worklist: calls whose caller hung up at risk, or whose booked
    call-back fell due in the last three days, and who has not been called since (no
    later call answered from the same number or about the same person), and calls in the
    last day whose words the screen read as a risk."""
    now = now or timezone.now()
    later = _ended_since(OuterRef("ended_at"), OuterRef("pk"))
    # The call's number, or NULL for a call with none, which equals nothing: so the
    # database looks up only calls from that number, never every call without one.
    number = NullIf(OuterRef("phone_key"), Value(""))
    # One query however many callers ever hung up (the demo's year holds dozens), the
    # last day's calls with it (their words are read here, not by the database).
    called_since = Q(ended_at__isnull=False) & (Q(by_number=True) | Q(by_person=True))
    calls = (
        # The worklist names no handler: only the caller's record is joined.
        calls_for(user)
        .select_related(None)
        .select_related("person")
        .filter(
            Q(hung_up_at_risk=True)
            # A booked call-back due in the last three days (a weekend), to someone who
            # can be reached; older promises are in the evidence, not the shift's list.
            | (
                Q(call_back_at__lte=now, call_back_at__gte=now - CALL_BACKS_KEPT)
                & Q(ended_at__isnull=False)
                & (~Q(phone_key="") | Q(person__isnull=False))
            )
            # The last day's calls whose words may signal risk, until someone read them.
            | Q(
                hung_up_at_risk=False,
                started_at__gte=now - dt.timedelta(days=1),
                risk_read_at__isnull=True,
            )
        )
        # Aliased, not annotated: only the condition needs them, not each row.
        .alias(
            by_number=Exists(later.filter(phone_key=number)),
            by_person=Exists(later.filter(person_id=OuterRef("person_id"))),
        )
        # When a call-back last rang out, if one did, to show it was tried.
        .annotate(
            last_tried=Subquery(
                Call.objects.filter(
                    started_at__gte=OuterRef("ended_at"), ended_at__isnull=False, answered=False
                )
                .exclude(pk=OuterRef("pk"))
                .filter(Q(phone_key=number) | Q(person_id=OuterRef("person_id")))
                .order_by("-started_at")
                .values("started_at")[:1]
            )
        )
        .exclude((Q(hung_up_at_risk=True) | Q(call_back_at__lte=now)) & called_since)
        .order_by("started_at")
    )
    return [
        call
        for call in calls
        if (call.hung_up_at_risk and not (unreachable(call) and call.risk_read_at))
        or (call.risk_concerns and call.risk_read_at is None)
        or (call.call_back_at is not None and now - CALL_BACKS_KEPT <= call.call_back_at <= now)
    ]


READ_NOTE_WORDS, READ_NOTE_CHARACTERS = 3, 12


def screen_words(words: str) -> dict[str, Any]:
    """A call's ``risk_concerns`` and ``risk_reason`` for the person's words, screened at
    once as a voice is (hazard H3): the words never reach a log."""
    found = risk.screen(words) if words else None
    return {
        "risk_concerns": [str(c) for c in found.concerns] if found else [],
        "risk_reason": found.reason if found and found.raises_alert else "",
    }


def unreachable(call: Call) -> bool:
    """A caller who hung up at risk with no number and no record: no one can call them
    back (a fresh-eyes trial found such a caller on the worklist for good)."""
    return call.hung_up_at_risk and not call.phone_key and call.person_id is None


def may_be_marked_read(call: Call) -> bool:
    """An ended call whose words the screen flagged (not a caller who hung up at risk:
    they are called back), or a caller who hung up at risk and cannot be called back,
    not yet marked."""
    flagged = bool(call.risk_concerns) and not call.hung_up_at_risk
    return not call.is_open and call.risk_read_at is None and (flagged or unreachable(call))


@transaction.atomic
def read_call_risk(user: User, call: Call, note: str) -> Call:
    """A handler has read the words the screen flagged on an ended call and judged them,
    or, for a caller who hung up at risk and cannot be called back, says what was done,
    in a short note: the call leaves the duty worklist. Never for a caller who hung up at
    risk and can be called back (they are called back, not read); once only (a second
    reader is told who read it); audited."""
    # No join: PostgreSQL cannot lock the nullable side of an outer join.
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.is_open:
        raise ValidationError("End the call first: while it is open, agree a plan with them.")
    if call.risk_read_at is not None and call.risk_read_by is not None:
        raise ValidationError(
            f"Already read by {call.risk_read_by.name_and_role} on "
            f"{in_words(call.risk_read_at)}, who judged: {call.risk_read_note}"
        )
    if not may_be_marked_read(call):
        raise ValidationError(
            "Only an ended call whose words the screen read as a risk, or a caller who hung "
            "up at risk and cannot be called back, can be marked as read: call them back."
        )
    note = " ".join(note.split())
    if not says_something(note, words=READ_NOTE_WORDS, characters=READ_NOTE_CHARACTERS):
        # As the page asks it: what was done for a caller no one can reach, what was
        # judged of words read (a fresh-eyes trial got the second for the first).
        short = too_short(note, words=READ_NOTE_WORDS, characters=READ_NOTE_CHARACTERS)
        said = (
            # helper-84's keyboard run was told "at least 3 different words", which it had.
            "What you typed reads as letters typed at random. Say in words what you judged "
            "or what was done"
            if typed_at_random(note)
            else "Say in a short sentence what was done, at least "
            f"{READ_NOTE_WORDS} different words, for example: the police were asked to "
            "check on someone in the area they gave"
            if unreachable(call) and short
            else "Say what was done, or why nothing could be, not only that nothing was: "
            "for example, the police were asked to check on someone in the area they gave"
            if unreachable(call)
            else "Say in a short sentence what you judged, at least "
            f"{READ_NOTE_WORDS} different words, for example: they said they feel safer, and "
            "a plan was agreed on the call"
        )
        raise ValidationError({"note": said})
    call.risk_read_at, call.risk_read_by, call.risk_read_note = timezone.now(), user, note
    call.save(update_fields=["risk_read_at", "risk_read_by", "risk_read_note"])
    audit.record(user, AuditEvent.Action.CHANGED, call, "words flagged as a risk: read and judged")
    return call


# Calls passed by partners (NHS 111 option 2, the police) ---------------------------------


class NotAPartner(Exception):
    """The account is not registered to pass this call (ADR 0015): refused, 403."""


@dataclass(frozen=True)
class Passing:
    """What a partner sent to pass a call to the line (the REST and FHIR ways in)."""

    passed_by: str
    partner_reference: str
    line: Team | None
    reason: str
    urgency: str
    phone: str
    nhs_number: str = ""
    called: str = ""
    area: str = ""


@dataclass(frozen=True)
class Passed:
    """A passed call, whether this post made it (``created``) or the partner had sent it
    before, and whether its NHS number is someone the partner may not see."""

    passed: PassedCall
    created: bool
    identity_withheld: bool


def partner_for(user: User) -> LinePartner:
    partner = LinePartner.objects.filter(user=user).first()
    if partner is None:
        raise NotAPartner(
            "This account is not registered as NHS 111 or the police, so it cannot pass "
            "calls to the line. Ask the trust to register it."
        )
    return partner


PASSED_REASON_LENGTH = 5000


def _check_passing(partner: LinePartner, passing: Passing) -> dict[str, str]:
    errors: dict[str, str] = {}
    reference = passing.partner_reference.strip()
    if not reference:
        errors["partner_reference"] = "Enter your reference for this call"
    elif len(reference) > 64:
        errors["partner_reference"] = "Keep your reference to 64 characters or fewer"
    if passing.line is None or passing.line.kind != Team.Kind.CRISIS_LINE:
        errors["line"] = "Name the First Response line the call is passed to"
    if passing.urgency not in Referral.Urgency.values:
        errors["urgency"] = "Select the urgency: 1 emergency, 4 very urgent, 2 urgent or 3 routine"
    reason = passing.reason.strip()
    if not reason:
        errors["reason"] = "Say why you are passing the call, in your words"
    elif len(reason) > PASSED_REASON_LENGTH:
        errors["reason"] = f"Keep the reason to {PASSED_REASON_LENGTH} characters or fewer"
    phone = passing.phone.strip()
    if not 6 <= len(number_key(phone).lstrip("+")) <= 15:
        errors["phone"] = "Enter a number the line can call back on, in digits, like 07700 900 982"
    if passing.nhs_number.strip():
        try:
            normalise_nhs_number(passing.nhs_number)
        except ValidationError as error:
            errors["nhs_number"] = " ".join(error.messages)
    if len(" ".join(passing.called.split())) > NAME_LENGTH:
        errors["called"] = f"Keep the name to {NAME_LENGTH} characters or fewer"
    if len(" ".join(passing.area.split())) > 100:
        errors["area"] = "Keep the area to 100 characters or fewer"
    return errors


def partners_only_line(user: User) -> Team | None:
    """The line a partner's account passes calls to, if it passes to one only: a call
    that names no line is for it (a partner system need not know the line's id)."""
    partner = LinePartner.objects.filter(user=user).first()
    lines = list(partner.lines.order_by("pk")[:2]) if partner else []
    return lines[0] if len(lines) == 1 else None


def pass_call(user: User, passing: Passing) -> Passed:
    """A partner passes a call to the line: it waits there to be taken, at risk first.

    Refused (``NotAPartner``) for an account not registered as a line partner, for
    another organisation than its own, or for a line it is not registered with; refused
    (``ValidationError``, every field named at once) for what is missing or malformed.
    The same partner reference again is answered with the call it passed, and nothing is
    written: the database refuses a second copy, so two posts at once make one.

    An NHS number is matched as a FHIR ServiceRequest's is (``refer_by_nhs_number``): a
    person the partner may not see is linked, their identity withheld from the partner,
    and the attempt audited; a number no one has is kept as given (a caller is never
    forced into a record, ADR 0014). A handler sees the person only if they may."""
    partner = partner_for(user)
    if passing.passed_by != partner.organisation:
        raise NotAPartner(
            f"This account passes calls for {partner.get_organisation_display()} only."
        )
    errors = _check_passing(partner, passing)
    if "line" in errors:
        yours = ", ".join(f"{t.pk} ({t.name})" for t in partner.lines.order_by("pk"))
        errors["line"] += f": your account passes calls to line {yours}" if yours else ""
    if not errors and not partner.lines.filter(pk=passing.line.pk if passing.line else 0).exists():
        raise NotAPartner("This account is not registered to pass calls to this line.")
    reference = passing.partner_reference.strip()
    earlier = PassedCall.objects.filter(partner=partner, partner_reference=reference).first()
    if earlier is not None and "partner_reference" not in errors:
        return Passed(earlier, False, _withheld(user, earlier.person))
    if errors:
        raise ValidationError(errors)
    try:
        return _pass(user, partner, passing, reference)
    except IntegrityError:
        # Another post with this reference committed first: answered with its call.
        earlier = PassedCall.objects.get(partner=partner, partner_reference=reference)
        return Passed(earlier, False, _withheld(user, earlier.person))


def _withheld(user: User, person: Person | None) -> bool:
    return person is not None and not care.may_see_person(user, person)


@transaction.atomic
def _pass(user: User, partner: LinePartner, passing: Passing, reference: str) -> Passed:
    assert passing.line is not None  # noqa: S101 - checked by _check_passing
    number = normalise_nhs_number(passing.nhs_number) if passing.nhs_number.strip() else ""
    person = care.person_by_nhs_number(number) if number else None
    withheld = _withheld(user, person)
    if person is not None and withheld:
        audit.record(
            user,
            AuditEvent.Action.REFUSED,
            person,
            "identity withheld: passed call for an NHS number known to another team",
        )
    reason = passing.reason.strip()
    found = risk.screen(reason)
    phone = passing.phone.strip()
    passed = PassedCall.objects.create(
        team=passing.line,
        partner=partner,
        passed_by=partner.organisation,
        partner_reference=reference,
        passed_at=timezone.now(),
        urgency=passing.urgency,
        nhs_number=number,
        person=person,
        called=" ".join(passing.called.split()),
        phone=phone,
        phone_key=number_key(phone),
        area=" ".join(passing.area.split()),
        reason=reason,
        risk_concerns=[str(c) for c in found.concerns],
    )
    flags = " (words may signal risk)" if passed.risk_concerns else ""
    audit.record(user, AuditEvent.Action.CREATED, passed, f"passed by {passed.passed_by}{flags}")
    duty.tell_duty_of_passed_call(passed)
    return Passed(passed, True, withheld)


URGENCY_ORDER: dict[str, int] = {
    Referral.Urgency.EMERGENCY: 0,
    Referral.Urgency.VERY_URGENT: 1,
    Referral.Urgency.URGENT: 2,
    Referral.Urgency.ROUTINE: 3,
}


def passed_calls_waiting(user: User, *, at_risk_only: bool = False) -> list[PassedCall]:
    """Calls partners passed to the user's lines, not yet taken (``at_risk_only``: those
    whose words the screen read as a risk): at risk first, then by urgency, then the
    longest waiting. Reading them (names, numbers) is audited."""
    waiting_calls = PassedCall.objects.filter(team_id__in=line_team_ids(user), call__isnull=True)
    if at_risk_only:
        waiting_calls = waiting_calls.exclude(risk_concerns=[])
    waiting = list(waiting_calls.select_related("partner", "person", "team"))
    waiting.sort(key=lambda p: (not p.at_risk, URGENCY_ORDER.get(p.urgency, 9), p.passed_at))
    if waiting:
        # The calls' own lines (read with them), each once, in the order first met.
        teams = list({p.team_id: p.team for p in waiting}.values())
        audit.record_each(user, AuditEvent.Action.VIEWED, teams, "passed calls waiting")
    return waiting


def passed_calls_at_risk(user: User) -> list[PassedCall]:
    """For the duty worklist: passed calls still waiting whose words the screen read
    as a risk (the same visibility as a caller at risk). Only these are read, and so
    audited: the worklist shows no others."""
    return passed_calls_waiting(user, at_risk_only=True)


def passed_call_for(user: User, passed_id: int) -> PassedCall:
    """A passed call as its partner reads it back (is it still waiting?), or as a handler
    on its line does; the read is audited. Anyone else is told there is no such call."""
    mine = Q(team_id__in=line_team_ids(user)) | Q(partner__user=user)
    try:
        passed = PassedCall.objects.select_related("team", "partner").get(mine, pk=passed_id)
    except PassedCall.DoesNotExist:
        raise Http404("No such passed call.") from None
    audit.record(user, AuditEvent.Action.VIEWED, passed)
    return passed


@transaction.atomic
def take_passed_call(user: User, passed_id: int) -> Call:
    """A handler takes a passed call in one click: it becomes their open call, the
    caller the partner, about whom what the partner gave (a known person only if the
    handler may see them), and what the screen read in the partner's words. Taken once:
    a colleague's click a moment later is told who took it."""
    try:
        # No joins: PostgreSQL cannot lock the nullable side of an outer join.
        passed = PassedCall.objects.select_for_update().get(
            pk=passed_id, team_id__in=line_team_ids(user)
        )
    except PassedCall.DoesNotExist:
        raise Http404("No such passed call on your teams' lines.") from None
    if passed.call is not None:
        if passed.call.handler_id == user.pk:
            return passed.call
        raise ValidationError(
            f"{passed.call.handler.name_and_role} took this call at "
            f"{clock_and_day(passed.taken_at or passed.call.started_at)}."
        )
    now = timezone.now()
    person = passed.person if passed.person and care.may_see_person(user, passed.person) else None
    call = Call.objects.create(
        team=passed.team,
        handler=user,
        started_at=now,
        caller=passed.passed_by,
        person=person,
        called=passed.called,
        phone=passed.phone,
        phone_key=passed.phone_key,
        area=passed.area,
        risk_concerns=list(passed.risk_concerns),
    )
    passed.call = call
    passed.taken_at = now
    passed.save(update_fields=["call", "taken_at"])
    audit.record(user, AuditEvent.Action.CREATED, call, f"taken from passed call {passed.pk}")
    audit.record(user, AuditEvent.Action.CHANGED, passed, f"taken as call {call.pk}")
    return call


# The Sanctuary -------------------------------------------------------------------------


def sanctuary_for(user: User) -> Team:
    team = next(iter(sanctuaries(user)), None)
    if team is None:
        raise Http404("You do not work at a Sanctuary.")
    return team


def here_now(team: Team) -> list[SanctuaryVisit]:
    visits = list(
        team.sanctuary_visits.filter(left_at__isnull=True)
        .select_related("person", "team")
        .order_by("arrived_at")
    )
    return visits


def this_evening(
    visits: list[SanctuaryVisit], now: dt.datetime | None = None
) -> list[SanctuaryVisit]:
    """Of guests recorded as here, those of the evening still to close: what counts
    towards the Sanctuary's capacity. One still on the list after their evening's closing
    is on the worklist instead (helper-80 saw last night's guests fill the next one)."""
    now = now or timezone.now()
    return [v for v in visits if (closing := v.closing_after_arrival()) is None or closing > now]


def visit_for(user: User, visit_id: int) -> SanctuaryVisit:
    try:
        visit = SanctuaryVisit.objects.select_related("team", "person").get(
            pk=visit_id, team_id__in=sanctuary_ids(user)
        )
    except SanctuaryVisit.DoesNotExist:
        raise Http404("No such guest at your Sanctuary.") from None
    audit.record(user, AuditEvent.Action.VIEWED, visit)
    return visit


def invited_tonight(team: Team, now: dt.datetime | None = None) -> list[Call]:
    """Calls that invited someone to the Sanctuary for about now (from 12 hours ago, or
    its last closing if later, to 12 hours ahead) who have not arrived yet: the guests
    to expect."""
    now = now or timezone.now()
    since = now - dt.timedelta(hours=12)
    if team.closes_at is not None:
        # Not once the evening they were invited for has closed (helper-80 was offered
        # "J., invited for 23:04: They have arrived" at 03:10).
        closed = timezone.localtime(now).replace(
            hour=team.closes_at.hour, minute=team.closes_at.minute, second=0, microsecond=0
        )
        if closed > now:
            closed -= dt.timedelta(days=1)
        since = max(since, closed)
    window = (since, now + dt.timedelta(hours=12))
    calls = Call.objects.filter(sanctuary_at__range=window, visits__isnull=True).select_related(
        "person"
    )
    return [c for c in calls.order_by("sanctuary_at") if Call.Outcome.SANCTUARY in c.outcomes]


@dataclass(frozen=True)
class Arrival:
    came: str
    nhs_number: str = ""
    called: str = ""
    shown_as: str = ""
    offered: Collection[str] = ()
    call_id: int | None = None
    arrived_at: dt.datetime | None = None
    over_capacity_because: str = ""


@once
@transaction.atomic
def arrive(user: User, team: Team, arrival: Arrival, *, submission: str = "") -> SanctuaryVisit:
    """Welcome a guest. Refused, naming what is wrong: no way they came, no name or
    word to know them by, an arrival in the future, or the Sanctuary full (its capacity)
    unless the staff say why they are welcoming them anyway."""
    team = Team.objects.select_for_update().get(pk=team.pk)  # one arrival at a time counts
    errors: dict[str, str] = {}
    if arrival.came not in SanctuaryVisit.Came.values:
        errors["came"] = "Select how they came"
    call = None
    if arrival.call_id is not None:
        call = Call.objects.filter(pk=arrival.call_id).first()
        if call is None or Call.Outcome.SANCTUARY not in call.outcomes:
            errors["call"] = "That call did not invite anyone to the Sanctuary"
            call = None
    person = None
    try:
        person = _known_person(user, arrival.nhs_number, who="guest")
    except ValidationError as error:
        errors["nhs_number"] = " ".join(error.messages)
    try:
        called = _name(arrival.called, "called")
    except ValidationError as error:
        errors["called"] = " ".join(error.messages)
        called = ""
    if call is not None:
        person = person or call.person
        called = called or call.called
    shown_as = " ".join(arrival.shown_as.split())
    if len(shown_as) > 20:
        errors["shown_as"] = "Keep the word to 20 characters or fewer"
    if not (person or called or shown_as):
        errors["called"] = "Enter their first name, or a word they would like to be known by"
    if set(arrival.offered) - set(SanctuaryVisit.Offer.values):
        errors["offered"] = "Select what was offered from the list"
    arrived_at = arrival.arrived_at or timezone.now()
    try:
        refuse_future(arrived_at, "arrival", field="arrived_time")
    except ValidationError as error:
        errors["arrived_time"] = " ".join(error.messages)
    else:
        if timezone.now() - arrived_at > LATEST_ARRIVAL:
            # A time typed is tonight's: 00:30 typed at 17:30 would be 17 hours ago
            # (found by a fresh-eyes trial: "here for 17 hours"). A time of day later than
            # now's is still to come, not a day ago (helper-80 typed 23:55 at 22:40 and
            # read "more than 12 hours ago").
            typed = timezone.localtime(arrived_at)
            if typed.time() > timezone.localtime().time():
                errors["arrived_time"] = (
                    f"{typed:%H:%M} is later than now: enter the time they arrived, or "
                    "leave it blank for now"
                )
            else:
                errors["arrived_time"] = (
                    f"That is more than {LATEST_ARRIVAL.seconds // 3600} hours ago: enter "
                    "the time they arrived tonight, or leave it blank for now"
                )
    because = " ".join(arrival.over_capacity_because.split())[:200]
    guests = len(this_evening(here_now(team)))
    if team.capacity is not None and guests >= team.capacity and not because:
        errors["over_capacity_because"] = (
            f"The Sanctuary is full: {guests} guests are here, and it is set up for "
            f"{team.capacity} at most. To welcome one more, say why"
        )
    if not errors:
        _tell_apart(team, person, called, shown_as, errors)
    if errors:
        raise ValidationError(errors)
    visit = SanctuaryVisit.objects.create(
        team=team,
        welcomed_by=user,
        person=person,
        called=called,
        shown_as=shown_as,
        call=call,
        arrived_at=arrived_at,
        came=arrival.came,
        offered=[o for o in SanctuaryVisit.Offer.values if o in set(arrival.offered)],
        over_capacity_because=because
        if team.capacity is not None and guests >= team.capacity
        else "",
    )
    detail = "arrived" + (" over capacity" if visit.over_capacity_because else "")
    audit.record(user, AuditEvent.Action.CREATED, visit, detail)
    return visit


def _tell_apart(
    team: Team, person: Person | None, called: str, shown_as: str, errors: dict[str, str]
) -> None:
    """A new guest shown on the screen as a guest here already is ("J." twice) is
    refused until given a word to tell them apart: two guests alike on tonight's list are
    mixed up when one leaves, and the same guest recorded twice (helper-80 recorded
    "Alex" twice in a minute) is told they are here."""
    shown = _as_seen(SanctuaryVisit(called=called, shown_as=shown_as, person=person).label)
    for here in here_now(team):
        if _as_seen(here.label) == shown:
            errors["shown_as"] = (
                f"A guest shown as {here.label} is here already, since "
                f"{clock_and_day(here.arrived_at)}. If this is someone else, give "
                "them a word for the screen to tell them apart; if it is the same guest, "
                "they are on tonight's list"
            )
            return


def _as_seen(label: str) -> str:
    """A label as the eye reads it on the screen: "S" and "S.", a full-width "S." and "S." alike
    (helper-84 told two guests apart by a full stop)."""
    folded = unicodedata.normalize("NFKC", label).casefold()
    return "".join(c for c in folded if c.isalnum())


@transaction.atomic
def leave(
    user: User,
    visit: SanctuaryVisit,
    *,
    left: str,
    left_because: str = "",
    left_at: dt.datetime | None = None,
) -> SanctuaryVisit:
    """Record how a guest left. Refused for a departure before the arrival, in the
    future, a day after, a guest who has already left, or no way of leaving (another
    way needs its reason)."""
    visit = SanctuaryVisit.objects.select_for_update().get(pk=visit.pk)
    if not visit.is_here:
        raise ValidationError("This guest has already left.")
    errors: dict[str, str] = {}
    if left not in SanctuaryVisit.Left.values:
        errors["left"] = "Select how they left"
    because = " ".join(left_because.split())
    if left == SanctuaryVisit.Left.OTHER and not says_something(because, words=2, characters=6):
        # "x" was taken (a fresh-eyes trial): a few words someone else can read.
        errors["left_because"] = (
            "Say how they left, in a few words (for example: a friend collected them)"
        )
    elif len(because) > 200:
        errors["left_because"] = "Keep it to 200 characters or fewer"
    now = timezone.now()
    left_at = left_at or now
    if (
        left_at < visit.arrived_at
        and timezone.localdate(left_at) < timezone.localdate(now)
        and dt.timedelta(0) < left_at + dt.timedelta(days=1) - now < LATEST_ARRIVAL
    ):
        # Only a time of day is typed, read as the last one gone: a time later today (a
        # fresh-eyes trial typed the departure before it came) read as yesterday's. Not
        # one a day away: "23:45" typed at 00:30 is 45 minutes ago, before an arrival at
        # 00:00 (the test failed when run just after midnight).
        errors["left_time"] = (
            f"{timezone.localtime(left_at):%H:%M} is still to come: enter the time they "
            "left, or leave it empty if they are leaving now"
        )
    elif left_at < visit.arrived_at:
        errors["left_time"] = (
            "They cannot leave before they arrived "
            f"({timezone.localtime(visit.arrived_at):%H:%M on %d/%m/%Y})"
        )
    elif left_at - visit.arrived_at > LONGEST_VISIT:
        errors["left_time"] = "A visit cannot last longer than a day: check the time"
    else:
        try:
            refuse_future(left_at, "departure", field="left_time")
        except ValidationError as error:
            errors["left_time"] = " ".join(error.messages)
    if errors:
        raise ValidationError(errors)
    visit.left_at = left_at
    visit.left = left
    visit.left_because = because
    visit.save(update_fields=["left_at", "left", "left_because"])
    audit.record(user, AuditEvent.Action.CHANGED, visit, f"left: {left}")
    return visit


def here_after_closing(user: User, now: dt.datetime | None = None) -> list[SanctuaryVisit]:
    """Guests still recorded as here after their evening's closing time: for the
    worklist at once (were they missed leaving, or are they still here and need a plan?)."""
    now = now or timezone.now()
    teams = {team.pk: team for team in sanctuaries(user)}
    here = (
        SanctuaryVisit.objects.filter(team_id__in=teams, left_at__isnull=True)
        .select_related("person")
        .order_by("team_id", "arrived_at")
    )
    late = []
    for visit in here:
        visit.team = teams[visit.team_id]  # as read for the request, not joined again
        if (closing := visit.closing_after_arrival()) is not None and closing <= now:
            late.append(visit)
    return late
