"""Error pages: in the NHS.UK shell, with the crisis contacts, in plain words.

Someone in crisis may meet any of them, so every page a member of the public can reach
puts the crisis contacts straight under its heading. A database that is away gets a 503
with the crisis line, and is reconnected to when it is back.
"""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import InterfaceError, OperationalError, connections
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve

from coproduce.accounts.models import Role, User
from coproduce.web.views.public import FORM_ADDRESSES, feedback_not_sent

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler for an uncaught error (handler500), wherever it was raised: in a
    view or in the middleware that reads sessions and users. A database that cannot be
    reached gets a 503 page with the crisis line, and the broken connection is dropped so
    the next request connects afresh: the service recovers by itself when the database
    is back. Anything else is the plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError) and _unreachable(error):
        return unavailable(error)
    return HttpResponseServerError(render_to_string("500.html", _bare_shell(request)))


def _bare_shell(request: HttpRequest | None) -> dict[str, object]:
    """What the 500 and 503 pages' shell needs, read from settings alone: when something
    is broken (the database, the sessions) the page must still be drawn."""
    return {
        "service_name": settings.SERVICE_NAME,
        "trust_name": settings.TRUST_NAME,
        "local_crisis_line": settings.LOCAL_CRISIS_LINE,
        "CSP_NONCE": getattr(request, "csp_nonce", ""),
    }


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's handler400. A post too large to read (``DATA_UPLOAD_MAX_MEMORY_SIZE``) or
    with too many fields is answered 413 and says so; the words could not be read, so the
    page says to send a shorter message."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's handler403, saying whom to ask for the signed-in person's role."""
    # A refusal whose reason is written for people (``said_to_people``) is shown as it is:
    # "this project is closed" is not a matter of the person's role.
    reason = str(exception) if getattr(exception, "said_to_people", False) else ""
    return render(
        request, "403.html", {"ask": who_to_ask(request.user), "reason": reason}, status=403
    )


def who_to_ask(user: object) -> str:
    """Who can give a person access to more: the one who looks after their role."""
    if not isinstance(user, User):
        return ""
    if user.role == Role.NETWORK_MEMBER:
        return "your lived experience lead"
    if user.role in {Role.PRACTITIONER, Role.SUPPORT_WORKER}:
        return "your team leader"
    if user.role == Role.ADMINISTRATOR:
        return "another administrator"
    return "your administrator"


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Not found; but an address typed or linked with a slash at the end ("/sign-in/")
    goes to the page without it, where there is one (found by a fresh-eyes trial)."""
    path = request.path
    if request.method in {"GET", "HEAD"} and len(path) > 1 and path.endswith("/"):
        target = path.rstrip("/")
        if target.startswith("/") and not target.startswith("//"):
            try:
                match = resolve(target)
            except Resolver404:
                match = None
            # Only to a page of ours by name: never the admin, whose addresses end in a
            # slash and whose catch-all would send it back (a loop).
            if match is not None and match.url_name and "admin" not in match.namespaces:
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
    return render(request, "404.html", status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF_FAILURE_VIEW: a form sent without its security cookie or token (a tab
    left open past the cookie, a browser blocking cookies). Nothing is saved. The public
    feedback form is drawn again with the person's words and a fresh token, so they lose
    nothing; any other form gets a page saying what happened."""
    match = request.resolver_match
    if request.method == "POST" and match is not None and match.url_name in FORM_ADDRESSES:
        return feedback_not_sent(request)
    return render(request, "403_csrf.html", status=403)


def unavailable(error: Exception) -> HttpResponse:
    logger.error("database unavailable: %s", type(error).__name__)
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()
    html = render_to_string("503.html", _bare_shell(None))
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _unreachable(error: Exception) -> bool:
    """A lost or refused connection, not a mistake in a query (those stay 500s)."""
    if isinstance(error, InterfaceError):
        return True
    text = str(error).lower()
    return any(
        sign in text
        for sign in (
            "connection",
            "server closed",
            "terminating",
            "could not connect",
            "the database system is",
            "unable to open database",
        )
    )
