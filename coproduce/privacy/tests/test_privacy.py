"""Data protection: subject access, erasure of a network member, retention rules."""

import datetime as dt
import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import timezone, translation

from coproduce.accounts.models import AuditEvent, User
from coproduce.care.models import Contact, Episode, Person
from coproduce.change.models import Ballot
from coproduce.messaging.models import Message
from coproduce.network.models import (
    AgreementAcceptance,
    Attendance,
    Member,
    PaymentClaim,
)
from coproduce.privacy import erasure, holdings, retention, tasks
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.testing.factories import (
    ContactFactory,
    EpisodeFactory,
    PersonFactory,
    UserFactory,
    VoiceFactory,
)
from coproduce.voices.models import Voice

# Records that point at a person or member but are not information about them.
NOT_ABOUT_THE_SUBJECT = {
    # An insight is written from many voices; the link is exported with the voice.
    "change.Insight",
    # Records of the service's own work that point to a record exported above.
    "voices.Voice",  # (reached from a message or invitation: exported by its own path)
    # An improvement project's own work, reached from the project a person's voice is
    # behind (the project is exported; what the team did in it is not about them).
    "improvement.TeamMember",
    "improvement.Measure",
    "improvement.CountedValue",
    "improvement.Recalculation",
    "improvement.Driver",
    "improvement.ChangeIdea",
    "improvement.Cycle",
    "improvement.Task",
    "improvement.Observation",
    "improvement.Annotation",
    "improvement.ProgressScore",
    "improvement.TimeSpent",
    "improvement.ProjectMeeting",
}


def reachable(root: type[models.Model]) -> set[str]:
    """Every model that points, by a chain of foreign keys, to the root model."""
    found: set[str] = set()
    todo = [root]
    while todo:
        model = todo.pop()
        for relation in model._meta.related_objects:
            related = relation.related_model
            if relation.many_to_many or not isinstance(related, type) or related._meta.auto_created:
                continue
            if related._meta.label not in found:
                found.add(related._meta.label)
                todo.append(related)
    return found


@pytest.mark.parametrize(
    ("root", "declared"),
    [(Person, holdings.PERSON), (Member, holdings.MEMBER)],
)
def test_every_record_that_leads_to_a_subject_is_in_their_export(root, declared):
    exported = {h.model for h in declared}
    missing = reachable(root) - exported - NOT_ABOUT_THE_SUBJECT - {"accounts.User"}
    assert missing == set()
    for holding in declared:
        apps.get_model(holding.model)  # each names a real model


def test_the_check_sees_a_kind_of_record_left_out():
    trimmed = [h for h in holdings.PERSON if h.model != "care.Appointment"]
    assert "care.Appointment" in reachable(Person) - {h.model for h in trimmed}


@pytest.fixture
def record(lead, team):
    person = PersonFactory(given_name="Robin", family_name="Example", phone="07700900123")
    episode = EpisodeFactory(person=person, team=team, lead_practitioner=lead)
    ContactFactory(episode=episode, staff=lead)
    VoiceFactory(person=person, text="The night team listened to me.")
    return person


def test_subject_access_exports_everything_held_as_json_and_a_readable_page(record, lead, tmp_path):
    call_command("subject-access", person=record.pk, by=lead.username, out=tmp_path)
    data = json.loads((tmp_path / "subject-access.json").read_text())
    counts = {s["model"]: len(s["records"]) for s in data["sections"]}
    assert counts["care.Person"] == 1
    assert counts["care.Episode"] == 1
    assert counts["care.Contact"] == Contact.objects.filter(episode__person=record).count() > 0
    assert counts["voices.Voice"] == 1
    assert data["sections"][0]["records"][0]["given name"] == "Robin"
    page = (tmp_path / "subject-access.html").read_text()
    assert "Information Demo NHS Foundation Trust holds about Robin Example" in page
    assert "The night team listened to me." in page
    assert '<html lang="en-GB">' in page
    exported = AuditEvent.objects.get(record_id=str(record.pk), detail="subject access export")
    assert exported.actor == lead


def test_a_members_export_never_includes_their_password(db, tmp_path):
    seed_demo()
    member = Member.objects.get(user__username="member")
    lead = User.objects.get(username="le.lead")
    call_command("subject-access", member=member.pk, by=lead.username, out=tmp_path)
    text = (tmp_path / "subject-access.json").read_text()
    data = json.loads(text)
    account = next(s for s in data["sections"] if s["model"] == "accounts.User")
    assert account["records"][0]["username"] == "member"
    assert '"password"' not in text
    hashed = member.user.password
    assert hashed.split("$")[-1] not in text
    assert any(s["records"] for s in data["sections"] if s["model"] == "network.Attendance")


def test_the_export_is_labelled_in_the_trusts_language_whatever_was_left_active(
    member, lead, tmp_path
):
    joined = Member.objects.create(
        user=member, kind=Member.Kind.SERVICE_USER, joined_on=timezone.localdate()
    )
    with translation.override("cy"):  # as a Welsh page fetched just before would leave it
        call_command("subject-access", member=joined.pk, by=lead.username, out=tmp_path)
    data = json.loads((tmp_path / "subject-access.json").read_text())
    account = next(s for s in data["sections"] if s["model"] == "accounts.User")
    assert account["records"][0]["username"] == "member"  # Django's Welsh: "enw defnyddiwr"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"person": 999999, "by": "lead"}, "There is no person 999999."),
        ({"person": 1, "by": "nobody"}, "No active user is called 'nobody'."),
    ],
)
def test_subject_access_names_what_is_wrong(lead, tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("subject-access", out=tmp_path, **options)
    assert not (tmp_path / "subject-access.json").exists()


@pytest.fixture
def demo_member(db):
    seed_demo()
    return Member.objects.get(user__username="member")


def test_erasing_a_member_removes_who_they_are_and_keeps_what_must_be_kept(demo_member):
    lead = User.objects.get(username="le.lead")
    claims = PaymentClaim.objects.filter(member=demo_member).count()
    registers = Attendance.objects.filter(member=demo_member).count()
    ballots = Ballot.objects.filter(member=demo_member).count()
    assert claims
    assert registers
    result = erasure.erase_member(lead, demo_member, "email of 3 November")
    demo_member.refresh_from_db()
    assert demo_member.name == "Erased member"
    assert (demo_member.email, demo_member.phone, demo_member.postal_address) == ("", "", "")
    assert demo_member.erased_on == timezone.localdate()
    assert demo_member.left_on is not None
    user = demo_member.user
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.username == f"erased-{user.pk}"
    assert not AgreementAcceptance.objects.filter(member=demo_member).exists()
    # Kept, without the name, and the member is told why.
    assert PaymentClaim.objects.filter(member=demo_member).count() == claims
    assert Attendance.objects.filter(member=demo_member).count() == registers
    assert Ballot.objects.filter(member=demo_member).count() == ballots
    text = "\n".join(result.lines())
    assert f"Kept: Involvement payments and expenses claimed ({claims})." in text
    assert "six years" in text
    assert AuditEvent.objects.filter(
        record_type="network.member", record_id=str(demo_member.pk), detail__startswith="erased"
    ).exists()
    with pytest.raises(erasure.AlreadyErased):
        erasure.erase_member(lead, demo_member, "again")


def test_only_a_lead_may_erase_and_a_reason_is_needed(demo_member):
    with pytest.raises(CommandError, match="Only a lived experience lead"):
        call_command("erase-member", member=demo_member.pk, by="practitioner", reason="x")
    with pytest.raises(CommandError, match="Give the reason"):
        call_command("erase-member", member=demo_member.pk, by="le.lead", reason=" ")
    demo_member.refresh_from_db()
    assert demo_member.erased_on is None


def long_ago(years=0, days=0):
    return timezone.now() - dt.timedelta(days=365 * years + days)


def test_care_records_go_after_twenty_years_and_feedback_stays_without_the_name(lead, team):
    old = PersonFactory()
    episode = EpisodeFactory(person=old, team=team, lead_practitioner=lead)
    ContactFactory(episode=episode, staff=lead)
    Episode.objects.filter(pk=episode.pk).update(
        accepted_at=long_ago(21, 30), closed_at=long_ago(21)
    )
    old.referrals.update(received_at=long_ago(21, 40))
    voice = VoiceFactory(person=old, text="Kept without a name")
    # The First Response line's and the Sanctuary's records of their work stay, with no
    # one's name or number on them (issue 22; a protected link had stopped the erasure).
    from coproduce.firstresponse.models import Call, SanctuaryVisit

    call = Call.objects.create(
        team=team,
        handler=lead,
        started_at=long_ago(21),
        person=old,
        called="Robin",
        phone="07700900123",
        phone_key="7700900123",
        outcomes=["support"],
    )
    visit = SanctuaryVisit.objects.create(
        team=team,
        welcomed_by=lead,
        person=old,
        called="Robin",
        arrived_at=long_ago(21),
        came=SanctuaryVisit.Came.SELF,
    )
    from coproduce.firstresponse.models import LinePartner, PassedCall

    passed = PassedCall.objects.create(
        team=team,
        partner=LinePartner.objects.create(user=UserFactory(), organisation="police", name="P"),
        passed_by="police",
        partner_reference="P-1",
        passed_at=long_ago(21),
        urgency="2",
        nhs_number=old.nhs_number,
        person=old,
        called="Robin",
        phone="07700900123",
        phone_key="07700900123",
        reason="Passed by the police.",
        call=call,
    )
    recent = PersonFactory()
    EpisodeFactory(person=recent, team=team, lead_practitioner=lead)  # open: kept
    assert retention.purge(dry_run=True)["care records"] == 1
    assert Person.objects.filter(pk=old.pk).exists()
    assert retention.purge()["care records"] == 1
    assert not Person.objects.filter(pk=old.pk).exists()
    assert not Contact.objects.filter(episode_id=episode.pk).exists()
    voice.refresh_from_db()
    assert voice.person is None
    assert Voice.objects.filter(text="Kept without a name").exists()
    call.refresh_from_db()
    visit.refresh_from_db()
    assert (call.person, call.called, call.phone, call.phone_key) == (None, "", "", "")
    assert (visit.person, visit.called) == (None, "")
    passed.refresh_from_db()
    assert (passed.person, passed.nhs_number, passed.called, passed.phone) == (None, "", "", "")
    assert Person.objects.filter(pk=recent.pk).exists()


def test_message_addresses_and_wording_go_after_ninety_days(db):
    old = Message.objects.create(
        kind=Message.Kind.choices[0][0],
        channel="sms",
        to="07700900123",
        body="Thank you for your feedback",
        status=Message.Status.DELIVERED,
    )
    Message.objects.filter(pk=old.pk).update(created_at=long_ago(days=91))
    new = Message.objects.create(
        kind=Message.Kind.choices[0][0],
        channel="sms",
        to="07700900456",
        body="Thank you",
        status=Message.Status.DELIVERED,
    )
    assert retention.purge()["message addresses and wording"] == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.to, old.body, old.status) == ("", "", Message.Status.DELIVERED)
    assert new.to == "07700900456"


def test_members_who_left_long_ago_are_erased(demo_member):
    Member.objects.filter(pk=demo_member.pk).update(left_on=timezone.localdate().replace(year=2019))
    assert retention.purge()["network members who left"] == 1
    demo_member.refresh_from_db()
    assert demo_member.name == "Erased member"


def test_the_nightly_purge_books_its_next_night(db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert tasks.schedule() is True
    assert tasks.schedule() is False  # booked once only
    booked = DBTaskResult.objects.get()
    assert booked.run_after > timezone.now()
    assert timezone.localtime(booked.run_after).hour == settings.RETENTION_PURGE_HOUR
    assert tasks.next_run(timezone.now()) - timezone.now() <= dt.timedelta(days=1)


def test_one_time_form_tokens_go_after_thirty_days(db):
    from coproduce.accounts.models import Submission

    old = Submission.objects.create(token="o" * 32, service="s")
    Submission.objects.filter(pk=old.pk).update(taken_at=long_ago(days=31))
    Submission.objects.create(token="n" * 32, service="s")
    assert retention.purge()["one-time form tokens"] == 1
    assert list(Submission.objects.values_list("token", flat=True)) == ["n" * 32]
