"""One NHS number is one person, however it was typed (issue 18).

``str.isdigit()`` accepts full-width and Arabic-Indic digits, so the same number typed
on another keyboard became a second person and the duplicate check never fired. Every
way in (the referral page, find a person, the REST API, FHIR Patient and
ServiceRequest) folds digits to ASCII through ``normalise_nhs_number`` first.
"""

import json

import pytest
from django.core.exceptions import ValidationError
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from coproduce.api.fhir import mapping
from coproduce.care.models import Person, Referral, normalise_nhs_number
from coproduce.tooling.testing.factories import PersonFactory, intake_page_data, sent_once

ASCII = "9434765919"
FULL_WIDTH = "９４３４７６５９１９"
ARABIC_INDIC = "٩٤٣٤٧٦٥٩١٩"
EXTENDED_ARABIC_INDIC = "۹۴۳۴۷۶۵۹۱۹"
DEVANAGARI = "९४३४७६५९१९"
SPACED = "943 476 5919"
HYPHENED = "943-476-5919"
ODD_SPACES = "\u00a0943\u2009476\u20115919 "

EVERY_WAY = [FULL_WIDTH, ARABIC_INDIC, EXTENDED_ARABIC_INDIC, DEVANAGARI, SPACED, HYPHENED]


@pytest.mark.parametrize("typed", [ASCII, *EVERY_WAY, ODD_SPACES, "٩٤٣ ٤٧٦ ٥٩١٩"])
def test_it_folds_every_way_of_writing_the_number_to_ten_ascii_digits(typed):
    assert normalise_nhs_number(typed) == ASCII


@pytest.mark.parametrize(
    "same", ["0000000000", "000 000 0000", "１１１１１１１１１１", "2222222222"]
)
def test_it_refuses_a_number_whose_digits_are_all_the_same(same):
    with pytest.raises(ValidationError) as refused:
        normalise_nhs_number(same)
    assert "the same digit" in refused.value.messages[0]


@pytest.mark.parametrize("bad", ["943476591", "94347659190", "943476591x", "9434765918", ""])
def test_it_refuses_a_number_that_is_not_ten_digits_with_the_right_check_digit(bad):
    with pytest.raises(ValidationError, match="Enter a valid NHS number"):
        normalise_nhs_number(bad)


def test_it_never_stores_a_number_in_other_digits(db):
    person = PersonFactory.build(nhs_number=ARABIC_INDIC)
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "nhs_number" in refused.value.message_dict


# Every way in matches the same person and the duplicate check fires ------------------


@pytest.fixture
def intake(team):
    return intake_page_data(team=team.pk)


@pytest.mark.parametrize("typed", EVERY_WAY)
def test_it_matches_the_same_person_on_the_referral_page_and_finds_the_duplicate(
    client, lead, intake, typed
):
    client.force_login(lead)
    client.post("/referrals/new", sent_once({**intake, "nhs_number": ASCII}))
    response = client.post(
        "/referrals/new", sent_once({**intake, "nhs_number": typed, "source": "police"})
    )
    assert response.status_code == 409
    assert "Possible duplicate referral" in response.content.decode()
    assert Person.objects.get().nhs_number == ASCII
    assert Referral.objects.count() == 1


def test_it_stores_the_folded_number_from_the_referral_page(client, lead, intake):
    client.force_login(lead)
    client.post("/referrals/new", sent_once({**intake, "nhs_number": FULL_WIDTH}))
    assert Person.objects.get().nhs_number == ASCII


def test_it_refuses_a_number_of_one_digit_repeated_on_the_referral_page(client, lead, intake):
    client.force_login(lead)
    response = client.post("/referrals/new", sent_once({**intake, "nhs_number": "000 000 0000"}))
    assert response.status_code == 400
    assert "the same digit" in response.content.decode()
    assert not Person.objects.exists()
    assert not Referral.objects.exists()


@pytest.mark.parametrize("typed", [FULL_WIDTH, ARABIC_INDIC, SPACED])
def test_it_finds_the_person_however_the_number_was_typed(client, lead, person, typed):
    person.nhs_number = ASCII
    person.save()
    client.force_login(lead)
    response = client.post("/people/find", {"nhs_number": typed})
    assert response["Location"] == f"/people/{person.pk}"


def api_client(user):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def referral_body(team, nhs):
    return {
        "nhs_number": nhs,
        "given_name": "Robin",
        "family_name": "Example",
        "date_of_birth": "1990-05-17",
        "team": team.pk,
        "source": "ambulance",
        "urgency": "4",
        "reason": "On scene; distressed; no physical health need.",
        "physical_health_need": False,
    }


@pytest.mark.parametrize("typed", [FULL_WIDTH, ARABIC_INDIC, SPACED])
def test_it_matches_the_same_person_in_the_rest_api_and_finds_the_duplicate(lead, team, typed):
    api = api_client(lead)
    assert api.post("/api/v1/referrals", referral_body(team, ASCII), format="json").status_code == (
        201
    )
    response = api.post("/api/v1/referrals", referral_body(team, typed), format="json")
    assert response.status_code == 409
    assert Person.objects.get().nhs_number == ASCII
    assert Referral.objects.count() == 1


def test_it_refuses_a_repeated_digit_number_in_the_rest_api(lead, team):
    response = api_client(lead).post(
        "/api/v1/referrals", referral_body(team, "0000000000"), format="json"
    )
    assert response.status_code == 400
    assert "the same digit" in response.json()["nhs_number"][0]
    assert not Person.objects.exists()


def fhir_post(client, resource_type, body):
    return client.post(
        f"/fhir/r4/{resource_type}", json.dumps(body), content_type="application/fhir+json"
    )


def patient_body(nhs):
    return {
        "resourceType": "Patient",
        "identifier": [{"system": mapping.NHS_NUMBER, "value": nhs}],
        "name": [{"family": "Example", "given": ["Robin"]}],
        "birthDate": "1990-05-17",
    }


def service_request_body(team, nhs):
    return {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "priority": "asap",
        "subject": {"identifier": {"system": mapping.NHS_NUMBER, "value": nhs}},
        "performer": [{"reference": f"HealthcareService/{team.pk}"}],
        "reasonCode": [{"text": "Crew on scene; distressed."}],
    }


@pytest.mark.parametrize("typed", [FULL_WIDTH, ARABIC_INDIC, SPACED])
def test_it_matches_the_same_person_over_fhir_and_finds_the_duplicate(lead, team, typed):
    fhir = api_client(lead)
    created = fhir_post(fhir, "Patient", patient_body(ASCII))
    again = fhir_post(fhir, "Patient", patient_body(typed))
    assert again.json()["id"] == created.json()["id"]
    assert again.json()["identifier"][0]["value"] == ASCII
    assert fhir_post(fhir, "ServiceRequest", service_request_body(team, ASCII)).status_code == 201
    response = fhir_post(fhir, "ServiceRequest", service_request_body(team, typed))
    assert response.status_code == 409
    assert Person.objects.count() == 1
    assert Referral.objects.count() == 1


@pytest.mark.parametrize("resource", ["Patient", "ServiceRequest"])
def test_it_refuses_a_repeated_digit_number_over_fhir(lead, team, resource):
    body = (
        patient_body("1111111111")
        if resource == "Patient"
        else service_request_body(team, "1111111111")
    )
    response = fhir_post(api_client(lead), resource, body)
    assert response.status_code == 400
    issue = response.json()["issue"][0]
    assert "the same digit" in issue["diagnostics"]
    assert issue["expression"] == [
        "Patient.identifier" if resource == "Patient" else "ServiceRequest.subject.identifier"
    ]
    assert not Person.objects.exists()
    assert not Referral.objects.exists()


# Invisible characters pasted with the number -----------------------------------------

# What copying from a web page, a PDF, an email or a spreadsheet brings along: the user
# sees ten digits. All are Unicode format characters (category Cf), dropped before the
# number is checked (issue 18, fresh-eyes trial).
PASTED = "9991230033"
INVISIBLE = [
    "999 123\u200b0033",  # zero-width space
    "\ufeff9991230033",  # byte-order mark
    "999\u20601230033",  # word joiner
    "999\u200d123\u200c0033",  # zero-width joiner and non-joiner
    "\u200e999 123 0033\u200f",  # left-to-right and right-to-left marks
    "999\u00ad123\u00ad0033",  # soft hyphen
]


@pytest.mark.parametrize("pasted", INVISIBLE)
def test_it_drops_invisible_format_characters_pasted_with_the_number(pasted):
    assert normalise_nhs_number(pasted) == PASTED


def test_invisible_characters_never_make_a_wrong_number_right():
    with pytest.raises(ValidationError, match="Enter a valid NHS number"):
        normalise_nhs_number("999 123\u200b003")
    with pytest.raises(ValidationError, match="check digit"):
        normalise_nhs_number("999 123\u200b0034")


def test_a_pasted_number_is_read_on_the_referral_page_and_by_find(client, lead, intake):
    client.force_login(lead)
    response = client.post("/referrals/new", sent_once({**intake, "nhs_number": INVISIBLE[0]}))
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.nhs_number == PASTED
    found = client.post("/people/find", {"nhs_number": INVISIBLE[1]})
    assert found.status_code == 302  # to the person (or break glass), not "no one found"


def test_a_pasted_number_is_read_by_the_rest_api(lead, team):
    response = api_client(lead).post(
        "/api/v1/referrals", referral_body(team, INVISIBLE[2]), format="json"
    )
    assert response.status_code == 201, response.json()
    assert Person.objects.get().nhs_number == PASTED


def test_a_pasted_number_is_read_over_fhir(lead, team):
    fhir = api_client(lead)
    created = fhir_post(fhir, "Patient", patient_body(INVISIBLE[3]))
    assert created.status_code == 201, created.json()
    assert created.json()["identifier"][0]["value"] == PASTED
    referred = fhir_post(fhir, "ServiceRequest", service_request_body(team, INVISIBLE[4]))
    assert referred.status_code == 201, referred.json()
    assert Person.objects.get().nhs_number == PASTED
    assert Referral.objects.get().person.nhs_number == PASTED
