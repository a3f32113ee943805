"""Feedback that fits (issue 22, item 3): one question by text after a call or a
Sanctuary evening, only with consent, through the real Notify client against the local
fake; the reply is a voice on the line's or the Sanctuary's team with its rating."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.firstresponse import feedback, services
from coproduce.firstresponse.feedback import Consent, rating_in_reply
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.firstresponse.services import Arrival, CallDetails
from coproduce.firstresponse.tests.conftest import ago
from coproduce.messaging import notify
from coproduce.messaging.models import Message
from coproduce.privacy import retention
from coproduce.tooling.testing.factories import sent_once
from coproduce.voices.models import RiskAlert, Voice

MOBILE = "07700 900 982"
AS_NOTIFY_GIVES_IT = "447700900982"  # the inbound callback's form of the same number
NEVER_QUIET = (dt.time(0, 0), dt.time(0, 0))
PLAN: dict[str, Any] = {
    "caller": "person",
    "called": "Jo",
    "phone": MOBILE,
    "persons_words": "I could not sleep and wanted to talk to someone.",
    "next_steps": "Jo will ring her sister in the morning.",
    "outcomes": ["support"],
}


@pytest.fixture(autouse=True)
def never_quiet(settings):
    settings.QUIET_HOURS = NEVER_QUIET


def start(user):
    call = services.start_call(user)
    call.started_at = ago(minutes=10)
    call.save(update_fields=["started_at"])
    return call


def end_with(user, consent, **details):
    return feedback.end_call(user, start(user), CallDetails(**{**PLAN, **details}), consent)


def guest_leaves(user, team, consent):
    visit = services.arrive(user, team, Arrival(came="self", called="Alex"))
    return feedback.leave(user, visit, consent, left="home_safe")


def send_due(later=dt.timedelta(minutes=11)):
    """The sweeper (or the deferred task) at a moment after the pause."""
    return notify.deliver_due(timezone.now() + later)


def text_in(client, settings, fake_notify, words, number=AS_NOTIFY_GIVES_IT, payload=None):
    payload = payload or fake_notify.inbound(number, words)
    response = client.post(
        "/notify/inbound-sms",
        payload,
        "application/json",
        HTTP_AUTHORIZATION=f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}",
    )
    assert response.status_code in (200, 201)
    return response


# Asking ----------------------------------------------------------------------------------


def test_a_caller_who_agrees_is_texted_the_question_after_the_call_through_notify(
    handler, line, fake_notify
):
    call = end_with(handler, Consent(agreed=True))
    assert not call.is_open
    message = Message.objects.get()
    assert (message.kind, message.channel, message.to) == (
        "follow_up_invitation",
        "sms",
        "07700900982",
    )
    # Not during the call: it waits a few minutes after the end.
    assert message.next_attempt_at >= call.ended_at + feedback.ASK_AFTER - dt.timedelta(seconds=5)
    assert notify.deliver_due() == []
    assert fake_notify.sent_to("07700900982") == []

    [sent_message] = send_due()
    assert sent_message.status == "sent"
    [sent] = fake_notify.sent_to("07700900982")
    body = sent.personalisation["body"]
    assert "How was it for you?" in body
    assert "1 very good, 2 good, 3 neither good nor poor, 4 poor, 5 very poor" in body
    assert "reply STOP" in body
    assert body.endswith(f"From {line.name}")
    # Its own words name no condition and no kind of care (the team's name signs it, as
    # the follow-up invitation is signed).
    words = body.removesuffix(f"From {line.name}").lower()
    assert not any(w in words for w in ("crisis", "mental", "sanctuary", "line", "suicid"))
    call.refresh_from_db()
    assert call.feedback_agreed
    assert call.feedback_message == sent_message
    assert call.feedback_mobile == ""  # the number is on the message alone
    assert call.feedback_key == feedback.number_digest(MOBILE)
    assert "900982" not in call.feedback_key
    assert call.feedback_state == "Sent: no reply yet"
    assert AuditEvent.objects.filter(
        record_id=str(call.pk), detail="agreed to be texted one question"
    ).exists()


def test_no_consent_no_text(handler, fake_notify):
    call = end_with(handler, Consent(agreed=False, mobile=MOBILE))
    assert not call.is_open
    assert not call.feedback_agreed
    assert call.feedback_state == "Not asked"
    assert not Message.objects.exists()
    assert send_due() == []
    assert fake_notify.sent_to("07700900982") == []


def test_a_mobile_given_for_the_text_is_used_instead_of_a_landline(handler, fake_notify):
    end_with(handler, Consent(agreed=True, mobile="+44 7700 900 321"), phone="01223 245151")
    assert Message.objects.get().to == "07700900321"


@pytest.mark.parametrize(
    ("phone", "mobile", "said"),
    [
        ("01223 245151", "", "The phone number above cannot be texted"),
        ("", "", "Enter their mobile number for the text"),
        ("", "+33 6 12 34 56 78", "this is not a UK number"),
        ("", "07612 345678", "076 pagers"),
    ],
)
def test_a_number_that_is_not_a_uk_mobile_is_refused_and_the_call_stays_open(
    handler, phone, mobile, said
):
    call = start(handler)
    with pytest.raises(ValidationError) as refused:
        feedback.end_call(
            handler, call, CallDetails(**{**PLAN, "phone": phone}), Consent(True, mobile)
        )
    assert said in refused.value.message_dict["feedback_mobile"][0]
    call.refresh_from_db()
    assert call.is_open
    assert not Message.objects.exists()


def test_every_fault_is_named_at_once_with_the_number(handler):
    call = start(handler)
    details = CallDetails(**{**PLAN, "outcomes": [], "phone": "01223 245151"})
    with pytest.raises(ValidationError) as refused:
        feedback.end_call(handler, call, details, Consent(agreed=True))
    assert {"outcomes", "feedback_mobile"} <= set(refused.value.message_dict)


@pytest.mark.parametrize(
    ("details", "said"),
    [
        ({"hung_up_at_risk": True, "outcomes": [], "next_steps": ""}, "They hung up"),
        ({"caller": "police"}, "untick it for a professional or the police"),
    ],
)
def test_a_caller_who_could_not_have_agreed_is_not_texted(handler, details, said):
    call = start(handler)
    with pytest.raises(ValidationError) as refused:
        feedback.end_call(handler, call, CallDetails(**{**PLAN, **details}), Consent(True))
    assert said in refused.value.message_dict["feedback_agreed"][0]
    assert not Message.objects.exists()


def test_agreement_saved_while_the_call_is_open_is_kept_and_the_number_checked_at_the_end(
    handler,
):
    call = start(handler)
    feedback.record_call(handler, call, CallDetails(**PLAN), Consent(True, "07700 900 32"))
    call.refresh_from_db()
    assert call.is_open
    assert (call.feedback_agreed, call.feedback_mobile) == (True, "07700 900 32")
    assert not Message.objects.exists()  # nothing goes while the call is open
    with pytest.raises(ValidationError, match="11 digits"):
        feedback.end_call(handler, call, CallDetails(**PLAN), Consent(True, "07700 900 32"))
    feedback.end_call(handler, call, CallDetails(**PLAN), Consent(True, "07700 900 321"))
    call.refresh_from_db()
    assert not call.is_open
    assert call.feedback_mobile == ""
    assert Message.objects.get().to == "07700900321"


def test_a_guest_who_agrees_is_texted_after_they_leave_and_never_at_night(
    handler, sanctuary, fake_notify, settings
):
    now = timezone.localtime()
    quiet_from = (now - dt.timedelta(hours=1)).time()
    quiet_to = (now + dt.timedelta(hours=3)).replace(second=0, microsecond=0)
    settings.QUIET_HOURS = (quiet_from, quiet_to.time())
    visit = guest_leaves(handler, sanctuary, Consent(agreed=True, mobile=MOBILE))
    assert not visit.is_here
    message = Message.objects.get()
    assert timezone.localtime(message.next_attempt_at) == quiet_to  # the morning
    assert "To be sent at" in visit.feedback_state
    assert send_due(dt.timedelta(hours=1)) == []  # the night: nothing goes
    [sent_message] = send_due(dt.timedelta(hours=3, minutes=1))
    [sent] = fake_notify.sent_to("07700900982")
    assert sent.personalisation["body"].startswith("Thank you for coming to see us.")
    assert sent_message.status == "sent"
    # The number was asked then and is not on the visit.
    visit.refresh_from_db()
    values = [str(getattr(visit, f.attname)) for f in SanctuaryVisit._meta.concrete_fields]
    assert not any("900982" in value for value in values)


def test_a_guest_with_a_wrong_number_is_still_here_and_told_why(handler, sanctuary):
    visit = services.arrive(handler, sanctuary, Arrival(came="self", called="Alex"))
    with pytest.raises(ValidationError) as refused:
        feedback.leave(handler, visit, Consent(True, "0800 123 456"), left="home_safe")
    assert "Enter a UK mobile number" in refused.value.message_dict["feedback_mobile"][0]
    visit.refresh_from_db()
    assert visit.is_here
    assert not Message.objects.exists()


# Replies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "rating"),
    [
        ("1", 1),
        ("2.", 2),
        ("5 no one rang back", 5),
        ("Good", 2),
        ("very poor, no one rang back", 5),
        ("Neither good nor poor", 3),
        ("Don't know", 6),
        ("not good", None),
        ("10/10", None),
        ("5 stars", None),
        ("Who is this?", None),
    ],
)
def test_a_reply_is_read_on_the_friends_and_family_test_scale(words, rating):
    assert rating_in_reply(words) == rating


def test_a_reply_becomes_a_voice_with_its_rating_on_the_lines_team(
    client, settings, handler, line, sanctuary, fake_notify
):
    call = end_with(handler, Consent(agreed=True))
    send_due()
    text_in(client, settings, fake_notify, "2 they really listened to me")
    voice = Voice.objects.get()
    assert (voice.team, voice.rating, voice.channel) == (line, 2, "sms")
    assert voice.text == "2 they really listened to me"
    assert voice.source_detail.startswith(feedback.AFTER_A_CALL)
    assert voice.person is None
    assert voice.consent_improvement
    call.refresh_from_db()
    assert call.feedback_voice == voice
    assert call.feedback_state == "Answered: good"
    # Thanked, as any text is.
    assert voice.messages.get().kind == "thanks_reply"
    assert AuditEvent.objects.filter(
        record_id=str(call.pk), detail="replied to the question by text"
    ).exists()


def test_a_guests_reply_in_words_is_a_voice_on_the_sanctuarys_team(
    client, settings, handler, line, sanctuary, fake_notify
):
    visit = guest_leaves(handler, sanctuary, Consent(agreed=True, mobile=MOBILE))
    send_due()
    text_in(client, settings, fake_notify, "Very good. A cuppa and someone to talk to.")
    voice = Voice.objects.get()
    assert (voice.team, voice.rating) == (sanctuary, 1)
    assert voice.source_detail.startswith(feedback.AFTER_A_VISIT)
    visit.refresh_from_db()
    assert visit.feedback_voice == voice


def test_an_at_risk_reply_raises_the_normal_alert(
    client, settings, handler, line, fake_notify, django_capture_on_commit_callbacks
):
    line.duty_phone = "07700900555"
    line.save(update_fields=["duty_phone"])
    end_with(handler, Consent(agreed=True))
    send_due()
    with django_capture_on_commit_callbacks():
        text_in(client, settings, fake_notify, "Very poor. I want to end my life tonight")
    voice = Voice.objects.get()
    assert voice.team == line
    assert voice.rating == 5
    alert = RiskAlert.objects.get(voice=voice)
    assert alert.concerns
    kinds = set(Message.objects.values_list("kind", "to"))
    assert ("duty_alert", "07700900555") in kinds
    assert voice.messages.get().kind == "crisis_reply"


def test_a_second_reply_is_kept_but_not_counted_twice(client, settings, handler, line, fake_notify):
    call = end_with(handler, Consent(agreed=True))
    send_due()
    first = fake_notify.inbound(AS_NOTIFY_GIVES_IT, "1")
    text_in(client, settings, fake_notify, "", payload=first)
    text_in(client, settings, fake_notify, "", payload=first)  # Notify retrying the callback
    text_in(client, settings, fake_notify, "5 actually, I meant to say thank you")
    voices = list(Voice.objects.order_by("pk"))
    assert len(voices) == 2
    assert [(v.team, v.rating) for v in voices] == [(line, 1), (line, None)]
    assert feedback.A_FURTHER_REPLY in voices[1].source_detail
    call.refresh_from_db()
    assert call.feedback_voice == voices[0]


def test_a_rating_in_a_later_reply_counts_when_the_first_had_none(
    client, settings, handler, line, fake_notify
):
    call = end_with(handler, Consent(agreed=True))
    send_due()
    text_in(client, settings, fake_notify, "Who is this?")
    text_in(client, settings, fake_notify, "2, sorry")
    call.refresh_from_db()
    assert call.feedback_voice.rating == 2
    assert sorted(Voice.objects.values_list("rating", flat=True), key=str) == [2, None]


def test_a_text_before_the_question_went_or_from_another_number_is_ordinary_feedback(
    client, settings, handler, line, fake_notify
):
    end_with(handler, Consent(agreed=True))
    text_in(client, settings, fake_notify, "1")  # the question has not gone yet
    send_due()
    text_in(client, settings, fake_notify, "2", number="447700900111")
    assert [(v.team, v.rating) for v in Voice.objects.all()] == [(None, None), (None, None)]


def test_replying_stop_cancels_a_question_still_waiting_and_ends_the_asking(
    client, settings, handler, line, fake_notify
):
    call = end_with(handler, Consent(agreed=True))
    response = text_in(client, settings, fake_notify, "STOP")
    assert response.json() == {"stopped": 1}
    message = Message.objects.get()
    assert (message.status, message.to) == ("cancelled", "")
    assert send_due() == []
    call.refresh_from_db()
    assert (call.feedback_key, call.feedback_state) == ("", "They replied STOP")
    text_in(client, settings, fake_notify, "1")
    assert Voice.objects.get().team is None


def test_the_digest_of_the_number_goes_a_week_after_the_text(
    client, settings, handler, line, fake_notify
):
    call = end_with(handler, Consent(agreed=True))
    send_due()
    assert feedback.forget_numbers(timezone.now() + dt.timedelta(days=6)) == 0
    later = timezone.now() + feedback.REPLY_WINDOW + dt.timedelta(days=1)
    done = retention.purge(later, dry_run=True)
    assert done["numbers a question after a call or visit went to"] == 1
    retention.purge(later)
    call.refresh_from_db()
    assert call.feedback_key == ""
    assert call.feedback_message is not None  # the record that it was asked stays


# Pages ------------------------------------------------------------------------------------


def call_form(**fields):
    now = timezone.localtime()
    return {
        "caller": "person",
        "called": "Jo",
        "phone": "01223 245151",
        "persons_words": "I could not sleep.",
        "next_steps": "Ring back if it gets worse.",
        "outcomes": ["support"],
        "started_on": f"{now:%d/%m/%Y}",
        "started_time": f"{now:%H:%M}",
        "end": "1",
        **fields,
    }


def test_the_call_form_asks_and_a_landline_is_refused_with_nothing_lost(client, handler):
    client.force_login(handler)
    client.post("/line/calls", sent_once({}))
    call = Call.objects.get()
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "May we text them one question about how it was?" in page
    assert "Leave it blank to text the phone number above" in page

    refused = client.post(f"/line/calls/{call.pk}", call_form(feedback_agreed="on"))
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "The phone number above cannot be texted" in page
    assert 'href="#id_feedback_mobile"' in page  # the error summary links to the field
    assert 'value="01223 245151"' in page
    assert 'name="feedback_agreed" type="checkbox" value="on" checked' in page
    call.refresh_from_db()
    assert call.is_open
    assert not Message.objects.exists()

    ended = client.post(
        f"/line/calls/{call.pk}", call_form(feedback_agreed="on", feedback_mobile=MOBILE)
    )
    assert ended["Location"] == "/line"
    assert "The question will be texted to them at" in client.get("/line").content.decode()
    assert Message.objects.get().to == "07700900982"
    assert "Question by text" in client.get(f"/line/calls/{call.pk}").content.decode()


def test_the_leaving_form_asks_for_a_mobile_and_a_wrong_one_keeps_the_guest_here(
    client, handler, sanctuary
):
    visit = services.arrive(handler, sanctuary, Arrival(came="self", called="Alex"))
    client.force_login(handler)
    url = f"/sanctuary/guests/{visit.pk}/leaving"
    page = client.get(url).content.decode()
    assert "May we text them one question about how it was?" in page
    assert "goes after they leave" in page
    assert "if not the phone number above" not in page

    refused = client.post(url, {"left": "home_safe", "feedback_agreed": "on"})
    assert refused.status_code == 400
    assert "Enter their mobile number for the text" in refused.content.decode()
    visit.refresh_from_db()
    assert visit.is_here

    left = client.post(
        url, {"left": "home_safe", "feedback_agreed": "on", "feedback_mobile": MOBILE}
    )
    assert left.status_code == 302
    visit.refresh_from_db()
    assert not visit.is_here
    assert visit.feedback_agreed
    assert Message.objects.get().to == "07700900982"


def test_leaving_without_agreeing_sends_nothing(client, handler, sanctuary):
    visit = services.arrive(handler, sanctuary, Arrival(came="self", called="Alex"))
    client.force_login(handler)
    left = client.post(
        f"/sanctuary/guests/{visit.pk}/leaving", {"left": "home_safe", "feedback_mobile": MOBILE}
    )
    assert left.status_code == 302
    assert not Message.objects.exists()
    # Their leaving page, opened again, says they left, not that they are "here since"
    # (helper-80).
    again = client.get(f"/sanctuary/guests/{visit.pk}/leaving").content.decode()
    assert "This guest has left" in again
    assert "here since" not in again
    assert "They left at" in again


def test_one_question_a_day_asked_after_the_last_part_of_it(handler, sanctuary, fake_notify):
    """A caller invited to the Sanctuary who agrees after the call and again after the
    evening is asked once: after the evening, the call's question not sent yet is
    cancelled; and once a question has gone, a later visit that day adds none (found by
    a fresh-eyes trial: two texts, and the one reply counted for only one of them)."""
    call = end_with(handler, Consent(agreed=True))
    visit = guest_leaves(handler, sanctuary, Consent(agreed=True, mobile=MOBILE))
    call.refresh_from_db()
    assert call.feedback_message.status == Message.Status.CANCELLED
    assert call.feedback_state.startswith("Not sent: asked once, later that day")
    assert visit.feedback_message.status == Message.Status.QUEUED
    send_due()
    [question] = fake_notify.sent_to("07700900982")
    assert question.personalisation["body"].startswith("Thank you for coming to see us.")
    # Another evening's visit the same day, after the question went: not asked again.
    again = guest_leaves(handler, sanctuary, Consent(agreed=True, mobile=MOBILE))
    assert again.feedback_message is None
    assert "not asked again" in feedback.texted_when(again)
    assert Message.objects.filter(kind=Message.Kind.FOLLOW_UP_INVITATION).count() == 2
    assert len(fake_notify.sent_to("07700900982")) == 1
    # The reply is the evening's answer.
    answer = feedback.receive_reply("reply-1", AS_NOTIFY_GIVES_IT, "2 lovely", timezone.now())
    visit.refresh_from_db()
    call.refresh_from_db()
    assert visit.feedback_voice == answer
    assert call.feedback_voice is None
