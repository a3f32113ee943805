"""Operations on crisis care records.

A person's record is reached only through ``open_person_record`` (scoped to the user's
teams' caseloads and written to the audit trail); changes go through verb-named
functions that run in one transaction and audit who made them.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.care.models import Contact, Episode, Person


def caseload_for(user: User) -> list[Episode]:
    """Open episodes on the user's teams, by family name.

    The list shows names and NHS numbers, so reading it is audited too: one event per
    team whose caseload was shown.
    """
    episodes = list(
        Episode.objects.open()
        .for_user(user)
        .select_related("person", "team", "lead_practitioner")
        .order_by("person__family_name", "person__given_name")
    )
    for team in user.teams.all():
        audit.record(user, AuditEvent.Action.VIEWED, team, "caseload list")
    return episodes


def open_person_record(user: User, person_id: int) -> Person:
    """The person, if they are on a caseload of one of the user's teams; audited either way.

    A person who exists but is not on the user's caseloads is refused as not found
    (so the response does not confirm they are known to the service), and the refusal
    is itself audited.
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
    if not Episode.objects.for_user(user).filter(person=person).exists():
        audit.record(user, AuditEvent.Action.REFUSED, person, "not on the user's caseloads")
        raise Http404("No such person on your caseloads.")
    audit.record(user, AuditEvent.Action.VIEWED, person)
    return person


def episode_for(user: User, episode_id: int) -> Episode:
    """An episode on one of the user's teams' caseloads; the read is audited."""
    try:
        episode = Episode.objects.for_user(user).select_related("person", "team").get(pk=episode_id)
    except Episode.DoesNotExist:
        raise Http404("No such episode on your caseloads.") from None
    audit.record(user, AuditEvent.Action.VIEWED, episode)
    return episode


def contacts_for(person: Person) -> list[Contact]:
    return list(
        Contact.objects.filter(episode__person=person)
        .select_related("staff", "episode__team")
        .order_by("-occurred_at")
    )


@transaction.atomic
def record_contact(
    user: User,
    episode: Episode,
    *,
    occurred_at: dt.datetime,
    mode: str,
    persons_words: str,
    crisis_plan_reviewed: bool,
    involved_and_informed: str,
    shared_understanding: str,
    time_and_tone: str,
    feelings_validated: str,
    next_steps: str,
) -> Contact:
    contact = Contact.objects.create(
        episode=episode,
        staff=user,
        occurred_at=occurred_at,
        mode=mode,
        persons_words=persons_words,
        crisis_plan_reviewed=crisis_plan_reviewed,
        involved_and_informed=involved_and_informed,
        shared_understanding=shared_understanding,
        time_and_tone=time_and_tone,
        feelings_validated=feelings_validated,
        next_steps=next_steps,
    )
    audit.record(user, AuditEvent.Action.CREATED, contact, f"episode {episode.pk}")
    return contact
