from django import forms

from coproduce.lib.forms import PlainWordsForm


class Named(PlainWordsForm):
    given_name = forms.CharField(max_length=50)
    password = forms.CharField(widget=forms.PasswordInput, required=False)


def test_a_text_of_nothing_visible_is_empty_and_reversing_controls_are_dropped():
    # Found by issue 21's fresh-eyes trial: a referral was received for a person whose
    # first name was two zero-width spaces, and a text with a right-to-left override
    # showed "reversed" backwards.
    form = Named({"given_name": "\u200b\u200b"})
    assert not form.is_valid()
    assert form.errors["given_name"] == ["Enter given name"]
    form = Named({"given_name": "\u202eJo\u202c\u200b", "password": "\u200bsecret"})
    assert form.is_valid()
    assert form.cleaned_data["given_name"] == "Jo"
    assert form.cleaned_data["password"] == "\u200bsecret"  # a password is read as typed
    # Joiners inside a word stay (they shape scripts and emoji).
    form = Named({"given_name": "Zo\u200de"})
    assert form.is_valid()
    assert form.cleaned_data["given_name"] == "Zo\u200de"


class Dated(PlainWordsForm):
    starts_on = forms.DateField(
        label="Date of the appointment",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter the date as day/month/year, like 21/11/2026"},
    )


def test_a_date_no_calendar_has_is_told_why_and_others_keep_their_message():
    # A fresh-eyes trial typed 31/02 and was told only to write it as day/month/year.
    told = {
        "31/02/2026": "Date of the appointment must be a real date: February 2026 has 28 days",
        "29/2/2027": "Date of the appointment must be a real date: February 2027 has 28 days",
        "2026-04-31": "Date of the appointment must be a real date: April 2026 has 30 days",
        "12/13/2026": "Date of the appointment must be a real date: there is no month 13",
        "0/1/2026": "Date of the appointment must be a real date: January 2026 has 31 days",
        "next Tuesday": "Enter the date as day/month/year, like 21/11/2026",
        "31-12-2026": "Enter the date as day/month/year, like 21/11/2026",
    }
    for typed, message in told.items():
        form = Dated({"starts_on": typed})
        assert not form.is_valid(), typed
        assert form.errors["starts_on"] == [message], typed
    assert Dated({"starts_on": "29/02/2028"}).is_valid()  # a leap year
