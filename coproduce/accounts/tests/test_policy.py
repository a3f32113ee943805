import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.models import Role
from coproduce.accounts.policy import POLICY, Capability, can
from coproduce.tooling.testing.factories import UserFactory


def test_every_capability_is_in_the_policy_table():
    assert set(POLICY) == set(Capability)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("capability", list(Capability))
def test_it_allows_exactly_the_roles_in_the_table(role, capability):
    user = UserFactory(role=role)
    assert can(user, capability) is (role in POLICY[capability])


@pytest.mark.parametrize("capability", list(Capability))
def test_it_refuses_anonymous_users_everything(capability):
    assert not can(AnonymousUser(), capability)


@pytest.mark.django_db
def test_it_refuses_a_switched_off_account():
    user = UserFactory(role=Role.PRACTITIONER, is_active=False)
    assert not can(user, Capability.VIEW_CASELOAD)


def test_network_members_cannot_see_caseloads_or_voices():
    assert Role.NETWORK_MEMBER not in POLICY[Capability.VIEW_CASELOAD]
    assert Role.NETWORK_MEMBER not in POLICY[Capability.REVIEW_VOICES]
