"""An anonymous caller invited to the Sanctuary arrives and leaves safely, in a real
browser (issue 22, first slice).

Given the synthetic demo trust, when a call handler starts a call in one click, records
an anonymous caller by first name, invites them to the Sanctuary and ends the call, then
the Sanctuary expects them (shown by initial, never by name), welcomes them with a drink
and a talk, and records that they went home safe; at phone and desktop width, with an
accessibility check on each page.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser

SCREENSHOTS = Path("var/screenshots")


@pytest.mark.parametrize("width", [390, 1280])
def test_an_anonymous_caller_invited_to_the_sanctuary_arrives_and_leaves_safely(site, page, width):
    url, _fake = site
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, url, "practitioner")

    # The line: one click opens a call.
    page.goto(url + "/line")
    assert_accessible(page)
    page.get_by_role("button", name="Start a call").click()
    expect(page.get_by_role("heading", name="Record the call")).to_be_visible()
    call = Call.objects.get(ended_at=None)
    page.get_by_label("The person themself").check()
    page.get_by_label("First name or what they want to be called (optional)").fill("Kit")
    page.get_by_label("Area (optional)").fill("March")
    page.get_by_label("What they said, in their own words").fill(
        "(Synthetic) I could not sleep and wanted to talk to someone."
    )
    page.get_by_label("Next steps agreed to stay safe").fill(
        "(Synthetic) Kit will take a taxi to the Sanctuary."
    )
    page.get_by_label("Invited to the Sanctuary", exact=True).check()
    invited_for = timezone.localtime() + dt.timedelta(minutes=30)
    page.get_by_label("Invited to the Sanctuary at").fill(f"{invited_for:%H:%M}")
    assert_accessible(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"line-call-{width}.png", full_page=True)
    page.get_by_role("button", name="End the call").click()
    expect(page.get_by_text("Call ended and recorded.")).to_be_visible()
    call.refresh_from_db()
    assert call.ended_at is not None
    assert call.person is None
    assert call.outcomes == ["sanctuary"]

    # The Sanctuary expects them, by initial only.
    page.goto(url + "/sanctuary")
    expect(page.get_by_text(f"K., invited for {invited_for:%H:%M}")).to_be_visible()
    assert "Kit" not in page.content()
    assert_accessible(page)
    page.get_by_role("link", name=f"They have arrived (invited for {invited_for:%H:%M})").click()
    expect(page.get_by_label("From the line")).to_be_checked()
    page.get_by_label("A drink and a talk").check()
    assert_accessible(page)
    page.get_by_role("button", name="Welcome them").click()
    expect(page.get_by_text("K. is on tonight's list. Welcome.")).to_be_visible()
    visit = SanctuaryVisit.objects.get(call=call)
    assert visit.called == "Kit"
    assert visit.offered == ["drink_and_talk"]
    assert "Kit" not in page.content()
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / f"sanctuary-{width}.png", full_page=True)

    # They go home safe.
    page.get_by_role(
        "button", name=f"Leaving: K., came {timezone.localtime(visit.arrived_at):%H:%M}"
    ).click()
    page.get_by_label("Home and safe").check()
    assert_accessible(page)
    page.get_by_role("button", name="They have left").click()
    expect(page.get_by_text("K. has left. Thank you.")).to_be_visible()
    visit.refresh_from_db()
    assert visit.left == SanctuaryVisit.Left.HOME_SAFE
    assert visit.left_at is not None
    assert_accessible(page)
