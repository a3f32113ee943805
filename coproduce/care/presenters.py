"""Display shapes for care pages, so templates stay dumb."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from coproduce.care.models import Referral


def duration(minutes: int) -> str:
    minutes = abs(minutes)
    hours, mins = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if mins or not parts:
        parts.append(f"{mins} minute{'s' if mins != 1 else ''}")
    return " ".join(parts[:2])


def referral_clock(referral: Referral, now: dt.datetime) -> dict[str, Any]:
    """The response clock as a tag: text and colour (red when breached)."""
    if referral.respond_by is None:
        return {"text": "No response clock (routine)", "colour": "grey"}
    if referral.seen_at is not None:
        late = referral.seen_at > referral.respond_by
        return {
            "text": "Seen late" if late else "Seen in time",
            "colour": "red" if late else "green",
        }
    left = referral.minutes_left(now)
    assert left is not None  # noqa: S101 - respond_by is set and not yet seen
    if left < 0:
        return {"text": f"Overdue by {duration(left)}", "colour": "red"}
    return {"text": f"{duration(left)} left", "colour": "orange" if left < 60 else "blue"}


def referred_person(referral: Referral, visible: Collection[int]) -> str:
    """Who a referral is for, as the user may be shown: the person's name if they may see
    who the person is (``services.people_visible_to``), else the name the referrer gave,
    marked as such (someone known to another team, seen once the referral is accepted)."""
    if referral.person_id in visible:
        return referral.person.full_name
    given = referral.referred_name or "no name given"
    return f"{given} (as referred; known to another team)"
