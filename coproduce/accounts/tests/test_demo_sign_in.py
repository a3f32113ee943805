"""The demo's code page: it shows a code that will be accepted, and nothing of the role
before the code is entered. A code is still taken once (hazard H10)."""

import re
import time

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts import second_factor
from coproduce.tooling.testing.factories import PASSWORD, VoiceFactory
from coproduce.voices.models import RiskAlert


@pytest.fixture
def app(lead):
    return TOTPDevice.objects.create(user=lead, name="Authenticator app", confirmed=True)


def away_from_a_step_boundary(device, margin=8):
    """Start well inside a 30-second step, so two sign-ins fall in the same one."""
    left = device.step - (time.time() - device.t0) % device.step
    if left < margin:
        time.sleep(left + 0.5)


def shown_code(client):
    body = client.get("/sign-in/code?next=/caseload").content.decode()
    return re.search(r"<strong[^>]*>(\d{6})</strong>", body).group(1)


def sign_in_with_the_shown_code(client, user):
    client.post("/sign-in", {"username": user.username, "password": PASSWORD})
    return client.post("/sign-in/code", {"code": shown_code(client), "next": "/caseload"})


def test_signing_in_again_at_once_the_demo_shows_a_code_that_is_accepted(client, lead, app):
    away_from_a_step_boundary(app)
    first = sign_in_with_the_shown_code(client, lead)
    assert first["Location"] == "/caseload"
    client.post("/sign-out")
    again = sign_in_with_the_shown_code(client, lead)
    assert again.status_code == 302, again.content.decode()
    assert again["Location"] == "/caseload"
    assert client.get("/caseload").status_code == 200


def test_a_code_is_still_taken_once(client, lead, app):
    away_from_a_step_boundary(app)
    code = second_factor.next_code(app).code
    client.post("/sign-in", {"username": lead.username, "password": PASSWORD})
    assert client.post("/sign-in/code", {"code": code})["Location"] == "/"
    client.post("/sign-out")
    client.post("/sign-in", {"username": lead.username, "password": PASSWORD})
    refused = client.post("/sign-in/code", {"code": code})
    assert refused.status_code == 400
    assert "The code is not right" in refused.content.decode()


def test_with_no_code_left_to_accept_the_page_counts_down_to_the_next(client, lead, app):
    app.tolerance = 0
    app.save()
    away_from_a_step_boundary(app)
    client.post("/sign-in", {"username": lead.username, "password": PASSWORD})
    client.post("/sign-in/code", {"code": second_factor.current_code(app)})
    client.post("/sign-out")
    app.refresh_from_db()
    waiting = second_factor.next_code(app)
    assert 0 < waiting.wait_seconds <= app.step
    client.post("/sign-in", {"username": lead.username, "password": PASSWORD})
    body = client.get("/sign-in/code").content.decode()
    assert "The next code works in" in body
    assert "data-countdown" in body
    assert "the code for this account is" not in body
    # Once the countdown is over, the code it then shows is accepted.
    later = second_factor.next_code(app, now=time.time() + waiting.wait_seconds)
    assert later.wait_seconds == 0
    assert later.code == waiting.code


def test_before_the_code_the_page_shows_no_navigation_name_or_alerts(client, lead, app):
    RiskAlert.objects.create(voice=VoiceFactory(), concerns=["risk_to_life"])
    client.post("/sign-in", {"username": lead.username, "password": PASSWORD})
    body = client.get("/sign-in/code").content.decode()
    header = body[body.index("<header") : body.index("</header>")]
    assert "Alerts" not in header
    assert "Caseload" not in header
    assert lead.first_name not in header
    assert "Practitioner" not in header
    assert "Sign out" in header  # the way out is still there
    # Once the code is entered, the navigation, name and alert count are shown.
    client.post("/sign-in/code", {"code": shown_code(client)})
    header = client.get("/caseload").content.decode()
    assert "Alerts (1)" in header
    assert lead.first_name in header
