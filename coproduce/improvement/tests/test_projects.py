"""Opening a project and changing its team: the rules every route keeps (seed 002)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.improvement import services
from coproduce.improvement.models import Project, ProjectRole
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import UserFactory, VoiceFactory

pytestmark = pytest.mark.django_db


def network_member(name: str, kind: str = Member.Kind.SERVICE_USER, **fields: Any) -> Member:
    return Member.objects.create(name=name, kind=kind, joined_on=dt.date(2026, 1, 5), **fields)


def aim(**changes: Any) -> services.Aim:
    fields: dict[str, Any] = {
        "what": "Fewer different staff see each person",
        "for_whom": "People on the home treatment team's caseload",
        "from_": 9,
        "to": 4,
        "unit": "distinct staff per episode",
        "by": timezone.localdate() + dt.timedelta(days=365),
    } | changes
    return services.Aim(**fields)


@pytest.fixture
def fran(team: Any) -> Any:
    user = UserFactory(username="fran", first_name="Fran", role=Role.TEAM_LEADER)
    team.staff.add(user)
    return user


@pytest.fixture
def viv() -> Member:
    return network_member("Viv")


def open_one(fran: Any, viv: Member, **changes: Any) -> Project:
    fields: dict[str, Any] = {
        "title": "Lead practitioner model",
        "problem": "I was seen by too many different people.",
        "source": services.Source(voice=VoiceFactory()),
        "aim": aim(),
        "co_leads": [fran, viv],
    } | changes
    return services.open_project(fran, **fields)


def test_a_project_opened_from_a_voice_keeps_it_and_its_co_leads(fran: Any, viv: Member) -> None:
    project = open_one(fran, viv)

    assert project.started_from == Project.StartedFrom.VOICE
    assert list(project.voices.all()) == [project.voice]
    assert [lead.lived_experience for lead in project.team.all()] == [False, True]
    assert services.lived_experience_co_leads(project)[0].member == viv


def test_a_project_is_not_opened_without_a_co_lead_with_lived_experience(
    fran: Any, viv: Member
) -> None:
    staff_member = network_member("Sam", kind=Member.Kind.STAFF)

    with pytest.raises(ValidationError) as refused:
        open_one(fran, viv, co_leads=[fran, staff_member])

    assert "co_leads" in refused.value.message_dict
    assert not Project.objects.exists()


def test_a_project_from_nothing_must_say_why_and_its_aim_must_lie_ahead(
    fran: Any, viv: Member
) -> None:
    with pytest.raises(ValidationError) as refused:
        open_one(
            fran,
            viv,
            source=services.Source(without_because="  "),
            aim=aim(by=timezone.localdate()),
        )

    assert set(refused.value.message_dict) == {"started_without_because", "aim_by"}


def test_only_those_who_run_the_loop_open_projects(fran: Any, viv: Member, lead: Any) -> None:
    with pytest.raises(PermissionDenied):
        open_one(lead, viv)


def test_the_last_co_lead_with_lived_experience_cannot_leave(fran: Any, viv: Member) -> None:
    project = open_one(fran, viv)
    viv_place = project.team.get(member=viv)

    with pytest.raises(ValidationError) as refused:
        services.leave_team(fran, viv_place, because="Moving away")
    assert "only co-lead with lived experience" in refused.value.messages[0]

    services.add_to_team(fran, project, network_member("Ade"), role=ProjectRole.CO_LEAD)
    services.leave_team(fran, viv_place, because="Moving away")
    viv_place.refresh_from_db()
    assert viv_place.left_on == timezone.localdate()
    assert [lead.member.name for lead in services.lived_experience_co_leads(project)] == ["Ade"]


def test_the_team_changes_its_project_and_others_do_not(
    fran: Any, viv: Member, lead: Any, le_lead: Any
) -> None:
    project = open_one(fran, viv)
    viv.user = UserFactory(username="viv", role=Role.NETWORK_MEMBER)
    viv.save()

    assert services.may_change(fran, project)
    assert services.may_change(viv.user, project)
    assert services.may_change(le_lead, project)
    assert not services.may_change(lead, project)
    with pytest.raises(PermissionDenied):
        services.add_to_team(lead, project, lead, role=ProjectRole.TEAM_MEMBER)

    services.add_to_team(fran, project, lead, role=ProjectRole.TEAM_MEMBER)
    assert services.may_change(lead, project)
