"""Each role's main pages, in the order the role walks them, reached as a person would:
by address for the pages in the navigation, else by following a link on the page before.

Read only: nothing is saved on the way (the update is previewed, not published), so
``coproduce screenshots`` may walk it on a running demo as often as it likes. It finds its
way by links, not by database ids, so it works against any demo, seeded or not from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coproduce.tooling.testing.browser import WE_DID_LABEL

Step = Callable[[Any, str], None]


def visit(path: str) -> Step:
    def step(page: Any, site: str) -> None:
        page.goto(site + path)

    return step


def follow(selector: str, on: str | None = None) -> Step:
    """The first link matching the CSS selector, on this page or on the page at ``on``."""

    def step(page: Any, site: str) -> None:
        if on is not None:
            page.goto(site + on)
        link = page.locator(selector)
        if not link.count():
            raise LookupError(f"no link {selector} on {page.url}")
        link.first.click()
        page.wait_for_load_state()

    return step


def preview_an_update(page: Any, site: str) -> None:
    page.get_by_label("You said").fill("You told us nights are the hardest time to call.")
    page.get_by_label(WE_DID_LABEL).fill("The crisis line now has two call handlers every night.")
    page.get_by_role("button", name="Preview the update").click()
    page.wait_for_load_state()


# Role (as named in the files) → who signs in (None: the public), and their main pages.
TOUR: dict[str, tuple[str | None, list[tuple[str, Step]]]] = {
    "public": (
        None,
        [
            ("home", visit("/")),
            ("give-feedback", visit("/feedback")),
            ("you-said-we-did", visit("/you-said-we-did")),
            ("an-update", follow("main a[href^='/you-said-we-did/']")),
            ("join-the-network", visit("/join")),
            ("home-welsh", visit("/cy/")),
            ("give-feedback-welsh", visit("/cy/feedback")),
            ("you-said-we-did-welsh", visit("/cy/you-said-we-did")),
        ],
    ),
    "practitioner": (
        "practitioner",
        [
            ("worklist", visit("/worklist")),
            ("caseload", visit("/caseload")),
            ("person", follow("main a[href^='/people/']:not([href='/people/find'])")),
            ("episode", follow("main a[href^='/episodes/']:not([href$='/new'])")),
            ("record-a-contact", follow("main a[href$='/contacts/new']")),
        ],
    ),
    "support-worker": (
        "support.worker",
        [
            ("worklist", visit("/worklist")),
            ("caseload", visit("/caseload")),
            ("person", follow("main a[href^='/people/']:not([href='/people/find'])")),
            ("alerts", visit("/alerts")),
        ],
    ),
    "team-leader": (
        "team.leader",
        [
            ("alerts", visit("/alerts")),
            ("an-alert", follow("main a[href^='/alerts/']")),
            ("worklist", visit("/worklist")),
            ("evidence", visit("/evidence")),
        ],
    ),
    "lived-experience-lead": (
        "le.lead",
        [
            ("voices", visit("/voices")),
            ("a-voice", follow("main table a[href^='/voices/']")),
            ("themes", visit("/themes")),
            ("insights", visit("/insights")),
            ("an-insight", follow("main a[href^='/insights/']")),
            ("actions", visit("/actions")),
            ("an-action", follow("main a[href^='/actions/']")),
            ("publish-an-update", follow("main a[href$='/update']")),
            ("preview-an-update", preview_an_update),
        ],
    ),
    "network-member": (
        "member",
        [
            ("my-record", visit("/network/me")),
            ("rank-priorities", follow("main a[href$='/ballot']")),
            ("a-meeting-paper", follow("main a[href*='/papers/']", on="/network/me")),
            ("claim-for-a-meeting", follow("main a[href$='/claim']", on="/network/me")),
        ],
    ),
    "analyst": (
        "analyst",
        [
            ("evidence", visit("/evidence")),
            ("experience", follow("main a[href='/evidence/experience']")),
            ("co-production-health", visit("/evidence/coproduction")),
            ("story-of-change", visit("/story")),
        ],
    ),
    "administrator": (
        "admin",
        [
            ("admin", visit("/admin/")),
            ("accounts", visit("/admin/accounts/user/")),
            ("audit-trail", visit("/admin/accounts/auditevent/")),
        ],
    ),
}
