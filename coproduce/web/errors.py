"""Answering clearly when the database is away, instead of with a server error."""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

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
    return HttpResponseServerError(render_to_string("500.html"))


def unavailable(error: Exception) -> HttpResponse:
    logger.error("database unavailable: %s", type(error).__name__)
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()
    html = render_to_string("503.html", {"crisis_line": settings.LOCAL_CRISIS_LINE})
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
