"""A call NHS 111 passed to the line is taken in one click, in a real browser (issue 22,
item 5; ADR 0015).

Given the synthetic demo trust and NHS 111 registered as a partner of its line, when
NHS 111 passes a call whose words signal risk, then the line shows it first, with who
passed it and how long it has waited, and a handler takes it in one click: it is their
open call, the caller NHS 111 and the details filled in; at phone and desktop width,
with an accessibility check on each page.
"""

import pytest
from playwright.sync_api import expect

from coproduce.accounts.models import User
from coproduce.care.models import Team
from coproduce.firstresponse import services
from coproduce.firstresponse.models import Call
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.tooling.testing.factories import line_partner
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_a_call_passed_by_nhs_111_is_taken_in_one_click(site, page, width):
    url, _fake = site
    handler = User.objects.get(username="practitioner")
    line = Team.objects.get(kind=Team.Kind.CRISIS_LINE, staff=handler)
    partner = line_partner("nhs_111", line, "nhs111.partner")
    services.pass_call(
        partner.user,
        services.Passing(
            passed_by="nhs_111",
            partner_reference="111-BROWSER-1",
            line=line,
            reason="(Synthetic) Says she wants to end her life tonight.",
            urgency="4",
            phone="07700 900777",
            called="Rae",
            area="Ely",
        ),
    )
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, url, "practitioner")

    page.goto(url + "/line")
    # The demo's police call is waiting too; the one at risk is first.
    expect(page.get_by_role("heading", name="Calls passed to the line (2)")).to_be_visible()
    rows = page.locator("table").first.locator("tbody tr")
    expect(rows.first).to_contain_text("East of England NHS 111")
    expect(rows.nth(1)).to_contain_text("Cambridgeshire Constabulary")
    expect(page.get_by_text("East of England NHS 111, reference 111-BROWSER-1")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Take the call passed by NHS 111").click()

    expect(page.get_by_role("heading", name="Record the call")).to_be_visible()
    expect(page.get_by_role("heading", name="Passed by NHS 111 (option 2)")).to_be_visible()
    expect(page.get_by_label("NHS 111 (option 2)")).to_be_checked()
    expect(page.get_by_label("First name or what they want to be called (optional)")).to_have_value(
        "Rae"
    )
    assert_accessible(page)
    call = Call.objects.get(passed__partner=partner)
    assert call.handler == handler
    assert call.is_open
    assert "risk_to_life" in call.risk_concerns
