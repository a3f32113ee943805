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
