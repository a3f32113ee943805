"""NHS staff single sign-on (NHS CIS2 or any OpenID Connect provider): to the identity
provider and back. mozilla-django-oidc's own views do the protocol (state, nonce, PKCE,
the ID token's signature); who may sign on, and at what assurance level, is
``accounts.oidc``'s rule. Both answer 404 unless single sign-on is set up."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from coproduce.accounts import oidc

logger = logging.getLogger(__name__)


def start_single_sign_on(request: HttpRequest) -> HttpResponse:
    """Send the person to the identity provider (with state, nonce and a PKCE challenge)."""
    if not oidc.enabled():
        raise Http404("Single sign-on is not set up for this service")
    response: HttpResponse = OIDCAuthenticationRequestView.as_view()(request)
    return response


def finish_single_sign_on(request: HttpRequest) -> HttpResponse:
    """The provider's answer: checked, then signed in, or back to sign-in saying why."""
    if not oidc.enabled():
        raise Http404("Single sign-on is not set up for this service")
    try:
        response: HttpResponse = OIDCAuthenticationCallbackView.as_view()(request)
    except SuspiciousOperation:
        # A state that no sign-in here started: forged, replayed or from another browser.
        logger.warning("single sign-on refused: the answer matches no sign-in started here")
        return redirect(settings.LOGIN_REDIRECT_URL_FAILURE)
    return response
