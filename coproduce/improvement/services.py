"""The rules of an improvement project that every page and route keeps: who may see and
change it, how it is opened (never without a co-lead with lived experience), and how its
team changes (the last such co-lead cannot leave). Measures, the driver diagram, cycles
and telling the story back have their own modules; each calls ``may_change`` first and
``touch`` after."""

from __future__ import annotations

import datetime as dt
import decimal
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
from coproduce.improvement.models import (
    ProgressScore,
    Project,
    ProjectMeeting,
    ProjectRole,
    TeamMember,
    TimeSpent,
)
from coproduce.network.models import Meeting, Member, PaymentClaim
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


def _partner_system(user: User) -> bool:
    """An NHS 111 or police system's account (firstresponse.LinePartner): it passes calls
    to the line and reads nothing else of the service's."""
    return User.objects.filter(pk=user.pk, line_partner__isnull=False).exists()


def may_see(user: User, project: Project) -> bool:
    return can(user, Capability.VIEW_IMPROVEMENT) and not _partner_system(user)


def may_change(user: User, project: Project) -> bool:
    """Its team changes a project, staff and full-member network members alike (seed
    002: service users as full members); a lived experience lead may too. A closed
    project is kept as it was."""
    if not may_see(user, project) or project.status != Project.Status.OPEN:
        return False
    if user.role in STEWARDS:
        return True
    place = on_team(user, project)
    return place is not None and (place.member is None or place.full_member)


class NotForYouToChange(PermissionDenied):
    """Why a project cannot be changed, in words the refused page shows as they are."""

    said_to_people = True


def check_may_change(user: User, project: Project) -> None:
    if not may_change(user, project):
        if project.status != Project.Status.OPEN:
            raise NotForYouToChange(
                "This project is closed, so it is kept as it was: nothing in it can be changed."
            )
        raise NotForYouToChange(
            "Only the project's team changes it. Ask one of its co-leads to add you to the team."
        )


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


def co_lead_problem(co_leads: Sequence[User | Member]) -> str:
    """Why these co-leads cannot open a project, or nothing: one of them must be a person
    with lived experience, a member of the network who is not staff (seed 002)."""
    if any(isinstance(lead, Member) and lead.kind != Member.Kind.STAFF for lead in co_leads):
        return ""
    return (
        "Choose at least one co-lead with lived experience (a member of the network who "
        "uses services, a carer or a peer): a project is led with them, not for them."
    )


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
    if problem_with_co_leads := co_lead_problem(co_leads):
        errors["co_leads"] = [problem_with_co_leads]
    if source.started_from == Project.StartedFrom.NOTHING and not source.without_because.strip():
        errors["started_without_because"] = [
            "Say why this project does not start from a voice, an insight, a priority or an action."
        ]
    errors.update(_check_aim(aim))
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


@once
@transaction.atomic
def add_to_team(
    user: User,
    project: Project,
    person: User | Member,
    *,
    role: str,
    full_member: bool = True,
    submission: str = "",
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
    if not can(user, Capability.VIEW_IMPROVEMENT) or _partner_system(user):
        return Project.objects.none()
    return Project.objects.all()


# The charter: its words, its aim, its scope ------------------------------------------


def aim_sentence(project: Project) -> str:
    """The SMART aim in one sentence, as the portfolio and the project page say it:
    "Distinct staff per episode from 8 to 4 by 31 March 2027, for people on the caseload"."""
    numbers = (
        f"from {plain_number(project.aim_from)} to {plain_number(project.aim_to)}"
        if project.aim_from is not None
        else f"to {plain_number(project.aim_to)}"
    )
    return (
        f"{project.aim_what}: {project.aim_unit} {numbers} by "
        f"{project.aim_by.day} {project.aim_by:%B %Y}, for {project.aim_for_whom}."
    )


def plain_number(value: object) -> str:
    text = f"{value}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def scope_words(project: Project) -> str:
    """Where the project works: its teams and whole services, or the whole trust."""
    names = [team.name for team in project.teams.all()]
    kinds = dict(Team.Kind.choices)
    names += [f"every {kinds.get(kind, kind).lower()}" for kind in project.services]
    return ", ".join(names) if names else "The whole trust"


def _check_aim(aim: Aim, *, was: Project | None = None) -> dict[str, list[str]]:
    """An aim says how much (a number to reach, different from where it starts) and by
    when (a day still ahead; an unchanged date of an older project may stay)."""
    errors: dict[str, list[str]] = {}
    if aim.from_ is not None and float(aim.from_) == float(aim.to):
        errors["aim_to"] = [
            "The number the aim reaches must differ from where it starts: say how much will change."
        ]
    unchanged = was is not None and was.aim_by == aim.by
    if not unchanged and aim.by <= timezone.localdate():
        errors["aim_by"] = ["The aim's date must be in the future: by when will it be met?"]
    return errors


@transaction.atomic
def edit_charter(
    user: User,
    project: Project,
    *,
    title: str,
    problem: str,
    aim: Aim,
    teams: Iterable[Team] = (),
    services: Iterable[str] = (),
) -> Project:
    """Change the charter's words, aim and scope. Where it started and who leads it are
    kept (the team page changes the team)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    check_may_change(user, project)
    errors = _check_aim(aim, was=project)
    if errors:
        raise ValidationError(errors)
    project.title = title.strip()
    project.problem = problem.strip()
    project.aim_what = aim.what.strip()
    project.aim_for_whom = aim.for_whom.strip()
    project.aim_from = None if aim.from_ is None else decimal.Decimal(str(aim.from_))
    project.aim_to = decimal.Decimal(str(aim.to))
    project.aim_unit = aim.unit.strip()
    project.aim_by = aim.by
    project.services = sorted(set(services))
    project.save()
    project.teams.set(teams)
    audit.record(user, AuditEvent.Action.CHANGED, project, "charter changed")
    return project


# The team ----------------------------------------------------------------------------


@transaction.atomic
def change_role(user: User, place: TeamMember, *, role: str, full_member: bool) -> TeamMember:
    """A team member's role changes; the last co-lead with lived experience stays a
    co-lead (and a full member) until another joins, as ``leave_team`` keeps them."""
    project = Project.objects.select_for_update().get(pk=place.project_id)
    check_may_change(user, project)
    place = TeamMember.objects.select_related("user", "member").get(pk=place.pk)
    if place.left_on is not None:
        raise ValidationError({"role": ["They have left the team."]})
    only_lead = (
        place.role == ProjectRole.CO_LEAD
        and place.lived_experience
        and [lead.pk for lead in lived_experience_co_leads(project)] == [place.pk]
    )
    if only_lead and role != ProjectRole.CO_LEAD:
        raise ValidationError(
            {
                "role": [
                    "They are the project's only co-lead with lived experience, so they stay a "
                    "co-lead until another joins: a project is led with people who use services."
                ]
            }
        )
    if role == ProjectRole.CO_LEAD and place.member is not None and not full_member:
        raise ValidationError(
            {"full_member": ["A co-lead is a full member of the team: they decide with it."]}
        )
    place.role = role
    place.full_member = full_member or place.member is None
    place.save(update_fields=["role", "full_member"])
    audit.record(user, AuditEvent.Action.CHANGED, project, f"team member {place.pk} now {role}")
    touch(project)
    return place


# Progress: the IHI's 0.5-5 scale -----------------------------------------------------

# What each score means, in plain words, after the Institute for Healthcare Improvement's
# assessment scale as Life QI shows it. The team chooses; the page shows every definition.
SCORE_MEANS: dict[str, str] = {
    ProgressScore.Score.INTENT: "The project is named and people intend to take part. No team "
    "or charter yet.",
    ProgressScore.Score.FORMED: "The team is formed, with its co-leads. The aim, the people it is "
    "for and the measures are agreed; the baseline is being gathered.",
    ProgressScore.Score.PLANNING: "The team has planned the work: what will be done, by whom and "
    "when. Change ideas are on the driver diagram.",
    ProgressScore.Score.ACTIVITY: "The first PDSA cycles have begun, to learn what works. No "
    "change tested yet.",
    ProgressScore.Score.TESTED: "Changes are being tested in PDSA cycles, but the measures show "
    "no improvement yet.",
    ProgressScore.Score.MODEST: "Tests are done and some changes are being made part of the "
    "work. The process measures show some improvement.",
    ProgressScore.Score.IMPROVEMENT: "Changes are spreading and the outcome measures show "
    "improvement: about half of the aim is met.",
    ProgressScore.Score.SIGNIFICANT: "Most changes are in place and the outcome measures show "
    "lasting improvement: most of the aim is met.",
    ProgressScore.Score.SUSTAINABLE: "The aim is met and has held for at least three months, "
    "with plans to spread the change.",
    ProgressScore.Score.OUTSTANDING: "Every change is in place, the aim is met and held, and the "
    "change has spread beyond the team.",
}


def latest_score(project: Project) -> ProgressScore | None:
    return project.scores.first()


@once
@transaction.atomic
def set_score(
    user: User, project: Project, *, score: str, note: str, submission: str = ""
) -> ProgressScore:
    """The team sets its score with a note saying why; earlier scores stay as history."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    check_may_change(user, project)
    errors: dict[str, list[str]] = {}
    if score not in ProgressScore.Score.values:
        errors["score"] = ["Select a score from the scale."]
    if not note.strip():
        errors["note"] = ["Say why the project stands at this score."]
    if errors:
        raise ValidationError(errors)
    scored = ProgressScore.objects.create(
        project=project, score=score, note=note.strip(), set_by=user
    )
    audit.record(user, AuditEvent.Action.CHANGED, project, f"progress score {score}")
    touch(project)
    return scored


# Time for co-production: staff hours and members' paid involvement --------------------


def staff_places(project: Project) -> QuerySet[TeamMember]:
    """The team's staff, present and past, whose hours are recorded (members' involvement
    is paid through the network's claims instead)."""
    return (
        project.team.filter(Q(member__isnull=True) | Q(member__kind=Member.Kind.STAFF))
        .select_related("user", "member__user")
        .order_by("left_on", "pk")
    )


@once
@transaction.atomic
def record_time(
    user: User,
    project: Project,
    *,
    person: TeamMember,
    on: dt.date,
    hours: decimal.Decimal,
    what: str,
    submission: str = "",
) -> TimeSpent:
    project = Project.objects.select_for_update().get(pk=project.pk)
    check_may_change(user, project)
    errors: dict[str, list[str]] = {}
    if person.project_id != project.pk or person.lived_experience:
        errors["person"] = ["Select a member of staff on the project's team."]
    if on > timezone.localdate():
        errors["on"] = ["The day the time was given cannot be in the future."]
    elif on < project.created_at.date() - dt.timedelta(days=366):
        errors["on"] = ["The day is more than a year before the project was opened."]
    if not decimal.Decimal("0") < hours <= decimal.Decimal("24"):
        errors["hours"] = ["Hours must be more than 0 and no more than 24 in a day."]
    if not what.strip():
        errors["what"] = ["Say what the time was spent on."]
    if errors:
        raise ValidationError(errors)
    spent = TimeSpent.objects.create(
        project=project, person=person, on=on, hours=hours, what=what.strip(), entered_by=user
    )
    audit.record(user, AuditEvent.Action.CHANGED, project, f"{hours} staff hours recorded")
    touch(project)
    return spent


@once
@transaction.atomic
def link_meeting(
    user: User, project: Project, meeting: Meeting, *, submission: str = ""
) -> ProjectMeeting:
    """A network meeting held for the project: its members' approved claims count
    towards the project's cost. A meeting counts for one project only."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    check_may_change(user, project)
    linked = ProjectMeeting.objects.filter(meeting=meeting).select_related("project").first()
    if linked is not None:
        where = "this project" if linked.project_id == project.pk else "another project"
        raise ValidationError({"meeting": [f"That meeting is linked to {where} already."]})
    made = ProjectMeeting.objects.create(project=project, meeting=meeting, linked_by=user)
    audit.record(user, AuditEvent.Action.CHANGED, project, f"meeting {meeting.pk} linked")
    touch(project)
    return made


@dataclass(frozen=True)
class MeetingCost:
    meeting: Meeting
    members_attended: int
    member_hours: decimal.Decimal
    paid: decimal.Decimal  # approved claims: payments and expenses
    waiting: int  # claims not decided yet


@dataclass(frozen=True)
class Cost:
    """What the project has really cost in time and money (seed 002's lesson: dedicated
    time): staff hours, members' hours at its meetings, and what members were paid."""

    staff_hours: decimal.Decimal
    by_person: list[tuple[TeamMember, decimal.Decimal]]
    meetings: list[MeetingCost]

    @property
    def member_hours(self) -> decimal.Decimal:
        return sum((m.member_hours for m in self.meetings), decimal.Decimal("0"))

    @property
    def paid(self) -> decimal.Decimal:
        return sum((m.paid for m in self.meetings), decimal.Decimal("0"))

    @property
    def waiting(self) -> int:
        return sum(m.waiting for m in self.meetings)


def project_cost(project: Project) -> Cost:
    hours: dict[int, decimal.Decimal] = {}
    for spent in project.time_spent.all():
        hours[spent.person_id] = hours.get(spent.person_id, decimal.Decimal("0")) + spent.hours
    places = {place.pk: place for place in project.team.select_related("user", "member")}
    meetings = []
    for linked in project.meetings.select_related("meeting").order_by("-meeting__starts_at"):
        meeting = linked.meeting
        attended = (
            meeting.attendance.filter(attended=True).exclude(member__kind=Member.Kind.STAFF).count()
        )
        approved = meeting.claims.filter(status=PaymentClaim.Status.APPROVED)
        meetings.append(
            MeetingCost(
                meeting=meeting,
                members_attended=attended,
                member_hours=meeting.hours * attended,
                paid=sum((c.total for c in approved), decimal.Decimal("0")),
                waiting=meeting.claims.filter(
                    status__in=[PaymentClaim.Status.SUBMITTED, PaymentClaim.Status.NEEDS_CHECK]
                ).count(),
            )
        )
    return Cost(
        staff_hours=sum(hours.values(), decimal.Decimal("0")),
        by_person=[(places[pk], total) for pk, total in hours.items()],
        meetings=meetings,
    )


# The portfolio -----------------------------------------------------------------------


def in_scope_of(
    projects: QuerySet[Project], *, team: Team | None, service: str
) -> QuerySet[Project]:
    """Projects working where a team or a service is: those naming it (the team, or its
    kind of service) and those across the whole trust. Scopes are read in Python: a list
    in a JSON field is searched differently by each database."""
    if team is None and not service:
        return projects
    kept = []
    for project in projects.prefetch_related("teams"):
        teams = list(project.teams.all())
        whole_trust = not teams and not project.services
        by_team = team is None or (whole_trust or team in teams or team.kind in project.services)
        by_service = not service or (
            whole_trust or service in project.services or any(t.kind == service for t in teams)
        )
        if by_team and by_service:
            kept.append(project.pk)
    return projects.filter(pk__in=kept)
