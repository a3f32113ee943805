"""Hazard H3: a voice signalling current risk or a safeguarding concern is never left
in a queue: it raises an alert at once, and escalates if nobody acknowledges it."""

import datetime as dt
import re
import time
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coproduce.accounts.audit import someone_not_signed_in
from coproduce.accounts.models import AuditEvent, Role
from coproduce.tooling.testing.factories import (
    EnquiryCategoryFactory,
    UserFactory,
    VoiceFactory,
    sent_once,
)
from coproduce.voices import alerts, risk
from coproduce.voices.models import CallBack, RiskAlert, Voice
from coproduce.voices.services import (
    acknowledge_alert,
    confirm,
    escalate_unacknowledged,
    receive_text,
    receive_voice,
)
from coproduce.web.views import public

AT_RISK = [
    "I want to kill myself tonight",
    "I've taken an overdose",
    "i cant go on like this",
    "I can\u2019t carry on any more",
    "Thinking about ending my life",
    "I'm not safe right now",
    "feeling suicidal since the discharge",
    "I have been cutting myself again",
    "there is no point in living",
    "This is me saying goodbye",
]
SAFEGUARDING = [
    "he hits me when he drinks",
    "I am scared to go home",
    "my partner threatened to kill me",
    "the children are not safe with him",
    "I was assaulted on the ward",
]
NOT_AT_RISK = [
    "The nurse was kind and listened.",
    "I waited too long for a call back.",
    "Please tell my GP about the new medication.",
    "The Sanctuary saved my evening.",
]


@pytest.mark.parametrize("text", AT_RISK)
def test_it_recognises_current_risk_to_life(text):
    assert risk.screen(text).concerns == (risk.Concern.RISK_TO_LIFE,)


@pytest.mark.parametrize("text", SAFEGUARDING)
def test_it_recognises_a_safeguarding_concern(text):
    assert risk.Concern.SAFEGUARDING in risk.screen(text).concerns


@pytest.mark.parametrize("text", NOT_AT_RISK)
def test_it_does_not_alert_on_ordinary_feedback(text):
    assert not risk.screen(text).raises_alert


def test_a_negation_does_not_silence_an_alert():
    assert risk.screen("I'm not suicidal, honestly, I just can't go on").raises_alert


def test_storing_an_at_risk_voice_raises_its_alert_in_the_same_step(db):
    voice = receive_voice(
        someone_not_signed_in(),
        channel=Voice.Channel.SMS,
        text="I want to end my life",
        rating=None,
    )
    alert = RiskAlert.objects.get()
    assert alert.voice == voice
    assert alert.concerns == ["risk_to_life"]
    assert alert.acknowledged_at is None


def test_an_ordinary_voice_raises_no_alert(db):
    receive_voice(someone_not_signed_in(), channel=Voice.Channel.WEB, text="Good service", rating=1)
    assert not RiskAlert.objects.exists()


def test_the_web_confirmation_puts_crisis_help_first_for_an_at_risk_message(client, db):
    client.post("/feedback", sent_once({"rating": "5", "text": "I can't go on, I want to die"}))
    body = client.get("/feedback/thank-you").content.decode()
    assert "It sounds like things are very hard right now" in body
    assert "116 123" in body
    # No way to reach them was left: they are told so, not left waiting for a call
    # (helper-77), and the numbers to call come first.
    assert "Our crisis team has been told about your message, but you did not leave" in body
    assert "may try to contact you" not in body
    assert RiskAlert.objects.count() == 1
    # They did not tick "improve services": someone in crisis is told what their message
    # is for, not coldly what will not happen to it (helper-82).
    assert "We will use your message only to help keep you safe." in body
    # A child may be writing (helper-83: "My stepdad hits me" got adult numbers only).
    assert 'Childline free on <a href="tel:08001111"' in body
    assert "we will not use it to decide what to change" not in body
    # After an overdose, 999 or A&E now, first (helper-85: 999 came fourth).
    now = 'If you have taken an overdose or hurt yourself, call <a href="tel:999">999</a> or go'
    assert body.index(now) < body.index("116 123")


def test_the_web_confirmation_says_the_crisis_team_may_call_only_when_they_can(client, db):
    client.post(
        "/feedback",
        sent_once(
            {
                "rating": "5",
                "text": "I can't go on, I want to die",
                "consent_contact": "on",
                "contact_channel": "email",
                "contact_email": "reach.me@example.com",
            }
        ),
    )
    body = client.get("/feedback/thank-you").content.decode()
    assert "Our crisis team has been told about your message, and may try to contact you." in body
    assert "you did not leave a way to reach you" not in body


def test_the_web_confirmation_says_what_happens_next_as_they_agreed(client, db):
    """helper-77 did not tick "Use it to improve services" and was told it "shapes what we
    change"."""
    client.post("/feedback", sent_once({"rating": "2", "text": "Kind staff."}))
    body = client.get("/feedback/thank-you").content.decode()
    assert "so we will not use it to decide what to change" in body
    assert "shapes what we change" not in body
    client.post(
        "/feedback", sent_once({"rating": "2", "text": "Kind.", "consent_improvement": "on"})
    )
    body = client.get("/feedback/thank-you").content.decode()
    assert "shapes what we change" in body


def test_a_reload_keeps_the_crisis_help_and_the_withdraw_link_until_another_page_is_opened(
    client, db, monkeypatch
):
    # Found at stop 39's trial and left until now: reloading the thank-you page (a phone
    # reloads a tab it put away) dropped "very hard right now", "our crisis team has been
    # told" and the only link to withdraw, and said "We have received it" to anyone.
    client.post("/feedback", sent_once({"rating": "5", "text": "I can't go on, I want to die"}))
    first = client.get("/feedback/thank-you").content.decode()
    again = client.get("/feedback/thank-you").content.decode()
    for words in ("very hard right now", "crisis team has been told", "withdraw my feedback"):
        assert words in first
        assert words in again
    # The withdraw page its link opens leaves it open: Back finds it, the link kept
    # (helper-74 followed the link to keep it, and came Back to a closed page).
    withdraw = re.search(r'href="http://testserver(/feedback/withdraw/[^"]+)"', again)
    assert withdraw
    assert client.get(withdraw.group(1)).status_code == 200
    assert "withdraw my feedback" in client.get("/feedback/thank-you").content.decode()
    # Another of our pages closes it: the next person at a shared computer does not reach
    # the last person's page with Back or Forward.
    client.get("/you-said-we-did")
    closed = client.get("/feedback/thank-you").content.decode()
    assert "This page has closed" in closed
    assert "116 123" in closed  # the crisis help is always there
    for words in ("very hard right now", "withdraw my feedback", "We have received it"):
        assert words not in closed
    # And it closes on its own after half an hour.
    client.post("/feedback", sent_once({"rating": "5", "text": "I want to end it all tonight"}))
    assert "very hard right now" in client.get("/feedback/thank-you").content.decode()
    later = time.time() + public.RECEIVED_SHOWN_FOR + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert "This page has closed" in client.get("/feedback/thank-you").content.decode()


def test_the_thank_you_page_says_nothing_was_received_when_nothing_was_sent(client, db):
    body = client.get("/feedback/thank-you").content.decode()
    assert "This page has closed" in body
    assert "Thank you for your feedback" not in body


def test_the_web_confirmation_thanks_a_message_the_screen_could_not_read_without_alarm(
    client, lead
):
    # Found by a fresh-eyes trial: mild feedback partly in Arabic was told "It sounds like
    # things are very hard right now … Our crisis team has been told about your message."
    words = "The staff were kind 😊🙏🏽 but I waited 3 hours. مرحبا، كان الانتظار طويلا جدا."
    client.post("/feedback", sent_once({"rating": "2", "text": words}))
    alert = RiskAlert.objects.get(voice__text=words)
    # The duty team is still asked to read it now.
    assert alert.concerns == ["could_not_screen"]
    assert alert.acknowledged_at is None
    body = client.get("/feedback/thank-you").content.decode()
    assert "Thank you for your feedback" in body
    assert "Someone from our team will read your message soon." in body
    assert "If you need help now" in body
    assert "116 123" in body
    assert "withdraw my feedback" in body
    assert "very hard right now" not in body
    assert "crisis team has been told" not in body
    # The duty team is told what the person was shown (helper-70 read "crisis contacts
    # first", which they were not).
    client.force_login(lead)
    alerts = client.get("/alerts").content.decode()
    assert "said someone from the team would read it soon" in alerts
    assert "showed crisis contacts first" not in alerts


def test_an_alert_arriving_by_the_api_is_raised_too(lead, db):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=lead).key}")
    api.post(
        "/api/v1/voices", {"channel": "partner", "text": "Patient says he hits me"}, format="json"
    )
    assert "safeguarding" in RiskAlert.objects.get().concerns


def test_the_duty_team_sees_the_alert_and_must_say_what_they_did(client, lead):
    voice = receive_voice(
        someone_not_signed_in(), channel=Voice.Channel.WEB, text="I took an overdose", rating=None
    )
    client.force_login(lead)
    home = client.get("/").content.decode()
    assert "Alerts (1)" in home
    page = client.get("/alerts").content.decode()
    assert "I took an overdose" in page
    assert "Current risk to life" in page
    assert AuditEvent.objects.filter(
        action="viewed", record_id=str(voice.pk), detail="risk alert"
    ).exists()
    alert = RiskAlert.objects.get()
    # Its own page says the concern once, as its heading (a trial read it twice).
    own = client.get(f"/alerts/{alert.pk}").content.decode()
    assert own.count("Current risk to life") == 1
    assert "<h1>Current risk to life</h1>" in own
    # No way to reach them: no call-back form, and the question says so (helper-80
    # acknowledged "Called them, fine." of someone no one could call).
    assert "Record a call-back" not in own
    assert "With no way to reach them, there is no call-back to record." in own
    assert "There is no way to reach them: say what you did instead" in own
    refused = client.post("/alerts", {"alert": alert.pk, "action_taken": ""})
    assert refused.status_code == 400
    assert "Say what you did about this alert" in refused.content.decode()
    # Found by a fresh-eyes trial: "x" and "ok" were taken, and the alert left the list.
    for said in ("x", "ok", "done", "aaaaaaaaaaaaaaaaaaaa", "ok ok ok ok"):
        refused = client.post("/alerts", {"alert": alert.pk, "action_taken": said})
        assert refused.status_code == 400
        assert "Say what you did in a short sentence" in refused.content.decode()
        assert f">{said}</textarea>" in refused.content.decode()  # what was typed is kept
    refused = client.post("/alerts", {"alert": alert.pk, "action_taken": "asdf qwerty zxcv"})
    assert "reads as letters typed at random" in refused.content.decode()
    # From the alert's own page, refused on that page (issue 21's eighth trial was sent
    # to the list of every alert).
    on_its_page = client.post(
        "/alerts", {"alert": alert.pk, "action_taken": "ok", "from_alert": "yes"}
    )
    assert on_its_page.status_code == 400
    body = on_its_page.content.decode()
    assert f"Risk alert {alert.pk}" in body
    assert "Say what you did in a short sentence" in body
    assert ">ok</textarea>" in body
    alert.refresh_from_db()
    assert alert.acknowledged_at is None
    with pytest.raises(ValidationError):
        acknowledge_alert(lead, alert, "x")  # the rule is the service's, for every route
    # helper-76 cleared an overdose's alert with words that say nothing was done.
    for nothing in ("I have read this message.", "Seen, noted, acknowledged."):
        with pytest.raises(ValidationError, match="Words such as read, seen or done"):
            acknowledge_alert(lead, alert, nothing)
    for short in ("Seen", "ok ok ok ok ok ok"):  # six typed, one different (helper-79)
        with pytest.raises(ValidationError, match="at least 3 different words"):
            acknowledge_alert(lead, alert, short)
    # No way to call them back: the tick says no more can be done (helper-84).
    client.post(
        "/alerts",
        {"alert": alert.pk, "action_taken": "Called 999; ambulance sent.", "not_reached": "on"},
    )
    alert.refresh_from_db()
    assert (alert.acknowledged_by, alert.action_taken) == (lead, "Called 999; ambulance sent.")
    assert "Alerts (1)" not in client.get("/").content.decode()
    # The same press again is taken once; a colleague's, from a stale tab, is told who
    # acknowledged it and what, and what they typed is shown, not thrown away unsaid.
    client.post("/alerts", {"alert": alert.pk, "action_taken": "Called 999; ambulance sent."})
    colleague = UserFactory(username="colleague", first_name="Cy", role=Role.PRACTITIONER)
    client.force_login(colleague)
    late = client.post(
        "/alerts",
        {
            "alert": alert.pk,
            "action_taken": "I also called them; left a message.",
            "from_alert": "yes",
        },
    )
    assert late.status_code == 400
    body = late.content.decode()
    assert f"Already acknowledged by {lead.name_and_role}" in body
    assert "What you typed was not saved: I also called them; left a message." in body
    assert "ambulance sent.. " not in body  # one full stop (helper-78 saw two)
    assert "Called 999; ambulance sent. What you typed" in body
    alert.refresh_from_db()
    assert (alert.acknowledged_by, alert.action_taken) == (lead, "Called 999; ambulance sent.")


def test_only_clinical_staff_open_the_alerts(client, le_lead, member):
    for user in (le_lead, member):
        client.force_login(user)
        assert client.get("/alerts").status_code == 403


def test_an_unacknowledged_alert_escalates_once_after_the_configured_minutes(db, settings):
    settings.RISK_ALERT_ESCALATE_MINUTES = 15
    receive_voice(
        someone_not_signed_in(),
        channel=Voice.Channel.SMS,
        text="I am going to kill myself",
        rating=None,
    )
    alert = RiskAlert.objects.get()
    assert escalate_unacknowledged(alert.raised_at + dt.timedelta(minutes=14)) == []
    assert escalate_unacknowledged(alert.raised_at + dt.timedelta(minutes=15)) == [alert]
    assert escalate_unacknowledged(alert.raised_at + dt.timedelta(minutes=30)) == []  # once
    alert.refresh_from_db()
    assert alert.escalated_at is not None


def test_an_acknowledged_alert_does_not_escalate(lead, settings):
    from coproduce.voices.services import acknowledge_alert

    receive_voice(
        someone_not_signed_in(), channel=Voice.Channel.SMS, text="self-harm again", rating=None
    )
    alert = acknowledge_alert(lead, RiskAlert.objects.get(), "Rang them back.", not_reached=True)
    assert escalate_unacknowledged(alert.raised_at + dt.timedelta(hours=2)) == []


def test_the_escalation_command_reports_what_it_escalated(db, settings):
    settings.RISK_ALERT_ESCALATE_MINUTES = 0
    receive_voice(
        someone_not_signed_in(), channel=Voice.Channel.SMS, text="I want to die", rating=None
    )
    out = StringIO()
    call_command("escalate-alerts", stdout=out)
    assert out.getvalue().strip() == "1 alert(s) escalated."


def test_the_log_names_ids_not_words(db, caplog):
    receive_voice(
        someone_not_signed_in(),
        channel=Voice.Channel.SMS,
        text="I want to kill myself",
        rating=None,
    )
    assert "risk alert" in caplog.text
    assert "kill myself" not in caplog.text


def test_the_inbox_marks_alerted_voices(client, le_lead):
    receive_voice(
        someone_not_signed_in(), channel=Voice.Channel.WEB, text="I can't go on", rating=None
    )
    VoiceFactory(text="Fine")
    client.force_login(le_lead)
    assert client.get("/voices").content.decode().count("Risk alert</strong>") == 1


def test_waiting_alerts_are_on_the_staff_worklist_without_the_words(client, lead):
    receive_voice(
        someone_not_signed_in(),
        channel=Voice.Channel.SMS,
        text="I want to end my life",
        rating=None,
    )
    client.force_login(lead)
    body = client.get("/worklist").content.decode()
    assert "Risk alerts waiting, whole service (1)" in body
    assert "for the whole service, not one team" in body  # while the rest is the teams'
    assert "Current risk to life, text message" in body
    assert "end my life" not in body
    # The navigation's count is the worklist's own list, not asked again, and is right.
    assert "Alerts (1)" in body
    receive_voice(
        someone_not_signed_in(), channel=Voice.Channel.SMS, text="I took an overdose", rating=None
    )
    with CaptureQueriesContext(connection) as asked:
        body = client.get("/worklist").content.decode()
    assert "Alerts (2)" in body
    assert not [
        q for q in asked.captured_queries if "COUNT(" in q["sql"] and "riskalert" in q["sql"]
    ]


def test_an_at_risk_voice_stays_in_the_default_inbox_until_its_alert_is_acknowledged(
    client, le_lead, member
):
    # Whoever writes a voice down with its categories confirms it; under a risk alert it
    # must still meet the lead in the inbox as it opens, until someone acknowledges it.
    voice = receive_voice(
        member, channel=Voice.Channel.COMMUNITY_LISTENING, text="I can't go on", rating=None
    )
    category = EnquiryCategoryFactory()
    confirm(member, voice, [category])
    confirmed_fine = VoiceFactory(text="Fine")
    confirm(member, confirmed_fine, [category])
    client.force_login(le_lead)
    body = client.get("/voices").content.decode()
    assert f'/voices/{voice.pk}"' in body
    assert f'/voices/{confirmed_fine.pk}"' not in body
    acknowledge_alert(
        le_lead, voice.risk_alert, "Rang back; safe with family tonight", not_reached=True
    )
    assert f'/voices/{voice.pk}"' not in client.get("/voices").content.decode()


def web_alert(text: str, **contact: Any) -> Voice:
    """A voice given on the web form, words of risk, with how to reach its giver."""
    return receive_voice(
        someone_not_signed_in(),
        channel=Voice.Channel.WEB,
        text=text,
        rating=None,
        **({"consent_contact": True} | contact),
    )


def test_an_alert_shows_the_same_persons_other_alerts_and_what_was_done(client, lead):
    """helper-82: a second alert from someone whose first was acknowledged an hour before
    did not say so; the duty worker started again from nothing."""
    first = web_alert(
        "I want to kill myself tonight",
        contact_channel="email",
        contact_email="Sam.Example@example.com",
    )
    alerts.record_call_back(
        lead,
        first.risk_alert,
        made_at=timezone.now(),
        outcome=CallBack.Outcome.SPOKE,
        note="Agreed GP today",
    )
    acknowledge_alert(lead, first.risk_alert, "Rang them; they agreed to go to their GP today.")
    # A text from the number they later gave on the form, written another way.
    texted = receive_text("n-1", "447700900123", "I've taken an overdose", None)
    stranger = web_alert(
        "I'm not safe right now",
        contact_channel="email",
        contact_email="someone.else@example.com",
    )
    second = web_alert(
        "Thinking about ending my life",
        contact_channel="email",
        contact_email=" sam.example@EXAMPLE.com",
    )
    client.force_login(lead)
    page = client.get(f"/alerts/{second.risk_alert.pk}").content.decode()
    assert "Other alerts from the same person" in page
    assert f"Risk alert {first.risk_alert.pk}</a>" in page
    assert "Rang them; they agreed to go to their GP today." in page
    # Each call-back on it too (helper-84 saw only how it was closed).
    assert re.search(r"Call-back [^<]* by [^<]*: Spoke to the person \(“Agreed GP today”\)", page)
    assert f"Risk alert {stranger.risk_alert.pk}</a>" not in page
    assert f"Risk alert {texted.risk_alert.pk}</a>" not in page  # no number links them
    assert AuditEvent.objects.filter(
        action="viewed", record_id=str(first.pk), detail="risk alert: same person"
    ).exists()
    # The number they texted from, given with later feedback, links the text's alert.
    third = web_alert(
        "I want to kill myself tonight, again", contact_channel="sms", contact_phone="07700 900123"
    )
    page = client.get(f"/alerts/{third.risk_alert.pk}").content.decode()
    assert f"Risk alert {texted.risk_alert.pk}</a>" in page
    assert "Not yet acknowledged." in page
    assert "No call-back recorded." in page
    assert f"Risk alert {first.risk_alert.pk}</a>" not in page
    # The first alert's page names the later one as after it.
    page = client.get(f"/alerts/{first.risk_alert.pk}").content.decode()
    later = rf"Risk alert {second.risk_alert.pk}</a>, raised [^<]*\(after this one\)"
    assert re.search(later, page)


def test_an_alert_for_feedback_given_earlier_says_when_each_happened(client, lead):
    """helper-83 read "raised 02:16" on the worklist and "received 02:12" on the alerts:
    both are said where they differ (feedback written down after it was given)."""
    earlier = timezone.now() - dt.timedelta(hours=2)
    receive_voice(
        someone_not_signed_in(),
        channel=Voice.Channel.WEB,
        text="I took an overdose",
        rating=None,
        received_at=earlier,
    )
    client.force_login(lead)
    for address in ("/alerts", "/worklist"):
        page = client.get(address).content.decode()
        assert re.search(r"received [^<(]+\(alert raised [^)]+\)", page), address
