"""A person can withdraw their voice later: out of evidence, quotes, sending and metrics."""

import datetime as dt
import re

from coproduce.change import services as change
from coproduce.change.models import Action, Insight, OutboxMessage
from coproduce.messaging import services as messaging
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import VoiceFactory, publish_and_tell, sent_once
from coproduce.voices.extract import experience_rows
from coproduce.voices.models import Voice
from coproduce.voices.services import voice_for_withdrawal, withdraw, withdrawal_token


def withdraw_link(client, text="Too many different staff."):
    client.post(
        "/feedback",
        sent_once({"rating": "4", "text": text, "consent_improvement": "on"}),
    )
    body = client.get("/feedback/thank-you").content.decode()
    found = re.search(r'href="http://testserver(/feedback/withdraw/[^"]+)"', body)
    assert found, "the confirmation page gives a withdrawal link"
    return found.group(1)


def test_the_giver_withdraws_with_the_link_from_the_confirmation_page(client, db):
    link = withdraw_link(client)
    page = client.get(link).content.decode()
    assert "Withdraw your feedback" in page
    assert Voice.objects.get().withdrawn_at is None  # looking is not withdrawing
    done = client.post(link).content.decode()
    assert "Your feedback is withdrawn" in done
    assert Voice.objects.get().withdrawn_at is not None


def test_a_tampered_or_made_up_link_is_refused(client, db):
    link = withdraw_link(client)
    response = client.get(link[:-2] + "xx")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert client.post("/feedback/withdraw/not-a-token").status_code == 404
    assert Voice.objects.get().withdrawn_at is None


def test_the_token_names_only_its_own_voice(db):
    first, second = VoiceFactory(), VoiceFactory()
    assert voice_for_withdrawal(withdrawal_token(first)) == first
    assert voice_for_withdrawal(withdrawal_token(second)) == second


def test_withdrawing_removes_evidence_cancels_sending_and_leaves_metrics(le_lead, lead):
    from django.utils import timezone

    voice = VoiceFactory.contactable(rating=1, consent_quote=True)
    other = VoiceFactory.contactable(rating=1)
    insight = change.create_insight(le_lead, "S", [voice, other])
    action = Action.objects.create(
        insight=insight,
        description="D",
        owner=lead,
        due_on=timezone.localdate(),
        created_by=le_lead,
    )
    publish_and_tell(le_lead, action, you_said="a", we_did="b")
    assert OutboxMessage.objects.filter(status="queued").count() == 2

    withdraw(voice)

    assert list(Insight.objects.get().voices.all()) == [other]
    assert OutboxMessage.objects.get(voice=voice).status == "cancelled"
    assert OutboxMessage.objects.get(voice=other).status == "queued"
    assert len(list(experience_rows())) == 1  # only the other voice's rating
    update = publish_and_tell(le_lead, action, you_said="c", we_did="d")
    assert not OutboxMessage.objects.filter(update=update, voice=voice).exists()


def test_withdrawing_twice_changes_nothing(db):
    voice = withdraw(VoiceFactory())
    first = voice.withdrawn_at
    assert withdraw(voice).withdrawn_at == first


def test_withdrawing_cancels_what_is_queued_to_its_giver_but_not_crisis_help(db):
    voice = VoiceFactory()
    thanks, crisis, elsewhere = (
        messaging.queue(kind=kind, channel="sms", to="07700900123", body="Words")
        for kind in (
            Message.Kind.THANKS_REPLY,
            Message.Kind.CRISIS_REPLY,
            Message.Kind.THANKS_REPLY,
        )
    )
    voice.messages.add(thanks, crisis)
    withdraw(voice)
    for message in (thanks, crisis, elsewhere):
        message.refresh_from_db()
    assert (thanks.status, thanks.to) == (Message.Status.CANCELLED, "")
    assert crisis.status == Message.Status.QUEUED  # crisis contacts still go
    assert elsewhere.status == Message.Status.QUEUED  # someone else's reply


def test_withdrawing_says_whether_the_words_were_quoted_in_public(client, le_lead, lead):
    """Issue 21's eighth trial was told "quotes no one" of words that had been quoted;
    helper-77 was told "that quote has been taken down" of a quote approved but never on
    any published update, and "quotes no one" while updates carried others' quotes."""
    from coproduce.tooling.testing.factories import confirm_and_publish
    from coproduce.voices.services import approve_quote

    insight = change.create_insight(le_lead, "People see too many different staff.")
    action = change.record_action(
        le_lead, insight, description="A named team", owner=lead, due_on=dt.date(2030, 1, 1)
    )
    links = {}
    for words in ("Too many different staff.", "A new face every visit."):
        links[words] = withdraw_link(client, words)
        voice = Voice.objects.get(text=words)
        Voice.objects.filter(pk=voice.pk).update(consent_quote=True)
        voice.refresh_from_db()
        approve_quote(le_lead, voice, words)
        change.add_voice_to_insight(le_lead, insight, voice)
        if words == "Too many different staff.":
            confirm_and_publish(le_lead, action, you_said="Too many staff.", we_did="Named.")
    published = client.post(links["Too many different staff."]).content.decode()
    assert "that quote has been taken down" in published
    approved_only = client.post(links["A new face every visit."]).content.decode()
    assert "that quote has been taken down" not in approved_only
    assert "Your words were not quoted on our" in approved_only
    assert "quotes no one" not in published + approved_only


def test_a_withdrawn_voices_page_says_so_everywhere_and_offers_no_insight(client, le_lead):
    """Found by a fresh-eyes trial: the page said "Tell them what changes: Yes" and offered
    "Add to an existing insight", which was then refused."""
    voice = VoiceFactory.contactable(consent_quote=True)
    change.create_insight(le_lead, "Too many different staff", [VoiceFactory()])
    client.force_login(le_lead)
    before = client.get(f"/voices/{voice.pk}").content.decode()
    assert "Add to insight" in before
    withdraw(voice)
    page = client.get(f"/voices/{voice.pk}").content.decode()
    assert page.count("No: withdrawn on") == 3  # improvement, quoting and being told
    assert "Yes, by email" not in page
    assert "Add to insight" not in page
    assert "Start a new insight from this voice" not in page
    assert "withdrew this feedback, so it cannot be used as evidence" in page
