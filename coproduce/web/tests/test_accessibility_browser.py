"""Every page, as the role that uses it, checked with axe-core for WCAG 2.2 A and AA.

The list of pages is checked against the URL configuration, so a new page cannot be
left out of this sweep.
"""

import pytest

from coproduce.change.models import Update
from coproduce.synthetic.demo import DEMO_PASSWORD, seed_demo
from coproduce.testing.browser import assert_accessible, sign_in
from coproduce.testing.factories import PersonFactory
from coproduce.testing.pages import NOT_PAGES, pages_by_role

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    PersonFactory(given_name="Not", family_name="OnTheCaseload")  # for break-glass
    return live_server.url


def test_the_sweep_covers_every_page(site):
    from coproduce.web import urls

    covered = {name for pages in pages_by_role().values() for name in pages}
    assert covered | NOT_PAGES == {p.name for p in [*urls.public_urlpatterns, *urls.urlpatterns]}


@pytest.mark.parametrize("role", [None, "practitioner", "le.lead", "analyst", "member"])
def test_every_page_passes_axe(site, browser, role):
    context = browser.new_context()
    page = context.new_page()
    if role:
        sign_in(page, site, role, DEMO_PASSWORD)
    for path in pages_by_role()[role].values():
        page.goto(site + path)
        assert_accessible(page)
        button = page.locator("main form button:visible")
        if path not in {"/sign-in"} and button.count():
            # The same page in its error state: visible fields emptied, then submitted.
            for field in page.locator(
                "main form textarea:visible, main form input[type=text]:visible"
            ).all():
                field.fill("")
            button.first.click()
            assert_accessible(page)
    # Not named pages: the 404 page, and the public pages in Welsh.
    extra = ["/no-such-page"] + (
        [
            "/cy/feedback",
            "/cy/you-said-we-did",
            "/cy/join",
            f"/you-said-we-did/{Update.objects.all()[0].pk}",
        ]
        if role is None
        else []
    )
    for path in extra:
        page.goto(site + path)
        assert_accessible(page)
    context.close()
