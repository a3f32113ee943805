"""The FHIR R4 face: UK Core-profiled resources that validate with fhir.resources."""

import datetime as dt
import json

import pytest
from fhir.resources.R4B.appointment import Appointment
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.servicerequest import ServiceRequest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from coproduce.accounts.models import AuditEvent
from coproduce.api.fhir import mapping
from coproduce.care import plans, referrals
from coproduce.care.models import Person, Referral, SafetyPlan
from coproduce.tooling.testing.factories import ContactFactory

FHIR = "application/fhir+json"


@pytest.fixture
def fhir(lead):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=lead)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def post(client, resource_type, body):
    return client.post(f"/fhir/r4/{resource_type}", json.dumps(body), content_type=FHIR)


def patient_body(nhs="9434765919"):
    return {
        "resourceType": "Patient",
        "identifier": [{"system": mapping.NHS_NUMBER, "value": nhs}],
        "name": [{"family": "Example", "given": ["Robin"]}],
        "birthDate": "1990-05-17",
    }


def service_request_body(team, nhs="9434765919", **overrides):
    return {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "priority": "asap",
        "subject": {"identifier": {"system": mapping.NHS_NUMBER, "value": nhs}},
        "performer": [{"reference": f"HealthcareService/{team.pk}"}],
        "authoredOn": "2026-11-21T10:00:00+00:00",
        "reasonCode": [{"text": "Crew on scene; no physical health need; distressed."}],
        "requester": {"display": "Ambulance crew 4411"},
        "extension": [
            {
                "url": mapping.SOURCE_OF_SERVICE_REQUEST,
                "valueCodeableConcept": {
                    "coding": [{"system": mapping.SOURCE_SYSTEM, "code": "ambulance"}]
                },
            },
            {"url": mapping.PHYSICAL_HEALTH_NEED, "valueBoolean": False},
        ],
        **overrides,
    }


def issue(response):
    body = OperationOutcome.model_validate(response.json())
    return body.issue[0]


def test_metadata_lists_the_five_resources(client, db):
    response = client.get("/fhir/r4/metadata")
    statement = CapabilityStatement.model_validate(response.json())
    assert response["Content-Type"].startswith(FHIR)
    kinds = {r.type: {i.code for i in r.interaction} for r in statement.rest[0].resource}
    assert kinds == {
        name: {"read", "create"}
        for name in ["Patient", "ServiceRequest", "Encounter", "Appointment", "CarePlan"]
    }


def test_a_referral_round_trips_as_a_service_request(fhir, team):
    assert post(fhir, "Patient", patient_body()).status_code == 201
    response = post(fhir, "ServiceRequest", service_request_body(team))
    assert response.status_code == 201, response.json()
    referral = Referral.objects.get()
    assert response["Location"] == f"ServiceRequest/{referral.pk}"
    assert (referral.source, referral.urgency, referral.received_via) == ("ambulance", "4", "fhir")
    assert referral.received_at == dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)
    assert referral.referrer == "Ambulance crew 4411"

    read = fhir.get(f"/fhir/r4/ServiceRequest/{referral.pk}")
    assert read["Content-Type"].startswith(FHIR)
    resource = ServiceRequest.model_validate(read.json())
    assert resource.meta.profile == [mapping.UK_CORE + "ServiceRequest"]
    assert (resource.status, resource.intent, resource.priority) == ("active", "order", "asap")
    assert resource.subject.identifier.value == "9434765919"
    assert resource.reasonCode[0].text == "Crew on scene; no physical health need; distressed."
    assert mapping.referral_input(resource)["urgency"] == "4"  # reads back as what was sent
    assert AuditEvent.objects.filter(action="viewed", record_type="care.referral").exists()


def test_a_patient_round_trips(fhir, db):
    created = post(fhir, "Patient", patient_body())
    person = Person.objects.get()
    assert created.json()["id"] == str(person.pk)
    resource = Patient.model_validate(created.json())
    assert resource.identifier[0].value == "9434765919"
    assert resource.birthDate == dt.date(1990, 5, 17)


def test_a_patient_is_never_stored_by_a_browser_or_cache(fhir, person):
    for answer in (
        post(fhir, "Patient", patient_body()),
        fhir.get(f"/fhir/r4/Patient/{person.pk}"),
    ):
        assert {"no-store", "private"} <= set(answer["Cache-Control"].split(", "))
    assert "Cache-Control" not in APIClient().get("/fhir/r4/metadata")


@pytest.mark.parametrize(
    ("change", "expression", "words"),
    [
        ({"intent": None}, "ServiceRequest.intent", "required"),
        ({"priority": "whenever"}, "ServiceRequest.priority", "routine, urgent, asap or stat"),
        ({"reasonCode": None}, "ServiceRequest.reasonCode", "reason"),
        ({"performer": None}, "ServiceRequest.performer", "HealthcareService"),
        ({"authoredOn": "2099-01-01T00:00:00+00:00"}, "ServiceRequest.authoredOn", "future"),
        ({"resourceType": "Patient"}, "ServiceRequest.resourceType", "resourceType"),
    ],
)
def test_a_service_request_that_does_not_validate_is_refused_by_element(
    fhir, team, change, expression, words
):
    post(fhir, "Patient", patient_body())
    body = {k: v for k, v in {**service_request_body(team), **change}.items() if v is not None}
    response = post(fhir, "ServiceRequest", body)
    assert response.status_code == 400
    found = issue(response)
    assert found.expression == [expression]
    assert words in found.diagnostics
    assert not Referral.objects.exists()


def test_an_invalid_nhs_number_is_refused(fhir, db):
    response = post(fhir, "Patient", patient_body(nhs="9434765918"))
    assert response.status_code == 400
    assert issue(response).expression == ["Patient.identifier"]
    assert not Person.objects.exists()


def test_a_referral_for_an_unknown_patient_is_refused(fhir, team):
    response = post(fhir, "ServiceRequest", service_request_body(team))
    assert response.status_code == 400
    assert "create the Patient first" in issue(response).diagnostics


def test_a_body_that_is_not_json_is_refused(fhir, db):
    response = fhir.post("/fhir/r4/Patient", b"{not json", content_type=FHIR)
    assert response.status_code == 400
    assert "cannot be read as JSON" in issue(response).diagnostics


def nested_extensions(levels):
    """A Patient whose extension holds an extension … ``levels`` deep, as JSON text
    (json.dumps itself gives up on thousands of levels)."""
    patient = json.dumps({**patient_body(), "extension": []})
    one = '[{"url": "https://example.org/nested", "extension": '
    return patient.replace('"extension": []', '"extension": ' + one * levels + "[]" + "}]" * levels)


@pytest.mark.parametrize("levels", [20, 2500])
def test_json_nested_too_deep_is_refused_with_an_operation_outcome(fhir, db, levels):
    response = fhir.post("/fhir/r4/Patient", nested_extensions(levels), content_type=FHIR)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    assert issue(response).diagnostics == (
        "The body cannot be read as JSON: JSON nested more than 32 levels deep cannot be read"
    )
    assert not Person.objects.exists()


def test_json_nested_within_the_limit_is_read(fhir, db):
    response = fhir.post("/fhir/r4/Patient", nested_extensions(15), content_type=FHIR)
    assert response.status_code == 201  # 31 levels of JSON
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    ("content_type", "status", "code"),
    [("text/plain", 415, "not-supported"), ("application/fhir+json", 405, "not-supported")],
)
def test_what_drf_refuses_itself_is_still_an_operation_outcome(
    fhir, db, content_type, status, code
):
    if status == 405:
        response = fhir.put("/fhir/r4/Patient", b"{}", content_type=content_type)
    else:
        response = fhir.post("/fhir/r4/Patient", b"{}", content_type=content_type)
    assert response.status_code == status
    assert issue(response).code == code
    assert not Person.objects.exists()


def test_a_duplicate_referral_is_not_created(fhir, team):
    post(fhir, "Patient", patient_body())
    post(fhir, "ServiceRequest", service_request_body(team))
    response = post(fhir, "ServiceRequest", service_request_body(team))
    assert response.status_code == 409
    assert Referral.objects.count() == 1


def test_the_physical_health_screen_applies(fhir, db, lead):
    from coproduce.care.models import Team
    from coproduce.tooling.testing.factories import TeamFactory

    vehicle = TeamFactory(kind=Team.Kind.RESPONSE_VEHICLE)
    post(fhir, "Patient", patient_body())
    body = service_request_body(vehicle)
    body["extension"][1]["valueBoolean"] = True
    response = post(fhir, "ServiceRequest", body)
    assert response.status_code == 400
    assert issue(response).expression == ["ServiceRequest.team"]


def test_encounter_appointment_and_care_plan_read_as_valid_resources(fhir, lead, episode):
    contact = ContactFactory(episode=episode, staff=lead, duration_minutes=30)
    referral = referrals.receive_referral(
        lead,
        person=episode.person,
        team=episode.team,
        source="gp",
        urgency="2",
        reason="r",
        physical_health_need=False,
    )
    accepted = referrals.accept_referral(
        lead,
        referral,
        lead=lead,
        named_team=[lead],
        initial_at=referral.received_at + dt.timedelta(hours=1),
    )
    plan = plans.save_new_version(
        lead, SafetyPlan, episode.person, {"warning_signs": "Not sleeping"}
    )

    encounter = Encounter.model_validate(fhir.get(f"/fhir/r4/Encounter/{contact.pk}").json())
    assert (encounter.status, encounter.length.value) == ("finished", 30)
    appointment_id = accepted.appointments.get(review_day=7).pk
    appointment = Appointment.model_validate(
        fhir.get(f"/fhir/r4/Appointment/{appointment_id}").json()
    )
    assert appointment.description == "Review (day 7)"
    care_plan = CarePlan.model_validate(fhir.get(f"/fhir/r4/CarePlan/{plan.pk}").json())
    assert care_plan.title == "Safety plan"
    assert "My warning signs: Not sleeping" in care_plan.description


def test_reads_are_scoped_to_the_caseload_and_need_a_token(lead, outsider, person):
    anonymous = APIClient()
    response = anonymous.get(f"/fhir/r4/Patient/{person.pk}")
    assert response.status_code == 401
    assert issue(response).code == "login"
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=outsider).key}")
    response = other.get(f"/fhir/r4/Patient/{person.pk}")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(actor=outsider, action="refused").exists()


def test_a_network_member_cannot_use_fhir(member, person):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=member).key}")
    response = client.get(f"/fhir/r4/Patient/{person.pk}")
    assert response.status_code == 403


@pytest.fixture
def accepted(lead, colleague, person, team):
    referral = referrals.receive_referral(
        lead,
        person=person,
        team=team,
        source="gp",
        urgency="2",
        reason="r",
        physical_health_need=False,
        received_at=dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC),
    )
    return referrals.accept_referral(
        lead,
        referral,
        lead=lead,
        named_team=[colleague],
        initial_at=dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC),
        accepted_at=dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.UTC),
    )


def test_a_contact_round_trips_as_an_encounter(fhir, lead, accepted):
    from coproduce.care.models import Contact

    first = ContactFactory(
        episode=accepted,
        staff=lead,
        next_steps="Call at ten.",
        options_given="Sanctuary tonight.",
        occurred_at=dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC),
    )
    read = fhir.get(f"/fhir/r4/Encounter/{first.pk}").json()
    read.pop("id")
    response = post(fhir, "Encounter", read)
    assert response.status_code == 201, response.json()
    second = Contact.objects.exclude(pk=first.pk).get()
    for field in (
        "mode",
        "persons_words",
        "options_given",
        "shared_understanding",
        "next_steps",
        "occurred_at",
    ):
        assert getattr(second, field) == getattr(first, field)
    assert Encounter.model_validate(response.json()).status == "finished"


def test_an_encounter_without_next_steps_is_refused(fhir, lead, accepted):
    contact = ContactFactory(
        episode=accepted, staff=lead, occurred_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    )
    body = fhir.get(f"/fhir/r4/Encounter/{contact.pk}").json()
    body.pop("id")
    listen = body["extension"][0]["extension"]
    body["extension"][0]["extension"] = [p for p in listen if p["url"] != "next_steps"]
    response = post(fhir, "Encounter", body)
    assert response.status_code == 400
    assert issue(response).expression == ["Encounter.extension[listen-contact].next_steps"]


def test_an_encounter_in_the_future_is_refused_by_element(fhir, lead, accepted):
    from coproduce.care.models import Contact

    contact = ContactFactory(
        episode=accepted, staff=lead, occurred_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    )
    body = fhir.get(f"/fhir/r4/Encounter/{contact.pk}").json()
    body.pop("id")
    in_an_hour = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    body["period"] = {"start": in_an_hour.isoformat()}
    response = post(fhir, "Encounter", body)
    assert response.status_code == 400
    found = issue(response)
    assert found.expression == ["Encounter.period.start"]
    assert found.diagnostics == "The contact cannot be in the future"
    assert list(Contact.objects.all()) == [contact]


def test_an_appointment_is_booked_through_fhir_with_the_named_team_rule(fhir, lead, team, accepted):
    from coproduce.tooling.testing.factories import UserFactory

    stranger = UserFactory()
    team.staff.add(stranger)
    body = {
        "resourceType": "Appointment",
        "status": "booked",
        "appointmentType": {
            "coding": [{"system": mapping.APPOINTMENT_KIND_SYSTEM, "code": "planned_intervention"}]
        },
        "basedOn": [{"reference": f"ServiceRequest/{accepted.referral_id}"}],
        "start": "2026-11-05T10:00:00+00:00",
        "participant": [
            {"actor": {"reference": f"Practitioner/{stranger.pk}"}, "status": "accepted"}
        ],
    }
    refused = post(fhir, "Appointment", body)
    assert refused.status_code == 400
    assert issue(refused).expression == ["Appointment.outside_named_team_because"]
    response = post(fhir, "Appointment", {**body, "comment": "Named team on leave."})
    assert response.status_code == 201
    booked = Appointment.model_validate(response.json())
    assert booked.comment == "Named team on leave."
    assert booked.appointmentType.coding[0].code == "planned_intervention"


def test_an_appointment_before_acceptance_is_refused(fhir, lead, accepted):
    body = {
        "resourceType": "Appointment",
        "status": "booked",
        "appointmentType": {
            "coding": [{"system": mapping.APPOINTMENT_KIND_SYSTEM, "code": "review"}]
        },
        "basedOn": [{"reference": f"ServiceRequest/{accepted.referral_id}"}],
        "start": "2026-10-01T10:00:00+00:00",
        "participant": [{"actor": {"reference": f"Practitioner/{lead.pk}"}, "status": "accepted"}],
    }
    response = post(fhir, "Appointment", body)
    assert response.status_code == 400
    assert issue(response).expression == ["Appointment.starts_at"]


def test_a_safety_plan_round_trips_as_a_care_plan(fhir, lead, person, episode):
    first = plans.save_new_version(
        lead,
        SafetyPlan,
        person,
        {"warning_signs": "Not sleeping", "reasons_for_living": "My niece"},
    )
    read = fhir.get(f"/fhir/r4/CarePlan/{first.pk}").json()
    read.pop("id")
    read["note"][0]["text"] = "My warning signs: Not eating"
    response = post(fhir, "CarePlan", read)
    assert response.status_code == 201, response.json()
    current = plans.current(SafetyPlan, person)
    assert (current.version, current.warning_signs, current.reasons_for_living) == (
        2,
        "Not eating",
        "My niece",
    )
    first.refresh_from_db()
    assert first.warning_signs == "Not sleeping"  # the old version is kept


def test_a_care_plan_with_an_unknown_section_is_refused(fhir, person, episode):
    body = {
        "resourceType": "CarePlan",
        "status": "active",
        "intent": "plan",
        "subject": {"reference": f"Patient/{person.pk}"},
        "note": [{"text": "Shopping list: milk"}],
    }
    response = post(fhir, "CarePlan", body)
    assert response.status_code == 400
    assert issue(response).expression == ["CarePlan.note"]
    assert not SafetyPlan.objects.exists()


def test_an_outsider_cannot_write_a_care_plan(outsider, person, episode):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=outsider).key}")
    body = {
        "resourceType": "CarePlan",
        "status": "active",
        "intent": "plan",
        "subject": {"reference": f"Patient/{person.pk}"},
        "note": [{"text": "My warning signs: x"}],
    }
    assert post(client, "CarePlan", body).status_code == 404
    assert not SafetyPlan.objects.exists()


@pytest.mark.parametrize("path", ["Patient/abc", "Bundle/1", "Patient/1/_history", "nothing"])
def test_an_address_the_server_does_not_offer_is_answered_in_fhir(fhir, client, path):
    """helper-83 read the web's "Page not found" page, as HTML, for Patient/abc."""
    response = fhir.get(f"/fhir/r4/{path}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith(FHIR)
    found = issue(response)
    assert found.code == "not-found"
    assert "reads Patient, ServiceRequest" in found.diagnostics
    assert client.get(f"/fhir/r4/{path}").status_code == 401  # no token: who is asking?


def test_a_search_says_the_server_does_not_search_and_what_it_does_instead(fhir):
    """helper-84 read DRF's "Method "GET" not allowed." for /fhir/r4/Patient?name=x."""
    response = fhir.get("/fhir/r4/Patient?family=Example")
    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"
    assert response["Content-Type"].startswith(FHIR)
    found = issue(response)
    assert found.code == "not-supported"
    assert "does not search Patient. Read one by its number (for example Patient/123)" in (
        found.diagnostics
    )
