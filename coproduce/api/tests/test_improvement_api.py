"""Improvement projects over REST, read only (issue 23, item 10): every response checked
against the OpenAPI document (CheckedAPIClient), every read audited, no voice's words
and no team member's contact details given."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token

from coproduce.accounts.models import AuditEvent, Role
from coproduce.firstresponse.models import LinePartner
from coproduce.improvement import services
from coproduce.improvement.models import (
    Annotation,
    ChangeIdea,
    CountedValue,
    Cycle,
    Measure,
    ProgressScore,
    Project,
    Recalculation,
    Task,
)
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import UserFactory, VoiceFactory
from coproduce.tooling.testing.openapi import CheckedAPIClient

pytestmark = pytest.mark.django_db

VOICE_WORDS = "I saw a different person every single day."


@pytest.fixture
def api() -> CheckedAPIClient:
    return CheckedAPIClient()


def with_token(api: CheckedAPIClient, user: Any) -> CheckedAPIClient:
    token, _ = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


@pytest.fixture
def project(team: Any) -> Project:
    fran = UserFactory(username="fran", first_name="Fran", role=Role.TEAM_LEADER)
    viv = Member.objects.create(
        name="Viv",
        kind=Member.Kind.SERVICE_USER,
        joined_on=dt.date(2026, 1, 5),
        phone="07700900555",
        email="viv@example.com",
    )
    project = services.open_project(
        fran,
        title="Lead practitioner model",
        problem="Seen by too many different staff.",
        source=services.Source(voice=VoiceFactory(text=VOICE_WORDS)),
        aim=services.Aim(
            what="Distinct staff per episode",
            for_whom="People on the caseload",
            from_=4.5,
            to=2.5,
            unit="staff",
            by=timezone.localdate() + dt.timedelta(days=100),
        ),
        co_leads=[fran, viv],
        teams=[team],
    )
    ProgressScore.objects.create(project=project, score="2.5", note="Tested", set_by=fran)
    measure = Measure.objects.create(
        project=project,
        kind=Measure.Kind.PROCESS,
        name="Lead practitioner named",
        source=Measure.Source.COUNTED,
        better="up",
        unit="%",
        created_by=fran,
    )
    first = CountedValue.objects.create(
        measure=measure, period_start=dt.date(2026, 1, 1), value=10, entered_by=fran
    )
    again = CountedValue.objects.create(
        measure=measure,
        period_start=dt.date(2026, 2, 1),
        value=decimal.Decimal("20.5"),
        entered_by=fran,
    )
    # Entered again: the first figure for January is kept, replaced.
    CountedValue.objects.filter(pk=first.pk).update(replaced_by=again)
    CountedValue.objects.create(
        measure=measure, period_start=dt.date(2026, 1, 1), value=12, entered_by=fran
    )
    Recalculation.objects.create(
        measure=measure, starts=dt.date(2026, 2, 1), reason="Model for all", set_by=fran
    )
    Annotation.objects.create(
        project=project, on=dt.date(2026, 1, 20), text="Training", added_by=fran
    )
    Annotation.objects.create(
        project=project, measure=measure, on=dt.date(2026, 2, 3), text="Letter", added_by=fran
    )
    idea = ChangeIdea.objects.create(project=project, text="Lead practitioner model")
    cycle = Cycle.objects.create(
        change_idea=idea,
        title="Cycle 1",
        objective="One team",
        prediction="Fewer staff",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 2, 28),
        created_by=fran,
    )
    cycle.measures.add(measure)
    Task.objects.create(
        cycle=cycle,
        text="Name a lead",
        owner=project.team.get(user=fran),
        due_on=dt.date(2026, 1, 2),
    )
    return project


def test_it_lists_projects_with_aim_score_and_co_leads(
    api: Any, lead: Any, project: Project
) -> None:
    response = with_token(api, lead).get("/api/v1/improvement/projects")

    assert response.status_code == 200
    (row,) = response.json()
    assert row["aim"] == {
        "what": "Distinct staff per episode",
        "for_whom": "People on the caseload",
        "from": 4.5,
        "to": 2.5,
        "unit": "staff",
        "by": project.aim_by.isoformat(),
    }
    assert row["score"]["score"] == 2.5
    fran = project.team.get(user__username="fran")
    assert row["co_leads"] == [fran.display_name, "Viv"]
    assert AuditEvent.objects.filter(actor=lead, record_type="improvement.project").exists()


def test_a_project_gives_its_team_roles_but_no_contact_details_or_voice_words(
    api: Any, lead: Any, project: Project
) -> None:
    response = with_token(api, lead).get(f"/api/v1/improvement/projects/{project.pk}")

    assert response.status_code == 200
    body = response.json()
    assert [(m["role"], m["lived_experience"]) for m in body["team"]] == [
        ("co_lead", False),
        ("co_lead", True),
    ]
    assert body["voices"] == 1
    text = json.dumps(body)
    assert "07700900555" not in text
    assert "viv@example.com" not in text
    assert VOICE_WORDS not in text
    assert AuditEvent.objects.filter(
        actor=lead, record_id=str(project.pk), detail="api charter"
    ).exists()


def test_measures_come_with_their_current_points_recalculations_and_annotations(
    api: Any, lead: Any, project: Project
) -> None:
    (measure,) = (
        with_token(api, lead).get(f"/api/v1/improvement/projects/{project.pk}/measures").json()
    )

    assert measure["points"] == [
        {"period_start": "2026-01-01", "value": 12.0, "provisional": False},
        {"period_start": "2026-02-01", "value": 20.5, "provisional": False},
    ]
    assert measure["recalculations"] == [{"starts": "2026-02-01", "reason": "Model for all"}]
    assert [a["text"] for a in measure["annotations"]] == ["Training", "Letter"]


def test_cycles_and_annotations_are_read(api: Any, lead: Any, project: Project) -> None:
    api = with_token(api, lead)
    (cycle,) = api.get(f"/api/v1/improvement/projects/{project.pk}/cycles").json()
    fran = project.team.get(user__username="fran")
    assert (cycle["title"], cycle["stage"], cycle["tasks"][0]["owner"]) == (
        "Cycle 1",
        "plan",
        fran.display_name,
    )
    notes = api.get(f"/api/v1/improvement/projects/{project.pk}/annotations").json()
    assert [(n["text"], n["measure"] is None) for n in notes] == [
        ("Training", True),
        ("Letter", False),
    ]


def test_a_missing_project_is_404(api: Any, lead: Any, db: None) -> None:
    assert with_token(api, lead).get("/api/v1/improvement/projects/999").status_code == 404


@pytest.mark.parametrize(
    "path", ["", "/{pk}", "/{pk}/measures", "/{pk}/cycles", "/{pk}/annotations"]
)
def test_a_user_without_the_capability_or_a_token_is_refused(
    api: Any, administrator: Any, project: Project, path: str
) -> None:
    address = "/api/v1/improvement/projects" + path.format(pk=project.pk)
    assert api.get(address).status_code == 401
    assert with_token(api, administrator).get(address).status_code == 403
    assert not AuditEvent.objects.filter(actor=administrator).exists()


def test_a_partners_system_account_reads_no_project(api: Any, project: Project) -> None:
    """NHS 111's or the police's account passes calls to the line and reads nothing else
    (found by the fresh-eyes trial: the police's token read a project's team)."""
    partner = UserFactory(username="nhs111", role=Role.PRACTITIONER)
    LinePartner.objects.create(user=partner, organisation="nhs_111", name="NHS 111")
    with_token(api, partner)

    assert api.get("/api/v1/improvement/projects").json() == []
    for path in ("", "/measures", "/cycles", "/annotations"):
        assert api.get(f"/api/v1/improvement/projects/{project.pk}{path}").status_code == 403
