"""Referral intake, triage and acceptance onto a caseload.

A referral is received (by staff, a partner through the API, or as a FHIR
ServiceRequest), gets its response clock from its urgency and source, and is accepted
into an episode with a lead practitioner and a small named team. Acceptance books the
initial appointment and the reviews (seed 002: day 7 and day 14, per team).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from coproduce.accounts import audit, submissions
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.care import services, targets
from coproduce.care.models import (
    Appointment,
    Dispatch,
    Episode,
    Person,
    Referral,
    Team,
    normalise_nhs_number,
)
from coproduce.care.services import ContactDetails
from coproduce.lib.dates import in_words, refuse_future
from coproduce.lib.validators import says_something, too_short

T = TypeVar("T")


@dataclass(frozen=True)
class PersonDetails:
    """Who a referrer (or a FHIR Patient) says the person is, and how to reach them."""

    nhs_number: str
    given_name: str
    family_name: str
    date_of_birth: dt.date
    contact: ContactDetails = field(default_factory=ContactDetails)

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True)
class Intake:
    """A referral received, and whether the person is someone the user may not see: an
    NHS number known to another team, whose record is shown to the receiving team once
    it accepts the referral (or now, through break-glass)."""

    referral: Referral
    identity_withheld: bool


def referral_for(user: User, referral_id: int) -> Referral:
    """A referral to one of the user's teams; the read is audited."""
    try:
        referral = (
            Referral.objects.for_user(user)
            .select_related("person", "team", "episode")
            .get(pk=referral_id)
        )
    except Referral.DoesNotExist:
        raise Http404("No such referral for your teams.") from None
    audit.record(user, AuditEvent.Action.VIEWED, referral)
    return referral


def waiting_for(user: User) -> list[Referral]:
    """Referrals to the user's teams waiting to be allocated, least time left first.

    The list shows names, so reading it is audited: one event per team.
    """
    waiting = list(
        Referral.objects.for_user(user)
        .unallocated()
        .select_related("person", "team")
        .by_time_left()
    )
    audit.record_each(user, AuditEvent.Action.VIEWED, user.teams.all(), "referrals waiting")
    return waiting


def _checked_number(value: str) -> str:
    try:
        return normalise_nhs_number(value)
    except ValidationError as error:
        raise ValidationError({"nhs_number": error.messages}) from None


def _register(user: User, number: str, details: PersonDetails) -> Person:
    contact = details.contact
    person = Person(
        nhs_number=number,
        given_name=details.given_name,
        family_name=details.family_name,
        date_of_birth=details.date_of_birth,
        phone=contact.phone,
        email=contact.email,
        address=contact.address,
        preferred_channel=contact.preferred_channel,
    )
    # The database, not a look before saving, refuses a second person with this number:
    # two intakes at the same moment cannot both pass a check (see ``_once_registered``).
    person.full_clean(validate_unique=False)
    person.save()
    audit.record(user, AuditEvent.Action.CREATED, person)
    return person


def _once_registered(attempt: Callable[[], T]) -> T:
    """Run an intake; if another registered the same NHS number a moment before (the
    database refused the second person), run it again, now with the person known. The
    same for a form's token another post took a moment before: the run again finds the
    referral that post made."""
    try:
        return attempt()
    except IntegrityError:
        return attempt()


DATE_OF_BIRTH_DOES_NOT_MATCH = (
    "This date of birth does not match the person with this NHS number. Check both before going on."
)


def _describe(contact: ContactDetails) -> str:
    given = {
        "phone": contact.phone,
        "email": contact.email,
        "postal address": ", ".join(contact.address.splitlines()),
        "prefers": Person.Channel(contact.preferred_channel).label.lower()
        if contact.preferred_channel
        else "",
    }
    return "; ".join(f"{label} {value}" for label, value in given.items() if value)


def _add_what_the_record_lacks(user: User, person: Person, given: ContactDetails) -> str:
    """Contact details given for a known person fill in what their record lacks; what
    differs from the record is never written over it (a referrer may have an old number),
    but returned as a note for the referral, so nothing given is lost."""
    merged: dict[str, str] = {}
    differs: dict[str, str] = {}
    for name in services.CONTACT_LABELS:
        recorded, offered = getattr(person, name), getattr(given, name)
        merged[name] = recorded or offered
        if recorded and offered and recorded != offered:
            differs[name] = offered
    if any(merged[name] != getattr(person, name) for name in merged):
        try:
            with transaction.atomic():
                services.update_contact_details(user, person, **merged)
        except ValidationError:
            # What the record already holds does not pass today's rule (an old landline,
            # say): a referral is never refused for it. Everything given goes on the note.
            differs = {name: getattr(given, name) for name in merged if getattr(given, name)}
    if not differs:
        return ""
    return (
        "Contact details given with this referral that differ from the record (the record "
        "is unchanged; change it on the person page if these are newer): "
        + _describe(ContactDetails(**{name: differs.get(name, "") for name in merged}))
    )


def register_person(
    user: User, details: PersonDetails, *, break_glass_for: Collection[int] = ()
) -> Person | None:
    """The person with this NHS number, or a new record (FHIR Patient create).

    None when the number is someone the user may not see (``services.people_visible_to``):
    nothing of them is returned, not even whether the date of birth matched, and the
    attempt is audited. Otherwise a date of birth that does not match the record is
    refused (a wrong NHS number is a wrong-person hazard), and contact details fill in
    what the record lacks."""
    return _once_registered(lambda: _register_person(user, details, break_glass_for))


def _register_person(
    user: User, details: PersonDetails, break_glass_for: Collection[int]
) -> Person | None:
    number = _checked_number(details.nhs_number)
    with transaction.atomic():
        person = Person.objects.filter(nhs_number=number).first()
        if person is None:
            return _register(user, number, details)
        if not services.may_see_person(user, person, break_glass=person.pk in break_glass_for):
            _withhold(user, person, details, "Patient create")
            return None
        if person.date_of_birth != details.date_of_birth:
            raise ValidationError({"date_of_birth": DATE_OF_BIRTH_DOES_NOT_MATCH})
        _add_what_the_record_lacks(user, person, details.contact)
        return person


def _withhold(
    user: User,
    person: Person,
    details: PersonDetails | None,
    route: str,
    received_at: dt.datetime | None = None,
) -> None:
    """Audit an intake that named another team's person to a user who may not see them.
    The trail says which route, whether the date of birth matched and whether another
    team received a referral for them recently (``receive_referral`` does not tell the
    user of it), for the Caldicott guardian; the user is told none of these."""
    detail = f"identity withheld: {route} for an NHS number known to another team"
    if details is not None and details.date_of_birth != person.date_of_birth:
        detail += "; the date of birth given did not match"
    if received_at is not None:
        recent = possible_duplicates(person, received_at)
        if len(to_users_teams(user, recent)) < len(recent):
            detail += "; a recent referral to another team was not shown"
    audit.record(user, AuditEvent.Action.REFUSED, person, detail)


def respond_by(source: str, urgency: str, received_at: dt.datetime) -> dt.datetime | None:
    """When the response is due, by the urgency's target (``care.targets``) or A&E
    liaison's, whichever is sooner; None for a routine referral from anyone else."""
    hours = targets.HOURS_TO_BE_SEEN.get(urgency)
    minutes = None if hours is None else hours * 60
    if source == Referral.Source.AE_LIAISON:
        liaison = settings.AE_LIAISON_TARGET_MINUTES
        minutes = liaison if minutes is None else min(minutes, liaison)
    return None if minutes is None else received_at + dt.timedelta(minutes=minutes)


def mergeable_duplicates(
    user: User,
    nhs_number: str,
    received_at: dt.datetime,
    *,
    break_glass_for: Collection[int] = (),
) -> list[Referral]:
    """Recent referrals for this NHS number that a user at intake may be shown and add to:
    all of them if the user may see the person, else only those to the user's teams."""
    person = services.person_by_nhs_number(nhs_number)
    if person is None:
        return []
    existing = possible_duplicates(person, received_at)
    if services.may_see_person(user, person, break_glass=person.pk in break_glass_for):
        return existing
    return to_users_teams(user, existing)


def to_users_teams(user: User, found: Sequence[Referral]) -> list[Referral]:
    """Of these referrals, those to the user's teams (``Referral.objects.for_user``)."""
    mine = set(
        Referral.objects.for_user(user)
        .filter(pk__in=[r.pk for r in found])
        .values_list("pk", flat=True)
    )
    return [r for r in found if r.pk in mine]


def possible_duplicates(person: Person, received_at: dt.datetime) -> list[Referral]:
    window = dt.timedelta(hours=settings.DUPLICATE_REFERRAL_HOURS)
    return list(
        Referral.objects.filter(
            person=person,
            status__in=[Referral.Status.RECEIVED, Referral.Status.ACCEPTED],
            received_at__gte=received_at - window,
            received_at__lte=received_at + window,
        ).select_related("team")
    )


class PossibleDuplicate(Exception):
    """A referral for the person was received recently: ``existing`` are those the user
    may be shown and merge into."""

    def __init__(self, existing: list[Referral]) -> None:
        super().__init__("A referral for this person was received recently.")
        self.existing = existing


def check_physical_health_screen(team: Team, physical_health_need: bool) -> None:
    """Seed 004: only referrals with no physical health need go to the response vehicle."""
    if team.kind == Team.Kind.RESPONSE_VEHICLE and physical_health_need:
        raise ValidationError(
            {
                "team": "The response vehicle team cannot take a referral with a physical "
                "health need. Refer to the ambulance service or A&E instead."
            }
        )


@transaction.atomic
def receive_referral(
    user: User,
    *,
    person: Person,
    team: Team,
    source: str,
    urgency: str,
    reason: str,
    physical_health_need: bool,
    received_at: dt.datetime | None = None,
    referrer: str = "",
    via: str = Referral.Via.STAFF,
    not_a_duplicate_because: str = "",
    referred_name: str = "",
    referred_date_of_birth: dt.date | None = None,
    additional_information: str = "",
    identity_withheld: bool = False,
) -> Referral:
    """Receive a referral. Never silently creates a second one for the same person:
    raises PossibleDuplicate unless a reason it is separate is given. A referral received
    in the future is refused, whatever the way in (page, REST or FHIR).

    For a person whose identity is withheld from the user (``intake_referral``), only
    referrals to the user's own teams count: that another team received one recently
    would tell someone without access of a person's crisis (issue 18). The caller audits
    it instead (``_withhold``)."""
    refuse_future(received_at, "referral", field="received_at")
    received_at = received_at or timezone.now()
    check_physical_health_screen(team, physical_health_need)
    existing = possible_duplicates(person, received_at)
    if identity_withheld:
        existing = to_users_teams(user, existing)
    if existing and not not_a_duplicate_because.strip():
        raise PossibleDuplicate(existing)
    referral = Referral.objects.create(
        person=person,
        team=team,
        source=source,
        urgency=urgency,
        reason=reason,
        physical_health_need=physical_health_need,
        received_at=received_at,
        referrer=referrer,
        received_via=via,
        respond_by=respond_by(source, urgency, received_at),
        not_a_duplicate_because=not_a_duplicate_because.strip() if existing else "",
        referred_name=referred_name,
        referred_date_of_birth=referred_date_of_birth,
        additional_information=additional_information,
        created_by=user,
    )
    audit.record(user, AuditEvent.Action.CREATED, referral)
    return referral


def intake_referral(
    user: User,
    details: PersonDetails,
    *,
    break_glass_for: Collection[int] = (),
    submission: str = "",
    **referral: Any,
) -> Intake:
    """Find or register the person and receive their referral (pages and REST).

    One rule for a known NHS number, whatever the route: a user who may see the person
    (``services.people_visible_to``) is refused a date of birth that does not match the
    record, and their contact details fill in what the record lacks. For anyone else the
    referral is received just the same, matched by NHS number, and nothing of the person
    is returned: not their name, not their record, not whether the date of birth
    matched. The attempt is audited; what the referrer said (name, date of birth,
    contact details) stays on the referral for the receiving team, which sees the person
    once it accepts and whose acceptance checks the date of birth (``accept_referral``).

    Registering and receiving are one transaction: a new person is not kept if their
    referral is refused. The audit of a withheld identity is kept either way.

    A form's ``submission`` token is taken once (``coproduce.accounts.submissions``): the
    same form sent again is answered with the referral it made, and nothing is received,
    registered or audited again. Sent twice at once, the second is refused its copy by
    the database and run again, finding the first's.
    """
    return _once_registered(lambda: _intake(user, details, break_glass_for, referral, submission))


def _intake(
    user: User,
    details: PersonDetails,
    break_glass_for: Collection[int],
    referral: Any,
    submission: str,
) -> Intake:
    number = _checked_number(details.nhs_number)
    known = Person.objects.filter(nhs_number=number).first()
    withheld = known is not None and not services.may_see_person(
        user, known, break_glass=known.pk in break_glass_for
    )
    form = submissions.name_of(intake_referral)
    if (made := submissions.earlier(submission, form)) is not submissions.NOT_YET:
        return Intake(made, withheld)
    if known is not None and withheld:
        _withhold(user, known, details, "referral", referral.get("received_at") or timezone.now())
    notes = ""
    with transaction.atomic():
        if known is None:
            person = _register(user, number, details)
        elif withheld:
            person = known
            if given := _describe(details.contact):
                notes = (
                    "Contact details given with this referral (not added to the record "
                    "of a person known to another team: add them on the person page once "
                    f"the referral is accepted): {given}"
                )
        else:
            person = known
            if person.date_of_birth != details.date_of_birth:
                raise ValidationError({"date_of_birth": DATE_OF_BIRTH_DOES_NOT_MATCH})
            notes = _add_what_the_record_lacks(user, person, details.contact)
        created = receive_referral(
            user,
            person=person,
            referred_name=details.name,
            referred_date_of_birth=details.date_of_birth,
            additional_information=notes,
            identity_withheld=withheld,
            **referral,
        )
        submissions.keep(submission, form, created)
    return Intake(created, withheld)


def refer_by_nhs_number(
    user: User, nhs_number: str, *, referred_name: str = "", **referral: Any
) -> Intake:
    """Receive a referral for the person with this NHS number (FHIR ServiceRequest, which
    names no date of birth): the same rule as ``intake_referral`` for someone the user
    may not see. An NHS number no one has is refused (register the Patient first)."""
    number = _checked_number(nhs_number)
    person = Person.objects.filter(nhs_number=number).first()
    if person is None:
        raise ValidationError(
            {"nhs_number": "No patient with this NHS number: create the Patient first."}
        )
    withheld = not services.may_see_person(user, person)
    if withheld:
        received_at = referral.get("received_at") or timezone.now()
        _withhold(user, person, None, "FHIR ServiceRequest", received_at)
    created = receive_referral(
        user,
        person=person,
        referred_name=referred_name,
        identity_withheld=withheld,
        **referral,
    )
    return Intake(created, withheld)


def accepted_episode(referral: Referral) -> Episode | None:
    """The episode a referral was accepted into, if it has been: a second click on
    "Accept" (or a colleague's at the same moment) finds it instead of an error."""
    return Episode.objects.filter(referral=referral).first()


@once
@transaction.atomic
def merge_into(
    user: User, existing: Referral, *, source: str, reason: str, referrer: str, submission: str = ""
) -> None:
    """Add a duplicate referral's information to the one already received."""
    when = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    note = f"{when}, also referred by {Referral.Source(source).label}"
    if referrer:
        note += f" ({referrer})"
    existing.additional_information = (
        f"{existing.additional_information}\n\n{note}: {reason}".strip()
    )
    existing.save(update_fields=["additional_information"])
    audit.record(user, AuditEvent.Action.CHANGED, existing, "merged a duplicate referral")


CHOOSE_THE_NAMED_TEAM = (
    "Choose the named team: tick each person who will see them "
    "(tick the lead practitioner alone for a team of one)"
)


def _check_named_team(team: Team, lead: User, named: Sequence[User]) -> list[User]:
    if not named:
        raise ValidationError({"named_team": CHOOSE_THE_NAMED_TEAM})
    members = {lead, *named}
    staff = set(team.staff.all())
    if not members <= staff:
        raise ValidationError({"named_team": "Choose people who work in this team."})
    if len(members) > team.max_named_team:
        raise ValidationError(
            {
                "named_team": f"A named team has at most {team.max_named_team} people, "
                "including the lead practitioner."
            }
        )
    return sorted(members, key=lambda u: u.pk)


# Says what to check, never what did not match: the user may not yet see the person, and
# "the date of birth is not the record's" would answer a guess (issue 18).
IDENTITY_TO_CHECK = (
    "These details need checking before the referral can be accepted: confirm the NHS "
    "number and date of birth with the referrer. If the NHS number was wrong, decline this "
    "referral and receive it again with the right one; if both are right, tick to say you "
    "have checked"
)


def identity_to_check(referral: Referral) -> bool:
    """Whether the referrer's date of birth is not the record's (see ``accept_referral``)."""
    given = referral.referred_date_of_birth
    return given is not None and given != referral.person.date_of_birth


# An initial appointment starting as the practitioner accepts (the form took a few
# minutes to fill in) is "now", not the past; anything earlier is a wrong date.
INITIAL_APPOINTMENT_GRACE = dt.timedelta(minutes=15)
# With no review days, the initial appointment is still within a crisis's fortnight.
INITIAL_APPOINTMENT_LATEST_DAYS = 14


def initial_appointment_problem(
    team: Team, initial_at: dt.datetime, accepted_at: dt.datetime
) -> str | None:
    """What is wrong with an initial appointment, if anything (seed 002: the lead
    practitioner sees the person first, and reviews follow on day 7 and 14).

    A crisis team books the initial appointment for now or soon: not before acceptance
    (beyond a 15-minute grace for an appointment starting as they accept), and before
    the first review, which it would otherwise come after."""
    if initial_at < accepted_at - INITIAL_APPOINTMENT_GRACE:
        return (
            "The initial appointment cannot be before the referral is accepted: choose a "
            "time from now on (up to 15 minutes ago, for an appointment starting as you accept)"
        )
    if not team.review_days:
        if initial_at >= accepted_at + dt.timedelta(days=INITIAL_APPOINTMENT_LATEST_DAYS):
            return (
                "The initial appointment must be within "
                f"{INITIAL_APPOINTMENT_LATEST_DAYS} days: check the date"
            )
        return None
    first_review = min(team.review_days)
    # By the day, not the minute: the review is booked at the initial appointment's time
    # of day, so the same day would book both in one slot (a fresh-eyes trial's were).
    review_day = timezone.localtime(accepted_at + dt.timedelta(days=first_review)).date()
    if timezone.localtime(initial_at).date() >= review_day:
        return (
            f"The initial appointment must come before the first review, on day {first_review}"
            ": check the date"
        )
    return None


def after_target(referral: Referral, initial_at: dt.datetime) -> bool:
    """Whether an initial appointment comes after the referral's response is due, with
    the person not yet seen (by the response vehicle, say)."""
    return (
        referral.respond_by is not None
        and referral.seen_at is None
        and initial_at > referral.respond_by
    )


def accept_referral(
    user: User,
    referral: Referral,
    *,
    lead: User,
    named_team: Sequence[User],
    initial_at: dt.datetime,
    accepted_at: dt.datetime | None = None,
    identity_checked: bool = False,
    after_target_because: str = "",
) -> Episode:
    """Open an episode: lead practitioner, named team, initial appointment and reviews.

    Acceptance is deliberate: the lead practitioner, the named team (at least one person
    ticked; the lead is always in it) and the initial appointment are chosen by the
    practitioner, never filled in for them. Every problem is named at once.

    Reviews fall on the team's review days (default 7 and 14) after acceptance, at the
    time of day of the initial appointment, with the lead practitioner.

    A referral whose referrer gave a date of birth that is not the record's (possible
    only for a person whose identity was withheld at intake) is the wrong-person hazard:
    it is accepted only once the practitioner has checked who the person is
    (``identity_checked``). The refusal says what to check, not what did not match, and
    is audited (kept though nothing else is written).

    An initial appointment after the referral's response is due (very urgent: within 4
    hours) is booked only with the reason it cannot be sooner, kept on the appointment.
    """
    try:
        return _accept_referral(
            user,
            referral,
            lead=lead,
            named_team=named_team,
            initial_at=initial_at,
            accepted_at=accepted_at,
            identity_checked=identity_checked,
            after_target_because=after_target_because,
        )
    except ValidationError as refused:
        if IDENTITY_TO_CHECK in getattr(refused, "message_dict", {}).get("identity_checked", []):
            audit.record(
                user,
                AuditEvent.Action.REFUSED,
                referral,
                "acceptance refused until identity is checked: the date of birth given did "
                "not match the record",
            )
        raise


@transaction.atomic
def _accept_referral(
    user: User,
    referral: Referral,
    *,
    lead: User,
    named_team: Sequence[User],
    initial_at: dt.datetime,
    accepted_at: dt.datetime | None,
    identity_checked: bool,
    after_target_because: str,
) -> Episode:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Referral.Status.RECEIVED:
        raise ValidationError("This referral has already been dealt with.")
    team = referral.team
    accepted_at = accepted_at or timezone.now()
    errors: dict[str, list[str]] = {}
    unmatched = identity_to_check(referral)
    if unmatched and not identity_checked:
        errors["identity_checked"] = [IDENTITY_TO_CHECK]
    if problem := initial_appointment_problem(team, initial_at, accepted_at):
        errors["initial_on"] = [problem]
    because = " ".join(after_target_because.split())
    if not after_target(referral, initial_at):
        because = ""
    elif "initial_on" not in errors and not says_something(because, words=3, characters=12):
        assert referral.respond_by is not None  # noqa: S101 - after_target says so
        urgency = referral.get_urgency_display().lower()
        if because and too_short(because, words=3, characters=12):
            said = (
                "Say why the initial appointment cannot be sooner in a short sentence, at "
                "least 3 different words"
            )
        elif because:
            said = (
                "Say why the initial appointment cannot be sooner: for example, they asked "
                "to be seen tomorrow, and a safety plan was agreed by phone"
            )
        elif referral.respond_by > accepted_at:
            said = (
                f"The response to this {urgency} referral is due by "
                f"{in_words(referral.respond_by)}: book the initial appointment by then, or "
                "say why it cannot be sooner"
            )
        else:
            # Already past (a fresh-eyes trial was told to book "by" a time gone).
            said = (
                f"The response to this {urgency} referral was due by "
                f"{in_words(referral.respond_by)}: book the initial appointment for now, or "
                "say why it cannot be sooner"
            )
        errors["after_target_because"] = [said]
    elif len(because) > 500:
        errors["after_target_because"] = ["Keep the reason to 500 characters or fewer"]
    try:
        members = _check_named_team(team, lead, named_team)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    episode = Episode.objects.create(
        person=referral.person,
        team=team,
        referral=referral,
        lead_practitioner=lead,
        accepted_at=accepted_at,
    )
    episode.named_team.set(members)
    book_initial_and_reviews(user, episode, initial_at, after_target_because=because)
    referral.status = Referral.Status.ACCEPTED
    referral.save(update_fields=["status"])
    detail = f"accepted referral {referral.pk}"
    if unmatched:
        detail += "; identity checked: the date of birth given did not match the record"
    audit.record(user, AuditEvent.Action.CREATED, episode, detail)
    return episode


# Reviews are planned, in the day: at the initial appointment's time of day when that
# falls in these hours, else at REVIEW_TIME (helper-80: a first visit at 23:10 booked the
# reviews at 23:10 too).
REVIEW_HOURS = (dt.time(9, 0), dt.time(17, 0))
REVIEW_TIME = dt.time(10, 0)


def review_time_after(initial_at: dt.datetime) -> dt.time:
    """The local time of day of the reviews after an initial appointment at ``initial_at``."""
    initial = timezone.localtime(initial_at).time().replace(second=0, microsecond=0)
    return initial if REVIEW_HOURS[0] <= initial <= REVIEW_HOURS[1] else REVIEW_TIME


def book_initial_and_reviews(
    user: User, episode: Episode, initial_at: dt.datetime, *, after_target_because: str = ""
) -> None:
    """The lead practitioner's initial appointment, then a review on each review day."""
    Appointment.objects.create(
        episode=episode,
        kind=Appointment.Kind.INITIAL,
        starts_at=initial_at,
        staff=episode.lead_practitioner,
        booked_by=user,
        after_target_because=after_target_because,
    )
    review_time = review_time_after(initial_at)
    for day in episode.team.review_days:
        review_date = timezone.localtime(episode.accepted_at).date() + dt.timedelta(days=day)
        Appointment.objects.create(
            episode=episode,
            kind=Appointment.Kind.REVIEW,
            review_day=day,
            starts_at=timezone.make_aware(dt.datetime.combine(review_date, review_time)),
            staff=episode.lead_practitioner,
            booked_by=user,
        )


@transaction.atomic
def decline_referral(user: User, referral: Referral, reason: str) -> None:
    if referral.status != Referral.Status.RECEIVED:
        raise ValidationError("This referral has already been dealt with.")
    referral.status = Referral.Status.DECLINED
    referral.additional_information = (
        f"{referral.additional_information}\n\nDeclined: {reason}".strip()
    )
    referral.save(update_fields=["status", "additional_information"])
    audit.record(user, AuditEvent.Action.CHANGED, referral, "declined")


@once
@transaction.atomic
def dispatch_vehicle(
    user: User, referral: Referral, *, dispatched_at: dt.datetime, submission: str = ""
) -> Dispatch:
    if referral.team.kind != Team.Kind.RESPONSE_VEHICLE:
        raise ValidationError("Only the response vehicle team dispatches a vehicle.")
    if Dispatch.objects.filter(referral=referral).exists():
        raise ValidationError("A vehicle has already been dispatched to this referral.")
    if dispatched_at < referral.received_at:
        raise ValidationError({"dispatched_at": "Dispatch cannot be before the referral came in."})
    dispatch = Dispatch.objects.create(
        referral=referral, dispatched_at=dispatched_at, recorded_by=user
    )
    audit.record(user, AuditEvent.Action.CREATED, dispatch)
    return dispatch


@transaction.atomic
def record_arrival(
    user: User,
    dispatch: Dispatch,
    *,
    arrived_at: dt.datetime,
    outcome: str,
    partner: str,
    handover_notes: str,
) -> Dispatch:
    if arrived_at < dispatch.dispatched_at:
        raise ValidationError(
            {"arrived_at": "Arrival cannot be before the vehicle was dispatched."}
        )
    dispatch.arrived_at = arrived_at
    dispatch.outcome = outcome
    dispatch.partner = partner
    dispatch.handover_notes = handover_notes
    dispatch.save(update_fields=["arrived_at", "outcome", "partner", "handover_notes"])
    referral = dispatch.referral
    # The vehicle's visit is the response: the referral no longer waits for allocation.
    # (A hand-over to home treatment is a new referral to that team.)
    referral.seen_at = referral.seen_at or arrived_at
    if referral.status == Referral.Status.RECEIVED:
        referral.status = Referral.Status.COMPLETED
    referral.save(update_fields=["seen_at", "status"])
    audit.record(user, AuditEvent.Action.CHANGED, dispatch, "arrival and outcome")
    return dispatch
