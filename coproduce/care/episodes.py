"""An episode on the caseload: appointments, continuity, discharge, disengagement."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.care.models import (
    Appointment,
    Contact,
    DischargeDestination,
    Dispatch,
    Episode,
    Person,
    Referral,
    Team,
    memberships,
    team_ids,
)
from coproduce.care.signals import episode_closed
from coproduce.lib.validators import is_uk_mobile, says_something, too_short


def appointment_for(user: User, appointment_id: int) -> Appointment:
    """An appointment on one of the user's teams' caseloads; the read is audited."""
    try:
        appointment = Appointment.objects.select_related(
            "episode__person", "episode__team", "staff"
        ).get(pk=appointment_id, episode__in=Episode.objects.for_user(user))
    except Appointment.DoesNotExist:
        raise Http404("No such appointment on your caseloads.") from None
    audit.record(user, AuditEvent.Action.VIEWED, appointment)
    return appointment


# Forms give times to the minute; acceptance is stamped to the second. A time in the
# same minute as acceptance is taken as the moment of acceptance, not refused.
MINUTE = dt.timedelta(minutes=1)


def not_before_acceptance(
    episode: Episode, moment: dt.datetime, field: str, what: str
) -> dt.datetime:
    if moment <= episode.accepted_at - MINUTE:
        raise ValidationError({field: f"{what} cannot be before the referral was accepted."})
    return max(moment, episode.accepted_at)


def outside_named_team(episode: Episode, staff: User) -> bool:
    """Whether ``staff`` is outside the person's named team. With no named team chosen
    (an episode from before they were), no one is: a fresh-eyes trial was refused every
    choice with "… is not in this person's named team"."""
    named = episode.named_team.all()
    return named.exists() and not named.filter(pk=staff.pk).exists()


def require_reason_outside_named_team(episode: Episode, staff: User, reason: str) -> str:
    """Seed 002: someone outside the person's named team needs a recorded reason."""
    if outside_named_team(episode, staff):
        if not reason.strip():
            raise ValidationError(
                {
                    "outside_named_team_because": f"{staff.display_name} is not in this person's "
                    "named team. Say why someone else is needed."
                }
            )
        return reason.strip()
    return ""


# What happened at an appointment ----------------------------------------------------

OUTCOME_NOTE_MOST_CHARACTERS = 2000
# A contact up to an hour before an appointment's time can be that appointment (they came
# early); one earlier is another contact.
ARRIVES_EARLY = dt.timedelta(hours=1)


def already_recorded(appointment: Appointment) -> str:
    """Who recorded what happened at the appointment, and when, in a sentence."""
    by = (
        User.objects.get(pk=appointment.outcome_recorded_by_id).name_and_role
        if appointment.outcome_recorded_by_id
        else "someone"
    )
    when = timezone.localtime(appointment.outcome_recorded_at or appointment.booked_at)
    return (
        f"What happened at this appointment was already recorded by {by} "
        f"at {when:%H:%M on %-d %B}: {appointment.get_status_display().lower()}."
    )


def outcome_still_to_record(appointment: Appointment, user: User) -> Appointment:
    """The appointment, locked until the transaction ends, if what happened at it is still
    to be recorded; otherwise a refusal saying who recorded what (two people, or one
    double-click, never record it twice)."""
    locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if locked.status != Appointment.Status.BOOKED:
        raise ValidationError(already_recorded(locked))
    locked.outcome_recorded_by = user
    locked.outcome_recorded_at = timezone.now()
    return locked


@once
@transaction.atomic
def record_appointment_outcome(
    user: User, appointment: Appointment, *, status: str, note: str, submission: str = ""
) -> Appointment:
    """The person did not come, or the appointment was cancelled, with what happens now.
    (That they came is recorded as the contact it was: `services.record_contact`.)"""
    locked = outcome_still_to_record(appointment, user)
    note = note.strip()
    if status == Appointment.Status.DID_NOT_ATTEND:
        if locked.starts_at > locked.outcome_recorded_at:  # type: ignore[operator]
            raise ValidationError(
                {"status": "The appointment has not started yet: they cannot have missed it."}
            )
        if not says_something(note, words=2, characters=8):
            raise ValidationError(
                {"note": "Say what you will do now they did not come, in a few words."}
            )
    elif status == Appointment.Status.CANCELLED:
        if not says_something(note, words=2, characters=8):
            raise ValidationError(
                {"note": "Say why it was cancelled and whether another is booked, in a few words."}
            )
    else:
        raise ValidationError({"status": "Select what happened at the appointment."})
    if len(note) > OUTCOME_NOTE_MOST_CHARACTERS:
        raise ValidationError(
            {"note": f"Keep it to {OUTCOME_NOTE_MOST_CHARACTERS:,} characters or fewer."}
        )
    locked.status = status
    locked.outcome_note = note
    locked.save(
        update_fields=["status", "outcome_note", "outcome_recorded_by", "outcome_recorded_at"]
    )
    audit.record(user, AuditEvent.Action.CHANGED, locked, f"appointment {status}")
    return locked


def distinct_staff_met(episode: Episode) -> int:
    """How many different staff the person has had contact with in this episode."""
    return Contact.objects.filter(episode=episode).values("staff").distinct().count()


BOOKED_AHEAD_AT_MOST = dt.timedelta(days=365)


@once
@transaction.atomic
def book_appointment(
    user: User,
    episode: Episode,
    *,
    kind: str,
    starts_at: dt.datetime,
    staff: User,
    outside_named_team_because: str = "",
    submission: str = "",
) -> Appointment:
    if episode.closed_at is not None:
        raise ValidationError("This episode is closed: appointments cannot be booked.")
    starts_at = not_before_acceptance(episode, starts_at, "starts_at", "The appointment")
    if starts_at > timezone.now() + BOOKED_AHEAD_AT_MOST:
        # Crisis care books days and weeks ahead: a year on is a mistyped year (a
        # fresh-eyes trial booked 29/02/2028 without a question).
        raise ValidationError(
            {"starts_on": "The appointment is more than a year ahead: check the year"}
        )
    reason = require_reason_outside_named_team(episode, staff, outside_named_team_because)
    appointment = Appointment.objects.create(
        episode=episode,
        kind=kind,
        starts_at=starts_at,
        staff=staff,
        outside_named_team_because=reason,
        booked_by=user,
    )
    audit.record(user, AuditEvent.Action.CREATED, appointment)
    return appointment


def follow_up_cannot_reach(person: Person, feedback_invitations: str) -> str:
    """Why a follow-up invitation on the chosen channel could not reach the person (no
    mobile number, no email address on their record), or "" if it can."""
    if feedback_invitations == Person.FeedbackInvitations.SMS and not is_uk_mobile(person.phone):
        return (
            "There is no mobile number on the person's record"
            + (" (their number is a landline, which cannot get texts)" if person.phone else "")
            + ". Add it to their contact details, or choose email or no"
        )
    if feedback_invitations == Person.FeedbackInvitations.EMAIL and not person.email:
        return (
            "There is no email address on the person's record. "
            "Add it to their contact details, or choose text message or no"
        )
    return ""


def discharged_unseen_problems(destination: str, because: str) -> dict[str, str]:
    """What is wrong with discharging someone no contact is recorded with, by field: the
    reason must say why, and "No further care needed" is refused, since no one has seen
    them to judge it (helper-80 discharged a very urgent referral, about thoughts of
    ending her life, that way a minute after accepting it)."""
    problems: dict[str, str] = {}
    because = " ".join(because.split())
    if destination == DischargeDestination.NO_FURTHER_CARE:
        problems["destination"] = (
            "No contact with them is recorded, so no one has seen them to judge that they "
            "need no further care. Choose where they go next, or that they disengaged"
        )
    if not says_something(because, words=3, characters=12):
        problems["unseen_because"] = (
            "No contact with them is recorded in this episode: say why they are discharged "
            "without one"
            if not because
            else "Say why they are discharged without a contact in a short sentence, at "
            "least 3 different words"
            if too_short(because, words=3, characters=12)
            else "Say why they are discharged without a contact: for example, they moved "
            "out of the area before the first visit"
        )
    elif len(because) > 500:
        problems["unseen_because"] = "Keep the reason to 500 characters or fewer"
    return problems


@transaction.atomic
def discharge(
    user: User,
    episode: Episode,
    *,
    destination: str,
    onward_team: str,
    discharged_at: dt.datetime | None = None,
    feedback_invitations: str | None = None,
    unseen_because: str = "",
) -> Episode:
    """Close the episode. ``feedback_invitations`` records whether (and how) the person
    agreed to be invited to say how their care was (seed 003); None leaves it as it is.
    Refused if the invitation could not reach them on the channel chosen, or, for an
    episode with no contact recorded, without the reason they are discharged unseen."""
    if episode.closed_at is not None:
        raise ValidationError("This episode is already closed.")
    errors: dict[str, str] = {}
    if feedback_invitations and (
        problem := follow_up_cannot_reach(episode.person, feedback_invitations)
    ):
        errors["feedback_invitations"] = problem
    unseen_because = " ".join(unseen_because.split())
    if episode.contacts.exists():
        unseen_because = ""
    else:
        errors.update(discharged_unseen_problems(destination, unseen_because))
    if errors:
        raise ValidationError(errors)
    discharged_at = not_before_acceptance(
        episode, discharged_at or timezone.now(), "discharged_at", "Discharge"
    )
    episode.closed_at = discharged_at
    episode.discharge_destination = destination
    episode.onward_team = onward_team
    episode.discharged_unseen_because = unseen_because
    episode.save(
        update_fields=[
            "closed_at",
            "discharge_destination",
            "onward_team",
            "discharged_unseen_because",
        ]
    )
    if feedback_invitations is not None and (
        feedback_invitations != episode.person.feedback_invitations
    ):
        episode.person.feedback_invitations = feedback_invitations
        episode.person.save(update_fields=["feedback_invitations"])
        audit.record(
            user,
            AuditEvent.Action.CHANGED,
            episode.person,
            f"follow-up invitations: {feedback_invitations} (at discharge)",
        )
    episode.appointments.filter(
        status=Appointment.Status.BOOKED, starts_at__gt=discharged_at
    ).update(status=Appointment.Status.CANCELLED)
    audit.record(user, AuditEvent.Action.CHANGED, episode, f"discharged: {destination}")
    transaction.on_commit(lambda: episode_closed.send(sender=Episode, episode=episode))
    return episode


def last_contact_at(episode: Episode) -> dt.datetime:
    latest = episode.contacts.aggregate(latest=Max("occurred_at"))["latest"]
    return latest or episode.accepted_at


def no_contact_since(
    now: dt.datetime, user: User | None = None
) -> list[tuple[Episode, dt.datetime]]:
    """Open episodes (on the user's caseloads, or all) with no contact for their team's
    days, longest first. Chosen by the database: only those listed are read."""
    teams = list(Team.objects.all()) if user is None else memberships(user)
    return [(e, e.latest) for e in _out_of_contact(now, teams)]  # type: ignore[attr-defined]


def _out_of_contact(
    now: dt.datetime, teams: Sequence[Team], *, or_disengaged: bool = False
) -> list[Episode]:
    """Open episodes of these teams not yet marked disengaged with no contact for their
    team's days (and, ``or_disengaged``, those marked), each with its ``latest`` contact
    (or acceptance) and its team (one of these, not read again), longest without first."""
    # One condition for each number of days the teams use (most often one), by the
    # teams' ids.
    teams_by_days: dict[int, list[int]] = {}
    for team in teams:
        teams_by_days.setdefault(team.disengaged_after_days, []).append(team.pk)
    if not teams_by_days:
        return []
    chosen = Q(disengaged_at__isnull=True) & reduce(
        operator.or_,
        (
            Q(team_id__in=team_ids, latest__lte=now - dt.timedelta(days=days))
            for days, team_ids in teams_by_days.items()
        ),
    )
    if or_disengaged:
        every_team = [team_id for team_ids in teams_by_days.values() for team_id in team_ids]
        chosen |= Q(disengaged_at__isnull=False, team_id__in=every_team)
    episodes = (
        Episode.objects.open()
        # Each episode's latest contact by the (episode, time) index, rather than every
        # contact of every open episode joined and grouped with the person and team.
        .annotate(
            latest=Coalesce(
                Subquery(
                    Contact.objects.filter(episode=OuterRef("pk"))
                    .order_by("-occurred_at")
                    .values("occurred_at")[:1]
                ),
                "accepted_at",
            )
        )
        .filter(chosen)
        .order_by("latest", "pk")
    )
    # Their people read by id once the few episodes are known, rather than joined:
    # PostgreSQL's planner, by its default costs, read every person to join a few dozen
    # (issue 25).
    people = Person.objects.in_bulk({e.person_id for e in episodes})
    by_id = {team.pk: team for team in teams}
    for episode in episodes:
        episode.team = by_id[episode.team_id]
        episode.person = people[episode.person_id]
    return list(episodes)


@transaction.atomic
def mark_disengaged(now: dt.datetime | None = None) -> list[Episode]:
    """Mark episodes with no contact achieved for the team's configured days.

    Disengaged episodes stay open (a person is never discharged by a timer) and are
    listed on the worklist for the team to decide. Run by a timer (the command): audited
    as the service's scheduled work.
    """
    now = now or timezone.now()
    marked = []
    for episode, _latest in no_contact_since(now):
        episode.disengaged_at = now
        episode.save(update_fields=["disengaged_at"])
        marked.append(episode)
    audit.record_each(
        audit.scheduled_work(), AuditEvent.Action.CHANGED, marked, "disengaged: no contact"
    )
    return marked


def _with_teams(referrals: Iterable[Referral], teams: dict[int, Team]) -> list[Referral]:
    """The referrals, each given its team as read for the request rather than joined."""
    listed = list(referrals)
    for referral in listed:
        referral.team = teams[referral.team_id]
    return listed


@dataclass
class Worklist:
    unallocated: list[Referral]
    reviews_due: list[Appointment]
    no_recent_contact: list[tuple[Episode, dt.datetime]]
    disengaged: list[Episode]
    late_arrivals: list[Dispatch]


def worklist_for(user: User, now: dt.datetime | None = None) -> Worklist:
    """A shift's worklist for the user's teams."""
    now = now or timezone.now()
    end_of_today = timezone.localtime(now).replace(hour=23, minute=59, second=59)
    referred = Referral.objects.for_user(user)
    # Due today or overdue, and those the person did not come to, until a contact with
    # them is recorded after it (a missed appointment in crisis care is followed up, not
    # just noted), in one read.
    # "After" to the minute: forms give times in minutes, and an appointment may have
    # seconds (a trial's contact at the appointment's own minute did not count).
    contacted_since = Exists(
        Contact.objects.filter(
            episode=OuterRef("episode"),
            occurred_at__gte=OuterRef("starts_at") - dt.timedelta(minutes=1),
        )
    )
    reviews = (
        # The caseload's scope on the episode joined for its person, not a subquery of it
        # (the same appointments; PostgreSQL took longer to plan the subquery than to
        # run it: issue 25).
        Appointment.objects.filter(
            episode__closed_at__isnull=True, episode__team_id__in=team_ids(user)
        )
        .filter(
            Q(status=Appointment.Status.BOOKED, starts_at__lte=end_of_today)
            | Q(status=Appointment.Status.DID_NOT_ATTEND) & ~contacted_since
        )
        .select_related("episode__person", "staff")
        .order_by("starts_at")
    )
    teams = {team.pk: team for team in memberships(user)}
    # A shift looks back one day; older calls are in the evidence, not the worklist.
    dispatched = list(
        Dispatch.objects.filter(
            referral__team_id__in=teams, dispatched_at__gte=now - dt.timedelta(hours=24)
        ).select_related("referral__person")
    )
    _with_teams((d.referral for d in dispatched), teams)
    late = [d for d in dispatched if d.late(now)]
    # Those out of contact and those already marked disengaged in one read.
    out_of_contact = _out_of_contact(now, memberships(user), or_disengaged=True)
    return Worklist(
        unallocated=_with_teams(
            referred.unallocated().select_related("person").by_time_left(), teams
        ),
        reviews_due=list(reviews),
        no_recent_contact=[
            (e, e.latest)  # type: ignore[attr-defined]
            for e in out_of_contact
            if e.disengaged_at is None
        ],
        # The most recently accepted first, as a caseload is listed.
        disengaged=sorted(
            (e for e in out_of_contact if e.disengaged_at is not None),
            key=lambda e: e.accepted_at,
            reverse=True,
        ),
        late_arrivals=late,
    )
