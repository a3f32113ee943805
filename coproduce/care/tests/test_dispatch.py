"""The mental health response vehicle (seed 004)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from coproduce.care import referrals
from coproduce.care.models import Dispatch, Team
from coproduce.tooling.testing.factories import ReferralFactory, TeamFactory, sent_once


@pytest.fixture
def vehicle(lead):
    team = TeamFactory(kind=Team.Kind.RESPONSE_VEHICLE, arrival_target_minutes=45)
    team.staff.add(lead)
    return team


@pytest.fixture
def call(vehicle):
    return ReferralFactory(
        team=vehicle, source="ambulance", received_at=timezone.now() - dt.timedelta(hours=2)
    )


def test_arrival_is_measured_against_the_teams_target(lead, call):
    sent = call.received_at + dt.timedelta(minutes=5)
    dispatch = referrals.dispatch_vehicle(lead, call, dispatched_at=sent)
    referrals.record_arrival(
        lead,
        dispatch,
        arrived_at=sent + dt.timedelta(minutes=50),
        outcome="stayed_home",
        partner="Ambulance crew",
        handover_notes="Handed over; police not needed.",
    )
    dispatch.refresh_from_db()
    assert dispatch.minutes_to_arrive == 50
    assert dispatch.over_target(45)
    call.refresh_from_db()
    assert call.seen_at == dispatch.arrived_at
    assert call.status == "completed"  # no longer waiting to be allocated


def test_arrival_before_dispatch_is_refused(lead, call):
    sent = call.received_at + dt.timedelta(minutes=5)
    dispatch = referrals.dispatch_vehicle(lead, call, dispatched_at=sent)
    with pytest.raises(ValidationError, match="Arrival cannot be before"):
        referrals.record_arrival(
            lead,
            dispatch,
            arrived_at=sent - dt.timedelta(minutes=1),
            outcome="stayed_home",
            partner="",
            handover_notes="",
        )
    dispatch.refresh_from_db()
    assert dispatch.arrived_at is None


def test_the_database_refuses_an_arrival_before_dispatch(lead, call):
    sent = timezone.now()
    with pytest.raises(IntegrityError):
        Dispatch.objects.create(
            referral=call,
            dispatched_at=sent,
            arrived_at=sent - dt.timedelta(minutes=1),
            recorded_by=lead,
        )


def test_only_the_response_vehicle_team_dispatches(lead, team):
    referral = ReferralFactory(team=team)
    with pytest.raises(ValidationError, match="Only the response vehicle team"):
        referrals.dispatch_vehicle(lead, referral, dispatched_at=timezone.now())


def test_the_referral_page_records_dispatch_and_arrival(client, lead, call):
    client.force_login(lead)
    sent = timezone.localtime(call.received_at + dt.timedelta(minutes=10))
    client.post(
        f"/referrals/{call.pk}",
        sent_once(
            {
                "action": "dispatch",
                "dispatched_on": sent.strftime("%d/%m/%Y"),
                "dispatched_time": sent.strftime("%H:%M"),
            }
        ),
    )
    early = sent - dt.timedelta(minutes=5)
    body = client.post(
        f"/referrals/{call.pk}",
        {
            "action": "arrival",
            "arrived_on": early.strftime("%d/%m/%Y"),
            "arrived_time": early.strftime("%H:%M"),
            "outcome": "stayed_home",
        },
    ).content.decode()
    assert "Arrival cannot be before the vehicle was dispatched" in body
    arrived = sent + dt.timedelta(minutes=30)
    client.post(
        f"/referrals/{call.pk}",
        {
            "action": "arrival",
            "arrived_on": arrived.strftime("%d/%m/%Y"),
            "arrived_time": arrived.strftime("%H:%M"),
            "outcome": "home_treatment",
            "partner": "Ambulance crew",
        },
    )
    page = client.get(f"/referrals/{call.pk}").content.decode()
    assert "Within target" in page
    assert "Handed to home treatment" in page


def test_the_same_dispatch_sent_twice_is_taken_once_and_a_second_is_refused(client, lead, call):
    sent = timezone.localtime(call.received_at + dt.timedelta(minutes=10))
    form = sent_once(
        {
            "action": "dispatch",
            "dispatched_on": sent.strftime("%d/%m/%Y"),
            "dispatched_time": sent.strftime("%H:%M"),
        }
    )
    client.force_login(lead)
    first = client.post(f"/referrals/{call.pk}", form)
    again = client.post(f"/referrals/{call.pk}", form)  # a double click or a resent form
    assert (again.status_code, again["Location"]) == (302, first["Location"])
    # A second dispatch from another copy of the page (its own token) is refused by name.
    other = client.post(f"/referrals/{call.pk}", sent_once({**form}))
    assert other.status_code == 400
    assert "already been dispatched" in other.content.decode()
    assert Dispatch.objects.count() == 1


def test_the_worklist_looks_back_one_day_for_late_arrivals(lead, call):
    from coproduce.care import episodes

    now = timezone.now()
    old = Dispatch.objects.create(
        referral=call,
        dispatched_at=now - dt.timedelta(days=2),
        arrived_at=now - dt.timedelta(days=2) + dt.timedelta(hours=2),
        recorded_by=lead,
    )
    assert old not in episodes.worklist_for(lead, now).late_arrivals
