"""An improvement project's charter in a real browser, at a phone's width and a desktop's,
with axe on every page (issue 23, seed 002).

Given the demo trust and a voice about seeing too many different staff,
when the team leader starts a project from the voice, first forgetting the aim's number
and date and a co-lead with lived experience, then choosing Viv from the network,
then the project's page shows the charter with Viv as a co-lead with lived experience,
the team scores its progress with a note, and the portfolio lists the project.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.improvement.models import Project
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.testing.browser import look
from coproduce.voices.models import Voice
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    return live_server.url


@pytest.mark.parametrize("width", [390, 1280])
def test_a_team_leader_starts_a_project_from_a_voice_with_viv(site, browser, width):
    voice = Voice.objects.usable_for_improvement().order_by("pk")[0]
    before = set(Project.objects.values_list("pk", flat=True))
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    sign_in(page, site, "team.leader")

    page.goto(f"{site}/voices/{voice.pk}")
    page.get_by_role("link", name="Start an improvement project from this voice").click()
    expect(page.get_by_role("heading", name="Start an improvement project")).to_be_visible()
    look(page)

    page.get_by_label("Title").fill("Fewer different faces")
    page.get_by_label("The problem in plain words").fill("I was seen by too many people.")
    page.get_by_label("What will improve").fill("Fewer different staff see each person")
    page.get_by_label("For whom").fill("people on the home treatment team's caseload")
    page.get_by_label("Measured as").fill("distinct staff per episode")
    page.get_by_role("button", name="Open the project").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter the number the aim")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter the date the aim")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("co-lead with lived experience")
    expect(page.get_by_label("Title")).to_have_value("Fewer different faces")
    look(page)

    page.get_by_label("Co-lead from the network", exact=True).select_option(
        label="Viv (Person who uses services)"
    )
    page.get_by_label("From (optional)").fill("8")
    page.get_by_label("To", exact=True).fill("4")
    by = timezone.localdate() + dt.timedelta(days=300)
    page.get_by_label("By when").fill(f"{by:%d/%m/%Y}")
    page.get_by_role("button", name="Open the project").click()
    expect(page.get_by_role("heading", name="Fewer different faces")).to_be_visible()
    expect(page.get_by_text("Lived experience").first).to_be_visible()
    look(page)
    (project,) = Project.objects.exclude(pk__in=before)
    assert project.voice == voice

    page.get_by_role("link", name="Progress score and its history").click()
    page.get_by_label("1.0 Charter and team formed").check()
    page.get_by_label("Why it stands there").fill("Fran and Viv lead it together")
    page.get_by_role("button", name="Set the score").click()
    expect(page.get_by_text("Score set.")).to_be_visible()
    look(page)

    page.goto(f"{site}/improvement")
    row = page.locator("tr", has=page.get_by_role("link", name="Fewer different faces"))
    expect(row).to_contain_text("1.0 Charter and team formed")
    expect(row).to_contain_text("Viv")
    look(page)
