from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from coproduce.accounts.policy import Capability, can


def capability(required: Capability) -> type[BasePermission]:
    """A DRF permission class for one capability of the access policy."""

    class HasCapability(BasePermission):
        message = "Your role does not allow this."
        capability = required

        def has_permission(self, request: Request, view: Any) -> bool:
            return can(request.user, required)

    HasCapability.__name__ = f"Has{required.name.title().replace('_', '')}"
    return HasCapability


# helper-85: the police's account, registered only to pass calls to the line, was told
# an NHS number was "known to another team" (that the person is known to mental health
# crisis services), and could have added a record or a referral.
PARTNER_ONLY = (
    "This account is registered to pass calls to the line only: it cannot read or add "
    "anyone's record."
)


def refuse_line_partner(user: Any) -> None:
    """Refuse a line partner's account (NHS 111, the police) anything but passing a call
    to the line and reading it back (ADR 0015)."""
    from rest_framework.exceptions import PermissionDenied

    from coproduce.firstresponse.models import LinePartner

    pk = getattr(user, "pk", None)
    if pk is not None and LinePartner.objects.filter(user_id=pk).exists():
        raise PermissionDenied(PARTNER_ONLY)
