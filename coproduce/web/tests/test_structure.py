"""Structural rules of the house, checked over the source.

- Pages and API endpoints reach care records only through ``care.services`` (which
  scopes to the user's teams and audits), never by querying care models themselves.
- Every page is either declared public here or guarded by a capability of the policy.
- Views live in ``web`` and ``api``; the domain apps hold none (ADR 0002).
"""

import ast
import re
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls import path as address
from django.urls.resolvers import RegexPattern

ROOT = Path(__file__).resolve().parents[2]
CARE_MODELS = {"Person", "Episode", "Contact", "Referral"}
PUBLIC_VIEWS = {
    "home",
    "give_feedback",
    "give_feedback_again",
    "feedback_received",
    "withdraw_feedback",
    "stop_follow_up",
    "stop_updates",
    "list_updates",
    "show_update",
    "update_audio",
    "join_network",
    "joined_network",
    "healthz",
    # Guarded by something else: readiness tells nothing about anyone; the metrics are
    # given only to the monitoring addresses (COPRODUCE_METRICS_ADDRESSES).
    "readyz",
    "metrics",
    "sign_in",
    "sign_out",
    # The second step of signing in: for whoever has given their password.
    "enter_code",
    "set_up_code",
    # NHS single sign-on: to the identity provider and back.
    "sso_start",
    "sso_callback",
}


def direct_care_queries(folder):
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in {"objects", "_default_manager"}
                and isinstance(node.value, ast.Name)
                and node.value.id in CARE_MODELS
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value.id}.{node.attr}")
    return found


def test_pages_and_the_api_reach_care_records_only_through_care_services():
    assert direct_care_queries("web") == []
    assert direct_care_queries("api") == []


def test_the_structure_check_finds_a_direct_query(tmp_path, monkeypatch):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "bad.py").write_text("def f():\n    return Person.objects.all()\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert direct_care_queries("web") == ["web/bad.py:2 Person.objects"]


def test_every_page_is_public_by_declaration_or_guarded_by_a_capability():
    from coproduce.web import urls

    patterns = [*urls.public_urlpatterns, *urls.urlpatterns]
    unguarded = [
        pattern.name
        for pattern in patterns
        if isinstance(pattern, URLPattern)
        and pattern.name not in PUBLIC_VIEWS
        and not hasattr(pattern.callback, "capability")
    ]
    assert unguarded == []
    names = {p.name for p in patterns}
    assert names >= PUBLIC_VIEWS


def view_modules(patterns=None, in_admin=False):
    """(address name, the module its view is written in) for every address but the
    admin site's, which is Django's."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            admin = in_admin or pattern.app_name == "admin"
            found += view_modules(pattern.url_patterns, admin)
        elif isinstance(pattern, URLPattern) and not in_admin:
            callback = pattern.callback
            view = getattr(callback, "cls", None) or getattr(callback, "view_class", callback)
            found.append((pattern.name, view.__module__))
    return found


def test_every_view_lives_in_web_or_api():
    elsewhere = [
        (name, module)
        for name, module in view_modules()
        # Libraries' views (drf-spectacular's schema) are mounted by web and api too.
        if module.startswith("coproduce.")
        and not module.startswith(("coproduce.web.", "coproduce.api."))
    ]
    assert elsewhere == []
    assert len(view_modules()) > 80


def test_the_view_check_finds_a_view_in_a_domain_app():
    def start(request):
        raise AssertionError("never called")

    start.__module__ = "coproduce.accounts.oidc"  # where the single sign-on views were
    resolver = URLResolver(RegexPattern(r"^"), [address("sso/start", start, name="sso_start")])
    assert view_modules([resolver]) == [("sso_start", "coproduce.accounts.oidc")]


def test_the_admin_site_holds_no_care_records():
    from django.contrib import admin

    registered = {model.__name__ for model in admin.site._registry}
    assert not registered & CARE_MODELS


def test_administrators_configure_teams_in_the_admin(client, administrator, team):
    client.force_login(administrator)
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    response = client.get(f"/admin/care/team/{team.pk}/change/")
    assert response.status_code == 200
    assert "Review days" in response.content.decode()


def hazard_log_references():
    """(hazard, file, test) for every test the hazard log names; ``::name`` alone means
    the same file as the reference before it in that row."""
    log = (ROOT.parent / "docs" / "clinical-safety" / "hazard-log.md").read_text()
    found = []
    for row in log.splitlines():
        if not row.startswith("| H"):
            continue
        hazard, current = row.split("|")[1].strip(), None
        for match in re.finditer(r"`([\w/]+\.py)?::(\w+)`", row):
            current = match.group(1) or current
            found.append((hazard, current, match.group(2)))
    return found


def test_every_test_the_hazard_log_names_exists():
    references = hazard_log_references()
    assert len(references) > 50
    missing = [
        (hazard, path, name)
        for hazard, path, name in references
        if path is None
        or not (ROOT / path).is_file()
        or not re.search(rf"^def {name}\(", (ROOT / path).read_text(), re.MULTILINE)
    ]
    assert missing == []
