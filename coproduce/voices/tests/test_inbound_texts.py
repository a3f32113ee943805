"""Inbound messages are never lost: every field of Notify's callbacks may be malformed.

A text message is stored whatever the state of its fields (control characters removed,
an impossible date replaced by the time it reached us, with a note), replied to when
there is a number, and answered 2xx, so Notify never gives up on it. A delivery receipt
that is not what Notify sends is refused with a 4xx naming what is wrong, which Notify
does not retry. Run on SQLite and PostgreSQL (a NUL byte is refused by PostgreSQL).
"""

import datetime as dt
import json
import logging
import uuid

import pytest
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.messaging import notify
from coproduce.messaging.models import Message
from coproduce.privacy import retention
from coproduce.tooling.testing.factories import UserFactory
from coproduce.voices.models import RiskAlert, Voice

PHONE = "07700900123"
INBOUND = "/notify/inbound-sms"
RECEIPTS = "/notify/receipts"


def bearer(settings):
    return {"HTTP_AUTHORIZATION": f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}"}


def text_message(**fields):
    body = {
        "id": str(uuid.uuid4()),
        "source_number": PHONE,
        "destination_number": "07700900111",
        "message": "The crisis café was open when I needed it",
        "date_received": timezone.now().isoformat().replace("+00:00", "Z"),
    }
    for name, value in fields.items():
        if value is MISSING:
            del body[name]
        else:
            body[name] = value
    return body


MISSING = object()


def post(client, settings, body):
    raw = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(INBOUND, raw, "application/json", **bearer(settings))


# date_received ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2026-02-30T10:00:00Z", "is not a possible date"),
        ("2026-13-01T10:00:00Z", "is not a possible date"),
        ("yesterday", "is not a date"),
        (1767225600, "is not a date"),
        (None, "Notify sent no date received"),
        (MISSING, "Notify sent no date received"),
        ("", "Notify sent no date received"),
        ("2999-01-01T00:00:00Z", "is in the future"),
        ("2001-01-01T00:00:00Z", "is too long ago"),
        ("9999-12-31T23:59:59-23:59", "is"),
    ],
)
def test_it_stores_a_text_whose_date_is_impossible_with_the_time_it_reached_us(
    client, settings, db, value, why
):
    before = timezone.now()
    response = post(client, settings, text_message(date_received=value))
    assert response.status_code == 201
    voice = Voice.objects.get()
    assert voice.text == "The crisis café was open when I needed it"
    assert before <= voice.received_at <= timezone.now()
    assert why in voice.source_detail
    assert "the time it reached us is used" in voice.source_detail
    reply = Message.objects.get(voice=voice)
    assert (reply.kind, reply.to) == ("thanks_reply", PHONE)


def test_a_good_date_is_kept_and_needs_no_note(client, settings, db):
    sent_at = timezone.now().replace(microsecond=0) - dt.timedelta(minutes=3)
    post(client, settings, text_message(date_received=sent_at.isoformat()))
    voice = Voice.objects.get()
    assert (voice.received_at, voice.source_detail) == (sent_at, "")


def test_a_date_with_a_control_character_in_it_is_read_without_it(client, settings, db):
    sent_at = timezone.now().replace(microsecond=0) - dt.timedelta(minutes=2)
    post(
        client,
        settings,
        text_message(date_received=f"{sent_at:%Y-%m-%dT%H:%M}\u0000:{sent_at:%S}Z"),
    )
    voice = Voice.objects.get()
    assert (voice.received_at, voice.source_detail) == (sent_at, "")


def test_notify_s_date_without_a_time_zone_is_read_as_utc(client, settings, db):
    sent_at = timezone.now().replace(microsecond=0, tzinfo=None) - dt.timedelta(minutes=1)
    post(client, settings, text_message(date_received=sent_at.isoformat()))
    assert Voice.objects.get().received_at == sent_at.replace(tzinfo=dt.UTC)


def test_an_at_risk_text_with_an_impossible_date_still_raises_its_alert_and_gets_crisis_help(
    client, settings, db
):
    body = text_message(message="I want to end my life tonight", date_received="2026-02-30")
    assert post(client, settings, body).status_code == 201
    alert = RiskAlert.objects.get()
    assert alert.voice.text == "I want to end my life tonight"
    assert Message.objects.get(voice=alert.voice).kind == "crisis_reply"


# message ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("I can't sleep\u0000 tonight", "I can't sleep tonight"),
        ("bell\u0007 and escape\u001b[31m", "bell and escape[31m"),
        ("C1\u0085 control", "C1 control"),
        ("half an emoji \ud83d here", "half an emoji  here"),
        ("\u0000\u0000help\u0000", "help"),
    ],
)
def test_it_stores_a_text_without_the_characters_that_cannot_be_stored(
    client, settings, db, value, stored
):
    response = post(client, settings, text_message(message=value))
    assert response.status_code == 201
    voice = Voice.objects.get()
    assert voice.text == stored
    assert "cannot be stored were removed" in voice.source_detail
    assert Message.objects.filter(voice=voice, to=PHONE).exists()


def test_a_text_is_stored_as_it_can_be_read_without_controls_that_reverse_it(client, settings, db):
    # "\u202e" shows what follows backwards: a reviewer would read "evol" for "love", and
    # the risk screen would be given words nobody sees (as every form already reads it).
    post(client, settings, text_message(message="\u200b\u202eI can't go on\u202c\u200b"))
    voice = Voice.objects.get()
    assert voice.text == "I can't go on"
    assert "controls that reverse how it reads, were removed" in voice.source_detail
    assert RiskAlert.objects.filter(voice=voice).exists()


def test_bytes_that_are_not_utf8_are_kept_as_replacement_characters(client, settings, db):
    raw = (
        json.dumps(text_message(message="caf\u00e9"), ensure_ascii=False)
        .encode()
        .replace(b"\xc3\xa9", b"\xe9")
    )
    assert post(client, settings, raw).status_code == 201
    assert Voice.objects.get().text == "caf\ufffd"


@pytest.mark.parametrize(
    ("value", "stored"), [(12345, "12345"), (["help", "me"], '["help", "me"]')]
)
def test_a_message_that_is_not_text_is_stored_as_sent(client, settings, db, value, stored):
    assert post(client, settings, text_message(message=value)).status_code == 201
    voice = Voice.objects.get()
    assert voice.text == stored
    assert "came as something other than text" in voice.source_detail


def test_a_very_long_message_is_kept_to_its_first_5000_characters(client, settings, db):
    assert post(client, settings, text_message(message="a" * 6000)).status_code == 201
    voice = Voice.objects.get()
    assert len(voice.text) == 5000
    assert "first 5,000 characters" in voice.source_detail


@pytest.mark.parametrize("value", [None, MISSING, "", "   ", "\u0000\u0001"])
def test_a_message_with_no_words_is_answered_2xx_and_stores_nothing(client, settings, db, value):
    response = post(client, settings, text_message(message=value))
    assert response.status_code == 200
    assert response.json() == {"voice": None, "note": "The message had no words to store."}
    assert not Voice.objects.exists()
    assert not Message.objects.exists()


# source_number ----------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, MISSING, "", "\u0000"])
def test_a_text_with_no_number_is_stored_and_says_no_reply_could_be_sent(
    client, settings, db, value
):
    response = post(client, settings, text_message(source_number=value))
    assert response.status_code == 201
    voice = Voice.objects.get()
    assert voice.text == "The crisis café was open when I needed it"
    assert voice.received_from == ""
    assert "No number came with it, so no reply could be sent." in voice.source_detail
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("value", "kept", "replied_to"),
    [
        # Notify gives UK numbers as 44...; its send needs the plus (found by a trial).
        ("447700900123", "447700900123", "+447700900123"),
        (447700900123, "447700900123", "+447700900123"),
        ("0770090\u00000123", "07700900123", "07700900123"),
        ("0" * 40, "0" * 32, "0" * 32),
    ],
)
def test_a_malformed_number_is_kept_as_well_as_it_can_be_read_and_replied_to(
    client, settings, db, value, kept, replied_to
):
    assert post(client, settings, text_message(source_number=value)).status_code == 201
    voice = Voice.objects.get()
    assert voice.received_from == kept
    assert Message.objects.get(voice=voice).to == replied_to


def test_an_at_risk_text_with_no_number_still_raises_its_alert(client, settings, db):
    body = text_message(message="I want to kill myself tonight", source_number=None)
    assert post(client, settings, body).status_code == 201
    assert RiskAlert.objects.get().voice.text == "I want to kill myself tonight"


# id ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, MISSING, "", "  "])
def test_a_text_with_no_id_is_stored_once_however_often_it_is_retried(client, settings, db, value):
    body = text_message(id=value)
    for _ in range(3):
        assert post(client, settings, body).status_code == 201
    voice = Voice.objects.get()
    assert voice.notify_inbound_id.startswith("no-id-")
    assert "Notify sent no id for it." in voice.source_detail
    assert Message.objects.count() == 1
    # Another text with no id is another voice.
    post(client, settings, text_message(id=value, message="And another thing"))
    assert Voice.objects.count() == 2


@pytest.mark.parametrize(("value", "kept"), [(12345, "12345"), ("ab\u0000cd", "abcd")])
def test_a_malformed_id_is_read_as_well_as_it_can_be_and_still_stores_once(
    client, settings, db, value, kept
):
    body = text_message(id=value)
    for _ in range(2):
        assert post(client, settings, body).status_code == 201
    assert Voice.objects.get().notify_inbound_id == kept


# the whole body ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", '"a string"'])
def test_a_body_that_is_not_a_json_object_is_refused_with_a_clear_4xx(client, settings, db, raw):
    response = post(client, settings, raw)
    assert response.status_code == 400
    assert response.json() == {"error": "The body must be a JSON object."}
    assert not Voice.objects.exists()


def test_the_log_names_the_malformed_fields_and_never_the_number_or_words(
    client, settings, db, caplog
):
    with caplog.at_level(logging.INFO):
        post(client, settings, text_message(date_received="yesterday", message="I feel\u0000 low"))
    assert "message, date_received not as Notify documents" in caplog.text
    assert PHONE not in caplog.text
    assert "I feel" not in caplog.text


def test_the_number_a_text_came_from_goes_with_message_addresses_after_ninety_days(
    client, settings, db
):
    post(client, settings, text_message())
    Voice.objects.update(received_at=timezone.now() - dt.timedelta(days=91))
    retention.purge()
    voice = Voice.objects.get()
    assert (voice.received_from, voice.text) == ("", "The crisis café was open when I needed it")


# Delivery receipts ------------------------------------------------------------------


@pytest.fixture
def sent(db):
    message = Message.objects.create(
        kind=Message.Kind.THANKS_REPLY,
        channel="sms",
        to=PHONE,
        body="Thank you",
        status=Message.Status.SENT,
        notify_id=str(uuid.uuid4()),
    )
    return message


def receipt(message, **fields):
    return {
        "id": message.notify_id,
        "reference": message.reference,
        "to": PHONE,
        "status": "delivered",
        "created_at": "2026-11-02T10:00:00.000000Z",
        "completed_at": "2026-11-02T10:00:05.000000Z",
        "sent_at": "2026-11-02T10:00:01.000000Z",
        "notification_type": "sms",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"id": "ab\u0000cd"}, "Not text of at most 64 readable characters: id."),
        ({"id": 12345}, "Not text of at most 64 readable characters: id."),
        ({"id": "x" * 65}, "Not text of at most 64 readable characters: id."),
        ({"id": None}, "Missing or empty: id."),
        ({"status": "deliv\u0000ered"}, "Not text of at most 64 readable characters: status."),
        ({"status": 200}, "Not text of at most 64 readable characters: status."),
        ({"status": ""}, "Missing or empty: status."),
        ({"status": "sending"}, "Unknown status 'sending'."),
    ],
)
def test_a_receipt_with_a_malformed_id_or_status_is_refused_with_a_4xx_naming_it(
    client, settings, sent, fields, error
):
    response = client.post(
        RECEIPTS, receipt(sent, **fields), "application/json", **bearer(settings)
    )
    assert response.status_code == 400
    assert response.json() == {"error": error}
    sent.refresh_from_db()
    assert (sent.status, sent.to) == ("sent", PHONE)


@pytest.mark.parametrize(
    "fields",
    [
        {"reference": "coproduce-\u0000"},
        {"reference": 42},
        {"reference": None},
        {"created_at": "yesterday", "completed_at": "2026-02-30T10:00:00Z", "sent_at": None},
        {"to": None, "notification_type": 7},
    ],
)
def test_a_receipt_whose_other_fields_are_malformed_still_records_the_outcome(
    client, settings, sent, fields
):
    response = client.post(
        RECEIPTS, receipt(sent, **fields), "application/json", **bearer(settings)
    )
    assert response.status_code == 200
    sent.refresh_from_db()
    assert (sent.status, sent.to) == ("delivered", "")


def test_a_receipt_matched_by_reference_alone_ignores_a_malformed_reference(client, settings, db):
    message = Message.objects.create(
        kind=Message.Kind.THANKS_REPLY, channel="sms", to=PHONE, body="Thanks", status="sending"
    )
    body = {
        "id": str(uuid.uuid4()),
        "reference": f"coproduce-{message.pk}\u0000",
        "status": "delivered",
    }
    response = client.post(RECEIPTS, body, "application/json", **bearer(settings))
    assert response.status_code == 404
    body["reference"] = message.reference
    assert client.post(RECEIPTS, body, "application/json", **bearer(settings)).status_code == 200
    assert notify.record_receipt(body["id"], "delivered").status == "delivered"


# The same text twice at once ----------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_same_text_arriving_twice_at_once_is_stored_once_and_both_are_answered():
    """Notify retrying while the first try is still being answered: the second waits on the
    database's unique id, is refused its copy, and answers with the first's voice."""
    import threading
    import time

    from django.db import connection, transaction

    from coproduce.voices.services import receive_text

    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the two cannot overlap")
    args = ("same-id", PHONE, "Nobody rang me back", timezone.now())
    second: list[object] = []

    def again():
        try:
            second.append(receive_text(*args))
        except Exception as error:  # the test reports what the second try met
            second.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        first = receive_text(*args)
        thread = threading.Thread(target=again)
        thread.start()
        time.sleep(1)  # the second is now waiting for this one's id to commit or not
    thread.join(timeout=30)
    assert second == [first]
    assert Voice.objects.count() == 1
    assert Message.objects.count() == 1


# one conversation -------------------------------------------------------------------


def test_a_later_text_from_someone_at_risk_gets_crisis_contacts_and_shows_on_their_alert(
    client, settings, db
):
    # Found by a fresh-eyes trial: "ok thanks" from the same phone (written +44…) got the
    # feedback thank-you, and the duty worker could not see it on the first alert.
    first = text_message(message="I want to end my life tonight", source_number="07700900123")
    assert post(client, settings, first).status_code == 201
    later = text_message(message="ok thanks", source_number="+447700900123")
    assert post(client, settings, later).status_code == 201
    elsewhere = text_message(message="ok thanks", source_number="07700900999")
    assert post(client, settings, elsewhere).status_code == 201
    [alert] = RiskAlert.objects.all()
    replies = {
        v.received_from: Message.objects.get(voice=v).kind
        for v in Voice.objects.exclude(pk=alert.voice.pk)
    }
    assert replies == {"+447700900123": "crisis_reply", "07700900999": "thanks_reply"}
    duty = UserFactory(role=Role.PRACTITIONER)
    client.force_login(duty)
    page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "Other texts from the same number" in page
    assert "ok thanks" in page
    assert page.count("ok thanks") == 1  # not the other phone's
    later_voice = Voice.objects.get(received_from="+447700900123")
    assert AuditEvent.objects.filter(
        actor=duty, record_id=str(later_voice.pk), detail="risk alert: same number"
    ).exists()


def test_once_the_alert_is_acknowledged_and_a_day_old_the_thank_you_is_ordinary_again(
    client, settings, db
):
    first = text_message(message="I want to end my life tonight", source_number="07700900123")
    post(client, settings, first)
    RiskAlert.objects.update(
        acknowledged_at=timezone.now(), raised_at=timezone.now() - dt.timedelta(hours=25)
    )
    post(client, settings, text_message(message="thanks for the call", source_number="07700900123"))
    later = Voice.objects.get(text="thanks for the call")
    assert Message.objects.get(voice=later).kind == "thanks_reply"
