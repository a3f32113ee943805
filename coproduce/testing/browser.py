"""Debian's Chromium driven by Playwright, and an axe-core check for WCAG 2.2 A/AA.

Never a downloaded browser: the executable is /usr/bin/chromium (scripts/test installs
the Debian package when it is missing).
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

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
