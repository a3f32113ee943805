"""Signing in test clients with both factors, as a person who entered their code would be."""

from __future__ import annotations

from typing import Any

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts import second_factor


def give_second_factor(client: Any, user: Any) -> None:
    """Mark a client's session as having passed the second factor (for users who need one)."""
    if not second_factor.needed(user):
        return
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Authenticator app"}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
