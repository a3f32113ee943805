"""A team leader reads what the First Response line and the Sanctuary prevented, in a
real browser (issue 22, item 4).

Given the demo trust with five months of calls and Sanctuary visits made here (most in
the evening, most ending at home or at the Sanctuary), when the team leader opens the
evidence and follows the line's card, then the page answers whether the Sanctuary's
hours match when people come in words, draws both heat maps with their tables and the
SPC charts of how calls ended, and states the cost model's assumptions; at phone and
desktop width, with an accessibility check.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.accounts.models import User
from coproduce.care.models import Team
from coproduce.evidence import services
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser

SCREENSHOTS = Path("var/screenshots")


def five_months_of_calls_and_evenings() -> None:
    line = Team.objects.get(kind=Team.Kind.CRISIS_LINE)
    sanctuary = Team.objects.get(kind=Team.Kind.SANCTUARY)
    handler = User.objects.get(username="practitioner")
    tz = timezone.get_current_timezone()
    first = (timezone.localdate().replace(day=1) - dt.timedelta(days=140)).replace(day=1)
    calls, visits = [], []
    day = first
    n = 0
    while day < timezone.localdate():
        for hour, outcomes in ((21, ["safe_at_home"]), (22, ["sanctuary"]), (10, ["a_and_e"])):
            n += 1
            if hour == 10 and n % 2:
                continue  # fewer calls in the morning, and some of them end at A&E
            start = dt.datetime.combine(day, dt.time(hour, n % 60), tzinfo=tz)
            calls.append(
                Call(
                    team=line,
                    handler=handler,
                    started_at=start,
                    ended_at=start + dt.timedelta(minutes=15),
                    outcomes=outcomes,
                    phone_key=f"0770090{n % 40:04d}",
                )
            )
        arrival = dt.datetime.combine(day, dt.time(19, 30), tzinfo=tz)
        visits.append(
            SanctuaryVisit(
                team=sanctuary,
                welcomed_by=handler,
                arrived_at=arrival,
                came=SanctuaryVisit.Came.LINE,
                left_at=arrival + dt.timedelta(hours=2),
                left=SanctuaryVisit.Left.HOME_SAFE if n % 5 else SanctuaryVisit.Left.WITH_FRIEND,
            )
        )
        day += dt.timedelta(days=1)
    Call.objects.bulk_create(calls)
    SanctuaryVisit.objects.bulk_create(visits)
    cache.delete(services.CACHE_KEY)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_team_leader_reads_what_the_line_and_the_sanctuary_prevented(site, page, width):
    url, _fake = site
    five_months_of_calls_and_evenings()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, url, "team.leader")
    page.goto(url + "/evidence")
    page.get_by_role("link", name="The First Response line and the Sanctuary").click()
    expect(
        page.get_by_role("heading", level=1, name="The First Response line and the Sanctuary")
    ).to_be_visible()
    expect(page.get_by_text("when the Sanctuary is open.", exact=False)).to_be_visible()
    expect(page.get_by_text("visits to the Sanctuary began in its opening hours")).to_be_visible()
    expect(
        page.get_by_role("img", name="Calls to the line by hour of the day and weekday")
    ).to_be_visible()
    expect(
        page.get_by_role("img", name="Visits to the Sanctuary by hour of the day and weekday")
    ).to_be_visible()
    expect(
        page.get_by_role(
            "img", name="Calls that ended without A&E, police or an ambulance, by month"
        )
    ).to_be_visible()
    expect(page.get_by_text("Running the line costs £500,000 a year")).to_be_visible()
    assert_accessible(page)
    # The heat map's figures as a table, opened.
    page.get_by_text("Calls to the line by hour and weekday: the figures as a table").click()
    expect(page.get_by_role("table", name="Calls to the line by hour and weekday")).to_be_visible()
    assert_accessible(page)
    # Nothing wider than the screen: the heat maps scale, the tables stack on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"evidence-first-response-{width}.png", full_page=True)
