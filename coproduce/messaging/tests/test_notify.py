"""GOV.UK Notify, out and in: the real client against the local fake Notify on loopback."""

import datetime as dt
import logging
from io import StringIO

import pytest
import requests
from django.core.management import call_command
from django.utils import timezone
from notifications_python_client.authentication import create_jwt_token

from coproduce.messaging import notify, services, workers
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import TeamFactory, VoiceFactory
from coproduce.tooling.testing.workers import lose
from coproduce.voices.models import RiskAlert, Voice

PHONE = "07700900123"


def queued(**overrides):
    fields = {
        "kind": Message.Kind.THANKS_REPLY,
        "channel": Message.Channel.SMS,
        "to": PHONE,
        "body": "Thank you for your feedback.",
    }
    return Message.objects.create(**{**fields, **overrides})


def test_a_text_message_goes_out_through_the_real_client(fake_notify, db):
    message = queued()
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    [sent] = fake_notify.sent_to(PHONE)
    assert sent.id == message.notify_id
    assert sent.reference == f"coproduce-{message.pk}"
    assert sent.personalisation == {"body": "Thank you for your feedback."}
    assert fake_notify.requests_refused == 0


def test_the_fake_notifys_list_of_what_was_sent_is_a_page_to_read_in_a_browser(fake_notify, db):
    """The demo prints this link for people to see what went out: it was raw JSON."""
    notify.deliver(
        queued(body="Thank you <b>Sam</b>.\nFrom the trust: https://x.test/a?b=1&c=2").pk
    )
    notify.deliver(queued(channel=Message.Channel.EMAIL, to="a@example.com", subject="Hi").pk)
    url = f"{fake_notify.base_url}/_fake/sent"
    answer = requests.get(url, headers={"Accept": "text/html,*/*;q=0.8"}, timeout=10)
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    page = answer.text
    assert "<h1>Messages sent: 2</h1>" in page
    assert "Thank you &lt;b&gt;Sam&lt;/b&gt;.\nFrom the trust: " in page  # as typed, not HTML
    assert '<a href="https://x.test/a?b=1&amp;c=2">' in page  # a link to follow
    assert page.index("a@example.com") < page.index(PHONE)  # newest first
    assert "<strong>Hi</strong>" in page
    # Scripts, and ?format=json, still get the list as JSON.
    for script, accept in ((url, "*/*"), (f"{url}?format=json", "text/html")):
        answer = requests.get(script, headers={"Accept": accept}, timeout=10)
        assert len(answer.json()["notifications"]) == 2


def test_a_netrc_entry_for_notify_does_not_replace_the_token(
    fake_notify, db, tmp_path, monkeypatch
):
    """Read from the environment each time, a ``.netrc`` entry for Notify's host would
    send a password in place of the token, and Notify would refuse every message."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password not-the-token\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    message = queued()
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert fake_notify.requests_refused == 0


def test_a_proxy_in_the_environment_is_still_used(fake_notify, settings, db, monkeypatch):
    """The session reads the proxy once, not on every request, and still goes through it:
    Notify's address here cannot be reached, and only the proxy (the fake) answers."""
    monkeypatch.setenv("HTTP_PROXY", fake_notify.base_url)
    monkeypatch.setenv("NO_PROXY", "")
    settings.NOTIFY_BASE_URL = "http://api.notifications.invalid"
    message = queued()
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert fake_notify.sent_to(PHONE)


def test_an_email_goes_out_with_its_subject(fake_notify, db):
    message = queued(channel=Message.Channel.EMAIL, to="someone@example.com", subject="Hello")
    notify.deliver(message.pk)
    [sent] = fake_notify.sent_to("someone@example.com")
    assert sent.type == "email"
    assert sent.personalisation["subject"] == "Hello"


def test_a_wrong_api_key_is_refused_by_notify_and_not_retried(fake_notify, settings, db):
    settings.NOTIFY_API_KEY = "wrong-" + settings.NOTIFY_API_KEY[-73:-36] + "0" * 36
    message = queued()
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert message.last_error == "403 AuthError"
    assert fake_notify.requests_refused == 1
    assert fake_notify.sent == []


def test_the_fake_takes_a_token_it_just_checked_and_still_refuses_any_other(fake_notify):
    """The fake Notify checks a token once a second, not on every message (issue 25: the
    check was a fifth of its CPU in the Notify bench); any token it has not checked is
    checked in full, as Notify checks it."""
    service, secret = fake_notify.service_id, fake_notify.secret
    good = create_jwt_token(secret, service)
    assert fake_notify.token_checked(good)
    assert fake_notify.token_checked(good)
    assert not fake_notify.token_checked(create_jwt_token("0" * 36, service))
    assert not fake_notify.token_checked(create_jwt_token(secret, "1" * 36))
    assert not fake_notify.token_checked(good[:-2])
    assert not fake_notify.token_checked("")


def test_a_number_notify_cannot_text_fails_at_once_and_forgets_the_number(fake_notify, db):
    message = queued(to="+1 202 555 0100")
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert (message.status, message.last_error, message.to) == ("failed", "400 ValidationError", "")


def test_an_outage_queues_the_message_and_retries_with_growing_waits(fake_notify, db):
    fake_notify.fail_next = 2
    message = queued()
    start = timezone.now()
    notify.deliver(message.pk, now=start)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("queued", 1)
    assert message.next_attempt_at == start + dt.timedelta(minutes=1)

    # Not due yet: nothing happens.
    assert notify.deliver(message.pk, now=start + dt.timedelta(seconds=30)) is None

    second = start + dt.timedelta(minutes=1)
    notify.deliver(message.pk, now=second)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("queued", 2)
    assert message.next_attempt_at == second + dt.timedelta(minutes=2)

    notify.deliver(message.pk, now=second + dt.timedelta(minutes=2))
    message.refresh_from_db()
    assert message.status == "sent"
    assert len(fake_notify.sent_to(PHONE)) == 1


def test_notify_unreachable_is_an_outage_too(settings, db):
    settings.NOTIFY_BASE_URL = "http://127.0.0.1:9"  # Nothing listens on the discard port.
    message = queued()
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert (message.status, message.last_error) == ("queued", "503")


def test_a_fault_of_ours_while_sending_leaves_no_message_claimed_and_is_tried_again(
    fake_notify, db, monkeypatch, caplog
):
    """Helper-75 set the limit to 0: the pace divided by zero, and the duty alert, its
    email and the crisis reply stayed "sending", claimed by a worker that lived on, so
    nothing took them back. A fault of ours is now tried again like an unclear answer."""

    class Broken:
        def take(self):
            raise ZeroDivisionError("float division by zero, for 07700 900 982")

    monkeypatch.setattr(notify, "pace", lambda: Broken())
    message, other = queued(), queued()
    start = timezone.now()
    notify.deliver(message.pk, now=start)
    assert notify.deliver_many([other.pk], threads=1) == {"queued": 1}
    for each in (message, other):
        each.refresh_from_db()
        assert (each.status, each.attempts) == ("queued", 1)
        assert each.last_error == "not sent: ZeroDivisionError here"
    assert message.next_attempt_at == start + dt.timedelta(minutes=1)
    assert "07700 900 982" not in caplog.text  # the fault's words are never logged
    assert f"message {message.pk} not sent: ZeroDivisionError here" in caplog.text
    monkeypatch.undo()  # mended: the next try sends it, once
    notify.deliver(message.pk, now=start + dt.timedelta(minutes=1))
    message.refresh_from_db()
    assert message.status == "sent"
    assert len(fake_notify.sent_to(PHONE)) == 1


@pytest.mark.parametrize(
    ("limit", "warned"),
    [
        (1, "messaging.W001"),  # helper-75: a risk text reached the duty phone 4 minutes on
        (59, "messaging.W001"),
        (60, None),
        (3000, None),
        (3001, "messaging.W002"),  # over Notify's documented limit: it would refuse some
    ],
)
def test_a_rate_limit_where_crisis_messages_would_wait_or_notify_refuse_is_warned_of(
    settings, limit, warned
):
    settings.NOTIFY_RATE_LIMIT_PER_MINUTE = limit
    said = StringIO()
    call_command("check", stdout=StringIO(), stderr=said)
    if warned:
        assert f"({warned}) NOTIFY_RATE_LIMIT_PER_MINUTE is {limit:,}" in said.getvalue()
    else:
        assert "NOTIFY_RATE_LIMIT_PER_MINUTE" not in said.getvalue()


def test_a_retry_after_an_unclear_answer_does_not_send_twice(fake_notify, db):
    """Notify took the message but the answer was lost (say, a timeout): the next try
    finds the message's reference at Notify and records it, sending nothing more."""
    message = queued()
    api = notify.client()
    sent = api.send_sms_notification(
        phone_number=PHONE, template_id="x", reference=message.reference
    )
    Message.objects.filter(pk=message.pk).update(attempts=1)  # the lost first try
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == "sent"
    assert message.notify_id == sent["id"]
    assert len(fake_notify.sent_to(PHONE)) == 1


def test_a_message_already_sent_is_never_sent_again(fake_notify, db):
    message = queued()
    notify.deliver(message.pk)
    notify.deliver(message.pk)
    notify.deliver_due()
    assert len(fake_notify.sent_to(PHONE)) == 1


def test_a_worker_that_crashed_mid_send_is_recovered_without_a_second_send(fake_notify, db):
    message = queued()
    notify.deliver(message.pk)
    # As if the worker died after Notify accepted it, before recording the answer.
    Message.objects.filter(pk=message.pk).update(status="sending")
    lose(workers.worker_id())
    notify.deliver_due()
    message.refresh_from_db()
    assert message.status == "sent"
    assert len(fake_notify.sent_to(PHONE)) == 1


def test_the_sweeper_sends_a_duty_alert_before_older_updates(fake_notify, db):
    """Behind a backlog of "you said, we did" (the workers down a while), the duty team's
    alert is sent first, as the workers take it first."""
    older = [queued(kind=Message.Kind.YOU_SAID_WE_DID, to=f"0770090000{k}") for k in range(3)]
    alert = queued(kind=Message.Kind.DUTY_ALERT, to="07700900999")
    notify.deliver_due()
    assert [s.to for s in fake_notify.sent] == [alert.to, *(m.to for m in older)]


def test_it_gives_up_after_the_most_tries(fake_notify, settings, db):
    settings.NOTIFY_MAX_ATTEMPTS = 2
    fake_notify.fail_next = 10
    message = queued()
    now = timezone.now()
    notify.deliver(message.pk, now=now)
    notify.deliver(message.pk, now=now + dt.timedelta(hours=1))
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("failed", 2)


def test_the_task_worker_delivers_a_queued_message(
    fake_notify, transactional_db, django_capture_on_commit_callbacks
):
    # transactional_db: the worker closes its database connection as a real worker does.
    with django_capture_on_commit_callbacks(execute=True):
        message = services.queue(
            kind=Message.Kind.THANKS_REPLY, channel="sms", to=PHONE, body="Thanks"
        )
    call_command("db_worker", "--batch", "--queue-name", "notifications", stdout=StringIO())
    message.refresh_from_db()
    assert message.status == "sent"


def test_the_sweeper_command_reports_what_it_did(fake_notify, db):
    queued()
    out = StringIO()
    call_command("deliver-messages", stdout=out)
    assert out.getvalue().strip() == "Messages tried: 1 sent."


# Notify calling us ---------------------------------------------------------------------


def bearer(settings):
    return {"HTTP_AUTHORIZATION": f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}"}


def test_a_delivery_receipt_records_the_outcome_and_forgets_the_address(
    client, fake_notify, settings, db
):
    message = queued()
    notify.deliver(message.pk)
    [sent] = fake_notify.sent
    response = client.post(
        "/notify/receipts", fake_notify.receipt(sent), "application/json", **bearer(settings)
    )
    assert response.status_code == 200
    message.refresh_from_db()
    assert (message.status, message.to) == ("delivered", "")
    # Notify retries callbacks: the same receipt again changes nothing.
    again = client.post(
        "/notify/receipts", fake_notify.receipt(sent), "application/json", **bearer(settings)
    )
    assert again.status_code == 200


def test_a_permanent_failure_receipt_marks_the_message_failed(client, fake_notify, settings, db):
    message = queued(to="07700900002")  # Notify's smoke-test number that never delivers.
    notify.deliver(message.pk)
    [sent] = fake_notify.sent
    client.post(
        "/notify/receipts", fake_notify.receipt(sent), "application/json", **bearer(settings)
    )
    message.refresh_from_db()
    assert (message.status, message.last_error) == ("failed", "permanent-failure")


@pytest.mark.parametrize(
    "headers",
    [{}, {"HTTP_AUTHORIZATION": "Bearer wrong"}, {"HTTP_AUTHORIZATION": "Basic abc"}],
)
def test_a_callback_without_the_right_token_is_refused_and_logged(client, db, caplog, headers):
    with caplog.at_level(logging.WARNING):
        response = client.post(
            "/notify/inbound-sms",
            {"id": "x", "source_number": PHONE, "message": "hello"},
            "application/json",
            **headers,
        )
    assert response.status_code == 401
    assert not Voice.objects.exists()
    assert "bad or missing bearer token" in caplog.text
    assert PHONE not in caplog.text


def test_while_the_token_is_rotated_both_are_taken_and_then_only_the_new(client, db, settings):
    settings.NOTIFY_CALLBACK_TOKEN_PREVIOUS = settings.NOTIFY_CALLBACK_TOKEN
    settings.NOTIFY_CALLBACK_TOKEN = "the-new-token-made-for-the-rotation"

    def text_in(token, n):
        return client.post(
            "/notify/inbound-sms",
            {"id": f"rotation-{n}", "source_number": PHONE, "message": f"hello {n}"},
            "application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        ).status_code

    old = settings.NOTIFY_CALLBACK_TOKEN_PREVIOUS
    assert text_in(old, 1) != 401  # Notify not yet changed over
    assert text_in("the-new-token-made-for-the-rotation", 2) != 401
    assert text_in("neither", 3) == 401
    assert Voice.objects.count() == 2
    settings.NOTIFY_CALLBACK_TOKEN_PREVIOUS = ""  # the rotation done
    assert text_in(old, 4) == 401
    assert text_in("", 5) == 401


def test_a_receipt_for_an_id_we_never_sent_is_refused_and_logged(client, settings, db, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.post(
            "/notify/receipts",
            {"id": "not-ours", "status": "delivered"},
            "application/json",
            **bearer(settings),
        )
    assert response.status_code == 404
    assert "unknown notification id not-ours" in caplog.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("not json", "The body must be a JSON object."),
        ('{"id": ' + "[" * 5000 + "]" * 5000 + "}", "The body must be a JSON object."),
        ('{"id": "x"}', "Missing or empty: status."),
        ('{"id": "x", "status": "lost-in-space"}', "Unknown status 'lost-in-space'."),
    ],
)
def test_a_malformed_receipt_is_refused_with_what_is_wrong(client, settings, db, body, expected):
    response = client.post("/notify/receipts", body, "application/json", **bearer(settings))
    assert response.status_code == 400
    assert response.json() == {"error": expected}


def inbound(fake_notify, message, number=PHONE):
    return fake_notify.inbound(number, message)


def test_a_text_message_in_becomes_a_voice_and_gets_a_thank_you(client, fake_notify, settings, db):
    payload = inbound(fake_notify, "The evening sanctuary was a lifeline, thank you")
    response = client.post("/notify/inbound-sms", payload, "application/json", **bearer(settings))
    assert response.status_code == 201
    voice = Voice.objects.get()
    assert (voice.channel, voice.text, voice.consent_improvement) == (
        "sms",
        "The evening sanctuary was a lifeline, thank you",
        True,
    )
    assert voice.suggested_sentiment == "positive"
    reply = Message.objects.get(voice=voice)
    assert (reply.kind, reply.to) == ("thanks_reply", PHONE)


def test_a_text_message_notify_sends_twice_is_stored_once(client, fake_notify, settings, db):
    payload = inbound(fake_notify, "Nobody rang me back")
    for _ in range(2):
        response = client.post(
            "/notify/inbound-sms", payload, "application/json", **bearer(settings)
        )
        assert response.status_code == 201
    assert Voice.objects.count() == 1
    assert Message.objects.count() == 1


def test_an_at_risk_text_raises_an_alert_tells_the_duty_team_and_replies_with_crisis_help(
    client, fake_notify, settings, transactional_db, django_capture_on_commit_callbacks
):
    TeamFactory(name="24/7 line", duty_phone="07700900555", duty_email="duty@example.nhs.uk")
    payload = inbound(fake_notify, "I can't go on, I want to end it all tonight")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/notify/inbound-sms", payload, "application/json", **bearer(settings))
    call_command("db_worker", "--batch", "--queue-name", "notifications", stdout=StringIO())

    alert = RiskAlert.objects.get()
    [reply] = fake_notify.sent_to(PHONE)
    assert "116 123" in reply.personalisation["body"]
    assert "999" in reply.personalisation["body"]
    assert "option 2" in reply.personalisation["body"]
    [duty_text] = fake_notify.sent_to("07700900555")
    [duty_email] = fake_notify.sent_to("duty@example.nhs.uk")
    assert f"risk alert {alert.pk}" in duty_text.personalisation["body"].lower()
    # The duty message says where to read, never what the person wrote.
    assert "end it all" not in duty_text.personalisation["body"]
    assert "end it all" not in duty_email.personalisation["body"]


def test_an_escalation_messages_the_duty_team_again(db, settings):
    TeamFactory(duty_phone="07700900555")
    voice = Voice.objects.create(
        channel="web", text="I want to kill myself", received_at=timezone.now()
    )
    from coproduce.voices.services import escalate_unacknowledged, raise_alert_if_at_risk

    raise_alert_if_at_risk(voice)
    later = timezone.now() + dt.timedelta(minutes=settings.RISK_ALERT_ESCALATE_MINUTES + 1)
    escalate_unacknowledged(later)
    kinds = sorted(Message.objects.values_list("kind", flat=True))
    assert kinds == ["alert_escalation", "duty_alert"]


def test_the_duty_team_is_the_voices_own_team_when_it_is_open(db):
    from coproduce.voices.services import duty_teams

    line = TeamFactory(duty_phone="07700900555", kind="crisis_line")  # 24 hours
    own = TeamFactory(duty_phone="07700900666")
    assert duty_teams(VoiceFactory(team=own)) == [own]
    # Feedback about no particular service goes to the 24/7 crisis line.
    assert duty_teams(VoiceFactory(team=None)) == [line]
    line.delete()
    assert duty_teams(VoiceFactory(team=None)) == [own]


def test_a_stop_reply_is_not_stored_as_feedback(client, fake_notify, settings, db):
    payload = inbound(fake_notify, "STOP")
    response = client.post("/notify/inbound-sms", payload, "application/json", **bearer(settings))
    assert response.status_code == 200
    assert not Voice.objects.exists()


def test_the_benchmark_measures_and_leaves_nothing_behind(db):
    out = StringIO()
    call_command("bench", "voices", "--texts", "2", "--rows", "10", stdout=out)
    assert "2 texts, median" in out.getvalue()
    assert "(4 messages sent)" in out.getvalue()  # each: a duty text and a reply
    assert "FFT import: 10 rows in" in out.getvalue()
    assert not Voice.objects.exists()
    assert not Message.objects.exists()
