"""Enquiry categories by framework, in a real browser.

Given the demo trust, one of whose services uses NHS England's v6 framework,
when the lived experience lead opens a voice about that service and types in the search
box the page adds, then only matching categories (and their groups) stay in view, ticked
ones stay too, and the page passes axe at phone and desktop width; the list itself is
plain checkboxes that work without the script.
"""

import pytest
from playwright.sync_api import expect

from coproduce.care.models import Team
from coproduce.tooling.testing.browser import assert_accessible
from coproduce.voices import categories
from coproduce.voices.models import EnquiryCategory, ServiceFramework, Voice
from coproduce.web.tests.conftest import sign_in

pytestmark = pytest.mark.browser


def test_a_lead_finds_a_category_of_the_services_framework(site, page):
    url, _ = site
    voice = Voice.objects.filter(team__isnull=False).order_by("pk")[0]
    if not EnquiryCategory.objects.filter(framework="nhse_v6").exists():
        for name in [n for group in categories.V6_GROUPS.values() for n in group]:
            EnquiryCategory.objects.create(
                name=name,
                framework="nhse_v6",
                source_label=name,
                keywords=categories.V6_KEYWORDS.get(name, ""),
            )
    ServiceFramework.objects.update_or_create(team=voice.team, defaults={"framework": "nhse_v6"})
    offered = categories.category_choices(voice).offered

    sign_in(page, url, "le.lead")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{url}/voices/{voice.pk}")
    boxes = page.locator("input[name=categories]")
    expect(boxes).to_have_count(len(offered))
    assert_accessible(page)

    page.get_by_label("Staff continuity").check()
    page.get_by_label("Find a category").fill("discharge")
    expect(page.get_by_label("Discharge", exact=True)).to_be_visible()
    expect(page.get_by_label("Staff continuity")).to_be_visible()  # ticked: stays in view
    expect(page.get_by_label("Parking")).to_be_hidden()
    expect(page.get_by_text("2 categories shown")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)

    # Found by the words that suggest it, not only its name.
    page.get_by_label("Find a category").fill("waiting")
    expect(page.get_by_label("Timeliness of care")).to_be_visible()
    expect(page.get_by_label("Parking")).to_be_hidden()
    page.get_by_label("Find a category").fill("")
    expect(page.get_by_label("Parking")).to_be_visible()
    page.get_by_role("radio", name="Negative").check()
    page.get_by_role("button", name="Confirm categories and sentiment").click()
    expect(page.get_by_text("Categories and sentiment confirmed.")).to_be_visible()
    assert "Staff continuity" in {c.name for c in voice.categories.all()}


def test_recording_feedback_shows_the_chosen_services_framework_only(site, page):
    url, _ = site
    if not EnquiryCategory.objects.filter(framework="nhse_v6").exists():
        for name in [n for group in categories.V6_GROUPS.values() for n in group]:
            EnquiryCategory.objects.create(name=name, framework="nhse_v6", source_label=name)
    v6, local = Team.objects.order_by("pk")[:2]
    ServiceFramework.objects.update_or_create(team=v6, defaults={"framework": "nhse_v6"})
    ServiceFramework.objects.filter(team=local).delete()

    sign_in(page, url, "le.lead")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{url}/voices/new")
    # No service chosen: the local categories, as a voice about no service uses.
    expect(page.get_by_label("Being listened to")).to_be_visible()
    expect(page.get_by_label("Parking")).to_be_hidden()
    page.get_by_role("radio", name=v6.name).check()
    expect(page.get_by_label("Parking")).to_be_visible()
    expect(page.get_by_label("Being listened to")).to_be_hidden()
    # The search looks within the chosen service's framework only.
    page.get_by_label("Find a category").fill("list")
    expect(page.get_by_label("Staff listening, understanding & involving patients")).to_be_visible()
    expect(page.get_by_label("Being listened to")).to_be_hidden()
    assert_accessible(page)
    page.get_by_label("Find a category").fill("")
    page.get_by_role("radio", name=local.name).check()
    expect(page.get_by_label("Being listened to")).to_be_visible()
    expect(page.get_by_label("Parking")).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
