"""Referral intake and triage: clock, screen, duplicates, bad input."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.care import referrals
from coproduce.care.models import Person, Referral, Team
from coproduce.tooling.testing.factories import (
    PersonFactory,
    TeamFactory,
    intake_page_data,
    sent_once,
)

LONDON = ZoneInfo("Europe/London")
NOON = dt.datetime(2026, 11, 20, 12, 0, tzinfo=LONDON)


def receive(user, person, team, **overrides):
    values = {
        "source": Referral.Source.GP,
        "urgency": Referral.Urgency.URGENT,
        "reason": "Low mood, not sleeping.",
        "physical_health_need": False,
        "received_at": NOON,
    }
    return referrals.receive_referral(user, person=person, team=team, **{**values, **overrides})


@pytest.mark.parametrize(
    ("urgency", "source", "hours"),
    [
        (Referral.Urgency.EMERGENCY, Referral.Source.GP, 4),
        (Referral.Urgency.VERY_URGENT, Referral.Source.POLICE, 4),
        (Referral.Urgency.URGENT, Referral.Source.SELF, 24),
        (Referral.Urgency.URGENT, Referral.Source.AE_LIAISON, 1),
        (Referral.Urgency.ROUTINE, Referral.Source.AE_LIAISON, 1),
    ],
)
def test_the_response_clock_follows_urgency_and_a_and_e_liaison(lead, team, urgency, source, hours):
    referral = receive(lead, PersonFactory(), team, urgency=urgency, source=source)
    assert referral.respond_by == NOON + dt.timedelta(hours=hours)


def test_the_response_targets_are_for_urgencies_there_are():
    from coproduce.care.targets import HOURS_TO_BE_SEEN

    assert set(HOURS_TO_BE_SEEN) < set(Referral.Urgency.values)


def test_the_intake_page_gives_the_targets_the_clock_runs_on(client, lead, settings):
    settings.AE_LIAISON_TARGET_MINUTES = 90
    client.force_login(lead)
    page = client.get("/referrals/new").content.decode()
    assert "Emergency and very urgent: respond within 4 hours. Urgent: within 24 hours." in page
    assert "Referrals from A&amp;E liaison: within 1 hour 30 minutes." in page


def test_a_routine_referral_has_no_crisis_clock(lead, team):
    referral = receive(lead, PersonFactory(), team, urgency=Referral.Urgency.ROUTINE)
    assert referral.respond_by is None
    assert not referral.breached(NOON + dt.timedelta(days=30))


def test_the_urgency_is_stored_as_its_mhsds_code(lead, team):
    referral = receive(lead, PersonFactory(), team, urgency=Referral.Urgency.VERY_URGENT)
    assert Referral.objects.filter(pk=referral.pk, urgency="4").exists()


def test_a_breach_is_past_the_clock_unseen_or_seen_late(lead, team):
    referral = receive(lead, PersonFactory(), team, urgency=Referral.Urgency.VERY_URGENT)
    assert referral.minutes_left(NOON + dt.timedelta(hours=3)) == 60
    assert not referral.breached(NOON + dt.timedelta(hours=3))
    assert referral.breached(NOON + dt.timedelta(hours=5))
    referral.seen_at = NOON + dt.timedelta(hours=5)
    assert referral.breached(NOON + dt.timedelta(hours=6))


def test_the_response_vehicle_cannot_take_a_physical_health_need(lead):
    vehicle = TeamFactory(kind=Team.Kind.RESPONSE_VEHICLE)
    with pytest.raises(ValidationError, match="physical health need"):
        receive(lead, PersonFactory(), vehicle, physical_health_need=True)
    assert not Referral.objects.exists()
    assert receive(lead, PersonFactory(), vehicle, physical_health_need=False).team == vehicle


def test_the_service_refuses_a_referral_received_in_the_future_by_name(lead, team):
    person = PersonFactory()
    in_an_hour = timezone.now() + dt.timedelta(hours=1)
    with pytest.raises(ValidationError) as refused:
        receive(lead, person, team, received_at=in_an_hour)
    assert refused.value.message_dict == {"received_at": ["The referral cannot be in the future"]}
    assert not Referral.objects.exists()
    assert not AuditEvent.objects.filter(record_type="care.referral").exists()


def test_the_service_allows_a_clock_a_few_minutes_fast(lead, team):
    a_fast_clock = timezone.now() + dt.timedelta(minutes=4)
    assert receive(lead, PersonFactory(), team, received_at=a_fast_clock).pk


def test_a_second_referral_within_the_window_is_not_created_silently(lead, team, settings):
    settings.DUPLICATE_REFERRAL_HOURS = 72
    person = PersonFactory()
    first = receive(lead, person, team)
    with pytest.raises(referrals.PossibleDuplicate) as duplicate:
        receive(lead, person, team, received_at=NOON + dt.timedelta(hours=30))
    assert duplicate.value.existing == [first]
    assert Referral.objects.count() == 1
    separate = receive(
        lead,
        person,
        team,
        received_at=NOON + dt.timedelta(hours=30),
        not_a_duplicate_because="A new crisis after the first was resolved.",
    )
    assert separate.not_a_duplicate_because == "A new crisis after the first was resolved."


def test_outside_the_window_it_is_not_a_duplicate(lead, team, settings):
    settings.DUPLICATE_REFERRAL_HOURS = 24
    person = PersonFactory()
    receive(lead, person, team)
    receive(lead, person, team, received_at=NOON + dt.timedelta(hours=25))
    assert Referral.objects.count() == 2


def test_merging_adds_to_the_existing_referral(lead, team):
    first = receive(lead, PersonFactory(), team)
    referrals.merge_into(
        lead, first, source=Referral.Source.POLICE, reason="Found on a bridge.", referrer="PC 123"
    )
    first.refresh_from_db()
    assert "also referred by Police (PC 123): Found on a bridge." in first.additional_information
    assert Referral.objects.count() == 1


def test_a_known_nhs_number_with_another_date_of_birth_is_refused(lead, team):
    person = PersonFactory()
    receive(lead, person, team)  # the lead's team knows the person
    details = referrals.PersonDetails(person.nhs_number, "X", "Y", dt.date(1901, 1, 1))
    with pytest.raises(ValidationError, match="does not match"):
        referrals.register_person(lead, details)
    with pytest.raises(ValidationError, match="does not match"):
        referrals.intake_referral(
            lead,
            details,
            team=team,
            source=Referral.Source.GP,
            urgency=Referral.Urgency.URGENT,
            reason="Again.",
            physical_health_need=False,
            received_at=NOON,
            not_a_duplicate_because="A second crisis.",
        )
    assert Referral.objects.count() == 1


# The intake page ---------------------------------------------------------------------


@pytest.fixture
def intake():
    return intake_page_data(nhs_number="943 476 5919")


def test_staff_receive_a_referral_for_a_new_person(client, lead, team, intake):
    client.force_login(lead)
    response = client.post("/referrals/new", sent_once({**intake, "team": team.pk}))
    referral = Referral.objects.get()
    assert response["Location"] == f"/referrals/{referral.pk}"
    assert referral.person.nhs_number == "9434765919"
    assert (referral.source, referral.urgency, referral.created_by) == ("nhs_111", "4", lead)
    assert AuditEvent.objects.filter(action="created", record_type="care.referral").exists()
    page = client.get(response["Location"]).content.decode()
    assert "left" in page  # the clock is shown


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nhs_number", "943 476 5918", "Enter a valid NHS number"),
        ("nhs_number", "12345", "Enter a valid NHS number"),
        ("date_of_birth", "May 1990", "Enter the date of birth as day/month/year"),
        ("date_of_birth", "31/02/1990", "must be a real date: February 1990 has 28 days"),
        ("date_of_birth", "01/01/2090", "The date of birth must be in the past"),
        ("received_on", "01/01/2099", "The referral cannot be in the future"),
        ("urgency", "9", "Select how urgent the referral is from the list"),
    ],
)
def test_the_intake_page_names_what_is_wrong_and_stores_nothing(
    client, lead, team, intake, field, value, message
):
    client.force_login(lead)
    response = client.post("/referrals/new", sent_once({**intake, "team": team.pk, field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Referral.objects.exists()
    assert not Person.objects.exists()


def test_a_refused_referral_leaves_no_new_person_behind(client, lead, intake):
    vehicle = TeamFactory(kind=Team.Kind.RESPONSE_VEHICLE)
    vehicle.staff.add(lead)
    client.force_login(lead)
    response = client.post(
        "/referrals/new", sent_once({**intake, "team": vehicle.pk, "physical_health_need": "yes"})
    )
    assert "cannot take a referral with a physical health need" in response.content.decode()
    assert not Person.objects.exists()


def test_the_intake_page_offers_a_duplicate_for_merging(client, lead, team, intake):
    client.force_login(lead)
    client.post("/referrals/new", sent_once({**intake, "team": team.pk}))
    first = Referral.objects.get()
    second = {**intake, "team": team.pk, "source": "police", "reason": "Police found them."}
    response = client.post("/referrals/new", sent_once(second))
    assert response.status_code == 409
    assert "Possible duplicate referral" in response.content.decode()
    assert Referral.objects.count() == 1
    body = client.post("/referrals/new", sent_once({**second, "separate": "yes"})).content.decode()
    assert "Say why this is a separate referral" in body
    assert Referral.objects.count() == 1
    client.post("/referrals/new", sent_once({**second, "merge": "yes", "merge_into": first.pk}))
    first.refresh_from_db()
    assert "Police found them." in first.additional_information
    assert Referral.objects.count() == 1


def test_the_intake_page_says_when_a_closed_service_opens(client, lead, intake, db):
    TeamFactory(
        name="Sanctuary", kind=Team.Kind.SANCTUARY, opens_at=dt.time(18), closes_at=dt.time(1)
    )
    client.force_login(lead)
    body = client.get("/referrals/new").content.decode()
    assert "Open 18:00 to 01:00, every day." in body
    assert ("Open now." in body) or ("Closed now: opens" in body)


def test_next_opening_crosses_midnight():
    sanctuary = Team(opens_at=dt.time(18), closes_at=dt.time(1))
    late = dt.datetime(2026, 11, 20, 0, 30, tzinfo=LONDON)
    assert sanctuary.next_opening(late) == late  # still open at half past midnight
    morning = dt.datetime(2026, 11, 20, 9, 0, tzinfo=LONDON)
    assert sanctuary.next_opening(morning) == dt.datetime(2026, 11, 20, 18, 0, tzinfo=LONDON)
    after_close = dt.datetime(2026, 11, 20, 1, 0, tzinfo=LONDON)
    assert sanctuary.next_opening(after_close) == dt.datetime(2026, 11, 20, 18, 0, tzinfo=LONDON)


def test_referrals_list_shows_breaches(client, lead, team):
    receive(
        lead,
        PersonFactory(family_name="Late"),
        team,
        urgency=Referral.Urgency.VERY_URGENT,
        received_at=timezone.now() - dt.timedelta(hours=5),
    )
    receive(
        lead,
        PersonFactory(family_name="Fine"),
        team,
        urgency=Referral.Urgency.URGENT,
        received_at=timezone.now(),
        source=Referral.Source.SELF,
    )
    client.force_login(lead)
    body = client.get("/referrals").content.decode()
    assert "1 referral past the response time" in body
    assert body.index("Late") < body.index("Fine")  # least time left first
    assert "Overdue by 1 hour" in body


def test_declining_needs_a_reason_and_happens_once(client, lead, team):
    referral = receive(lead, PersonFactory(), team)
    client.force_login(lead)
    refused = client.post(f"/referrals/{referral.pk}", {"action": "decline", "reason": ""})
    assert refused.status_code == 400
    assert "Say why the referral is declined" in refused.content.decode()
    client.post(f"/referrals/{referral.pk}", {"action": "decline", "reason": "Sent to the CMHT."})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECLINED
    assert "Declined: Sent to the CMHT." in referral.additional_information
    with pytest.raises(ValidationError, match="already been dealt with"):
        referrals.decline_referral(lead, referral, "again")


def test_an_unknown_action_on_a_referral_is_refused(client, lead, team):
    referral = receive(lead, PersonFactory(), team)
    client.force_login(lead)
    assert client.post(f"/referrals/{referral.pk}", {"action": "delete"}).status_code == 400
    referral.refresh_from_db()
    assert referral.status == Referral.Status.RECEIVED


# Two intakes at once --------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_intakes_of_a_new_nhs_number_at_once_make_one_person_and_no_server_error():
    """A double-submit, or 111 and the police at the same moment: the second waits on the
    database's unique NHS number, is refused its copy of the person, and goes on with the
    person now known (here: offered as a duplicate referral), where before it was a 500."""
    import threading
    import time

    from django.db import connection, transaction

    from coproduce.tooling.testing.factories import UserFactory

    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the two cannot overlap")
    team = TeamFactory()
    lead = UserFactory()
    team.staff.add(lead)
    details = referrals.PersonDetails("9434765919", "Sam", "Example", dt.date(1990, 1, 1))
    referral: dict[str, Any] = {
        "team": team,
        "source": Referral.Source.GP,
        "urgency": Referral.Urgency.URGENT,
        "reason": "In crisis.",
        "physical_health_need": False,
        "received_at": timezone.now(),
    }
    second: list[object] = []

    def again():
        try:
            second.append(referrals.intake_referral(lead, details, **referral))
        except Exception as error:  # the test reports what the second intake met
            second.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        first = referrals.intake_referral(lead, details, **referral)
        thread = threading.Thread(target=again)
        thread.start()
        time.sleep(1)  # the second is now waiting on this one's NHS number
    thread.join(timeout=30)
    assert Person.objects.filter(nhs_number="9434765919").count() == 1
    [outcome] = second
    assert isinstance(outcome, referrals.PossibleDuplicate), outcome
    assert outcome.existing == [first.referral]
