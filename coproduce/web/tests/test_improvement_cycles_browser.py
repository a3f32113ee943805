"""The driver diagram and PDSA cycles of an improvement project, in a real browser.

Given the demo trust and one of its improvement projects, when the lived experience lead
adds a driver and a change idea to the driver diagram, plans a PDSA cycle testing it,
records what happened, studies it and decides to adapt it, then plans the next cycle
from it, then each page passes axe and is no wider than the screen at 390 px and at
1280 px, the diagram is drawn with its text version beside it (and printed alone), and
the next cycle's plan starts from the one before.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.improvement.models import Cycle
from coproduce.tooling.testing.browser import look
from coproduce.tooling.testing.pages import an_improvement_cycle
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


def day(offset: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=offset)).strftime("%d/%m/%Y")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_team_draws_its_drivers_and_tests_a_change_in_two_cycles(site, page, width):
    url, _ = site
    page.set_viewport_size({"width": width, "height": 900})
    project_id = an_improvement_cycle().change_idea.project_id
    sign_in(page, url, "le.lead")

    page.goto(f"{url}/improvement/{project_id}/drivers")
    look(page)
    page.get_by_label("Add a driver").fill("Handovers between shifts")
    page.get_by_role("button", name="Add driver").click()
    expect(page.get_by_text("Driver “Handovers between shifts” added.")).to_be_visible()
    page.get_by_label("Add a change idea").fill("A handover sheet naming the lead practitioner")
    page.get_by_role("group", name="The drivers it moves").get_by_label(
        "Handovers between shifts"
    ).check()
    page.get_by_role("button", name="Add change idea").click()
    drawing = page.get_by_role("img", name="Driver diagram")
    expect(drawing).to_be_visible()
    expect(page.locator("svg text").filter(has_text="A handover sheet naming")).to_have_count(1)
    expect(
        page.get_by_role("listitem")
        .filter(has_text="Change idea: A handover sheet naming the lead practitioner")
        .last
    ).to_be_visible()
    look(page)
    # Printed, the page is the diagram alone.
    page.emulate_media(media="print")
    expect(drawing).to_be_visible()
    expect(page.get_by_role("heading", name="The diagram written out")).to_be_hidden()
    expect(page.get_by_role("button", name="Add driver")).to_be_hidden()
    page.emulate_media(media="screen")

    page.goto(f"{url}/improvement/{project_id}/cycles")
    look(page)
    page.get_by_role(
        "link", name="Plan a new cycle testing “A handover sheet naming the lead practitioner”"
    ).click()
    page.get_by_label("Title of the cycle").fill("Handover sheet: one shift")
    page.get_by_label("Objective").fill("Use the sheet at the evening handover for two weeks")
    page.get_by_label("Prediction").fill("Each person keeps the same lead practitioner")
    page.get_by_label("Starts on").fill(day(-14))
    page.get_by_label("Ends on").fill(day(-15))
    page.get_by_role("button", name="Plan the cycle").click()
    expect(page.get_by_role("link", name="The cycle must end on or after")).to_be_visible()
    look(page)
    expect(page.get_by_label("Objective")).to_have_value(
        "Use the sheet at the evening handover for two weeks"
    )
    page.get_by_label("Ends on").fill(day(0))
    page.get_by_role("button", name="Plan the cycle").click()
    expect(page.get_by_role("heading", name="Handover sheet: one shift")).to_be_visible()
    look(page)

    page.get_by_role("button", name="Begin the test (Do)").click()
    page.get_by_role("radio", name="What happened").check()
    page.get_by_label("When").fill(day(-7))
    page.get_by_role("textbox", name="What happened").fill("The sheet was used at 12 of 14")
    page.get_by_role("button", name="Record", exact=True).click()
    expect(page.get_by_text("The sheet was used at 12 of 14")).to_be_visible()
    page.get_by_role("button", name="Study the results").click()
    look(page)
    page.get_by_label("The result, beside the prediction").fill("Kept for 11 of 12 people")
    page.get_by_role("button", name="Record the result").click()
    page.get_by_label("Adapt").check()
    page.get_by_label("Why").fill("It worked; try it on every shift")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded: adapt.")).to_be_visible()
    look(page)

    page.get_by_role("link", name="Plan the next cycle").click()
    expect(page.get_by_label("Title of the cycle")).to_have_value("Handover sheet: one shift")
    look(page)
    page.get_by_label("Title of the cycle").fill("Handover sheet: every shift")
    page.get_by_role("button", name="Plan the cycle").click()
    expect(page.get_by_role("heading", name="The chain of cycles")).to_be_visible()
    look(page)
    second = Cycle.objects.get(title="Handover sheet: every shift")
    assert second.follows.title == "Handover sheet: one shift"
