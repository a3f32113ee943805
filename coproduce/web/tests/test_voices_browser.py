"""Voices from every channel, in a real browser against the local fake Notify.

Given the synthetic demo trust and a fake Notify that calls the site back,
when a text message signalling risk arrives, a Friends and Family Test export is
uploaded and a practitioner writes down phone feedback,
then the alert is on the duty worklist within seconds and a reply with crisis contacts
has gone out, the imported and recorded voices are in the inbox, and filters and bulk
confirmation work, with an accessibility check on each page.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices.models import RiskAlert, Voice
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser

FFT = (
    "Response ID,Date,FFT categorical answer,Comment\n"
    "B1,01/10/2026,Very good,The home treatment team listened to me\n"
    "B2,02/10/2026,Poor,I waited hours for a call back\n"
)


def run_worker():
    call_command("db_worker", "--batch", "--queue-name", "*", stdout=StringIO())


def test_voices_arrive_by_text_csv_and_staff_and_are_reviewed(site, page, tmp_path):
    url, fake = site
    # A text message arrives through Notify and signals risk.
    assert (
        fake.call_service(
            fake.inbound_url,
            fake.inbound("07700900777", "(Synthetic) I want to end my life tonight"),
        )
        == 201
    )
    run_worker()
    [reply] = fake.sent_to("07700900777")
    assert "116 123" in reply.personalisation["body"]
    alert = RiskAlert.objects.get(voice__text__contains="end my life tonight")

    # The duty practitioner sees it at once and acknowledges it.
    sign_in(page, url, "practitioner")
    page.get_by_role(
        "link", name=f"Alerts ({RiskAlert.objects.filter(acknowledged_at=None).count()})"
    ).click()
    assert_accessible(page)
    expect(page.get_by_text("(Synthetic) I want to end my life tonight")).to_be_visible()

    # They write down feedback someone gave on the phone.
    page.goto(f"{url}/voices/new")
    assert_accessible(page)
    page.get_by_label("Phone call").check()
    page.get_by_label("What they said").fill(
        "(Synthetic) The nurse rang back exactly when promised."
    )
    page.get_by_label("Use it to improve services").check()
    page.get_by_role("button", name="Record feedback").click()
    expect(page.get_by_text("Feedback recorded. Thank you.")).to_be_visible()
    assert Voice.objects.filter(channel="phone", recorded_by__username="practitioner").exists()
    page.get_by_role("button", name="Sign out").click()

    # A lived experience lead imports an FFT export, then filters and confirms.
    sign_in(page, url, "le.lead")
    page.goto(f"{url}/voices/import")
    assert_accessible(page)
    bad = tmp_path / "bad.csv"
    bad.write_text(FFT + "B3,31/02/2026,Good,Impossible date\n")
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("Nothing was imported from bad.csv")).to_be_visible()
    expect(
        page.get_by_text("Line 4: Date '31/02/2026' is not a date like 31/10/2026")
    ).to_be_visible()
    assert_accessible(page)
    good = tmp_path / "good.csv"
    good.write_text(FFT)
    page.locator("input[type=file]").set_input_files(str(good))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("2 voices imported from good.csv.")).to_be_visible()

    page.get_by_text("Filter voices").click()
    page.get_by_label("Channel").select_option("fft_import")
    # The demo's history holds confirmed FFT answers too: just the new ones.
    page.get_by_label("Confirmed or not").select_option("unconfirmed")
    page.get_by_role("button", name="Apply filters").click()
    assert_accessible(page)
    expect(page.get_by_text("2 voices.")).to_be_visible()
    for voice in Voice.objects.filter(channel="fft_import", reviewed_at__isnull=True):
        page.get_by_label(f"Select voice {voice.pk}").check()
    page.get_by_label("What to do").select_option("confirm")
    page.get_by_role("button", name="Apply to selected voices").click()
    expect(page.get_by_text("Suggestions confirmed for 2 voices.")).to_be_visible()
    assert not Voice.objects.filter(channel="fft_import", reviewed_by=None).exists()
    assert alert.pk
