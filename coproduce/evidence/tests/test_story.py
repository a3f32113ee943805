"""The story of change: a page and a tagged PDF for a period, with small numbers hidden."""

import datetime as dt

import pytest
from django.utils import timezone

from coproduce.change import services
from coproduce.evidence.story import story_for
from coproduce.tooling.testing.factories import VoiceFactory, publish_and_tell
from coproduce.tooling.testing.pdf import assert_tagged_pdf
from coproduce.voices.models import Rating


@pytest.fixture
def told(le_lead, lead):
    voices = [VoiceFactory.contactable(rating=Rating.GOOD) for _ in range(12)]
    insight = services.create_insight(le_lead, "People see too many staff.", voices)
    action = services.record_action(
        le_lead,
        insight,
        description="Named teams",
        owner=lead,
        due_on=timezone.localdate() + dt.timedelta(days=5),
        ladder="co_production",
    )
    return publish_and_tell(
        le_lead, action, you_said="Too many staff.", we_did="A named team for everyone."
    )


def test_the_story_tells_what_was_said_what_changed_and_who_was_involved(told):
    today = timezone.localdate()
    story = story_for(today - dt.timedelta(days=30), today)
    assert story.voices == "10"  # 12 voices, rounded to the nearest 5
    assert [u.we_did for u in story.updates] == ["A named team for everyone."]
    assert story.measures[0].after == "100% of 10 answers"
    assert story.measures[0].before == "no answers"
    assert story.contributors_asked == "10"
    assert {row.rung: row.actions for row in story.ladder}["co_production"] == 1


def test_small_numbers_never_appear(le_lead):
    for _ in range(3):
        VoiceFactory(rating=Rating.POOR)
    today = timezone.localdate()
    story = story_for(today - dt.timedelta(days=30), today)
    assert story.voices == "fewer than 8"
    assert story.measures[0].after == "not shown (fewer than 8 answers)"


def test_the_page_and_the_pdf(client, analyst, told):
    client.force_login(analyst)
    today = timezone.localdate()
    query = f"start={today - dt.timedelta(days=30)}&end={today}"
    page = client.get(f"/story?{query}").content.decode()
    assert "A named team for everyone." in page
    assert "How equally it was decided" in page
    pdf = client.get(f"/story.pdf?{query}")
    assert pdf["Content-Type"] == "application/pdf"
    assert_tagged_pdf(pdf.content)  # tagged, for screen readers (PDF/UA-1)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=yesterday&end=2026-01-01", "Enter the start as day/month/year"),
        ("start=2026-02-01&end=2026-01-01", "The end of the period must be after its start"),
    ],
)
def test_a_period_that_makes_no_sense_is_refused(client, analyst, query, message):
    client.force_login(analyst)
    response = client.get(f"/story?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    pdf = client.get(f"/story.pdf?{query}")
    assert pdf.status_code == 400
    assert message in pdf.content.decode()
