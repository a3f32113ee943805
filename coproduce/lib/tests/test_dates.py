"""The one rule for a moment that has happened: not in the future, allowing for clocks."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from coproduce.lib.dates import CLOCK_SKEW, in_the_future, refuse_future

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def test_a_clock_a_few_minutes_fast_is_not_in_the_future():
    assert not in_the_future(NOW + CLOCK_SKEW, now=NOW)
    assert in_the_future(NOW + CLOCK_SKEW + dt.timedelta(seconds=1), now=NOW)
    assert dt.timedelta(minutes=5) == CLOCK_SKEW


def test_it_refuses_by_the_field_and_says_what_cannot_be_in_the_future():
    with pytest.raises(ValidationError) as refused:
        refuse_future(dt.datetime.now(dt.UTC) + dt.timedelta(hours=1), "contact", field="when")
    assert refused.value.message_dict == {"when": ["The contact cannot be in the future"]}


def test_no_moment_is_not_refused():
    refuse_future(None, "referral", field="received_at")
