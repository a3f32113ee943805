"""Signing in to the demo as one role after another, the code page, the public pages'
crisis box and error pages: in Chromium, each checked with axe."""

import time

import pytest

from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices.models import Voice
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_signing_in_as_one_role_then_another_within_30_seconds(site, page):
    """Given the demo, when a person signs in as a practitioner, a team leader and the
    practitioner again, all within 30 seconds, then each code the page shows is taken."""
    url, _fake = site
    started = time.monotonic()
    for username in ["practitioner", "team.leader", "practitioner"]:
        sign_in(page, url, username)  # fails if the code shown is refused
        assert page.get_by_role("link", name="Caseload").count()
        sign_out(page)
    assert time.monotonic() - started < 30


def test_the_code_page_shows_nothing_of_the_role(site, page):
    url, _fake = site
    page.goto(f"{url}/sign-in")
    page.get_by_label("Username").fill("practitioner")
    page.get_by_label("Password", exact=True).fill("coproduce-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/sign-in/code**")
    header = page.locator("header")
    assert header.get_by_role("link", name="Alerts").count() == 0
    assert header.get_by_role("link", name="Caseload").count() == 0
    assert "Practitioner" not in header.inner_text()
    assert header.get_by_role("button", name="Sign out").count() == 1
    assert_accessible(page)


def test_the_public_pages_name_each_card_and_the_crisis_box_once(site, page):
    url, _fake = site
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url + "/")
        main = page.get_by_role("main")
        assert main.get_by_role("link", name="Give feedback", exact=True).count() == 1
        assert main.get_by_role("link", name="You said, we did", exact=True).count() == 1
        box = main.locator(".nhsuk-card--warning")
        headings = [" ".join(t.split()) for t in box.get_by_role("heading").all_inner_texts()]
        assert headings == ["Important: If you need help now"]
        # Said once, in the heading (the first line used to say it again).
        assert box.inner_text().count("If you need help now") == 1
        for card in main.locator(".nhsuk-card--clickable").all():
            heading = card.get_by_role("heading").inner_text()
            assert card.inner_text().count(heading) == 1, heading
        assert_accessible(page)


@pytest.fixture
def tab(browser):
    """A tab for pages answered 403 or 404 on purpose (the console reports the status)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_feedback_sent_after_its_cookie_went_keeps_the_words(site, tab):
    url, _fake = site
    page = tab
    page.goto(url + "/feedback")
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Please tell us why you gave that answer").fill("Kind and quick.")
    page.context.clear_cookies()  # the tab was left open until its cookie went
    page.get_by_role("button", name="Send feedback").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Your feedback has not been sent yet").count()
    assert page.get_by_label("Please tell us why you gave that answer").input_value() == (
        "Kind and quick."
    )
    assert page.get_by_label("Good", exact=True).is_checked()
    assert not Voice.objects.filter(text="Kind and quick.").exists()
    assert_accessible(page)
    page.get_by_role("button", name="Send feedback").click()
    page.wait_for_url("**/feedback/thank-you")
    assert Voice.objects.filter(text="Kind and quick.").exists()


@pytest.mark.parametrize("path", ["/no-such-page", "/cy/no-such-page"])
def test_the_not_found_page_passes_axe(site, tab, path):
    url, _fake = site
    page = tab
    page.goto(url + path)
    assert page.locator(".nhsuk-card--warning").count() == 1
    assert_accessible(page)
