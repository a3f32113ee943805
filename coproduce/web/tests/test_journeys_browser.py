"""Each role's journey through its main pages, done as the role does it, on a phone
(390 px) and a desktop (1280 px), with axe on every page visited and no page scrolling
sideways.

Given the synthetic demo trust,
when a member of the public, a practitioner, a team leader, a network member, an analyst
and an administrator each walk their main pages and do their usual steps,
then each step lands where it should, every page passes axe (WCAG 2.2 AA), and no page is
wider than the screen.

The lived experience lead's journey (inbox → voice → themes → insight → actions →
publish preview) is ``test_preview_browser.py``'s, at both widths too.
"""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.accounts.models import User
from coproduce.care.models import Contact
from coproduce.change.models import Ballot
from coproduce.network.models import Attendance, Meeting, Member, PaymentClaim
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.testing.browser import look
from coproduce.voices.models import Voice
from coproduce.web.jinja import format_datetime
from coproduce.web.tests.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("width", [390, 1280])]


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    return live_server.url


@pytest.fixture
def page(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    return page


def test_a_member_of_the_public_gives_feedback_and_reads_what_changed(site, page):
    voices = Voice.objects.count()
    page.goto(f"{site}/")
    expect(page.get_by_text("Samaritans").first).to_be_visible()  # the crisis contacts
    look(page)
    page.get_by_role("link", name=re.compile("feedback", re.I)).first.click()
    look(page)
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Please tell us why").fill("The nurse listened and called back.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    look(page)
    assert Voice.objects.count() == voices + 1
    page.goto(f"{site}/you-said-we-did")
    look(page)
    page.locator("main a[href^='/you-said-we-did/']").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    look(page)
    # In Welsh: the same pages, in Welsh.
    page.goto(f"{site}/cy/")
    assert page.locator("html").get_attribute("lang") == "cy"
    look(page)
    page.goto(f"{site}/cy/feedback")
    look(page)
    page.goto(f"{site}/cy/you-said-we-did")
    look(page)


def test_a_practitioner_records_a_contact_from_the_caseload(site, page):
    contacts = Contact.objects.count()
    sign_in(page, site, "practitioner")
    page.goto(f"{site}/worklist")
    expect(page.get_by_role("heading", name="Worklist")).to_be_visible()
    look(page)
    page.goto(f"{site}/caseload")
    look(page)
    # Someone they lead (marked "You"), so they are in the person's named team.
    page.locator("tr", has=page.get_by_text("You", exact=True)).first.locator("a").first.click()
    look(page)
    page.get_by_role("link", name="Record a contact").first.click()
    look(page)
    page.get_by_label("Phone").check()
    page.get_by_label("What the person said, in their own words").fill("Nights are long.")
    page.get_by_label("I looked at the person's crisis plan").check()
    page.get_by_label("The understanding you reached together").fill("Evenings are hardest.")
    page.get_by_label("The person has no carer").check()
    page.get_by_label("How you empathised").fill("That sounds exhausting.")
    page.get_by_label("Next steps agreed to stay safe").fill("Call at 18:00 tomorrow.")
    page.get_by_role("button", name="Save contact").click()
    # Saved, back on the person's record, which shows it in full with its next steps.
    expect(page.get_by_text("Contact recorded, with the next steps agreed.")).to_be_visible()
    expect(page.get_by_text("Call at 18:00 tomorrow.")).to_be_visible()
    look(page)
    assert Contact.objects.count() == contacts + 1
    # The episode lists it among its contacts: when, how and with whom.
    contact = Contact.objects.latest("pk")
    page.locator(f"main a[href='/episodes/{contact.episode_id}']").first.click()
    expect(page).to_have_url(re.compile(rf"/episodes/{contact.episode_id}$"))
    expect(
        page.get_by_text(
            f"{format_datetime(contact.occurred_at)} – Phone with {contact.staff.name_and_role}"
        )
    ).to_be_visible()
    look(page)


def test_a_team_leader_reads_the_alerts_the_worklist_and_the_evidence(site, page):
    sign_in(page, site, "team.leader")
    page.get_by_role("link", name=re.compile("Alerts")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Risk alerts")
    look(page)
    page.locator("main a[href^='/alerts/']").first.click()
    expect(page).to_have_url(re.compile(r"/alerts/\d+$"))
    look(page)
    page.goto(f"{site}/worklist")
    look(page)
    page.goto(f"{site}/evidence")
    expect(page.get_by_role("link", name="Experience", exact=True)).to_be_visible()
    look(page)


def test_a_network_member_ranks_the_priorities_and_claims_for_a_meeting(site, page):
    member = Member.objects.get(user__username="member")
    forum = Meeting.objects.create(
        kind=Meeting.objects.first().kind,
        title="Open forum: the crisis line",
        starts_at=timezone.now() - timedelta(days=2),
        place="Town library",
        created_by=User.objects.get(username="le.lead"),
    )
    Attendance.objects.create(meeting=forum, member=member, attended=True)
    sign_in(page, site, "member")
    page.goto(f"{site}/network/me")
    look(page)
    page.locator("main a[href$='/ballot']").first.click()
    look(page)
    page.locator("main input[name^='rank-']").first.fill("1")
    page.get_by_role("button", name="Save my ranking").click()
    expect(page.get_by_text("Your ranking is saved.")).to_be_visible()
    look(page)
    assert Ballot.objects.filter(member=member).exists()
    page.goto(f"{site}/network/me")
    page.locator("main a[href*='/papers/']").first.click()
    look(page)
    page.goto(f"{site}/network/me")
    # Each meeting says where its claim stands (the trial found no way to claim and no
    # word why): the delivery board's is made; the focus group's may be.
    expect(page.get_by_text("Claimed: see your claims below.").first).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile(r"Claim for this meeting\s*: Focus group"))
    ).to_be_visible()
    # The link's hidden words are absolutely positioned, so its name reads "meeting : Open".
    page.get_by_role("link", name=re.compile(r"Claim for this meeting\s*: Open forum")).click()
    look(page)
    page.get_by_label("How much time?").fill("2")
    page.locator("main input[name='unit']").first.check()
    page.get_by_role("button", name="Send claim").click()
    expect(page).to_have_url(re.compile(r"/network/me$"))
    look(page)
    assert PaymentClaim.objects.filter(member=member, meeting=forum).exists()


def test_an_analyst_reads_the_evidence_and_takes_a_table_as_csv(site, page):
    sign_in(page, site, "analyst")
    page.goto(f"{site}/evidence")
    look(page)
    page.get_by_role("link", name="Experience", exact=True).click()
    expect(page).to_have_url(re.compile(r"/evidence/experience$"))
    look(page)
    with page.expect_download() as download:
        page.locator("main a[href$='.csv']").first.click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text())))
    assert rows[0]  # the columns' headings
    assert len(rows) > 1


def test_an_administrator_reaches_the_accounts_and_the_audit_trail(site, page):
    sign_in(page, site, "admin")
    page.goto(f"{site}/admin/")
    look(page)
    page.locator("a[href='/admin/accounts/user/']").first.click()
    expect(page.get_by_text("practitioner", exact=True)).to_be_visible()
    look(page)
    page.goto(f"{site}/admin/accounts/auditevent/")
    look(page)
