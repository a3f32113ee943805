"""Telling contributors what changed: each channel and format, translations, withdrawals,
the rate limit, and no one told twice across a crash. The real Notify client talks to
the local fake Notify over loopback; audio is made by the real espeak-ng."""

import datetime as dt
import glob
import shutil
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from coproduce.change import delivery, services, stopping, tasks
from coproduce.change.models import OutboxMessage
from coproduce.lib.formats import Format
from coproduce.messaging import formats, notify, workers
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import (
    VoiceFactory,
    confirm_and_publish,
    confirm_and_translate,
    publish_and_tell,
    sent_once,
)
from coproduce.tooling.testing.workers import lose
from coproduce.voices.models import Voice
from coproduce.voices.services import withdraw

ADDRESS = "Flat 2\n10 Example Street\nIpswich\nIP1 1AA"


def contributor(le_lead, action, **details):
    voice = VoiceFactory.contactable(**details)
    services.add_voice_to_insight(le_lead, action.insight, voice)
    return voice


def publish(le_lead, action, **extra):
    return publish_and_tell(
        le_lead,
        action,
        you_said="You had to tell your story again to every new person. It was tiring.",
        we_did="Everyone now has a named team of at most four people.",
        **extra,
    )


def message_for(voice):
    return OutboxMessage.objects.select_related("message").get(voice=voice).message


def test_each_contributor_is_told_on_their_channel(le_lead, action, settings):
    by_email = contributor(le_lead, action)
    by_text = contributor(
        le_lead, action, contact_channel=Voice.ContactChannel.SMS, contact_phone="07700900001"
    )
    by_letter = contributor(
        le_lead, action, contact_channel=Voice.ContactChannel.POST, contact_address=ADDRESS
    )
    publish(le_lead, action)
    assert message_for(by_email).channel == Message.Channel.EMAIL
    assert message_for(by_text).channel == Message.Channel.SMS
    letter = message_for(by_letter)
    assert letter.channel == Message.Channel.LETTER
    assert letter.to.splitlines() == ["Flat 2", "10 Example Street", "Ipswich", "IP1 1AA"]
    assert notify.letter_personalisation(letter)["address_line_4"] == "IP1 1AA"


def test_a_letter_goes_through_notify_with_its_address_lines(le_lead, action, fake_notify):
    voice = contributor(
        le_lead, action, contact_channel=Voice.ContactChannel.POST, contact_address=ADDRESS
    )
    publish(le_lead, action)
    message = message_for(voice)
    notify.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    [sent] = [s for s in fake_notify.sent if s.type == "letter"]
    assert sent.personalisation["address_line_1"] == "Flat 2"
    assert "Everyone now has a named team" in sent.personalisation["body"]


def test_standard_words_link_to_the_update(le_lead, action, settings):
    voice = contributor(le_lead, action)
    update = publish(le_lead, action)
    body = message_for(voice).body
    assert "You told us:\n\nYou had to tell your story again" in body  # by email
    # The action is planned: a plan is not told as done (helper-84).
    assert "\n\nWhat we plan to do:\n\nEveryone now has a named team" in body
    assert f"{settings.PUBLIC_BASE_URL}/you-said-we-did/{update.pk}" in body


def test_large_print_by_email_links_to_the_large_print_page(le_lead, action, client):
    voice = contributor(le_lead, action, contact_format=Format.LARGE_PRINT)
    update = publish(le_lead, action)
    assert f"/you-said-we-did/{update.pk}?format=large-print" in message_for(voice).body
    page = client.get(f"/you-said-we-did/{update.pk}?format=large-print").content.decode()
    assert "coproduce-large-print" in page
    # The crisis contacts too (helper-73 found them at the standard size).
    crisis = page.index("If you need help now")
    assert page.rindex('<div class="coproduce-large-print">', 0, crisis) > page.index(
        "What we plan to do"
    )  # the action is planned
    standard = client.get(f"/you-said-we-did/{update.pk}").content.decode()
    assert "coproduce-large-print" not in standard
    # The update's own page says how far the action has got, as the list does (helper-85).
    assert 'Status: <strong class="nhsuk-tag nhsuk-tag--grey">Planned</strong>' in standard


@pytest.mark.parametrize(
    ("status", "heading"),
    [
        ("planned", "What we plan to do:"),  # helper-84: a plan was told as done
        ("in_progress", "What we are doing:"),
        ("done", "What we did:"),
    ],
)
def test_easy_read_is_short_sentences_one_a_line(le_lead, action, status, heading):
    action.status = status
    action.save()
    voice = contributor(le_lead, action, contact_format=Format.EASY_READ)
    publish(le_lead, action)
    lines = message_for(voice).body.split("\n\n")
    assert lines[:4] == [
        "You told us:",
        "You had to tell your story again to every new person.",
        "It was tiring.",
        heading,
    ]


def test_an_easy_read_version_written_by_a_person_is_used(le_lead, action):
    voice = contributor(le_lead, action, contact_format=Format.EASY_READ)
    publish(le_lead, action, easy_read="You told us staff kept changing.\nNow you have a team.")
    assert message_for(voice).body.startswith(
        "You told us staff kept changing.\n\nNow you have a team."
    )


def test_braille_ready_text_is_plain_characters_in_short_lines(le_lead, action, settings):
    voice = contributor(le_lead, action, contact_format=Format.BRAILLE)
    update = publish_and_tell(
        le_lead, action, you_said="It’s “too many” people – always.", we_did="A named team…"
    )
    body = message_for(voice).body
    assert body.isascii()
    assert 'It\'s "too many" people - always.' in body.replace("\n", " ")
    words = [line for line in body.splitlines() if "://" not in line]
    assert max(len(line) for line in words) <= formats.BRAILLE_WIDTH
    # Each web address whole, and their own link to stop (helper-85 read "stop-link" and
    # "?formatbraille-ready" broken over two lines).
    lines = body.splitlines()
    assert f"{settings.PUBLIC_BASE_URL}/you-said-we-did/{update.pk}?format=braille-ready" in lines
    assert f"these messages: {stopping.link(voice)}" in lines
    assert "stop-link" not in body


def test_braille_ready_text_keeps_every_letter_and_leaves_out_emoji():
    # Welsh accents carry meaning (dŵr, water; tŷ, house): helper-77 read "dwr".
    assert formats.braille_ready("Mae’r dŵr yn y tŷ 🙂 – o’r diwedd") == (
        "Mae'r dŵr yn y tŷ - o'r diwedd"
    )


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="./scripts/test installs espeak-ng")
def test_audio_is_made_offline_and_linked_from_the_message(le_lead, action, client):
    voice = contributor(le_lead, action, contact_format=Format.AUDIO)
    update = publish(le_lead, action)
    path = delivery.audio_path(update, "en")
    assert path.read_bytes()[:4] == b"RIFF"
    assert path.stat().st_size > 10_000  # seconds of speech, not an empty file
    assert f"/you-said-we-did/{update.pk}/audio/en" in message_for(voice).body
    response = client.get(f"/you-said-we-did/{update.pk}/audio/en")
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert client.get(f"/you-said-we-did/{update.pk}/audio/pl").status_code == 404


def test_without_espeak_the_words_still_go_out(le_lead, action, monkeypatch, caplog):
    monkeypatch.setattr("coproduce.messaging.formats.shutil.which", lambda name: None)
    voice = contributor(le_lead, action, contact_format=Format.AUDIO)
    publish(le_lead, action)
    assert "Everyone now has a named team" in message_for(voice).body
    assert "espeak-ng is not installed" in caplog.text


def test_a_contributor_gets_the_translation_in_their_language(le_lead, action, client):
    """helper-83: a translation can be entered only once the update is published, and the
    messages went within seconds, so the Welsh reader was told in English. Readers of
    another language wait for it (48 hours), then are told in English."""
    welsh = contributor(le_lead, action, language="cy")
    polish = contributor(le_lead, action, language="pl")
    english = contributor(le_lead, action, language="en-gb")
    update = publish_and_tell(le_lead, action, you_said="Too many staff.", we_did="A team.")
    assert "Too many staff." in message_for(english).body
    assert not OutboxMessage.objects.filter(voice__in=[welsh, polish]).exists()
    assert delivery.progress(update).awaiting_translation == 2
    client.force_login(le_lead)
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert "2 contributors read Welsh or Polish and wait for the update in it" in page
    assert f'<a href="/updates/{update.pk}/translate">Enter a translation</a>' in page
    confirm_and_translate(
        le_lead, update, language="cy", you_said="Gormod o staff.", we_did="Tîm wedi'i enwi."
    )
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert "1 contributor reads Polish and waits for the update in it" in page
    delivery.fan_out(update)  # as the task the translation enqueues does
    assert "Gormod o staff." in message_for(welsh).body
    assert OutboxMessage.objects.get(voice=welsh).language == "cy"
    assert not OutboxMessage.objects.filter(voice=polish).exists()  # still waiting
    # A second contributor in Welsh, added later, is told in Welsh.
    late = contributor(le_lead, action, language="cy")
    delivery.fan_out(update)
    assert "Gormod o staff." in message_for(late).body
    # Once the wait is over, the every-minute run tells the rest in English.
    waited = update.published_at + dt.timedelta(hours=48, minutes=1)
    delivery.finish_stalled_fan_outs(now=waited)
    assert "Too many staff." in message_for(polish).body  # no Polish entered: English
    assert delivery.progress(update).awaiting_translation == 0


def test_letters_in_other_formats_are_printed_by_the_team(le_lead, action, client):
    voice = contributor(
        le_lead,
        action,
        contact_channel=Voice.ContactChannel.POST,
        contact_address=ADDRESS,
        contact_format=Format.LARGE_PRINT,
    )
    update = publish(le_lead, action)
    owed = OutboxMessage.objects.get(voice=voice)
    assert (owed.status, owed.message) == (OutboxMessage.Status.TO_PRINT, None)
    client.force_login(le_lead)
    # Helper-75 read "Sending … Waiting to be sent or posted 2" for a minute as stuck: the
    # page following the update says the letters wait for the team, with the way there.
    following = client.get(f"/updates/{update.pk}").content.decode()
    assert ">Letters to print</strong>" in following
    assert "1 letter is waiting for the team to print and post" in following
    assert f'<a href="/updates/{update.pk}/letters">Print the letters</a>' in following
    assert "1 (1 to print)" in following
    page = client.get(f"/updates/{update.pk}/letters").content.decode()
    assert "coproduce-letter--large-print" in page
    assert "IP1 1AA" in page
    client.post(f"/updates/{update.pk}/letters")
    following = client.get(f"/updates/{update.pk}").content.decode()
    assert ">Finished</strong>" in following
    assert "to print)" not in following
    assert "waiting for the team" not in following
    owed.refresh_from_db()
    assert owed.status == OutboxMessage.Status.SENT
    assert owed.posted_by == le_lead
    assert services.told_for(action).told == 1


def test_a_contributor_who_withdrew_after_linking_is_not_contacted_and_is_counted(le_lead, action):
    stays = contributor(le_lead, action)
    leaves = contributor(le_lead, action)
    withdraw(leaves)
    update = publish(le_lead, action)
    assert list(OutboxMessage.objects.values_list("voice", flat=True)) == [stays.pk]
    assert update.withdrawn_not_contacted == 1
    assert services.told_for(action).withdrawn == 1


def test_withdrawing_after_being_owed_an_update_cancels_the_message_still_waiting(le_lead, action):
    leaves, stays = contributor(le_lead, action), contributor(le_lead, action)
    publish(le_lead, action)
    withdraw(leaves)
    assert (message_for(leaves).status, message_for(leaves).to) == (Message.Status.CANCELLED, "")
    assert OutboxMessage.objects.get(voice=leaves).status == OutboxMessage.Status.CANCELLED
    assert message_for(stays).status == Message.Status.QUEUED


def test_withdrawing_cancels_a_letter_still_to_print(le_lead, action, client):
    voice = contributor(
        le_lead,
        action,
        contact_channel=Voice.ContactChannel.POST,
        contact_address=ADDRESS,
        contact_format=Format.LARGE_PRINT,
    )
    update = publish(le_lead, action)
    assert OutboxMessage.objects.get(voice=voice).status == OutboxMessage.Status.TO_PRINT
    withdraw(voice)
    assert OutboxMessage.objects.get(voice=voice).status == OutboxMessage.Status.CANCELLED
    client.force_login(le_lead)
    assert "IP1 1AA" not in client.get(f"/updates/{update.pk}/letters").content.decode()
    progress = delivery.progress(update)
    assert (progress.waiting, progress.withdrawn) == (0, 1)


def test_one_who_withdraws_before_the_fan_out_reaches_them_is_counted_as_withdrawn_after(
    le_lead, action
):
    leaves, stays = contributor(le_lead, action), contributor(le_lead, action)
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    withdraw(leaves)  # published, but the worker has not made the messages yet
    assert delivery.progress(update).waiting == 2
    tasks.tell_contributors.call(update.pk)
    update.refresh_from_db()
    progress = delivery.progress(update)
    assert (progress.owed, progress.withdrawn, progress.waiting) == (2, 1, 1)
    assert update.withdrawn_not_contacted == 0  # none had withdrawn before publishing
    assert list(OutboxMessage.objects.values_list("voice", flat=True)) == [stays.pk]


def give_feedback(client, **contact):
    """Anonymous feedback from the public page, asking to be told what changes."""
    response = client.post(
        "/feedback",
        sent_once(
            {
                "rating": "1",
                "text": "Nobody rang back.",
                "consent_improvement": "on",
                "consent_contact": "on",
                **contact,
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()
    return Voice.objects.latest("pk")


def test_one_person_who_gave_several_voices_from_one_number_is_told_once(
    client, le_lead, action, fake_notify
):
    """Hazard H5 (found by a fresh-eyes trial): three forms from one mobile, typed two
    ways, and a fourth from someone else; the update goes once to each number. (Each
    says something new: the same words sent again the same day are one voice.)"""
    same = [
        give_feedback(client, text=words, contact_channel="sms", contact_phone=typed)
        for words, typed in (
            ("Nobody rang back.", "07700 900777"),
            ("Still nobody has rung back.", "+447700900777"),
            ("I am still waiting for a call.", "07700 900 777"),
        )
    ]
    other = give_feedback(client, contact_channel="sms", contact_phone="07700 900778")
    for voice in [*same, other]:
        services.add_voice_to_insight(le_lead, action.insight, voice)
    preview = services.preview_update(le_lead, action, you_said="a", we_did="b")
    assert preview.owed_to == 2
    update = publish(le_lead, action)
    assert update.owed_to == 2
    messages = Message.objects.filter(outbox__update=update)
    assert sorted(messages.values_list("to", flat=True)) == ["07700900777", "07700900778"]
    assert OutboxMessage.objects.get(update=update, message__to="07700900777").voice == same[-1]
    notify.deliver_many(list(messages.values_list("pk", flat=True)))
    assert len(fake_notify.sent_to("07700900777")) == 1
    progress = delivery.progress(update)
    assert (progress.owed, progress.told, progress.waiting) == (2, 2, 0)
    told = services.told_for(action)
    assert (told.voices, told.people, told.asked, told.told) == (4, 2, 2, 2)
    # Each of the three voices' pages shows its giver was told, through whichever voice.
    assert [services.thread_for(v)[0].told for v in same] == [{update.pk: "Sent to Notify"}] * 3


def test_an_email_address_or_a_postal_address_written_differently_is_one_person(le_lead, action):
    contributor(le_lead, action, contact_email="Sam.Example@Example.com")
    contributor(le_lead, action, contact_email=" sam.example@example.com")
    by_post = {"contact_channel": Voice.ContactChannel.POST, "contact_format": Format.LARGE_PRINT}
    contributor(le_lead, action, contact_address=ADDRESS, **by_post)
    last = contributor(
        le_lead,
        action,
        contact_address="flat 2, 10 Example Street,\r\nIpswich\r\nIP11AA",
        **by_post,
    )
    contributor(
        le_lead, action, contact_address="Flat 3\n10 Example Street\nIpswich\nIP1 1AA", **by_post
    )
    update = publish(le_lead, action)
    assert update.owed_to == 3
    made = OutboxMessage.objects.filter(update=update)
    assert made.count() == 3
    assert last.pk in set(made.values_list("voice", flat=True))


def test_the_same_person_is_told_as_their_latest_voice_asked(le_lead, action):
    first = contributor(le_lead, action, contact_email="sam@example.com")
    latest = contributor(
        le_lead, action, contact_email="sam@example.com", contact_format=Format.EASY_READ
    )
    [copy] = services.preview_update(le_lead, action, you_said="a", we_did="b").copies
    assert (copy.format, copy.contributors) == (Format.EASY_READ, 1)
    publish(le_lead, action)
    assert OutboxMessage.objects.get().voice == latest
    assert not OutboxMessage.objects.filter(voice=first).exists()


def test_a_voice_linked_later_by_someone_already_owed_the_update_gets_no_second_message(
    le_lead, action
):
    contributor(le_lead, action, contact_email="sam@example.com")
    update = publish(le_lead, action)
    contributor(le_lead, action, contact_email="sam@example.com")
    again = delivery.fan_out(update)  # a retry, or a stalled fan-out finished
    assert (again.queued, again.to_print) == (0, 0)
    assert Message.objects.filter(to="sam@example.com").count() == 1


def test_withdrawing_the_voice_that_carries_a_persons_update_leaves_it_to_their_other_voice(
    le_lead, action
):
    kept = contributor(le_lead, action, contact_email="sam@example.com")
    carries = contributor(le_lead, action, contact_email="sam@example.com")
    other = contributor(le_lead, action)
    update = publish(le_lead, action)
    assert OutboxMessage.objects.get(message__to="sam@example.com").voice == carries
    withdraw(carries)
    owed = OutboxMessage.objects.select_related("message").get(message__to="sam@example.com")
    assert (owed.voice, owed.message.status) == (kept, Message.Status.QUEUED)
    assert services.told_for(action).withdrawn == 0  # still behind it, still told
    progress = delivery.progress(update)
    assert (progress.owed, progress.waiting, progress.withdrawn) == (2, 2, 0)
    withdraw(kept)  # now they have withdrawn all they gave: nothing goes to them
    assert message_for(kept).status == Message.Status.CANCELLED
    assert services.told_for(action).withdrawn == 1
    assert message_for(other).status == Message.Status.QUEUED


def test_english_from_the_public_form_and_from_staff_is_one_version(client, le_lead, action):
    from_public = give_feedback(client, contact_channel="email", contact_email="a@example.com")
    assert from_public.language == "en-gb"
    contributor(le_lead, action, contact_email="b@example.com", language="en")
    services.add_voice_to_insight(le_lead, action.insight, from_public)
    [copy] = services.preview_update(le_lead, action, you_said="a", we_did="b").copies
    assert (copy.language, copy.contributors) == ("en", 2)


def test_a_crash_part_way_through_fanning_out_owes_no_one_twice(le_lead, action, monkeypatch):
    voices = [contributor(le_lead, action) for _ in range(7)]
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    real, calls = delivery._owed, []

    def crash_on_the_third_chunk(update, voice, renders=None):
        calls.append(voice.pk)
        if len(calls) == 5:
            raise RuntimeError("the worker died")
        return real(update, voice, renders)

    monkeypatch.setattr(delivery, "_owed", crash_on_the_third_chunk)
    with pytest.raises(RuntimeError):
        delivery.fan_out(update, chunk=2, enqueue=False)
    assert OutboxMessage.objects.count() == 4  # two whole chunks committed, the third not
    monkeypatch.setattr(delivery, "_owed", real)
    again = delivery.fan_out(update, chunk=2, enqueue=False)
    assert (again.queued, again.already_owed) == (3, 4)
    owed = list(OutboxMessage.objects.values_list("voice", flat=True))
    assert sorted(owed) == sorted(v.pk for v in voices)
    assert Message.objects.count() == 7


@pytest.mark.django_db(transaction=True)
def test_a_crash_after_notify_took_messages_sends_no_one_the_update_twice(
    le_lead, action, fake_notify, monkeypatch
):
    for n in range(6):
        contributor(le_lead, action, contact_email=f"person{n}@example.com")
    with transaction.atomic():
        update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    tasks.tell_contributors.call(update.pk)  # as the worker does, once the publish commits
    ids = list(update.outbox.values_list("message_id", flat=True))
    real_record = notify._record

    def die_before_recording(done):
        raise SystemExit("killed after Notify accepted the batch")

    monkeypatch.setattr(notify, "_record", die_before_recording)
    with pytest.raises(SystemExit):
        notify.deliver_many(ids, batch=4)
    monkeypatch.setattr(notify, "_record", real_record)
    # Notify has the first batch, which we never recorded, and the second, which was
    # claimed and sent while the first was being recorded.
    assert len(fake_notify.sent) == 6
    assert Message.objects.filter(status=Message.Status.SENDING).count() == 6

    lose(workers.worker_id())  # the killed worker beats no more
    assert notify.take_back_lost_claims() == 6
    outcome = notify.deliver_many(ids, batch=4)
    assert outcome == {"sent": 6}
    references = [s.reference for s in fake_notify.sent]
    assert len(references) == len(set(references)) == 6  # each once: none twice, none missed
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}


def test_sending_claims_the_next_batch_while_recording_one_and_never_more(
    le_lead, action, fake_notify, monkeypatch
):
    """The senders are not left idle while a batch is recorded (issue 25): the next batch
    is already claimed and sending. No more than that is claimed at once, so a crash
    leaves at most two batches for another worker to take back."""
    for n in range(12):
        contributor(le_lead, action, contact_email=f"person{n}@example.com")
    with transaction.atomic():
        update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    tasks.tell_contributors.call(update.pk)
    ids = list(update.outbox.values_list("message_id", flat=True))
    claimed_when_recorded = []

    def record(done):
        claimed_when_recorded.append(Message.objects.filter(status=Message.Status.SENDING).count())
        real_record(done)

    real_record = notify._record
    monkeypatch.setattr(notify, "_record", record)
    assert notify.deliver_many(ids, batch=4) == {"sent": 12}
    # Recording the first batch: it and the second are claimed, the third not yet; the
    # second: it and the third; the third: itself.
    assert claimed_when_recorded == [8, 8, 4]


def test_notifys_rate_limit_holds_a_message_back_without_using_up_its_tries(
    fake_notify, db, settings
):
    fake_notify.per_minute = 60
    fake_notify._tokens = 0  # the bucket is empty
    message = Message.objects.create(
        kind=Message.Kind.YOU_SAID_WE_DID, channel="sms", to="07700900123", body="b"
    )
    now = timezone.now()
    notify.deliver(message.pk, now=now)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.QUEUED, 0)
    assert message.last_error == "429 RateLimitError"
    assert message.next_attempt_at == now + notify.RATE_LIMIT_WAIT
    assert fake_notify.rate_limited == 1


def test_the_pace_keeps_to_the_limit_on_a_clock_across_every_sending_process(db):
    clock = {"now": 1_000.0}
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        clock["now"] += seconds

    # Two processes (a worker and the minute's sweeper, say): one schedule between them.
    worker, sweeper = (
        notify.Pace(
            per_minute=600,
            name="on a clock",
            clock=lambda: clock["now"],
            sleep=sleep,
            database_clock=lambda: clock["now"],
        )
        for _ in range(2)
    )  # ten a second, bursting to one second's worth
    times = [(worker if n % 2 else sweeper).take() for n in range(10)]
    assert slept == []  # the burst, shared: not one second's worth each
    times += [(worker if n % 2 else sweeper).take() for n in range(50)]
    assert clock["now"] == pytest.approx(1_005.0)  # then ten a second between them
    # The burst goes now; then one time each tenth of a second, none given twice.
    assert times == pytest.approx([1_000.0] * 10 + [1_000.0 + n / 10 for n in range(1, 51)])


@pytest.mark.same_on_every_database  # a SQLite file of its own
def test_the_pace_keeps_its_schedule_in_a_sqlite_file_as_the_demo_does(tmp_path, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from coproduce.messaging.models import SendingPace

    demo = DatabaseWrapper(  # whichever database the tests run on
        {
            **connection.settings_dict,
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "demo.sqlite3"),
            "OPTIONS": {},
        }
    )
    pace = notify.Pace(per_minute=600, name="demo")  # a burst of ten, a tenth apart
    with django_db_blocker.unblock():
        try:
            with demo.schema_editor() as editor:
                editor.create_model(SendingPace)
            first, now = pace._move_in_database(demo, 1.0)  # makes the schedule's row
            second, _ = pace._move_in_database(demo, 1.0)
        finally:
            demo.close()
    assert now == pytest.approx(time.time(), abs=60)  # seconds since 1970, by SQLite's clock
    assert first == pytest.approx(now - pace.tolerance + 1.0, abs=0.01)
    assert second == pytest.approx(first + 1.0, abs=0.01)


@pytest.mark.django_db(transaction=True)
def test_the_pace_opens_its_connection_again_once_the_database_closed_it():
    """A connection the database ended while it was idle (a restart, an idle timeout)
    costs the next message nothing: the pace opens another."""
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL ends another session's connection")
    pace = notify.Pace(per_minute=600, name="reconnect")
    try:
        pace.take()
        own = pace._connection
        with own.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            [pid] = cursor.fetchone()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        pace.times.clear()  # the next take reserves again, through the ended connection
        pace.take()
        assert pace._connection is not own
    finally:
        pace.close()


@pytest.mark.django_db(transaction=True)
def test_senders_in_two_processes_keep_to_one_limit_between_them():
    """Each process's pace reserves times from the one schedule in the database, in its
    own connection, as the task workers and the sweeper do at once."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database in memory locks its tables for one writer")
    per_second = 10
    times: list[float] = []
    errors: list[Exception] = []

    def send(count):
        pace = notify.Pace(per_minute=per_second * 60, name="two")  # as another process's
        try:
            times.extend(pace.take() for _ in range(count))
        except Exception as error:  # the test reports what a sender met
            errors.append(error)
        finally:
            pace.close()
            connection.close()

    senders = [threading.Thread(target=send, args=(15 + n,)) for n in range(2)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    assert errors == []
    assert len(times) == 31
    times.sort()
    # In any second: at most the burst (a second's worth) and a second's sending, with
    # one to spare for the database's and this process's clocks being read apart. Two
    # paces of their own would have sent all 31 within 0.6 s.
    busiest = max(sum(1 for t in times if start <= t < start + 1) for start in times)
    assert busiest <= 2 * per_second + 1


@pytest.mark.django_db(transaction=True)
def test_messages_held_back_by_the_rate_limit_are_sent_before_the_batch_finishes(
    fake_notify, monkeypatch
):
    monkeypatch.setattr(notify, "RATE_LIMIT_WAIT", dt.timedelta(milliseconds=50))
    ids = [
        Message.objects.create(
            kind=Message.Kind.YOU_SAID_WE_DID, channel="sms", to="07700900123", body=str(n)
        ).pk
        for n in range(5)
    ]
    fake_notify.per_minute = 60
    fake_notify._tokens = 2  # Notify will take two, then say 429 until its bucket refills
    refused = []
    real_within = fake_notify._within_rate_limit

    def within():
        allowed = real_within()
        if not allowed:
            refused.append(1)
            fake_notify._tokens = 1  # refill at once, so the test does not wait a second
        return allowed

    monkeypatch.setattr(fake_notify, "_within_rate_limit", within)
    outcome = notify.deliver_many(ids, threads=1, batch=5)
    assert outcome == {"sent": 5}
    assert refused  # some were held back, and sent in the next round
    assert len({s.reference for s in fake_notify.sent}) == 5


@pytest.mark.same_on_every_database  # it starts a PostgreSQL of its own
@pytest.mark.skipif(
    not glob.glob("/usr/lib/postgresql/*/bin/initdb"), reason="./scripts/test installs PostgreSQL"
)
def test_the_notify_benchmark_kills_the_workers_and_no_one_is_told_twice_or_missed():
    """``coproduce bench notify`` at a small scale, everything as deployed (the server,
    the task workers, the scheduler's jobs) but with seconds for heartbeats and minutes."""
    from coproduce.tooling.bench import change as bench

    said: list[str] = []
    result = bench.run(
        contributors=300,
        limit_per_minute=1200,  # 15 seconds of sending, so the kill comes part way
        threads=2,
        workers=2,
        heartbeat_seconds=0.5,
        lost_after_seconds=2,
        scheduler_seconds=3,
        restart_seconds=1,
        say=said.append,
    )
    # Each part is said as it ends (a fresh-eyes trial sat through a silent run).
    assert said[0] == "Preparing PostgreSQL and an action owed to 300 contributors"
    assert any(line.startswith("Published in ") for line in said)
    assert any("every worker killed" in line for line in said)
    assert said[-1] == "All 300 sent; reading the record"
    for key in (
        "publish_request_seconds",
        "rate_fraction",
        "duplicates",
        "missed",
        "resume_seconds",
        "claims_recovered_seconds",
        "per_minute",
        "limit_per_minute",
        "duplicates_after_crash",
        "missed_after_crash",
    ):
        assert key in result
    assert result["database"] == "postgresql"
    assert result["contributors"] == result["messages_sent"] == 300
    assert (result["duplicates"], result["missed"], result["not_ours"]) == (0, 0, 0)
    assert result["killed_after"] < 300  # killed part way
    assert result["resume_seconds"] is not None  # sending went on after the kill
    assert result["recorded"] == {"sent": 300}  # our records agree with Notify's


def test_a_receipt_before_the_batch_is_recorded_is_matched_by_reference_and_kept(db):
    message = Message.objects.create(
        kind=Message.Kind.YOU_SAID_WE_DID, channel="sms", to="07700900123", body="b"
    )
    [claimed] = notify._claim_batch([message.pk], timezone.now())
    # Notify took it and its receipt arrives before the worker has recorded the send.
    assert notify.record_receipt("notify-1", "delivered", claimed.reference) is not None
    claimed.status, claimed.notify_id = Message.Status.SENT, "notify-1"
    notify._record([claimed])  # the batch's record comes after: it must not undo it
    message.refresh_from_db()
    assert (message.status, message.notify_id, message.to) == ("delivered", "notify-1", "")
    # A reference that is not ours, or ours under another Notify id, is refused.
    assert notify.record_receipt("notify-2", "delivered", "someone-else") is None
    assert notify.record_receipt("notify-3", "delivered", claimed.reference) is None


def test_a_translation_without_its_language_or_words_is_refused_and_nothing_is_lost(
    client, le_lead, action
):
    update = publish(le_lead, action)
    client.force_login(le_lead)
    response = client.post(f"/updates/{update.pk}/translate", {"you_said": "Gormod o staff."})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Select the language of the translation" in body
    assert "Enter what we did, in that language" in body
    assert "Gormod o staff." in body  # what was typed is kept
    assert not update.translations.exists()


def test_only_lived_experience_leads_translate_updates_or_read_letters(
    client, lead, le_lead, action
):
    update = publish(le_lead, action)
    client.force_login(lead)
    assert client.get(f"/updates/{update.pk}/translate").status_code == 403
    assert client.get(f"/updates/{update.pk}/letters").status_code == 403


def test_a_translation_is_previewed_masked_and_saved_only_once_confirmed(client, le_lead, action):
    # Found by issue 21's fresh-eyes trial: a Welsh translation with a name, a phone
    # number, an email and an NHS number went live at once, unseen after masking.
    import html

    from django.core.exceptions import ValidationError

    update = publish(le_lead, action)
    client.force_login(le_lead)
    typed = {
        "language": "cy",
        "you_said": "Dywedodd Siân wrthym am ffonio 07700 900123.",
        "we_did": "Timau bach.",
    }
    first = client.post(f"/updates/{update.pk}/translate", typed)
    body = html.unescape(first.content.decode())
    assert "Check the translation before it is saved" in body
    assert "Dywedodd [name] wrthym am ffonio [removed]." in body
    # The public page's headings in Welsh, as it will show them (helper-77 saw English).
    assert '<div class="coproduce-large-print" lang="cy">\n    <h4>Dywedoch chi</h4>' in body
    assert "<strong>You said:</strong>" not in body
    assert not update.translations.exists()  # previewing saves nothing
    digest = services.preview_translation(update, **typed).digest
    unticked = client.post(
        f"/updates/{update.pk}/translate", typed | {"confirmed": digest, "confirm": "yes"}
    )
    assert unticked.status_code == 400
    assert "Tick to say you have read the translation" in unticked.content.decode()
    assert not update.translations.exists()
    # Words changed after the preview (a forged post) are refused by the service itself.
    with pytest.raises(ValidationError, match="not the one you previewed"):
        services.translate_update(
            le_lead, update, **(typed | {"we_did": "Other words."}), confirmed=digest
        )
    done = client.post(
        f"/updates/{update.pk}/translate",
        typed | {"confirmed": digest, "confirm": "yes", "read_it": "on"},
    )
    assert done.status_code == 302
    [saved] = update.translations.all()
    assert saved.you_said == "Dywedodd [name] wrthym am ffonio [removed]."


def test_a_translation_entered_opens_with_its_words_to_change_and_saving_says_who_is_told(
    client, le_lead, action
):
    """helper-84: the form opened blank when a translation existed, and saving said
    "Contributors in that language get it" when none waited."""
    welsh = contributor(le_lead, action, language="cy")
    update = publish_and_tell(le_lead, action, you_said="Too many staff.", we_did="A team.")
    client.force_login(le_lead)
    typed = {"language": "cy", "you_said": "Gormod o staff.", "we_did": "Tim."}
    digest = services.preview_translation(update, **typed).digest
    done = client.post(
        f"/updates/{update.pk}/translate",
        typed | {"confirmed": digest, "confirm": "yes", "read_it": "on"},
        follow=True,
    )
    said = done.content.decode()
    assert "The 1 contributor who reads Welsh and waited for it is being told in it now" in said
    assert f'href="/updates/{update.pk}/translate?language=cy">Change the Welsh translation' in said
    assert "also in Welsh." in said  # not the code "cy"
    page = client.get(f"/updates/{update.pk}/translate?language=cy").content.decode()
    assert "<h1>Change the translation into Welsh</h1>" in page
    assert ">Gormod o staff.</textarea>" in page
    assert 'value="cy" checked' in page
    blank = client.get(f"/updates/{update.pk}/translate").content.decode()
    assert "Already translated into" in blank
    assert "Gormod o staff." not in blank
    delivery.fan_out(update)  # as the task the translation enqueued does
    assert "Gormod o staff." in message_for(welsh).body
    typed["we_did"] = "Tîm wedi'i enwi."
    preview = client.post(f"/updates/{update.pk}/translate", typed).content.decode()
    assert "1 contributor who reads Welsh (Cymraeg) was told in the translation this" in preview
    digest = services.preview_translation(update, **typed).digest
    again = client.post(
        f"/updates/{update.pk}/translate",
        typed | {"confirmed": digest, "confirm": "yes", "read_it": "on"},
        follow=True,
    )
    assert "No contributor who reads Welsh was waiting for it" in again.content.decode()
    assert update.translations.get().we_did == "Tîm wedi'i enwi."


def test_a_translations_preview_shows_every_version_its_readers_not_yet_told_will_get(
    client, le_lead, action
):
    # Found by issue 21's sixth fresh-eyes trial: the translation's preview showed its
    # plain words only, not the public page's formats nor what each contributor would get.
    import html

    contributor(le_lead, action, language="en")  # told in English when it was published
    update = publish_and_tell(le_lead, action, you_said="Too many staff.", we_did="A team.")
    contributor(le_lead, action, language="cy")  # by email
    contributor(
        le_lead,
        action,
        language="cy",
        contact_channel=Voice.ContactChannel.POST,
        contact_address=ADDRESS,
        contact_format=Format.LARGE_PRINT,
    )
    contributor(le_lead, action, language="pl")  # reads another language: not shown
    client.force_login(le_lead)
    typed = {"language": "cy", "you_said": "Gormod o staff.", "we_did": "Tîm wedi'i enwi."}
    body = html.unescape(client.post(f"/updates/{update.pk}/translate", typed).content.decode())
    for version in ["Large print", "Easy Read", "Braille-ready plain text", "Audio"]:
        assert f">{version}</h3>" in body
    shown = " ".join(body.split())
    assert "2 contributors who read Welsh (Cymraeg) are not told yet." in shown
    assert "Email, standard, for 1 contributor who reads Welsh" in body
    assert "Letter, printed and posted by the team, large print, for 1 contributor" in body
    assert body.count("Gormod o staff.") >= 4
    preview = services.preview_translation(update, **typed)
    assert preview.owed_to == 2  # not the English reader told before, nor the Polish one
