"""PDSA cycles: Plan, Do, Study, Act, only forward, chained (seed 002: one team, then
two, then all); dates out of order refused naming the field (issue 23)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.improvement import cycles, diagram, services
from coproduce.improvement.models import ChangeIdea, Cycle, Measure, Project, Task
from coproduce.improvement.tests.test_diagram import a_project

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def idea_and_fran(team: Any) -> tuple[ChangeIdea, Any]:
    project, fran = a_project(team)
    driver = diagram.add_driver(fran, project, text="Who sees each person")
    idea = diagram.add_change_idea(fran, project, text="Lead practitioner", drivers=[driver])
    return idea, fran


def a_measure(project: Project, user: Any) -> Measure:
    return Measure.objects.create(
        project=project,
        kind=Measure.Kind.OUTCOME,
        name="Distinct staff per episode",
        source=Measure.Source.DISTINCT_STAFF,
        better="down",
        created_by=user,
    )


def plan(**changes: Any) -> cycles.Plan:
    fields: dict[str, Any] = {
        "title": "One team",
        "objective": "Name a lead practitioner at each first visit in one team",
        "prediction": "Distinct staff per episode falls from 8 to 6",
        "starts_on": TODAY - dt.timedelta(days=20),
        "ends_on": TODAY + dt.timedelta(days=40),
    } | changes
    return cycles.Plan(**fields)


def test_a_cycle_goes_plan_do_study_act_and_keeps_when(idea_and_fran: Any) -> None:
    idea, fran = idea_and_fran
    measure = a_measure(idea.project, fran)
    cycle = cycles.start_cycle(fran, idea, plan(measures=(measure,)))
    owner = idea.project.team.get(user=fran)
    task = cycles.add_task(
        fran, cycle, text="Brief the team", owner=owner, due_on=TODAY - dt.timedelta(days=25)
    )
    assert list(cycle.measures.all()) == [measure]

    cycles.begin_do(fran, cycle)
    cycles.observe(fran, cycle, kind="happened", on=TODAY, text="Nine of ten named")
    cycles.complete_task(fran, task)
    cycles.begin_study(fran, cycle)
    cycles.study(fran, cycle, result="Fell to 6, as predicted")
    cycles.act(fran, cycle, decision="adapt", because="Worked; try two teams")

    cycle.refresh_from_db()
    assert cycle.stage == Cycle.Stage.DONE
    assert [name for name, _ in cycles.dates(cycle)] == [
        "Planned",
        "Do began",
        "Study began",
        "Studied",
        "Acted on",
    ]
    assert Task.objects.get(pk=task.pk).done_on == TODAY
    assert cycle.decided_by == fran
    # Audited without the words typed.
    details = set(
        AuditEvent.objects.filter(record_type="improvement.cycle").values_list("detail", flat=True)
    )
    assert "acted on: adapt" in details
    assert not any("Worked" in d for d in details)


def test_stages_move_only_forward(idea_and_fran: Any) -> None:
    idea, fran = idea_and_fran
    cycle = cycles.start_cycle(fran, idea, plan())
    with pytest.raises(ValidationError) as refused:
        cycles.study(fran, cycle, result="Too soon")
    assert "moves only forward" in refused.value.message_dict["stage"][0]
    cycles.begin_do(fran, cycle)
    with pytest.raises(ValidationError):
        cycles.begin_do(fran, cycle)
    with pytest.raises(ValidationError) as refused:
        cycles.begin_study(fran, cycle)
    assert "Record at least what happened" in refused.value.messages[0]
    with pytest.raises(ValidationError) as refused:
        cycles.change_plan(fran, cycle, plan(title="Changed"))
    assert Cycle.objects.get(pk=cycle.pk).title == "One team"


def test_dates_out_of_order_are_refused_naming_the_field(idea_and_fran: Any) -> None:
    idea, fran = idea_and_fran
    with pytest.raises(ValidationError) as refused:
        cycles.start_cycle(
            fran, idea, plan(starts_on=TODAY, ends_on=TODAY - dt.timedelta(days=1), prediction="")
        )
    assert set(refused.value.message_dict) == {"ends_on", "prediction"}
    with pytest.raises(ValidationError) as refused:
        cycles.start_cycle(fran, idea, plan(starts_on=TODAY, ends_on=TODAY + dt.timedelta(400)))
    assert "within a year" in refused.value.message_dict["ends_on"][0]
    assert not Cycle.objects.exists()

    cycle = cycles.start_cycle(fran, idea, plan())
    owner = idea.project.team.get(user=fran)
    for due in [cycle.ends_on + dt.timedelta(days=1), cycle.starts_on - dt.timedelta(days=100)]:
        with pytest.raises(ValidationError) as refused:
            cycles.add_task(fran, cycle, text="Too late or early", owner=owner, due_on=due)
        assert set(refused.value.message_dict) == {"due_on"}
    cycles.begin_do(fran, cycle)
    for on in [TODAY + dt.timedelta(days=1), cycle.starts_on - dt.timedelta(days=1)]:
        with pytest.raises(ValidationError) as refused:
            cycles.observe(fran, cycle, kind="problem", on=on, text="Rota gaps")
        assert set(refused.value.message_dict) == {"on"}
    assert not cycle.observations.exists()
    assert not cycle.tasks.exists()


def test_a_task_owner_is_on_the_team(idea_and_fran: Any, lead: Any) -> None:
    idea, fran = idea_and_fran
    cycle = cycles.start_cycle(fran, idea, plan())
    place = services.add_to_team(fran, idea.project, lead, role="team_member")
    services.leave_team(fran, place, because="Moved team")
    with pytest.raises(ValidationError) as refused:
        cycles.add_task(fran, cycle, text="Audit", owner=place, due_on=TODAY)
    assert set(refused.value.message_dict) == {"owner"}
    assert {p.pk for p in cycles.task_owners(idea.project)} == {
        p.pk for p in idea.project.team.filter(left_on=None)
    }
    assert place.pk not in {p.pk for p in cycles.task_owners(idea.project)}


def test_cycles_chain_one_team_then_two_then_all(idea_and_fran: Any) -> None:
    idea, fran = idea_and_fran
    first = cycles.start_cycle(
        fran,
        idea,
        plan(starts_on=TODAY - dt.timedelta(days=60), ends_on=TODAY - dt.timedelta(days=31)),
    )
    with pytest.raises(ValidationError) as refused:
        cycles.start_cycle(fran, idea, plan(title="Two teams"), follows=first)
    assert "has not been acted on yet" in refused.value.message_dict["follows"][0]
    run_through(fran, first, "adapt")

    copied = cycles.next_plan(first)
    assert copied["starts_on"] == first.ends_on + dt.timedelta(days=1)
    assert copied["objective"] == first.objective
    with pytest.raises(ValidationError) as refused:
        cycles.start_cycle(
            fran,
            idea,
            plan(title="Two teams", starts_on=first.starts_on - dt.timedelta(days=1)),
            follows=first,
        )
    assert set(refused.value.message_dict) == {"starts_on"}
    second = cycles.start_cycle(
        fran,
        idea,
        plan(title="Two teams", starts_on=copied["starts_on"], ends_on=copied["ends_on"]),
        follows=first,
    )
    with pytest.raises(ValidationError) as refused:
        cycles.start_cycle(fran, idea, plan(title="Again"), follows=first)
    assert "already follows" in refused.value.message_dict["follows"][0]
    run_through(fran, second, "abandon")
    with pytest.raises(ValidationError) as refused:
        cycles.start_cycle(fran, idea, plan(title="After"), follows=second)
    assert "was abandoned" in refused.value.message_dict["follows"][0]
    assert cycles.chain(second) == [first, second]
    assert cycles.chain(first) == [first, second]


def run_through(user: Any, cycle: Cycle, decision: str) -> None:
    cycles.begin_do(user, cycle)
    cycles.observe(user, cycle, kind="happened", on=TODAY, text="Done")
    cycles.begin_study(user, cycle)
    cycles.study(user, cycle, result="As predicted")
    cycles.act(user, cycle, decision=decision, because="Because")


def test_act_needs_a_decision_and_why(idea_and_fran: Any) -> None:
    idea, fran = idea_and_fran
    cycle = cycles.start_cycle(fran, idea, plan())
    cycles.begin_do(fran, cycle)
    cycles.observe(fran, cycle, kind="happened", on=TODAY, text="Done")
    cycles.begin_study(fran, cycle)
    with pytest.raises(ValidationError) as refused:
        cycles.study(fran, cycle, result=" ")
    assert set(refused.value.message_dict) == {"result"}
    cycles.study(fran, cycle, result="As predicted")
    with pytest.raises(ValidationError) as refused:
        cycles.act(fran, cycle, decision="keep", because="")
    assert set(refused.value.message_dict) == {"decision", "because"}
    assert Cycle.objects.get(pk=cycle.pk).stage == Cycle.Stage.ACT


def test_only_the_team_works_on_cycles_and_closed_projects_stay(
    idea_and_fran: Any, lead: Any
) -> None:
    idea, fran = idea_and_fran
    with pytest.raises(PermissionDenied):
        cycles.start_cycle(lead, idea, plan())
    cycle = cycles.start_cycle(fran, idea, plan())
    with pytest.raises(PermissionDenied):
        cycles.begin_do(lead, cycle)
    Project.objects.filter(pk=idea.project_id).update(
        status=Project.Status.ENDED, closed_at=timezone.now()
    )
    cycle = Cycle.objects.get(pk=cycle.pk)
    with pytest.raises(PermissionDenied):
        cycles.begin_do(fran, cycle)


def test_study_says_when_there_is_no_data_yet(idea_and_fran: Any) -> None:
    idea, fran = idea_and_fran
    measure = a_measure(idea.project, fran)
    later = cycles.start_cycle(
        fran,
        idea,
        plan(
            starts_on=TODAY + dt.timedelta(days=10),
            ends_on=TODAY + dt.timedelta(days=40),
            measures=(measure,),
        ),
    )
    (shown,) = cycles.study_charts(later)
    assert shown.chart is None
    assert shown.words.startswith("No data yet: the cycle starts on")


@dataclass
class Figure:
    """A chart's point as the measures' series gives it: its period's first day, and its
    figure (None when hidden as a small number)."""

    starts: dt.date
    value: float | None


def test_a_chart_with_no_figure_since_the_cycle_began_is_said_so() -> None:
    began = dt.date(2026, 5, 14)
    before = [Figure(dt.date(2026, 3, 1), 7.5), Figure(dt.date(2026, 4, 1), 8.0)]

    assert not cycles._points_since(before, began)
    assert not cycles._points_since([*before, Figure(dt.date(2026, 5, 1), None)], began)
    assert cycles._points_since([*before, Figure(dt.date(2026, 5, 1), 6.0)], began)
    # Weekly: the week of the 11th (a Monday) holds the 14th; the week before does not.
    assert cycles._points_since([Figure(dt.date(2026, 5, 11), 3.0)], began, weekly=True)
    assert not cycles._points_since([Figure(dt.date(2026, 5, 4), 3.0)], began, weekly=True)
