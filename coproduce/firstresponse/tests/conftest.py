import datetime as dt

import pytest
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.care.models import Team
from coproduce.tooling.testing.factories import TeamFactory, UserFactory


@pytest.fixture
def line(db):
    return TeamFactory(name="First Response line", kind=Team.Kind.CRISIS_LINE)


@pytest.fixture
def sanctuary(db):
    return TeamFactory(
        name="The Sanctuary",
        kind=Team.Kind.SANCTUARY,
        opens_at=dt.time(18, 0),
        closes_at=dt.time(1, 0),
        capacity=2,
    )


@pytest.fixture
def handler(line, sanctuary):
    user = UserFactory(username="handler", first_name="Hana", role=Role.PRACTITIONER)
    line.staff.add(user)
    sanctuary.staff.add(user)
    return user


@pytest.fixture
def outsider(db):
    """A practitioner on neither the line nor the Sanctuary."""
    return UserFactory(username="outsider", role=Role.PRACTITIONER)


def ago(**kwargs):
    return timezone.now() - dt.timedelta(**kwargs)
