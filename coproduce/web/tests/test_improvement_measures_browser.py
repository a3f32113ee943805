"""A project's measure in a real browser, at phone and desktop width.

Given the demo trust and a project whose team counts, month by month, how many people
had a lead practitioner named at their first appointment, with a PDSA cycle and a note
on its chart, when the team leader opens the measure, then its chart shows the cycle and
the note numbered as in the list beside it, the page passes axe and fits the screen at
390 and 1280 px; and when they enter a figure again for last month, and a note with no
words, the figure replaces the first (which is kept) and the note is refused on its field.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.accounts.models import User
from coproduce.improvement import services
from coproduce.improvement.models import Annotation, ChangeIdea, CountedValue, Cycle, Measure
from coproduce.network.models import Member
from coproduce.tooling.testing.browser import look
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


def months_back(count):
    month = timezone.localdate().replace(day=1)
    out = []
    for _ in range(count):
        month = (month - dt.timedelta(days=1)).replace(day=1)
        out.append(month)
    return out[::-1]


def test_the_team_reads_and_adds_to_an_annotated_chart(site, page):
    url, _ = site
    leader = User.objects.get(username="team.leader")
    viv = Member.objects.create(
        name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=dt.date(2026, 1, 5)
    )
    project = services.open_project(
        leader,
        title="Lead practitioner model",
        problem="I was seen by too many different people.",
        source=services.Source(without_because="Raised at the open forum"),
        aim=services.Aim(
            what="Fewer different staff see each person",
            for_whom="People on the caseload",
            from_=8,
            to=4,
            unit="distinct staff per episode",
            by=timezone.localdate() + dt.timedelta(days=300),
        ),
        co_leads=[leader, viv],
    )
    measure = Measure.objects.create(
        project=project,
        kind=Measure.Kind.PROCESS,
        name="Lead practitioner named at the first appointment",
        source=Measure.Source.COUNTED,
        better="up",
        unit="%",
        target=Decimal(90),
        created_by=leader,
    )
    months = months_back(10)
    for month, value in zip(months, [40, 42, 39, 41, 44, 62, 70, 74, 78, 81], strict=True):
        CountedValue.objects.create(
            measure=measure, period_start=month, value=Decimal(value), entered_by=leader
        )
    idea = ChangeIdea.objects.create(project=project, text="Lead practitioner model")
    cycle = Cycle.objects.create(
        change_idea=idea,
        title="One team",
        objective="Name a lead practitioner at every first appointment in one team",
        prediction="Nine in ten named within a month",
        starts_on=months[5],
        ends_on=months[5] + dt.timedelta(days=27),
        created_by=leader,
    )
    cycle.measures.add(measure)
    Annotation.objects.create(
        project=project, on=months[4] + dt.timedelta(days=14), text="Training", added_by=leader
    )

    sign_in(page, url, "team.leader")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{url}/improvement/{project.pk}/measures/{measure.pk}")
        expect(page.get_by_role("heading", name=measure.name, level=1)).to_be_visible()
        expect(page.locator("#measure-chart-title")).to_contain_text(measure.name)
        notes = page.locator(".coproduce-measure__notes li")
        expect(notes.nth(0)).to_have_text(
            f"{months[4]:%B %Y}: Training".replace(
                f"{months[4]:%B}", f"{(months[4] + dt.timedelta(days=14)).day} {months[4]:%B}"
            )
        )
        expect(notes.nth(1)).to_contain_text("PDSA cycle “One team”")
        look(page)

    last = months[-1]
    page.get_by_label("Which month?").fill(f"{last.month}/{last.year}")
    page.get_by_label("Figure (%)").fill("83")
    page.get_by_role("button", name="Save the figure").click()
    expect(page.get_by_text("Saved the figure.")).to_be_visible()
    expect(page.get_by_text("Figures replaced")).to_be_visible()
    look(page)
    assert CountedValue.objects.get(
        measure=measure, period_start=last, replaced_by=None
    ).value == Decimal(83)

    page.get_by_label("When did it happen?").fill(f"1/{last.month}/{last.year}")
    page.get_by_role("button", name="Add the note").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Say what happened")
    look(page)
    assert Annotation.objects.filter(project=project).count() == 1

    page.goto(f"{url}/improvement/{project.pk}/measures")
    look(page)
    page.get_by_label("Name").fill("")
    page.get_by_role("button", name="Add the measure").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter the measure's name")
    look(page)
