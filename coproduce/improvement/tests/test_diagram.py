"""The driver diagram: aim → primary → secondary drivers → change ideas, edited by the
team, drawn and written out (issue 23)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.improvement import cycles, diagram, services
from coproduce.improvement.models import ChangeIdea, Driver, Project
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import UserFactory, VoiceFactory

pytestmark = pytest.mark.django_db


def a_project(team: Any) -> tuple[Project, Any]:
    fran = UserFactory(username="fran", first_name="Fran", role=Role.TEAM_LEADER)
    team.staff.add(fran)
    viv = Member.objects.create(
        name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=dt.date(2026, 1, 5)
    )
    project = services.open_project(
        fran,
        title="Lead practitioner model",
        problem="I was seen by too many different people.",
        source=services.Source(voice=VoiceFactory()),
        aim=services.Aim(
            what="Fewer different staff see each person",
            for_whom="people on the home treatment team's caseload",
            from_=8,
            to=4,
            unit="distinct staff per episode",
            by=timezone.localdate() + dt.timedelta(days=300),
        ),
        co_leads=[fran, viv],
    )
    return project, fran


@pytest.fixture
def project_and_fran(team: Any) -> tuple[Project, Any]:
    return a_project(team)


def test_the_team_builds_the_diagram_and_it_reads_aim_to_change_ideas(
    project_and_fran: tuple[Project, Any],
) -> None:
    project, fran = project_and_fran
    staffing = diagram.add_driver(fran, project, text="  Who sees each person  ")
    rota = diagram.add_driver(fran, project, text="The rota", parent=staffing)
    handover = diagram.add_driver(fran, project, text="Handovers", parent=staffing)
    training = diagram.add_driver(fran, project, text="Staff know the model")
    idea = diagram.add_change_idea(
        fran, project, text="Name a lead practitioner at the first visit", drivers=[rota, handover]
    )

    tree = diagram.tree(project)

    assert tree.aim == (
        "Fewer different staff see each person, for people on the home treatment team's "
        f"caseload: distinct staff per episode from 8 to 4 by {project.aim_by:%-d %B %Y}."
    )
    assert [b.driver.text for b in tree.primary] == ["Who sees each person", "Staff know the model"]
    assert [b.driver for b in tree.primary[0].secondary] == [rota, handover]
    assert tree.primary[0].secondary[1].ideas == [idea]
    assert tree.primary[1].secondary == []
    assert training.primary
    drawn = diagram.layout(tree)
    assert {box.key for box in drawn.boxes} == {
        "aim",
        f"driver-{staffing.pk}",
        f"driver-{rota.pk}",
        f"driver-{handover.pk}",
        f"driver-{training.pk}",
        f"idea-{idea.pk}",
    }
    # Aim to two primaries, a primary to its two secondaries, an idea to its two drivers.
    assert len(drawn.links) == 6
    boxes = {box.key: box for box in drawn.boxes}
    # No box overlaps another in its column.
    for column in range(4):
        stacked = sorted((b for b in drawn.boxes if b.column == column), key=lambda b: b.y)
        for above, below in itertools.pairwise(stacked):
            assert above.y + above.height <= below.y
    # A primary driver sits beside its secondary drivers.
    middle = boxes[f"driver-{staffing.pk}"].middle
    assert boxes[f"driver-{rota.pk}"].middle < middle < boxes[f"driver-{handover.pk}"].middle
    assert "2 primary drivers, 2 secondary drivers and 1 change idea" in diagram.description(tree)
    assert AuditEvent.objects.filter(
        record_type="improvement.changeidea", action=AuditEvent.Action.CREATED
    ).exists()


def test_reordering_renaming_and_removing(project_and_fran: tuple[Project, Any]) -> None:
    project, fran = project_and_fran
    first = diagram.add_driver(fran, project, text="First")
    second = diagram.add_driver(fran, project, text="Second")

    assert diagram.move_driver(fran, second, up=True)
    assert [d.text for d in Driver.objects.filter(project=project, parent=None)] == [
        "Second",
        "First",
    ]
    assert not diagram.move_driver(fran, Driver.objects.get(pk=second.pk), up=True)
    diagram.rename_driver(fran, first, text="The first")
    assert Driver.objects.get(pk=first.pk).text == "The first"
    with pytest.raises(ValidationError) as refused:
        diagram.rename_driver(fran, first, text="   ")
    assert refused.value.message_dict == {"text": ["Enter the driver"]}
    assert Driver.objects.get(pk=first.pk).text == "The first"

    idea = diagram.add_change_idea(fran, project, text="Try it", drivers=[first])
    with pytest.raises(ValidationError) as refused:
        diagram.remove_driver(fran, first)
    assert "“Try it”" in refused.value.message_dict["driver"][0]
    diagram.change_idea(fran, idea, text="Try it", drivers=[second])
    diagram.remove_driver(fran, first)
    assert not Driver.objects.filter(pk=first.pk).exists()
    diagram.remove_change_idea(fran, idea)
    assert not ChangeIdea.objects.filter(pk=idea.pk).exists()


def test_a_change_idea_needs_text_and_a_driver_and_one_with_cycles_stays(
    project_and_fran: tuple[Project, Any],
) -> None:
    project, fran = project_and_fran
    driver = diagram.add_driver(fran, project, text="Who sees each person")
    with pytest.raises(ValidationError) as refused:
        diagram.add_change_idea(fran, project, text="", drivers=[])
    assert set(refused.value.message_dict) == {"text", "drivers"}

    idea = diagram.add_change_idea(fran, project, text="Lead practitioner", drivers=[driver])
    today = timezone.localdate()
    cycles.start_cycle(
        fran,
        idea,
        cycles.Plan(
            title="One team",
            objective="Try it",
            prediction="Fewer staff",
            starts_on=today,
            ends_on=today + dt.timedelta(days=30),
        ),
    )
    with pytest.raises(ValidationError) as refused:
        diagram.remove_change_idea(fran, idea)
    assert "has 1 PDSA cycle, so it cannot be removed" in refused.value.messages[0]
    assert ChangeIdea.objects.filter(pk=idea.pk).exists()


def test_only_the_team_changes_the_diagram(
    project_and_fran: tuple[Project, Any], lead: Any
) -> None:
    project, fran = project_and_fran
    driver = diagram.add_driver(fran, project, text="Who sees each person")
    with pytest.raises(PermissionDenied):
        diagram.add_driver(lead, project, text="Mine")
    with pytest.raises(PermissionDenied):
        diagram.remove_driver(lead, driver)
    other, _ = a_project_elsewhere(fran)
    with pytest.raises(ValidationError) as refused:
        diagram.add_driver(fran, project, text="Under another", parent=other)
    assert "parent" in refused.value.message_dict


def a_project_elsewhere(fran: Any) -> tuple[Driver, Project]:
    viv = Member.objects.create(
        name="Ade", kind=Member.Kind.SERVICE_USER, joined_on=dt.date(2026, 1, 5)
    )
    project = services.open_project(
        fran,
        title="Another",
        problem="Another concern",
        source=services.Source(without_because="A national audit"),
        aim=services.Aim(
            what="x", for_whom="y", to=1, unit="z", by=timezone.localdate() + dt.timedelta(days=9)
        ),
        co_leads=[fran, viv],
    )
    return diagram.add_driver(fran, project, text="Theirs"), project
