"""The duty worker can act on an alert: how to reach the person (the number the text
came from, what they gave to be told what changes, their care record's details), hidden
until asked for and each showing audited; call-backs and their outcomes, several
attempts in order with who made them; the reply the person got; and alerts the screen
could not read, listed with the others and labelled."""

import datetime as dt
import logging

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.care.models import Person
from coproduce.change import stopping
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import VoiceFactory, called_back, sent_once
from coproduce.voices import alerts, risk, services
from coproduce.voices.models import CallBack, RiskAlert, Voice
from coproduce.voices.services import acknowledge_alert

PHONE = "07700900123"


def alert_for_a_text(concerns=("risk_to_life",), **voice_fields):
    voice = VoiceFactory(
        channel=Voice.Channel.SMS,
        rating=None,
        received_at=timezone.now() - dt.timedelta(minutes=10),
        **(
            {"received_from": PHONE, "text": "I can't go on, I want to end it tonight"}
            | voice_fields
        ),
    )
    reply = Message.objects.create(
        kind=Message.Kind.CRISIS_REPLY,
        channel=Message.Channel.SMS,
        to="",
        body="It sounds like things are very hard right now. Call Samaritans on 116 123.",
        status=Message.Status.DELIVERED,
    )
    voice.messages.add(reply)
    return RiskAlert.objects.create(voice=voice, concerns=list(concerns))


def call_back(when, outcome="no_answer", note=""):
    local = timezone.localtime(when)
    return {
        "made_on": local.strftime("%d/%m/%Y"),
        "made_time": local.strftime("%H:%M"),
        "outcome": outcome,
        "note": note,
    }


def reads_of(record):
    return AuditEvent.objects.filter(
        record_type=record._meta.label_lower, record_id=str(record.pk), action="viewed"
    )


# How to reach them --------------------------------------------------------------------


def test_stopping_updates_keeps_how_to_reach_them_until_the_alert_is_acknowledged(client, lead):
    """helper-77 stopped the "you said, we did" messages from a message that had raised an
    alert: the number they gave was forgotten at once, and the open alert then said they
    had given no details. It is kept until the alert is acknowledged, and says why."""
    given = "07700900789"
    alert = alert_for_a_text(
        received_from="",
        consent_contact=True,
        contact_channel=Voice.ContactChannel.SMS,
        contact_phone=given,
    )
    assert stopping.stop(alert.voice) == 1
    voice = Voice.objects.get(pk=alert.voice_id)
    assert (voice.consent_contact, voice.contact_phone) == (False, given)
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "they have since stopped being told what changes" in page
    assert "There are no contact details" not in page
    assert given not in page  # still hidden until asked for
    assert given in client.post(f"/alerts/{alert.pk}/contact-details").content.decode()
    called_back(lead, alert)
    acknowledge_alert(lead, alert, "Called back, safe at home with her sister tonight.")
    voice.refresh_from_db()
    assert (voice.contact_phone, voice.contact_email, voice.contact_address) == ("", "", "")
    after = client.get(f"/alerts/{alert.pk}").content.decode()
    # Said as it was (helper-78 read "they gave none" of a number they had given).
    assert "they gave some to be told what changes, then stopped those messages" in after
    assert "they gave none" not in after


def test_stopping_updates_after_the_alert_was_acknowledged_forgets_them_at_once(lead):
    alert = alert_for_a_text(
        consent_contact=True,
        contact_channel=Voice.ContactChannel.EMAIL,
        contact_email="gone@example.com",
    )
    called_back(lead, alert)
    acknowledge_alert(lead, alert, "Called back, safe at home with her sister tonight.")
    stopping.stop(alert.voice)
    assert Voice.objects.get(pk=alert.voice_id).contact_email == ""


def test_the_alert_shows_the_reply_they_got_and_that_a_number_is_held_but_not_the_number(
    client, lead
):
    alert = alert_for_a_text()
    client.force_login(lead)
    for path in ("/alerts", f"/alerts/{alert.pk}"):
        page = client.get(path).content.decode()
        assert "I want to end it tonight" in page
        assert "They were sent crisis contacts by text message" in page
        assert "Delivered" in page
        assert "the number the text came from" in page
        assert "They left no contact details" not in page
        assert PHONE not in page
    assert reads_of(alert.voice).filter(detail="risk alert").count() == 2
    assert not reads_of(alert).exists()


def test_show_contact_details_reveals_every_way_to_reach_them_and_is_audited(client, lead, person):
    Person.objects.filter(pk=person.pk).update(
        phone="07700900456",
        email="robin@example.com",
        address="1 Synthetic Street\nAB1 2CD",
        preferred_channel="phone",
    )
    alert = alert_for_a_text(
        person=person,
        consent_contact=True,
        contact_channel=Voice.ContactChannel.EMAIL,
        contact_email="given@example.com",
    )
    client.force_login(lead)
    response = client.post(f"/alerts/{alert.pk}/contact-details")
    assert response.status_code == 200
    page = response.content.decode()
    for shown in (
        PHONE,
        "The number the text came from",
        "given@example.com",
        "Given with the message, to be told what changes because of it",
        person.full_name,
        "07700900456",
        "robin@example.com",
        "1 Synthetic Street, AB1 2CD",
        "Phone call",
        "On their care record",
    ):
        assert shown in page
    [alert_read] = reads_of(alert)
    assert (alert_read.actor, alert_read.detail) == (lead, "contact details shown")
    [person_read] = reads_of(person).filter(detail__startswith="contact details")
    assert (person_read.actor, person_read.detail) == (
        lead,
        f"contact details for risk alert {alert.pk}",
    )
    # Not kept: the next page hides them again.
    assert PHONE not in client.get(f"/alerts/{alert.pk}").content.decode()


def test_contact_details_are_never_shown_by_a_get(client, lead):
    alert = alert_for_a_text()
    client.force_login(lead)
    assert client.get(f"/alerts/{alert.pk}/contact-details").status_code == 405
    assert not reads_of(alert).exists()


def test_the_number_is_the_one_notifys_inbound_callback_gave(client, lead, settings, fake_notify):
    payload = fake_notify.inbound("+44 7700 900 777", "I want to kill myself tonight")
    response = client.post(
        "/notify/inbound-sms",
        payload,
        "application/json",
        HTTP_AUTHORIZATION=f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}",
    )
    assert response.status_code == 201
    alert = RiskAlert.objects.get()
    client.force_login(lead)
    page = client.post(f"/alerts/{alert.pk}/contact-details").content.decode()
    assert "+44 7700 900777" in page  # spaced as read aloud
    assert "tel:+447700900777" in page
    assert "crisis contacts by text message" in page


def test_an_alert_with_no_way_to_reach_them_says_so_and_offers_nothing_to_show(client, lead):
    voice = VoiceFactory(text="I took an overdose", channel=Voice.Channel.WEB)
    alert = RiskAlert.objects.create(voice=voice, concerns=["risk_to_life"])
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "There are no contact details for this message" in page
    assert "Show contact details" not in page
    assert "the web form's confirmation page showed crisis contacts first" in page
    client.post(f"/alerts/{alert.pk}/contact-details")
    assert not reads_of(alert).exists()


def test_a_reply_that_failed_is_shown_as_failed(client, lead):
    alert = alert_for_a_text()
    Message.objects.filter(voice=alert.voice).update(
        status=Message.Status.FAILED, last_error="400 ValidationError"
    )
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "Failed" in page
    assert "400 ValidationError" in page


# Call-backs ---------------------------------------------------------------------------


def test_call_backs_are_recorded_each_attempt_apart_and_shown_in_order_with_who_made_them(
    client, lead, colleague
):
    alert = alert_for_a_text()
    now = timezone.now()
    client.force_login(colleague)
    later = client.post(
        f"/alerts/{alert.pk}/call-backs",
        sent_once(
            call_back(now - dt.timedelta(minutes=1), "spoke", "Safe with her sister tonight.")
        ),
    )
    assert later.status_code == 302
    assert later["Location"] == f"/alerts/{alert.pk}"
    client.force_login(lead)
    client.post(
        f"/alerts/{alert.pk}/call-backs", sent_once(call_back(now - dt.timedelta(minutes=6)))
    )

    calls = list(CallBack.objects.filter(alert=alert))
    assert [(c.made_by, c.outcome) for c in calls] == [(lead, "no_answer"), (colleague, "spoke")]
    assert calls[1].note == "Safe with her sister tonight."
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    first, second = (
        page.index("No answer: could not leave a message"),
        page.index("Spoke to the person"),
    )
    assert first < second
    assert "Lena Lead" in page
    created = AuditEvent.objects.filter(action="created", record_type="voices.callback")
    assert sorted(e.detail for e in created) == [
        f"risk alert {alert.pk}: no_answer",
        f"risk alert {alert.pk}: spoke",
    ]
    alert.refresh_from_db()
    assert alert.acknowledged_at is None  # acknowledging is separate
    listed = client.get("/alerts").content.decode()
    assert "Call-backs: 2." in listed
    assert "spoke to the person" in listed


def test_the_time_of_the_call_is_left_for_the_worker_to_give(client, lead):
    alert = alert_for_a_text()
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert 'name="made_on" type="text" value=""' in page
    assert 'name="made_time" type="text" value=""' in page


def test_a_call_back_missing_its_time_or_outcome_is_refused_by_name_and_nothing_is_written(
    client, lead
):
    alert = alert_for_a_text()
    client.force_login(lead)
    response = client.post(f"/alerts/{alert.pk}/call-backs", sent_once({"note": "Rang twice"}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the date of the call" in page
    assert "Enter the time of the call" in page
    assert "Select what came of the call" in page
    assert "Rang twice" in page  # kept
    assert not CallBack.objects.exists()
    assert not AuditEvent.objects.filter(action="created").exists()


@pytest.mark.parametrize(
    ("moved", "message"),
    [
        (dt.timedelta(hours=2), "The time of the call cannot be in the future"),
        (dt.timedelta(hours=-3), "The call cannot be before the message was received"),
    ],
)
def test_a_call_back_at_an_impossible_time_is_refused_and_nothing_is_written(
    client, lead, moved, message
):
    alert = alert_for_a_text()
    client.force_login(lead)
    response = client.post(
        f"/alerts/{alert.pk}/call-backs", sent_once(call_back(timezone.now() + moved, "spoke"))
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CallBack.objects.exists()


def test_the_service_refuses_an_outcome_not_in_the_list(lead):
    from django.core.exceptions import ValidationError

    alert = alert_for_a_text()
    with pytest.raises(ValidationError) as refused:
        alerts.record_call_back(lead, alert, made_at=timezone.now(), outcome="gave up")
    assert refused.value.message_dict == {"outcome": ["Select what came of the call"]}
    assert not CallBack.objects.exists()


def test_acknowledging_stays_as_it_was_and_call_backs_may_follow(client, lead):
    alert = alert_for_a_text()
    client.force_login(lead)
    called_back(lead, alert)
    client.post("/alerts", {"alert": alert.pk, "action_taken": "Rang back; safe with family."})
    alert.refresh_from_db()
    assert (alert.acknowledged_by, alert.action_taken) == (lead, "Rang back; safe with family.")
    assert f'href="/alerts/{alert.pk}"' in client.get("/alerts").content.decode()
    response = client.post(
        f"/alerts/{alert.pk}/call-backs", sent_once(call_back(timezone.now(), "left_message"))
    )
    assert response.status_code == 302
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "Rang back; safe with family." in page
    assert "Acknowledge alert" not in page


# Who may ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["le_lead", "member", "analyst", "administrator"])
def test_roles_without_alerts_are_refused_everything_and_nothing_is_written(
    client, db, who, request
):
    alert = alert_for_a_text()
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/alerts/{alert.pk}").status_code == 403
    assert client.post(f"/alerts/{alert.pk}/contact-details").status_code == 403
    response = client.post(
        f"/alerts/{alert.pk}/call-backs", sent_once(call_back(timezone.now(), "spoke"))
    )
    assert response.status_code == 403
    assert not CallBack.objects.exists()
    assert not AuditEvent.objects.exists()


def test_someone_not_signed_in_is_sent_to_sign_in_and_nothing_is_written(client, db):
    alert = alert_for_a_text()
    response = client.post(
        f"/alerts/{alert.pk}/call-backs", sent_once(call_back(timezone.now(), "spoke"))
    )
    assert response.status_code == 302
    assert "/sign-in?next=" in response["Location"]
    assert client.post(f"/alerts/{alert.pk}/contact-details").status_code == 302
    assert not CallBack.objects.exists()
    assert not AuditEvent.objects.exists()


def test_an_unknown_alert_is_not_found(client, lead):
    client.force_login(lead)
    assert client.get("/alerts/999999").status_code == 404
    assert (
        client.post("/alerts/999999/call-backs", sent_once(call_back(timezone.now()))).status_code
        == 404
    )


def test_no_contact_details_or_notes_reach_the_log(client, lead, caplog):
    alert = alert_for_a_text()
    client.force_login(lead)
    with caplog.at_level(logging.INFO):
        client.post(f"/alerts/{alert.pk}/contact-details")
        client.post(
            f"/alerts/{alert.pk}/call-backs",
            sent_once(call_back(timezone.now(), "spoke", "Her sister Robin is with her")),
        )
    assert "call-back" in caplog.text
    assert PHONE not in caplog.text
    assert "sister" not in caplog.text


# Could not screen ---------------------------------------------------------------------


def test_alerts_the_screen_could_not_read_are_listed_with_the_others_and_labelled(client, lead):
    unread = VoiceFactory(channel=Voice.Channel.SMS, text="Dw i ddim eisiau byw", rating=None)
    RiskAlert.objects.create(voice=unread, concerns=["could_not_screen"])
    alert_for_a_text()
    client.force_login(lead)
    assert "Alerts (2)" in client.get("/").content.decode()
    page = client.get("/alerts").content.decode()
    assert page.count("Could not screen: read now") == 1
    assert "The risk screen could not read this message" in page
    assert "Dw i ddim eisiau byw" in page
    assert "Current risk to life" in page
    worklist = client.get("/worklist").content.decode()
    assert "Could not screen: read now" in worklist


def test_a_sender_that_is_not_a_phone_number_is_not_offered_as_one(client, lead):
    # Found by a fresh-eyes trial: a malformed callback's sender ("abc<script>") was
    # listed as "the number the text came from", a number to call.
    alert = alert_for_a_text(received_from="abc<script>")
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "the number the text came from" not in page
    assert "which is not a phone number" in page
    shown = client.post(f"/alerts/{alert.pk}/contact-details").content.decode()
    assert 'href="tel:' not in shown
    assert "abc&lt;script&gt;" in shown


def test_a_number_written_in_the_message_and_who_wrote_it_down_are_shown(client, lead, member):
    # Found by issue 21's seventh fresh-eyes trial: "call me on 07700 900123" was only in
    # the quoted words, and community listening written down by a member gave the duty
    # team no one to ask.
    alert = alert_for_a_text(
        received_from="",
        text="Call me on 07700 900123 tonight, not the crisis line on 111, I can't go on",
        recorded_by=member,
    )
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "written in the message itself" in page
    assert f"{member.name_and_role} wrote it down: ask them" not in page  # a number is held
    assert member.name_and_role in page  # in "Written down by"
    shown = client.post(f"/alerts/{alert.pk}/contact-details").content.decode()
    assert "07700 900123" in shown
    assert ">111<" not in shown  # the service's own number is not the person's
    alert.voice.text = "A young man at the group said he plans to kill himself tonight"
    alert.voice.save()
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert f"{member.name_and_role} wrote it down: ask them who the person is" in page


def test_an_alert_nobody_reached_is_acknowledged_only_once_no_more_can_be_done(client, lead):
    """helper-83 recorded one unanswered call-back on an overdose alert and acknowledged it
    with "Rang the mobile once, nobody answered, closing this": accepted, unwarned."""
    alert = alert_for_a_text()
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "No call-back is recorded yet. Try to reach them first" in page
    # helper-85 ticked "no more can be done" a minute after an overdose alert came, with
    # "Will look at this later on.", never having tried the number held: refused, ticked
    # or not, until a call-back is recorded.
    later = {"alert": alert.pk, "action_taken": "Will look at this later on.", "not_reached": "on"}
    refused = client.post("/alerts", later)
    assert refused.status_code == 400
    assert "No call-back is recorded: try to reach them first" in refused.content.decode()
    with pytest.raises(ValidationError) as said:
        acknowledge_alert(lead, alert, later["action_taken"], not_reached=True)
    assert said.value.message_dict == {"not_reached": [services.NO_CALL_BACK]}
    alerts.record_call_back(lead, alert, made_at=timezone.now(), outcome=CallBack.Outcome.NO_ANSWER)
    closing = {"alert": alert.pk}  # from the list of alerts: refused on the alert's page
    closing["action_taken"] = "Rang the mobile once, nobody answered, closing this"
    refused = client.post("/alerts", closing)
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "No one has spoken to them yet: try again or pass it on first" in body
    assert "Try again, or pass it on (999 if their life may be at risk now" in body  # how
    assert RiskAlert.objects.get(pk=alert.pk).acknowledged_at is None
    with pytest.raises(ValidationError, match="No one has spoken to them yet"):
        acknowledge_alert(lead, alert, closing["action_taken"])  # the service's rule
    # Passed to 999, they were reached as far as the duty team can: acknowledged.
    alerts.record_call_back(
        lead, alert, made_at=timezone.now(), outcome=CallBack.Outcome.EMERGENCY_SERVICES
    )
    done = acknowledge_alert(lead, alert, "No answer, so passed to 999 for a welfare check.")
    assert done.acknowledged_at is not None


def test_an_alert_nobody_can_reach_is_acknowledged_by_saying_what_was_done(client, lead):
    alert = alert_for_a_text(received_from="", text="I want to end it tonight")
    assert not alerts.contact_held(alert)
    # helper-84 closed one on "Nothing to do, no details given": the tick says they looked.
    with pytest.raises(ValidationError) as refused:
        acknowledge_alert(lead, alert, "Nothing to do, no details given.")
    assert refused.value.message_dict == {"not_reached": [services.NO_WAY_TO_REACH]}
    client.force_login(lead)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "There is no way to call them back" in page
    assert "If their life may be at risk now and you know where they are, call 999." in page
    done = acknowledge_alert(
        lead, alert, "Told the GP practice named in the message.", not_reached=True
    )
    assert done.acknowledged_at is not None
    # And with a way to reach them, ticking that no more can be done now is enough.
    other = alert_for_a_text(notify_inbound_id="another")
    client.force_login(lead)
    called_back(lead, other, CallBack.Outcome.NO_ANSWER)
    ticked = client.post(
        "/alerts",
        {
            "alert": other.pk,
            "action_taken": "Rang twice, no answer; their GP will visit in the morning.",
            "not_reached": "on",
        },
    )
    assert ticked.status_code == 302
    assert RiskAlert.objects.get(pk=other.pk).acknowledged_at is not None


def test_a_safeguarding_concern_is_acknowledged_only_once_passed_on(client, lead):
    """helper-85 closed a twelve-year-old's "my step dad hurts me" on "Child, not our
    service, nothing we can do": accepted, with nothing asked about safeguarding."""
    words = "im 12 and my step dad hurts me"
    assert risk.screen(words).concerns == (risk.Concern.SAFEGUARDING,)  # as the screen reads it
    alert = alert_for_a_text(["safeguarding"], received_from="", text=words)
    closing = {
        "alert": alert.pk,
        "action_taken": "Child, not our service, nothing we can do",
        "not_reached": "on",
    }
    client.force_login(lead)
    refused = client.post("/alerts", closing)
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "This is a safeguarding concern: tell your safeguarding lead" in body
    assert "I have told our safeguarding lead or made a safeguarding referral" in body
    with pytest.raises(ValidationError) as said:
        acknowledge_alert(lead, alert, closing["action_taken"])  # every fault at once
    assert said.value.message_dict == {
        "not_reached": [services.NO_WAY_TO_REACH],
        "passed_on": [services.NOT_PASSED_ON],
    }
    told = {**closing, "action_taken": "Told our safeguarding lead, who referred to MASH."}
    assert client.post("/alerts", told | {"passed_on": "on"}).status_code == 302
    assert RiskAlert.objects.get(pk=alert.pk).acknowledged_at is not None
    # A call-back that made a referral says so as well as the tick does.
    other = alert_for_a_text(["safeguarding"], text=words, notify_inbound_id="other")
    assert services.needs_passing_on(other)
    called_back(lead, other, CallBack.Outcome.SAFEGUARDING_REFERRAL)
    assert not services.needs_passing_on(other)
    acknowledge_alert(lead, other, "Rang back, spoke to her mum; referral made to MASH.")
