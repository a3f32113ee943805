"""System checks (`coproduce check`, and every command that starts the service)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

# Notify's documented limit, messages a minute per API key.
NOTIFY_DOCUMENTED_LIMIT = 3000
# Below this, a crisis reply or a risk alert can wait minutes behind other messages.
SLOWEST_SENSIBLE = 60


def rate_limit_sensible(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Say so when the service's Notify limit is set where crisis messages would wait, or
    above what Notify takes from a key without its limit raised."""
    limit = settings.NOTIFY_RATE_LIMIT_PER_MINUTE
    if limit < SLOWEST_SENSIBLE:
        return [
            checks.Warning(
                f"NOTIFY_RATE_LIMIT_PER_MINUTE is {limit}: the service sends no more than "
                f"{limit} a minute, so a crisis reply or a risk alert can wait minutes behind "
                "other messages.",
                hint=f"Set it to your Notify key's limit (Notify's documented limit is "
                f"{NOTIFY_DOCUMENTED_LIMIT:,} a minute), or leave it unset.",
                id="messaging.W001",
            )
        ]
    if limit > NOTIFY_DOCUMENTED_LIMIT:
        return [
            checks.Warning(
                f"NOTIFY_RATE_LIMIT_PER_MINUTE is {limit:,}, above Notify's documented limit "
                f"of {NOTIFY_DOCUMENTED_LIMIT:,} a minute: unless GOV.UK Notify has raised your "
                "key's limit, it will refuse the messages over it, and each waits to be sent "
                "again.",
                hint="Set it to your key's limit, or leave it unset.",
                id="messaging.W002",
            )
        ]
    return []
