"""The page shell: NHS.UK header, skip link, demo banner, CSP, static files, health."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import html5lib
import pytest
from django.conf import settings

STATIC = Path(__file__).resolve().parents[1] / "static"


def test_every_page_has_the_skip_link_header_banner_and_footer(client, db):
    body = client.get("/").content.decode()
    document = html5lib.parse(body, namespaceHTMLElements=False)
    first_link = document.find(".//body//a")
    assert first_link.get("href") == "#maincontent"
    assert first_link.text.strip() == "Skip to main content"
    assert document.find(".//main[@id='maincontent']") is not None
    assert "nhsuk-header__service-name" in body
    assert "Coproduce" in body
    assert "made-up (synthetic) data only" in body
    assert document.find(".//footer") is not None
    assert 'href="/sign-in"' in body


def test_the_inline_script_carries_the_csp_nonce_and_nothing_else_is_inline(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    found = re.search(r"'nonce-([^']+)'", policy)
    assert found is not None
    nonce = found.group(1)
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    scripts = re.findall(r"<script([^>]*)>", response.content.decode())
    inline = [s for s in scripts if "src=" not in s]
    assert inline == [f' nonce="{nonce}"']


def test_the_nhs_frontend_is_vendored_at_its_pinned_version_without_a_cdn():
    version = (STATIC / "nhsuk" / "VERSION.md").read_text()
    assert "nhsuk-frontend 10.6.1" in version
    assert "licence MIT" in version
    css = (STATIC / "nhsuk" / "nhsuk-frontend.min.css").read_text()
    assert "assets.nhs.uk" not in css
    assert "http://" not in css
    assert "https://" not in css.replace("https://github", "")
    # Without the CDN font, the design system's fallback stack must still be set.
    assert "html{font-family:arial,sans-serif}" in css


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/static/nhsuk/nhsuk-frontend.min.css", "text/css"),
        ("/static/nhsuk/nhsuk-frontend.min.js", "text/javascript"),
        ("/static/coproduce/init.js", "text/javascript"),
        ("/static/nhsuk/assets/images/favicon.svg", "image/svg+xml"),
    ],
)
def test_whitenoise_serves_the_static_files(client, db, path, kind):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(kind)


def test_alive_asks_nothing_of_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}


def run_django(code, **env):
    # Not the test run's own settings, nor its leave to use the ORM beside Playwright.
    left_out = {"DATABASE_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in left_out}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", "import django; django.setup();" + code],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_readiness_names_an_unreachable_database_and_alive_still_answers():
    # A real refused connection: nothing listens on port 9 of loopback.
    result = run_django(
        "from django.test import Client; c = Client();"
        "r = c.get('/readyz'); print(r.status_code, r.json()['checks']['database']);"
        "print(c.get('/healthz').status_code)",
        DATABASE_URL="postgres://nobody@127.0.0.1:9/none",
        DJANGO_SETTINGS_MODULE="coproduce.settings",
        ALLOWED_HOSTS="testserver",
    )
    assert (
        "503 {'ok': False, 'detail': 'cannot be reached (OperationalError)'}\n200" in result.stdout
    ), result.stderr


PRODUCTION_WITHOUT_PROXY = {
    "DJANGO_SETTINGS_MODULE": "coproduce.settings",
    "COPRODUCE_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-made-for-this-test-only-4b1d9e7c2a",
    "ALLOWED_HOSTS": "crisis.example.nhs.uk",
    "NOTIFY_API_KEY": settings.DEMO_NOTIFY_API_KEY.replace("coproduce_demo", "live"),
    "NOTIFY_CALLBACK_TOKEN": "a-callback-token-for-this-test",
    "NOTIFY_SMS_TEMPLATE_ID": "4f1b3c1e-0d55-4d0c-a0a3-5b1f2b9d6e01",
    "NOTIFY_EMAIL_TEMPLATE_ID": "9a2e7d4c-6b3f-4e8a-b1c2-d3e4f5a6b7c8",
    "COPRODUCE_PUBLIC_BASE_URL": "https://crisis.example.nhs.uk",
    "COPRODUCE_TRUST_NAME": "Example NHS Foundation Trust",
    "COPRODUCE_LOCAL_CRISIS_LINE": "0800 123 4567 (24 hours)",
    # Required in production; settings only check that it can be written (these tests
    # make no backups there).
    "COPRODUCE_BACKUP_DIR": tempfile.gettempdir(),
}
PRODUCTION = {**PRODUCTION_WITHOUT_PROXY, "COPRODUCE_TRUSTED_PROXY": "10.0.0.5"}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"COPRODUCE_ENV": "production"}, "SECRET_KEY must be set"),
        ({"COPRODUCE_ENV": "production", "SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS must be set"),
        (
            {
                "COPRODUCE_ENV": "production",
                "SECRET_KEY": "x" * 50,
                "ALLOWED_HOSTS": "crisis.example.nhs.uk",
            },
            "DATABASE_URL must be set",
        ),
        ({"COPRODUCE_ENV": "staging"}, "COPRODUCE_ENV must be demo or production"),
        (
            {
                "COPRODUCE_ENV": "production",
                "SECRET_KEY": "x" * 50,
                "ALLOWED_HOSTS": "crisis.example.nhs.uk",
                "DATABASE_URL": "sqlite:////tmp/never-made.sqlite3",
                "COPRODUCE_SECOND_FACTOR": "off",
            },
            "COPRODUCE_SECOND_FACTOR must not be off in production",
        ),
        (
            {
                **{k: v for k, v in PRODUCTION_WITHOUT_PROXY.items() if k.startswith("COPRO")},
                "SECRET_KEY": "x" * 50,
                "ALLOWED_HOSTS": "crisis.example.nhs.uk",
                "DATABASE_URL": "sqlite:////tmp/never-made.sqlite3",
            },
            "COPRODUCE_TRUSTED_PROXY must be set in production",
        ),
        (
            {"COPRODUCE_TRUSTED_PROXY": "proxy.example"},
            "COPRODUCE_TRUSTED_PROXY must be the proxy's IP address (such as 10.0.0.5) or *",
        ),
        ({"COPRODUCE_TRUSTED_PROXY_COUNT": "0"}, "COPRODUCE_TRUSTED_PROXY_COUNT must be 1 or more"),
        ({"COPRODUCE_MAX_UPLOAD_MB": "0"}, "COPRODUCE_MAX_UPLOAD_MB must be 1 or more"),
        ({"COPRODUCE_SERVER_PROCESSES": "zero"}, "COPRODUCE_SERVER_PROCESSES must be a whole"),
        ({"COPRODUCE_SERVER_PROCESSES": "0"}, "COPRODUCE_SERVER_PROCESSES must be 1 or more"),
        (
            {**PRODUCTION, "SECRET_KEY": "short"},
            "SECRET_KEY must be a long random value in production (50 characters or more",
        ),
        (
            {**PRODUCTION, "SECRET_KEY": "django-insecure-" + "a" * 50},
            "starting django-insecure",
        ),
        (
            {
                **PRODUCTION,
                "DATABASE_URL": "sqlite:////tmp/never.db",
                "COPRODUCE_PUBLIC_BASE_URL": "",
            },
            "COPRODUCE_PUBLIC_BASE_URL must be set in production to the service's public "
            "address, starting https://",
        ),
        (
            {**PRODUCTION, "DATABASE_URL": "sqlite:////tmp/never.db", "COPRODUCE_TRUST_NAME": ""},
            "COPRODUCE_TRUST_NAME must be set in production",
        ),
        (
            {
                **PRODUCTION,
                "DATABASE_URL": "sqlite:////tmp/never.db",
                "COPRODUCE_LOCAL_CRISIS_LINE": "",
            },
            "COPRODUCE_LOCAL_CRISIS_LINE must be set in production to the trust's own crisis "
            "line (shown on every crisis banner), not left empty",
        ),
        (
            {
                **PRODUCTION,
                "DATABASE_URL": "sqlite:////tmp/never.db",
                "COPRODUCE_LOCAL_CRISIS_LINE": "0800 000 0000",
            },
            "not 0800 000 0000",
        ),
        (
            {
                **PRODUCTION,
                "DATABASE_URL": "sqlite:////tmp/never.db",
                "COPRODUCE_PUBLIC_BASE_URL": "crisis.example.nhs.uk",
            },
            "It is crisis.example.nhs.uk",
        ),
        ({"COPRODUCE_SECOND_FACTOR": "sometimes"}, "must be staff, everyone or off"),
        ({"OIDC_RP_CLIENT_ID": "coproduce"}, "Single sign-on needs OIDC_RP_CLIENT_SECRET"),
        ({"COPRODUCE_DEBUG": "maybe"}, "COPRODUCE_DEBUG must be true or false"),
        ({"COPRODUCE_SESSION_SECONDS": "soon"}, "COPRODUCE_SESSION_SECONDS must be a whole number"),
        # Helper-75: a limit of 0 sent nothing, risk alerts included; -5 sent without one.
        (
            {"NOTIFY_RATE_LIMIT_PER_MINUTE": "0"},
            "NOTIFY_RATE_LIMIT_PER_MINUTE must be 1 or more, not '0'",
        ),
        ({"NOTIFY_RATE_LIMIT_PER_MINUTE": "-5"}, "must be 1 or more, not '-5'"),
        ({"NOTIFY_SEND_THREADS": "0"}, "NOTIFY_SEND_THREADS must be 1 or more, not '0'"),
        (
            {"COPRODUCE_SESSION_REFRESH_SECONDS": "1800"},
            "COPRODUCE_SESSION_REFRESH_SECONDS must be at least 0 and less than",
        ),
        (
            {"COPRODUCE_WORKER_HEARTBEAT_SECONDS": "often"},
            "COPRODUCE_WORKER_HEARTBEAT_SECONDS must be a number of seconds above 0",
        ),
        (
            {"COPRODUCE_WORKER_LOST_AFTER_SECONDS": "20"},
            "COPRODUCE_WORKER_LOST_AFTER_SECONDS must be at least three heartbeats",
        ),
    ],
)
def test_settings_refuse_to_start_with_missing_or_bad_values(env, message):
    result = run_django("", **{"DJANGO_SETTINGS_MODULE": "coproduce.settings", **env})
    assert result.returncode != 0
    assert message in result.stderr


def test_a_request_for_an_unknown_host_gets_a_plain_400_page(client, db):
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "There is a problem with the request" in response.content.decode()


def test_a_missing_page_uses_the_page_shell(client, db):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert "Skip to main content" in body


def test_a_refused_page_explains_itself(client, member):
    client.force_login(member)
    response = client.get("/caseload")
    assert response.status_code == 403
    assert "Your role does not include this page" in response.content.decode()


def test_sessions_are_short_and_end_with_the_browser():
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_the_deployment_check_is_clean_with_production_settings(tmp_path):
    result = run_django(
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_an_administrator_has_a_way_into_the_admin_and_others_do_not(client, administrator):
    # Found by issue 21's fresh-eyes trial: no page linked to /admin/.
    from coproduce.tooling.testing.factories import UserFactory

    administrator.is_staff = True
    administrator.save()
    client.force_login(administrator)
    assert 'navigation-link" href="/admin/">Administration' in client.get("/").content.decode()
    client.force_login(UserFactory(username="lead.someone", role="lived_experience_lead"))
    assert 'href="/admin/"' not in client.get("/").content.decode()


def test_someone_without_access_to_the_admin_gets_the_services_page_not_djangos(client, lead):
    # Found by issue 21's fresh-eyes trial: a practitioner at /admin/ met Django's own
    # "You are authenticated as …, but are not authorized" sign-in form.
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/sign-in?next=/admin/")
    client.force_login(lead)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    page = response.content.decode()
    assert "not authorized" not in page
    assert "your team leader" in page
    assert "You cannot see this page" in page


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/feedback",
        "/you-said-we-did",
        "/join",
        "/cy/join",
        "/sign-in",
        "/you-said-we-did/999999",
        "/feedback/withdraw/not-a-real-link",
        "/feedback/stop/not-a-real-link",
    ],
)
def test_every_page_the_public_reads_shows_crisis_contacts_once(client, db, path):
    # Found by issue 21's seventh fresh-eyes trial: "you said, we did", joining, signing
    # in and broken links showed no crisis contacts.
    body = client.get(path).content.decode()
    assert body.count("116 123") == 1, path  # Samaritans, in the box, in either language


def test_feedback_puts_crisis_contacts_before_the_form(client, db):
    body = client.get("/feedback").content.decode()
    assert body.index("If you need help now") < body.index('action="/feedback"')


def test_staff_pages_do_not_carry_the_publics_crisis_box(client, lead):
    client.force_login(lead)
    assert "If you need help now" not in client.get("/caseload").content.decode()


def test_rotating_the_secret_key_with_the_old_as_a_fallback_signs_no_one_out(db, settings):
    from django.test import Client

    from coproduce.tooling.testing.factories import UserFactory
    from coproduce.tooling.testing.signin import give_second_factor

    old = "the-key-before-the-rotation-" + "a" * 40
    settings.SECRET_KEY = old
    using, away = Client(), Client()
    for browser in (using, away):
        user = UserFactory(role="team_leader")
        browser.force_login(user)
        give_second_factor(browser, user)
        assert browser.get("/worklist").status_code == 200
    settings.SECRET_KEY = "the-key-after-the-rotation-" + "b" * 40
    settings.SECRET_KEY_FALLBACKS = [old]
    assert using.get("/worklist").status_code == 200  # still signed in, moved to the new key
    settings.SECRET_KEY_FALLBACKS = []
    assert using.get("/worklist").status_code == 200
    # A session not used while the old key was a fallback ends with it.
    assert away.get("/worklist")["Location"].startswith("/sign-in")


def test_the_home_page_starts_a_clinicians_shift_with_alerts_and_the_worklist(
    client, lead, le_lead
):
    # A fresh-eyes trial: a practitioner signed in to cards for the caseload, the evidence
    # and the public pages, with no way in to the alerts or the worklist but the menu.
    client.force_login(lead)
    home = client.get("/").content.decode()
    cards = re.findall(r'nhsuk-card__link" href="([^"]+)"', home)
    assert cards[:3] == ["/alerts", "/worklist", "/caseload"]
    # Not the public's strapline (helper-80), but who is signed in.
    assert f"Signed in as {lead.name_and_role}" in home
    assert "Tell us what it was like" not in home
    client.logout()
    assert "Tell us what it was like" in client.get("/").content.decode()
    client.force_login(le_lead)
    cards = re.findall(r'nhsuk-card__link" href="([^"]+)"', client.get("/").content.decode())
    assert "/worklist" not in cards
    assert "/voices" in cards


def test_the_home_page_offers_the_line_and_the_sanctuary_only_to_those_who_work_there(client, lead):
    """A fresh-eyes trial found "The line" in the menu and no card for it at home."""
    from coproduce.care.models import Team
    from coproduce.tooling.testing.factories import TeamFactory

    def cards():
        html = client.get("/").content.decode()
        return re.findall(r'nhsuk-card__link" href="([^"]+)"', html)

    client.force_login(lead)
    assert "/line" not in cards()  # the lead's team is not the line
    assert "/sanctuary" not in cards()
    TeamFactory(kind=Team.Kind.CRISIS_LINE).staff.add(lead)
    assert "/line" in cards()
    assert "/sanctuary" not in cards()
    TeamFactory(kind=Team.Kind.SANCTUARY).staff.add(lead)
    assert cards()[:5] == ["/alerts", "/worklist", "/caseload", "/line", "/sanctuary"]
