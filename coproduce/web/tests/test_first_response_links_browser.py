"""An anonymous caller referred to the crisis team, in a real browser (issue 22: how a
call joins the rest of care).

Given the synthetic demo trust, when a handler ends an anonymous call "Referred to the
crisis team", then the end is refused, saying the referral needs the person, with
nothing lost; when they save the call, record the caller as a new person and end it
again with the crisis team and how urgent, then the referral is made and the call shows
it; and the handler can correct the ended call, which keeps what it said before. At
phone and desktop width, with an accessibility check on each page.
"""

import pytest
from playwright.sync_api import expect

from coproduce.care.models import Person, Referral, Team
from coproduce.firstresponse.models import Call, CallCorrection
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.tooling.testing.factories import synthetic_nhs_number
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_an_anonymous_caller_is_recorded_and_referred_to_the_crisis_team(site, page, width):
    url, _fake = site
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, url, "practitioner")
    crisis_team = Team.objects.filter(kind=Team.Kind.HOME_TREATMENT).order_by("name")[0]
    number = next(
        n
        for n in (synthetic_nhs_number(900_000 + 20 * k) for k in range(50))
        if not Person.objects.filter(nhs_number=n).exists()
    )

    # An anonymous call ended "Referred to the crisis team": refused, nothing lost.
    page.goto(url + "/line")
    page.get_by_role("button", name="Start a call").click()
    call = Call.objects.get(ended_at=None, handler__username="practitioner")
    page.get_by_label("The person themself").check()
    page.get_by_label("First name or what they want to be called (optional)").fill("Ash")
    page.get_by_label("What they said, in their own words").fill(
        "(Synthetic) Everything is too much and I need someone to come."
    )
    page.get_by_label("Next steps agreed to stay safe").fill(
        "(Synthetic) The crisis team will visit Ash tomorrow morning."
    )
    page.get_by_label("Referred to the crisis team").check()
    page.get_by_label("Crisis team", exact=True).select_option(str(crisis_team.pk))
    page.get_by_label("Urgent", exact=True).check()
    page.get_by_role("button", name="End the call").click()
    expect(page.get_by_text("needs the person's record").first).to_be_visible()
    expect(page.get_by_label("First name or what they want to be called (optional)")).to_have_value(
        "Ash"
    )
    assert_accessible(page)
    call.refresh_from_db()
    assert call.is_open
    assert not Referral.objects.filter(calls=call).exists()

    # Saved, then the caller recorded as a new person, back on the call.
    page.get_by_role("button", name="Save, call still open").click()
    page.get_by_role("link", name="Record the caller as a person").click()
    assert_accessible(page)
    page.get_by_label("NHS number").fill(number)
    page.get_by_label("First name").fill("Ash")
    page.get_by_label("Last name").fill("Synthetic")
    page.get_by_label("Date of birth").fill("17/05/1990")
    page.get_by_role("button", name="Record them and link this call").click()
    expect(page.get_by_text("The caller is recorded as a person")).to_be_visible()

    # Ended again with the referral: made, and the call shows it.
    page.get_by_label("Referred to the crisis team").check()
    page.get_by_label("Crisis team", exact=True).select_option(str(crisis_team.pk))
    page.get_by_label("Urgent", exact=True).check()
    page.get_by_role("button", name="End the call").click()
    expect(page.get_by_text("Call ended and recorded.")).to_be_visible()
    call.refresh_from_db()
    assert call.referral is not None
    assert call.referral.person.nhs_number == number
    assert call.referral.team == crisis_team
    page.goto(url + f"/line/calls/{call.pk}")
    expect(page.get_by_text(f"referral {call.referral.pk} to {crisis_team.name}")).to_be_visible()
    assert_accessible(page)

    # Corrected, with a reason; what it said before is kept and shown.
    page.get_by_role("link", name="Correct this call").click()
    assert_accessible(page)
    page.get_by_label("Area (optional)").fill("Wisbech")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Say why in a short sentence").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why you are correcting the call").fill("The caller said where they live.")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Call corrected. What it said before is kept.")).to_be_visible()
    assert CallCorrection.objects.get(call=call).after == {"area": "Wisbech"}
    assert_accessible(page)
