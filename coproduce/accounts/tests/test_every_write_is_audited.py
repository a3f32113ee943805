"""Every write of personal or money data is audited with who made it, whatever the way
in: a page, the REST API, FHIR, Notify's callbacks, a command or the service's own timer.

One test for each way in to each kind of record (a person, their contact details and
follow-up choice, an episode, a voice, a network member, a claim). Writes by someone not
signed in (the public pages, links in messages, texts to the service) and by the
service's own work name the account the service keeps for each (``accounts.audit``).
Changes made on the person page (contact details), confirming a voice and approving a
quote are audited in their own tests (care/tests/test_contact_details.py,
voices/tests/test_inbox.py, voices/tests/test_categories_and_quotes.py).
"""

import datetime as dt
import decimal
import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.api.fhir import mapping
from coproduce.care.models import Episode, Person, Referral
from coproduce.network import services as network
from coproduce.network.models import Ladder, MeetingKind, Member, PaymentClaim, PaymentRate
from coproduce.tooling.testing.factories import (
    ContactFactory,
    EpisodeFactory,
    PersonFactory,
    ReferralFactory,
    VoiceFactory,
    intake_page_data,
    sent_once,
)
from coproduce.tooling.testing.openapi import CheckedAPIClient
from coproduce.voices import follow_up
from coproduce.voices.models import FollowUpInvitation, Voice

NEW_NUMBER = "943 476 5919"


def events(record, action):
    return list(
        AuditEvent.objects.filter(
            record_type=record._meta.label_lower, record_id=str(record.pk), action=action
        )
    )


def audited_once(record, action, actor):
    """Exactly one event of this kind for the record, naming ``actor``; its detail."""
    [event] = events(record, action)
    assert event.actor == actor
    return event.detail


def with_token(user):
    client = CheckedAPIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def notify(settings):
    return {"HTTP_AUTHORIZATION": f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}"}


# A person and their record --------------------------------------------------------------


def test_a_person_registered_on_the_referral_page_is_audited(client, lead, team):
    client.force_login(lead)
    client.post(
        "/referrals/new", sent_once({**intake_page_data(nhs_number=NEW_NUMBER), "team": team.pk})
    )
    person = Person.objects.get()
    audited_once(person, AuditEvent.Action.CREATED, lead)
    audited_once(Referral.objects.get(), AuditEvent.Action.CREATED, lead)


def test_a_person_registered_by_a_partners_referral_through_the_api_is_audited(lead, team):
    body = {
        "nhs_number": NEW_NUMBER,
        "given_name": "Robin",
        "family_name": "Example",
        "date_of_birth": "1990-05-17",
        "team": team.pk,
        "source": "ambulance",
        "urgency": "4",
        "reason": "On scene; distressed; no physical health need.",
        "physical_health_need": False,
    }
    assert with_token(lead).post("/api/v1/referrals", body, format="json").status_code == 201
    audited_once(Person.objects.get(), AuditEvent.Action.CREATED, lead)


def fhir_patient(user, nhs_number, birth_date, **more):
    body = {
        "resourceType": "Patient",
        "identifier": [{"system": mapping.NHS_NUMBER, "value": nhs_number}],
        "name": [{"family": "Example", "given": ["Robin"]}],
        "birthDate": birth_date,
        **more,
    }
    client = with_token(user)
    return client.post("/fhir/r4/Patient", json.dumps(body), content_type="application/fhir+json")


def test_a_person_created_as_a_fhir_patient_is_audited(lead, db):
    assert fhir_patient(lead, "9434765919", "1990-05-17").status_code == 201
    audited_once(Person.objects.get(), AuditEvent.Action.CREATED, lead)


def test_contact_details_a_fhir_patient_adds_to_a_known_person_are_audited(lead, person):
    person.email = ""
    person.save()
    answer = fhir_patient(
        lead,
        person.nhs_number,
        person.date_of_birth.isoformat(),
        telecom=[{"system": "email", "value": "robin@example.org"}],
    )
    assert answer.status_code == 201
    detail = audited_once(person, AuditEvent.Action.CHANGED, lead)
    assert detail == "contact details: email"


def test_agreeing_at_discharge_to_be_asked_later_is_audited_on_the_person_and_episode(
    client, lead, episode
):
    Person.objects.filter(pk=episode.person_id).update(
        phone="07700900321", feedback_invitations="none"
    )
    client.force_login(lead)
    response = client.post(
        f"/episodes/{episode.pk}/discharge",
        {
            "destination": "gp",
            "discharged_on": timezone.localdate().isoformat(),
            "discharged_time": "00:00",
            "feedback_invitations": "sms",
            "unseen_because": "Moved away before the first visit",
        },
    )
    assert response.status_code == 302
    detail = audited_once(episode.person, AuditEvent.Action.CHANGED, lead)
    assert detail == "follow-up invitations: sms (at discharge)"
    assert audited_once(episode, AuditEvent.Action.CHANGED, lead) == "discharged: gp"


@pytest.fixture
def invitation(episode):
    Person.objects.filter(pk=episode.person_id).update(
        phone="07700900321", feedback_invitations="sms"
    )
    episode.closed_at = timezone.now() - dt.timedelta(days=14)
    episode.save()
    return FollowUpInvitation.objects.create(
        episode=episode, due_at=timezone.now(), status=FollowUpInvitation.Status.SENT
    )


def test_stopping_follow_up_by_its_link_is_audited_as_someone_not_signed_in(client, invitation):
    client.post(f"/feedback/stop/{follow_up.token(invitation)}")
    person = invitation.episode.person
    detail = audited_once(person, AuditEvent.Action.CHANGED, audit.someone_not_signed_in())
    assert detail == "follow-up invitations stopped by the person"


def test_stopping_follow_up_by_texting_stop_is_audited_as_someone_not_signed_in(
    client, invitation, fake_notify, settings
):
    payload = fake_notify.inbound("+44 7700 900321", "STOP")
    response = client.post("/notify/inbound-sms", payload, "application/json", **notify(settings))
    assert response.json() == {"stopped": 1}
    person = invitation.episode.person
    audited_once(person, AuditEvent.Action.CHANGED, audit.someone_not_signed_in())


def test_a_care_record_erased_by_the_retention_rules_is_audited(lead, team):
    old = PersonFactory()
    episode = EpisodeFactory(person=old, team=team, lead_practitioner=lead)
    long_ago = timezone.now() - dt.timedelta(days=365 * 21)
    Episode.objects.filter(pk=episode.pk).update(
        accepted_at=long_ago - dt.timedelta(days=30), closed_at=long_ago
    )
    old.referrals.update(received_at=long_ago - dt.timedelta(days=40))
    call_command("purge", stdout=StringIO())
    assert not Person.objects.filter(pk=old.pk).exists()
    detail = audited_once(old, AuditEvent.Action.CHANGED, audit.retention_rules())
    assert detail.startswith("care record erased: ")


# Episodes ---------------------------------------------------------------------------------


def test_an_episode_accepted_on_the_referral_page_is_audited(client, lead, team):
    referral = ReferralFactory(team=team, received_at=timezone.now() - dt.timedelta(hours=1))
    initial = timezone.localtime() + dt.timedelta(hours=3)
    client.force_login(lead)
    client.post(
        f"/referrals/{referral.pk}",
        {
            "action": "accept",
            "lead": lead.pk,
            "named_team": [lead.pk],
            "initial_on": initial.strftime("%d/%m/%Y"),
            "initial_time": initial.strftime("%H:%M"),
        },
    )
    audited_once(Episode.objects.get(), AuditEvent.Action.CREATED, lead)


def test_episodes_marked_disengaged_by_the_command_are_audited_as_scheduled_work(
    lead, team, episode
):
    team.disengaged_after_days = 3
    team.save()
    ContactFactory(episode=episode, occurred_at=timezone.now() - dt.timedelta(days=4))
    call_command("mark-disengaged", stdout=StringIO())
    detail = audited_once(episode, AuditEvent.Action.CHANGED, audit.scheduled_work())
    assert detail == "disengaged: no contact"


# Voices -----------------------------------------------------------------------------------


def test_feedback_given_on_the_public_page_is_audited_as_someone_not_signed_in(client, db):
    client.post(
        "/feedback", sent_once({"rating": "1", "text": "Kind.", "consent_improvement": "on"})
    )
    voice = Voice.objects.get()
    assert audited_once(voice, AuditEvent.Action.CREATED, audit.someone_not_signed_in()) == (
        "by web"
    )


def test_a_text_to_the_service_is_audited_as_someone_not_signed_in(
    client, fake_notify, settings, db
):
    payload = fake_notify.inbound("07700900123", "The evening sanctuary was a lifeline")
    response = client.post("/notify/inbound-sms", payload, "application/json", **notify(settings))
    assert response.status_code == 201
    voice = Voice.objects.get()
    assert audited_once(voice, AuditEvent.Action.CREATED, audit.someone_not_signed_in()) == (
        "by sms"
    )


def test_feedback_written_down_by_staff_on_the_page_is_audited_once(client, lead):
    client.force_login(lead)
    response = client.post(
        "/voices/new",
        sent_once(
            {
                "channel": "phone",
                "received_on": timezone.localdate().isoformat(),
                "text": "They called back when they said they would.",
                "consent_improvement": "on",
            }
        ),
    )
    assert response.status_code == 302
    assert audited_once(Voice.objects.get(), AuditEvent.Action.CREATED, lead) == "by phone"


def test_a_voice_sent_through_the_api_is_audited_once(lead):
    answer = with_token(lead).post(
        "/api/v1/voices", {"channel": "partner", "text": "Handed over quickly."}, format="json"
    )
    assert answer.status_code == 201
    audited_once(Voice.objects.get(), AuditEvent.Action.CREATED, lead)


FFT = "Response ID,Date,Rating,Comment\nR1,01/10/2026,1,Kind\nR2,02/10/2026,4,Slow\n"


def test_each_voice_imported_on_the_page_is_audited(client, le_lead):
    client.force_login(le_lead)
    upload = SimpleUploadedFile("fft.csv", FFT.encode(), "text/csv")
    client.post("/voices/import", {"file": upload})
    voices = list(Voice.objects.all())
    assert len(voices) == 2
    for voice in voices:
        detail = audited_once(voice, AuditEvent.Action.CREATED, le_lead)
        assert detail == "FFT import: 2 of 2 rows"


def test_each_voice_imported_by_the_command_is_audited(tmp_path, le_lead):
    export = tmp_path / "fft.csv"
    export.write_text(FFT)
    call_command("import-fft", str(export), "--user", le_lead.username, stdout=StringIO())
    assert [audited_once(v, AuditEvent.Action.CREATED, le_lead) for v in Voice.objects.all()] == [
        "FFT import: 2 of 2 rows"
    ] * 2


def test_withdrawing_feedback_by_its_link_is_audited_as_someone_not_signed_in(client, db):
    from coproduce.voices.services import withdrawal_token

    voice = VoiceFactory()
    client.post(f"/feedback/withdraw/{withdrawal_token(voice)}")
    detail = audited_once(voice, AuditEvent.Action.CHANGED, audit.someone_not_signed_in())
    assert detail == "withdrawn by its giver"


# The network and its money ----------------------------------------------------------------


def test_joining_the_network_is_audited_as_someone_not_signed_in(client, db):
    client.post(
        "/join",
        sent_once(
            {
                "name": "Kit",
                "kind": "carer",
                "reach_by": "email",
                "email": "k@example.com",
                "format": "standard",
            }
        ),
    )
    member = Member.objects.get()
    assert audited_once(member, AuditEvent.Action.CREATED, audit.someone_not_signed_in()) == (
        "joined"
    )


@pytest.fixture
def meeting_attended(le_lead, member):
    viv = Member.objects.create(
        user=member, name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=timezone.localdate()
    )
    PaymentRate.objects.create(kind=Member.Kind.SERVICE_USER, unit="hour", amount="20.00")
    meeting = network.create_meeting(
        le_lead,
        kind=MeetingKind.CO_PRODUCTION,
        title="Co-production meeting",
        starts_at=timezone.now() - dt.timedelta(hours=3),
        hours=2,
        place="The Sanctuary",
        ladder=Ladder.CO_PRODUCTION,
    )
    network.invite(le_lead, meeting, [viv])
    network.take_register(le_lead, meeting, {viv.pk})
    return meeting


def test_a_claim_made_on_the_meeting_page_is_audited_with_who_made_it(
    client, member, meeting_attended
):
    client.force_login(member)
    response = client.post(
        f"/meetings/{meeting_attended.pk}/claim", sent_once({"unit": "hour", "units": "2"})
    )
    assert response.status_code == 302
    claim = PaymentClaim.objects.get()
    assert claim.payment == decimal.Decimal("40.00")
    detail = audited_once(claim, AuditEvent.Action.CREATED, member)
    assert detail == f"for member {claim.member_id}: submitted"


def test_a_claim_decided_on_the_payments_page_is_audited(client, le_lead, member, meeting_attended):
    viv = Member.objects.get(user=member)
    claim = network.submit_claim(
        member, viv, meeting_attended, unit="hour", units=decimal.Decimal(1)
    )
    client.force_login(le_lead)
    client.post("/payments", {"claim": claim.pk, "decision": "approve", "note": ""})
    assert audited_once(claim, AuditEvent.Action.CHANGED, le_lead) == "approved"


def test_a_member_erased_by_the_command_is_audited(le_lead, member):
    viv = Member.objects.create(
        user=member, name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=timezone.localdate()
    )
    call_command("erase-member", member=viv.pk, by=le_lead.username, reason="Asked by email")
    detail = audited_once(viv, AuditEvent.Action.CHANGED, le_lead)
    assert detail == "erased on request: Asked by email"


# The service's own accounts ---------------------------------------------------------------


@pytest.mark.parametrize(
    "account", [audit.someone_not_signed_in, audit.scheduled_work, audit.retention_rules]
)
def test_the_services_own_accounts_can_never_sign_in_or_be_given_access(client, db, account):
    user = account()
    assert account() == user  # one account each, made once
    assert (user.is_active, user.has_usable_password(), user.role) == (False, False, "")
    assert user.username.startswith("system:")  # a name the sign-up forms cannot make
    refused = client.post("/sign-in", {"username": user.username, "password": "anything"})
    assert "Enter a correct username and password" in refused.content.decode()
    assert User.objects.filter(username__startswith="system:").count() == 1


def test_accepting_the_respect_agreement_is_audited_as_the_member(client, le_lead, member):
    agreement = network.publish_agreement(le_lead, "We listen. We respect each other.")
    viv = Member.objects.create(
        user=member, name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=timezone.localdate()
    )
    client.force_login(member)
    client.post("/network/me/agreement", {"agreement": agreement.pk})
    client.post("/network/me/agreement", {"agreement": agreement.pk})  # again: once
    [acceptance] = viv.acceptances.all()
    audited_once(acceptance, AuditEvent.Action.CREATED, member)


def test_an_escalation_is_audited_as_the_services_own_timed_work(db, settings):
    from coproduce.voices.models import RiskAlert
    from coproduce.voices.services import escalate_unacknowledged

    voice = VoiceFactory(text="I want to end it tonight")
    alert = RiskAlert.objects.create(voice=voice, concerns=["risk_to_life"])
    later = timezone.now() + dt.timedelta(minutes=settings.RISK_ALERT_ESCALATE_MINUTES + 1)
    assert escalate_unacknowledged(later) == [alert]
    assert escalate_unacknowledged(later) == []  # once
    detail = audited_once(alert, AuditEvent.Action.CHANGED, audit.scheduled_work())
    assert detail == "escalated: not acknowledged in time"
