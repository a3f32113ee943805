"""Every page, as the role that uses it, checked with axe-core for WCAG 2.2 A and AA.

The list of pages is checked against the URL configuration, so a new page cannot be
left out of this sweep.
"""

import pytest
from django.conf import settings

from coproduce.accounts import second_factor
from coproduce.accounts.models import Role
from coproduce.tooling.synthetic.demo import DEMO_PASSWORD, seed_demo
from coproduce.tooling.testing.browser import assert_accessible, sign_in
from coproduce.tooling.testing.factories import PASSWORD, PersonFactory, UserFactory
from coproduce.tooling.testing.pages import NOT_PAGES, pages_by_role
from coproduce.web import urls

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db):
    seed_demo()
    PersonFactory(given_name="Not", family_name="OnTheCaseload")  # for break-glass
    return live_server.url


def test_the_sweep_covers_every_page(site):
    covered = {name for pages in pages_by_role().values() for name in pages}
    assert covered | NOT_PAGES == {p.name for p in [*urls.public_urlpatterns, *urls.urlpatterns]}


@pytest.mark.parametrize("role", [None, "practitioner", "le.lead", "analyst", "member"])
def test_every_page_passes_axe(site, browser, role):
    context = browser.new_context()
    page = context.new_page()
    if role:
        sign_in(page, site, role, DEMO_PASSWORD)
    pages = pages_by_role()[role]
    for path in pages.values():
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
    # Not named pages: the 404 page, and every public page in each other shipped language.
    public = {p.name for p in urls.public_urlpatterns}
    extra = ["/no-such-page"]
    if role is None:
        for code, _name in settings.LANGUAGES[1:]:
            extra += [f"/{code}{path}" for name, path in pages.items() if name in public]
            extra.append(f"/{code}/no-such-page")
    for path in extra:
        page.goto(site + path)
        assert_accessible(page)
    context.close()


def test_setting_up_an_authenticator_app_passes_axe(site, browser):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    UserFactory(username="new.starter", role=Role.SUPPORT_WORKER)
    page = browser.new_context().new_page()
    page.goto(f"{site}/sign-in")
    page.get_by_label("Username").fill("new.starter")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/sign-in/set-up**")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()  # no code: the error state
    assert_accessible(page)
    device = TOTPDevice.objects.get(user__username="new.starter")
    page.get_by_role("textbox", name="Code").fill(second_factor.current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{site}/")
    assert TOTPDevice.objects.get(user__username="new.starter").confirmed
