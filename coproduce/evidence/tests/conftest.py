"""Shared set-up for the evidence tests."""

import random

import pytest
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.care.models import Team
from coproduce.tooling.synthetic.history import seed_history
from coproduce.tooling.testing.factories import TeamFactory, UserFactory


@pytest.fixture
def history(db):
    rng = random.Random(5)  # noqa: S311 - synthetic data
    teams = [TeamFactory(kind=Team.Kind.CRISIS_LINE), TeamFactory(), TeamFactory()]
    clinicians = [UserFactory(role=Role.PRACTITIONER) for _ in range(9)]
    numbers = iter(range(10**6))
    return seed_history(
        rng,
        timezone.now(),
        teams,
        clinicians,
        clinicians[0],
        lambda: f"999{next(numbers):07d}",
        ["Sam"],
        ["Example"],
    )
