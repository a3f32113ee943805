"""Operations on crisis care records.

A person's record is reached only through ``open_person_record`` (scoped to the user's
teams' caseloads and written to the audit trail); changes go through verb-named
functions that run in one transaction and audit who made them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Value
from django.http import Http404

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.care.episodes import (
    ARRIVES_EARLY,
    outcome_still_to_record,
    require_reason_outside_named_team,
)
from coproduce.care.models import (
    Appointment,
    CarerInformed,
    Contact,
    CrisisPlan,
    Episode,
    Person,
    Referral,
    normalise_nhs_number,
    team_ids,
)
from coproduce.care.plans import BREAK_GLASS_DETAIL, current
from coproduce.lib.dates import refuse_future
from coproduce.lib.validators import (
    is_uk_mobile,
    normalise_uk_phone,
    remove_unstorable,
    too_short,
    typed_at_random,
    validate_email_address,
)
from coproduce.lib.validators import says_something as says_something_in_words

# What the caseload list shows, and no more (a list of a hundred people reads only these).
CASELOAD_FIELDS = [
    "person_id",
    "team_id",
    "lead_practitioner_id",
    "accepted_at",
    "closed_at",
    "disengaged_at",
    "person__given_name",
    "person__family_name",
    "person__nhs_number",
    "team__name",
    "lead_practitioner__first_name",
    "lead_practitioner__last_name",
    "lead_practitioner__username",
    "lead_practitioner__role",  # listed by name and role
]


def caseload_for(user: User) -> list[Episode]:
    """Open episodes on the user's teams, by family name.

    The list shows names and NHS numbers, so reading it is audited too: one event per
    team whose caseload was shown.
    """
    episodes = list(
        Episode.objects.open()
        .for_user(user)
        .select_related("person", "team", "lead_practitioner")
        .only(*CASELOAD_FIELDS)
        .order_by("person__family_name", "person__given_name")
    )
    audit.record_each(user, AuditEvent.Action.VIEWED, user.teams.all(), "caseload list")
    return episodes


def open_person_record_and_access(
    user: User, person_id: int, *, break_glass: bool = False
) -> tuple[Person, bool]:
    """The person, if they are on a caseload of one of the user's teams; audited either way.
    With them, whether they are on those caseloads (False for a break-glass read).

    A person who exists but is not on the user's caseloads is refused as not found
    (so the response does not confirm they are known to the service), and the refusal
    is itself audited, unless the user has broken the glass for this person (see
    ``break_glass``), in which case the read is audited as a break-glass read.
    """
    try:
        person = Person.objects.prefetch_related(
            Prefetch(
                "episodes",
                queryset=Episode.objects.select_related("team", "lead_practitioner").order_by(
                    "-accepted_at"
                ),
            )
        ).get(pk=person_id)
    except Person.DoesNotExist:
        raise Http404("No such person.") from None
    if not on_caseload(user, person):
        if break_glass:
            audit.record(user, AuditEvent.Action.VIEWED, person, BREAK_GLASS_DETAIL)
            return person, False
        audit.record(user, AuditEvent.Action.REFUSED, person, "not on the user's caseloads")
        raise Http404("No such person on your caseloads.")
    audit.record(user, AuditEvent.Action.VIEWED, person)
    return person, True


def open_person_record(user: User, person_id: int, *, break_glass: bool = False) -> Person:
    """The person, as ``open_person_record_and_access`` opens them."""
    return open_person_record_and_access(user, person_id, break_glass=break_glass)[0]


def person_for_break_glass(person_id: int) -> Person:
    """The person to ask a break-glass reason for; nothing of their record is shown."""
    try:
        return Person.objects.only("pk").get(pk=person_id)
    except Person.DoesNotExist:
        raise Http404("No such person.") from None


def on_caseload(user: User, person: Person) -> bool:
    return Episode.objects.for_user(user).filter(person=person).exists()


def people_visible_to(
    user: User, person_ids: Iterable[int], *, break_glass_for: Collection[int] = ()
) -> set[int]:
    """Of these people, those whose identity (name, date of birth, record) the user may
    see: people on the user's teams' caseloads, people they have broken the glass for,
    and people met only through referrals to the user's teams or registered by the user.
    A person known to no team (a FHIR Patient with no referral yet) is shown to no one
    else: knowing their NHS number and date of birth must not be enough to learn their
    name or number.

    Anyone else is another team's person: an NHS number typed at intake, on a page, by
    REST or FHIR, never tells a user without access who they are or whether a date of
    birth matched (issue 18). A receiving team sees them once it accepts the referral."""
    ids = set(person_ids)
    if not ids:
        return set()
    # One short read (issue 25: it was five, each with subqueries), with the user's teams
    # as read once for the request: every episode's and referral's team for these people.
    teams = set(team_ids(user))
    episode, referral = 1, 2
    reached = (
        Episode.objects.filter(person_id__in=ids)
        .annotate(by=Value(episode))
        .order_by()
        .values_list("person_id", "team_id", "by")
        .union(
            Referral.objects.filter(person_id__in=ids)
            .annotate(by=Value(referral))
            .order_by()
            .values_list("person_id", "team_id", "by"),
            all=True,
        )
    )
    mine: set[int] = set()
    elsewhere: set[int] = set()
    referred_here: set[int] = set()
    for person_id, team_id, by in reached:
        here = mine if by == episode else referred_here
        (here if team_id in teams else elsewhere).add(person_id)
    glass = ids & set(break_glass_for)
    # People the user registered themselves, asked only about those it can still decide.
    undecided = ids - elsewhere - mine - glass - referred_here
    if undecided:
        referred_here |= {
            int(pk)
            for pk in AuditEvent.objects.filter(
                actor=user,
                action=AuditEvent.Action.CREATED,
                record_type=Person._meta.label_lower,
                record_id__in=[str(i) for i in undecided],
            ).values_list("record_id", flat=True)
        }
    return mine | glass | ((ids - elsewhere) & referred_here)


def may_see_person(user: User, person: Person, *, break_glass: bool = False) -> bool:
    """Whether the user may see who this person is (see ``people_visible_to``)."""
    glass = [person.pk] if break_glass else []
    return person.pk in people_visible_to(user, [person.pk], break_glass_for=glass)


def contact_for(user: User, contact_id: int) -> Contact:
    """A contact on one of the user's teams' caseloads; the read is audited."""
    try:
        contact = Contact.objects.select_related("episode", "staff").get(
            pk=contact_id, episode__in=Episode.objects.for_user(user)
        )
    except Contact.DoesNotExist:
        raise Http404("No such contact on your caseloads.") from None
    audit.record(user, AuditEvent.Action.VIEWED, contact)
    return contact


def person_by_nhs_number(nhs_number: str) -> Person | None:
    """For matching incoming referrals to a known person; shows nothing of the record.
    The number is folded as ``normalise_nhs_number`` folds it (a number that is not
    valid matches no one)."""
    try:
        number = normalise_nhs_number(nhs_number)
    except ValidationError:
        return None
    return Person.objects.filter(nhs_number=number).first()


def find_person(user: User, nhs_number: str) -> Person | None:
    """Look a person up by NHS number (for break-glass); the search itself is audited."""
    person = person_by_nhs_number(nhs_number)
    if person is not None:
        audit.record(user, AuditEvent.Action.VIEWED, person, "found by NHS number")
    return person


# A break-glass reason must say something a reviewer can judge: who needs the record and
# why now. One word ("Urgent."), three ("checking this person") or a key held down cannot
# be reviewed; 200 is what the audit trail keeps.
BREAK_GLASS_REASON_MIN = 20
BREAK_GLASS_REASON_MAX = 200
BREAK_GLASS_REASON_WORDS = 4
WHAT_A_BREAK_GLASS_REASON_IS = (
    f"Give a reason of at least {BREAK_GLASS_REASON_WORDS} different words and at least "
    f"{BREAK_GLASS_REASON_MIN} characters: who needs the record, and why now"
)


BREAK_GLASS_REASON_TYPED_AT_RANDOM = (
    "The reason reads as letters typed at random. Say in words who needs the record and why now"
)


BREAK_GLASS_REASON_SAYS_NOTHING = (
    "Say who needs the record and why now, not only that you need it: for example, her "
    "GP rang because she has not collected her medication"
)


def says_something(reason: str) -> bool:
    """Whether a break-glass reason is one a reviewer could judge: long enough, at least
    four different words, and not one character repeated."""
    return says_something_in_words(
        reason, words=BREAK_GLASS_REASON_WORDS, characters=BREAK_GLASS_REASON_MIN
    )


@transaction.atomic
def break_glass(user: User, person: Person, reason: str) -> None:
    """Record why a user opens a record that is not on their caseloads.

    The reason is kept in the audit trail for review by the Caldicott guardian, so it
    must be one a reviewer can judge (``says_something``): at least 20 characters once
    spaces are stripped and four different words.
    """
    reason = reason.strip()
    if not says_something(reason):
        if typed_at_random(reason):
            raise ValidationError({"reason": BREAK_GLASS_REASON_TYPED_AT_RANDOM})
        if too_short(reason, words=BREAK_GLASS_REASON_WORDS, characters=BREAK_GLASS_REASON_MIN):
            raise ValidationError({"reason": WHAT_A_BREAK_GLASS_REASON_IS})
        raise ValidationError({"reason": BREAK_GLASS_REASON_SAYS_NOTHING})
    if len(reason) > BREAK_GLASS_REASON_MAX:
        raise ValidationError(
            {"reason": f"Keep the reason to {BREAK_GLASS_REASON_MAX} characters or fewer"}
        )
    audit.record(user, AuditEvent.Action.BREAK_GLASS, person, reason)


def episode_for(user: User, episode_id: int) -> Episode:
    """An episode on one of the user's teams' caseloads; the read is audited."""
    try:
        episode = Episode.objects.for_user(user).select_related("person", "team").get(pk=episode_id)
    except Episode.DoesNotExist:
        raise Http404("No such episode on your caseloads.") from None
    audit.record(user, AuditEvent.Action.VIEWED, episode)
    return episode


def open_episode_and_access(
    user: User, episode_id: int, *, break_glass_for: Collection[int] = ()
) -> tuple[Episode, bool]:
    """An episode on the user's teams' caseloads, or of a person they have broken the
    glass for (``break_glass_for``: those people's ids); with it, whether it is on
    their caseloads (False for a break-glass read, which is read only).

    Either read is audited, the break-glass one as such; any other episode is not found.
    """
    try:
        episode = Episode.objects.select_related("person", "team").get(pk=episode_id)
    except Episode.DoesNotExist:
        raise Http404("No such episode on your caseloads.") from None
    if Episode.objects.for_user(user).filter(pk=episode.pk).exists():
        audit.record(user, AuditEvent.Action.VIEWED, episode)
        return episode, True
    if episode.person_id in break_glass_for:
        audit.record(user, AuditEvent.Action.VIEWED, episode, BREAK_GLASS_DETAIL)
        return episode, False
    raise Http404("No such episode on your caseloads.")


def contacts_for(person: Person) -> list[Contact]:
    return list(
        Contact.objects.filter(episode__person=person)
        .select_related("staff", "episode__team", "crisis_plan")
        .order_by("-occurred_at")
    )


CONTACT_BEFORE_EPISODE = "The contact cannot be before the episode began."


def before_the_episode(episode: Episode, occurred_at: dt.datetime) -> bool:
    """A contact more than a day before the episode was accepted (a day's grace for a
    referral accepted after the first contact)."""
    return occurred_at < episode.accepted_at - dt.timedelta(days=1)


@once
@transaction.atomic
def record_contact(
    user: User,
    episode: Episode,
    *,
    occurred_at: dt.datetime,
    mode: str,
    persons_words: str,
    shared_understanding: str,
    feelings_validated: str,
    next_steps: str,
    crisis_plan_reviewed: bool = False,
    involved_and_informed: str = "",
    options_given: str = "",
    carer_informed: str = CarerInformed.NO_CARER,
    carer_not_informed_because: str = "",
    availability_promised: str = "",
    time_and_tone: str = "",
    duration_minutes: int | None = None,
    outside_named_team_because: str = "",
    appointment: Appointment | None = None,
    submission: str = "",
) -> Contact:
    """Record a LISTEN contact; the first contact of a referral stops its response clock.
    A contact that was a booked appointment (``appointment``) marks it attended.

    The person's current crisis plan (if any) is linked, so the record shows which
    version was in front of the practitioner; with no plan, the contact says so. A
    contact in the future is refused, whatever the way in (page or FHIR).
    """
    refuse_future(occurred_at, "contact", field="occurred_on")
    if before_the_episode(episode, occurred_at):
        raise ValidationError({"occurred_on": CONTACT_BEFORE_EPISODE})
    if carer_informed == CarerInformed.NO and not carer_not_informed_because.strip():
        raise ValidationError({"carer_not_informed_because": "Say why the carer was not informed."})
    reason = require_reason_outside_named_team(episode, user, outside_named_team_because)
    if appointment is not None:
        if appointment.episode_id != episode.pk:
            raise ValidationError("That appointment is not in this episode.")
        appointment = outcome_still_to_record(appointment, user)
        if appointment.starts_at > occurred_at + ARRIVES_EARLY:
            raise ValidationError(
                {"occurred_on": "The contact is before the appointment it says it was."}
            )
        appointment.status = Appointment.Status.ATTENDED
        appointment.save(update_fields=["status", "outcome_recorded_by", "outcome_recorded_at"])
        audit.record(user, AuditEvent.Action.CHANGED, appointment, "appointment attended")
    plan = current(CrisisPlan, episode.person)
    contact = Contact.objects.create(
        episode=episode,
        staff=user,
        occurred_at=occurred_at,
        mode=mode,
        persons_words=persons_words,
        crisis_plan=plan,
        crisis_plan_reviewed=crisis_plan_reviewed and plan is not None,
        involved_and_informed=involved_and_informed,
        options_given=options_given,
        carer_informed=carer_informed,
        carer_not_informed_because=carer_not_informed_because,
        shared_understanding=shared_understanding,
        availability_promised=availability_promised,
        time_and_tone=time_and_tone,
        feelings_validated=feelings_validated,
        next_steps=next_steps,
        duration_minutes=duration_minutes,
        outside_named_team_because=reason,
        appointment=appointment,
    )
    referral = episode.referral
    if referral is not None and referral.seen_at is None:
        referral.seen_at = occurred_at
        referral.save(update_fields=["seen_at"])
    if episode.disengaged_at is not None:
        episode.disengaged_at = None
        episode.save(update_fields=["disengaged_at"])
    audit.record(user, AuditEvent.Action.CREATED, contact, f"episode {episode.pk}")
    return contact


# Contact details ----------------------------------------------------------------------

ADDRESS_MOST_CHARACTERS = 500
ADDRESS_MOST_LINES = 7  # a Notify letter's address lines, the postcode on the last


@dataclass(frozen=True)
class ContactDetails:
    """How to reach a person, as stored: a UK mobile (07…), an email address, a postal
    address with each of its lines on a line of its own, and how they prefer to be
    reached (``Person.Channel``)."""

    phone: str = ""
    email: str = ""
    address: str = ""
    preferred_channel: str = ""


CONTACT_LABELS = {
    "phone": "phone number",
    "email": "email",
    "address": "postal address",
    "preferred_channel": "preferred way to be contacted",
}


def clean_contact_details(
    *, phone: str = "", email: str = "", address: str = "", preferred_channel: str = ""
) -> ContactDetails:
    """Contact details as they are stored, or a ValidationError naming each field that
    is wrong. The one rule for every route that records them (the person page, referral
    intake, FHIR Patient telecom and address). A blank field removes that detail."""
    errors: dict[str, str] = {}
    phone = phone.strip()
    if phone:
        try:
            phone = normalise_uk_phone(phone)
        except ValidationError as error:
            errors["phone"] = " ".join(error.messages)
    email = email.strip()
    if email:
        try:
            validate_email_address(email)
        except ValidationError as error:
            errors["email"] = " ".join(error.messages)
    lines = [line.strip() for line in address.splitlines() if line.strip()]
    address = "\n".join(lines)
    if remove_unstorable(address)[1]:
        errors["address"] = "The postal address has characters that cannot be stored. Type it again"
    elif len(address) > ADDRESS_MOST_CHARACTERS:
        errors["address"] = (
            f"Enter a postal address of {ADDRESS_MOST_CHARACTERS} characters or fewer"
        )
    elif len(lines) > ADDRESS_MOST_LINES:
        errors["address"] = (
            f"Enter a postal address of at most {ADDRESS_MOST_LINES} lines, "
            "with the postcode on the last"
        )
    needs = {
        Person.Channel.SMS: (
            "phone",
            phone if is_uk_mobile(phone) else "",
            "There is no mobile number to text. Enter their mobile number"
            if not phone
            else "A landline cannot get texts. Enter their mobile number instead",
        ),
        Person.Channel.PHONE: (
            "phone",
            phone,
            "There is no phone number to call. Enter their mobile or landline number",
        ),
        Person.Channel.EMAIL: (
            "email",
            email,
            "There is no email address to write to. Enter their email",
        ),
        Person.Channel.POST: (
            "address",
            address,
            "There is no postal address to write to. Enter their postal address",
        ),
    }
    if preferred_channel not in Person.Channel.values:
        errors["preferred_channel"] = "Select how the person prefers to be contacted"
    elif preferred_channel in needs:
        field, value, missing = needs[Person.Channel(preferred_channel)]
        if not value and field not in errors:
            errors["preferred_channel"] = f"{missing}, or choose another way"
    if errors:
        raise ValidationError(errors)
    return ContactDetails(phone, email, address, preferred_channel)


@transaction.atomic
def update_contact_details(
    user: User,
    person: Person,
    *,
    phone: str = "",
    email: str = "",
    address: str = "",
    preferred_channel: str = "",
) -> Person:
    """Record or change how to reach a person: all four details at once, as given (a
    blank one is removed). Refused whole, naming each wrong field, with nothing written.

    The caller has opened the person's record (``open_person_record``: on the user's
    caseloads). Audited as a change to the person's record naming which details changed,
    never their values."""
    details = asdict(
        clean_contact_details(
            phone=phone, email=email, address=address, preferred_channel=preferred_channel
        )
    )
    person = Person.objects.select_for_update().get(pk=person.pk)
    changed = [name for name, value in details.items() if getattr(person, name) != value]
    if changed:
        for name in changed:
            setattr(person, name, details[name])
        person.save(update_fields=changed)
        audit.record(
            user,
            AuditEvent.Action.CHANGED,
            person,
            "contact details: " + ", ".join(CONTACT_LABELS[name] for name in changed),
        )
    return person
