"""Plan-Do-Study-Act cycles on a project's change ideas (issue 23; seed 002's lead
practitioner model, tested with one team, then two, then all).

A cycle moves only forward: Plan (objective, questions, prediction, who, where, when,
tasks, the measures that will tell) → Do (dated observations) → Study (the result in
words beside the prediction, and the linked measures' charts over the cycle) → Act
(adopt, adapt or abandon, and why) → acted on. Adapting or adopting offers the next
cycle, its plan copied from this one to change. Each stage keeps when it began.

Every write is the team's (``services.check_may_change``), audited without free text,
and moves the project's "last updated". Dates out of order are refused naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.improvement import measures
from coproduce.improvement.models import (
    ChangeIdea,
    Cycle,
    Measure,
    Observation,
    Project,
    Task,
    TeamMember,
)
from coproduce.improvement.services import check_may_change, current_team, touch

# A PDSA cycle is a small, quick test: a year is the longest that still makes sense.
LONGEST_CYCLE = dt.timedelta(days=366)
# Tasks prepare the test or carry it out: due from a quarter before it starts to its end.
TASKS_FROM = dt.timedelta(days=92)

Stage = Cycle.Stage
Decision = Cycle.Decision


@dataclass(frozen=True)
class Plan:
    """A cycle's Plan: what it will test, what the team expects, who, where and when,
    and which of the project's measures will tell."""

    title: str
    objective: str
    prediction: str
    starts_on: dt.date
    ends_on: dt.date
    questions: str = ""
    who: str = ""
    where: str = ""
    measures: tuple[Measure, ...] = field(default_factory=tuple)


def _check_plan(project: Project, plan: Plan, follows: Cycle | None) -> None:
    errors: dict[str, list[str]] = {}
    for name, what in [
        ("title", "Enter a title for the cycle"),
        ("objective", "Enter the cycle's objective: what it will test"),
        ("prediction", "Enter the prediction: what the team expects to happen"),
    ]:
        if not getattr(plan, name).strip():
            errors[name] = [what]
    if plan.ends_on < plan.starts_on:
        errors["ends_on"] = [
            f"The cycle must end on or after the day it starts ({plan.starts_on:%-d %B %Y})"
        ]
    elif plan.ends_on - plan.starts_on > LONGEST_CYCLE:
        errors["ends_on"] = [
            "A PDSA cycle is a small test: end it within a year of its start, and follow "
            "it with another cycle"
        ]
    if follows is not None and plan.starts_on < follows.starts_on:
        errors["starts_on"] = [
            f"This cycle follows “{follows.title}”, which started on "
            f"{follows.starts_on:%-d %B %Y}: it cannot start before then"
        ]
    if any(m.project_id != project.pk for m in plan.measures):
        errors["measures"] = ["Select measures of this project"]
    if errors:
        raise ValidationError(errors)


def _plan_fields(plan: Plan) -> dict[str, Any]:
    return {
        "title": plan.title.strip(),
        "objective": plan.objective.strip(),
        "questions": plan.questions.strip(),
        "prediction": plan.prediction.strip(),
        "who": plan.who.strip(),
        "where": plan.where.strip(),
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
    }


@once
@transaction.atomic
def start_cycle(
    user: User,
    idea: ChangeIdea,
    plan: Plan,
    *,
    follows: Cycle | None = None,
    submission: str = "",
) -> Cycle:
    """Plan a cycle testing a change idea, on its own or following an acted cycle of the
    same idea that was adapted or adopted."""
    project = idea.project
    check_may_change(user, project)
    if follows is not None:
        follows = Cycle.objects.select_for_update().get(pk=follows.pk)
        refusal = next_cycle_refusal(follows)
        if follows.change_idea_id != idea.pk:
            refusal = "A cycle follows one of the same change idea"
        if refusal:
            raise ValidationError({"follows": [refusal]})
    _check_plan(project, plan, follows)
    cycle = Cycle.objects.create(
        change_idea=idea, follows=follows, created_by=user, **_plan_fields(plan)
    )
    cycle.measures.set(plan.measures)
    audit.record(
        user,
        AuditEvent.Action.CREATED,
        cycle,
        f"cycle planned{f' after cycle {follows.pk}' if follows else ''}",
    )
    touch(project)
    return cycle


def project_of(cycle: Cycle) -> Project:
    return cycle.change_idea.project


@transaction.atomic
def change_plan(user: User, cycle: Cycle, plan: Plan) -> Cycle:
    """Change the plan while the cycle is still being planned."""
    project = project_of(cycle)
    check_may_change(user, project)
    Cycle.objects.select_for_update().filter(pk=cycle.pk).first()
    cycle.refresh_from_db()
    if cycle.stage != Stage.PLAN:
        raise ValidationError(
            {"stage": ["The test has begun, so its plan stays as it was: record what happened"]}
        )
    _check_plan(project, plan, cycle.follows)
    for name, value in _plan_fields(plan).items():
        setattr(cycle, name, value)
    cycle.save()
    cycle.measures.set(plan.measures)
    audit.record(user, AuditEvent.Action.CHANGED, cycle, "plan changed")
    touch(project)
    return cycle


def next_plan(cycle: Cycle) -> dict[str, Any]:
    """The plan of the cycle to follow this one, copied to be adapted: it starts the day
    after this one ends and lasts as long."""
    length = cycle.ends_on - cycle.starts_on
    starts = cycle.ends_on + dt.timedelta(days=1)
    return {
        "title": cycle.title,
        "objective": cycle.objective,
        "questions": cycle.questions,
        "prediction": cycle.prediction,
        "who": cycle.who,
        "where": cycle.where,
        "starts_on": starts,
        "ends_on": starts + length,
        "measures": list(cycle.measures.all()),
    }


def next_cycle_refusal(cycle: Cycle) -> str:
    """Why no cycle can follow this one yet ("" when one can)."""
    if cycle.stage != Stage.DONE:
        return f"“{cycle.title}” has not been acted on yet: decide what to do after it first"
    if cycle.decision == Decision.ABANDON:
        return (
            f"“{cycle.title}” was abandoned, so no cycle follows it: start a new cycle on "
            "the change idea instead"
        )
    if Cycle.objects.filter(follows=cycle).exists():
        return f"A cycle already follows “{cycle.title}”"
    return ""


# Tasks --------------------------------------------------------------------------------


def task_owners(project: Project) -> list[TeamMember]:
    return list(current_team(project))


def _check_due(cycle: Cycle, due_on: dt.date) -> None:
    earliest = cycle.starts_on - TASKS_FROM
    if due_on > cycle.ends_on:
        raise ValidationError(
            {
                "due_on": [
                    f"A task of this cycle is due by the day it ends ({cycle.ends_on:%-d %B %Y})"
                ]
            }
        )
    if due_on < earliest:
        raise ValidationError(
            {
                "due_on": [
                    f"A task of this cycle is due no earlier than {earliest:%-d %B %Y}, "
                    "three months before it starts"
                ]
            }
        )


@once
@transaction.atomic
def add_task(
    user: User,
    cycle: Cycle,
    *,
    text: str,
    owner: TeamMember,
    due_on: dt.date,
    submission: str = "",
) -> Task:
    project = project_of(cycle)
    check_may_change(user, project)
    cycle.refresh_from_db(fields=["stage"])
    errors: dict[str, list[str]] = {}
    if not text.strip():
        errors["text"] = ["Enter the task"]
    if owner.project_id != project.pk or owner.left_on is not None:
        errors["owner"] = ["Select someone on the project's team"]
    try:
        _check_due(cycle, due_on)
    except ValidationError as error:
        errors.update(error.message_dict)
    if cycle.stage == Stage.DONE:
        errors["text"] = ["This cycle has been acted on: add tasks to the next cycle"]
    if errors:
        raise ValidationError(errors)
    task = Task.objects.create(cycle=cycle, text=text.strip(), owner=owner, due_on=due_on)
    audit.record(user, AuditEvent.Action.CREATED, task, "task added")
    touch(project)
    return task


@transaction.atomic
def complete_task(user: User, task: Task, *, done_on: dt.date | None = None) -> Task:
    project = project_of(task.cycle)
    check_may_change(user, project)
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": ["A task cannot be done in the future"]})
    task.done_on = done_on
    task.save(update_fields=["done_on"])
    audit.record(user, AuditEvent.Action.CHANGED, task, "task done")
    touch(project)
    return task


# Moving forward ----------------------------------------------------------------------


def _forward(cycle: Cycle, came_from: str, to: str) -> Cycle:
    """Lock the cycle and bring ``cycle`` up to date; refused unless it is at ``came_from``."""
    Cycle.objects.select_for_update().filter(pk=cycle.pk).first()
    cycle.refresh_from_db()
    locked = cycle
    if locked.stage != came_from:
        raise ValidationError(
            {
                "stage": [
                    f"The cycle is at {locked.get_stage_display()}: it moves only forward, "
                    f"from {Stage(came_from).label} to {Stage(to).label}"
                ]
            }
        )
    return locked


@transaction.atomic
def begin_do(user: User, cycle: Cycle) -> Cycle:
    """The test begins: its plan is kept as it was."""
    project = project_of(cycle)
    check_may_change(user, project)
    cycle = _forward(cycle, Stage.PLAN, Stage.DO)
    cycle.stage = Stage.DO
    cycle.do_started_at = timezone.now()
    cycle.save(update_fields=["stage", "do_started_at"])
    audit.record(user, AuditEvent.Action.CHANGED, cycle, "do begun")
    touch(project)
    return cycle


@once
@transaction.atomic
def observe(
    user: User,
    cycle: Cycle,
    *,
    kind: str,
    on: dt.date,
    text: str,
    submission: str = "",
) -> Observation:
    """Record, dated, what happened, a problem met or something noticed while doing."""
    project = project_of(cycle)
    check_may_change(user, project)
    cycle.refresh_from_db(fields=["stage"])
    errors: dict[str, list[str]] = {}
    if cycle.stage not in {Stage.DO, Stage.STUDY}:
        errors["stage"] = ["Begin the test (Do) before recording what happened"]
    if kind not in Observation.Kind.values:
        errors["kind"] = ["Select what you are recording"]
    if not text.strip():
        errors["text"] = ["Enter what happened, the problem or the observation"]
    if on > timezone.localdate():
        errors["on"] = ["The date cannot be in the future"]
    elif on < cycle.starts_on:
        errors["on"] = [f"The cycle started on {cycle.starts_on:%-d %B %Y}: enter a date from then"]
    if errors:
        raise ValidationError(errors)
    observation = Observation.objects.create(
        cycle=cycle, kind=kind, on=on, text=text.strip(), recorded_by=user
    )
    audit.record(user, AuditEvent.Action.CREATED, observation, f"{kind} recorded")
    touch(project)
    return observation


@transaction.atomic
def begin_study(user: User, cycle: Cycle) -> Cycle:
    """Study what happened: needs at least one observation from Do."""
    project = project_of(cycle)
    check_may_change(user, project)
    cycle = _forward(cycle, Stage.DO, Stage.STUDY)
    if not cycle.observations.exists():
        raise ValidationError(
            {"stage": ["Record at least what happened in the test before studying it"]}
        )
    cycle.stage = Stage.STUDY
    cycle.study_started_at = timezone.now()
    cycle.save(update_fields=["stage", "study_started_at"])
    audit.record(user, AuditEvent.Action.CHANGED, cycle, "study begun")
    touch(project)
    return cycle


@transaction.atomic
def study(user: User, cycle: Cycle, *, result: str) -> Cycle:
    """The result in words, beside the prediction; the cycle is then ready to act on."""
    project = project_of(cycle)
    check_may_change(user, project)
    cycle = _forward(cycle, Stage.STUDY, Stage.ACT)
    if not result.strip():
        raise ValidationError(
            {
                "result": [
                    "Enter the result: what the data and the team found, beside the prediction"
                ]
            }
        )
    cycle.result = result.strip()
    cycle.studied_at = timezone.now()
    cycle.stage = Stage.ACT
    cycle.save(update_fields=["result", "studied_at", "stage"])
    audit.record(user, AuditEvent.Action.CHANGED, cycle, "studied")
    touch(project)
    return cycle


@transaction.atomic
def act(user: User, cycle: Cycle, *, decision: str, because: str) -> Cycle:
    """Adopt, adapt or abandon the change, and why. Adopting or adapting offers the next
    cycle (``next_plan``); adopting is a change the project may tell back."""
    project = project_of(cycle)
    check_may_change(user, project)
    cycle = _forward(cycle, Stage.ACT, Stage.DONE)
    errors: dict[str, list[str]] = {}
    if decision not in Decision.values:
        errors["decision"] = ["Select adopt, adapt or abandon"]
    if not because.strip():
        errors["because"] = ["Say why: what in the result led to this decision"]
    if errors:
        raise ValidationError(errors)
    cycle.decision = decision
    cycle.decided_because = because.strip()
    cycle.decided_at = timezone.now()
    cycle.decided_by = user
    cycle.stage = Stage.DONE
    cycle.save(update_fields=["decision", "decided_because", "decided_at", "decided_by", "stage"])
    audit.record(user, AuditEvent.Action.CHANGED, cycle, f"acted on: {decision}")
    touch(project)
    return cycle


# Reading ------------------------------------------------------------------------------


def cycles_of(project: Project) -> list[Cycle]:
    return list(
        Cycle.objects.filter(change_idea__project=project)
        .select_related("change_idea", "follows")
        .order_by("change_idea__position", "change_idea", "starts_on", "pk")
    )


def chain(cycle: Cycle) -> list[Cycle]:
    """The cycles this one follows and those that follow it, first to last."""
    first = cycle
    seen = {cycle.pk}
    while first.follows is not None and first.follows_id not in seen:
        first = first.follows
        seen.add(first.pk)
    chained = [first]
    while (after := Cycle.objects.filter(follows=chained[-1]).first()) is not None:
        if after.pk in {c.pk for c in chained}:
            break
        chained.append(after)
    return chained


def dates(cycle: Cycle) -> list[tuple[str, dt.date | dt.datetime]]:
    """When the cycle passed each stage, as it keeps them."""
    kept: list[tuple[str, dt.date | dt.datetime | None]] = [
        ("Planned", cycle.created_at),
        ("Do began", cycle.do_started_at),
        ("Study began", cycle.study_started_at),
        ("Studied", cycle.studied_at),
        ("Acted on", cycle.decided_at),
    ]
    return [(name, when) for name, when in kept if when is not None]


@dataclass
class StudyChart:
    """One linked measure over the cycle: the chart (helper C's ``MeasureChart``), or
    words saying why there is none yet. Never an empty chart."""

    measure: Measure
    chart: Any = None
    words: str = ""


def _measure_chart(measure: Measure, until: dt.date) -> Any:
    return measures.measure_chart(measure, until=until)


def study_charts(cycle: Cycle, *, today: dt.date | None = None) -> list[StudyChart]:
    today = today or timezone.localdate()
    shown = []
    for measure in cycle.measures.all():
        if cycle.starts_on > today:
            shown.append(
                StudyChart(
                    measure,
                    words=f"No data yet: the cycle starts on {cycle.starts_on:%-d %B %Y}.",
                )
            )
            continue
        chart = _measure_chart(measure, min(cycle.ends_on, today))
        if chart is None:
            shown.append(StudyChart(measure, words="The measure's chart cannot be drawn yet."))
            continue
        not_drawn = getattr(chart, "not_drawn", "")
        points = getattr(getattr(chart, "series", None), "points", None)
        if not_drawn:
            shown.append(StudyChart(measure, words=not_drawn))
        elif points is not None and not _points_since(
            points, cycle.starts_on, weekly=measure.period == Measure.Period.WEEK
        ):
            shown.append(
                StudyChart(
                    measure,
                    chart=chart,
                    words=(
                        f"No data yet since the cycle began on {cycle.starts_on:%-d %B %Y}: "
                        "the chart shows the time before it."
                    ),
                )
            )
        else:
            shown.append(StudyChart(measure, chart=chart))
    return shown


def _points_since(points: Iterable[Any], since: dt.date, *, weekly: bool = False) -> bool:
    """Whether any point with a figure (not hidden) is for a period that ends on or after
    ``since``: a point has its period's first day (a Monday, or the 1st) as ``starts``."""
    first = since - dt.timedelta(days=6) if weekly else since.replace(day=1)
    for point in points:
        starts = getattr(point, "starts", None)
        if getattr(point, "value", None) is None or not isinstance(starts, dt.date):
            continue
        if starts >= first:
            return True
    return False
