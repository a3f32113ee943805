"""Display shapes for care pages, so templates stay dumb."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.conf import settings

from coproduce.care import targets
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


def _within(minutes: int) -> str:
    if minutes % 60:
        return duration(minutes)
    hours = minutes // 60
    return f"{hours} hour{'s' if hours != 1 else ''}"


def response_targets_hint() -> str:
    """What the referral page says about urgency, from the targets the clock runs on:
    "Emergency and very urgent: respond within 4 hours. Urgent: within 24 hours. ..."."""
    by_hours: dict[int, list[str]] = {}
    for code, hours in targets.HOURS_TO_BE_SEEN.items():
        by_hours.setdefault(hours, []).append(str(Referral.Urgency(code).label))
    parts: list[str] = []
    for hours, labels in by_hours.items():
        respond = "" if parts else "respond "
        parts.append(f"{' and '.join(labels).capitalize()}: {respond}within {_within(hours * 60)}.")
    liaison = _within(settings.AE_LIAISON_TARGET_MINUTES)
    return " ".join([*parts, f"Referrals from A&E liaison: within {liaison}."])


def referral_clock(referral: Referral, now: dt.datetime) -> dict[str, Any]:
    """The response clock as a tag: text and colour (red when breached)."""
    if referral.respond_by is None:
        return {"text": "No response clock (routine)", "colour": "grey"}
    if referral.seen_at is not None:
        late = referral.breached(now)
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
