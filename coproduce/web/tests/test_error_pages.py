"""Error pages: in the NHS.UK shell, crisis contacts under the heading, plain words, and
nothing lost that can be kept."""

import re
import sys

import pytest
from django.test import RequestFactory
from django.utils import translation

from coproduce.accounts.models import Role
from coproduce.conftest import CheckedClient
from coproduce.tooling.testing.factories import UserFactory, sent_once
from coproduce.voices.models import Voice
from coproduce.web import errors

CRISIS = 'Call Samaritans free on <a href="tel:116123">116 123</a>'
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def crisis_contacts_under_the_heading(body):
    """The crisis box comes straight after the page's heading, before anything else."""
    main = body[body.index('id="maincontent"') :]
    h1 = main.index("</h1>")
    assert "116 123" in main  # Samaritans, in every language
    box = main.index("nhsuk-card--warning")
    paragraphs = [m.start() for m in re.finditer(r"<p[ >]", main[h1:box])]
    assert paragraphs == [] or all(
        "nhsuk-error-summary" in main[h1 : h1 + p] for p in paragraphs
    ), "the crisis contacts come first"
    return True


def in_the_nhs_shell(body):
    return "nhsuk-header" in body and "nhsuk-footer" in body


@pytest.fixture
def browser_without_the_cookie():
    """A browser whose CSRF cookie has gone (a tab left open, a blocked cookie)."""
    return CheckedClient(enforce_csrf_checks=True)


def test_feedback_sent_without_its_csrf_cookie_is_drawn_again_with_the_words_kept(
    browser_without_the_cookie, team
):
    words = "The night team listened to me & called back when they said they would."
    answer = browser_without_the_cookie.post(
        "/feedback",
        sent_once(
            {
                "rating": "2",
                "text": words,
                "team": str(team.pk),
                "consent_improvement": "on",
                "csrfmiddlewaretoken": "x" * 64,
            }
        ),
    )
    assert answer.status_code == 403
    body = answer.content.decode()
    assert not Voice.objects.exists()  # nothing saved without a valid token
    assert "Your feedback has not been sent yet" in body
    assert "The night team listened to me &amp; called back" in body
    assert re.search(r'name="rating"[^>]*value="2"[^>]*checked', body)
    assert re.search(rf'name="team"[^>]*value="{team.pk}"[^>]*checked', body)
    assert re.search(r'name="consent_improvement"[^>]*checked', body)
    assert in_the_nhs_shell(body)
    assert crisis_contacts_under_the_heading(body)
    # A fresh token comes with it, and sending again is taken.
    fresh = TOKEN.search(body).group(1)
    assert "csrftoken" in answer.cookies
    again = browser_without_the_cookie.post(
        "/feedback",
        sent_once(
            {"rating": "2", "text": words, "team": str(team.pk), "csrfmiddlewaretoken": fresh}
        ),
    )
    assert again.status_code == 302
    assert Voice.objects.get().text == words


def test_the_forms_other_address_without_its_csrf_cookie_keeps_the_words_too(
    browser_without_the_cookie, db
):
    """After a sending, the form sends to /feedback/new (so a browser puts nothing back
    into it on Back): a tab left open there loses nothing either."""
    words = "Kind and quick, thank you."
    answer = browser_without_the_cookie.post(
        "/feedback/new", sent_once({"rating": "1", "text": words, "csrfmiddlewaretoken": "x" * 64})
    )
    assert answer.status_code == 403
    assert "Your feedback has not been sent yet" in answer.content.decode()
    assert words in answer.content.decode()
    assert not Voice.objects.exists()


def test_any_other_form_without_its_csrf_cookie_says_what_happened(browser_without_the_cookie, db):
    answer = browser_without_the_cookie.post("/join", {"name": "Sam"})
    assert answer.status_code == 403
    body = answer.content.decode()
    assert "This page had expired" in body
    assert "CSRF" not in body
    assert in_the_nhs_shell(body)
    assert crisis_contacts_under_the_heading(body)


def test_a_post_too_large_to_read_says_so_with_crisis_contacts(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    answer = client.post("/feedback", {"rating": "1", "text": "x" * 2000})
    assert answer.status_code == 413
    body = answer.content.decode()
    assert "What you sent is too large" in body
    assert in_the_nhs_shell(body)
    assert crisis_contacts_under_the_heading(body)
    assert not Voice.objects.exists()


def test_a_page_not_found_has_crisis_contacts(client, db):
    for path in ["/no-such-page", "/cy/no-such-page", "/you-said-we-did/999999"]:
        answer = client.get(path)
        assert answer.status_code == 404
        body = answer.content.decode()
        assert in_the_nhs_shell(body)
        assert crisis_contacts_under_the_heading(body)


def test_an_address_with_a_slash_at_the_end_goes_to_the_page_without_it(client, db):
    """A fresh-eyes trial typed /sign-in/ and was told the page was not found."""
    for typed, page in [
        ("/sign-in/", "/sign-in"),
        ("/feedback/?service=x", "/feedback?service=x"),
        ("/cy/feedback/", "/cy/feedback"),
    ]:
        path, _, query = typed.partition("?")
        response = client.get(path, query and dict([query.split("=")]))
        assert (response.status_code, response["Location"]) == (301, page), typed
    for nowhere in ("/no-such-page/", "///example.org/"):
        assert client.get(nowhere).status_code == 404, nowhere
    assert client.post("/sign-in/").status_code == 404  # a form is never sent on


def test_a_server_error_is_drawn_in_the_nhs_shell_with_crisis_contacts(db):
    request = RequestFactory().get("/feedback")
    translation.activate("en")
    try:
        raise ValueError("a mistake in our code")
    except ValueError:
        assert sys.exc_info()[0] is ValueError
        answer = errors.server_error(request)
    assert answer.status_code == 500
    body = answer.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert in_the_nhs_shell(body)
    assert crisis_contacts_under_the_heading(body)
    assert CRISIS in body
    assert '<a href="tel:08000000000">0800 000 0000</a> (demo)' in body  # the local line


@pytest.mark.parametrize(
    ("who", "path", "ask"),
    [
        ("member", "/caseload", "ask your lived experience lead"),
        ("lead", "/voices", "ask your team leader"),
        ("team_leader", "/network", "ask your administrator"),
        ("le_lead", "/caseload", "ask your administrator"),
        ("analyst", "/caseload", "ask your administrator"),
    ],
)
def test_the_403_page_says_whom_to_ask_for_the_role(client, db, request, who, path, ask):
    if who == "team_leader":
        user = UserFactory(username="tl", role=Role.TEAM_LEADER)
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    answer = client.get(path)
    assert answer.status_code == 403
    body = answer.content.decode()
    assert ask in body
    others = {"ask your team leader", "ask your administrator", "ask your lived experience lead"}
    for wrong in others - {ask}:
        assert wrong not in body
