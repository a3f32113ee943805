"""An at-risk text reaches a duty worker who can act on it, in a real browser (issue 18).

Given the synthetic demo trust and a fake Notify that calls the site back,
when someone texts a message that signals risk without any of the old screen's words,
then the alert is raised with why, the duty practitioner shows the number it came from
(audited), records a call-back and its outcome, and acknowledges the alert with what
they did; at phone and desktop width, with an accessibility check on each page.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.accounts.models import AuditEvent
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices.models import CallBack, RiskAlert
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser

NUMBER = "07700900778"
NUMBER_READ_ALOUD = "07700 900778"  # as the page shows it; the link dials NUMBER
WORDS = "(Synthetic) Nobody would miss me if I was gone"
SCREENSHOTS = Path("var/screenshots")


@pytest.mark.parametrize("width", [390, 1280])
def test_an_at_risk_text_reaches_a_duty_worker_who_calls_back(site, page, width):
    url, fake = site
    page.set_viewport_size({"width": width, "height": 900})
    assert fake.call_service(fake.inbound_url, fake.inbound(NUMBER, WORDS)) == 201
    call_command("db_worker", "--batch", "--queue-name", "*", stdout=StringIO())
    [reply] = fake.sent_to(NUMBER)
    assert "116 123" in reply.personalisation["body"]  # crisis contacts, not a thank-you
    alert = RiskAlert.objects.get(voice__text=WORDS)

    sign_in(page, url, "practitioner")
    waiting = RiskAlert.objects.filter(acknowledged_at=None).count()
    page.get_by_role("link", name=f"Alerts ({waiting})").click()
    expect(page.get_by_text(WORDS)).to_be_visible()
    page.get_by_role("link", name=f"Contact details and call-backs for alert {alert.pk}").click()
    page.get_by_text("Why the screen raised this alert").click()
    expect(page.get_by_text("is close in meaning to messages about")).to_be_visible()
    assert_accessible(page)
    assert NUMBER not in page.content()  # hidden until asked for
    assert NUMBER_READ_ALOUD not in page.content()

    page.get_by_role("button", name="Show contact details").click()
    expect(page.locator("#contact-details")).to_contain_text(NUMBER_READ_ALOUD)
    expect(page.get_by_role("link", name=NUMBER_READ_ALOUD)).to_have_attribute(
        "href", f"tel:{NUMBER}"
    )
    assert AuditEvent.objects.filter(
        record_type="voices.riskalert", record_id=str(alert.pk), action="viewed"
    ).exists()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"alert-contact-{width}.png", full_page=True)

    now = timezone.localtime()
    page.get_by_label("Date of the call").fill(now.strftime("%d/%m/%Y"))
    page.get_by_label("Time of the call").fill(now.strftime("%H:%M"))
    page.get_by_label("Spoke to the person").check()
    page.get_by_label("Note (optional)").fill(
        "(Synthetic) Safe tonight; home treatment visit at 10"
    )
    page.get_by_role("button", name="Record call-back").click()
    assert_accessible(page)
    call = CallBack.objects.get(alert=alert)
    assert call.outcome == CallBack.Outcome.SPOKE
    assert call.made_by.username == "practitioner"
    expect(page.get_by_role("cell", name="Spoke to the person")).to_be_visible()

    page.get_by_label("What you did").fill("(Synthetic) Called back, safety plan agreed")
    page.get_by_role("button", name="Acknowledge alert").click()
    alert.refresh_from_db()
    assert alert.acknowledged_by.username == "practitioner"
    assert alert.action_taken == "(Synthetic) Called back, safety plan agreed"
    page.screenshot(path=SCREENSHOTS / f"alert-acknowledged-{width}.png", full_page=True)
