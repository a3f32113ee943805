"""The driver diagram and PDSA cycle pages: the team builds and tests, everyone who may
see projects reads, bad input is refused on its field with nothing lost (issue 23)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.improvement import cycles, diagram
from coproduce.improvement.models import ChangeIdea, Cycle, Driver, Measure, Project
from coproduce.improvement.tests.test_diagram import a_project, a_project_elsewhere
from coproduce.tooling.testing.factories import UserFactory, sent_once

pytestmark = pytest.mark.django_db


def day(offset: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=offset)).strftime("%d/%m/%Y")


@pytest.fixture
def project_and_fran(team: Any) -> tuple[Project, Any]:
    return a_project(team)


def test_the_team_builds_the_driver_diagram_in_the_page(
    client: Any, project_and_fran: tuple[Project, Any]
) -> None:
    project, fran = project_and_fran
    client.force_login(fran)
    here = f"/improvement/{project.pk}/drivers"

    empty = client.get(here)
    assert empty.status_code == 200
    assert "No drivers yet" in empty.content.decode()
    assert (
        client.post(here, {"form": "driver", "driver-text": "Who sees each person"}).status_code
        == 302
    )
    primary = Driver.objects.get(project=project)
    client.post(
        here, {"form": "driver", "driver-text": "The rota", "driver-parent": str(primary.pk)}
    )
    secondary = Driver.objects.get(parent=primary)
    response = client.post(
        here,
        {"form": "idea", "idea-text": "Name a lead practitioner", "idea-drivers": [secondary.pk]},
    )
    assert response.status_code == 302

    page = client.get(here).content.decode()
    assert 'role="img" aria-labelledby="driver-diagram-title driver-diagram-desc"' in page
    assert "1 primary driver, 1 secondary driver and 1 change idea" in page
    assert "<strong>Secondary driver:</strong> The rota" in page
    assert "<strong>Change idea:</strong> Name a lead practitioner" in page
    # Everything but the drawing is left off the printed page.
    assert page.index("coproduce-no-print", page.index("</svg>")) > page.index("</svg>")
    assert AuditEvent.objects.filter(
        actor=fran,
        action=AuditEvent.Action.VIEWED,
        record_id=str(project.pk),
        detail="driver diagram",
    ).exists()

    idea = ChangeIdea.objects.get(project=project)
    client.post(
        here,
        {
            "form": "change_idea",
            "change": f"idea-{idea.pk}",
            "change-text": "Lead practitioner model",
            "change-drivers": [primary.pk],
        },
    )
    idea.refresh_from_db()
    assert idea.text == "Lead practitioner model"
    assert list(idea.drivers.all()) == [primary]


def test_bad_input_on_the_diagram_names_the_field_and_keeps_what_was_typed(
    client: Any, project_and_fran: tuple[Project, Any]
) -> None:
    project, fran = project_and_fran
    client.force_login(fran)
    here = f"/improvement/{project.pk}/drivers"
    driver = diagram.add_driver(fran, project, text="Who sees each person")

    refused = client.post(here, {"form": "driver", "driver-text": "  "})
    assert refused.status_code == 400
    assert "Enter the driver" in refused.content.decode()
    refused = client.post(here, {"form": "idea", "idea-text": "Kept words", "idea-drivers": []})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'href="#id_idea-drivers"' in page
    assert "Select at least one driver the change idea moves" in page
    assert 'value="Kept words"' in page
    assert not ChangeIdea.objects.exists()

    idea = diagram.add_change_idea(fran, project, text="Lead practitioner", drivers=[driver])
    cycles.start_cycle(
        fran,
        idea,
        cycles.Plan(
            title="One team",
            objective="Try",
            prediction="Fewer",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
        ),
    )
    client.post(here, {"form": "remove_idea", "id": idea.pk})
    page = client.get(here).content.decode()
    assert "has 1 PDSA cycle, so it cannot be removed" in page
    assert ChangeIdea.objects.filter(pk=idea.pk).exists()
    client.post(here, {"form": "remove_driver", "id": driver.pk})
    assert "before removing this driver" in client.get(here).content.decode()
    assert Driver.objects.filter(pk=driver.pk).exists()


def test_others_read_the_diagram_and_cycles_but_only_the_team_changes_them(
    client: Any, project_and_fran: tuple[Project, Any], lead: Any, administrator: Any
) -> None:
    project, fran = project_and_fran
    driver = diagram.add_driver(fran, project, text="Who sees each person")
    idea = diagram.add_change_idea(fran, project, text="Lead practitioner", drivers=[driver])
    cycle = cycles.start_cycle(
        fran,
        idea,
        cycles.Plan(
            title="One team",
            objective="Try",
            prediction="Fewer",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
        ),
    )
    client.force_login(lead)
    page = client.get(f"/improvement/{project.pk}/drivers")
    assert page.status_code == 200
    assert "Add a driver" not in page.content.decode()
    assert (
        client.post(
            f"/improvement/{project.pk}/drivers", {"form": "driver", "driver-text": "Mine"}
        ).status_code
        == 403
    )
    assert client.get(f"/improvement/{project.pk}/cycles").status_code == 200
    shown = client.get(f"/improvement/{project.pk}/cycles/{cycle.pk}")
    assert shown.status_code == 200
    assert "Begin the test" not in shown.content.decode()
    assert (
        client.post(f"/improvement/{project.pk}/cycles/{cycle.pk}", {"form": "do"}).status_code
        == 403
    )
    assert client.get(f"/improvement/{project.pk}/cycles/new?idea={idea.pk}").status_code == 302
    assert Cycle.objects.get(pk=cycle.pk).stage == Cycle.Stage.PLAN
    # A cycle is reached only through its own project.
    _, other = a_project_elsewhere(fran)
    assert client.get(f"/improvement/{other.pk}/cycles/{cycle.pk}").status_code == 404
    client.force_login(administrator)
    assert client.get(f"/improvement/{project.pk}/drivers").status_code == 403


def test_a_member_of_the_network_on_the_team_tests_a_change_through_the_pages(
    client: Any, project_and_fran: tuple[Project, Any]
) -> None:
    """Viv, a full member of the team with lived experience, plans and runs two cycles."""
    project, fran = project_and_fran
    viv = project.team.get(member__name="Viv").member
    viv.user = UserFactory(username="viv", role=Role.NETWORK_MEMBER)
    viv.save()
    driver = diagram.add_driver(fran, project, text="Who sees each person")
    idea = diagram.add_change_idea(fran, project, text="Lead practitioner", drivers=[driver])
    measure = Measure.objects.create(
        project=project,
        kind=Measure.Kind.OUTCOME,
        name="Distinct staff per episode",
        source=Measure.Source.DISTINCT_STAFF,
        better="down",
        created_by=fran,
    )
    client.force_login(viv.user)
    new = f"/improvement/{project.pk}/cycles/new"
    form = client.get(f"{new}?idea={idea.pk}")
    assert form.status_code == 200
    plan = {
        "idea": idea.pk,
        "title": "One team",
        "objective": "Name a lead practitioner at each first visit",
        "prediction": "Distinct staff per episode falls from 8 to 6",
        "starts_on": day(-30),
        "ends_on": day(-31),
        "measures": [measure.pk],
    }
    refused = client.post(new, sent_once(plan))
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'href="#id_ends_on"' in page
    assert "The cycle must end on or after the day it starts" in page
    assert 'value="Name a lead practitioner at each first visit"' not in page  # a textarea
    assert "Name a lead practitioner at each first visit</textarea>" in page
    assert not Cycle.objects.exists()

    made = client.post(new, sent_once(plan | {"ends_on": day(-5)}))
    assert made.status_code == 302
    cycle = Cycle.objects.get()
    here = f"/improvement/{project.pk}/cycles/{cycle.pk}"
    assert made["Location"] == here
    owner = project.team.get(member=viv)
    refused = client.post(
        here,
        sent_once(
            {"form": "task", "task-text": "Brief", "task-owner": owner.pk, "task-due_on": day(60)}
        ),
    )
    assert refused.status_code == 400
    assert "A task of this cycle is due by the day it ends" in refused.content.decode()
    client.post(
        here,
        sent_once(
            {
                "form": "task",
                "task-text": "Brief the team",
                "task-owner": owner.pk,
                "task-due_on": day(-29),
            }
        ),
    )
    assert cycle.tasks.get().owner == owner
    client.post(here, {"form": "do"})
    refused = client.post(
        here,
        sent_once(
            {
                "form": "observe",
                "observe-kind": "happened",
                "observe-on": day(1),
                "observe-text": "Named",
            }
        ),
    )
    assert refused.status_code == 400
    assert "The date cannot be in the future" in refused.content.decode()
    client.post(
        here,
        sent_once(
            {
                "form": "observe",
                "observe-kind": "happened",
                "observe-on": day(-20),
                "observe-text": "Nine of ten named",
            }
        ),
    )
    client.post(here, {"form": "begin_study"})
    studying = client.get(here).content.decode()
    assert "<h3>Prediction</h3>" in studying
    assert "Distinct staff per episode</h3>" in studying
    # Never an empty chart: with no figures yet, words say why there is none.
    study_part = studying[studying.index("<h2>Study</h2>") :]
    assert "<svg" not in study_part
    assert re.search(r"Distinct staff per episode</h3>\s*<p>[^<]+</p>", study_part)
    client.post(here, {"form": "study", "study-result": "Fell to 6"})
    client.post(here, {"form": "act", "act-decision": "adapt", "act-because": "Try two teams"})
    cycle.refresh_from_db()
    assert (cycle.stage, cycle.decision, cycle.decided_by) == ("done", "adapt", viv.user)
    acted = client.get(here).content.decode()
    assert f"?follows={cycle.pk}" in acted

    following = client.get(f"{new}?follows={cycle.pk}").content.decode()
    assert "Its plan is copied below" in following
    assert re.search(r'value="One team"', following)
    assert f'value="{day(-4)}"' in following
    made = client.post(
        new,
        sent_once(
            plan
            | {"follows": cycle.pk, "title": "Two teams", "starts_on": day(-4), "ends_on": day(20)}
        ),
    )
    assert made.status_code == 302
    second = Cycle.objects.get(follows=cycle)
    assert second.title == "Two teams"
    assert list(second.measures.all()) == [measure]
    listed = client.get(f"/improvement/{project.pk}/cycles").content.decode()
    assert "One team" in listed
    assert "Two teams" in listed


def test_the_study_shows_each_linked_measures_chart_over_the_cycle(
    client: Any, project_and_fran: tuple[Project, Any]
) -> None:
    """The Study draws each linked measure's annotated chart to the cycle's end, with the
    prediction beside the result (issue 23's measures and charts draw it)."""
    from coproduce.improvement.models import CountedValue

    project, fran = project_and_fran
    driver = diagram.add_driver(fran, project, text="Who sees each person")
    idea = diagram.add_change_idea(fran, project, text="Lead practitioner", drivers=[driver])
    named = Measure.objects.create(
        project=project,
        kind=Measure.Kind.PROCESS,
        name="Lead practitioner named at the first visit",
        source=Measure.Source.COUNTED,
        period=Measure.Period.MONTH,
        better="up",
        unit="%",
        created_by=fran,
    )
    this_month = timezone.localdate().replace(day=1)
    months = []
    start = this_month
    for _ in range(24):
        start = (start - dt.timedelta(days=1)).replace(day=1)
        months.append(start)
    for number, month in enumerate(sorted(months)):
        CountedValue.objects.create(
            measure=named, period_start=month, value=40 + number % 5, entered_by=fran
        )
    cycle = cycles.start_cycle(
        fran,
        idea,
        cycles.Plan(
            title="One team",
            objective="Name a lead practitioner at each first visit",
            prediction="Most people have one named",
            starts_on=months[5],
            ends_on=months[2],
            measures=(named,),
        ),
    )
    cycles.begin_do(fran, cycle)
    cycles.observe(fran, cycle, kind="happened", on=months[4], text="Named for most")
    cycles.begin_study(fran, cycle)

    client.force_login(fran)
    page = client.get(f"/improvement/{project.pk}/cycles/{cycle.pk}").content.decode()
    study = page[page.index("<h2>Study</h2>") :]
    assert "<h3>Prediction</h3>" in study
    assert "<svg" in study
    assert f'id="measure-{named.pk}-to-{months[2].isoformat()}"' in study
    assert "One team" in study  # the cycle annotates its own chart


def test_drivers_move_up_and_down_among_their_own(
    client: Any, project_and_fran: tuple[Project, Any]
) -> None:
    project, fran = project_and_fran
    first = diagram.add_driver(fran, project, text="First driver")
    second = diagram.add_driver(fran, project, text="Second driver")
    under = diagram.add_driver(fran, project, text="Only secondary", parent=first)
    client.force_login(fran)
    here = f"/improvement/{project.pk}/drivers"
    page = client.get(here).content.decode()
    # Only the moves that can be made are offered.
    assert 'Move up<span class="nhsuk-u-visually-hidden"> “First driver”' not in page
    assert 'Move down<span class="nhsuk-u-visually-hidden"> “First driver”' in page
    assert 'Move down<span class="nhsuk-u-visually-hidden"> “Second driver”' not in page
    assert 'Move up<span class="nhsuk-u-visually-hidden"> “Only secondary”' not in page
    assert 'Move down<span class="nhsuk-u-visually-hidden"> “Only secondary”' not in page

    assert (
        client.post(here, {"form": "move_driver", "id": second.pk, "to": "up"}).status_code == 302
    )
    assert [b.driver for b in diagram.tree(project).primary] == [second, first]
    assert diagram.tree(project).primary[1].secondary[0].driver == under
    changed = client.get(f"{here}?change=driver-{under.pk}").content.decode()
    assert 'id="change-form"' in changed
    assert 'value="Only secondary"' in changed


def test_a_cycle_links_the_one_it_follows(
    client: Any, project_and_fran: tuple[Project, Any]
) -> None:
    project, fran = project_and_fran
    driver = diagram.add_driver(fran, project, text="Who sees each person")
    idea = diagram.add_change_idea(fran, project, text="Lead practitioner", drivers=[driver])
    today = timezone.localdate()
    first = cycles.start_cycle(
        fran,
        idea,
        cycles.Plan(
            title="One team & more",
            objective="Try",
            prediction="Fewer",
            starts_on=today - dt.timedelta(days=9),
            ends_on=today - dt.timedelta(days=5),
        ),
    )
    cycles.begin_do(fran, first)
    cycles.observe(fran, first, kind="happened", on=today, text="Done")
    cycles.begin_study(fran, first)
    cycles.study(fran, first, result="As predicted")
    cycles.act(fran, first, decision="adopt", because="It worked")
    second = cycles.start_cycle(
        fran,
        idea,
        cycles.Plan(
            title="Two teams",
            objective="Spread",
            prediction="Fewer",
            starts_on=today - dt.timedelta(days=4),
            ends_on=today,
        ),
        follows=first,
    )
    client.force_login(fran)
    page = client.get(f"/improvement/{project.pk}/cycles/{second.pk}").content.decode()
    assert f'<a href="/improvement/{project.pk}/cycles/{first.pk}">One team &amp; more</a>' in page
