"""Schemathesis against the project's OpenAPI document: generated requests, valid and not,
to every API operation. No server errors, and every answer matches the document."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from coproduce.tooling.testing.openapi import openapi_document
from coproduce.wsgi import application

schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = application


@pytest.fixture(autouse=True)
def _keep_the_tests_database_connection():
    """Schemathesis calls the WSGI application itself, whose request signals would close
    the test's database connection (and its transaction) after each request, as
    Django's own test client prevents."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(lead, team):
    return Token.objects.create(user=lead).key


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_within_its_document(case, token):
    case.call_and_validate(
        headers={"Authorization": f"Token {token}", "Host": "localhost"},
        # A request can match the document and still be refused with a clear 400: a team
        # or person that does not exist, a duplicate referral. Every other check runs:
        # no server error, documented status codes, content types and response bodies,
        # and requests that break the document refused.
        excluded_checks=[positive_data_acceptance],
    )
