"""Themes a person can name (issue 21): the demo's themes are named by phrases people
wrote, with no stop-word and no word twice, beside the quotes that say them; a voice
under a risk alert is marked in themes, the inbox, the voice page and insight pages."""

import html
import re

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from coproduce.accounts.models import Role
from coproduce.change import services
from coproduce.tooling.testing.factories import UserFactory, VoiceFactory
from coproduce.voices.models import RiskAlert, Voice

pytestmark = pytest.mark.usefixtures("demo_in_a_module_transaction")

# Words of scikit-learn's English stop list that name things in feedback about crisis
# care ("call back"); every other word on it is a stop-word a name must not hold.
MEANINGFUL = {"call", "back", "system", "fire", "bill", "empty", "full", "move", "cry", "serious"}
STOP_WORDS = ENGLISH_STOP_WORDS - MEANINGFUL

AT_RISK = (
    "Nobody told my partner what was happening and I do not feel safe tonight, "
    "I have the tablets ready."
)


def cards(page: str) -> list[tuple[str, str, str]]:
    """Each theme on the page: its name (the heading), the card's text and its quotes."""
    found = []
    for card in page.split('<div class="nhsuk-card">')[1:]:
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", card, re.S)
        assert heading, card[:200]
        quotes = " ".join(re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", card, re.S))
        found.append((html.unescape(heading.group(1)).strip(), plain(card), plain(quotes).lower()))
    return found


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.fixture
def le_lead_client(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="le.lead"))
    return client


def test_the_demos_themes_are_named_by_phrases_people_wrote(le_lead_client):
    themes = cards(le_lead_client.get("/themes").content.decode())
    assert len(themes) >= 4
    for heading, text, said in themes:
        # Headed in a typical voice's own words, quoted; its phrases listed beneath.
        assert heading.startswith("“"), heading
        assert heading.strip("“”").rstrip("…").lower() in said, heading
        name = text.split("Phrases that set it apart: ")[1].split(".")[0]
        named = [p.strip().lower() for p in name.split(",")][:3]
        assert 1 <= len(named) <= 3, name
        every_word = [w for p in named for w in p.split()]
        assert len(every_word) == len(set(every_word)), f"a word twice in {name!r}"
        assert not set(every_word) & STOP_WORDS, f"a stop-word in {name!r}"
        assert all(1 <= len(p.split()) <= 3 for p in named), name
        quotes = " ".join(re.findall(r"[a-z']+", said))
        assert any(f" {p} " in f" {quotes} " for p in named), f"{name!r} is not in its quotes"


@pytest.fixture
def at_risk_voice(db):
    voice = Voice.objects.create(
        channel=Voice.Channel.PARTNER,
        text=AT_RISK,
        received_at=Voice.objects.order_by("-received_at")[0].received_at,
        consent_improvement=True,
        consent_quote=True,
    )
    RiskAlert.objects.create(voice=voice, concerns=[RiskAlert.Concern.RISK_TO_LIFE])
    return voice


def test_a_voice_under_a_risk_alert_is_marked_in_its_theme(le_lead_client, at_risk_voice):
    themes = cards(le_lead_client.get("/themes").content.decode())
    holding = [card for _, card, _ in themes if "I have the tablets ready" in card]
    assert holding, "the at-risk voice is in no theme"
    assert all("Risk alert" in card and "not ordinary feedback" in card for card in holding)
    # Cards holding no voice under an alert (the demo's own at-risk text is one) carry
    # no mark.
    alerted = [v.text for v in Voice.objects.filter(risk_alert__isnull=False)]
    ordinary = [card for _, card, _ in themes if not any(t in card for t in alerted)]
    assert ordinary
    assert all("Risk alert" not in card for card in ordinary)


def test_a_voice_under_a_risk_alert_is_marked_in_the_inbox_and_on_its_page(
    le_lead_client, at_risk_voice
):
    inbox = le_lead_client.get("/voices?channel=partner").content.decode()
    row = next(r for r in inbox.split("<tr") if "I have the tablets ready" in html.unescape(r))
    assert "Risk alert" in row
    page = le_lead_client.get(f"/voices/{at_risk_voice.pk}").content.decode()
    assert "nhsuk-tag--red" in page
    assert "It is not ordinary feedback" in page


def test_a_voice_under_a_risk_alert_is_marked_on_an_insight_page(
    le_lead_client, django_user_model, at_risk_voice
):
    le_lead = django_user_model.objects.get(username="le.lead")
    usable = Voice.objects.usable_for_improvement().exclude(text="")
    ordinary = usable.filter(consent_quote=True, risk_alert__isnull=True)
    insight = services.create_insight(
        le_lead, "People are not told what is happening", [at_risk_voice, ordinary[0]]
    )
    page = html.unescape(le_lead_client.get(f"/insights/{insight.pk}").content.decode())
    assert "1 of the linked voices raised a risk alert" in page
    quote_at_risk = page.split("I have the tablets ready")[0].rsplit("<blockquote", 1)[0]
    assert "This message raised a risk alert" in quote_at_risk[-400:]
    assert [q.at_risk for q in services.insight_evidence(insight).quotes] == [True, False]


def test_the_same_words_from_several_people_are_quoted_once_as_an_insights_evidence(db):
    """Helper-73 read one sentence three times among an insight's quotes."""
    same = [VoiceFactory(text="The Sanctuary felt like a living room.", consent_quote=True)]
    same += [VoiceFactory(text="The Sanctuary felt like a living room.", consent_quote=True)]
    other = VoiceFactory(text="Staff listened to me all night.", consent_quote=True)
    lead = UserFactory(role=Role.LIVED_EXPERIENCE_LEAD)
    insight = services.create_insight(lead, "The Sanctuary feels like home", [*same, other])
    quotes = [q.text for q in services.insight_evidence(insight).quotes]
    assert sorted(quotes) == [
        "Staff listened to me all night.",
        "The Sanctuary felt like a living room.",
    ]
