"""A contributor stops "you said, we did" messages: by their own link in every message,
or by replying STOP to a text. Found by a fresh-eyes trial: the messages named neither who
sent them nor how to stop them."""

import re

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.change import delivery, services, stopping
from coproduce.change.models import OutboxMessage
from coproduce.lib.formats import Format
from coproduce.messaging import formats
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import VoiceFactory, publish_and_tell
from coproduce.voices.models import Voice


def contributor(le_lead, action, **details):
    voice = VoiceFactory.contactable(**details)
    services.add_voice_to_insight(le_lead, action.insight, voice)
    return voice


def publish(le_lead, action, we_did="Everyone now has a named team."):
    return publish_and_tell(
        le_lead, action, you_said="You saw too many different staff.", we_did=we_did
    )


def message_for(voice, update):
    return OutboxMessage.objects.select_related("message").get(voice=voice, update=update).message


def stop_link_in(body):
    return re.search(r"To stop these messages: (\S+)", body)[1]


def test_each_message_names_the_trust_and_carries_the_persons_own_link_to_stop(
    client, le_lead, action, settings
):
    by_email = contributor(le_lead, action)
    by_text = contributor(
        le_lead, action, contact_channel=Voice.ContactChannel.SMS, contact_phone="07700900001"
    )
    update = publish(le_lead, action)
    links = set()
    for voice in (by_email, by_text):
        body = message_for(voice, update).body
        assert f"From {settings.TRUST_NAME}. To stop these messages: " in body
        assert "crisis" not in body.lower()  # whoever reads the phone learns nothing more
        links.add(stop_link_in(body))
    assert len(links) == 2  # each their own
    # The preview says where each person's link goes, not anyone's link.
    preview = services.preview_update(le_lead, action, you_said="A", we_did="B")
    assert all(stopping.PREVIEW_LINK in copy.body for copy in preview.copies)


def test_the_link_stops_every_message_to_that_person_and_forgets_how_to_reach_them(
    client, le_lead, action, settings
):
    email = "sam@example.org"
    first = contributor(le_lead, action, contact_email=email)
    again = contributor(le_lead, action, contact_email="Sam@Example.org")  # the same person
    other = contributor(le_lead, action, contact_email="kit@example.org")
    update = publish(le_lead, action)
    told = OutboxMessage.objects.get(update=update, voice__in=[first, again])  # one person
    link = stop_link_in(told.message.body)
    path = link.removeprefix(settings.PUBLIC_BASE_URL)
    # A second update is waiting to go when they stop.
    waiting = services.record_action(
        le_lead, action.insight, description="More", owner=le_lead, due_on=action.due_on
    )
    later = publish(le_lead, waiting, we_did="Named teams at night too.")
    queued = OutboxMessage.objects.get(update=later, voice__in=[first, again]).message
    Message.objects.filter(pk=queued.pk).update(status=Message.Status.QUEUED)
    page = client.get(path)
    assert page.status_code == 200
    assert "Stop messages about what changed" in page.content.decode()
    first.refresh_from_db()
    assert first.consent_contact  # opening the link (a link checker) stops nothing
    done = client.post(path)
    assert done.status_code == 200
    assert "We will not send you any more messages about what changed" in done.content.decode()
    for voice in (first, again):
        voice.refresh_from_db()
        assert not voice.consent_contact
        assert voice.contact_email == ""
        assert voice.contact_channel == Voice.ContactChannel.NONE
        assert voice.consent_improvement  # their feedback is still used, as agreed
        assert (
            AuditEvent.objects.get(record_id=str(voice.pk), detail__startswith="updates stopped")
        ).actor == audit.someone_not_signed_in()
    queued.refresh_from_db()
    assert (queued.status, queued.to) == (Message.Status.CANCELLED, "")
    other.refresh_from_db()
    assert other.consent_contact
    # The next update is owed to the other contributor alone.
    third = publish(le_lead, action, we_did="And on weekends.")
    assert list(OutboxMessage.objects.filter(update=third).values_list("voice", flat=True)) == [
        other.pk
    ]
    assert client.post(path).status_code == 200  # stopping twice changes nothing


def test_a_link_that_was_changed_or_cut_short_says_it_does_not_work(client, le_lead, action):
    voice = contributor(le_lead, action)
    token = stopping.token(voice)
    for broken in (token[:-3], token + "x", "nonsense"):
        response = client.post(f"/you-said-we-did/stop/{broken}")
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    voice.refresh_from_db()
    assert voice.consent_contact


def test_replying_stop_to_a_text_stops_updates_to_that_number_however_it_was_written(
    client, le_lead, action, fake_notify, settings
):
    stored_national = contributor(
        le_lead, action, contact_channel=Voice.ContactChannel.SMS, contact_phone="07700900321"
    )
    stored_international = contributor(
        le_lead, action, contact_channel=Voice.ContactChannel.SMS, contact_phone="+447700900321"
    )
    someone_else = contributor(
        le_lead, action, contact_channel=Voice.ContactChannel.SMS, contact_phone="07700900322"
    )
    payload = fake_notify.inbound("447700900321", "STOP")
    response = client.post(
        "/notify/inbound-sms",
        payload,
        "application/json",
        HTTP_AUTHORIZATION=f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}",
    )
    assert response.json() == {"stopped": 2}
    for voice, told in (
        (stored_national, False),
        (stored_international, False),
        (someone_else, True),
    ):
        voice.refresh_from_db()
        assert voice.consent_contact is told


def test_a_welsh_reader_is_told_how_to_stop_in_welsh():
    """Once an update is translated, its Welsh readers get it in Welsh, to the end."""
    words = formats.YouSaidWeDid(
        "Dywedoch fod gormod o staff.", "Mae gan bawb dîm.", "cy", "L", stop_link="S", signed_by="T"
    )
    for fmt in (Format.STANDARD, Format.EASY_READ, Format.BRAILLE):
        body = formats.render(words, fmt, Message.Channel.EMAIL).body
        assert "Oddi wrth T. I atal y negeseuon hyn: S" in " ".join(body.split()), fmt
    assert "Oddi wrth T. I atal y negeseuon hyn: S" in formats.letter_lines(words, Format.STANDARD)


def test_what_was_already_sent_stays_sent_and_the_counts_say_who_stopped(client, le_lead, action):
    """A fresh-eyes trial: stopping after a text was delivered marked it "Cancelled
    (voice withdrawn)" in the outbox, and the action's page said 8 asked, 9 told."""
    sent = contributor(le_lead, action)
    waiting = contributor(le_lead, action)
    update = publish(le_lead, action)
    Message.objects.filter(outbox__voice=sent).update(status=Message.Status.DELIVERED)
    Message.objects.filter(outbox__voice=waiting).update(status=Message.Status.QUEUED)
    for voice in (sent, waiting):
        client.post(f"/you-said-we-did/stop/{stopping.token(voice)}")
    delivered = OutboxMessage.objects.get(update=update, voice=sent)
    assert delivered.status == OutboxMessage.Status.QUEUED  # as it was: its message went
    assert delivered.message.status == Message.Status.DELIVERED
    held = OutboxMessage.objects.get(update=update, voice=waiting)
    assert held.status == OutboxMessage.Status.STOPPED
    assert held.message.status == Message.Status.CANCELLED
    progress = delivery.progress(update)
    assert (progress.told, progress.stopped, progress.withdrawn, progress.waiting) == (1, 1, 0, 0)
    told = services.told_for(action)
    assert (told.asked, told.told, told.stopped) == (2, 1, 2)
    client.force_login(le_lead)
    page = client.get(f"/actions/{action.pk}").content.decode()
    assert "Have since stopped these messages, so are not contacted again" in page
    assert "(counted above too if they were told first): 2" in page
    # Opening the link again says they are stopped, with no button to press.
    client.logout()
    again = client.get(f"/you-said-we-did/stop/{stopping.token(sent)}").content.decode()
    assert "We will not send you any more messages about what changed" in again
    assert "<form" not in again.split("<main")[1]


def test_the_link_is_short_enough_to_type_from_a_letter(le_lead, action, settings):
    voice = contributor(le_lead, action)
    token = stopping.token(voice)
    assert len(token) <= 24
    assert re.fullmatch(r"[0-9a-z]+-[A-Za-z0-9_-]{16}", token)
    assert stopping.voice_for(token) == voice
    assert stopping.voice_for(token.upper()) is None
