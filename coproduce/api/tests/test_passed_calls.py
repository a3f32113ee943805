"""NHS 111 (option 2) and the police pass a call to the First Response line, by REST and
as a FHIR ServiceRequest (ADR 0015). Every response is checked against the OpenAPI
document (REST) or validated as FHIR."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.servicerequest import ServiceRequest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from coproduce.accounts.models import AuditEvent, Role
from coproduce.api.fhir import mapping
from coproduce.api.permissions import PARTNER_ONLY
from coproduce.care.models import Person, Referral, Team
from coproduce.firstresponse import services
from coproduce.firstresponse.models import PassedCall
from coproduce.tooling.testing.factories import (
    EpisodeFactory,
    PersonFactory,
    TeamFactory,
    UserFactory,
    line_partner,
)
from coproduce.tooling.testing.openapi import CheckedAPIClient

FHIR = "application/fhir+json"
AT_RISK = "He told the officer he wants to end his life tonight."


@pytest.fixture
def line(db):
    return TeamFactory(name="First Response line", kind=Team.Kind.CRISIS_LINE)


registered = line_partner


@pytest.fixture
def police(line):
    return registered("police", line, "police")


def with_token(client, user):
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def api(police):
    return with_token(CheckedAPIClient(), police.user)


def body(line, **overrides):
    return {
        "passed_by": "police",
        "partner_reference": "CC-2026-1203-0042",
        "line": line.pk,
        "urgency": "4",
        "reason": "Found on the bridge, calm now, agreed to talk to the line.",
        "phone": "07700 900456",
        "called": "Lee",
        "area": "Peterborough",
        **overrides,
    }


# REST ------------------------------------------------------------------------------------


def test_the_police_pass_a_call_by_rest(api, line):
    response = api.post("/api/v1/passed-calls", body(line), format="json")
    assert response.status_code == 201
    passed = PassedCall.objects.get()
    assert response.json()["id"] == passed.pk
    assert response.json()["status"] == "waiting"
    assert (passed.team, passed.passed_by, passed.partner_reference) == (
        line,
        "police",
        "CC-2026-1203-0042",
    )
    assert (passed.called, passed.area, passed.urgency) == ("Lee", "Peterborough", "4")


def test_a_partner_of_one_line_need_not_name_it_and_a_wrong_line_is_told_theirs(api, line, police):
    """A partner system need not look up the line's id when it passes to one line only;
    a wrong id is answered with the lines its account passes to (found by a fresh-eyes
    trial: nothing said which id was right)."""
    sent = {k: v for k, v in body(line).items() if k != "line"}
    response = api.post("/api/v1/passed-calls", sent, format="json")
    assert response.status_code == 201
    assert PassedCall.objects.get().team == line
    other = TeamFactory(name="Another service")
    wrong = api.post("/api/v1/passed-calls", body(other, partner_reference="CC-2"), format="json")
    assert wrong.status_code == 400
    assert f"your account passes calls to line {line.pk} (First Response line)" in str(wrong.json())
    second = TeamFactory(name="Second line", kind=Team.Kind.CRISIS_LINE)
    police.lines.add(second)  # two lines: it must say which
    unnamed = api.post("/api/v1/passed-calls", {**sent, "partner_reference": "CC-3"}, format="json")
    assert unnamed.status_code == 400
    assert PassedCall.objects.count() == 1


def test_a_duplicate_post_is_answered_with_the_call_already_passed(api, line):
    first = api.post("/api/v1/passed-calls", body(line), format="json")
    again = api.post("/api/v1/passed-calls", body(line), format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert PassedCall.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATED).count() == 1


def test_it_names_each_malformed_field_and_writes_nothing(api, line):
    response = api.post(
        "/api/v1/passed-calls",
        body(line, urgency="now", reason="<b>help</b>", nhs_number="123", phone=""),
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"urgency", "reason", "nhs_number", "phone"}
    assert not PassedCall.objects.exists()


def test_it_names_what_the_service_refuses(api, line):
    response = api.post(
        "/api/v1/passed-calls", {**body(line, phone="not a number"), "line": 99999}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"phone", "line"}
    assert not PassedCall.objects.exists()


def test_a_partner_without_the_scope_is_refused(line, lead, police):
    anonymous = CheckedAPIClient().post("/api/v1/passed-calls", body(line), format="json")
    assert anonymous.status_code == 401
    # A clinical account not registered as a partner: 403, saying why.
    unregistered = with_token(CheckedAPIClient(), lead)
    response = unregistered.post("/api/v1/passed-calls", body(line), format="json")
    assert response.status_code == 403
    assert "not registered" in response.json()["detail"]
    # A role without the capability at all.
    analyst = with_token(CheckedAPIClient(), UserFactory(username="an", role=Role.ANALYST))
    assert analyst.post("/api/v1/passed-calls", body(line), format="json").status_code == 403
    # The police cannot pass a call as NHS 111.
    as_111 = with_token(CheckedAPIClient(), police.user).post(
        "/api/v1/passed-calls", body(line, passed_by="nhs_111"), format="json"
    )
    assert as_111.status_code == 403
    assert not PassedCall.objects.exists()


def test_a_person_known_to_another_team_is_not_revealed(api, line):
    person = EpisodeFactory(team=TeamFactory(name="Another team")).person
    response = api.post(
        "/api/v1/passed-calls", body(line, nhs_number=person.nhs_number), format="json"
    )
    assert response.status_code == 201
    assert response.json()["person_known_elsewhere"] is True
    assert person.given_name not in response.content.decode()


# FHIR ------------------------------------------------------------------------------------


@pytest.fixture
def nhs_111(line):
    return registered("nhs_111", line, "nhs111")


@pytest.fixture
def fhir(nhs_111):
    return with_token(APIClient(), nhs_111.user)


def post(client, resource):
    return client.post("/fhir/r4/ServiceRequest", json.dumps(resource), content_type=FHIR)


def passed_request(line, **overrides):
    return {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "priority": "urgent",
        "identifier": [{"system": "https://111.example/case", "value": "111-CASE-77"}],
        "contained": [
            {
                "resourceType": "Patient",
                "id": "caller",
                "name": [{"given": ["Sam"]}],
                "telecom": [{"system": "phone", "value": "07700 900123"}],
                "address": [{"district": "Wisbech"}],
            }
        ],
        "subject": {"reference": "#caller"},
        "performer": [{"reference": f"HealthcareService/{line.pk}"}],
        "reasonCode": [{"text": "Option 2: low mood, wants to talk tonight."}],
        "extension": [
            {
                "url": mapping.SOURCE_OF_SERVICE_REQUEST,
                "valueCodeableConcept": {
                    "coding": [{"system": mapping.SOURCE_SYSTEM, "code": "nhs_111"}]
                },
            }
        ],
        **overrides,
    }


def test_nhs_111_passes_a_call_as_a_fhir_service_request(fhir, line):
    response = post(fhir, passed_request(line))
    assert response.status_code == 201
    passed = PassedCall.objects.get()
    assert response["Location"] == f"ServiceRequest/line-{passed.pk}"
    returned = ServiceRequest.model_validate(response.json())
    assert returned.meta.profile == [mapping.UK_CORE + "ServiceRequest"]
    assert returned.status == "active"
    assert (passed.passed_by, passed.partner_reference, passed.urgency) == (
        "nhs_111",
        "111-CASE-77",
        "2",
    )
    assert (passed.called, passed.phone, passed.area) == ("Sam", "07700 900123", "Wisbech")
    assert not Referral.objects.exists()


def test_a_fhir_duplicate_is_taken_once(fhir, line):
    first = post(fhir, passed_request(line))
    again = post(fhir, passed_request(line))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first["Location"] == again["Location"]
    assert PassedCall.objects.count() == 1


def test_fhir_names_every_wrong_element_and_writes_nothing(fhir, line):
    wrong = passed_request(
        line,
        priority=None,
        reasonCode=None,
        contained=[{"resourceType": "Patient", "id": "caller", "name": [{"given": ["Sam"]}]}],
        subject={
            "reference": "#caller",
            "identifier": {"system": mapping.NHS_NUMBER, "value": "1234567890"},
        },
    )
    response = post(fhir, {k: v for k, v in wrong.items() if v is not None})
    assert response.status_code == 400
    outcome = OperationOutcome.model_validate(response.json())
    named = {i.expression[0] for i in outcome.issue}
    assert named == {
        "ServiceRequest.priority",
        "ServiceRequest.reasonCode",
        "ServiceRequest.contained[Patient].telecom",
        "ServiceRequest.subject.identifier",
    }
    assert not PassedCall.objects.exists()


def test_fhir_without_who_passes_it_is_refused_naming_the_extension(fhir, line):
    response = post(fhir, passed_request(line, extension=[]))
    assert response.status_code == 400
    assert (
        "SourceOfServiceRequest"
        in OperationOutcome.model_validate(response.json()).issue[0].expression[0]
    )
    assert not PassedCall.objects.exists()


def test_fhir_refuses_an_account_that_is_not_a_partner(lead, line):
    client = with_token(APIClient(), lead)
    response = post(client, passed_request(line))
    assert response.status_code == 403
    assert OperationOutcome.model_validate(response.json()).issue[0].code == "forbidden"
    assert not PassedCall.objects.exists()


def test_fhir_risk_is_screened_at_once(fhir, line):
    post(fhir, passed_request(line, reasonCode=[{"text": AT_RISK}]))
    assert "risk_to_life" in PassedCall.objects.get().risk_concerns


def test_a_service_request_to_another_team_is_still_a_referral(fhir, lead, team):
    """The line is named by the performer: a ServiceRequest to a crisis team stays a
    referral (and needs an NHS number), as before; a line partner may not make one."""
    refused = post(fhir, passed_request(team))
    assert refused.status_code == 403
    assert OperationOutcome.model_validate(refused.json()).issue[0].diagnostics == PARTNER_ONLY
    response = post(with_token(APIClient(), lead), passed_request(team))
    assert response.status_code == 400
    assert OperationOutcome.model_validate(response.json()).issue[0].expression == [
        "ServiceRequest.subject.identifier"
    ]
    assert not PassedCall.objects.exists()
    assert not Referral.objects.exists()


def test_the_openapi_document_describes_passed_calls(db):
    out = StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert "/api/v1/passed-calls" in out.getvalue()


def test_the_partner_reads_back_whether_the_line_has_taken_its_call(fhir, nhs_111, line, police):
    location = post(fhir, passed_request(line))["Location"]
    waiting = fhir.get(f"/fhir/r4/{location}")
    assert waiting.status_code == 200
    assert ServiceRequest.model_validate(waiting.json()).status == "active"
    handler = UserFactory(username="handler", role=Role.PRACTITIONER)
    line.staff.add(handler)
    services.take_passed_call(handler, PassedCall.objects.get().pk)
    taken = fhir.get(f"/fhir/r4/{location}")
    assert ServiceRequest.model_validate(taken.json()).status == "completed"
    assert AuditEvent.objects.filter(
        actor=nhs_111.user, action=AuditEvent.Action.VIEWED, record_type="firstresponse.passedcall"
    ).exists()
    # Another partner, or anyone not on the line, is told there is no such call.
    other = with_token(APIClient(), police.user).get(f"/fhir/r4/{location}")
    assert other.status_code == 404
    assert OperationOutcome.model_validate(other.json()).issue[0].code == "not-found"
    # And the prefix names a passed call only as a ServiceRequest.
    assert fhir.get(f"/fhir/r4/Patient/{location.split('/')[1]}").status_code == 404


def test_a_line_partner_reads_and_adds_no_one_s_record(fhir, lead, team):
    """helper-85: the police's account was told an NHS number was "known to another
    team" (that the person is known to mental health crisis services)."""
    known = PersonFactory(nhs_number="9434765919")
    patient = {
        "resourceType": "Patient",
        "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
        "name": [{"family": "Example", "given": ["Sam"]}],
        "birthDate": "1990-01-01",
    }
    answers = [
        fhir.post("/fhir/r4/Patient", json.dumps(patient), content_type=FHIR),
        fhir.get(f"/fhir/r4/Patient/{known.pk}"),
        fhir.post("/api/v1/referrals", {}, format="json"),
    ]
    for answer in answers:
        assert answer.status_code == 403, answer.content
        assert "another team" not in answer.content.decode()
        assert "pass calls to the line only" in answer.content.decode()
    assert Person.objects.count() == 1
