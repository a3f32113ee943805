import datetime as dt
import re

import pytest
from django.utils import timezone

from coproduce.change import tasks
from coproduce.change.models import Action, Insight, OutboxMessage, Update
from coproduce.tooling.testing.factories import (
    EnquiryCategoryFactory,
    VoiceFactory,
    confirming,
    sent_once,
)


@pytest.fixture
def action(le_lead, lead):
    insight = Insight.objects.create(statement="S", created_by=le_lead)
    return Action.objects.create(
        insight=insight,
        description="D",
        owner=lead,
        due_on=timezone.localdate(),
        created_by=le_lead,
    )


def test_it_creates_an_insight_from_a_voice(client, le_lead):
    voice = VoiceFactory()
    client.force_login(le_lead)
    response = client.post(
        "/insights", sent_once({"statement": "People feel dismissed.", "voice": voice.pk})
    )
    insight = Insight.objects.get()
    assert response["Location"] == f"/insights/{insight.pk}"
    assert list(insight.voices.all()) == [voice]


def test_a_new_insight_from_a_voice_that_cannot_be_used_is_refused_by_name(client, le_lead):
    """The service's refusal was not caught: a server error, after the words were typed."""
    voice = VoiceFactory(consent_improvement=False)
    client.force_login(le_lead)
    response = client.post(
        "/insights", sent_once({"statement": "People feel dismissed.", "voice": voice.pk})
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "A voice chosen as evidence can no longer be used" in page
    assert "People feel dismissed." in page  # what was typed is kept
    assert not Insight.objects.exists()
    assert (
        client.post(  # a malformed voice is no voice, not a server error
            "/insights", sent_once({"statement": "People feel dismissed.", "voice": "7x"})
        ).status_code
        == 302
    )


def test_it_asks_for_the_insight_statement(client, le_lead):
    client.force_login(le_lead)
    response = client.post("/insights", {"statement": ""})
    assert response.status_code == 400
    assert "Enter the insight in plain language" in response.content.decode()
    assert not Insight.objects.exists()


def test_an_insight_that_seems_to_identify_someone_is_refused_until_mended_or_vouched_for(
    client, le_lead
):
    """A fresh-eyes trial put "John Smith on 07700 900123" on a members' ballot."""
    client.force_login(le_lead)
    statement = "Call-backs take hours; John Smith on 07700 900123 gave up waiting."
    refused = client.post("/insights", sent_once({"statement": statement}))
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "leave out anything that could identify someone" in page
    assert "[removed]" in page  # what would be masked, shown
    assert "[name]" in page
    assert statement in page  # what was typed is kept
    assert "These words identify no one" in page
    assert not Insight.objects.exists()
    mended = "Call-backs take hours; one caller gave up waiting."
    assert client.post("/insights", sent_once({"statement": mended})).status_code == 302
    # An ordinary word mistaken for a name can be vouched for by the lead.
    vouched = "The Rose ward is noisy at night."
    first = client.post("/insights", sent_once({"statement": vouched}))
    assert first.status_code == 400
    shown = re.search(r'name="shown" value="([0-9a-f]+)"', first.content.decode())[1]
    # The tick vouches for the words shown masked, not for words changed after it
    # (helper-70 ticked it, then added a name and an NHS number).
    changed = vouched + " Peter Jones (NHS 943 476 5919) complained."
    sneaked = client.post(
        "/insights",
        sent_once({"statement": changed, "identifies_no_one": "on", "shown": shown}),
    )
    assert sneaked.status_code == 400
    assert "[removed]" in sneaked.content.decode()
    assert (
        client.post(  # a tick with no statement shown is no tick
            "/insights", sent_once({"statement": vouched, "identifies_no_one": "on"})
        ).status_code
        == 400
    )
    client.post(
        "/insights",
        sent_once({"statement": vouched, "identifies_no_one": "on", "shown": shown}),
    )
    assert list(Insight.objects.order_by("pk").values_list("statement", flat=True)) == [
        mended,
        vouched,
    ]
    page = client.get("/insights").content.decode()
    assert "These words identify no one" not in page  # offered only when it is needed


def test_adding_a_voice_without_consent_is_refused_with_a_reason(client, le_lead):
    insight = Insight.objects.create(statement="S", created_by=le_lead)
    voice = VoiceFactory(consent_improvement=False)
    client.force_login(le_lead)
    response = client.post(f"/voices/{voice.pk}/insight", {"insight": insight.pk})
    assert response.status_code == 400
    assert "cannot be used as evidence" in response.content.decode()
    assert not insight.voices.exists()


def test_the_insight_shows_its_evidence_and_only_consented_quotes(client, le_lead):
    category = EnquiryCategoryFactory(name="Continuity of care and relationships")
    quotable = VoiceFactory(text="Quote me on this.", consent_quote=True)
    private = VoiceFactory(text="Do not quote me.", consent_quote=False)
    insight = Insight.objects.create(statement="S", created_by=le_lead)
    insight.voices.add(quotable, private)
    quotable.categories.add(category)
    client.force_login(le_lead)
    body = client.get(f"/insights/{insight.pk}").content.decode()
    assert "2 voices linked" in body
    assert "Continuity of care and relationships" in body
    assert "Quote me on this." in body
    assert "Do not quote me." not in body


def test_it_records_an_action_with_an_owner(client, le_lead, lead):
    insight = Insight.objects.create(statement="S", created_by=le_lead)
    client.force_login(le_lead)
    due = (timezone.localdate() + dt.timedelta(days=14)).strftime("%d/%m/%Y")
    client.post(
        f"/insights/{insight.pk}",
        sent_once({"description": "Do it", "owner": lead.pk, "due_on": due}),
    )
    action = Action.objects.get()
    assert (action.owner, action.insight, action.status) == (lead, insight, "planned")


def test_it_refuses_an_action_due_in_the_past_or_with_no_owner(client, le_lead, member):
    insight = Insight.objects.create(statement="S", created_by=le_lead)
    client.force_login(le_lead)
    body = client.post(
        f"/insights/{insight.pk}",
        {"description": "Do it", "owner": member.pk, "due_on": "01/01/2020"},
    ).content.decode()
    assert "The due date must be today or in the future" in body
    assert "Select an owner from the list" in body  # network members do not own actions
    impossible = client.post(
        f"/insights/{insight.pk}", {"description": "Do it", "due_on": "29/02/2027"}
    ).content.decode()
    # Named as its other messages name it (helper-67 read "Due on must be a real date").
    assert "The due date must be a real date: February 2027 has 28 days" in impossible
    assert not Action.objects.exists()


def test_publishing_shows_on_the_public_board_and_fills_the_outbox(client, le_lead, action):
    action.insight.voices.add(VoiceFactory.contactable())
    client.force_login(le_lead)
    response = client.post(
        f"/actions/{action.pk}/update",
        sent_once(confirming(action, you_said="Too many staff.", we_did="Named teams.")),
    )
    assert response.status_code == 302
    assert Update.objects.count() == 1
    tasks.tell_contributors.call(Update.objects.get().pk)  # the worker, after the commit
    assert OutboxMessage.objects.count() == 1
    client.logout()
    board = client.get("/you-said-we-did").content.decode()
    assert "Too many staff." in board
    assert "Named teams." in board


def test_publishing_needs_both_parts(client, le_lead, action):
    client.force_login(le_lead)
    body = client.post(f"/actions/{action.pk}/update", {"you_said": "x"}).content.decode()
    assert "Enter what we did or are doing about it" in body
    assert not Update.objects.exists()


def test_only_lived_experience_leads_publish(client, lead, action):
    client.force_login(lead)
    assert (
        client.post(f"/actions/{action.pk}/update", {"you_said": "a", "we_did": "b"}).status_code
        == 403
    )
    assert not Update.objects.exists()


def test_the_outbox_is_for_lived_experience_leads(client, le_lead, analyst):
    client.force_login(le_lead)
    assert client.get("/outbox").status_code == 200
    client.force_login(analyst)
    assert client.get("/outbox").status_code == 403
