"""Idle expiry of sessions without a database write on every request, and nothing shown
to someone signed in kept by a browser or a cache.

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
from django.utils.cache import add_never_cache_headers

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


class NeverStoreWhenSignedIn:
    """Every answer to someone signed in (pages, REST and FHIR alike, by session or by
    token) says ``Cache-Control: no-store``: a person's record, a voice, an alert or a
    claim is not kept in a shared computer's browser history or back button after
    sign-out, nor by a cache on the way. What is answered to everyone else (the public
    pages) may be kept, but for the feedback pages, which say ``no-store`` themselves
    (``web.views.public.give_feedback``: what one person typed). Placed after the
    middleware that sets ``request.user``; DRF's token authentication sets it too, before
    the answer passes back through here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
