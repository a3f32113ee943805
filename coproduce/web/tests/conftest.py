"""Shared helpers for the browser tests."""

import pytest

from coproduce.synthetic.demo import DEMO_PASSWORD
from coproduce.testing.browser import sign_in as sign_in_through_pages


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
