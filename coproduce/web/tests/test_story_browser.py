"""Telling an improvement project's story back, on a phone and a desktop, with an
accessibility check on each page and none scrolling sideways (issue 23, item 8).

Given the demo trust, whose seed 002 project adopted the lead practitioner model in its
third cycle and was started from Viv's voice (Viv asked to be told by text),
when Fran, its co-lead, opens the story she sees the draft but cannot publish it; she
closes the project with what changed;
when the lived experience lead opens the story, edits the draft and previews it,
then she sees it exactly as it will be published and as Viv will get it; nothing is
published until she confirms; confirming tells Viv, and the story page says so.
"""

import re

import pytest
from playwright.sync_api import expect

from coproduce.change import tasks
from coproduce.change.models import OutboxMessage, Update
from coproduce.improvement.models import Project
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.synthetic.improvement import TITLE
from coproduce.tooling.testing.browser import look
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    return live_server.url


@pytest.mark.parametrize("width", [390, 1280])
def test_the_story_is_told_back_to_the_voice_that_started_it(site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    project = Project.objects.get(title=TITLE)
    updates_before = Update.objects.count()

    sign_in(page, site, "team.leader")
    page.goto(f"{site}/improvement/{project.pk}/story")
    expect(page.get_by_role("heading", name="Tell the story back")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Cycle 3: the whole team")
    expect(page.locator("main")).to_contain_text("A lived experience lead checks the words")
    look(page)
    # Closing without saying why is refused, naming the field, keeping the choice.
    page.get_by_label("Change adopted").check()
    page.get_by_role("button", name="Close the project").click()
    expect(page.get_by_role("alert")).to_contain_text("Say what changed")
    expect(page.get_by_label("Change adopted")).to_be_checked()
    look(page)
    page.get_by_label("What changed, or why it ended").fill(
        "Everyone on the caseload now has a lead practitioner and a small team."
    )
    page.get_by_role("button", name="Close the project").click()
    expect(page.get_by_text(re.compile("The project is closed"))).to_be_visible()
    look(page)

    page.context.clear_cookies()  # Fran's session ends
    sign_in(page, site, "le.lead")
    page.goto(f"{site}/improvement/{project.pk}/story")
    expect(page.get_by_label("We did")).to_contain_text("What we tried")
    look(page)
    page.get_by_label("You said").fill("You told us you saw too many different staff.")
    page.get_by_role("button", name="Preview the update").click()
    expect(
        page.get_by_role("heading", name="Check the update before it is published")
    ).to_be_visible()
    expect(page.locator("main")).to_contain_text("1 contributor asked to be told")
    look(page)
    assert Update.objects.count() == updates_before

    page.get_by_label(re.compile("I have read every version")).check()
    page.get_by_role("button", name="Confirm and publish").click()
    expect(page.get_by_text(re.compile("Update published"))).to_be_visible()
    update = Update.objects.latest("pk")
    assert update.action == Project.objects.get().told_through
    tasks.tell_contributors.call(update.pk)  # the worker, as the commit hands it on
    assert OutboxMessage.objects.get(update=update).voice == project.voice

    page.goto(f"{site}/improvement/{project.pk}/story")
    expect(page.locator("main")).to_contain_text("The story was told in 1")
    look(page)
