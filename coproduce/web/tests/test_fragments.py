"""Fragments kept in the cache (``{% cache %}``): a blank public form is drawn once, yet
each language, each list of services and every filled-in form is drawn as it is."""

import re

from django.core.cache import caches
from django.template import engines
from django.utils import timezone

from coproduce.tooling.testing.factories import TeamFactory
from coproduce.voices import follow_up
from coproduce.voices.models import FollowUpInvitation
from coproduce.web import fragments


def form_fields(body):
    """The form's fields: what follows its CSRF and one-time tokens, to the end of the form."""
    return body.split('name="submission"', 1)[1].split("</form>", 1)[0].split(">", 1)[1]


def kept_fragments(name="feedback-form"):
    kept = vars(caches["fragments"])["_cache"]  # the local-memory cache of fragments
    return [k for k in kept if f":{fragments.PREFIX}:{name}:" in k]


def test_the_blank_feedback_form_is_kept_once_per_language(client, db):
    english = client.get("/feedback").content.decode()
    assert len(kept_fragments()) == 1
    assert form_fields(client.get("/feedback").content.decode()) == form_fields(english)
    welsh = client.get("/cy/feedback").content.decode()
    assert len(kept_fragments()) == 2
    assert "Da iawn" in welsh  # the Welsh page's answers, not the kept English ones
    assert "Very good" not in welsh


def test_a_renamed_or_new_service_is_shown_at_once(client, db):
    team = TeamFactory(name="Crisis line")
    assert "Crisis line" in client.get("/feedback").content.decode()
    team.name = "Night crisis line"
    team.save()
    TeamFactory(name="Home treatment")
    body = client.get("/feedback").content.decode()
    assert "Night crisis line" in body
    assert "Home treatment" in body


def test_each_page_has_its_own_csrf_token_around_the_kept_form(client, db):
    first = client.get("/feedback").content.decode()
    other = type(client)()
    second = other.get("/feedback").content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(first).group(1) != token.search(second).group(1)


def test_each_page_has_its_own_one_time_token_around_the_kept_form(client, db):
    token = re.compile(r'name="submission" value="([^"]+)"')
    first = token.search(client.get("/feedback").content.decode()).group(1)
    second = token.search(client.get("/feedback").content.decode()).group(1)
    assert len(kept_fragments()) == 1
    assert first != second


def test_a_form_with_errors_or_answers_is_never_the_kept_one(client, db):
    client.get("/feedback")  # the blank form is kept
    response = client.post("/feedback", {"rating": "99", "text": "It was fine, thanks"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Select how good or poor the service was from the list" in body
    assert "It was fine, thanks" in body
    assert client.get("/feedback").content.decode().count("It was fine, thanks") == 0


def test_an_invitations_service_is_chosen_in_its_form(client, episode):
    TeamFactory(name="Home treatment")
    client.get("/feedback")  # the blank form is kept
    invitation = FollowUpInvitation.objects.create(episode=episode, due_at=timezone.now())
    token = follow_up.token(invitation)
    body = client.get(f"/feedback?invitation={token}").content.decode()
    checked = re.search(r'<input[^>]*value="(\d+)"[^>]*checked', body)
    assert checked
    assert int(checked.group(1)) == episode.team_id


def test_many_kept_headers_never_push_out_the_trusts_figures(client, analyst, db):
    from coproduce.evidence import services

    client.force_login(analyst)
    client.get("/evidence")  # works out the figures once
    figures = caches["default"].get(services.CACHE_KEY)
    assert figures is not None
    for n in range(400):  # more than a small shared cache would hold
        caches["fragments"].set(f"{fragments.PREFIX}:header:en-gb:{n}", "<header>")
    assert caches["default"].get(services.CACHE_KEY) == figures


def test_a_false_name_draws_the_fragment_afresh_each_time(db):
    template = engines["jinja2"].from_string(
        "{% cache (name or none), n %}<p>{{ n }} {{ counter.pop() }}</p>{% endcache %}"
    )
    counter = [3, 2, 1]
    assert template.render({"name": "", "n": 1, "counter": counter}) == "<p>1 1</p>"
    assert template.render({"name": "", "n": 1, "counter": counter}) == "<p>1 2</p>"
    assert template.render({"name": "kept", "n": 1, "counter": counter}) == "<p>1 3</p>"
    assert template.render({"name": "kept", "n": 1, "counter": counter}) == "<p>1 3</p>"


def test_each_person_sees_their_own_name_in_the_kept_header(client, lead, colleague):
    client.force_login(lead)
    mine = client.get("/caseload").content.decode()
    assert f"{lead.display_name} (" in mine
    client.force_login(colleague)
    theirs = client.get("/caseload").content.decode()
    assert f"{colleague.display_name} (" in theirs
    assert f"{lead.display_name} (" not in theirs
    lead.first_name = "Renamed"
    lead.save()
    client.force_login(lead)
    assert "Renamed " in client.get("/caseload").content.decode()


def test_the_kept_headers_sign_out_form_carries_this_pages_working_token(lead):
    from django.test import Client

    from coproduce.tooling.testing.signin import give_second_factor

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(lead)
    give_second_factor(browser, lead)
    token = re.compile(
        r'nhsuk-header__account-form" action="/sign-out" method="post">'
        r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">'
    )
    first = token.search(browser.get("/caseload").content.decode()).group(1)
    second = token.search(browser.get("/caseload").content.decode()).group(1)
    assert first != second  # each page's own (masked) token, not a kept one
    assert browser.post("/sign-out", {"csrfmiddlewaretoken": second}).status_code == 302
    assert "_auth_user_id" not in browser.session
