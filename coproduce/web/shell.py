"""What every page's shell shows: service name, demo banner, navigation for the role."""

from __future__ import annotations

from collections.abc import Sized
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy

from coproduce.accounts import second_factor
from coproduce.accounts.models import Role, User
from coproduce.accounts.policy import Capability, can
from coproduce.care.models import Team, team_ids
from coproduce.lib.formats import Format
from coproduce.network.models import Member
from coproduce.voices.services import open_alerts

NAVIGATION: list[tuple[str, str, Capability | None]] = [
    ("Alerts", "list_alerts", Capability.RESPOND_TO_ALERTS),
    ("Worklist", "show_worklist", Capability.VIEW_CASELOAD),
    ("Referrals", "list_referrals", Capability.VIEW_CASELOAD),
    ("Caseload", "list_caseload", Capability.VIEW_CASELOAD),
    ("The line", "show_line", Capability.TAKE_CALLS),
    ("Sanctuary", "show_sanctuary", Capability.WELCOME_GUESTS),
    ("Voices", "list_voices", Capability.REVIEW_VOICES),
    ("Record feedback", "record_voice", Capability.RECORD_VOICES),
    ("Insights", "list_insights", Capability.MANAGE_CHANGE),
    ("Themes", "list_themes", Capability.MANAGE_CHANGE),
    ("Priorities", "list_rounds", Capability.MANAGE_CHANGE),
    ("Actions", "list_actions", Capability.MANAGE_CHANGE),
    ("Outbox", "list_outbox", Capability.VIEW_OUTBOX),
    ("Messages", "list_messages", Capability.VIEW_OUTBOX),
    ("Network", "list_members", Capability.MANAGE_NETWORK),
    ("Meetings", "list_meetings", Capability.MANAGE_NETWORK),
    ("Payments", "list_claims", Capability.APPROVE_PAYMENTS),
    ("Evidence", "show_evidence", Capability.VIEW_EVIDENCE),
    ("Story of change", "show_story", Capability.VIEW_EVIDENCE),
    ("Improvement", "improvement_portfolio", Capability.VIEW_IMPROVEMENT),
    ("My network record", "show_member", Capability.MEMBER_AREA),
]

PUBLIC_NAVIGATION = [
    (gettext_lazy("Give feedback"), "give_feedback"),
    (gettext_lazy("You said, we did"), "list_updates"),
    (gettext_lazy("Join the network"), "join_network"),
]


def other_language(request: HttpRequest) -> dict[str, str] | None:
    """On a public page, a link to the same page in the other language."""
    from coproduce.web.urls import public_urlpatterns

    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in {p.name for p in public_urlpatterns}:
        return None
    current = translation.get_language() or settings.LANGUAGE_CODE
    for code, name in settings.LANGUAGES:
        if code != current:
            return {
                "code": code,
                "name": name,
                "href": translate_url(request.get_full_path(), code),
            }
    return None


def count_open_alerts(request: HttpRequest, every_open_alert: Sized) -> None:
    """For a page that has read every open alert: the navigation's count is theirs, not
    asked of the database again (issue 25: the worklist's reads)."""
    request.open_alerts_counted = len(every_open_alert)  # type: ignore[attr-defined]


def context(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    # Error pages can be rendered before the authentication middleware has run.
    user = getattr(request, "user", None)
    # Between the password and the code the person is not signed in yet: the shell shows
    # nothing of their role (navigation, name, alert count), only a way to sign out.
    if user is not None and second_factor.needed(user) and not second_factor.verified(request):
        user = AnonymousUser()
        between_factors = True
    else:
        between_factors = False
    items: list[dict[str, Any]]
    if user is not None and user.is_authenticated:
        items = [
            {"text": text, "href": reverse(name)}
            for text, name, capability in NAVIGATION
            if (capability is None or can(user, capability)) and works_there(user, name)
        ]
        if user.is_staff:  # Django's admin: services, teams, accounts, frameworks
            items.append({"text": "Administration", "href": reverse("admin:index")})
    else:
        items = []
    if user is not None and can(user, Capability.RESPOND_TO_ALERTS):
        waiting = getattr(request, "open_alerts_counted", None)
        if waiting is None:
            waiting = open_alerts().count()
        for item in items:
            if item["href"] == reverse("list_alerts") and waiting:
                item["text"] = f"Alerts ({waiting})"
    items += [{"text": str(text), "href": reverse(name)} for text, name in PUBLIC_NAVIGATION]
    for item in items:
        item["current"] = path == item["href"]
        item["active"] = path.startswith(item["href"]) and not item["current"]
    return {
        "service_name": settings.SERVICE_NAME,
        "trust_name": settings.TRUST_NAME,
        "demo": not settings.PRODUCTION,
        "navigation_items": items,
        "account_name": user.name_and_role if user is not None and user.is_authenticated else "",
        "between_factors": between_factors,
        "local_crisis_line": settings.LOCAL_CRISIS_LINE,
        "other_language": other_language(request),
        "large_print": _reads_large_print(user),
        # Crisis contacts on every page the public and network members read (issue 21's
        # seventh trial found pages with none: "you said, we did", joining, signing in).
        "shows_crisis_help": user is None
        or not user.is_authenticated
        or getattr(user, "role", "") == "network_member",
    }


# Pages for one kind of team: shown only to those who work in one (found by a fresh-eyes
# trial: a practitioner on the response vehicle alone was offered "The line" and
# "Sanctuary", and the Sanctuary page answered "Page not found").
TEAM_PAGES = {"show_line": Team.Kind.CRISIS_LINE, "show_sanctuary": Team.Kind.SANCTUARY}


def works_there(user: User, page_name: str) -> bool:
    kind = TEAM_PAGES.get(page_name)
    return kind is None or bool(team_ids(user, kind))


def _reads_large_print(user: object) -> bool:
    """Whether the signed-in person is a network member who needs large print: their own
    pages are set in it, as what they are sent is (found by issue 21's fresh-eyes trial:
    only messages and papers followed their format)."""
    if not isinstance(user, User) or user.role != Role.NETWORK_MEMBER:
        return False
    return Member.objects.filter(user=user, format=Format.LARGE_PRINT).exists()
