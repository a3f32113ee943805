from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from coproduce.care.forms import Moment, date_field, time_field
from coproduce.care.models import Team
from coproduce.lib.formats import Format
from coproduce.lib.forms import InLanguage, PlainWordsForm
from coproduce.lib.validators import (
    is_uk_postcode,
    normalise_uk_mobile,
    validate_no_markup,
    validate_readable,
)
from coproduce.voices.categories import choices_by_framework, framed, grouped_options
from coproduce.voices.models import (
    CallBack,
    EnquiryCategory,
    Rating,
    RiskAlert,
    Sentiment,
    ServiceFramework,
    Voice,
)
from coproduce.voices.services import check_action_taken

FEEDBACK_MAX_CHARACTERS = 5000


CONTACT_FIELDS = (
    "contact_channel",
    "contact_email",
    "contact_phone",
    "contact_address",
    "contact_format",
)
NO_RATING_NOR_WORDS = _(
    "Select how good or poor the service was, or tell us about it in your own words"
)


class TeamChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """The services, each named in the page's language: a Welsh reader sees a service's
    Welsh name where it has one, and its English name, marked as English, where not."""

    def label_from_instance(self, obj: Team) -> str:
        return InLanguage(*obj.name_in(translation.get_language() or settings.LANGUAGE_CODE))


class FeedbackForm(PlainWordsForm):
    """The public "give feedback" form: the Friends and Family Test question, then why.

    Words without a rating are taken (a fresh-eyes trial wrote that they could not go on,
    left the rating blank, and was refused: nothing reached the duty team); they are not
    counted in the Friends and Family Test's figures, which count ratings. A form with
    neither is refused."""

    rating = forms.TypedChoiceField(
        choices=Rating.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Select how good or poor the service was from the list"),
        },
    )
    text = forms.CharField(
        required=False,
        max_length=FEEDBACK_MAX_CHARACTERS,
        strip=True,
        widget=forms.Textarea,
        validators=[validate_readable, validate_no_markup],
        error_messages={
            "max_length": format_lazy(
                _(
                    "Your feedback must be {count} characters or fewer. "
                    "You can send the rest in another message."
                ),
                count=f"{FEEDBACK_MAX_CHARACTERS:,}",
            ),
            "null_characters_not_allowed": _(
                "Your feedback has characters we cannot read. Remove them and try again."
            ),
        },
    )
    team = TeamChoiceField(
        queryset=Team.objects.all(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _("Select a service from the list, or leave it blank")},
    )
    consent_improvement = forms.BooleanField(required=False)
    consent_quote = forms.BooleanField(required=False)
    consent_contact = forms.BooleanField(required=False)
    contact_channel = forms.ChoiceField(
        choices=[
            (Voice.ContactChannel.EMAIL, _("Email")),
            (Voice.ContactChannel.SMS, _("Text message")),
            (Voice.ContactChannel.POST, _("Post")),
        ],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select email, text message or post")},
    )
    contact_address = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea,
        validators=[validate_readable, validate_no_markup],
        error_messages={"max_length": _("The address must be 500 characters or fewer")},
    )
    contact_format = forms.ChoiceField(
        choices=[
            (Format.STANDARD, _("Standard")),
            (Format.LARGE_PRINT, _("Large print")),
            (Format.EASY_READ, _("Easy Read")),
            (Format.AUDIO, _("Audio")),
            (Format.BRAILLE, _("Braille-ready plain text")),
        ],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select a format from the list")},
    )
    contact_email = forms.EmailField(
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    contact_phone = forms.CharField(required=False, max_length=32)

    def clean_contact_phone(self) -> str:
        value: str = self.cleaned_data.get("contact_phone", "")
        return normalise_uk_mobile(value) if value else ""

    def consent_and_contact(self) -> dict[str, Any]:
        """The consent choices and contact details, as ``receive_voice`` takes them."""
        data = self.cleaned_data
        return {
            "consent_improvement": data["consent_improvement"],
            "consent_quote": data["consent_quote"],
            "consent_contact": data["consent_contact"],
            "contact_channel": data["contact_channel"] or Voice.ContactChannel.NONE,
            "contact_email": data["contact_email"],
            "contact_phone": data["contact_phone"],
            "contact_address": data["contact_address"],
            "contact_format": data["contact_format"] or Format.STANDARD,
        }

    def _given(self, name: str) -> bool:
        return bool(self.cleaned_data.get(name)) or name in self.errors

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("consent_contact"):
            # Not asked to be told: the contact details are not kept, so a mistake in one
            # (typed, then the box unticked and hidden) refuses nothing (helper-78's
            # at-risk words were refused for a hidden "sam@", and reached no one).
            for name in CONTACT_FIELDS:
                self.errors.pop(name, None)
                data[name] = ""
        said = data.get("text") or "text" in self.errors  # words refused keep their message
        if data.get("rating") is None and not said and "rating" not in self.errors:
            self.add_error("rating", NO_RATING_NOR_WORDS)
        if data.get("consent_contact"):
            channel = data.get("contact_channel")
            if not channel:
                self.add_error("contact_channel", _("Select how we should tell you what changed"))
            # A field already refused (e.g. a malformed address) keeps its own message.
            elif channel == Voice.ContactChannel.EMAIL and not self._given("contact_email"):
                self.add_error("contact_email", _("Enter your email address"))
            elif channel == Voice.ContactChannel.SMS and not self._given("contact_phone"):
                self.add_error("contact_phone", _("Enter your mobile phone number"))
            elif channel == Voice.ContactChannel.POST and "contact_address" not in self.errors:
                lines = [x for x in (data.get("contact_address") or "").splitlines() if x.strip()]
                if len(lines) < 3:
                    self.add_error(
                        "contact_address",
                        _("Enter your address on at least 3 lines, with the postcode last"),
                    )
                elif not is_uk_postcode(lines[-1]):
                    # helper-83's "NOT A POSTCODE" was taken, and a letter cannot be posted.
                    self.add_error(
                        "contact_address",
                        _(
                            "The last line of your address must be its postcode, like "
                            "LS1 4AP, so the letter can be posted"
                        ),
                    )
        return data


class TagVoiceForm(PlainWordsForm):
    """Confirm (or correct) the categories and sentiment suggested for a voice: from the
    categories it is offered (``categories.category_choices``)."""

    categories = forms.ModelMultipleChoiceField(
        queryset=EnquiryCategory.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one enquiry category",
            "invalid_choice": "Select enquiry categories from the list",
            "invalid_pk_value": "Select enquiry categories from the list",
        },
    )
    sentiment = forms.ChoiceField(
        choices=Sentiment.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the feedback is positive, neutral or negative",
            "invalid_choice": "Select positive, neutral or negative",
        },
    )

    def __init__(
        self, *args: Any, offered: list[EnquiryCategory] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if offered is not None:
            field = self.fields["categories"]
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.queryset = EnquiryCategory.objects.filter(pk__in=[c.pk for c in offered])


class AcknowledgeAlertForm(PlainWordsForm):
    alert = forms.IntegerField(widget=forms.HiddenInput)
    action_taken = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Say what you did about this alert"},
    )
    # Acknowledging when no one has spoken to them (``services.NOT_REACHED``).
    not_reached = forms.BooleanField(required=False)
    # A safeguarding concern told to the safeguarding lead (``services.NOT_PASSED_ON``).
    passed_on = forms.BooleanField(required=False)

    def clean_action_taken(self) -> str:
        try:
            return check_action_taken(self.cleaned_data["action_taken"])
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["action_taken"]) from error


class CallBackForm(Moment, PlainWordsForm):
    """One attempt to reach the person behind an alert. The time is left blank: the duty
    worker gives the time they called. The rules are ``alerts.record_call_back``'s."""

    made_on = date_field("date of the call")
    made_time = time_field("call")
    outcome = forms.ChoiceField(
        choices=CallBack.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what came of the call",
            "invalid_choice": "Select what came of the call",
        },
    )
    note = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea,
        label="The note",
    )


STAFF_CHANNELS = [
    (Voice.Channel.PHONE, "Phone call"),
    (Voice.Channel.PAPER, "Paper form or letter"),
    (Voice.Channel.IN_PERSON, "In person"),
    (Voice.Channel.EMAIL, "Email to the service"),
    (Voice.Channel.COMMUNITY_LISTENING, "Community listening"),
    (Voice.Channel.PARTNER, "Partner feedback (for example the ambulance service)"),
    (Voice.Channel.COMPLAINT, "Complaint"),
]
SOURCE_NEEDED = {
    Voice.Channel.COMMUNITY_LISTENING: "Say where you listened, for example the group or place",
    Voice.Channel.PARTNER: "Enter the partner organisation",
    Voice.Channel.COMPLAINT: "Enter the complaint reference",
}


class StaffVoiceForm(FeedbackForm):
    """Feedback given to staff or peers by phone, on paper, in person, by email, from a
    partner, as a complaint, or heard in community listening."""

    channel = forms.ChoiceField(
        choices=STAFF_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how the feedback was given",
            "invalid_choice": "Select how the feedback was given",
        },
    )
    received_on = forms.DateField(
        # Typed as day/month/year, as every other date in the service (issue 21's seventh
        # trial met a browser's date picker here and typing everywhere else).
        input_formats=["%d/%m/%Y", "%d %m %Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y"),
        error_messages={
            "required": "Enter the date the feedback was given",
            "invalid": "Enter the date the feedback was given, like 31/10/2026",
        },
    )
    source_detail = forms.CharField(required=False, max_length=200)
    categories = forms.ModelMultipleChoiceField(
        queryset=EnquiryCategory.objects.filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select enquiry categories from the list",
            "invalid_pk_value": "Select enquiry categories from the list",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The frameworks the services use, each grouped (categories.choices_by_framework).
        self.category_choices = choices_by_framework()
        self.fields["categories"].queryset = EnquiryCategory.objects.filter(  # type: ignore[attr-defined]
            active=True, framework__in=[c.framework for c in self.category_choices]
        )
        self.fields["text"].required = True
        self.fields["text"].error_messages["required"] = "Enter what the person said"

    @property
    def category_sections(self) -> list[tuple[str, list[EnquiryCategory]]]:
        """The categories under their headings, each naming its framework when more than
        one is in use."""
        several = len(self.category_choices) > 1
        return [
            (framed(choices.framework_label, heading) if several else heading, group)
            for choices in self.category_choices
            for heading, group in choices.groups
        ]

    @property
    def category_frameworks(self) -> dict[str, Any] | None:
        """Which framework each section and each service uses, when more than one is in
        use: for the page to show the chosen service's categories only."""
        if len(self.category_choices) < 2:
            return None
        return {
            "sections": [c.framework for c in self.category_choices for _ in c.groups],
            "services": {
                str(team): framework
                for team, framework in ServiceFramework.objects.values_list("team_id", "framework")
            },
            "default": EnquiryCategory.Framework.LOCAL.value,
        }

    def clean_received_on(self) -> Any:
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date the feedback was given must be today or before")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        channel = data.get("channel")
        if channel in SOURCE_NEEDED and not data.get("source_detail"):
            self.add_error("source_detail", SOURCE_NEEDED[channel])
        if channel == Voice.Channel.COMMUNITY_LISTENING and not data.get("categories"):
            self.add_error("categories", "Select the enquiry categories you were listening for")
        return data


class GroupedCategoryForm(PlainWordsForm):
    """A form whose ``category`` list is grouped by framework (``grouped_options``; a
    view that has the options already passes them as ``category_options``), after a
    first choice of ``NO_CATEGORY``."""

    NO_CATEGORY = "Choose"

    def __init__(
        self, *args: Any, category_options: list[Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if "category" in self.fields:  # (a subclass names the field)
            options = grouped_options() if category_options is None else category_options
            self.fields["category"].choices = [("", self.NO_CATEGORY), *options]  # type: ignore[attr-defined]


class InboxFilterForm(GroupedCategoryForm):
    """The inbox's filters (a GET form: a filtered inbox can be bookmarked and shared)."""

    NO_CATEGORY = "Any category"

    channel = forms.ChoiceField(
        choices=[("", "Any channel"), *Voice.Channel.choices], required=False
    )
    category = forms.ModelChoiceField(
        queryset=EnquiryCategory.objects.filter(active=True),
        required=False,
        empty_label="Any category",
    )
    sentiment = forms.ChoiceField(
        choices=[("", "Any sentiment"), *Sentiment.choices], required=False
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(), required=False, empty_label="Any service"
    )

    received_from = forms.DateField(
        required=False, error_messages={"invalid": "Enter the from date like 2026-10-31"}
    )
    received_to = forms.DateField(
        required=False, error_messages={"invalid": "Enter the to date like 2026-10-31"}
    )
    state = forms.ChoiceField(
        choices=[
            ("unconfirmed", "Not yet confirmed, or at risk and not yet acknowledged"),
            ("confirmed", "Confirmed"),
            ("all", "All"),
        ],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", "The to date must be the same as or after the from date")
        return data

    def apply(self, voices: Any) -> Any:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("channel"):
            voices = voices.filter(channel=data["channel"])
        if data.get("category"):
            voices = voices.filter(categories=data["category"])
        if data.get("sentiment"):
            voices = voices.filter(sentiment=data["sentiment"])
        if data.get("team"):
            voices = voices.filter(team=data["team"])
        if data.get("received_from"):
            voices = voices.filter(received_at__date__gte=data["received_from"])
        if data.get("received_to"):
            voices = voices.filter(received_at__date__lte=data["received_to"])
        state = data.get("state") or ("unconfirmed" if not self.is_bound else "all")
        if state == "unconfirmed":
            # A voice under a risk alert nobody has acknowledged stays in view even when
            # whoever wrote it down chose its categories (and so confirmed it): the lead
            # must not miss it (hazard H1).
            # The few voices under an open alert read first, by number, so the database
            # can use the index of voices not yet confirmed (issue 25: a join, or a
            # subquery, read every voice of the trust: 10 ms twice a page, now 0.3 ms).
            at_risk = RiskAlert.objects.filter(acknowledged_at__isnull=True).values_list(
                "voice_id", flat=True
            )
            voices = voices.filter(Q(reviewed_at__isnull=True) | Q(pk__in=list(at_risk)))
        elif state == "confirmed":
            voices = voices.filter(reviewed_at__isnull=False)
        return voices


class BulkActionForm(GroupedCategoryForm):
    ACTIONS = [
        ("confirm", "Confirm the suggested categories and sentiment"),
        ("add_category", "Add a category"),
    ]
    voices = forms.ModelMultipleChoiceField(
        queryset=Voice.objects.all(),
        error_messages={
            "required": "Select at least one voice",
            "invalid_choice": "Select voices from the list",
            "invalid_pk_value": "Select voices from the list",
        },
    )
    action = forms.ChoiceField(
        choices=ACTIONS,
        error_messages={"required": "Select what to do", "invalid_choice": "Select what to do"},
    )
    category = forms.ModelChoiceField(
        queryset=EnquiryCategory.objects.filter(active=True),
        required=False,
        error_messages={"invalid_choice": "Select a category from the list"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "add_category" and not data.get("category"):
            self.add_error("category", "Select the category to add")
        return data


class QuoteForm(PlainWordsForm):
    public_quote = forms.CharField(
        label="A public quote",
        max_length=1000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the words to show in public",
        },
    )


# The first bytes of files that are not text: zip (xlsx, docx), old Office, PDF, gzip,
# Windows and Linux programs, PNG, JPEG.
BINARY_SIGNATURES = (
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"%PDF",
    b"\x1f\x8b",
    b"MZ",
    b"\x7fELF",
    b"\x89PNG",
    b"\xff\xd8\xff",
)


class ImportForm(PlainWordsForm):
    file = forms.FileField(
        error_messages={
            "required": "Select a CSV file to import",
            "empty": "The selected file is empty",
        }
    )

    def clean_file(self) -> Any:
        """A CSV by its name and by its contents, and no bigger than the limit: a
        spreadsheet, a PDF or a program renamed .csv is refused before it is read."""
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV")
        limit = settings.MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The selected file must be smaller than {limit // 1_000_000} MB"
            )
        start = upload.read(4096)
        upload.seek(0)
        if start.startswith(BINARY_SIGNATURES):
            raise forms.ValidationError(
                "The selected file is not a CSV: it looks like a spreadsheet, document or "
                "program. Save it as 'CSV UTF-8' and try again"
            )
        return upload
