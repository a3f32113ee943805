"""Opening a record that is not on one's caseloads needs a recorded reason."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from coproduce.accounts.models import AuditEvent
from coproduce.api.fhir import mapping
from coproduce.care import plans, services
from coproduce.care.models import Appointment, CrisisPlan, SafetyPlan
from coproduce.web.views.care import BREAK_GLASS_MINUTES

REASON = "Crisis call from the person, their team is closed, need crisis plan"


def test_finding_someone_on_the_caseload_opens_their_record(client, lead, person):
    client.force_login(lead)
    response = client.post("/people/find", {"nhs_number": person.formatted_nhs_number})
    assert response["Location"] == f"/people/{person.pk}"


def test_finding_someone_else_asks_for_a_reason(client, outsider, person):
    client.force_login(outsider)
    response = client.post("/people/find", {"nhs_number": person.nhs_number})
    assert response["Location"] == f"/people/{person.pk}/break-glass"
    assert client.get(f"/people/{person.pk}").status_code == 404  # not yet


def test_breaking_the_glass_records_the_reason_and_audits_each_view(client, outsider, person):
    client.force_login(outsider)
    refused = client.post(f"/people/{person.pk}/break-glass", {"reason": ""})
    assert "Say why you need to see this person" in refused.content.decode()
    # Whose record it opens, by NHS number (helper-80 could not see which).
    assert f"NHS number {person.formatted_nhs_number}" in refused.content.decode()
    opened_at = timezone.now()
    response = client.post(
        f"/people/{person.pk}/break-glass", {"reason": "A&E liaison called about them tonight."}
    )
    assert response["Location"] == f"/people/{person.pk}"
    page = client.get(f"/people/{person.pk}").content.decode()
    assert "Break-glass access" in page
    assert person.formatted_nhs_number in page
    # When the access ends (helper-80 was not told).
    ends = timezone.localtime(opened_at + dt.timedelta(minutes=BREAK_GLASS_MINUTES))
    assert any(
        f"Your access ends at {ends + dt.timedelta(minutes=m):%H:%M}" in page for m in (0, 1)
    )
    glass = AuditEvent.objects.get(action="break_glass")
    assert (glass.actor, glass.record_id, glass.detail) == (
        outsider,
        str(person.pk),
        "A&E liaison called about them tonight.",
    )
    assert AuditEvent.objects.filter(action="viewed", detail="break-glass access").count() == 1


def test_break_glass_reads_only_do_not_allow_recording_contacts(client, outsider, person, episode):
    client.force_login(outsider)
    client.post(f"/people/{person.pk}/break-glass", {"reason": REASON})
    assert client.get(f"/people/{person.pk}").status_code == 200  # the glass is broken
    assert client.get(f"/episodes/{episode.pk}/contacts/new").status_code == 404


def test_the_reason_is_limited_to_200_characters(client, outsider, person):
    client.force_login(outsider)
    body = client.post(f"/people/{person.pk}/break-glass", {"reason": "x" * 201}).content.decode()
    assert "Your reason must be 200 characters or fewer; you wrote 201" in body
    assert not AuditEvent.objects.filter(action="break_glass").exists()


def test_an_unknown_nhs_number_is_named(client, lead, db):
    client.force_login(lead)
    body = client.post("/people/find", {"nhs_number": "943 476 5919"}).content.decode()
    assert "No one with this NHS number is known to the service" in body
    body = client.post("/people/find", {"nhs_number": "943 476 5918"}).content.decode()
    assert "Enter a valid NHS number" in body


def test_network_members_cannot_break_the_glass(client, member, person):
    client.force_login(member)
    assert client.post(f"/people/{person.pk}/break-glass", {"reason": "curious"}).status_code == 403
    assert not AuditEvent.objects.filter(action="break_glass").exists()


# A reason that says something, and the pages an emergency needs (issue 18) -----------


@pytest.mark.parametrize(
    "reason", ["x", "Urgent.", "a" * 19, "   need it now please    ", "\n" * 30 + "short"]
)
def test_it_refuses_a_reason_of_fewer_than_20_characters(client, outsider, person, reason):
    client.force_login(outsider)
    response = client.post(f"/people/{person.pk}/break-glass", {"reason": reason})
    assert response.status_code == 400
    assert "at least 20 characters" in response.content.decode()
    assert not AuditEvent.objects.filter(action="break_glass").exists()
    assert client.get(f"/people/{person.pk}").status_code == 404  # still closed


def test_it_refuses_a_short_reason_in_the_service_too(outsider, person):
    with pytest.raises(ValidationError, match="at least 20 characters"):
        services.break_glass(outsider, person, "   too short      ")
    assert not AuditEvent.objects.filter(action="break_glass").exists()


def test_it_explains_what_a_good_reason_is(client, outsider, person):
    client.force_login(outsider)
    page = client.get(f"/people/{person.pk}/break-glass").content.decode()
    assert "at least 20 characters" in page
    assert "at least 4 different words" in page
    assert '"Urgent" or "checking" is not a reason.' in page
    assert "Crisis call from the person, their team is closed, need crisis plan" in page


def test_it_takes_a_reason_of_20_characters_once_stripped(client, outsider, person):
    client.force_login(outsider)
    reason = "A&E asks: plan now?"  # 19 characters, and four words
    assert client.post(f"/people/{person.pk}/break-glass", {"reason": reason}).status_code == 400
    reason = "A&E asks: plan now??"
    response = client.post(f"/people/{person.pk}/break-glass", {"reason": f"  {reason}  "})
    assert response["Location"] == f"/people/{person.pk}"
    assert AuditEvent.objects.get(action="break_glass").detail == reason


@pytest.mark.parametrize(
    "reason",
    [
        "checking this person",  # found by a new user: 20 characters, three words
        "a" * 24,  # found by a new user: one character, repeated
        "a a a a a a a a a a a a",
        "aa aaa aaaa aaaaa aaaaaa",  # four words, all one character
        "checking checking checking",
        "1234 5678 9012 3456 7890",  # numbers are not words
        "urgent urgent urgent urgent",  # four words, but one said four times
        "just checking this person record now",  # helper-76: six words saying nothing
        "Need to check their record for something now please",  # helper-78: nine
        "Ar frys ŵ ŷ iawn heddiw",  # helper-79: Welsh for "urgent very today", padded
        "Urgent very today, really",
        "asdf qwer zxcv uiop ghjk",  # helper-80: a hand run along the keyboard
        "hjkl poiuy bcdfg mnbv xzcv",
    ],
)
def test_it_refuses_a_reason_that_says_nothing(client, outsider, person, reason):
    client.force_login(outsider)
    response = client.post(f"/people/{person.pk}/break-glass", {"reason": reason})
    assert response.status_code == 400
    body = response.content.decode()
    # A reason too short is told its length; one long enough, what it does not say (a
    # fresh-eyes trial wrote nine words and was told to write four).
    # Keys run along the keyboard are told so (helper-82: they were told to say more than
    # that they needed it).
    at_random = reason.startswith(("asdf", "hjkl"))
    assert ("reads as letters typed at random" in body) == at_random
    if at_random:
        assert "not only that you need it" not in body
    elif len(set(reason.split())) < 4 or len(reason) < 20 or reason[0].isdigit():
        assert "Give a reason of at least 4 different words" in body
    else:
        assert "Give a reason of at least" not in body
    assert "who needs the record" in body
    assert not AuditEvent.objects.filter(action="break_glass").exists()
    assert client.get(f"/people/{person.pk}").status_code == 404  # still closed


def test_it_refuses_a_reason_that_says_nothing_in_the_service_too(outsider, person):
    with pytest.raises(ValidationError, match="at least 4 different words"):
        services.break_glass(outsider, person, "checking this person")
    with pytest.raises(ValidationError, match="not only that you need it"):
        services.break_glass(outsider, person, "Need to check their record for something now")
    assert not AuditEvent.objects.filter(action="break_glass").exists()


def test_it_takes_a_reason_in_any_language(client, outsider, person):
    client.force_login(outsider)
    reason = "Galwad argyfwng gan y person, tîm ar gau"
    response = client.post(f"/people/{person.pk}/break-glass", {"reason": reason})
    assert response["Location"] == f"/people/{person.pk}"


@pytest.fixture
def person_with_plans(lead, person):
    plans.save_new_version(lead, CrisisPlan, person, {"about_me": "Music helps me calm down."})
    plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "Not sleeping."})
    return person


def break_glass_views(actor):
    return list(
        AuditEvent.objects.filter(actor=actor, action="viewed", detail="break-glass access")
        .order_by("id")
        .values_list("record_type", flat=True)
    )


def test_it_opens_every_page_an_emergency_needs_and_audits_each_as_break_glass(
    client, outsider, person_with_plans, episode
):
    person = person_with_plans
    client.force_login(outsider)
    client.post(f"/people/{person.pk}/break-glass", {"reason": REASON})
    page = client.get(f"/people/{person.pk}").content.decode()
    for address in (
        f"/people/{person.pk}/crisis-plan",
        f"/people/{person.pk}/safety-plan",
        f"/episodes/{episode.pk}",
    ):
        assert f'href="{address}"' in page  # linked from the person page …
    crisis = client.get(f"/people/{person.pk}/crisis-plan")
    assert crisis.status_code == 200  # … and open
    assert "Music helps me calm down." in crisis.content.decode()
    safety = client.get(f"/people/{person.pk}/safety-plan")
    assert "Not sleeping." in safety.content.decode()
    printable = client.get(f"/people/{person.pk}/safety-plan?copy=person")
    assert printable.status_code == 200
    assert "My safety plan" in printable.content.decode()
    assert client.get(f"/episodes/{episode.pk}").status_code == 200
    assert break_glass_views(outsider) == [
        "care.person",
        "care.person",
        "care.crisisplan",
        "care.person",
        "care.safetyplan",
        "care.person",
        "care.safetyplan",
        "care.episode",
    ]


def test_the_pages_it_opens_are_read_only(client, outsider, person_with_plans, episode):
    person = person_with_plans
    client.force_login(outsider)
    client.post(f"/people/{person.pk}/break-glass", {"reason": REASON})
    for address in (f"/people/{person.pk}", f"/people/{person.pk}/crisis-plan"):
        body = client.get(address).content.decode()
        assert "/edit" not in body
        assert "Record a contact" not in body
    episode_page = client.get(f"/episodes/{episode.pk}").content.decode()
    assert "Book an appointment" not in episode_page
    assert "Discharge from the caseload" not in episode_page
    before = Appointment.objects.count()
    refused = client.post(
        f"/episodes/{episode.pk}",
        {"kind": "other", "starts_on": "01/01/2030", "starts_time": "10:00", "staff": outsider.pk},
    )
    assert refused.status_code == 403
    assert Appointment.objects.count() == before
    assert client.get(f"/people/{person.pk}/crisis-plan/edit").status_code == 404
    assert CrisisPlan.objects.count() == 1


def test_the_pages_close_when_the_glass_expires(client, outsider, person_with_plans, episode):
    person = person_with_plans
    client.force_login(outsider)
    client.post(f"/people/{person.pk}/break-glass", {"reason": REASON})
    session = client.session
    session["break_glass"] = {
        str(person.pk): (timezone.now() - dt.timedelta(minutes=1)).isoformat()
    }
    session.save()
    for address in (
        f"/people/{person.pk}",
        f"/people/{person.pk}/crisis-plan",
        f"/people/{person.pk}/safety-plan?copy=person",
        f"/episodes/{episode.pk}",
    ):
        assert client.get(address).status_code == 404
    assert break_glass_views(outsider) == []


def test_breaking_the_glass_for_one_person_opens_no_one_else(client, outsider, person, lead):
    from coproduce.tooling.testing.factories import EpisodeFactory

    other = EpisodeFactory(team=person.episodes.get().team, lead_practitioner=lead)
    client.force_login(outsider)
    client.post(f"/people/{person.pk}/break-glass", {"reason": REASON})
    assert client.get(f"/episodes/{other.pk}").status_code == 404
    assert client.get(f"/people/{other.person_id}/safety-plan").status_code == 404


def test_rest_and_fhir_never_break_the_glass(client, outsider, person_with_plans, episode):
    """Break-glass opens the web pages only: an API client is a system, not a person in an
    emergency. A new user saw GET /fhir/r4/Patient/… answer 404 during break-glass; this
    is the rule, whether the call carries the session that broke the glass or a token."""
    person = person_with_plans
    client.force_login(outsider)
    client.post(f"/people/{person.pk}/break-glass", {"reason": REASON})
    assert client.get(f"/people/{person.pk}").status_code == 200  # the glass is broken
    token = APIClient()
    token.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=outsider).key}")
    plan = SafetyPlan.objects.get()
    for api in (client, token):
        for address in (f"/fhir/r4/Patient/{person.pk}", f"/fhir/r4/CarePlan/{plan.pk}"):
            assert api.get(address).status_code == 404, address
        created = api.post(
            "/fhir/r4/Patient",
            {
                "resourceType": "Patient",
                "identifier": [{"system": mapping.NHS_NUMBER, "value": person.nhs_number}],
                "name": [{"family": person.family_name, "given": [person.given_name]}],
                "birthDate": person.date_of_birth.isoformat(),
            },
            content_type="application/fhir+json",
        )
        assert created.status_code == 409
        assert person.family_name not in created.content.decode()
    views = break_glass_views(outsider)
    assert views == ["care.person"]  # the one web page, and no API read
