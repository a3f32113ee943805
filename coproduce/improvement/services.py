"""The rules of an improvement project that every page and route keeps: who may see and
change it, how it is opened (never without a co-lead with lived experience), and how its
team changes (the last such co-lead cannot leave). Measures, the driver diagram, cycles
and telling the story back have their own modules; each calls ``may_change`` first and
``touch`` after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, Role, User
from coproduce.accounts.policy import Capability, can
from coproduce.accounts.submissions import once
from coproduce.care.models import Team
from coproduce.change.models import Action, Insight, PriorityRound
from coproduce.improvement.models import Project, ProjectRole, TeamMember
from coproduce.network.models import Member
from coproduce.voices.models import Voice

# Those who run the change loop may change any project (and are told when they do).
STEWARDS = frozenset({Role.LIVED_EXPERIENCE_LEAD})


def current_team(project: Project) -> QuerySet[TeamMember]:
    return project.team.filter(left_on__isnull=True).select_related("user", "member__user")


def on_team(user: User, project: Project) -> TeamMember | None:
    """The user's place on the project's team now, as staff or as a network member."""
    return (
        current_team(project).filter(Q(user=user) | Q(member__user=user)).order_by("role").first()
    )


def may_see(user: User, project: Project) -> bool:
    return can(user, Capability.VIEW_IMPROVEMENT)


def may_change(user: User, project: Project) -> bool:
    """Its team changes a project, staff and full-member network members alike (seed
    002: service users as full members); a lived experience lead may too. A closed
    project is kept as it was."""
    if not can(user, Capability.VIEW_IMPROVEMENT) or project.status != Project.Status.OPEN:
        return False
    if user.role in STEWARDS:
        return True
    place = on_team(user, project)
    return place is not None and (place.member is None or place.full_member)


def check_may_change(user: User, project: Project) -> None:
    if not may_change(user, project):
        if project.status != Project.Status.OPEN:
            raise PermissionDenied("This project is closed: it is kept as it was.")
        raise PermissionDenied("Only the project's team can change it.")


def touch(project: Project) -> None:
    """Something was recorded on the project: the portfolio's "last updated" moves."""
    Project.objects.filter(pk=project.pk).update(updated_at=timezone.now())


def lived_experience_co_leads(project: Project) -> list[TeamMember]:
    return [
        place
        for place in current_team(project).filter(role=ProjectRole.CO_LEAD)
        if place.lived_experience
    ]


@dataclass(frozen=True)
class Source:
    """Where a project starts: one of a voice, an insight, a priority (an insight ranked
    in a round) or an action; or none, with the reason."""

    voice: Voice | None = None
    insight: Insight | None = None
    priority_round: PriorityRound | None = None
    action: Action | None = None
    without_because: str = ""

    @property
    def started_from(self) -> Project.StartedFrom:
        if self.action is not None:
            return Project.StartedFrom.ACTION
        if self.priority_round is not None:
            return Project.StartedFrom.PRIORITY
        if self.insight is not None:
            return Project.StartedFrom.INSIGHT
        if self.voice is not None:
            return Project.StartedFrom.VOICE
        return Project.StartedFrom.NOTHING

    def voices(self) -> list[Voice]:
        """The voices behind it, to be told what changed."""
        if self.voice is not None:
            return [self.voice]
        insight = self.action.insight if self.action is not None else self.insight
        return list(insight.voices.all()) if insight is not None else []


@dataclass(frozen=True)
class Aim:
    what: str
    for_whom: str
    to: float
    unit: str
    by: dt.date
    from_: float | None = None


@once
@transaction.atomic
def open_project(
    user: User,
    *,
    title: str,
    problem: str,
    source: Source,
    aim: Aim,
    co_leads: Sequence[User | Member],
    teams: Iterable[Team] = (),
    services: Iterable[str] = (),
    submission: str = "",
) -> Project:
    """Open a project with its charter. Its co-leads must include a person with lived
    experience, a member of the network who is not staff (seed 002): it is refused
    without one, naming the field."""
    if not can(user, Capability.OPEN_PROJECTS):
        raise PermissionDenied("Only team leaders and lived experience leads open projects.")
    errors: dict[str, list[str]] = {}
    if not any(isinstance(lead, Member) and lead.kind != Member.Kind.STAFF for lead in co_leads):
        errors["co_leads"] = [
            "Choose at least one co-lead with lived experience (a member of the network who "
            "uses services, a carer or a peer): a project is led with them, not for them."
        ]
    if source.started_from == Project.StartedFrom.NOTHING and not source.without_because.strip():
        errors["started_without_because"] = [
            "Say why this project does not start from a voice, an insight, a priority or an action."
        ]
    if aim.by <= timezone.localdate():
        errors["aim_by"] = ["The aim's date must be in the future: by when will it be met?"]
    if errors:
        raise ValidationError(errors)
    project = Project.objects.create(
        title=title.strip(),
        problem=problem.strip(),
        started_from=source.started_from,
        voice=source.voice,
        insight=(
            source.insight
            if source.insight is not None
            else (source.action.insight if source.action is not None else None)
        ),
        priority_round=source.priority_round,
        action=source.action,
        started_without_because=source.without_because.strip(),
        aim_what=aim.what.strip(),
        aim_for_whom=aim.for_whom.strip(),
        aim_from=aim.from_,
        aim_to=aim.to,
        aim_unit=aim.unit.strip(),
        aim_by=aim.by,
        services=sorted(set(services)),
        created_by=user,
    )
    project.teams.set(teams)
    project.voices.set(source.voices())
    today = timezone.localdate()
    for lead in co_leads:
        TeamMember.objects.create(
            project=project,
            user=lead if isinstance(lead, User) else None,
            member=lead if isinstance(lead, Member) else None,
            role=ProjectRole.CO_LEAD,
            full_member=True,
            joined_on=today,
            added_by=user,
        )
    audit.record(user, AuditEvent.Action.CREATED, project, f"opened from {source.started_from}")
    return project


@transaction.atomic
def add_to_team(
    user: User,
    project: Project,
    person: User | Member,
    *,
    role: str,
    full_member: bool = True,
) -> TeamMember:
    check_may_change(user, project)
    same = Q(user=person) if isinstance(person, User) else Q(member=person)
    if current_team(project).filter(same).exists():
        raise ValidationError({"person": ["They are on the team already."]})
    added = TeamMember.objects.create(
        project=project,
        user=person if isinstance(person, User) else None,
        member=person if isinstance(person, Member) else None,
        role=role,
        full_member=full_member or isinstance(person, User),
        joined_on=timezone.localdate(),
        added_by=user,
    )
    audit.record(
        user, AuditEvent.Action.CHANGED, project, f"added team member {added.pk} as {role}"
    )
    touch(project)
    return added


@transaction.atomic
def leave_team(user: User, place: TeamMember, *, because: str) -> TeamMember:
    """Someone leaves the team, with why; the last co-lead with lived experience cannot
    (the project would then be led for people, not with them)."""
    project = Project.objects.select_for_update().get(pk=place.project_id)
    check_may_change(user, project)
    if not because.strip():
        raise ValidationError({"because": ["Say why they are leaving the team."]})
    if (
        place.role == ProjectRole.CO_LEAD
        and place.lived_experience
        and [lead.pk for lead in lived_experience_co_leads(project)] == [place.pk]
    ):
        raise ValidationError(
            {
                "person": [
                    "They are the project's only co-lead with lived experience. Add another "
                    "before they leave: a project is led with people who use services."
                ]
            }
        )
    place.left_on = timezone.localdate()
    place.left_because = because.strip()
    place.save(update_fields=["left_on", "left_because"])
    audit.record(user, AuditEvent.Action.CHANGED, project, f"team member {place.pk} left")
    touch(project)
    return place


def projects_for(user: User) -> QuerySet[Project]:
    """Every project the user may see: the portfolio."""
    if not can(user, Capability.VIEW_IMPROVEMENT):
        return Project.objects.none()
    return Project.objects.all()
