from __future__ import annotations

from coproduce.accounts.models import User
from coproduce.network.models import Member


def member_for(user: User) -> Member | None:
    """A member sees only their own network record."""
    return Member.objects.filter(user=user).first()
