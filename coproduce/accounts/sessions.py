"""Idle expiry of sessions without a database write on every request.

A session ends ``SESSION_COOKIE_AGE`` after it was last saved. Saving it on every request
(Django's ``SESSION_SAVE_EVERY_REQUEST``) keeps that "after the last request", at the
cost of a write per page. Here a session in use is saved again once
``SESSION_REFRESH_SECONDS`` have passed since it was last saved, so it ends between
``SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS`` and ``SESSION_COOKIE_AGE`` after the
last request: 29 to 30 minutes with the defaults.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REFRESHED_AT = "_refreshed_at"


class RefreshSession:
    """Placed after Django's SessionMiddleware, which saves a session marked as changed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        # Only a session someone already has: a visitor without one is not given one.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and not session.is_empty():
            now = time.time()
            if now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED_AT] = now
        return self.get_response(request)
