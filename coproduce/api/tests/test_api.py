import datetime as dt
from io import StringIO

import jsonschema
import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token

from coproduce.tooling.testing.factories import VoiceFactory
from coproduce.tooling.testing.openapi import CheckedAPIClient, check_response
from coproduce.voices.models import Voice


@pytest.fixture
def api():
    return CheckedAPIClient()


def with_token(api, user):
    token, _ = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


def test_the_openapi_document_is_valid(db):
    out = StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert "openapi: 3.1.0" in out.getvalue()


def test_the_checker_catches_a_response_that_breaks_the_schema():
    wrong_type = {
        "id": "seven",
        "you_said": "a",
        "we_did": "b",
        "published_at": "2026-11-21T10:00:00Z",
        "action_status": "Done",
    }
    with pytest.raises(jsonschema.ValidationError, match="'seven' is not of type 'integer'"):
        check_response("GET", "api/v1/updates", 200, [wrong_type])
    with pytest.raises(AssertionError, match="not documented"):
        check_response("GET", "api/v1/updates", 418, None)


def test_a_partner_posts_a_voice_with_a_token(api, lead, team):
    response = with_token(api, lead).post(
        "/api/v1/voices",
        {
            "channel": "partner",
            "text": "Handed over within 45 minutes; no police needed.",
            "rating": 1,
            "team": team.pk,
            "source_detail": "North East Ambulance Service",
        },
        format="json",
    )
    assert response.status_code == 201
    voice = Voice.objects.get()
    assert (voice.channel, voice.rating, voice.team) == ("partner", 1, team)
    assert (voice.source_detail, voice.recorded_by) == ("North East Ambulance Service", lead)
    assert response.json()["id"] == voice.pk
    assert response.json()["risk_alert_raised"] is False


def test_a_partner_is_told_when_a_voice_raised_a_risk_alert(api, lead):
    """helper-83 posted "she plans to hang herself tonight" and got a plain 201."""
    response = with_token(api, lead).post(
        "/api/v1/voices",
        {"channel": "partner", "text": "Patient said she plans to hang herself tonight"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["risk_alert_raised"] is True


def test_a_voices_source_is_never_a_persons_name_or_number(api, lead):
    """helper-83's source "Dr John Smith 07700900111" was taken, though the schema says
    never a person's name; a reference is."""
    client = with_token(api, lead)
    refused = client.post(
        "/api/v1/voices",
        {"channel": "partner", "text": "Kind.", "source_detail": "Dr John Smith 07700900111"},
        format="json",
    )
    assert refused.status_code == 400
    assert "Never a person's name or phone number" in refused.json()["source_detail"][0]
    assert not Voice.objects.exists()
    taken = client.post(
        "/api/v1/voices",
        {"channel": "partner", "text": "Kind.", "source_detail": "NEAS incident 20261207-4411"},
        format="json",
    )
    assert taken.status_code == 201


def test_a_voice_may_come_without_a_rating(api, lead):
    response = with_token(api, lead).post(
        "/api/v1/voices", {"channel": "partner", "text": "Handed over quickly."}, format="json"
    )
    assert response.status_code == 201
    assert Voice.objects.get().rating is None


def test_it_names_what_is_wrong_with_a_voice(api, lead):
    response = with_token(api, lead).post(
        "/api/v1/voices", {"channel": "pigeon", "text": "<b>hi</b>", "rating": 9}, format="json"
    )
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"channel", "text", "rating"}
    assert "HTML tags" in errors["text"][0]
    assert not Voice.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "[" * 5000 + "]" * 5000,
        '{"channel": "phone", "text": ' + "[" * 33 + "]" * 33 + "}",
        '{"channel": "phone", "rating": NaN}',
        '{"channel": "phone", "text": "unfinished',
    ],
    ids=["nested-5000-deep", "nested-34-deep", "not-a-number", "unfinished"],
)
def test_json_that_cannot_be_read_is_refused_with_a_400_saying_why(api, lead, body):
    response = with_token(api, lead).post("/api/v1/voices", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("JSON parse error - ")
    assert not Voice.objects.exists()


def test_json_nested_too_deep_is_refused_naming_the_limit(api, lead):
    body = '{"channel": "phone", "text": ' + "[" * 5000 + "]" * 5000 + "}"
    response = with_token(api, lead).post(
        "/api/v1/referrals", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "JSON parse error - JSON nested more than 32 levels deep cannot be read"
    }


def test_it_needs_a_rating_or_text(api, lead):
    response = with_token(api, lead).post("/api/v1/voices", {"channel": "phone"}, format="json")
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == ["Send a rating, some text, or both."]


def test_it_refuses_a_voice_without_a_token_or_with_a_bad_one(api, db):
    assert (
        api.post("/api/v1/voices", {"channel": "web", "rating": 1}, format="json").status_code
        == 401
    )
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert (
        api.post("/api/v1/voices", {"channel": "web", "rating": 1}, format="json").status_code
        == 401
    )
    assert not Voice.objects.exists()


def test_it_refuses_a_voice_from_a_role_that_may_not_send_one(api, member):
    response = with_token(api, member).post(
        "/api/v1/voices", {"channel": "web", "rating": 1}, format="json"
    )
    assert response.status_code == 403


def test_what_is_answered_to_a_token_is_never_stored_and_the_public_list_may_be(api, lead):
    answer = with_token(api, lead).post(
        "/api/v1/voices", {"channel": "partner", "text": "Handed over quickly."}, format="json"
    )
    assert answer.status_code == 201
    assert {"no-store", "private"} <= set(answer["Cache-Control"].split(", "))
    api.credentials()
    assert "Cache-Control" not in api.get("/api/v1/updates")


def test_anyone_can_read_published_updates(api, db):
    response = api.get("/api/v1/updates")
    assert response.status_code == 200
    assert response.json() == []


def test_the_experience_metric_suppresses_small_numbers(api, analyst):
    when = dt.datetime(2026, 4, 15, 12, tzinfo=dt.UTC)
    for _ in range(5):
        VoiceFactory(rating=1, received_at=when)  # 5 answers: hidden
    for rating in [1] * 7 + [2] * 5 + [4] * 8:
        VoiceFactory(rating=rating, received_at=when.replace(month=5))  # 12 of 20
    for rating in [1] * 10 + [5] * 3:
        VoiceFactory(rating=rating, received_at=when.replace(month=6))  # 3 not good: hidden
    response = with_token(api, analyst).get("/api/v1/metrics/experience")
    assert response.json() == [
        {
            "month": "2026-04-01",
            "responses": None,
            "positive": None,
            "share_positive": None,
            "suppressed": True,
            "hidden": ["responses", "positive", "share_positive"],
            "why_hidden": "Fewer than 8 answers this month.",
            "not_over": False,
        },
        {
            "month": "2026-05-01",
            "responses": 20,
            "positive": 10,  # 12, rounded to the nearest 5
            "share_positive": 0.5,  # from the rounded counts, so 12 cannot be worked out
            "suppressed": False,
            "hidden": [],
            "why_hidden": "",
            "not_over": False,
        },
        {
            "month": "2026-06-01",
            "responses": 15,
            "positive": None,  # beside 15 answers, 10 good would give the share back
            "share_positive": None,  # 10 of 13 would reveal the 3 who were not
            "suppressed": True,  # the answers stand: the share and the good are hidden
            "hidden": ["positive", "share_positive"],
            "why_hidden": "The share, and the count of good answers beside the answers, "
            "would reveal a small number: 7 or fewer answers this month were good, or were not.",
            "not_over": False,
        },
    ]


def test_the_experience_metric_builds_a_month_from_its_channels_rounded(api, analyst):
    # 9 good of 13 answers by text and the same on the web: each channel rounds to 10 of
    # 15, so the month is 20 of 30, as the evidence pages' "All channels" gives it (not
    # 18 of 26 rounded, 20 of 25). This month is still going on, and says so.
    now = timezone.now()
    for channel in ("sms", "web"):
        for rating in [1] * 9 + [4] * 4:
            VoiceFactory(rating=rating, channel=channel, received_at=now)
    [month] = with_token(api, analyst).get("/api/v1/metrics/experience").json()
    assert (month["responses"], month["positive"], month["share_positive"]) == (30, 20, 0.6667)
    assert month["not_over"] is True


def test_the_experience_metric_needs_a_role_that_sees_evidence(api, administrator, db):
    assert api.get("/api/v1/metrics/experience").status_code == 401
    assert with_token(api, administrator).get("/api/v1/metrics/experience").status_code == 403


def referral_body(team, **overrides):
    return {
        "nhs_number": "943 476 5919",
        "given_name": "Robin",
        "family_name": "Example",
        "date_of_birth": "1990-05-17",
        "team": team.pk,
        "source": "ambulance",
        "urgency": "4",
        "reason": "On scene; distressed; no physical health need.",
        "physical_health_need": False,
        "referrer": "Crew 4411",
        **overrides,
    }


def test_a_partner_posts_a_referral(api, lead, team):
    from coproduce.care.models import Referral

    response = with_token(api, lead).post("/api/v1/referrals", referral_body(team), format="json")
    assert response.status_code == 201
    referral = Referral.objects.get()
    assert (referral.received_via, referral.urgency, referral.person.nhs_number) == (
        "api",
        "4",
        "9434765919",
    )
    assert response.json()["respond_by"] is not None


def test_a_partner_referral_names_what_is_wrong(api, lead, team):
    from coproduce.care.models import Person, Referral

    response = with_token(api, lead).post(
        "/api/v1/referrals",
        referral_body(
            team, nhs_number="9434765918", urgency="9", received_at="2099-01-01T00:00:00Z"
        ),
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"nhs_number", "urgency", "received_at"}
    assert not Referral.objects.exists()
    assert not Person.objects.exists()


def test_a_partner_referral_received_in_the_future_is_refused_by_name(api, lead, team):
    from coproduce.care.models import Person, Referral

    in_an_hour = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    response = with_token(api, lead).post(
        "/api/v1/referrals", referral_body(team, received_at=in_an_hour.isoformat()), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"received_at": ["The referral cannot be in the future"]}
    assert not Referral.objects.exists()
    assert not Person.objects.exists()


def test_a_duplicate_partner_referral_is_refused_with_the_existing_one(api, lead, team):
    from coproduce.care.models import Referral

    with_token(api, lead).post("/api/v1/referrals", referral_body(team), format="json")
    response = api.post("/api/v1/referrals", referral_body(team), format="json")
    assert response.status_code == 409
    assert response.json()["existing"] == [Referral.objects.get().pk]
    response = api.post(
        "/api/v1/referrals",
        referral_body(team, not_a_duplicate_because="A second crisis."),
        format="json",
    )
    assert response.status_code == 201


def test_a_partner_referral_to_the_vehicle_with_a_physical_need_is_refused(api, lead):
    from coproduce.care.models import Person, Team
    from coproduce.tooling.testing.factories import TeamFactory

    vehicle = TeamFactory(kind=Team.Kind.RESPONSE_VEHICLE)
    response = with_token(api, lead).post(
        "/api/v1/referrals", referral_body(vehicle, physical_health_need=True), format="json"
    )
    assert response.status_code == 400
    assert "physical health need" in response.json()["team"][0]
    assert not Person.objects.exists()


@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v2/voices", "/api/v1/voices/1"])
def test_an_address_the_api_does_not_offer_is_answered_in_json(api, db, path):
    """helper-84 read the web's "Page not found" page, as HTML, for /api/v1/nope."""
    response = api.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Nothing here. The API's addresses are listed in its schema at /api/schema."
    }
    assert api.post(path, {}, format="json").status_code == 404
