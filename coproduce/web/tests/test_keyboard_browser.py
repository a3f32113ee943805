"""One journey for each role, done with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7).

No clicks: each step Tabs to the next control (checking that the focus is visible
there), then types, presses Space to choose, or Enter to follow or send.
"""

import re

import pytest
from playwright.sync_api import expect

from coproduce.network.models import AgreementAcceptance, Member, RespectAgreement
from coproduce.tooling.synthetic.demo import DEMO_PASSWORD, seed_demo
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices.models import Voice

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const label = e.labels && e.labels.length ? e.labels[0].innerText : "";
  return {
    tag: e.tagName.toLowerCase(), type: e.type || "", label: label.trim(),
    text: (e.innerText || e.value || "").trim().slice(0, 120), href: e.getAttribute("href") || "",
    row: e.closest("tr") ? e.closest("tr").innerText : "",
    focusVisible: s.outlineStyle !== "none" || s.boxShadow !== "none"
      || s.backgroundColor === "rgb(255, 235, 59)",
  };
}"""


def tab_to(page, wanted, limit=200):
    """Press Tab until the focused control is the one wanted; its focus must be visible."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            assert focused["focusVisible"], f"focus is not visible on {focused}"
            return focused
        seen.append(focused["label"] or focused["text"] or focused["href"])
    raise AssertionError(f"not reached with Tab; passed {seen[:40]}")


def choose(page, wanted, limit=12):
    """In a radio group that has the focus, move with the arrow keys to the wanted choice
    (arrows choose as they move, as in any radio group)."""
    for _ in range(limit):
        if page.evaluate(FOCUSED)["label"].startswith(wanted):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{wanted} is not in this radio group")


def labelled(text):
    return lambda f: f["label"].startswith(text)


def link(pattern):
    return lambda f: f["tag"] == "a" and re.search(pattern, f["href"] or "") is not None


def button(text):
    return lambda f: f["tag"] == "button" and f["text"].startswith(text)


def follow(page):
    """Enter on a focused link or button, waiting for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_in_by_keyboard(page, site, username):
    page.goto(f"{site}/sign-in")
    tab_to(page, labelled("Username"))
    page.keyboard.type(username)
    tab_to(page, labelled("Password"))
    page.keyboard.type(DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    if "/sign-in/code" in page.url:
        code = page.locator(".nhsuk-inset-text strong").inner_text()  # the demo shows it
        tab_to(page, labelled("Code"))
        page.keyboard.type(code)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert "/sign-in" not in page.url


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    return live_server.url


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_a_member_of_the_public_gives_feedback_by_keyboard(site, tab):
    tab.goto(f"{site}/feedback")
    tab_to(tab, lambda f: f["type"] == "radio")  # the first rating
    tab.keyboard.press("Space")
    tab_to(tab, labelled("Please tell us why"))
    tab.keyboard.type("The keyboard-only visit went fine.")
    tab_to(tab, button("Send feedback"))
    follow(tab)
    expect(tab.get_by_role("heading", name=re.compile("Thank you"))).to_be_visible()
    assert_accessible(tab)
    assert Voice.objects.filter(text="The keyboard-only visit went fine.").exists()


def test_a_practitioner_records_a_listen_contact_by_keyboard(site, tab):
    sign_in_by_keyboard(tab, site, "practitioner")
    tab_to(tab, link(r"^/caseload$"))
    follow(tab)
    expect(tab.get_by_role("heading", name="Caseload")).to_be_visible()
    # Someone they lead (marked "You"), so they are in the person's named team.
    tab_to(tab, lambda f: link(r"^/people/\d+$")(f) and "You" in f["row"])
    follow(tab)
    tab_to(tab, link(r"/contacts/new$"))
    follow(tab)
    expect(tab.get_by_role("heading", name=re.compile("Record a contact"))).to_be_visible()
    tab_to(tab, lambda f: f["type"] == "radio")  # how the contact happened
    choose(tab, "Phone")
    tab_to(tab, labelled("What the person said"))
    tab.keyboard.type("Keyboard only: I need a plan for tonight.")
    tab_to(tab, labelled("I looked at the person's crisis plan"))
    tab.keyboard.press("Space")
    tab_to(tab, labelled("The understanding you reached together"))
    tab.keyboard.type("Evenings are hardest.")
    tab_to(tab, labelled("The person has no carer"))
    tab.keyboard.press("Space")
    tab_to(tab, labelled("How you empathised"))
    tab.keyboard.type("It makes sense.")
    tab_to(tab, labelled("Next steps agreed to stay safe"))
    tab.keyboard.type("Call at 18:00.")
    tab_to(tab, button("Save contact"))
    follow(tab)
    expect(tab.get_by_text("Contact recorded, with the next steps agreed.")).to_be_visible()
    assert_accessible(tab)


def test_a_lived_experience_lead_records_feedback_by_keyboard(site, tab):
    sign_in_by_keyboard(tab, site, "le.lead")
    tab.goto(f"{site}/voices")
    tab_to(tab, link(r"^/voices/new$"))
    follow(tab)
    tab_to(tab, lambda f: f["type"] == "radio")  # the first way feedback is given
    tab.keyboard.press("Space")
    tab_to(tab, labelled("What they said"))
    tab.keyboard.type("Heard at the keyboard-only listening event.")
    tab_to(tab, button("Record feedback"))
    follow(tab)
    assert_accessible(tab)
    assert Voice.objects.filter(text="Heard at the keyboard-only listening event.").exists()


def test_a_network_member_accepts_the_respect_agreement_by_keyboard(site, tab):
    member = Member.objects.get(user__username="member")
    latest = RespectAgreement.objects.order_by("-version")[0]
    AgreementAcceptance.objects.filter(member=member, agreement=latest).delete()
    sign_in_by_keyboard(tab, site, "member")
    tab.goto(f"{site}/network/me")
    tab_to(tab, button(f"I accept version {latest.version}"))
    follow(tab)
    assert_accessible(tab)
    assert AgreementAcceptance.objects.filter(member=member, agreement=latest).exists()


def test_an_analyst_downloads_a_table_of_figures_by_keyboard(site, tab):
    sign_in_by_keyboard(tab, site, "analyst")
    tab_to(tab, link(r"^/evidence$"))
    follow(tab)
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    tab_to(tab, link(r"^/evidence/experience$"))
    follow(tab)
    tab_to(tab, link(r"\.csv$"))
    with tab.expect_download() as download:
        tab.keyboard.press("Enter")  # a download: no new page
    assert download.value.suggested_filename.endswith(".csv")
