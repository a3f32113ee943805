"""The charter's pages (issue 23): the portfolio, opening a project from a voice, an
insight, a priority or an action, the charter, team, progress and time. Bad input is
refused on its field with nothing saved; only the project's team changes it; every read
and change is audited."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import pytest
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.change import services as change
from coproduce.change.models import PriorityRound
from coproduce.improvement import services
from coproduce.improvement.models import (
    ProgressScore,
    Project,
    ProjectMeeting,
    ProjectRole,
    TeamMember,
    TimeSpent,
)
from coproduce.network.models import Attendance, Meeting, MeetingKind, Member, PaymentClaim
from coproduce.tooling.testing.factories import TeamFactory, UserFactory, VoiceFactory, sent_once

pytestmark = pytest.mark.django_db

LATER = timezone.localdate() + dt.timedelta(days=365)


def network_member(name: str, kind: str = Member.Kind.SERVICE_USER, **fields: Any) -> Member:
    return Member.objects.create(name=name, kind=kind, joined_on=dt.date(2026, 1, 5), **fields)


@pytest.fixture
def fran(team: Any) -> Any:
    user = UserFactory(username="fran", first_name="Fran", role=Role.TEAM_LEADER)
    team.staff.add(user)
    return user


@pytest.fixture
def viv() -> Member:
    return network_member("Viv")


def charter(**changes: Any) -> dict[str, Any]:
    """What a team leader types to open a project, with a one-time token."""
    return sent_once(
        {
            "title": "Fewer different faces",
            "problem": "I was seen by too many different people.",
            "aim_what": "Fewer different staff see each person",
            "aim_for_whom": "people on the home treatment team's caseload",
            "aim_from": "8",
            "aim_to": "4",
            "aim_unit": "distinct staff per episode",
            "aim_by": f"{LATER:%d/%m/%Y}",
        }
        | changes
    )


def opened(fran: Any, viv: Member, **changes: Any) -> Project:
    fields: dict[str, Any] = {
        "title": "Fewer different faces",
        "problem": "I was seen by too many different people.",
        "source": services.Source(voice=VoiceFactory()),
        "aim": services.Aim(
            what="Fewer different staff see each person",
            for_whom="people on the caseload",
            from_=8,
            to=4,
            unit="distinct staff per episode",
            by=LATER,
        ),
        "co_leads": [fran, viv],
    } | changes
    return services.open_project(fran, **fields)


# Opening a project -------------------------------------------------------------------


def test_it_opens_a_project_from_a_voice_with_its_co_leads(client: Any, fran: Any, viv: Member):
    voice = VoiceFactory(text="Every day a new face. I had to tell my story again.")
    client.force_login(fran)

    shown = client.get(f"/improvement/new?voice={voice.pk}").content.decode()
    assert "Every day a new face." in shown  # a team leader reviews voices
    response = client.post(
        f"/improvement/new?voice={voice.pk}",
        charter(member_co_lead=viv.pk, staff_co_lead=fran.pk, teams=[fran.teams.get().pk]),
    )

    project = Project.objects.get()
    assert response["Location"] == f"/improvement/{project.pk}"
    assert project.voice == voice
    assert list(project.voices.all()) == [voice]
    assert project.started_from == Project.StartedFrom.VOICE
    assert project.aim_from == 8
    assert project.aim_to == 4
    assert project.aim_by == LATER
    assert [place.display_name for place in services.lived_experience_co_leads(project)] == ["Viv"]
    assert AuditEvent.objects.filter(
        actor=fran, action=AuditEvent.Action.VIEWED, record_id=str(voice.pk)
    ).exists()
    assert AuditEvent.objects.filter(
        actor=fran, action=AuditEvent.Action.CREATED, record_id=str(project.pk)
    ).exists()


def test_it_is_refused_without_a_co_lead_with_lived_experience_keeping_what_was_typed(
    client: Any, fran: Any
):
    staff_in_network = network_member("Sam", kind=Member.Kind.STAFF)
    client.force_login(fran)
    # A member of the network who is staff is not offered as its co-lead.
    assert staff_in_network.name_and_role not in client.get("/improvement/new").content.decode()

    response = client.post(
        f"/improvement/new?voice={VoiceFactory().pk}",
        charter(member_co_lead="", staff_co_lead=fran.pk),
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "Choose at least one co-lead with lived experience" in body
    assert 'href="#id_member_co_lead"' in body  # the error summary names the field
    assert 'value="Fewer different faces"' in body  # nothing typed is lost
    assert "I was seen by too many different people." in body
    assert not Project.objects.exists()


def test_an_aim_without_a_number_or_a_date_is_refused_on_each_field(
    client: Any, fran: Any, viv: Member
):
    client.force_login(fran)

    response = client.post(
        f"/improvement/new?voice={VoiceFactory().pk}",
        charter(aim_to="", aim_by="", member_co_lead=viv.pk),
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter the number the aim reaches" in body
    assert 'href="#id_aim_to"' in body
    assert "Enter the date the aim will be met by" in body
    assert 'href="#id_aim_by"' in body
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"aim_to": "8"}, "aim_to", "must differ from where it starts"),
        (
            {"aim_by": f"{timezone.localdate() - dt.timedelta(days=1):%d/%m/%Y}"},
            "aim_by",
            "must be in the future",
        ),
        ({"aim_to": "four"}, "aim_to", "as a number"),
    ],
)
def test_an_aim_that_would_not_change_anything_or_lies_behind_is_refused(
    client: Any, fran: Any, viv: Member, changes: dict[str, str], field: str, words: str
):
    client.force_login(fran)

    response = client.post(
        f"/improvement/new?voice={VoiceFactory().pk}", charter(member_co_lead=viv.pk, **changes)
    )

    assert response.status_code == 400
    assert words in response.content.decode()
    assert f'href="#id_{field}"' in response.content.decode()
    assert not Project.objects.exists()


def test_a_project_from_nothing_says_why(client: Any, fran: Any, viv: Member):
    client.force_login(fran)

    refused = client.post("/improvement/new", charter(member_co_lead=viv.pk))
    assert refused.status_code == 400
    assert "Say why this project does not start from" in refused.content.decode()
    assert not Project.objects.exists()

    client.post(
        "/improvement/new",
        charter(
            member_co_lead=viv.pk,
            started_without_because="Raised at the open forum, before voices were recorded",
        ),
    )
    assert Project.objects.get().started_from == Project.StartedFrom.NOTHING


def test_it_opens_from_an_insight_a_priority_and_an_action(client: Any, fran: Any, viv: Member):
    insight = change.create_insight(fran, "People see too many different staff.", [VoiceFactory()])
    other = change.create_insight(fran, "Evenings are hard.")
    action = change.record_action(
        fran, insight, description="A lead practitioner", owner=fran, due_on=LATER
    )
    priority_round = PriorityRound.objects.create(
        title="Priorities 2027", opened_at=timezone.now(), created_by=fran
    )
    priority_round.insights.set([insight, other])
    client.force_login(fran)

    for query in [
        f"insight={insight.pk}",
        f"priority={priority_round.pk}&insight={insight.pk}",
        f"action={action.pk}",
    ]:
        page = client.get(f"/improvement/new?{query}")
        assert "People see too many different staff." in page.content.decode()  # the problem
        client.post(f"/improvement/new?{query}", charter(member_co_lead=viv.pk))

    started = list(Project.objects.order_by("pk"))
    assert [p.started_from for p in started] == ["insight", "priority", "action"]
    assert all(p.insight == insight for p in started)
    assert started[1].priority_round == priority_round
    assert started[2].action == action
    assert all(list(p.voices.all()) == list(insight.voices.all()) for p in started)
    # An insight not in the round is no priority of it.
    unranked = change.create_insight(fran, "Not ranked.")
    missing = client.get(f"/improvement/new?priority={priority_round.pk}&insight={unranked.pk}")
    assert missing.status_code == 404


def test_a_voice_without_consent_to_improve_services_starts_nothing(client: Any, fran: Any):
    client.force_login(fran)
    assert (
        client.get(
            f"/improvement/new?voice={VoiceFactory(consent_improvement=False).pk}"
        ).status_code
        == 404
    )


def test_only_those_who_run_the_loop_open_projects(client: Any, lead: Any, viv: Member):
    client.force_login(lead)
    response = client.post("/improvement/new", charter(member_co_lead=viv.pk))
    assert response.status_code == 403
    assert not Project.objects.exists()


def test_the_pages_that_start_a_project_link_to_it(client: Any, fran: Any, viv: Member):
    voice = VoiceFactory()
    insight = change.create_insight(fran, "People see too many different staff.", [voice])
    action = change.record_action(fran, insight, description="Lead", owner=fran, due_on=LATER)
    client.force_login(fran)

    assert (
        f"/improvement/new?voice={voice.pk}" in client.get(f"/voices/{voice.pk}").content.decode()
    )
    assert (
        f"/improvement/new?insight={insight.pk}"
        in client.get(f"/insights/{insight.pk}").content.decode()
    )
    assert (
        f"/improvement/new?action={action.pk}"
        in client.get(f"/actions/{action.pk}").content.decode()
    )

    other = change.create_insight(fran, "Evenings are hard.")
    priority_round = change.open_round(fran, "Priorities 2027", [insight, other])
    assert (
        "/improvement/new?priority"
        not in client.get(f"/priorities/{priority_round.pk}").content.decode()
    )  # not while members are still ranking
    change.close_round(fran, priority_round)
    assert (
        f"/improvement/new?priority={priority_round.pk}&amp;insight={insight.pk}"
        in client.get(f"/priorities/{priority_round.pk}").content.decode()
    )

    project = opened(fran, viv, source=services.Source(voice=voice))
    assert f"/improvement/{project.pk}" in client.get(f"/voices/{voice.pk}").content.decode()


# The project and its charter ---------------------------------------------------------


def test_the_project_page_shows_the_charter_and_is_audited(client: Any, fran: Any, viv: Member):
    project = opened(fran, viv)
    client.force_login(fran)

    body = client.get(f"/improvement/{project.pk}").content.decode()

    assert "Fewer different staff see each person: distinct staff per episode from 8 to 4" in body
    assert f'href="/voices/{project.voice_id}"' in body
    assert "Viv" in body
    assert "Lived experience" in body
    assert AuditEvent.objects.filter(
        actor=fran, action=AuditEvent.Action.VIEWED, record_id=str(project.pk)
    ).exists()


def test_a_network_member_reads_a_project_without_the_voice_behind_it(
    client: Any, fran: Any, viv: Member, member: Any
):
    project = opened(fran, viv, source=services.Source(voice=VoiceFactory(text="Secret words")))
    client.force_login(member)

    body = client.get(f"/improvement/{project.pk}").content.decode()

    assert project.title in body
    assert "Secret words" not in body
    assert f"/voices/{project.voice_id}" not in body
    assert "Change the charter" not in body


def test_the_team_changes_the_charter_and_others_cannot(
    client: Any, fran: Any, viv: Member, lead: Any
):
    project = opened(fran, viv)
    other_team = TeamFactory(name="Evening sanctuary", kind="sanctuary")

    client.force_login(lead)
    assert (
        "Only the project's team changes its charter"
        in client.get(f"/improvement/{project.pk}/edit").content.decode()
    )
    refused = client.post(f"/improvement/{project.pk}/edit", charter(title="Taken over"))
    assert refused.status_code == 403
    project.refresh_from_db()
    assert project.title == "Fewer different faces"

    client.force_login(fran)
    response = client.post(
        f"/improvement/{project.pk}/edit",
        charter(
            title="One familiar face", aim_to="3", teams=[other_team.pk], services=["sanctuary"]
        ),
    )
    assert response["Location"] == f"/improvement/{project.pk}"
    project.refresh_from_db()
    assert (project.title, float(project.aim_to), project.services) == (
        "One familiar face",
        3,
        ["sanctuary"],
    )
    assert list(project.teams.all()) == [other_team]
    assert AuditEvent.objects.filter(
        actor=fran, action=AuditEvent.Action.CHANGED, record_id=str(project.pk)
    ).exists()


def test_a_changed_charter_without_a_number_keeps_the_saved_one(
    client: Any, fran: Any, viv: Member
):
    project = opened(fran, viv)
    client.force_login(fran)

    response = client.post(f"/improvement/{project.pk}/edit", charter(title="New", aim_to=""))

    assert response.status_code == 400
    assert 'value="New"' in response.content.decode()
    project.refresh_from_db()
    assert (project.title, float(project.aim_to)) == ("Fewer different faces", 4)


# The team ----------------------------------------------------------------------------


def test_the_team_adds_a_network_member_who_then_changes_the_project(
    client: Any, fran: Any, viv: Member, member: Any
):
    project = opened(fran, viv)
    ade = network_member("Ade", user=member)
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/team",
        sent_once(
            {"person": f"member-{ade.pk}", "role": ProjectRole.TEAM_MEMBER, "full_member": "yes"}
        ),
    )

    assert response.status_code == 302
    place = project.team.get(member=ade)
    assert place.full_member
    assert place.role == ProjectRole.TEAM_MEMBER
    client.force_login(member)
    scored = client.post(
        f"/improvement/{project.pk}/progress", sent_once({"score": "1.0", "note": "We have a team"})
    )
    assert scored.status_code == 302
    assert project.scores.get().set_by == member


def test_adding_someone_asks_who_and_in_what_role(client: Any, fran: Any, viv: Member):
    project = opened(fran, viv)
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/team", sent_once({"person": "", "full_member": "yes"})
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "Select who joins the team" in body
    assert "Select their role on the project" in body
    assert project.team.count() == 2


def test_the_last_co_lead_with_lived_experience_cannot_leave_or_stop_leading(
    client: Any, fran: Any, viv: Member
):
    project = opened(fran, viv)
    viv_place = project.team.get(member=viv)
    client.force_login(fran)
    address = f"/improvement/{project.pk}/team/{viv_place.pk}"

    left = client.post(address, {"step": "leave", "because": "Moving away"})
    assert left.status_code == 400
    assert "only co-lead with lived experience" in left.content.decode()
    demoted = client.post(
        address, {"step": "role", "role": ProjectRole.ADVISER, "full_member": "yes"}
    )
    assert demoted.status_code == 400
    assert "stay a co-lead until another joins" in demoted.content.decode()
    viv_place.refresh_from_db()
    assert viv_place.left_on is None
    assert viv_place.role == ProjectRole.CO_LEAD

    services.add_to_team(fran, project, network_member("Ade"), role=ProjectRole.CO_LEAD)
    assert client.post(address, {"step": "leave", "because": "Moving away"}).status_code == 302
    viv_place.refresh_from_db()
    assert viv_place.left_because == "Moving away"
    assert "Moving away" in client.get(f"/improvement/{project.pk}/team").content.decode()


def test_leaving_asks_why(client: Any, fran: Any, viv: Member):
    project = opened(fran, viv)
    fran_place = project.team.get(user=fran)
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/team/{fran_place.pk}", {"step": "leave", "because": " "}
    )

    assert response.status_code == 400
    assert "Say why they are leaving the team" in response.content.decode()
    fran_place.refresh_from_db()
    assert fran_place.left_on is None


def test_someone_not_on_the_team_cannot_change_it(client: Any, fran: Any, viv: Member, lead: Any):
    project = opened(fran, viv)
    client.force_login(lead)

    page = client.get(f"/improvement/{project.pk}/team").content.decode()
    assert "Add someone to the team" not in page
    response = client.post(
        f"/improvement/{project.pk}/team",
        sent_once(
            {"person": f"user-{lead.pk}", "role": ProjectRole.TEAM_MEMBER, "full_member": "yes"}
        ),
    )
    assert response.status_code == 403
    assert not project.team.filter(user=lead).exists()


# Progress ----------------------------------------------------------------------------


def test_the_team_scores_progress_with_a_note_and_the_history_stays(
    client: Any, fran: Any, viv: Member
):
    project = opened(fran, viv)
    client.force_login(fran)

    page = client.get(f"/improvement/{project.pk}/progress").content.decode()
    assert "Changes are being tested in PDSA cycles, but the measures show" in page
    client.post(
        f"/improvement/{project.pk}/progress", sent_once({"score": "1.0", "note": "Team formed"})
    )
    client.post(
        f"/improvement/{project.pk}/progress", sent_once({"score": "2.5", "note": "First test"})
    )

    assert [s.score for s in project.scores.all()] == ["2.5", "1.0"]
    assert services.latest_score(project).score == ProgressScore.Score.TESTED
    body = client.get(f"/improvement/{project.pk}/progress").content.decode()
    assert "Team formed" in body
    assert "First test" in body


def test_a_score_without_a_note_or_off_the_scale_is_refused(client: Any, fran: Any, viv: Member):
    project = opened(fran, viv)
    client.force_login(fran)

    no_note = client.post(
        f"/improvement/{project.pk}/progress", sent_once({"score": "2.0", "note": ""})
    )
    off_scale = client.post(
        f"/improvement/{project.pk}/progress", sent_once({"score": "7", "note": "x"})
    )

    assert no_note.status_code == off_scale.status_code == 400
    assert "Say why the project stands at this score" in no_note.content.decode()
    assert 'href="#id_score"' in off_scale.content.decode()
    assert not project.scores.exists()


# Time and cost -----------------------------------------------------------------------


def test_staff_hours_and_paid_meetings_make_the_project_cost(
    client: Any, fran: Any, viv: Member, le_lead: Any
):
    project = opened(fran, viv)
    forum = Meeting.objects.create(
        kind=MeetingKind.OPEN_FORUM,
        title="Open forum: one familiar face",
        starts_at=timezone.now() - dt.timedelta(days=3),
        hours=decimal.Decimal("2"),
        place="Community room",
        created_by=le_lead,
    )
    Attendance.objects.create(meeting=forum, member=viv, attended=True)
    PaymentClaim.objects.create(
        member=viv,
        meeting=forum,
        payment=decimal.Decimal("40"),
        expenses=decimal.Decimal("6.50"),
        status=PaymentClaim.Status.APPROVED,
        submitted_by=le_lead,
    )
    client.force_login(fran)

    hours = client.post(
        f"/improvement/{project.pk}/time",
        sent_once(
            {
                "step": "hours",
                "person": project.team.get(user=fran).pk,
                "on": f"{timezone.localdate():%d/%m/%Y}",
                "hours": "1.5",
                "what": "Planning the open forum",
            }
        ),
    )
    linked = client.post(
        f"/improvement/{project.pk}/time", sent_once({"step": "meeting", "meeting": forum.pk})
    )

    assert hours.status_code == linked.status_code == 302
    cost = services.project_cost(project)
    assert (cost.staff_hours, cost.member_hours, cost.paid) == (
        decimal.Decimal("1.5"),
        decimal.Decimal("2"),
        decimal.Decimal("46.50"),
    )
    body = client.get(f"/improvement/{project.pk}/time").content.decode()
    assert "1.5 hours" in body
    assert "£46.50" in body
    assert "Open forum: one familiar face" in body


def test_hours_in_the_future_too_many_or_by_a_member_are_refused(
    client: Any, fran: Any, viv: Member
):
    project = opened(fran, viv)
    client.force_login(fran)
    tomorrow = f"{timezone.localdate() + dt.timedelta(days=1):%d/%m/%Y}"
    fran_place = project.team.get(user=fran).pk

    for changes, words in [
        ({"on": tomorrow}, "cannot be in the future"),
        ({"hours": "25"}, "no more than 24"),
        ({"hours": "0"}, "more than 0"),
        ({"person": project.team.get(member=viv).pk}, "Select who gave the time from the list"),
    ]:
        data = {
            "step": "hours",
            "person": fran_place,
            "on": f"{timezone.localdate():%d/%m/%Y}",
            "hours": "2",
            "what": "Planning",
        } | changes
        response = client.post(f"/improvement/{project.pk}/time", sent_once(data))
        assert response.status_code == 400, changes
        assert words in response.content.decode()
        assert 'value="Planning"' in response.content.decode()
    assert not TimeSpent.objects.exists()


def test_a_meeting_counts_for_one_project_only(client: Any, fran: Any, viv: Member, le_lead: Any):
    first, second = opened(fran, viv), opened(fran, viv, title="Another")
    forum = Meeting.objects.create(
        kind=MeetingKind.OPEN_FORUM,
        title="Forum",
        starts_at=timezone.now(),
        place="Room",
        created_by=le_lead,
    )
    services.link_meeting(fran, first, forum)
    client.force_login(fran)

    response = client.post(
        f"/improvement/{second.pk}/time", sent_once({"step": "meeting", "meeting": forum.pk})
    )

    assert response.status_code == 400
    assert ProjectMeeting.objects.get().project == first


# The portfolio -----------------------------------------------------------------------


def test_the_portfolio_lists_every_project_filtered_by_team_and_service(
    client: Any, fran: Any, viv: Member, team: Any, analyst: Any
):
    TeamFactory(name="Evening sanctuary", kind="sanctuary")
    home = opened(fran, viv, title="Fewer different faces", teams=[team])
    evenings = opened(fran, viv, title="Warmer evenings", services=["sanctuary"])
    trust = opened(fran, viv, title="Trust-wide listening")
    services.set_score(fran, home, score="2.5", note="Tested in one team")
    client.force_login(analyst)

    everything = client.get("/improvement").content.decode()
    assert all(p.title in everything for p in [home, evenings, trust])
    assert "2.5 Changes tested, but no improvement" in everything
    assert "Viv" in everything
    assert "Fewer different staff see each person" in everything

    by_team = client.get(f"/improvement?team={team.pk}").content.decode()
    assert home.title in by_team
    assert trust.title in by_team
    assert evenings.title not in by_team
    by_service = client.get("/improvement?service=sanctuary").content.decode()
    assert evenings.title in by_service
    assert home.title not in by_service
    Project.objects.filter(pk=trust.pk).update(status=Project.Status.ADOPTED)
    adopted = client.get("/improvement?status=adopted").content.decode()
    assert trust.title in adopted
    assert home.title not in adopted
    assert AuditEvent.objects.filter(actor=analyst, record_id="*").exists()


def test_a_closed_project_is_kept_as_it_was(client: Any, fran: Any, viv: Member):
    project = opened(fran, viv)
    Project.objects.filter(pk=project.pk).update(status=Project.Status.ENDED)
    client.force_login(fran)

    response = client.post(
        f"/improvement/{project.pk}/progress", sent_once({"score": "3.0", "note": "Too late"})
    )

    assert response.status_code == 403
    # The refusal says why: the project is closed, not the person's role (found by the
    # fresh-eyes trial: "Your role does not include this page").
    assert "This project is closed" in response.content.decode()
    assert "Your role does not include" not in response.content.decode()
    assert not project.scores.exists()
    assert TeamMember.objects.filter(project=project).count() == 2


def test_a_member_consulted_by_the_team_reads_the_project_but_does_not_change_it(
    client: Any, fran: Any, viv: Member, member: Any
):
    project = opened(fran, viv)
    services.add_to_team(
        fran,
        project,
        network_member("Ade", user=member),
        role=ProjectRole.ADVISER,
        full_member=False,
    )
    client.force_login(member)

    assert client.get(f"/improvement/{project.pk}/progress").status_code == 200
    response = client.post(
        f"/improvement/{project.pk}/progress", sent_once({"score": "1.0", "note": "Hello"})
    )

    assert response.status_code == 403
    assert not project.scores.exists()
