"""Debian's Chromium driven by Playwright, and an axe-core check for WCAG 2.2 A/AA.

Never a downloaded browser: the executable is /usr/bin/chromium (scripts/test installs
the Debian package when it is missing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from axe_playwright_python.sync_playwright import Axe

# The label over what was done on the publish form, as the action's status is.
WE_DID_LABEL = re.compile(r"We did|What we plan to do|What we are doing")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}

_axe = Axe()


def assert_accessible(page: Any) -> None:
    # A click that submits a form may still be navigating: check the page that arrives.
    page.wait_for_load_state("load")
    results = _axe.run(page, options=WCAG_22_AA)
    if results.violations_count:
        raise AssertionError(f"{page.url}:\n{results.generate_report()}")


def sign_in(
    page: Any,
    site: str,
    username: str,
    password: str,
    check: Callable[[Any], None] = assert_accessible,
) -> None:
    """Sign in through the pages, as a person would: password, then (for staff) the code
    from their authenticator app, which the demo's code page shows. Each step is checked
    on the way (with axe, unless told otherwise)."""
    page.goto(f"{site}/sign-in")
    check(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/sign-in/code" in page.url:
        check(page)
        code = page.locator(".nhsuk-inset-text strong").inner_text()
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
    if "/sign-in" in page.url:
        raise AssertionError(f"still signing in at {page.url}")


def too_wide(page: Any) -> dict[str, Any]:
    """How many pixels the page is wider than the screen, and the widest thing in it."""
    found: dict[str, Any] = page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const over = document.documentElement.scrollWidth - width;
          let widest = null;
          for (const el of document.querySelectorAll("main *")) {
            const right = el.getBoundingClientRect().right;
            if (right > width + 1 && (!widest || right > widest.right)) {
              const text = (el.textContent || "").slice(0, 60);
              widest = {right, tag: el.tagName, cls: el.className, text};
            }
          }
          return {over, widest};
        }"""
    )
    return found


def look(page: Any) -> None:
    """What a browser journey checks on every page it reaches: axe finds nothing, and the
    page is no wider than the screen (nothing to scroll sideways, at any width)."""
    assert_accessible(page)
    found = too_wide(page)
    if found["over"] > 0:
        raise AssertionError(f"{page.url} is {found['over']} px wider than the screen: {found}")
