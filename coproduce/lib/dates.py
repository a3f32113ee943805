"""Dates and times as every way in reads them.

A moment someone tells us has happened (a referral received, a contact made, a call
back) cannot be in the future. Clocks differ: a partner's server or a phone a few
minutes fast is not refused, so "the future" starts ``CLOCK_SKEW`` after now. The rule
is written here once; services enforce it, and forms, the REST API and FHIR call the
same services (or, to name a field early, the same function).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

CLOCK_SKEW = dt.timedelta(minutes=5)


def in_the_future(moment: dt.datetime, *, now: dt.datetime | None = None) -> bool:
    """Whether a moment said to have happened is later than now, beyond the clock skew."""
    return moment > (now or timezone.now()) + CLOCK_SKEW


def cannot_be_in_the_future(what: str) -> str:
    return f"The {what} cannot be in the future"


def refuse_future(moment: dt.datetime | None, what: str, *, field: str) -> None:
    """Refuse a moment in the future, naming the field: "The contact cannot be in the
    future". No moment (None: the caller will take now) is not refused."""
    if moment is not None and in_the_future(moment):
        raise ValidationError({field: cannot_be_in_the_future(what)})


def in_words(moment: dt.datetime) -> str:
    """A moment as every page says it: "5 December 2026 at 12:02" (local time)."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def clock_and_day(moment: dt.datetime | None) -> str:
    """The time of day, with "yesterday" or the date when it was not today: a guest here
    since last night read "here since 22:21", as if still to come (a fresh-eyes trial)."""
    if moment is None:
        return ""
    local, today = timezone.localtime(moment), timezone.localdate()
    if local.date() == today:
        return f"{local:%H:%M}"
    if local.date() == today - dt.timedelta(days=1):
        return f"{local:%H:%M} yesterday"
    return in_words(moment)


def next_month(month: dt.date) -> dt.date:
    """The first day of the month after ``month``'s."""
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
