"""Disclosure control for anything published: small numbers never shown.

Counts from 1 to 7 are suppressed and others rounded to the nearest 5 (both
configurable). A zero is shown as it is: it reveals no one.
"""

from __future__ import annotations

from django.conf import settings


def publishable(count: int) -> int | None:
    """The count as it may be published, or None where it must be suppressed."""
    if count == 0:
        return 0
    if count <= settings.SUPPRESS_AT_MOST:
        return None
    step = settings.ROUND_TO
    return int(step * round(count / step)) if step > 1 else count


def shown(count: int) -> str:
    value = publishable(count)
    return f"fewer than {settings.SUPPRESS_AT_MOST + 1}" if value is None else f"{value:,}"
