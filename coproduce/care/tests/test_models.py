import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from coproduce.care.models import Team, validate_nhs_number
from coproduce.tooling.testing.factories import ContactFactory


def test_it_accepts_a_valid_nhs_number():
    validate_nhs_number("9434765919")


@pytest.mark.parametrize(
    "bad", ["9434765918", "943476591", "94347659190", "943 476 5919", "abcdefghij"]
)
def test_it_refuses_an_invalid_nhs_number(bad):
    with pytest.raises(ValidationError, match="Enter a valid NHS number"):
        validate_nhs_number(bad)


def test_a_sanctuary_open_6pm_to_1am_is_open_across_midnight():
    sanctuary = Team(opens_at=dt.time(18), closes_at=dt.time(1))
    assert sanctuary.is_open_at(dt.time(18, 0))
    assert sanctuary.is_open_at(dt.time(23, 59))
    assert sanctuary.is_open_at(dt.time(0, 30))
    assert not sanctuary.is_open_at(dt.time(1, 0))
    assert not sanctuary.is_open_at(dt.time(12, 0))
    assert not sanctuary.is_open_at(dt.time(17, 59))


def test_a_team_with_no_hours_is_open_all_day():
    assert Team().is_open_at(dt.time(3, 0))


def test_a_daytime_team_closes_at_its_closing_time():
    team = Team(opens_at=dt.time(9), closes_at=dt.time(17))
    assert team.is_open_at(dt.time(9))
    assert not team.is_open_at(dt.time(17))


@pytest.mark.django_db
def test_the_database_refuses_a_contact_without_next_steps():
    """Hazard H2 control: LISTEN's "never end a contact without a plan"."""
    with pytest.raises(IntegrityError):
        ContactFactory(next_steps="")
