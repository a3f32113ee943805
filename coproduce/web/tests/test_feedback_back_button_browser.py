"""Back after sending feedback shows an empty form, in a real browser.

Found by a fresh-eyes trial as a member of the public: on the thank-you page, the
browser's Back button brought the form back filled in (the words, the email address),
for the next person at a shared or public computer to read. Given the public feedback
page, when someone sends feedback with their email address and then presses Back, then
the form is empty; a form the service refused still keeps what was typed, and the fields
about the person keep their autocomplete tokens (WCAG 1.3.5).
"""

import pytest
from playwright.sync_api import expect

from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices.models import Voice

pytestmark = pytest.mark.browser

WORDS = "(Synthetic) The nurse who came out at night was kind and stayed until I was calm."
EMAIL = "back.button@example.com"


def fill_in(page):
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Please tell us why you gave that answer").fill(WORDS)
    page.get_by_label("Use it to improve services").check()
    page.get_by_label("Tell me what changes because of it").check()
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Large print").check()


def expect_empty(page):
    expect(page.get_by_label("Please tell us why you gave that answer")).to_have_value("")
    expect(page.get_by_label("Good", exact=True)).not_to_be_checked()
    expect(page.get_by_label("Tell me what changes because of it")).not_to_be_checked()
    expect(page.get_by_label("Email address")).to_have_value("")
    expect(page.get_by_label("Large print")).not_to_be_checked()
    expect(page.get_by_label("Email address")).to_be_hidden()  # its choice folded away


def test_it_shows_an_empty_form_on_back_after_sending(site, page):
    url, _ = site
    page.goto(f"{url}/feedback")
    fill_in(page)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    assert Voice.objects.filter(text=WORDS, contact_email=EMAIL).count() == 1

    page.go_back()
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", name="Give feedback about crisis care")).to_be_visible()
    expect_empty(page)
    # The fields about the person still tell the browser what they are (WCAG 1.3.5).
    expect(page.get_by_label("Email address")).to_have_attribute("autocomplete", "email")
    expect(page.get_by_label("Mobile phone number")).to_have_attribute("autocomplete", "tel")
    assert_accessible(page)

    # Forward, then Back again: still nothing of what was sent. Going back to the form
    # closed the thank-you page: the next person's Forward shows no one's message.
    page.go_forward()
    expect(page.get_by_role("heading", name="This page has closed")).to_be_visible()
    expect(page.get_by_text("withdraw my feedback")).to_have_count(0)
    page.go_back()
    page.wait_for_load_state("load")
    expect_empty(page)


def test_it_keeps_what_was_typed_on_a_refused_form_and_forgets_it_once_sent(site, page):
    url, _ = site
    page.goto(f"{url}/feedback")
    fill_in(page)
    page.get_by_label("Email address").fill("not an email address")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("Please tell us why you gave that answer")).to_have_value(WORDS)
    expect(page.get_by_label("Good", exact=True)).to_be_checked()
    expect(page.get_by_label("Email address")).to_have_value("not an email address")
    expect(page.get_by_label("Large print")).to_be_checked()
    assert not Voice.objects.filter(text=WORDS).exists()

    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    # Back to the refused form's page, and Back again to the first: neither shows it.
    for _page in ("refused", "first"):
        page.go_back()
        page.wait_for_load_state("load")
        expect_empty(page)


def test_it_keeps_a_draft_not_yet_sent_on_back(site, page):
    url, _ = site
    # Leaving for another page and pressing Back does not throw away words not yet sent.
    page.goto(f"{url}/feedback")
    page.get_by_label("Please tell us why you gave that answer").fill(WORDS)
    page.goto(f"{url}/you-said-we-did")
    page.go_back()
    page.wait_for_load_state("load")
    expect(page.get_by_label("Please tell us why you gave that answer")).to_have_value(WORDS)


def test_without_javascript_back_after_sending_shows_an_empty_form_and_keeps_a_draft(site, browser):
    """Without JavaScript (forget-sent.js does not run), Chromium put the words and email
    address just sent back into the form on Back. The form after a sending now sends to
    the other of its two addresses, so the browser has nothing to put back into it."""
    url, _ = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    words = page.get_by_label("Please tell us why you gave that answer")
    for round_ in (1, 2):  # twice: the second sends from the other address
        page.goto(f"{url}/feedback")
        page.get_by_label("Good", exact=True).check()
        words.fill(f"{WORDS} ({round_})")
        page.get_by_label("Email address").fill(EMAIL)
        page.get_by_role("button", name="Send feedback").click()
        expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
        page.go_back()
        page.wait_for_load_state("load")
        expect(words).to_have_value("")
        expect(page.get_by_label("Email address")).to_have_value("")
        expect(page.get_by_label("Good", exact=True)).not_to_be_checked()
        # And Forward: the thank-you page has closed.
        page.go_forward()
        expect(page.get_by_role("heading", name="This page has closed")).to_be_visible()
    assert Voice.objects.filter(text__startswith=WORDS).count() == 2
    # A draft not yet sent is still there after Back.
    page.goto(f"{url}/feedback")
    words.fill(WORDS)
    page.goto(f"{url}/you-said-we-did")
    page.go_back()
    page.wait_for_load_state("load")
    expect(words).to_have_value(WORDS)
    context.close()
