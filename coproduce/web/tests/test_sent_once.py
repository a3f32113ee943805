"""Every create form takes effect once, however often it is posted (issue 19, item 4).

Each form's page issues a one-time token in a hidden field; the service records it with
what it made, and the database's unique token refuses a second copy. A form posted
twice with its page's token (a double click, the browser's re-POST) makes one thing and
both posts are answered the same way. Ten posts at once on PostgreSQL make one too."""

import datetime as dt
import re
import threading
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from coproduce.accounts.models import Role, Submission
from coproduce.care.models import Appointment, Contact, Dispatch, Referral, SafetyPlan, Team
from coproduce.change import services as change
from coproduce.change.models import Action, Insight, PriorityRound, Update
from coproduce.conftest import CheckedClient
from coproduce.improvement import services as improvement
from coproduce.improvement.models import ProgressScore, Project, TeamMember, TimeSpent
from coproduce.network import services as network
from coproduce.network.models import (
    BoardSeat,
    Decision,
    Ladder,
    Meeting,
    MeetingKind,
    MeetingPaper,
    MeetingSeries,
    Member,
    PaymentClaim,
    RespectAgreement,
    SelfAssessment,
    TrainingRecord,
)
from coproduce.tooling.testing.factories import (
    ReferralFactory,
    TeamFactory,
    UserFactory,
    VoiceFactory,
    confirming,
    intake_page_data,
)
from coproduce.voices.models import CallBack, RiskAlert, Voice


def day(days: int = 0) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).strftime("%d/%m/%Y")


def moment(when: dt.datetime) -> dict[str, str]:
    local = timezone.localtime(when)
    return {"on": local.strftime("%d/%m/%Y"), "time": local.strftime("%H:%M")}


def board_meeting(le_lead, user):
    """Viv, a member with ``user``'s account, invited to a delivery board held today."""
    viv = Member.objects.create(
        user=user, name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=timezone.localdate()
    )
    board = MeetingSeries.objects.create(
        name="Delivery board", kind=MeetingKind.DELIVERY_BOARD, lived_experience_seats=2
    )
    meeting = network.create_meeting(
        le_lead,
        series=board,
        kind=MeetingKind.DELIVERY_BOARD,
        title="Board",
        starts_at=timezone.now() - dt.timedelta(hours=3),
        hours=2,
        place="Room",
        ladder=Ladder.CO_PRODUCTION,
    )
    network.invite(le_lead, meeting, [viv])
    return viv, meeting


@pytest.fixture
def world(team, lead, colleague, episode, le_lead, member):
    """One of everything a create form needs."""
    vehicle = TeamFactory(kind=Team.Kind.RESPONSE_VEHICLE, arrival_target_minutes=45)
    vehicle.staff.add(lead)
    call = ReferralFactory(
        team=vehicle, source="ambulance", received_at=timezone.now() - dt.timedelta(hours=2)
    )
    at_risk = VoiceFactory(
        channel=Voice.Channel.SMS,
        text="I can't go on, I want to end it tonight",
        rating=None,
        received_at=timezone.now() - dt.timedelta(minutes=10),
        received_from="07700900123",  # a number to call back (the form is offered only then)
    )
    alert = RiskAlert.objects.create(voice=at_risk, concerns=["risk_to_life"])
    insight = change.create_insight(le_lead, "People see too many different staff.")
    other = change.create_insight(le_lead, "People wait too long for a call back.")
    action = change.record_action(
        le_lead,
        insight,
        description="A named team for everyone",
        owner=lead,
        due_on=timezone.localdate() + dt.timedelta(days=30),
    )
    viv, meeting = board_meeting(le_lead, member)
    themed = [
        VoiceFactory(text=t, consent_improvement=True)
        for t in [
            "Waited hours for the call back from the crisis line",
            "The call back from the crisis line took hours",
            "Crisis line call back came hours late",
            "No call back from the crisis line for hours",
            "The food on the ward was cold every evening",
            "Cold food on the ward again this evening",
            "Ward food arrived cold in the evening",
            "Evening food on the ward is always cold",
        ]
    ]
    return {
        "team": team,
        "lead": lead,
        "le_lead": le_lead,
        "member": member,
        "episode": episode,
        "call": call,
        "alert": alert,
        "insight": insight,
        "other": other,
        "action": action,
        "viv": viv,
        "meeting": meeting,
        "themed": themed,
    }


@dataclass
class Form:
    who: str | None  # the cast member who signs in, or None for a public form
    page: str  # where the form is drawn
    data: dict[str, Any]
    made: type[Model]
    marker: str = ""  # on a page of several forms, a text only this form holds
    to: str = ""  # where it is posted, if not to its page

    @property
    def target(self) -> str:
        return self.to or self.page


def improvement_project(w: dict[str, Any]) -> Project:
    """An improvement project led by the lived experience lead and Viv (opened once)."""
    if "project" not in w:
        w["project"] = improvement.open_project(
            w["le_lead"],
            title="Fewer different faces",
            problem="Too many different staff.",
            source=improvement.Source(insight=w["insight"]),
            aim=improvement.Aim(
                what="Fewer staff",
                for_whom="people on the caseload",
                to=4,
                unit="staff per episode",
                by=timezone.localdate() + dt.timedelta(days=200),
            ),
            co_leads=[w["le_lead"], w["viv"]],
        )
    return w["project"]


def contact_data() -> dict[str, str]:
    when = moment(timezone.now() - dt.timedelta(minutes=10))
    return {
        "occurred_on": when["on"],
        "occurred_time": when["time"],
        "mode": "phone",
        "persons_words": "I can't keep going like this.",
        "carer_informed": "no_carer",
        "shared_understanding": "Nights are the hardest.",
        "feelings_validated": "Said it makes sense to feel exhausted.",
        "next_steps": "Call at 10:00 tomorrow.",
    }


FORMS = {
    "give feedback": lambda w: Form(
        None, "/feedback", {"rating": "4", "text": "They listened to me."}, Voice
    ),
    "join the network": lambda w: Form(
        None,
        "/join",
        {
            "name": "Kit",
            "kind": "carer",
            "reach_by": "email",
            "email": "kit@example.com",
            "format": "standard",
        },
        Member,
    ),
    "new referral": lambda w: Form(
        "lead",
        "/referrals/new",
        intake_page_data(nhs_number="943 476 5919", team=w["team"].pk),
        Referral,
    ),
    "record a contact": lambda w: Form(
        "lead", f"/episodes/{w['episode'].pk}/contacts/new", contact_data(), Contact
    ),
    "book an appointment": lambda w: Form(
        "lead",
        f"/episodes/{w['episode'].pk}",
        {"kind": "other", "starts_on": day(1), "starts_time": "10:00", "staff": w["lead"].pk},
        Appointment,
    ),
    "save a plan": lambda w: Form(
        "lead",
        f"/people/{w['episode'].person_id}/safety-plan/edit",
        {"warning_signs": "Not sleeping."},
        SafetyPlan,
    ),
    "dispatch the vehicle": lambda w: Form(
        "lead",
        f"/referrals/{w['call'].pk}",
        {
            "action": "dispatch",
            "dispatched_on": moment(w["call"].received_at + dt.timedelta(minutes=10))["on"],
            "dispatched_time": moment(w["call"].received_at + dt.timedelta(minutes=10))["time"],
        },
        Dispatch,
        marker='value="dispatch"',
    ),
    "record feedback": lambda w: Form(
        "lead",
        "/voices/new",
        {
            "channel": "phone",
            "received_on": timezone.localdate().isoformat(),
            "text": "They called back when they said they would.",
            "consent_improvement": "on",
        },
        Voice,
    ),
    "record a call-back": lambda w: Form(
        "lead",
        f"/alerts/{w['alert'].pk}",
        {
            "made_on": moment(timezone.now() - dt.timedelta(minutes=1))["on"],
            "made_time": moment(timezone.now() - dt.timedelta(minutes=1))["time"],
            "outcome": "spoke",
            "note": "Safe with her sister tonight.",
        },
        CallBack,
        marker="call-backs",
        to=f"/alerts/{w['alert'].pk}/call-backs",
    ),
    "create an insight": lambda w: Form(
        "le_lead", "/insights", {"statement": "People feel dismissed."}, Insight
    ),
    "start an insight from a theme": lambda w: Form(
        "le_lead",
        "/themes/insight?"
        + "&".join(f"voice={v.pk}" for v in w["themed"][:4])
        + "&phrases=crisis+line,+call+back",
        {"voice": [v.pk for v in w["themed"][:4]], "statement": "People wait for call backs."},
        Insight,
        to="/themes/insight",
    ),
    "record an action": lambda w: Form(
        "le_lead",
        f"/insights/{w['insight'].pk}",
        {"description": "Do it", "owner": w["lead"].pk, "due_on": day(14)},
        Action,
    ),
    "publish an update": lambda w: Form(
        "le_lead",
        f"/actions/{w['action'].pk}/update",
        confirming(w["action"], you_said="Too many staff.", we_did="Named teams."),
        Update,
    ),
    "open a round of priorities": lambda w: Form(
        "le_lead",
        "/priorities",
        {"title": "2027", "insights": [w["insight"].pk, w["other"].pk]},
        PriorityRound,
    ),
    "claim for a meeting": lambda w: Form(
        "member",
        f"/meetings/{w['meeting'].pk}/claim",
        {"unit": "hour", "decline_payment": "on", "expenses": "3.20", "expenses_note": "Bus"},
        PaymentClaim,
    ),
    "record training": lambda w: Form(
        "le_lead",
        f"/network/members/{w['viv'].pk}",
        {"course": "co_production", "completed_on": day(-1)},
        TrainingRecord,
    ),
    "publish the respect agreement": lambda w: Form(
        "le_lead", "/network/agreement", {"text": "We listen. We take turns."}, RespectAgreement
    ),
    "create a meeting": lambda w: Form(
        "le_lead",
        "/meetings",
        {
            "title": "Open forum",
            "kind": MeetingKind.OPEN_FORUM,
            "starts_on": day(7),
            "starts_at": "14:00",
            "hours": "2",
            "place": "The Sanctuary",
            "ladder": Ladder.CO_PRODUCTION,
        },
        Meeting,
    ),
    "add a meeting paper": lambda w: Form(
        "le_lead",
        f"/meetings/{w['meeting'].pk}",
        {"form": "paper", "title": "Minutes", "text": "What we decided."},
        MeetingPaper,
        marker='value="paper"',
    ),
    "record a decision": lambda w: Form(
        "le_lead",
        f"/meetings/{w['meeting'].pk}",
        {"form": "decision", "decision": "Named teams for everyone."},
        Decision,
        marker='value="decision"',
    ),
    "record an action arising": lambda w: Form(
        "le_lead",
        f"/meetings/{w['meeting'].pk}",
        {
            "form": "action",
            "insight": w["insight"].pk,
            "description": "Write to the board",
            "owner": w["lead"].pk,
            "due_on": day(14),
        },
        Action,
        marker='value="action"',
    ),
    "give a board seat": lambda w: Form(
        "le_lead",
        f"/meetings/{w['meeting'].pk}",
        {"form": "seat", "member": w["viv"].pk},
        BoardSeat,
        marker='value="seat"',
    ),
    "open an improvement project": lambda w: Form(
        "le_lead",
        f"/improvement/new?insight={w['insight'].pk}",
        {
            "title": "Fewer different faces",
            "problem": "Too many different staff.",
            "member_co_lead": w["viv"].pk,
            "aim_what": "Fewer staff",
            "aim_for_whom": "people on the caseload",
            "aim_to": "4",
            "aim_unit": "staff per episode",
            "aim_by": day(200),
        },
        Project,
    ),
    "add to a project's team": lambda w: Form(
        "le_lead",
        f"/improvement/{improvement_project(w).pk}/team",
        {"person": f"user-{w['lead'].pk}", "role": "team_member", "full_member": "yes"},
        TeamMember,
    ),
    "score a project's progress": lambda w: Form(
        "le_lead",
        f"/improvement/{improvement_project(w).pk}/progress",
        {"score": "1.0", "note": "Team formed"},
        ProgressScore,
    ),
    "record staff hours on a project": lambda w: Form(
        "le_lead",
        f"/improvement/{improvement_project(w).pk}/time",
        {
            "step": "hours",
            "person": improvement_project(w).team.get(user=w["le_lead"]).pk,
            "on": day(),
            "hours": "2",
            "what": "Planning",
        },
        TimeSpent,
        marker='value="hours"',
    ),
    "record a self-assessment": lambda w: Form(
        "le_lead",
        "/network/self-assessment",
        {
            "period_start": "1/4/2026",
            "period_end": "31/3/2027",
            **{
                f"level_{s}": "3"
                for s in ("principles", "purpose", "presence", "process", "impact")
            },
        },
        SelfAssessment,
    ),
}

FORM_TAG = re.compile(r"<form\b.*?</form>", re.S)
TOKEN = re.compile(r'name="submission" value="([^"]+)"')


def token_from(page: str, marker: str) -> str:
    """The one-time token of the form on the page (the one holding ``marker``)."""
    forms = [f for f in FORM_TAG.findall(page) if TOKEN.search(f) and marker in f]
    assert forms, f"no form with a one-time token{' and ' + marker if marker else ''}"
    return TOKEN.search(forms[0]).group(1)


def opened(client: CheckedClient, world: dict[str, Any], name: str) -> tuple[Form, str]:
    form = FORMS[name](world)
    if form.who:
        client.force_login(world[form.who])
    response = client.get(form.page)
    assert response.status_code == 200
    return form, token_from(response.content.decode(), form.marker)


@pytest.mark.parametrize("name", FORMS)
def test_a_form_posted_twice_makes_one_thing_and_both_posts_get_the_same_answer(
    client, world, name
):
    form, token = opened(client, world, name)
    before = form.made._default_manager.count()
    first = client.post(form.target, {**form.data, "submission": token})
    again = client.post(form.target, {**form.data, "submission": token})
    assert first.status_code == 302, first.content.decode()[:2000]
    assert (again.status_code, again["Location"]) == (302, first["Location"])
    assert form.made._default_manager.count() == before + 1
    assert Submission.objects.filter(token=token).count() == 1


@pytest.mark.parametrize("name", ["new referral", "publish an update", "record a contact"])
def test_a_form_opened_twice_makes_two_things(client, world, name):
    """Each drawing of a form has its own token: sending a second copy on purpose (the
    page opened again) is a second thing, refused only by the service's own rules."""
    form, first_token = opened(client, world, name)
    _, second_token = opened(client, world, name)
    assert first_token != second_token
    before = form.made._default_manager.count()
    client.post(form.target, {**form.data, "submission": first_token})
    again = client.post(form.target, {**form.data, "submission": second_token})
    # A second referral within hours is offered for merging; a second update of what was
    # previewed before the first was published is refused (hazard H5).
    if name in {"new referral", "publish an update"}:
        assert again.status_code == 409
        assert form.made._default_manager.count() == before + 1
    else:
        assert form.made._default_manager.count() == before + 2


def test_a_create_form_posted_without_its_token_is_refused_and_nothing_is_saved(client, world):
    form = FORMS["publish an update"](world)
    client.force_login(world["le_lead"])
    response = client.post(form.target, form.data)
    assert response.status_code == 400
    assert not Update.objects.exists()
    assert not Submission.objects.exists()


def test_a_form_refused_for_what_was_typed_takes_no_token_and_draws_a_fresh_one(client, world):
    form, token = opened(client, world, "publish an update")
    refused = client.post(form.target, {"you_said": "x", "submission": token})
    assert refused.status_code == 400
    assert not Submission.objects.exists()
    fresh = token_from(refused.content.decode(), "")
    assert fresh != token
    done = client.post(form.target, {**form.data, "submission": fresh})
    assert done.status_code == 302
    assert Update.objects.count() == 1


def test_a_token_taken_by_another_form_is_refused_and_nothing_is_saved(client, world):
    insight_form, token = opened(client, world, "create an insight")
    client.post(insight_form.target, {**insight_form.data, "submission": token})
    update_form = FORMS["publish an update"](world)
    response = client.post(update_form.target, {**update_form.data, "submission": token})
    assert response.status_code == 400
    assert not Update.objects.exists()


# Ten posts at once ---------------------------------------------------------------------


def ten_at_once(post: Any) -> list[Any]:
    """Ten threads post at the same moment, each with its own database connection."""
    start = threading.Barrier(10)
    answers: list[Any] = []

    def one() -> None:
        try:
            start.wait()
            answers.append(post())
        except Exception as error:  # the test reports what a post met
            answers.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("name", "made"),
    [
        ("publish an update", Update),
        ("join the network", Member),
        ("give feedback", Voice),
        ("new referral", Referral),
    ],
)
def test_ten_posts_of_one_form_at_once_make_one_thing(name, made):
    """The issue's finding: ten parallel posts of the publish form made ten updates and
    told every contributor ten times; joining and feedback did the same. Here ten posts
    of one drawing of the page (one token) go at once, each on its own connection."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the posts cannot overlap")
    team = TeamFactory()
    le_lead = UserFactory(username="le_lead_at_once", role=Role.LIVED_EXPERIENCE_LEAD)
    lead = UserFactory(username="lead_at_once", role=Role.PRACTITIONER)
    team.staff.add(le_lead, lead)
    insight = change.create_insight(le_lead, "People see too many different staff.")
    insight.voices.add(*(VoiceFactory.contactable() for _ in range(3)))
    action = change.record_action(
        le_lead,
        insight,
        description="A named team",
        owner=le_lead,
        due_on=timezone.localdate() + dt.timedelta(days=30),
    )
    cast = {"action": action, "team": team, "lead": lead, "le_lead": le_lead}
    form = FORMS[name](cast)
    client = CheckedClient()
    if form.who:
        client.force_login(cast[form.who])
    token = token_from(client.get(form.page).content.decode(), form.marker)
    cookies = client.cookies
    before = made._default_manager.count()

    def post() -> Any:
        browser = CheckedClient()
        browser.cookies = cookies  # the same signed-in browser, clicking ten times
        return browser.post(form.target, {**form.data, "submission": token})

    answers = ten_at_once(post)
    assert all(getattr(a, "status_code", a) == 302 for a in answers), answers
    assert {a["Location"] for a in answers} == {answers[0]["Location"]}
    assert made._default_manager.count() == before + 1
    assert Submission.objects.filter(token=token).count() == 1
    if made is Update:
        from django_tasks_db.models import DBTaskResult

        told = DBTaskResult.objects.filter(task_path__endswith="tell_contributors")
        assert told.count() == 1  # the contributors are told once, not ten times


@pytest.mark.django_db(transaction=True)
def test_ten_imports_of_one_file_at_once_import_it_once():
    """The fresh-eyes trial's finding: four posts at once of one FFT file made four copies
    of every row (and of their risk alerts), response ids or not."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the posts cannot overlap")
    from django.core.files.uploadedfile import SimpleUploadedFile

    le_lead = UserFactory(username="le_lead_imports", role=Role.LIVED_EXPERIENCE_LEAD)
    data = b"Date,Rating,Comment\n01/10/2026,Good,Kind staff\n02/10/2026,Poor,Long wait\n"
    client = CheckedClient()
    client.force_login(le_lead)
    cookies = client.cookies

    def post() -> Any:
        browser = CheckedClient()
        browser.cookies = cookies
        return browser.post(
            "/voices/import", {"file": SimpleUploadedFile("fft.csv", data, "text/csv")}
        )

    answers = ten_at_once(post)
    assert all(getattr(a, "status_code", a) == 302 for a in answers), answers
    assert Voice.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_ten_claims_at_once_are_all_answered_with_the_one_claim_made():
    """The fresh-eyes trial's finding: of parallel posts of one claim form, one made the
    claim and the rest were told 'A claim for this meeting has already been made'. The
    person asked once and it was done: every post is answered with the claim made."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the posts cannot overlap")
    le_lead = UserFactory(username="le_lead_claims", role=Role.LIVED_EXPERIENCE_LEAD)
    user = UserFactory(username="member_claims", role=Role.NETWORK_MEMBER)
    _, meeting = board_meeting(le_lead, user)
    form = FORMS["claim for a meeting"]({"meeting": meeting})
    client = CheckedClient()
    client.force_login(user)
    token = token_from(client.get(form.page).content.decode(), form.marker)
    cookies = client.cookies

    def post() -> Any:
        browser = CheckedClient()
        browser.cookies = cookies
        return browser.post(form.target, {**form.data, "submission": token})

    answers = ten_at_once(post)
    assert all(getattr(a, "status_code", a) == 302 for a in answers), answers
    assert PaymentClaim.objects.count() == 1
