"""From referral to discharge, in a real browser, as a practitioner would on shift.

Given the synthetic demo trust,
when a practitioner receives a referral, accepts it with a named team, records a LISTEN
contact, writes a safety plan with the person and discharges them,
then the schedule, the plan's versions and the discharge are all on the record, and
every page passes the accessibility check.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.care.models import Appointment, Episode, Referral, SafetyPlan
from coproduce.tooling.synthetic.demo import DEMO_PASSWORD, seed_demo
from coproduce.tooling.testing.browser import assert_accessible, sign_in
from coproduce.voices.models import FollowUpInvitation

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    return live_server.url


def test_a_referral_from_intake_to_discharge(site, browser):
    page = browser.new_context().new_page()
    sign_in(page, site, "practitioner", DEMO_PASSWORD)

    # Intake
    page.get_by_role("link", name="Referrals").first.click()
    expect(page.get_by_text("past the response time")).to_be_visible()  # the seeded breach
    assert_accessible(page)
    page.get_by_role("button", name="New referral").click()
    page.get_by_label("NHS number").fill("943 476 5919")
    page.get_by_label("First name").fill("Robin")
    page.get_by_label("Last name").fill("Example")
    page.get_by_label("Date of birth").fill("17/05/1990")
    page.get_by_label("Crisis Resolution and Home Treatment Team").check()
    page.get_by_label("NHS 111 (mental health option)").check()
    page.get_by_label("Very urgent").check()
    page.get_by_role("group", name="Does the person have a physical health need?").get_by_label(
        "No"
    ).check()
    page.get_by_label("Reason for referral").fill(
        "Called 111 in distress; not slept for three nights."
    )
    page.get_by_role("button", name="Receive referral").click()
    expect(
        page.get_by_text("Referral received by Crisis Resolution and Home Treatment Team.")
    ).to_be_visible()
    expect(page.get_by_text("left", exact=False).first).to_be_visible()
    assert_accessible(page)

    # Accept with a lead practitioner, a small named team and an initial appointment,
    # each chosen (nothing is filled in for the practitioner)
    page.get_by_label("Lead practitioner").select_option(label="Priya Shah (Practitioner)")
    page.get_by_label("Sam Okafor (Support worker)").check()
    soon = timezone.localtime() + dt.timedelta(hours=1)
    page.get_by_label("Initial appointment date").fill(soon.strftime("%d/%m/%Y"))
    page.get_by_label("Initial appointment time").fill(soon.strftime("%H:%M"))
    page.get_by_role("button", name="Accept referral").click()
    expect(page.get_by_text("The initial appointment and reviews are booked.")).to_be_visible()
    expect(page.get_by_text("Review (day 7)")).to_be_visible()
    expect(page.get_by_text("Review (day 14)")).to_be_visible()
    assert_accessible(page)
    episode = Episode.objects.get(referral__person__nhs_number="9434765919")
    assert episode.appointments.filter(kind=Appointment.Kind.REVIEW).count() == 2

    # A LISTEN contact
    page.get_by_role("link", name="Record a contact").click()
    page.get_by_label("Face to face").check()
    page.get_by_label("What the person said, in their own words").fill("I just need to sleep.")
    page.get_by_label("The person has no carer").check()
    page.get_by_label("The understanding you reached together").fill(
        "Sleep is the priority tonight."
    )
    page.get_by_label("How you empathised").fill("Said how hard three nights awake must be.")
    page.get_by_label("Next steps agreed to stay safe").fill(
        "Visit at 10:00 tomorrow; 24/7 line tonight."
    )
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("Contact recorded, with the next steps agreed.")).to_be_visible()
    referral = Referral.objects.get(episode=episode)
    assert referral.seen_at is not None  # the response clock stopped

    # A safety plan, written with the person
    page.get_by_role("link", name="Write a safety plan").click()
    assert_accessible(page)
    page.get_by_label("My warning signs").fill("Not sleeping; stopping eating.")
    page.get_by_label("My reasons for living").fill("My niece.")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_text("Saved as a new version.")).to_be_visible()
    assert_accessible(page)
    assert SafetyPlan.objects.filter(person=episode.person).count() == 1

    # Discharge back to the GP
    page.goto(f"{site}/episodes/{episode.pk}")
    page.get_by_role("link", name="Discharge from the caseload").click()
    assert_accessible(page)
    page.get_by_label("Back to their GP").check()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Discharge").click()
    expect(page.get_by_text("Discharged.")).to_be_visible()
    episode.refresh_from_db()
    assert episode.closed_at is not None
    assert episode.discharge_destination == "gp"
    assert FollowUpInvitation.objects.filter(episode=episode).exists()
