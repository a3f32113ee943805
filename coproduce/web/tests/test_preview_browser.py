"""Previewing "you said, we did" as the lived experience lead sees it, on a phone and a
desktop, with an accessibility check on each page and none scrolling sideways: the lead's
journey (inbox, a voice, themes, an insight, actions, then the update's preview).

Given the demo trust, whose action has contributors told by post in large print, by
email as audio, by text in Easy Read and by text,
when the lead writes an update that names someone and previews it,
then they see it masked, on the public page in standard, large print (half as large
again as standard, headings larger still), Easy Read with a picture per point and audio
they can play, and each contributor's version; nothing is published;
and going back to change it keeps what they typed; confirming publishes it.
"""

import re

import pytest
from playwright.sync_api import expect

from coproduce.change.models import Action, Update
from coproduce.messaging.models import Message
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.testing.browser import WE_DID_LABEL, assert_accessible, look
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser

YOU_SAID = "Call Jo on 07700 900123, she was the only one who listened."
WE_DID = "Everyone now has a named team."


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    return live_server.url


def font_size(locator):
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


@pytest.mark.parametrize("width", [390, 1280])
def test_the_lead_previews_every_version_before_publishing(site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    # The demo's own thread (the year of co-production behind it has other actions).
    action = Action.objects.get(description__startswith="Introduce a lead practitioner")
    updates_before = Update.objects.count()
    messages_before = Message.objects.count()
    sign_in(page, site, "le.lead")
    # The lead's way there: the inbox, a voice, the themes, an insight, the actions.
    page.get_by_role("link", name="Voices", exact=True).first.click()
    look(page)
    page.locator("main table a[href^='/voices/']").first.click()
    look(page)
    page.goto(f"{site}/themes")
    start = page.get_by_role("button", name="Start an insight from this theme")
    expect(start.first).to_be_visible()
    look(page)
    page.goto(f"{site}/insights")
    look(page)
    page.locator("main a[href^='/insights/']").first.click()
    look(page)
    page.goto(f"{site}/actions")
    look(page)
    page.goto(f"{site}/actions/{action.pk}")
    page.get_by_role("link", name=re.compile("Publish a .you said, we did. update")).click()
    look(page)
    page.get_by_label("You said").fill(YOU_SAID)
    page.get_by_label(WE_DID_LABEL).fill(WE_DID)
    page.get_by_role("button", name="Preview the update").click()

    expect(
        page.get_by_role("heading", name="Check the update before it is published")
    ).to_be_visible()
    look(page)
    standard = page.locator("#public-standard + p")
    expect(standard).to_contain_text("Call [name] on [removed]")
    expect(page.locator("main")).not_to_contain_text("Jo on")
    # Large print: body at least 1.5 times the standard body, its headings larger still.
    large = page.locator(".coproduce-large-print")
    body = font_size(large.locator("p").first)
    assert body >= 1.5 * font_size(standard) - 0.01
    assert font_size(large.locator("h4").first) > body
    assert font_size(large.locator("h4").first) > font_size(
        page.get_by_role("heading", name="On the public page")
    )
    assert large.locator("p").first.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
    assert large.locator("p").first.evaluate("e => getComputedStyle(e).textAlign") in {
        "left",
        "start",
    }
    # Easy Read: a picture beside every point.
    points = page.locator("#public-easy-read ~ ul .coproduce-easy-read__point")
    assert points.count() >= 4
    assert page.locator("#public-easy-read ~ ul .coproduce-easy-read__picture").count() == (
        points.count()
    )
    # Audio that plays in the browser.
    expect(page.locator("#public-audio ~ audio[controls]")).to_have_count(1)
    # Each contributor's version, as it will be sent.
    expect(page.get_by_role("heading", name=re.compile("^Text message, Easy Read"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^Email, audio"))).to_be_visible()
    expect(
        page.get_by_role(
            "heading", name=re.compile("^Letter, printed and posted by the team, large print")
        )
    ).to_be_visible()
    assert Update.objects.count() == updates_before
    assert Message.objects.count() == messages_before

    # Going back to change it keeps what was typed.
    page.get_by_role("button", name="Change the update").click()
    expect(page.get_by_label("You said")).to_have_value(YOU_SAID)
    expect(page.get_by_label(WE_DID_LABEL)).to_have_value(WE_DID)
    assert_accessible(page)

    # Confirming without ticking publishes nothing; ticking publishes.
    page.get_by_label("You said").fill("You had to repeat your story to new staff.")
    page.get_by_role("button", name="Preview the update").click()
    page.get_by_role("button", name="Confirm and publish").click()
    expect(page.get_by_role("alert")).to_contain_text("Confirm you have read every version")
    assert_accessible(page)
    assert Update.objects.count() == updates_before
    page.get_by_label(re.compile("I have read every version")).check()
    page.get_by_role("button", name="Confirm and publish").click()
    expect(page.get_by_text(re.compile("Update published"))).to_be_visible()
    assert Update.objects.count() == updates_before + 1
    assert (
        Update.objects.latest("published_at").you_said
        == "You had to repeat your story to new staff."
    )
