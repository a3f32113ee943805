"""The pages for how a call joins care: ending with a referral, recording the caller as
a person, linking earlier calls, undoing a link, correcting a call, and the person's
record listing their calls and visits."""

import datetime as dt
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.care import referrals
from coproduce.care.models import Person, Referral, validate_nhs_number
from coproduce.firstresponse.models import Call, CallCorrection, CallLink, SanctuaryVisit
from coproduce.firstresponse.tests.conftest import ago
from coproduce.tooling.testing.factories import EpisodeFactory, UserFactory, sent_once


@pytest.fixture
def known(line):
    return EpisodeFactory(team=line).person


def open_call(line, handler, **fields):
    return Call.objects.create(team=line, handler=handler, started_at=ago(minutes=10), **fields)


def ended_call(line, handler, minutes_ago=60, **fields):
    return Call.objects.create(
        team=line,
        handler=handler,
        started_at=ago(minutes=minutes_ago),
        ended_at=ago(minutes=minutes_ago - 5),
        caller="person",
        next_steps="Ring again if it gets worse.",
        **{"outcomes": ["support"], **fields},
    )


def ending(**fields: Any) -> dict[str, Any]:
    now = timezone.localtime() - dt.timedelta(minutes=10)
    return {
        "caller": "person",
        "called": "Jo",
        "persons_words": "I could not sleep.",
        "next_steps": "The crisis team will ring in the morning.",
        "outcomes": ["support", "crisis_team"],
        "started_on": f"{now:%d/%m/%Y}",
        "started_time": f"{now:%H:%M}",
        "end": "1",
    } | fields


def test_ending_a_call_with_a_referral_makes_it_and_each_shows_the_other(
    client, handler, line, known, team, lead
):
    call = open_call(line, handler)
    client.force_login(handler)
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "If you refer them to the crisis team" in page
    response = client.post(
        f"/line/calls/{call.pk}",
        ending(nhs_number=known.nhs_number, referral_team=team.pk, referral_urgency="2"),
    )
    assert response["Location"] == "/line"
    referral = Referral.objects.get()
    call.refresh_from_db()
    assert call.referral == referral
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert f"referral {referral.pk} to {team.name}" in page
    assert f"/referrals/{referral.pk}" not in page  # the receiving team's page, not the line's
    team.staff.add(handler)
    assert f"/referrals/{referral.pk}" in client.get(f"/line/calls/{call.pk}").content.decode()
    client.force_login(lead)  # the crisis team reads where it came from
    page = client.get(f"/referrals/{referral.pk}").content.decode()
    assert "came from a call to the First Response line" in page


def test_an_anonymous_referral_is_refused_on_the_page_with_nothing_lost(
    client, handler, line, team
):
    call = open_call(line, handler)
    client.force_login(handler)
    response = client.post(
        f"/line/calls/{call.pk}", ending(referral_team=team.pk, referral_urgency="2")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "needs the person&#x27;s record" in page or "needs the person's record" in page
    assert 'value="Jo"' in page
    assert "Record the caller as a person" in page
    call.refresh_from_db()
    assert call.is_open
    assert not Referral.objects.exists()


def test_missing_referral_answers_are_named_beside_their_fields(client, handler, line, known):
    call = open_call(line, handler)
    client.force_login(handler)
    response = client.post(f"/line/calls/{call.pk}", ending(nhs_number=known.nhs_number))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select the crisis team to refer them to" in page
    assert "Select how urgent the referral is" in page
    call.refresh_from_db()
    assert call.is_open


def test_a_caller_born_in_the_future_is_refused_and_the_calls_name_is_offered(
    client, handler, line
):
    """A fresh-eyes trial recorded a caller born on 1 January 2030 (a referral refused
    it), after typing the name the call already had again, under an example NHS number
    that was not valid."""
    call = ended_call(line, handler, 30, called="Robin")
    client.force_login(handler)
    form = client.get(f"/line/calls/{call.pk}/person").content.decode()
    assert re.search(r'name="given_name"[^>]*value="Robin"', form)
    assert "like 943 476 5919" in form
    validate_nhs_number("9434765919")  # the example given is a valid number: no error
    born = timezone.localdate() + dt.timedelta(days=1)
    refused = client.post(
        f"/line/calls/{call.pk}/person",
        {
            "nhs_number": "943 476 5919",
            "given_name": "Robin",
            "family_name": "Example",
            "date_of_birth": f"{born:%d/%m/%Y}",
        },
    )
    assert refused.status_code == 400
    assert "The date of birth must be in the past" in refused.content.decode()
    assert not Person.objects.exists()
    # By any route: the service refuses it too (a FHIR Patient, say).
    details = referrals.PersonDetails("9434765919", "Robin", "Example", born)
    with pytest.raises(ValidationError, match="must be in the past"):
        referrals.register_person(handler, details)
    assert not Person.objects.exists()


def test_every_fault_on_the_callers_forms_is_named_at_once(client, handler, line):
    """Helper-65 was told of a bad date, then (once mended) of a bad NHS number; and on
    the call, of a long name, then of a bad phone number and NHS number."""
    call = ended_call(line, handler, 30)
    client.force_login(handler)
    both = client.post(
        f"/line/calls/{call.pk}/person",
        {
            "nhs_number": "1234567890",
            "given_name": "Robin",
            "family_name": "Example",
            "date_of_birth": "31/02/1990",
        },
    ).content.decode()
    assert "February 1990 has 28 days" in both
    assert "check digit" in both
    client.post("/line/calls", sent_once({}))
    open_call = Call.objects.get(ended_at__isnull=True)
    now = timezone.localtime()
    faults = client.post(
        f"/line/calls/{open_call.pk}",
        {
            "called": "R" * 61,
            "phone": "abc",
            "nhs_number": "1234567890",
            "started_on": f"{now:%d/%m/%Y}",
            "started_time": f"{now:%H:%M}",
            "save": "1",
        },
    )
    assert faults.status_code == 400
    page = faults.content.decode()
    start = page.index("nhsuk-error-summary__list")
    summary = page[start : page.index("</ul>", start)]
    # In the page's order (helper-66 found the NHS number's fault named first).
    assert (
        summary.index("Keep the name to 60 characters or fewer")
        < summary.index("Enter the phone number in digits")
        < summary.index("check digit")
    )
    open_call.refresh_from_db()
    assert open_call.called == ""


def test_the_caller_is_recorded_as_a_person_then_their_earlier_calls_offered(client, handler, line):
    earlier = ended_call(line, handler, 600, phone="07700 900321", phone_key="07700900321")
    call = ended_call(line, handler, 30, phone="07700 900321", phone_key="07700900321")
    client.force_login(handler)
    bad = client.post(
        f"/line/calls/{call.pk}/person",
        {
            "nhs_number": "9434765919",
            "given_name": "Jo",
            "family_name": "Example",
            "date_of_birth": "31/02/1990",
        },
    )
    assert bad.status_code == 400
    assert "must be a real date: February 1990 has 28 days" in bad.content.decode()
    assert not Person.objects.exists()
    response = client.post(  # an ended call: on to its earlier calls from the number
        f"/line/calls/{call.pk}/person",
        {
            "nhs_number": "943 476 5919",
            "given_name": "Jo",
            "family_name": "Example",
            "date_of_birth": "17/05/1990",
        },
    )
    assert response["Location"] == f"/line/calls/{call.pk}/links"
    page = client.get(response["Location"]).content.decode()
    assert f"Call {earlier.pk}" in page
    linked = client.post(
        f"/line/calls/{call.pk}/links",
        {"calls": [str(earlier.pk)], "because": "Same number, same name and story."},
    )
    assert linked["Location"] == f"/line/calls/{call.pk}"
    earlier.refresh_from_db()
    person = Person.objects.get()
    assert earlier.person == person
    # Not on the handler's caseloads: the call says why their record does not open and
    # how it will (found by a fresh-eyes trial: the name showed, no link, no reason).
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "Their record is not on your teams' caseloads" in page
    assert f"/people/{person.pk}" not in page
    EpisodeFactory(person=person, team=line)  # once on a caseload of theirs, it opens
    assert f'href="/people/{person.pk}"' in client.get(f"/line/calls/{call.pk}").content.decode()


def test_linking_without_a_reason_is_refused_on_the_page(client, handler, line, known):
    earlier = ended_call(line, handler, 600, phone_key="07700900321")
    call = ended_call(line, handler, 30, phone_key="07700900321", person=known)
    client.force_login(handler)
    response = client.post(f"/line/calls/{call.pk}/links", {"calls": [str(earlier.pk)]})
    assert response.status_code == 400
    assert "Say why in a short sentence" in response.content.decode()
    assert not CallLink.objects.exists()


def test_a_team_leader_undoes_a_link_and_a_practitioner_is_told_who_can(
    client, handler, line, known
):
    earlier = ended_call(line, handler, 600, person=known)
    link = CallLink.objects.create(
        call=earlier,
        person=known,
        linked_by=handler,
        linked_at=ago(minutes=5),
        because="Same number and name.",
    )
    client.force_login(handler)
    refused = client.post(f"/line/links/{link.pk}/undo", {"undone_because": "It was her sister."})
    assert refused.status_code == 400
    assert "Only a team leader can undo a link" in refused.content.decode()
    leader = UserFactory(username="leader", role=Role.TEAM_LEADER)
    line.staff.add(leader)
    client.force_login(leader)
    assert "Undo this link" in client.get(f"/line/calls/{earlier.pk}").content.decode()
    done = client.post(f"/line/links/{link.pk}/undo", {"undone_because": "It was her sister."})
    assert done["Location"] == f"/line/calls/{earlier.pk}"
    earlier.refresh_from_db()
    assert earlier.person is None


def test_a_call_is_corrected_on_its_page_and_shows_what_it_said_before(client, handler, line):
    call = ended_call(line, handler, called="Jo")
    client.force_login(handler)
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "Correct this call" in page
    started = timezone.localtime(call.started_at)
    stopped = timezone.localtime(call.ended_at)
    form = {
        "caller": "person",
        "called": "Jo",
        "next_steps": "Jo will ring her sister tonight.",
        "outcomes": ["support"],
        "started_on": f"{started:%d/%m/%Y}",
        "started_time": f"{started:%H:%M}",
        "ended_on": f"{stopped:%d/%m/%Y}",
        "ended_time": f"{stopped:%H:%M}",
    }
    refused = client.post(f"/line/calls/{call.pk}/correction", form)
    assert refused.status_code == 400
    assert "Say why in a short sentence" in refused.content.decode()
    assert not CallCorrection.objects.exists()
    form["because"] = "The next steps were typed wrong."
    done = client.post(f"/line/calls/{call.pk}/correction", form)
    assert done["Location"] == f"/line/calls/{call.pk}"
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "Ring again if it gets worse." in page  # what it said before
    assert "Jo will ring her sister tonight." in page


def test_the_persons_record_lists_their_calls_and_sanctuary_evenings(
    client, handler, line, sanctuary, known
):
    call = ended_call(line, handler, person=known)
    referral = Referral.objects.create(
        person=known,
        team=line,
        source="self",
        urgency="2",
        received_at=ago(minutes=30),
        reason="Passed on from the line",
    )
    ended_call(line, handler, 40, person=known, outcomes=["crisis_team"], referral=referral)
    SanctuaryVisit.objects.create(
        team=sanctuary, welcomed_by=handler, person=known, arrived_at=ago(hours=3), came="line"
    )
    client.force_login(handler)
    page = client.get(f"/people/{known.pk}").content.decode()
    # Said once (a fresh-eyes trial read "Referred to the crisis team (referred to the
    # crisis team)").
    assert page.count("eferred to the crisis team") == 1
    assert "Calls to the line" in page
    assert f"/line/calls/{call.pk}" in page
    assert "Evenings at the Sanctuary" in page
    assert "No evenings at the Sanctuary" not in page
    assert AuditEvent.objects.filter(
        actor=handler,
        record_type="firstresponse.call",
        record_id=str(call.pk),
        detail="person page",
    ).exists()


@pytest.mark.parametrize(
    "path",
    [
        "/line/calls/{call}/person",
        "/line/calls/{call}/links",
        "/line/calls/{call}/correction",
        "/line/links/{link}/undo",
    ],
)
def test_someone_on_another_team_is_refused_every_route(
    client, handler, line, known, outsider, path
):
    call = ended_call(line, handler, person=known)
    link = CallLink.objects.create(
        call=call, person=known, linked_by=handler, linked_at=ago(minutes=5), because="Same."
    )
    address = path.format(call=call.pk, link=link.pk)
    client.force_login(outsider)
    assert client.get(address).status_code == 404
    assert client.post(address, {"because": "A reason of several words."}).status_code == 404
    member = UserFactory(username="member2", role=Role.NETWORK_MEMBER)
    client.force_login(member)
    assert client.get(address).status_code == 403
    call.refresh_from_db()
    assert call.person == known
    assert not CallCorrection.objects.exists()
    assert CallLink.objects.get().undone_at is None


def test_a_double_post_of_the_new_person_form_records_one_person(client, handler, line):
    call = open_call(line, handler, called="Jo")
    client.force_login(handler)
    data = {
        "nhs_number": "9434765919",
        "given_name": "Jo",
        "family_name": "Example",
        "date_of_birth": "17/05/1990",
    }
    first = client.post(f"/line/calls/{call.pk}/person", sent_once(data))
    assert first["Location"] == f"/line/calls/{call.pk}"  # during a call: back to it
    again = client.post(f"/line/calls/{call.pk}/person", data)
    assert again.status_code == 400
    assert "already about a person" in again.content.decode()
    assert Person.objects.count() == 1
