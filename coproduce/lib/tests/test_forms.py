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
