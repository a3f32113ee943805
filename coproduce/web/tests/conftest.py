"""Shared helpers for the browser tests."""

import pytest

from coproduce.tooling.synthetic.demo import DEMO_PASSWORD, seed_demo
from coproduce.tooling.testing.browser import sign_in as sign_in_through_pages
from coproduce.tooling.testing.fake_notify import FakeNotify


@pytest.fixture
def page(browser):
    """A fresh browser tab that fails the test on any console error (a page answering
    400 for a form with errors is expected, not an error)."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda m: (
            errors.append(m.text) if m.type == "error" and "status of 400" not in m.text else None
        ),
    )
    yield page
    context.close()
    assert errors == [], f"browser console errors: {errors}"


def sign_in(page, site, username):
    sign_in_through_pages(page, site, username, DEMO_PASSWORD)


@pytest.fixture
def site(live_server, transactional_db, settings):
    """The demo trust served live, with a fake Notify that texts the site back."""
    seed_demo()
    # No receipts here: SQLite's shared in-memory test database locks tables instead of
    # waiting, and receipts are tested on their own (messaging/tests/test_notify.py).
    with FakeNotify(
        settings.NOTIFY_API_KEY,
        inbound_url=f"{live_server.url}/notify/inbound-sms",
        callback_token=settings.NOTIFY_CALLBACK_TOKEN,
    ) as fake:
        settings.NOTIFY_BASE_URL = fake.base_url
        yield live_server.url, fake
