"""The same feedback sent again is one voice (found by a fresh-eyes trial: Back after
sending, then "Send feedback" again, made a second voice with identical words and
contact).

The same words, answer and choices from the same contact details on the same day are
answered with the thank-you page for the first voice, its withdraw link too, and nothing
is stored again. Feedback with no contact details, other contact details, other choices,
another day or after the first was withdrawn is a voice of its own. (The same page's form
posted twice, a double click, is the one-time token's: test_sent_once.py.)"""

import datetime as dt
import re

from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import called_back, sent_once
from coproduce.voices.models import RiskAlert, Voice
from coproduce.voices.services import voice_for_withdrawal, withdraw

WORDS = "The staff were kind but I waited 3 hours for someone to come out."
FEEDBACK = {
    "rating": "2",
    "text": WORDS,
    "consent_improvement": "on",
    "consent_quote": "on",
    "consent_contact": "on",
    "contact_channel": "email",
    "contact_email": "sent.twice@example.com",
    "contact_format": "large_print",
}


def send(client, data):
    """Send the form as its page does, each time with that page's fresh token."""
    response = client.post("/feedback", sent_once(data))
    assert response.status_code == 302
    assert response["Location"] == "/feedback/thank-you"
    return client.get("/feedback/thank-you").content.decode()


def withdrawn_by_link(body):
    token = re.search(r'href="[^"]*/feedback/withdraw/([^"]+)"', body).group(1)
    return voice_for_withdrawal(token)


def test_it_answers_the_same_feedback_from_the_same_email_today_with_the_first_voice(client, db):
    first = send(client, FEEDBACK)
    voice = Voice.objects.get(text=WORDS)
    events = AuditEvent.objects.count()

    again = send(client, FEEDBACK)

    assert Voice.objects.filter(text=WORDS).count() == 1
    assert AuditEvent.objects.count() == events  # nothing written the second time
    assert "Thank you for your feedback" in again
    assert "If you need help now" in again
    assert withdrawn_by_link(first) == voice
    assert withdrawn_by_link(again) == voice  # the first one's link, to withdraw it
    # The same address in other capitals is the same person (helper-70).
    send(client, {**FEEDBACK, "contact_email": "Sent.Twice@EXAMPLE.com"})
    assert Voice.objects.filter(text=WORDS).count() == 1


def test_it_answers_the_same_words_from_the_same_mobile_or_address_with_the_first_voice(client, db):
    by_text = {**FEEDBACK, "contact_channel": "sms", "contact_phone": "07700 900 123"}
    by_post = {**FEEDBACK, "contact_channel": "post", "contact_address": "1 High St\nTown\nAB1 2CD"}
    for data in (by_text, by_post):
        send(client, data)
        send(client, data)
    assert Voice.objects.filter(text=WORDS).count() == 2
    assert Voice.objects.filter(text=WORDS, contact_phone="07700900123").count() == 1
    assert Voice.objects.filter(text=WORDS, contact_channel="post").count() == 1


def test_sending_at_risk_words_again_puts_crisis_help_first_and_raises_no_second_alert(client, db):
    at_risk = {**FEEDBACK, "text": "I can't go on, I want to die"}
    send(client, at_risk)
    told = Message.objects.filter(kind=Message.Kind.DUTY_ALERT).count()
    again = send(client, at_risk)
    assert "It sounds like things are very hard right now" in again
    assert Voice.objects.filter(text=at_risk["text"]).count() == 1
    assert RiskAlert.objects.filter(voice__text=at_risk["text"]).count() == 1
    assert Message.objects.filter(kind=Message.Kind.DUTY_ALERT).count() == told


def test_at_risk_words_sent_again_after_the_alert_was_acknowledged_raise_a_new_alert(
    client, db, le_lead
):
    """helper-80 sent the same words of risk again once the first alert was acknowledged:
    they were answered with the first voice, no alert was raised and nobody was told,
    while the page said the crisis team had been told."""
    from coproduce.voices.services import acknowledge_alert

    at_risk = {**FEEDBACK, "text": "I want to end it tonight, I have the tablets here"}
    send(client, at_risk)
    first = RiskAlert.objects.get()
    called_back(le_lead, first)
    acknowledge_alert(le_lead, first, "Rang them back; they agreed a plan with their GP.")
    again = send(client, at_risk)
    assert "Our crisis team has been told about your message" in again
    assert Voice.objects.filter(text=at_risk["text"]).count() == 2
    second = RiskAlert.objects.exclude(pk=first.pk).get()
    assert second.acknowledged_at is None  # on the duty team's list of alerts again


def test_it_stores_the_same_words_without_contact_details_each_time(client, db):
    # Two people may well write the same few words: with no way to tell them apart, each
    # is a voice.
    anonymous = {"rating": "1", "text": "Very helpful, thank you"}
    send(client, anonymous)
    send(client, anonymous)
    assert Voice.objects.filter(text=anonymous["text"]).count() == 2


def test_it_stores_the_same_words_from_other_contact_details(client, db):
    send(client, FEEDBACK)
    send(client, {**FEEDBACK, "contact_email": "someone.else@example.com"})
    assert Voice.objects.filter(text=WORDS).count() == 2


def test_it_stores_the_same_words_again_with_other_choices(client, db):
    # Sent again without agreeing to be quoted: that choice must not be lost.
    send(client, FEEDBACK)
    send(client, {key: value for key, value in FEEDBACK.items() if key != "consent_quote"})
    assert [v.consent_quote for v in Voice.objects.filter(text=WORDS).order_by("pk")] == [
        True,
        False,
    ]
    send(client, {**FEEDBACK, "rating": "1"})
    assert Voice.objects.filter(text=WORDS).count() == 3


def test_it_stores_the_same_feedback_again_on_another_day(client, db):
    send(client, FEEDBACK)
    Voice.objects.filter(text=WORDS).update(received_at=timezone.now() - dt.timedelta(days=1))
    send(client, FEEDBACK)
    assert Voice.objects.filter(text=WORDS).count() == 2


def test_it_stores_the_same_feedback_again_after_the_first_was_withdrawn(client, db):
    send(client, FEEDBACK)
    withdraw(Voice.objects.get(text=WORDS))
    again = send(client, FEEDBACK)
    assert Voice.objects.filter(text=WORDS).count() == 2
    assert withdrawn_by_link(again) == Voice.objects.get(text=WORDS, withdrawn_at=None)
