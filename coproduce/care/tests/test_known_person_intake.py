"""No identity disclosure at intake (issue 18).

Creating a Patient or a referral for an NHS number already known never tells a user who
may not see that person (an outsider: not on their teams' caseloads) who the person is,
their record's id, or whether the date of birth matched. The attempt is audited; the
referral is received all the same (the receiving team sees the person once it accepts),
or the user is pointed to a referral and to break-glass. The same rule on the referral
page, the REST API and FHIR. The lead practitioner, who has the person on their team's
caseload, is still told when a date of birth does not match.
"""

import datetime as dt
import json
import re

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from coproduce.accounts.models import AuditEvent
from coproduce.api.fhir import mapping
from coproduce.care import referrals
from coproduce.care.models import Episode, Person, Referral
from coproduce.tooling.testing.factories import sent_once
from coproduce.web.jinja import format_date as date_filter

RIGHT_BIRTH = dt.date(1990, 5, 17)  # the factory's date of birth
WRONG_BIRTH = dt.date(1984, 2, 29)


@pytest.fixture
def known(person):
    """The lead's person, with a name no page would show by chance."""
    person.given_name, person.family_name = "Zephyrine", "Quillfeather"
    person.save()
    return person


def identity_in(text, person):
    """What would give the person away: their record's name or id, or a date match."""
    found = [
        clue
        for clue in (person.given_name, person.family_name, "does not match", "did not match")
        if clue in text
    ]
    if re.search(rf"Patient/{person.pk}\b|/people/{person.pk}\b", text):
        found.append("the record's id")
    return found


def withheld_events(actor, person):
    return list(
        AuditEvent.objects.filter(
            actor=actor, action="refused", record_type="care.person", record_id=str(person.pk)
        ).values_list("detail", flat=True)
    )


# The referral page -------------------------------------------------------------------


def intake(team, person, born, **overrides):
    now = timezone.localtime() - dt.timedelta(minutes=5)
    return {
        "nhs_number": person.formatted_nhs_number,
        "given_name": "Sam",
        "family_name": "Example",
        "date_of_birth": born.strftime("%d/%m/%Y"),
        "team": team.pk,
        "source": "nhs_111",
        "urgency": "4",
        "physical_health_need": "no",
        "reason": "Called 111 in distress.",
        "received_on": now.strftime("%d/%m/%Y"),
        "received_time": now.strftime("%H:%M"),
        **overrides,
    }


def test_it_tells_the_lead_that_the_date_of_birth_does_not_match(client, lead, team, known):
    client.force_login(lead)
    response = client.post("/referrals/new", sent_once(intake(team, known, WRONG_BIRTH)))
    assert response.status_code == 400
    assert "This date of birth does not match" in response.content.decode()
    assert not Referral.objects.exists()


def test_the_lead_sees_who_the_referral_is_for(client, lead, team, known):
    known.phone, known.email = "07700900456", "zq@example.com"
    known.save()
    client.force_login(lead)
    response = client.post(
        "/referrals/new", sent_once(intake(team, known, RIGHT_BIRTH)), follow=True
    )
    body = response.content.decode()
    assert "Referral for Zephyrine Quillfeather" in body
    assert withheld_events(lead, known) == []
    # And how to reach them, to answer it (helper-82 read "Also: Nothing more" and had to
    # open the record for the number).
    assert '<a href="tel:07700900456">07700 900456</a>' in body
    assert "zq@example.com" in body
    assert "Nothing more" not in body
    assert AuditEvent.objects.filter(
        actor=lead, action="viewed", record_id=str(known.pk), detail="referral page"
    ).exists()


@pytest.mark.parametrize("born", [RIGHT_BIRTH, WRONG_BIRTH])
def test_it_receives_an_outsiders_referral_without_saying_who_the_person_is(
    client, outsider, other_team, known, born
):
    client.force_login(outsider)
    response = client.post(
        "/referrals/new", sent_once(intake(other_team, known, born)), follow=True
    )
    body = response.content.decode()
    referral = Referral.objects.get()
    assert response.redirect_chain == [(f"/referrals/{referral.pk}", 302)]
    assert identity_in(body, known) == []
    assert "How to reach them" not in body  # their record's details are not the outsider's
    assert "known to another team" in body
    assert "Referral for Sam Example" in body  # as the referrer gave it
    assert (referral.person, referral.team) == (known, other_team)  # matched by NHS number
    assert (referral.referred_name, referral.referred_date_of_birth) == ("Sam Example", born)
    [event] = withheld_events(outsider, known)
    assert event.startswith("identity withheld: referral")
    assert ("did not match" in event) == (born != RIGHT_BIRTH)


def test_a_right_and_a_wrong_date_of_birth_look_the_same_to_an_outsider(
    client, outsider, other_team, known
):
    client.force_login(outsider)
    answers = []
    for born in (RIGHT_BIRTH, WRONG_BIRTH):
        body = intake(other_team, known, born, not_a_duplicate_because="Second crisis.")
        response = client.post(
            "/referrals/new", sent_once({**body, "separate": "yes"}), follow=True
        )
        page = response.content.decode()
        # What differs is what the referrer typed (shown back as referred), and the ids.
        page = page.replace(date_filter(born), "")  # the date as typed, shown as referred
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"|nonce="[^"]*"', "", page)
        page = re.sub(r"\d", "", page)  # ids, and clocks a minute apart
        answers.append((response.status_code, response.redirect_chain[0][1], page))
    assert answers[0] == answers[1]


def test_the_outsiders_lists_show_the_referred_name_not_the_records(
    client, outsider, other_team, known
):
    client.force_login(outsider)
    client.post("/referrals/new", sent_once(intake(other_team, known, RIGHT_BIRTH, urgency="1")))
    for address in ("/referrals", "/worklist"):
        body = client.get(address).content.decode()
        assert "Sam Example (as referred; known to another team)" in body
        assert identity_in(body, known) == []


def test_a_referral_to_another_team_takes_the_outsider_to_their_list(client, outsider, team, known):
    client.force_login(outsider)
    response = client.post(
        "/referrals/new", sent_once(intake(team, known, RIGHT_BIRTH)), follow=True
    )
    assert response.redirect_chain == [("/referrals", 302)]
    assert "Referral received by Home treatment team." in response.content.decode()
    assert identity_in(response.content.decode(), known) == []
    assert Referral.objects.get().team == team


def lead_refers(lead, team, known):
    return referrals.receive_referral(
        lead,
        person=known,
        team=team,
        source="gp",
        urgency="2",
        reason="Low mood.",
        physical_health_need=False,
    )


def test_an_outsider_is_told_nothing_of_a_recent_referral_to_another_team(
    client, lead, team, outsider, other_team, known
):
    """Found by a new user: "A referral for this NHS number was received recently by
    another team" told someone with no access of a person's recent crisis referral."""
    earlier = lead_refers(lead, team, known)
    client.force_login(outsider)
    response = client.post(
        "/referrals/new", sent_once(intake(other_team, known, RIGHT_BIRTH)), follow=True
    )
    body = response.content.decode()
    received = Referral.objects.exclude(pk=earlier.pk).get()
    assert response.redirect_chain == [(f"/referrals/{received.pk}", 302)]
    for clue in ("recently", "another team's referral", "Possible duplicate", "from GP"):
        assert clue not in body
    assert identity_in(body, known) == []
    assert (received.person, received.team) == (known, other_team)
    assert received.not_a_duplicate_because == ""
    [event] = withheld_events(outsider, known)
    assert "a recent referral to another team was not shown" in event


def test_an_outsider_is_still_offered_their_own_teams_recent_referral(
    client, lead, team, outsider, other_team, known
):
    lead_refers(lead, team, known)
    client.force_login(outsider)
    client.post("/referrals/new", sent_once(intake(other_team, known, RIGHT_BIRTH)))
    own = Referral.objects.get(team=other_team)
    response = client.post("/referrals/new", sent_once(intake(other_team, known, RIGHT_BIRTH)))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Possible duplicate referral" in body
    assert f'value="{own.pk}"' in body  # offered for merging
    assert body.count('name="merge_into"') == 1
    assert "from GP" not in body  # the lead's team's referral is not listed
    assert identity_in(body, known) == []
    assert Referral.objects.count() == 2


def accept(client, referral, user, **extra):
    moment = timezone.localtime() + dt.timedelta(hours=2)
    return client.post(
        f"/referrals/{referral.pk}",
        {
            "action": "accept",
            "lead": user.pk,
            "named_team": [user.pk],
            "initial_on": moment.strftime("%d/%m/%Y"),
            "initial_time": moment.strftime("%H:%M"),
            **extra,
        },
    )


def test_the_receiving_team_sees_the_person_once_it_accepts(client, outsider, other_team, known):
    client.force_login(outsider)
    client.post("/referrals/new", sent_once(intake(other_team, known, RIGHT_BIRTH)))
    referral = Referral.objects.get()
    assert client.get(f"/people/{known.pk}").status_code == 404
    accept(client, referral, outsider)
    assert Episode.objects.get(referral=referral).team == other_team
    assert (
        "Referral for Zephyrine Quillfeather"
        in client.get(f"/referrals/{referral.pk}").content.decode()
    )
    assert client.get(f"/people/{known.pk}").status_code == 200


def test_acceptance_checks_a_date_of_birth_that_did_not_match(client, outsider, other_team, known):
    client.force_login(outsider)
    client.post("/referrals/new", sent_once(intake(other_team, known, WRONG_BIRTH)))
    referral = Referral.objects.get()
    refused = accept(client, referral, outsider)
    assert refused.status_code == 400
    assert referrals.IDENTITY_TO_CHECK in refused.content.decode()
    assert not Episode.objects.filter(referral=referral).exists()
    accepted = accept(client, referral, outsider, identity_checked="on")
    episode = Episode.objects.get(referral=referral)
    assert accepted["Location"] == f"/episodes/{episode.pk}"
    event = AuditEvent.objects.get(
        record_type="care.episode", record_id=str(episode.pk), action="created"
    )
    assert "identity checked" in event.detail


def test_a_refused_acceptance_does_not_say_what_did_not_match(client, outsider, other_team, known):
    """Found by a new user: "The date of birth given with this referral is not the one on
    the record" told someone without access whether a guessed date of birth was right."""
    client.force_login(outsider)
    client.post("/referrals/new", sent_once(intake(other_team, known, WRONG_BIRTH)))
    referral = Referral.objects.get()
    body = accept(client, referral, outsider).content.decode()
    assert (
        "These details need checking before the referral can be accepted: confirm the NHS "
        "number and date of birth with the referrer" in body
    )
    for clue in ("not the one on the record", "date of birth given", "does not match"):
        assert clue not in body
    assert identity_in(body, known) == []
    [refusal] = AuditEvent.objects.filter(
        actor=outsider, action="refused", record_type="care.referral", record_id=str(referral.pk)
    ).values_list("detail", flat=True)
    assert refusal == (
        "acceptance refused until identity is checked: the date of birth given did not "
        "match the record"
    )


# The REST API ------------------------------------------------------------------------


def api_as(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def referral_body(team, person, born, **overrides):
    return {
        "nhs_number": person.nhs_number,
        "given_name": "Sam",
        "family_name": "Example",
        "date_of_birth": born.isoformat(),
        "team": team.pk,
        "source": "ambulance",
        "urgency": "4",
        "reason": "On scene; distressed.",
        "physical_health_need": False,
        **overrides,
    }


def test_the_api_tells_the_lead_that_the_date_of_birth_does_not_match(lead, team, known):
    response = api_as(lead).post(
        "/api/v1/referrals", referral_body(team, known, WRONG_BIRTH), format="json"
    )
    assert response.status_code == 400
    assert "does not match" in response.json()["date_of_birth"][0]
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_the_api_says_nothing_of_the_person_to_an_outsider(outsider, other_team, known):
    api = api_as(outsider)
    bodies = []
    for born in (RIGHT_BIRTH, WRONG_BIRTH):
        response = api.post(
            "/api/v1/referrals",
            referral_body(other_team, known, born, not_a_duplicate_because="Again."),
            format="json",
        )
        assert response.status_code == 201
        assert identity_in(response.content.decode(), known) == []
        body = response.json()
        assert body["person_known_elsewhere"] is True
        bodies.append(
            {k: v for k, v in body.items() if k not in {"id", "received_at", "respond_by"}}
        )
    assert bodies[0] == bodies[1]
    assert {r.person for r in Referral.objects.all()} == {known}
    assert len(withheld_events(outsider, known)) == 2


def test_the_api_says_nothing_of_another_teams_recent_referral(
    lead, team, outsider, other_team, known
):
    first = api_as(lead).post(
        "/api/v1/referrals", referral_body(team, known, RIGHT_BIRTH), format="json"
    )
    assert first.json()["person_known_elsewhere"] is False
    api = api_as(outsider)
    response = api.post(
        "/api/v1/referrals", referral_body(other_team, known, RIGHT_BIRTH), format="json"
    )
    assert response.status_code == 201
    assert "recent" not in response.content.decode()
    assert Referral.objects.get(pk=response.json()["id"]).not_a_duplicate_because == ""
    assert identity_in(response.content.decode(), known) == []
    assert "a recent referral to another team was not shown" in withheld_events(outsider, known)[0]
    # Their own team's referral, a moment ago, is still found as a duplicate.
    again = api.post(
        "/api/v1/referrals", referral_body(other_team, known, RIGHT_BIRTH), format="json"
    )
    assert again.status_code == 409
    assert again.json()["existing"] == [response.json()["id"]]
    assert "another team" not in again.content.decode()
    assert Referral.objects.count() == 2


# FHIR ----------------------------------------------------------------------------------


def fhir_post(client, resource_type, body):
    return client.post(
        f"/fhir/r4/{resource_type}", json.dumps(body), content_type="application/fhir+json"
    )


def patient_body(person, born):
    return {
        "resourceType": "Patient",
        "identifier": [{"system": mapping.NHS_NUMBER, "value": person.nhs_number}],
        "name": [{"family": "Example", "given": ["Sam"]}],
        "birthDate": born.isoformat(),
    }


def test_fhir_gives_the_lead_their_patient_and_names_a_wrong_birth_date(lead, known):
    fhir = api_as(lead)
    response = fhir_post(fhir, "Patient", patient_body(known, RIGHT_BIRTH))
    assert response.status_code == 201
    assert response.json()["id"] == str(known.pk)
    wrong = fhir_post(fhir, "Patient", patient_body(known, WRONG_BIRTH))
    assert wrong.status_code == 400
    assert wrong.json()["issue"][0]["expression"] == ["Patient.birthDate"]


def test_fhir_tells_an_outsider_nothing_of_the_patient_and_offers_a_referral(outsider, known):
    fhir = api_as(outsider)
    answers = []
    for born in (RIGHT_BIRTH, WRONG_BIRTH):
        response = fhir_post(fhir, "Patient", patient_body(known, born))
        assert response.status_code == 409
        text = response.content.decode()
        assert identity_in(text, known) == []
        assert '"id"' not in text
        answers.append(text)
    assert answers[0] == answers[1]  # a matching birth date is not given away
    issue = json.loads(answers[0])["issue"][0]
    assert issue["expression"] == ["Patient.identifier"]
    assert "ServiceRequest" in issue["diagnostics"]
    assert "break-glass" in issue["diagnostics"]
    assert Person.objects.count() == 1
    known.refresh_from_db()
    assert known.family_name == "Quillfeather"  # nothing written over the record
    events = withheld_events(outsider, known)
    assert len(events) == 2
    assert all(e.startswith("identity withheld: Patient create") for e in events)


def test_a_patient_on_no_caseload_is_told_to_no_one_but_who_registered_them(lead, outsider):
    """Found by a new user: a Patient registered over FHIR with no referral was "known to
    no team", so anyone with its NHS number and date of birth got its name and mobile."""
    registered = fhir_post(
        api_as(outsider),
        "Patient",
        {
            "resourceType": "Patient",
            "identifier": [{"system": mapping.NHS_NUMBER, "value": "9434765919"}],
            "name": [{"family": "Quillfeather", "given": ["Zephyrine"]}],
            "birthDate": RIGHT_BIRTH.isoformat(),
            "telecom": [{"system": "phone", "value": "07700900982", "use": "mobile"}],
        },
    )
    assert registered.status_code == 201
    person = Person.objects.get(nhs_number="9434765919")
    guess = fhir_post(api_as(lead), "Patient", patient_body(person, RIGHT_BIRTH))
    assert guess.status_code == 409
    assert identity_in(guess.content.decode(), person) == []
    assert "07700900982" not in guess.content.decode()
    again = fhir_post(api_as(outsider), "Patient", patient_body(person, RIGHT_BIRTH))
    assert again.json()["id"] == str(person.pk)  # who registered them still may


def test_an_outsiders_fhir_referral_is_received_without_the_patient_it_belongs_to(
    lead, outsider, other_team, known
):
    fhir = api_as(outsider)
    body = {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "priority": "asap",
        "subject": {
            "identifier": {"system": mapping.NHS_NUMBER, "value": known.nhs_number},
            "display": "Sam Example",
        },
        "performer": [{"reference": f"HealthcareService/{other_team.pk}"}],
        "reasonCode": [{"text": "Crew on scene; distressed."}],
    }
    created = fhir_post(fhir, "ServiceRequest", body)
    assert created.status_code == 201
    referral = Referral.objects.get()
    assert (referral.person, referral.referred_name) == (known, "Sam Example")
    read = fhir.get(f"/fhir/r4/ServiceRequest/{referral.pk}")
    for text in (created.content.decode(), read.content.decode()):
        assert identity_in(text, known) == []
        assert known.nhs_number in text  # the number it came with, and no more
    assert withheld_events(outsider, known) == [
        "identity withheld: FHIR ServiceRequest for an NHS number known to another team"
    ]
    # The lead, who has the person on their caseload, sees whose it is.
    other_team.staff.add(lead)
    assert (
        f"Patient/{known.pk}"
        in api_as(lead).get(f"/fhir/r4/ServiceRequest/{referral.pk}").content.decode()
    )


def test_fhir_says_nothing_of_another_teams_recent_referral(
    lead, team, outsider, other_team, known
):
    earlier = lead_refers(lead, team, known)
    body = {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "priority": "asap",
        "subject": {"identifier": {"system": mapping.NHS_NUMBER, "value": known.nhs_number}},
        "performer": [{"reference": f"HealthcareService/{other_team.pk}"}],
        "reasonCode": [{"text": "Crew on scene; distressed."}],
    }
    fhir = api_as(outsider)
    created = fhir_post(fhir, "ServiceRequest", body)
    assert created.status_code == 201
    assert "recent" not in created.content.decode()
    assert identity_in(created.content.decode(), known) == []
    received = Referral.objects.exclude(pk=earlier.pk).get()
    assert "a recent referral to another team was not shown" in withheld_events(outsider, known)[0]
    again = fhir_post(fhir, "ServiceRequest", body)  # their own team's, a moment ago
    assert again.status_code == 409
    assert f"ServiceRequest/{received.pk}" in again.content.decode()
    assert f"ServiceRequest/{earlier.pk}" not in again.content.decode()
    assert "another team" not in again.content.decode()
