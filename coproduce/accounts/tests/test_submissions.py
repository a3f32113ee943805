"""A service takes a form's one-time token once (``coproduce.accounts.submissions``); the
pages' side is in ``web/tests/test_sent_once.py``."""

import datetime as dt

import pytest
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import IntegrityError, transaction

from coproduce.accounts.models import AuditEvent, Submission
from coproduce.accounts.submissions import new_token
from coproduce.change import services
from coproduce.change.models import Action, Insight, PriorityRound


def test_the_database_refuses_a_second_submission_with_one_token(db):
    Submission.objects.create(token="t" * 32, service="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(token="t" * 32, service="a")


def test_a_token_taken_before_is_answered_with_what_it_made_and_nothing_is_done_again(le_lead):
    token = new_token()
    first = services.create_insight(le_lead, "People feel dismissed.", submission=token)
    events = AuditEvent.objects.count()
    again = services.create_insight(le_lead, "People feel dismissed.", submission=token)
    assert again == first
    assert Insight.objects.count() == 1
    assert AuditEvent.objects.count() == events  # not even audited again
    taken = Submission.objects.get(token=token)
    assert (taken.made, taken.service) == (first, "coproduce.change.services.create_insight")


def test_a_service_that_refuses_takes_no_token_and_the_token_may_be_sent_again(le_lead):
    token = new_token()
    one = services.create_insight(le_lead, "One")
    with pytest.raises(ValidationError):
        services.open_round(le_lead, "2027", [one], submission=token)  # needs two insights
    assert not Submission.objects.exists()
    two = services.create_insight(le_lead, "Two")
    opened = services.open_round(le_lead, "2027", [one, two], submission=token)
    assert list(PriorityRound.objects.all()) == [opened]


def test_without_a_token_a_service_runs_as_it_always_did(le_lead):
    """The API and commands call the same services without a form's token. (An insight
    with another's words is refused on its own account: ``check_not_a_copy``.)"""
    insight = services.create_insight(le_lead, "Some words")
    for _ in range(2):
        services.record_action(
            le_lead, insight, description="Same words", owner=le_lead, due_on=dt.date(2027, 1, 1)
        )
    assert Action.objects.filter(description="Same words").count() == 2
    assert not Submission.objects.exists()


def test_a_token_another_kind_of_form_took_is_refused(le_lead):
    token = new_token()
    insight = services.create_insight(le_lead, "One", submission=token)
    other = services.create_insight(le_lead, "Two")
    with pytest.raises(SuspiciousOperation):
        services.open_round(le_lead, "2027", [insight, other], submission=token)
    assert not PriorityRound.objects.exists()


def test_a_token_that_is_not_one_we_issue_is_refused(le_lead):
    with pytest.raises(ValidationError, match="not one we issued"):
        services.create_insight(le_lead, "One", submission="<script>")
    assert not Insight.objects.exists()
