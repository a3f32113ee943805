"""The golden thread, end to end in a real browser, with an accessibility check per page.

Given the synthetic demo trust,
when a practitioner records a LISTEN contact, a member of the public gives feedback,
and a lived experience lead tags it, groups it into an insight, records an action and
publishes "you said, we did",
then the contributor is owed the update in the outbox, the public board shows it,
and the evidence page shows the experience metric;
and when the network ranks the insight and the update goes out through Notify,
the voice's page shows the whole thread: insight, priority, action, update, told.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from coproduce.change.models import OutboxMessage
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices.models import Voice
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    return live_server.url


def test_the_golden_thread(site, page, browser, fake_notify):
    # A practitioner opens a person from the caseload and records a LISTEN contact.
    sign_in(page, site, "practitioner")
    page.get_by_role("link", name="Caseload").first.click()
    expect(page.get_by_role("heading", name="Caseload")).to_be_visible()
    assert_accessible(page)
    # Someone they lead (marked "You"), so they are in the person's named team.
    page.locator("tr", has=page.get_by_text("You", exact=True)).first.locator("a").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Record a contact").first.click()
    assert_accessible(page)
    page.get_by_label("Phone").check()
    page.get_by_label("What the person said, in their own words").fill(
        "I can't sleep and I'm frightened."
    )
    page.get_by_label("I looked at the person's crisis plan").check()
    page.get_by_label("The understanding you reached together").fill("Nights are hardest.")
    page.get_by_label("The person has no carer").check()
    page.get_by_label("How you empathised").fill("It makes sense to be scared.")
    page.get_by_label("Next steps agreed to stay safe").fill("Call at 10:00 tomorrow.")
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("Contact recorded, with the next steps agreed.")).to_be_visible()
    expect(page.get_by_text("Call at 10:00 tomorrow.")).to_be_visible()
    assert_accessible(page)

    # A member of the public gives feedback without signing in, and asks to hear back.
    public = browser.new_context().new_page()
    public.goto(f"{site}/feedback")
    assert_accessible(public)
    public.get_by_role("button", name="Send feedback").click()  # nothing chosen yet
    expect(public.get_by_role("alert")).to_contain_text(
        "Select how good or poor the service was, or tell us about it in your own words"
    )
    assert_accessible(public)
    public.get_by_label("Poor", exact=True).check()
    public.get_by_label("Please tell us why").fill(
        "A different nurse came every day. I had to repeat everything."
    )
    public.get_by_label("Use it to improve services").check()
    public.get_by_label("Tell me what changes because of it").check()
    public.get_by_label("Email", exact=True).check()
    public.get_by_label("Email address").fill("contributor@example.com")
    public.get_by_role("button", name="Send feedback").click()
    expect(public.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    expect(public.get_by_text("Samaritans free on 116 123")).to_be_visible()
    assert_accessible(public)
    voice = Voice.objects.get(contact_email="contributor@example.com")

    # A lived experience lead tags it, groups it into an insight, acts, and publishes.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, site, "le.lead")
    page.get_by_role("link", name="Voices", exact=True).first.click()
    assert_accessible(page)
    page.goto(f"{site}/voices/{voice.pk}")
    assert_accessible(page)
    page.get_by_label("Continuity of care and relationships").check()
    page.get_by_label("Negative", exact=True).check()
    page.get_by_role("button", name="Confirm categories and sentiment").click()
    expect(page.get_by_text("Categories and sentiment confirmed.")).to_be_visible()
    page.get_by_role("link", name="Start a new insight from this voice").click()
    assert_accessible(page)
    page.get_by_label("What are people telling us?").fill(
        "People have to repeat their story to new staff."
    )
    page.get_by_role("button", name="Create insight").click()
    expect(page.get_by_text("1 voice linked.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What will be done").fill("Give everyone a named team of at most four.")
    page.get_by_label("Owner").select_option(label="Fran Wilson (Team leader)")
    page.get_by_label("Due date").fill("21/03/2099")
    page.get_by_role("button", name="Record action").click()
    expect(page.get_by_text("Action recorded.")).to_be_visible()
    page.get_by_role("link", name=re.compile("Publish a .you said, we did. update")).click()
    assert_accessible(page)
    page.get_by_label("You said").fill("You had to repeat your story to new staff.")
    # The action is new, so planned: what was done is headed as a plan (helper-84).
    page.get_by_label("What we plan to do").fill("Everyone now has a named team of at most four.")
    page.get_by_role("button", name="Preview the update").click()
    expect(
        page.get_by_role("heading", name="Check the update before it is published")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label(re.compile("I have read every version")).check()
    page.get_by_role("button", name="Confirm and publish").click()
    expect(page.get_by_text("Update published. 1 contributor will be told")).to_be_visible()
    # The update's page follows the telling, which the task worker does after the commit
    # (as `coproduce db_worker` does beside the demo): the fan-out, then the sending.
    expect(page.get_by_text("Making the messages")).to_be_visible()
    assert_accessible(page)
    assert not OutboxMessage.objects.filter(voice=voice).exists()
    call_command("db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0)
    page.reload()
    expect(page.get_by_text("Making the messages")).not_to_be_visible()
    message = OutboxMessage.objects.get(voice=voice)
    assert (message.channel, message.status) == ("email", "queued")
    page.get_by_role("link", name="Outbox").first.click()
    assert_accessible(page)

    # The public board shows it, and the evidence page shows the metric.
    public.goto(f"{site}/you-said-we-did")
    expect(public.get_by_text("Everyone now has a named team of at most four.")).to_be_visible()
    assert_accessible(public)
    page.goto(f"{site}/evidence")  # the header may move it under "More" on a narrow screen
    page.get_by_role("link", name="Experience", exact=True).click()
    # Beside a chart, its figures are folded away: a person opens them to read the table.
    page.get_by_text(re.compile("the figures as a table")).first.click()
    experience = page.get_by_role("table", name=re.compile("Experience rated good or very good"))
    expect(experience).to_contain_text("share rated good or very good, of the number of answers")
    assert_accessible(page)

    # The network ranks it: the lead opens a round, a member ranks, the lead closes it.
    page.goto(f"{site}/priorities")
    page.get_by_label("Title").fill("Priorities for the spring")
    page.get_by_label("People have to repeat their story to new staff.").check()
    page.get_by_label(re.compile("People wait hours")).check()
    page.get_by_role("button", name="Open round").click()
    expect(page.get_by_text("Round opened.")).to_be_visible()
    round_url = page.url
    member = browser.new_context().new_page()
    sign_in(member, site, "member")
    member.goto(f"{site}/network/me")
    member.get_by_role("link", name="Priorities for the spring").click()
    assert_accessible(member)
    member.get_by_label(re.compile("People have to repeat their story")).fill("1")
    member.get_by_label(re.compile("Insight .*People wait hours")).fill("2")
    member.get_by_role("button", name="Save my ranking").click()
    expect(member.get_by_text("Your ranking is saved.")).to_be_visible()
    page.goto(round_url)
    page.get_by_role("link", name="Close this round").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to close this round?"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Close the round and keep this result").click()
    expect(page.get_by_text("Round closed.")).to_be_visible()
    assert_accessible(page)

    # The update goes out through Notify; from the voice, the whole thread can be followed.
    from coproduce.messaging import notify

    notify.deliver_due()
    [email] = fake_notify.sent_to("contributor@example.com")
    assert "Everyone now has a named team of at most four." in email.personalisation["body"]
    page.goto(f"{site}/voices/{voice.pk}")
    thread = page.locator(".nhsuk-card", has=page.get_by_text("Insight:"))
    expect(thread).to_contain_text("People have to repeat their story to new staff.")
    expect(thread).to_contain_text("1 of 2 in Priorities for the spring")
    expect(thread).to_contain_text("Give everyone a named team of at most four.")
    expect(thread).to_contain_text("This person was told: Sent to Notify")
    assert_accessible(page)
    thread.get_by_role("link", name="Give everyone a named team of at most four.").click()
    expect(page.get_by_text("Told: 1")).to_be_visible()
    assert_accessible(page)


def test_the_feedback_form_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/feedback")
    # Without JavaScript the contact questions are shown, not hidden.
    expect(page.get_by_label("Email address")).to_be_visible()
    page.get_by_label("Very good").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    context.close()


def test_the_first_tab_stop_is_the_skip_link(site, page):
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#maincontent$"))  # waits for the hash change


def test_the_accessibility_check_catches_a_broken_page(browser):
    page = browser.new_page()
    page.set_content(
        '<html><body><img src="x.png"><input type="text"><a href="/"></a></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    report = str(failure.value)
    for rule in ("image-alt", "label", "link-name", "html-has-lang"):
        assert rule in report
    page.close()
