"""People are listed by the names others know them by, with their role.

A username is for signing in; it is shown in the Django admin and nowhere else. Given the
demo trust with every account's username changed to a token no page would otherwise
contain, when each role opens every page it uses (the accessibility sweep's list, which
is checked against the URL configuration), then no page shows a username, and the pages
that list staff ("Written with", lead practitioner, who acknowledged an alert, the
owner of an action) show each by name and role.
"""

from __future__ import annotations

from typing import Any

import pytest

from coproduce.accounts.models import Role, User
from coproduce.conftest import CheckedClient
from coproduce.tooling.testing.factories import PersonFactory, UserFactory
from coproduce.tooling.testing.pages import pages_by_role

ROLE_ACCOUNTS = ["practitioner", "le.lead", "analyst", "member"]


@pytest.fixture
def pages_and_logins(demo_in_a_module_transaction: Any, db: None) -> Any:
    PersonFactory(given_name="Not", family_name="OnTheCaseload")  # for break-glass
    pages = pages_by_role()
    signers = {name: User.objects.get(username=name) for name in ROLE_ACCOUNTS}
    logins = {}
    for user in User.objects.all():
        user.username = f"zq{user.pk}login"
        user.save(update_fields=["username"])
        logins[user.pk] = user.username
    return pages, signers, logins


@pytest.mark.parametrize("role", [None, *ROLE_ACCOUNTS])
def test_it_shows_no_username_on_any_page(pages_and_logins: Any, role: str | None) -> None:
    pages, signers, logins = pages_and_logins
    client = CheckedClient()
    if role:
        client.force_login(signers[role])
    shown = {}
    for name, path in pages[role].items():
        page = client.get(path).content.decode()
        found = sorted({login for login in logins.values() if login in page})
        if found:
            shown[name] = found
    assert shown == {}


def test_it_lists_staff_who_wrote_an_insight_by_name_and_role(pages_and_logins: Any) -> None:
    pages, signers, _ = pages_and_logins
    client = CheckedClient()
    client.force_login(signers["le.lead"])
    page = client.get(pages["le.lead"]["list_insights"]).content.decode()
    assert "Fran Wilson (Team leader)" in page  # a "Written with" choice
    insight = client.get(pages["le.lead"]["show_insight"]).content.decode()
    assert "(Team leader)" in insight or "Written by" not in insight


def test_it_lists_the_lead_practitioner_by_name_and_role(pages_and_logins: Any) -> None:
    pages, signers, _ = pages_and_logins
    client = CheckedClient()
    client.force_login(signers["practitioner"])
    page = client.get(pages["practitioner"]["list_caseload"]).content.decode()
    main = page.split("<main", 1)[1]  # not the header, which names who is signed in
    assert "Priya Shah (Practitioner)" in main


def test_someone_with_no_name_recorded_is_not_shown_by_username(db: None) -> None:
    nameless = UserFactory(
        username="nameless.login", first_name="", last_name="", role=Role.SUPPORT_WORKER
    )
    assert "nameless.login" not in nameless.name_and_role
    assert nameless.name_and_role == "Name not recorded (Support worker)"
    assert str(nameless) == nameless.name_and_role  # what a form's list of choices shows
