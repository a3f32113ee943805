from __future__ import annotations

from typing import Any

from django import forms

from coproduce.care.models import Team
from coproduce.voices.models import EnquiryCategory, Rating, Voice
from coproduce.voices.validators import normalise_uk_mobile, validate_no_markup, validate_readable

FEEDBACK_MAX_CHARACTERS = 5000


class FeedbackForm(forms.Form):
    """The public "give feedback" form: the Friends and Family Test question, then why."""

    rating = forms.TypedChoiceField(
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how your experience of the service was",
            "invalid_choice": "Select how your experience of the service was",
        },
    )
    text = forms.CharField(
        required=False,
        max_length=FEEDBACK_MAX_CHARACTERS,
        strip=True,
        widget=forms.Textarea,
        validators=[validate_readable, validate_no_markup],
        error_messages={
            "max_length": (
                f"Your feedback must be {FEEDBACK_MAX_CHARACTERS:,} characters or fewer. "
                "You can send the rest in another message."
            ),
            "null_characters_not_allowed": (
                "Your feedback has characters we cannot read. Remove them and try again."
            ),
        },
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": "Select a service from the list, or leave it blank"},
    )
    consent_improvement = forms.BooleanField(required=False)
    consent_quote = forms.BooleanField(required=False)
    consent_contact = forms.BooleanField(required=False)
    contact_channel = forms.ChoiceField(
        choices=[(Voice.ContactChannel.EMAIL, "Email"), (Voice.ContactChannel.SMS, "Text message")],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select email or text message"},
    )
    contact_email = forms.EmailField(
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    contact_phone = forms.CharField(required=False, max_length=32)

    def clean_contact_phone(self) -> str:
        value: str = self.cleaned_data.get("contact_phone", "")
        return normalise_uk_mobile(value) if value else ""

    def _given(self, name: str) -> bool:
        return bool(self.cleaned_data.get(name)) or name in self.errors

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("consent_contact"):
            channel = data.get("contact_channel")
            if not channel:
                self.add_error("contact_channel", "Select how we should tell you what changed")
            # A field already refused (e.g. a malformed address) keeps its own message.
            elif channel == Voice.ContactChannel.EMAIL and not self._given("contact_email"):
                self.add_error("contact_email", "Enter your email address")
            elif channel == Voice.ContactChannel.SMS and not self._given("contact_phone"):
                self.add_error("contact_phone", "Enter your mobile phone number")
        return data


class TagVoiceForm(forms.Form):
    categories = forms.ModelMultipleChoiceField(
        queryset=EnquiryCategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one enquiry category",
            "invalid_choice": "Select enquiry categories from the list",
            "invalid_pk_value": "Select enquiry categories from the list",
        },
    )


class AcknowledgeAlertForm(forms.Form):
    alert = forms.IntegerField(widget=forms.HiddenInput)
    action_taken = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Say what you did about this alert"},
    )
