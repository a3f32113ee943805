"""From one person's concern to a tested change, measured, and told back to them, in a
real browser (issue 23's "done means"; seed 002).

Given the demo trust and a voice whose giver asked to be told what changes,
when the team leader starts an improvement project from that voice with Viv (a network
member who uses services) as co-lead, adds a measure bound to the evidence engine's
distinct staff per episode, draws the driver diagram (a driver and the lead
practitioner model as the change idea), and tests the idea in two PDSA cycles (the
first adapted, the second, following it, adopted), each studied against the measure's
chart,
then the measure's chart is annotated with both cycles and a note of the training,
and when the team leader closes the project and the lived experience lead previews and
confirms its story, then the voice's giver is owed the "you said, we did" update;
at phone and desktop width, with axe on every page and none wider than the screen.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.change import tasks
from coproduce.change.models import OutboxMessage, Update
from coproduce.improvement.models import Cycle, Project
from coproduce.tooling.testing.browser import look
from coproduce.voices.models import Voice
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser

SCREENSHOTS = Path("var/screenshots")


def day(offset: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=offset)).strftime("%d/%m/%Y")


def run_a_cycle(page, *, result: str, decision: str, why: str, happened_on: int) -> None:
    """Do, Study and Act on the cycle page that is open."""
    page.get_by_role("button", name="Begin the test (Do)").click()
    page.get_by_role("radio", name="What happened").check()
    page.get_by_label("When").fill(day(happened_on))
    page.get_by_role("textbox", name="What happened").fill(
        "A lead practitioner was named at each first visit."
    )
    page.get_by_role("button", name="Record", exact=True).click()
    page.get_by_role("button", name="Study the results").click()
    # The Study shows the measure's chart over the cycle beside the prediction.
    expect(page.locator("main")).to_contain_text("Distinct staff per episode")
    look(page)
    page.get_by_label("The result, beside the prediction").fill(result)
    page.get_by_role("button", name="Record the result").click()
    page.get_by_label(decision).check()
    page.get_by_label("Why").fill(why)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text(f"Decision recorded: {decision.lower()}.")).to_be_visible()
    look(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_voice_becomes_a_tested_change_told_back_to_its_giver(site, page, width):
    url, _ = site
    page.set_viewport_size({"width": width, "height": 900})
    voice = (
        Voice.objects.usable_for_improvement()
        .filter(pk__in=Voice.objects.to_contact_back())
        .exclude(projects__isnull=False)
        .order_by("pk")[0]
    )
    before = set(Project.objects.values_list("pk", flat=True))
    sign_in(page, url, "team.leader")

    # The charter, from the voice, with Viv.
    page.goto(f"{url}/voices/{voice.pk}")
    page.get_by_role("link", name="Start an improvement project from this voice").click()
    look(page)
    page.get_by_label("Title").fill("Fewer different faces")
    page.get_by_label("The problem in plain words").fill("I was seen by too many people.")
    page.get_by_label("What will improve").fill("Fewer different staff see each person")
    page.get_by_label("For whom").fill("people on the crisis team's caseload")
    page.get_by_label("Measured as").fill("distinct staff per episode")
    page.get_by_label("Co-lead from the network", exact=True).select_option(
        label="Viv (Person who uses services)"
    )
    page.get_by_label("From (optional)").fill("4")
    page.get_by_label("To", exact=True).fill("2")
    page.get_by_label("By when").fill(day(300))
    page.get_by_role("button", name="Open the project").click()
    expect(page.get_by_role("heading", name="Fewer different faces")).to_be_visible()
    look(page)
    (project,) = Project.objects.exclude(pk__in=before)
    assert project.voice == voice
    assert list(project.voices.all()) == [voice]

    # A measure bound to the evidence engine (the whole trust: the charter names no team).
    page.goto(f"{url}/improvement/{project.pk}/measures")
    page.get_by_label("Name").fill("Distinct staff per episode")
    page.get_by_role("group", name="What kind of measure is it?").get_by_label(
        "Outcome measure"
    ).check()
    page.get_by_role("group", name="Where do its figures come from?").get_by_label(
        "Distinct staff per episode"
    ).check()
    page.get_by_role("group", name="Which way is better?").get_by_label("Lower is better").check()
    page.get_by_role("button", name="Add the measure").click()
    expect(page.get_by_role("heading", name="Distinct staff per episode", level=1)).to_be_visible()
    look(page)
    measure = project.measures.get()

    # The driver diagram.
    page.goto(f"{url}/improvement/{project.pk}/drivers")
    page.get_by_label("Add a driver").fill("The same few people see each person")
    page.get_by_role("button", name="Add driver").click()
    page.get_by_label("Add a change idea").fill("A lead practitioner model")
    page.get_by_role("group", name="The drivers it moves").get_by_label(
        "The same few people see each person"
    ).check()
    page.get_by_role("button", name="Add change idea").click()
    expect(page.get_by_role("img", name="Driver diagram")).to_be_visible()
    look(page)

    # Two PDSA cycles, the second following the first.
    page.goto(f"{url}/improvement/{project.pk}/cycles")
    page.get_by_role("link", name="Plan a new cycle testing “A lead practitioner model”").click()
    page.get_by_label("Title of the cycle").fill("One team")
    page.get_by_label("Objective").fill("Name a lead practitioner at each first visit")
    page.get_by_label("Prediction").fill("Each person sees fewer different staff")
    page.get_by_label("Starts on").fill(day(-120))
    page.get_by_label("Ends on").fill(day(-75))
    page.get_by_role("group", name="The measures that will tell").get_by_label(
        "Distinct staff per episode"
    ).check()
    page.get_by_role("button", name="Plan the cycle").click()
    expect(page.get_by_role("heading", name="One team")).to_be_visible()
    look(page)
    run_a_cycle(
        page,
        result="Fewer staff for most people; two teams could try it",
        decision="Adapt",
        why="It worked in one team: try it in every team",
        happened_on=-100,
    )
    page.get_by_role("link", name="Plan the next cycle").click()
    page.get_by_label("Title of the cycle").fill("Every team")
    page.get_by_label("Starts on").fill(day(-70))
    page.get_by_label("Ends on").fill(day(-10))
    page.get_by_role("button", name="Plan the cycle").click()
    expect(page.get_by_role("heading", name="Every team")).to_be_visible()
    run_a_cycle(
        page,
        result="People saw fewer different staff in every team",
        decision="Adopt",
        why="The chart and the people we asked agree",
        happened_on=-40,
    )
    second = Cycle.objects.get(change_idea__project=project, title="Every team")
    assert second.follows.title == "One team"
    assert list(second.measures.all()) == [measure]

    # The chart tells the story: both cycles on it, and a note added.
    page.goto(f"{url}/improvement/{project.pk}/measures/{measure.pk}")
    page.get_by_label("When did it happen?").fill(day(-72))
    page.get_by_label("What happened?").fill("Training for every team")
    page.get_by_role("button", name="Add the note").click()
    notes = page.locator(".coproduce-measure__notes")
    expect(notes).to_contain_text("One team")
    expect(notes).to_contain_text("Every team")
    expect(notes).to_contain_text("Training for every team")
    expect(page.locator("svg").filter(has_text="Distinct staff per episode").first).to_be_visible()
    look(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"improvement-chart-{width}.png", full_page=True)

    # Closed by the team leader; told back by the lived experience lead.
    page.goto(f"{url}/improvement/{project.pk}/story")
    page.get_by_label("Change adopted").check()
    page.get_by_label("What changed, or why it ended").fill(
        "Everyone on the caseload now has a lead practitioner."
    )
    page.get_by_role("button", name="Close the project").click()
    expect(page.get_by_text(re.compile("The project is closed"))).to_be_visible()
    look(page)
    page.context.clear_cookies()
    sign_in(page, url, "le.lead")
    page.goto(f"{url}/improvement/{project.pk}/story")
    expect(page.get_by_label("We did")).to_contain_text("One team")
    page.get_by_role("button", name="Preview the update").click()
    expect(page.locator("main")).to_contain_text("1 contributor asked to be told")
    look(page)
    page.get_by_label(re.compile("I have read every version")).check()
    page.get_by_role("button", name="Confirm and publish").click()
    expect(page.get_by_text(re.compile("Update published"))).to_be_visible()
    update = Update.objects.latest("pk")
    project.refresh_from_db()
    assert update.action == project.told_through
    tasks.tell_contributors.call(update.pk)  # the worker, as the commit hands it on
    assert [m.voice for m in OutboxMessage.objects.filter(update=update)] == [voice]
    page.goto(f"{url}/improvement/{project.pk}/story")
    expect(page.locator("main")).to_contain_text("The story was told in 1")
    look(page)
