"""A Sanctuary guest's text reply becomes a voice, in a real browser (issue 22, item 3).

Given the synthetic demo trust with a guest here tonight, when the Sanctuary's staff
record that they went home safe and, with their agreement, give their mobile for one
question by text (a landline is refused first, and the guest stays on the list), then
the question goes through Notify after they leave, their reply comes back through
Notify's callback, and the voice is on the Sanctuary's team with its rating, for a lived
experience lead to read; at phone and desktop width, with an accessibility check on
each page.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.firstresponse.models import SanctuaryVisit
from coproduce.messaging import notify
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices.models import Voice
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_a_guests_text_reply_becomes_a_voice_on_the_sanctuarys_team(site, page, width, settings):
    url, fake = site
    settings.QUIET_HOURS = (dt.time(0, 0), dt.time(0, 0))  # whenever the test runs
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, url, "support.worker")

    visit = SanctuaryVisit.objects.get(left_at=None, called="Sam")
    page.goto(url + "/sanctuary")
    page.get_by_role("button", name=re.compile(r"^Leaving: S\.")).click()
    page.get_by_label("Home and safe").check()
    page.get_by_label("Yes, they agree to be texted one question").check()
    page.get_by_label("Their mobile number").fill("01223 245151")
    page.get_by_role("button", name="They have left").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_text("a mobile starts 07").first).to_be_visible()
    assert_accessible(page)
    visit.refresh_from_db()
    assert visit.is_here

    page.get_by_label("Their mobile number").fill("07700 900 456")
    page.get_by_role("button", name="They have left").click()
    expect(page.get_by_text("S. has left. Thank you. The question will be texted")).to_be_visible()
    assert_accessible(page)

    # After they leave, the question goes out through Notify, and they answer.
    visit.refresh_from_db()
    assert notify.deliver(visit.feedback_message_id, timezone.now()) is None  # not yet
    sent_message = notify.deliver(
        visit.feedback_message_id, timezone.now() + dt.timedelta(minutes=11)
    )
    assert sent_message is not None
    assert sent_message.status == "sent"
    [question] = fake.sent_to("07700900456")
    assert "How was it for you?" in question.personalisation["body"]
    reply = "2 (Synthetic) A cuppa and someone to talk with"
    assert fake.call_service(fake.inbound_url, fake.inbound("447700900456", reply)) == 201
    voice = Voice.objects.get(text=reply)
    assert voice.team == visit.team
    page.get_by_role("button", name="Sign out").click()

    # A lived experience lead reads it: the Sanctuary's, rated good.
    sign_in(page, url, "le.lead")
    page.goto(f"{url}/voices/{voice.pk}")
    expect(page.get_by_text(reply)).to_be_visible()
    expect(page.get_by_text(visit.team.name)).to_be_visible()
    expect(page.get_by_text("Good", exact=True)).to_be_visible()
    expect(page.get_by_text("Reply to the question texted after an evening")).to_be_visible()
    assert_accessible(page)
