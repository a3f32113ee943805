"""NHS staff single sign-on (NHS CIS2 or any OpenID Connect provider), by mozilla-django-oidc.

Authorisation code flow with PKCE, state and nonce; the ID token's signature is checked
against the provider's published keys (RS256). Sign-on opens only accounts an
administrator has already made (matched by email address): the provider says who someone
is, Coproduce's administrators say what role they have. The sign-in must also be at an
assurance level the trust accepts (the ID token's ``acr``): CIS2's authenticators are
all multi-factor, so such a sign-in counts as both factors.

Off unless ``OIDC_RP_CLIENT_ID`` is set (see the settings module for the rest). The
views that send a person to the provider and take its answer are ``web.views.sso``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from coproduce.accounts import second_factor
from coproduce.accounts.models import User

logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


class NHSIdentityBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        acr = payload.get("acr", "")
        if acr not in settings.OIDC_ACCEPTED_ACR:
            # The level is a code, not personal data; the person is not named.
            logger.warning("single sign-on refused: assurance level %r is not accepted", acr[:40])
            raise SuspiciousOperation("assurance level not accepted")
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None:
            logger.warning("single sign-on refused: no active account has that email address")
            return None
        self.request.session[second_factor.SIGNED_IN_WITH] = "oidc"
        return user

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = claims.get("email")
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return user  # the provider does not change roles or names here
