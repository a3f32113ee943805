"""The public feedback page: anonymous, no JavaScript needed, and safe with bad input."""

import pytest
from django.test import override_settings

from coproduce.conftest import CheckedClient
from coproduce.tooling.testing.factories import sent_once
from coproduce.voices.models import Rating, Voice


def test_it_works_without_signing_in(client, db):
    response = client.get("/feedback")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Overall, how was your experience of our service?" in body
    assert "Very good" in body
    assert "Don&#39;t know" in body


def test_it_stores_an_anonymous_voice_with_its_consents(client, team):
    response = client.post(
        "/feedback",
        sent_once(
            {
                "rating": "1",
                "text": "The sanctuary felt like a living room.",
                "team": str(team.pk),
                "consent_improvement": "on",
                "consent_quote": "on",
            }
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == "/feedback/thank-you"
    voice = Voice.objects.get()
    assert voice.channel == Voice.Channel.WEB
    assert voice.rating == Rating.VERY_GOOD
    assert voice.team == team
    assert (voice.consent_improvement, voice.consent_quote, voice.consent_contact) == (
        True,
        True,
        False,
    )
    assert voice.person is None
    assert voice.contact_channel == Voice.ContactChannel.NONE


def test_its_pages_are_never_kept_by_the_browser(client, db):
    # What someone typed or sent is not for the next person at a shared computer to see
    # again with Back (with forget-sent.js, which empties a sent form: a browser test).
    form = client.get("/feedback")
    assert "no-store" in form["Cache-Control"]
    assert "data-forget-once-sent" in form.content.decode()
    assert 'src="/static/coproduce/forget-sent.js"' in form.content.decode()
    refused = client.post("/feedback", sent_once({"rating": "99", "text": "Off the scale"}))
    assert refused.status_code == 400
    assert "no-store" in refused["Cache-Control"]
    client.post("/feedback", sent_once({"rating": "1", "text": "Kind and quick."}))
    assert "no-store" in client.get("/feedback/thank-you")["Cache-Control"]
    without_cookie = CheckedClient(enforce_csrf_checks=True)
    not_sent = without_cookie.post("/feedback", sent_once({"rating": "1", "text": "Kind."}))
    assert not_sent.status_code == 403
    assert "no-store" in not_sent["Cache-Control"]


def test_the_thank_you_page_shows_crisis_contacts_at_once(client, db):
    body = client.get("/feedback/thank-you").content.decode()
    assert 'NHS <a href="tel:111">111</a> and choose option 2' in body
    assert "116 123" in body
    assert "999" in body


@override_settings(LOCAL_CRISIS_LINE="0800 123 4567 (the Fens)")
def test_each_crisis_number_is_a_link_that_calls_it(client, db):
    """On a phone, someone in crisis taps the number rather than copying it by hand (a
    fresh-eyes trial found every number plain text), in English and in Welsh."""
    for path in ("/feedback", "/cy/feedback", "/you-said-we-did"):
        body = client.get(path).content.decode()
        for link in (
            '<a href="tel:111">111</a>',
            '<a href="tel:116123">116 123</a>',
            '<a href="tel:08001234567">0800 123 4567</a> (the Fens)',
            '<a href="tel:999">999</a>',
        ):
            assert link in body, (path, link)


def test_it_keeps_contact_details_only_when_asked_to_contact(client, db):
    client.post(
        "/feedback",
        sent_once(
            {
                "rating": "2",
                "consent_improvement": "on",
                "consent_contact": "on",
                "contact_channel": "sms",
                "contact_phone": "+44 7700 900 982",
                "contact_email": "not-wanted@example.com",
            }
        ),
    )
    voice = Voice.objects.get()
    assert voice.contact_channel == Voice.ContactChannel.SMS
    assert voice.contact_phone == "07700900982"
    assert voice.contact_email == ""
    # The thank-you page says how they will be told (it said "If you asked us to…").
    thanks = client.get("/feedback/thank-you").content.decode()
    assert "We will tell you what changes because of it, by text message." in thanks
    assert "If you asked us to" not in thanks
    assert "07700" not in thanks


def test_it_drops_contact_details_when_not_asked_to_contact(client, db):
    client.post(
        "/feedback",
        sent_once({"rating": "2", "contact_channel": "email", "contact_email": "a@example.com"}),
    )
    voice = Voice.objects.get()
    assert (voice.consent_contact, voice.contact_email) == (False, "")
    thanks = client.get("/feedback/thank-you").content.decode()
    assert "If you asked us to" not in thanks  # it knows they did not (helper-74)
    assert "You can see" in thanks
    assert "We will tell you what changes because of it" not in thanks


def assert_refused(response, message):
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert not Voice.objects.exists()
    return body


def test_it_refuses_an_empty_form_with_a_clear_message(client, db):
    body = assert_refused(
        client.post("/feedback", sent_once({})),
        "Select how good or poor the service was, or tell us about it in your own words",
    )
    assert 'href="#id_rating"' in body


def test_words_without_a_rating_are_taken_and_screened(client, db):
    """helper-77 wrote that they could not go on, left the rating blank and was refused:
    nothing reached the duty team. Words alone are feedback; a rating alone is too."""
    words = "honestly whats the point anymore. everyone would be better off without me"
    response = client.post("/feedback", sent_once({"text": words}))
    assert response.status_code == 302
    voice = Voice.objects.get()
    assert (voice.text, voice.rating) == (words, None)
    assert voice.risk_alert.concerns == ["risk_to_life"]
    assert client.post("/feedback", sent_once({"rating": "2"})).status_code == 302
    assert Voice.objects.filter(rating=Rating.GOOD, text="").exists()


def test_contact_details_not_asked_for_never_refuse_the_words(client, db):
    """helper-78 ticked "Tell me what changes", typed "sam@", unticked it (hiding the box)
    and sent at-risk words: refused for the hidden address, nothing reached anyone."""
    words = "I want to end my life, I can't do this any more"
    for given in ({"contact_email": "sam@"}, {"contact_phone": "12345"}):
        response = client.post(
            "/feedback", sent_once({"text": words, "contact_channel": "email", **given})
        )
        assert response.status_code == 302
    voices = Voice.objects.filter(text=words)
    assert voices.count() == 2
    for voice in voices:
        assert (voice.contact_email, voice.contact_phone, voice.consent_contact) == ("", "", False)
        assert voice.risk_alert.concerns == ["risk_to_life"]
    # Asked to be told, a wrong address is still refused, naming it.
    refused = client.post(
        "/feedback",
        sent_once(
            {
                "text": "Kind.",
                "consent_contact": "on",
                "contact_channel": "email",
                "contact_email": "sam@",
            }
        ),
    )
    assert refused.status_code == 400
    assert "Enter an email address in the correct format" in refused.content.decode()


def test_it_refuses_a_rating_off_the_scale(client, db):
    assert_refused(
        client.post("/feedback", sent_once({"rating": "99"})),
        "Select how good or poor the service was from the list",
    )


def test_it_refuses_huge_input_and_keeps_the_rating_chosen(client, db):
    huge = "I waited. " * 12_000  # 120 KB
    body = assert_refused(
        client.post("/feedback", sent_once({"rating": "4", "text": huge})),
        "Your feedback must be 5,000 characters or fewer",
    )
    assert 'value="4" checked' in body
    # The count under the box says the same number the same way (a fresh-eyes trial
    # read "5000" there and "5,000" in the error).
    assert "You can enter up to 5,000 characters" in body
    assert "5000 characters" not in body


def test_it_refuses_script_and_stores_nothing(client, db):
    body = assert_refused(
        client.post(
            "/feedback",
            sent_once({"rating": "5", "text": "<script>alert('x')</script> it was bad"}),
        ),
        "cannot include code such as HTML tags or scripts",
    )
    assert "<script>alert" not in body  # echoed back escaped, never as markup
    assert "&lt;script&gt;alert" in body


@pytest.mark.parametrize("text", ["I <3 the staff", "waited < 1 hour", "score > 5"])
def test_it_accepts_angle_brackets_that_are_not_markup(client, db, text):
    client.post("/feedback", sent_once({"rating": "1", "text": text}))
    assert Voice.objects.get().text == text


def test_it_refuses_bytes_that_are_not_valid_text(client, db):
    body = b"rating=3&text=caf%E9+%FF%FE+bad+bytes"
    response = client.post("/feedback", body, content_type="application/x-www-form-urlencoded")
    assert_refused(response, "characters we cannot read")


def test_it_refuses_null_characters(client, db):
    body = assert_refused(
        client.post("/feedback", sent_once({"rating": "3", "text": "a\x00b"})),
        "characters we cannot read",
    )
    # Said once in the summary, as beside the field (helper-80 read it twice).
    summary = body.split("nhsuk-error-summary__list")[1].split("</ul>")[0]
    assert summary.count("characters we cannot read") == 1
    assert "[&#39;" not in summary  # the words, not a list of them (helper-82)


def test_it_asks_how_to_contact_when_contact_is_wanted(client, db):
    body = assert_refused(
        client.post("/feedback", sent_once({"rating": "1", "consent_contact": "on"})),
        "Select how we should tell you what changed",
    )
    assert 'href="#id_contact_channel"' in body


def test_it_asks_for_the_email_address_for_email(client, db):
    assert_refused(
        client.post(
            "/feedback",
            sent_once({"rating": "1", "consent_contact": "on", "contact_channel": "email"}),
        ),
        "Enter your email address",
    )


def test_it_refuses_an_email_address_in_the_wrong_format(client, db):
    assert_refused(
        client.post(
            "/feedback",
            sent_once(
                {
                    "rating": "1",
                    "consent_contact": "on",
                    "contact_channel": "email",
                    "contact_email": "nope",
                }
            ),
        ),
        "Enter an email address in the correct format",
    )


def test_it_refuses_a_number_that_is_not_a_uk_mobile(client, db):
    assert_refused(
        client.post(
            "/feedback",
            sent_once(
                {
                    "rating": "1",
                    "consent_contact": "on",
                    "contact_channel": "sms",
                    "contact_phone": "01632 960 001",
                }
            ),
        ),
        "Enter a UK mobile number",
    )


def test_it_refuses_an_unknown_service(client, db):
    assert_refused(
        client.post("/feedback", sent_once({"rating": "1", "team": "424242"})),
        "Select a service from the list, or leave it blank",
    )


def test_the_public_pages_answer_head_as_they_answer_get(client, db):
    """Uptime monitors ask with HEAD: helper-73 found the home page answered 200 and the
    feedback and "you said, we did" pages 405. HEAD changes nothing."""
    client.post("/feedback", sent_once({"rating": "1", "text": "Kind and quick."}))
    for path in ("/feedback", "/feedback/thank-you", "/you-said-we-did", "/join"):
        answer = client.head(path)
        assert answer.status_code == 200, path
        assert answer.content == b"", path
    assert "We have received it." in client.get("/feedback/thank-you").content.decode()


def test_an_address_for_letters_ends_with_its_postcode(client, db):
    """helper-83's "1 Test Street / Cambridge / NOT A POSTCODE" was taken for letters,
    though the hint says "with the postcode last" and a letter cannot be posted."""
    by_post = {"rating": "2", "text": "Kind staff.", "consent_contact": "on"}
    by_post |= {"contact_channel": "post"}
    refused = client.post(
        "/feedback", {**by_post, "contact_address": "1 Test Street\nCambridge\nNOT A POSTCODE"}
    )
    assert refused.status_code == 400
    assert "The last line of your address must be its postcode, like LS1 4AP" in (
        refused.content.decode()
    )
    assert "1 Test Street\nCambridge\nNOT A POSTCODE</textarea>" in refused.content.decode()
    assert not Voice.objects.exists()
    taken = client.post(
        "/feedback", sent_once({**by_post, "contact_address": "1 Test Street\nCambridge\ncb1 2ab"})
    )
    assert taken.status_code == 302
    assert Voice.objects.get().contact_address.endswith("cb1 2ab")


def test_asking_to_hear_without_agreeing_to_improvement_is_told_it_cannot_happen(client, db):
    """helper-84 was told "we will not use it to decide what to change" and then "we will
    tell you what changes because of it", which can never happen."""
    asked = {"rating": "2", "consent_contact": "on", "contact_channel": "email"}
    client.post("/feedback", sent_once({**asked, "contact_email": "me@example.com"}))
    thanks = client.get("/feedback/thank-you").content.decode()
    assert "We will tell you what changes because of it" not in thanks
    assert "no change will come from it to tell you about" in thanks
