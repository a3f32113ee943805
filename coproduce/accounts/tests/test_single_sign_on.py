"""NHS staff single sign-on (OpenID Connect) against a real provider on loopback."""

from urllib.parse import parse_qs, urlparse

import pytest
import requests

from coproduce.accounts.models import User
from coproduce.tooling.testing.fake_idp import FakeIdentityProvider


@pytest.fixture
def idp(settings):
    with FakeIdentityProvider("coproduce-test", "a-client-secret-for-tests") as provider:
        for name, value in provider.settings().items():
            setattr(settings, name, value)
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "coproduce.accounts.oidc.NHSIdentityBackend",
        ]
        yield provider


def sign_on(client, idp, state=None):
    """Start at Coproduce, let the provider answer, and bring the answer back."""
    start = client.get("/sso/start?next=/caseload")
    assert start.status_code == 302
    asked = urlparse(start["Location"])
    assert asked.netloc == urlparse(idp.base_url).netloc
    answer = requests.get(start["Location"], allow_redirects=False, timeout=10)
    back = urlparse(answer.headers["Location"])
    query = parse_qs(back.query)
    if state is not None:
        query["state"] = [state]
    return client.get(back.path, {k: v[0] for k, v in query.items()}), parse_qs(asked.query)


def test_a_member_of_staff_signs_on_and_needs_no_second_code(client, idp, lead):
    lead.email = "lena.lead@nhs.example"
    lead.save()
    idp.person["email"] = "Lena.Lead@nhs.example"
    response, asked = sign_on(client, idp)
    # The code flow with PKCE (S256), state and nonce.
    assert asked["response_type"] == ["code"]
    assert asked["code_challenge_method"] == ["S256"]
    assert asked["state"]
    assert asked["nonce"]
    assert response.status_code == 302
    assert response["Location"] == "/caseload"
    assert client.session["_auth_user_id"] == str(lead.pk)
    # The provider's sign-in was multi-factor: no code from an app is asked for.
    assert client.get("/caseload").status_code == 200
    token_request = next(r for r in idp.requests if r["path"] == "/token")
    assert token_request["code_verifier"]


def test_a_forged_state_is_refused(client, idp, lead):
    lead.email = "lena.lead@nhs.example"
    lead.save()
    idp.person["email"] = lead.email
    response, _ = sign_on(client, idp, state="forged")
    assert response["Location"] == "/sign-in?sso=failed"
    assert "_auth_user_id" not in client.session


def test_an_assurance_level_below_the_trusts_is_refused(client, idp, lead):
    lead.email = "lena.lead@nhs.example"
    lead.save()
    idp.person.update(email=lead.email, acr="AAL1")
    response, _ = sign_on(client, idp)
    assert response["Location"] == "/sign-in?sso=failed"
    assert "_auth_user_id" not in client.session


def test_someone_without_an_account_here_is_refused_and_no_account_is_made(client, idp, db):
    idp.person["email"] = "stranger@nhs.example"
    users = User.objects.count()
    response, _ = sign_on(client, idp)
    assert response["Location"] == "/sign-in?sso=failed"
    assert User.objects.count() == users
    page = client.get("/sign-in?sso=failed").content.decode()
    assert "NHS single sign-on did not sign you in" in page


def test_single_sign_on_is_offered_only_when_set_up(client, db, settings):
    assert client.get("/sso/start").status_code == 404
    assert "Sign in with NHS single sign-on" not in client.get("/sign-in").content.decode()
    settings.OIDC_RP_CLIENT_ID = "x"
    assert "Sign in with NHS single sign-on" in client.get("/sign-in").content.decode()
