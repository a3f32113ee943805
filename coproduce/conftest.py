"""Fixtures shared by every app's tests: the cast of users and a checking test client.

The cast (as in healthchecks' tests): a lead practitioner and a colleague on one team,
an outsider on another team, a lived experience lead, a network member, an analyst, an
administrator, and anonymous (the plain client).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from coproduce.accounts.models import Role, User
from coproduce.care.models import Episode, Person, Team
from coproduce.testing.factories import EpisodeFactory, TeamFactory, UserFactory
from coproduce.testing.html import check_html


class CheckedClient(Client):
    """Django's test client, checking the HTML of every page it fetches."""

    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        check_html(response)
        return response


@pytest.fixture
def client() -> CheckedClient:
    return CheckedClient()


@pytest.fixture
def team(db: None) -> Team:
    return TeamFactory(name="Home treatment team")


@pytest.fixture
def other_team(db: None) -> Team:
    return TeamFactory(name="Another team")


@pytest.fixture
def lead(team: Team) -> User:
    user = UserFactory(username="lead", first_name="Lena", last_name="Lead", role=Role.PRACTITIONER)
    team.staff.add(user)
    return user


@pytest.fixture
def colleague(team: Team) -> User:
    user = UserFactory(username="colleague", role=Role.SUPPORT_WORKER)
    team.staff.add(user)
    return user


@pytest.fixture
def outsider(other_team: Team) -> User:
    user = UserFactory(username="outsider", role=Role.PRACTITIONER)
    other_team.staff.add(user)
    return user


@pytest.fixture
def le_lead(db: None) -> User:
    return UserFactory(username="le_lead", role=Role.LIVED_EXPERIENCE_LEAD)


@pytest.fixture
def member(db: None) -> User:
    return UserFactory(username="member", role=Role.NETWORK_MEMBER)


@pytest.fixture
def analyst(db: None) -> User:
    return UserFactory(username="analyst", role=Role.ANALYST)


@pytest.fixture
def administrator(db: None) -> User:
    return UserFactory(username="administrator", role=Role.ADMINISTRATOR)


@pytest.fixture
def episode(team: Team, lead: User, colleague: User) -> Episode:
    episode = EpisodeFactory(team=team, lead_practitioner=lead)
    episode.named_team.set([lead, colleague])
    return episode


@pytest.fixture
def person(episode: Episode) -> Person:
    return episode.person

