"""No page scrolls sideways on a phone.

Given the synthetic demo trust, when each role opens every page it uses in a browser
390 px wide (a common phone), then the page is no wider than the screen, and it passes
axe. Tables are the usual cause: each is written in the NHS.UK responsive pattern
(``web/jinja2/tables.jinja``), so below the tablet breakpoint each row stacks and each
value sits beside its column's heading. The list of pages is the accessibility sweep's,
which is itself checked against the URL configuration.
"""

import pytest

from coproduce.tooling.synthetic.demo import DEMO_PASSWORD
from coproduce.tooling.testing.browser import assert_accessible, sign_in, too_wide
from coproduce.tooling.testing.pages import pages_by_role

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# The evidence pages' tables are being rebuilt on their own branch (issue 21); until that
# lands they keep their own sideways-scrolling box, so they are not held to this yet.
NOT_YET = {"show_evidence", "show_evidence_theme", "chart_limits", "change_report"}


@pytest.fixture
def site(live_server, transactional_db):
    from coproduce.tooling.synthetic.demo import seed_demo
    from coproduce.tooling.testing.factories import PersonFactory

    seed_demo()
    PersonFactory(given_name="Not", family_name="OnTheCaseload")  # for break-glass
    return live_server.url


@pytest.mark.parametrize("role", [None, "practitioner", "le.lead", "analyst", "member"])
def test_no_page_is_wider_than_a_phone(site, browser, role):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    if role:
        sign_in(page, site, role, DEMO_PASSWORD)
    pages = pages_by_role()
    wide = {}
    tables = 0
    for name, path in pages[role].items():
        if name in NOT_YET:
            continue
        page.goto(site + path)
        tables += page.locator("main table").count()
        assert page.evaluate("document.documentElement.clientWidth") == 390
        found = too_wide(page)
        if page.evaluate("document.documentElement.scrollWidth") > 390:
            wide[path] = found
        assert_accessible(page)
    context.close()
    assert wide == {}, f"wider than a 390 px phone: {wide}"
    if role in {"practitioner", "le.lead", "analyst"}:  # their pages hold tables
        assert tables > 0


def test_tables_stack_on_a_phone_and_are_tables_on_a_desktop(site, browser):
    """The caseload, as its practitioner sees it: on a phone each value is labelled with
    its column's heading; on a desktop the headings are the table's own."""
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, site, "practitioner", DEMO_PASSWORD)
    for viewport, heading_shown in [(PHONE, True), ({"width": 1280, "height": 900}, False)]:
        page.set_viewport_size(viewport)
        page.goto(site + "/caseload")
        label = page.locator("main table tbody td .nhsuk-table__heading").first
        assert label.inner_text().strip() == "Person"
        assert label.is_visible() is heading_shown
        head = page.locator("main table thead").bounding_box()
        assert (head["height"] <= 1) is heading_shown  # visually hidden, still read out
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert_accessible(page)
    page.context.close()


def test_what_someone_said_reads_from_the_left_under_its_heading_on_a_phone(site, browser):
    """A fresh-eyes trial read the inbox's feedback at 390 px as a ragged right-aligned
    column beside its heading: a cell of words to read stacks, left-aligned."""
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, site, "le.lead", DEMO_PASSWORD)
    page.goto(site + "/voices")
    said = page.locator("main table tbody td.coproduce-table__cell--words").first
    heading = said.locator(".nhsuk-table__heading")
    assert heading.inner_text().strip() == "What they said"
    assert said.evaluate("cell => getComputedStyle(cell).textAlign") == "left"
    words = said.locator(".coproduce-table__value").bounding_box()
    assert words["y"] >= heading.bounding_box()["y"] + heading.bounding_box()["height"] - 1
    received = page.locator("main table tbody td").nth(1)  # a short value stays beside
    assert received.evaluate("cell => getComputedStyle(cell).textAlign") == "right"
    page.context.close()


def test_a_wide_evidence_table_stacks_on_a_phone_with_each_figure_labelled(site, browser):
    # Found by issue 20's fifth fresh-eyes trial: at 390 px the experience table showed
    # four of its eight columns; issue 21's sixth asked for the design system's responsive
    # table, as every other table has, rather than a box that scrolls sideways.
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, site, "analyst", DEMO_PASSWORD)
    for viewport, heading_shown in [(PHONE, True), ({"width": 1280, "height": 900}, False)]:
        page.set_viewport_size(viewport)
        page.goto(site + "/evidence/experience")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        table = page.locator("main table.nhsuk-table--responsive").first
        labels = table.locator("tbody td .nhsuk-table__heading")
        assert "All channels" in [t.strip() for t in labels.all_inner_texts()]
        assert labels.last.is_visible() is heading_shown
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        box = table.bounding_box()
        assert box["x"] + box["width"] <= viewport["width"]
    page.context.close()


def test_a_long_web_address_in_an_update_wraps_on_a_phone(site, browser):
    """Helper-70 published a web address in "we did": its Easy Read page was 476 px wide
    at 390, and its large print 437."""
    from coproduce.change.models import Update

    update = Update.objects.order_by("-pk").first()
    long_address = (
        "https://example.nhs.uk/crisis/response-vehicle/unmarked-car-leaflet-easy-read.pdf"
    )
    Update.objects.filter(pk=update.pk).update(
        we_did=f"The leaflet is now at {long_address}", easy_read=""
    )
    page = browser.new_context(viewport=PHONE).new_page()
    for fmt in ("", "?format=large-print", "?format=easy-read", "?format=braille-ready"):
        page.goto(f"{site}/you-said-we-did/{update.pk}{fmt}")
        if fmt != "?format=braille-ready":  # Braille-ready text breaks lines at 40 cells
            assert long_address[-20:] in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, (fmt, too_wide(page))
    page.context.close()


def test_a_letters_own_link_to_stop_wraps_on_a_phone_and_on_paper(site, browser):
    """A fresh-eyes trial: the stop link on a large-print letter ran 907 px wide at 390,
    and off an A4 page when printed."""
    from coproduce.change import stopping
    from coproduce.change.models import OutboxMessage, Update
    from coproduce.lib.formats import Format
    from coproduce.voices.models import Voice

    update = Update.objects.order_by("-pk")[0]
    voice = Voice.objects.exclude(outbox__update=update).order_by("pk")[0]
    Voice.objects.filter(pk=voice.pk).update(
        consent_contact=True,
        contact_channel=Voice.ContactChannel.POST,
        contact_address="Flat 2\n10 Example Street\nIpswich\nIP1 1AA",
        contact_format=Format.LARGE_PRINT,
    )
    OutboxMessage.objects.create(
        update=update,
        voice=voice,
        channel=Voice.ContactChannel.POST,
        format=Format.LARGE_PRINT,
        status=OutboxMessage.Status.TO_PRINT,
    )
    link = stopping.link(voice)
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, site, "le.lead", DEMO_PASSWORD)
    page.goto(f"{site}/updates/{update.pk}/letters")
    assert link[-16:] in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, too_wide(page)
    page.set_viewport_size({"width": 718, "height": 1000})  # A4's printable width
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth") <= 718, too_wide(page)
    page.context.close()
