"""Fixtures shared by every app's tests: the cast of users and a checking test client.

The cast (as in healthchecks' tests): a lead practitioner and a colleague on one team,
an outsider on another team, a lived experience lead, a network member, an analyst, an
administrator, and anonymous (the plain client).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client

from coproduce.accounts.models import Role, User
from coproduce.care.models import Episode, Team
from coproduce.tooling.testing.factories import EpisodeFactory, TeamFactory, UserFactory
from coproduce.tooling.testing.html import check_html
from coproduce.tooling.testing.logs import personal_data_in
from coproduce.tooling.testing.signin import give_second_factor


class CheckedClient(Client):
    """Django's test client, checking the HTML of every page it fetches. Signing a user
    in here gives both factors (the second-factor steps are tested on their own)."""

    def force_login(self, user: Any, backend: str | None = None) -> None:
        super().force_login(user, backend)
        give_second_factor(self, user)

    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        check_html(response)
        return response


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashing(django_test_environment: None) -> Any:
    """Tests make hundreds of accounts: each would cost a full PBKDF2 (over a million
    rounds, about half a second). The suite hashes with one quick round instead, as
    Django's own test settings advise; production's hasher is checked on its own
    (accounts/tests/test_passwords.py)."""
    from django.test import override_settings

    # The evidence figures are worked out again in the request that finds them old, not
    # in a thread that could outlive its test (evidence/tests/test_refresh.py turns the
    # background on, and waits for it).
    quick = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        EVIDENCE_REFRESH_IN_BACKGROUND=False,
    )
    quick.enable()
    yield
    quick.disable()


@pytest.fixture(autouse=True)
def _the_sites_language() -> Any:
    """Each test starts in the site's language. Django's test client leaves the language
    of the last page it fetched active (a Welsh page leaves Welsh), which would carry
    into whichever test runs next in the same process."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with empty caches (the evidence figures, kept parts of pages)."""
    for kept in caches.all():
        kept.clear()


@pytest.fixture
def client() -> CheckedClient:
    return CheckedClient()


@pytest.fixture
def team(db: None) -> Any:
    return TeamFactory(name="Home treatment team")


@pytest.fixture
def other_team(db: None) -> Any:
    return TeamFactory(name="Another team")


@pytest.fixture
def lead(team: Team) -> Any:
    user = UserFactory(username="lead", first_name="Lena", last_name="Lead", role=Role.PRACTITIONER)
    team.staff.add(user)
    return user


@pytest.fixture
def colleague(team: Team) -> Any:
    user = UserFactory(username="colleague", role=Role.SUPPORT_WORKER)
    team.staff.add(user)
    return user


@pytest.fixture
def outsider(other_team: Team) -> Any:
    user = UserFactory(username="outsider", role=Role.PRACTITIONER)
    other_team.staff.add(user)
    return user


@pytest.fixture
def le_lead(db: None) -> Any:
    return UserFactory(username="le_lead", role=Role.LIVED_EXPERIENCE_LEAD)


@pytest.fixture
def member(db: None) -> Any:
    return UserFactory(username="member", role=Role.NETWORK_MEMBER)


@pytest.fixture
def analyst(db: None) -> Any:
    return UserFactory(username="analyst", role=Role.ANALYST)


@pytest.fixture
def administrator(db: None) -> Any:
    return UserFactory(username="administrator", role=Role.ADMINISTRATOR)


@pytest.fixture
def episode(team: Team, lead: User, colleague: User) -> Any:
    episode = EpisodeFactory(team=team, lead_practitioner=lead)
    episode.named_team.set([lead, colleague])
    return episode


@pytest.fixture
def person(episode: Episode) -> Any:
    return episode.person


# --- The synthetic demo trust, seeded once for a whole test module ---------------------
# Seeding takes several seconds; modules whose tests only read the demo share one.


@pytest.fixture(scope="module")
def demo_in_a_module_transaction(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any
) -> Any:
    """For ``db`` tests: the demo seeded once, inside a transaction rolled back when the
    module ends. Each test's own changes are rolled back after it, as usual (its
    transaction is a savepoint in this one). Gives the folder of the demo's made files
    (audio versions of updates): a test that reads them sets ``settings.MEDIA_ROOT`` to it."""
    from django.db import transaction
    from django.test import override_settings

    from coproduce.tooling.synthetic.demo import seed_demo

    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        module = transaction.atomic()
        module.__enter__()
        seed_demo()
    yield media
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module.__exit__(None, None, None)


@pytest.fixture(scope="session")
def browser() -> Any:
    """One headless Debian Chromium for the session's browser tests."""
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from coproduce.tooling.testing.browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: ./scripts/test installs Debian's chromium package.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def fake_notify(settings: Any) -> Any:
    """A local fake GOV.UK Notify on loopback; the real client is pointed at it."""
    from coproduce.tooling.testing.fake_notify import FakeNotify

    with FakeNotify(settings.NOTIFY_API_KEY, callback_token=settings.NOTIFY_CALLBACK_TOKEN) as fake:
        settings.NOTIFY_BASE_URL = fake.base_url
        yield fake


@pytest.fixture(autouse=True)
def _pace_connection_closed() -> Any:
    """The pace Notify is sent at keeps a connection of its own: closed after each test,
    or the test database could not be dropped at the end."""
    yield
    if notify := sys.modules.get("coproduce.messaging.notify"):
        notify.close_pace()


@pytest.fixture(autouse=True)
def no_trained_text_model(settings: Any, tmp_path_factory: Any) -> None:
    """Tests see the rule-based suggester unless they train and point to a model
    themselves (the demo's model under var/ must not change what tests expect)."""
    settings.TEXT_MODEL_DIR = tmp_path_factory.getbasetemp() / "no-text-model"


@pytest.fixture(autouse=True)
def media_in_a_temporary_folder(settings: Any, tmp_path: Any) -> None:
    """Audio versions of updates and other made files stay out of the project's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


# --- No personal data in logs: every log line of the whole suite is kept and checked. ---

SUITE_LOG: list[str] = []


class _KeepEveryLine(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            SUITE_LOG.append(f"{record.name} {record.levelname} {record.getMessage()}")
        except Exception:
            SUITE_LOG.append(f"{record.name} {record.levelname} {record.msg!r}")


@pytest.fixture(autouse=True, scope="session")
def _keep_the_suites_log(django_test_environment: None) -> Any:
    """After Django has configured logging: keep every line any test makes (INFO and up,
    as production logs)."""
    handler = _KeepEveryLine(level=logging.INFO)
    logging.getLogger().addHandler(handler)
    yield
    logging.getLogger().removeHandler(handler)


_FOUND_BY_WORKERS: list[str] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """Under pytest-xdist: each worker hands over what it found in its own logs."""
    _FOUND_BY_WORKERS.extend(getattr(node, "workeroutput", {}).get("personal_data_in_logs", []))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    found = personal_data_in(SUITE_LOG)
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller reports and fails
        workeroutput["personal_data_in_logs"] = found[:20]
        return
    found += _FOUND_BY_WORKERS
    if found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print("\nPersonal data found in the suite's logs:")
        for line in found[:20]:
            print("  " + line)


DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test marked ``same_on_every_database`` is run in one database pass only, so it
    must not be able to open the test database: pytest-django blocks any test that asks
    for none of its database fixtures."""
    wrong = [
        item.nodeid
        for item in items
        if item.get_closest_marker("same_on_every_database")
        and (
            DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.get_closest_marker("django_db")
        )
    ]
    if wrong:
        raise pytest.UsageError(
            "marked same_on_every_database but open the test database: " + ", ".join(wrong)
        )
