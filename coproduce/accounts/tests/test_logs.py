"""The check that runs over the whole suite's logs (coproduce/conftest.py) finds what it
should, and lets ids and events through."""

import logging

import pytest

from coproduce.conftest import SUITE_LOG
from coproduce.tooling.testing.logs import personal_data_in


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("referral for 943 476 5919 received", "NHS number"),
        ("sent to 07700 900123", "phone number"),
        ("sent to +447700900123", "phone number"),
        ("reply from robin@example.org", "email address"),
        ("address CB2 0QQ updated", "postcode"),
        ("person Robin Example12 opened", "name"),
        ("person Jordan Smith opened", "name"),
    ],
)
def test_the_log_check_finds_personal_data(line, kind):
    (found,) = personal_data_in([line])
    assert kind in found


@pytest.mark.parametrize(
    "line",
    [
        "risk alert 12 raised for voice 2881",
        "Notify refused message 6c8a8e52-1b0e-4f3a-9a3e-2f7c4d5b6a10: 429",
        "GET /people/1234567890 200",  # a number that is not a valid NHS number
        "retention purge: care records 0, expired sessions 3",
    ],
)
def test_the_log_check_lets_ids_and_events_through(line):
    assert personal_data_in([line]) == []


def test_every_log_line_of_the_suite_is_kept_for_the_check():
    logging.getLogger("coproduce.test").warning("a line for the check %s", 42)
    assert SUITE_LOG[-1] == "coproduce.test WARNING a line for the check 42"
