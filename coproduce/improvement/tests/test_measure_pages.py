"""The measures pages: the list and adding a measure, one measure's annotated chart, the
team's figures, limits and notes; bad input refused on its field with nothing saved;
only the team changes them; every read and write audited."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.improvement import services
from coproduce.improvement.models import (
    Annotation,
    ChangeIdea,
    CountedValue,
    Cycle,
    Measure,
    Project,
    Recalculation,
)
from coproduce.improvement.tests.test_measures import counted, fran, months_back, project
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import UserFactory, sent_once

pytestmark = pytest.mark.django_db
__all__ = ["fran", "project"]  # fixtures shared with the services' tests


def adding(**changes: Any) -> dict[str, Any]:
    return sent_once(
        {
            "name": "Distinct staff per episode",
            "kind": "outcome",
            "source": "distinct_staff",
            "period": "month",
            "better": "down",
            "unit": "",
            "target": "4",
            "baseline_until": "",
            "definition": "Different staff who had a contact with the person in the episode.",
        }
        | changes
    )


def test_the_team_adds_a_measure_and_it_is_audited(
    client: Any, fran: Any, project: Project
) -> None:
    client.force_login(fran)

    response = client.post(f"/improvement/{project.pk}/measures", adding())

    measure = Measure.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/improvement/{project.pk}/measures/{measure.pk}"
    assert (measure.source, measure.target, measure.unit, measure.created_by) == (
        "distinct_staff",
        Decimal("4.00"),
        "staff",  # the evidence figure's unit, as none was given
        fran,
    )
    assert AuditEvent.objects.filter(
        actor=fran, action=AuditEvent.Action.CREATED, record_id=str(measure.pk)
    ).exists()
    listed = client.get(f"/improvement/{project.pk}/measures").content.decode()
    assert "Distinct staff per episode" in listed


def test_a_share_target_is_entered_as_a_percentage(
    client: Any, fran: Any, project: Project
) -> None:
    client.force_login(fran)

    client.post(
        f"/improvement/{project.pk}/measures",
        adding(name="Disengaged", source="disengagement", target="15", better="down"),
    )

    assert Measure.objects.get().target == Decimal("0.15")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the measure's name"),
        (
            {"source": "distinct_staff", "period": "week"},
            "period",
            "the evidence engine's figures are monthly",
        ),
        ({"target": "lots"}, "target", "Enter the target as a number, like 4 or 2.5"),
        (
            {"baseline_until": "end of March"},
            "baseline_until",
            "Enter the day the baseline ends as day/month/year",
        ),
        ({"baseline_until": "31/02/2026"}, "baseline_until", "February 2026 has 28 days"),
        ({"source": "experience", "target": "120"}, "target", "give a target from 0 to 100"),
    ],
)
def test_a_bad_measure_is_refused_on_its_field_keeping_what_was_typed(
    client: Any, fran: Any, project: Project, changes: dict[str, str], field: str, message: str
) -> None:
    client.force_login(fran)

    response = client.post(f"/improvement/{project.pk}/measures", adding(**changes))

    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert message.lower() in page.lower()
    assert (
        f'id="id_{field}-error"' in page
        or f'id="id_{field}--error"' in page
        or f"#id_{field}" in page
    )
    assert "Different staff who had a contact with the person in the episode." in page
    assert not Measure.objects.exists()


def test_someone_not_on_the_team_sees_the_measures_but_cannot_change_them(
    client: Any, project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [40, 42])
    outsider = UserFactory(role=Role.PRACTITIONER)
    client.force_login(outsider)

    assert client.get(f"/improvement/{project.pk}/measures").status_code == 200
    page = html.unescape(
        client.get(f"/improvement/{project.pk}/measures/{measure.pk}").content.decode()
    )
    assert "Save the figure" not in page
    assert "Only the project's team changes its measures" in page
    base = f"/improvement/{project.pk}/measures/{measure.pk}"
    refused = [
        client.post(f"/improvement/{project.pk}/measures", adding()),
        client.post(f"{base}/figures", {"period": "1/2026", "value": "50"}),
        client.post(f"{base}/limits", {"limits-starts": "1/1/2026", "limits-reason": "A change"}),
        client.post(f"{base}/edit", adding()),
    ]
    assert [r.status_code for r in refused] == [403] * 4
    assert Measure.objects.count() == 1
    assert CountedValue.objects.count() == 2
    assert not Recalculation.objects.exists()


def test_a_network_member_on_the_team_changes_them(
    client: Any, project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [40, 42])
    viv = services.lived_experience_co_leads(project)[0].member
    assert viv is not None
    viv.user = UserFactory(role=Role.NETWORK_MEMBER)
    viv.save()
    client.force_login(viv.user)
    month = months_back(1)[0]

    response = client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/figures",
        {"period": f"{month.month}/{month.year}", "value": "55"},
    )

    assert response.status_code == 302, response.content.decode()
    current = CountedValue.objects.get(measure=measure, period_start=month, replaced_by=None)
    assert current.value == Decimal("55")
    assert current.entered_by == viv.user


def test_a_second_figure_for_a_month_replaces_the_first_and_keeps_it(
    client: Any, project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [40, 42])
    month = months_back(1)[0]
    client.force_login(fran)

    client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/figures",
        {"period": f"{month.month}/{month.year}", "value": "48", "note": "Recounted"},
    )

    rows = CountedValue.objects.filter(measure=measure, period_start=month)
    assert sorted((r.value, r.replaced_by is None) for r in rows) == [
        (Decimal("42"), False),
        (Decimal("48"), True),
    ]
    page = client.get(f"/improvement/{project.pk}/measures/{measure.pk}").content.decode()
    assert "Figures replaced" in page
    assert "Recounted" in page


@pytest.mark.parametrize(
    ("period", "value", "field", "message"),
    [
        ("next", "40", "period", "has not begun"),
        ("13/2026", "40", "period", "Enter the month as month/year"),
        # A mistyped year (found by the fresh-eyes trial: 1/1900 stretched the chart).
        ("1/1900", "40", "period", "more than 5 years ago: check the year"),
        ("", "40", "period", "Enter the period"),
        ("last", "", "value", "Enter the figure"),
        ("last", "a lot", "value", "Enter the figure as a number, like 12 or 2.5"),
        ("last", "140", "value", "give a figure from 0 to 100"),
    ],
)
def test_a_bad_figure_is_refused_on_its_field(
    client: Any, project: Project, fran: Any, period: str, value: str, field: str, message: str
) -> None:
    measure = counted(project, fran, [40])
    month = {"next": _next_month(), "last": months_back(1)[0]}.get(period)
    typed = f"{month.month}/{month.year}" if month else period
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/figures",
        {"period": typed, "value": value},
    )

    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert message.lower() in page.lower()
    assert f"id_{field}" in page
    assert CountedValue.objects.count() == 1


def _next_month() -> dt.date:
    today = timezone.localdate().replace(day=1)
    return (today + dt.timedelta(days=32)).replace(day=1)


def test_limits_start_afresh_where_the_team_chose_and_nowhere_else(
    client: Any, project: Project, fran: Any
) -> None:
    # Twelve months: six around 40, then six around 70 after the change.
    measure = counted(project, fran, [40, 42, 39, 41, 40, 43, 70, 72, 69, 71, 70, 73])
    change = months_back(6)[0]
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/limits",
        {"limits-starts": change.strftime("%d/%m/%Y"), "limits-reason": "Lead practitioner named"},
    )

    assert response.status_code == 302
    page = client.get(f"/improvement/{project.pk}/measures/{measure.pk}").content.decode()
    assert f"Limits recalculated from {change:%B %Y}: Lead practitioner named" in page


def test_a_recalculation_too_near_another_is_refused(
    client: Any, project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [40, 42, 39, 41, 40, 43, 70, 72, 69, 71, 70, 73])
    first, near = months_back(6)[0], months_back(4)[0]
    Recalculation.objects.create(measure=measure, starts=first, reason="Change", set_by=fran)
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/limits",
        {"limits-starts": near.strftime("%d/%m/%Y"), "limits-reason": "Another"},
    )

    assert response.status_code == 400
    assert (
        "limits need at least 5 months between one start and the next" in response.content.decode()
    )
    assert Recalculation.objects.count() == 1


def test_a_note_goes_on_the_chart_and_comes_off_it(
    client: Any, project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [40, 42, 39, 41, 40, 43])
    day = months_back(2)[0] + dt.timedelta(days=9)
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/notes",
        sent_once(
            {
                "note-on": day.strftime("%d/%m/%Y"),
                "note-text": "Training delivered",
                "note-measure": "all",
            }
        ),
    )

    assert response.status_code == 302, html.unescape(response.content.decode())
    note = Annotation.objects.get()
    assert (note.measure, note.text) == (None, "Training delivered")
    page = client.get(f"/improvement/{project.pk}/measures/{measure.pk}").content.decode()
    assert f"{day.day} {day:%B %Y}: Training delivered" in page
    client.post(f"/improvement/{project.pk}/measures/{measure.pk}/notes/{note.pk}/remove")
    assert not Annotation.objects.exists()


def test_a_note_in_the_future_is_refused(client: Any, project: Project, fran: Any) -> None:
    measure = counted(project, fran, [40])
    client.force_login(fran)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/notes",
        sent_once(
            {
                "note-on": tomorrow.strftime("%d/%m/%Y"),
                "note-text": "Go live",
                "note-measure": "all",
            }
        ),
    )

    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "cannot be in the future" in page
    assert "Go live" in page
    assert not Annotation.objects.exists()


def test_reading_a_measure_is_audited(client: Any, project: Project, fran: Any) -> None:
    measure = counted(project, fran, [40])
    client.force_login(fran)

    client.get(f"/improvement/{project.pk}/measures/{measure.pk}")

    assert AuditEvent.objects.filter(
        actor=fran,
        action=AuditEvent.Action.VIEWED,
        record_type="improvement.project",
        record_id=str(project.pk),
        detail=f"measure {measure.pk}",
    ).exists()


def test_a_cycle_studying_a_measure_is_drawn_on_its_chart(
    client: Any, project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [40, 42, 39, 41, 40, 43, 55, 60])
    idea = ChangeIdea.objects.create(project=project, text="Lead practitioner model")
    cycle = Cycle.objects.create(
        change_idea=idea,
        title="One team",
        objective="Try it in one team",
        prediction="Fewer staff per person",
        starts_on=months_back(2)[0],
        ends_on=months_back(2)[0] + dt.timedelta(days=27),
        created_by=fran,
    )
    cycle.measures.add(measure)
    client.force_login(fran)

    page = client.get(f"/improvement/{project.pk}/measures/{measure.pk}").content.decode()

    assert "PDSA cycle “One team”" in page
    assert "<title>1: PDSA cycle “One team”" in page
    assert Member.objects.exists()


def test_adding_a_measure_posted_twice_adds_it_once(
    client: Any, fran: Any, project: Project
) -> None:
    client.force_login(fran)
    data = adding()

    first = client.post(f"/improvement/{project.pk}/measures", data)
    second = client.post(f"/improvement/{project.pk}/measures", data)

    assert first["Location"] == second["Location"]
    assert Measure.objects.count() == 1


def test_the_team_changes_a_measure_but_not_where_counted_figures_come_from(
    client: Any, fran: Any, project: Project
) -> None:
    measure = counted(project, fran, [40, 42])
    client.force_login(fran)
    edit = f"/improvement/{project.pk}/measures/{measure.pk}/edit"
    kept = {
        "name": "Named at first appointment",
        "kind": "process",
        "source": "counted",
        "period": "month",
        "better": "up",
        "unit": "%",
        "target": "90",
    }

    assert client.get(edit).status_code == 200
    moved = client.post(edit, kept | {"source": "distinct_staff"})
    changed = client.post(edit, kept)

    assert moved.status_code == 400
    assert "where its figures come from cannot change" in html.unescape(moved.content.decode())
    assert changed.status_code == 302
    measure.refresh_from_db()
    assert (measure.name, measure.source, measure.target) == (
        "Named at first appointment",
        "counted",
        Decimal("90.00"),
    )
    assert CountedValue.objects.filter(measure=measure).count() == 2


def test_removing_a_recalculation_is_audited_and_the_limits_run_on(
    client: Any, fran: Any, project: Project
) -> None:
    measure = counted(project, fran, [40, 42, 39, 41, 40, 43, 70, 72, 69, 71, 70, 73])
    made = Recalculation.objects.create(
        measure=measure, starts=months_back(6)[0], reason="Named", set_by=fran
    )
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/measures/{measure.pk}/limits/{made.pk}/remove"
    )

    assert response.status_code == 302
    assert not Recalculation.objects.exists()
    assert AuditEvent.objects.filter(
        actor=fran, record_id=str(measure.pk), detail__startswith="removed limits from"
    ).exists()
