from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib.forms import PlainWordsForm, PoundsField
from coproduce.lib.validators import normalise_uk_mobile, validate_no_markup, validate_readable
from coproduce.network.models import (
    EqualityMonitoring,
    Ladder,
    MeetingKind,
    MeetingSeries,
    Member,
    PaymentRate,
    StandardScore,
    TrainingRecord,
)

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class JoinForm(PlainWordsForm):
    """The public "join the network" form. Anyone may join: it asks only how to reach you."""

    name = forms.CharField(
        max_length=120,
        validators=[validate_readable, validate_no_markup],
        error_messages={"required": _("Enter the name you would like us to use")},
    )
    kind = forms.ChoiceField(
        choices=Member.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how you come to the network"),
            "invalid_choice": _("Select how you come to the network"),
        },
    )
    reach_by = forms.ChoiceField(
        choices=Member.Reach.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how we should reach you"),
            "invalid_choice": _("Select how we should reach you"),
        },
    )
    email = forms.EmailField(
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    phone = forms.CharField(required=False, max_length=32)
    postal_address = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea,
        validators=[validate_readable, validate_no_markup],
    )
    format = forms.ChoiceField(
        choices=Member.Format.choices,
        widget=forms.RadioSelect,
        initial=Member.Format.STANDARD,
        error_messages={
            "required": _("Select the format you need"),
            "invalid_choice": _("Select a format from the list"),
        },
    )
    language = forms.CharField(required=False, max_length=60, validators=[validate_no_markup])
    availability = forms.CharField(
        required=False, max_length=300, widget=forms.Textarea, validators=[validate_no_markup]
    )
    declines_payment = forms.BooleanField(required=False)
    accepts_agreement = forms.BooleanField(required=False)
    age_band = forms.ChoiceField(choices=EqualityMonitoring.AgeBand.choices, required=False)
    ethnic_group = forms.ChoiceField(choices=EqualityMonitoring.EthnicGroup.choices, required=False)
    disability = forms.ChoiceField(choices=EqualityMonitoring.Answer.choices, required=False)

    def clean_phone(self) -> str:
        value: str = self.cleaned_data.get("phone", "")
        return normalise_uk_mobile(value) if value else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reach = data.get("reach_by")
        needs = {
            Member.Reach.EMAIL: ("email", _("Enter your email address")),
            Member.Reach.TEXT: ("phone", _("Enter your mobile phone number")),
            Member.Reach.PHONE: ("phone", _("Enter your phone number")),
            Member.Reach.POST: ("postal_address", _("Enter your postal address")),
        }
        if reach in needs:
            field, message = needs[reach]
            if not data.get(field) and field not in self.errors:
                self.add_error(field, message)
        elif reach == Member.Reach.IN_PERSON and not any(
            data.get(f) or f in self.errors for f in ("email", "phone", "postal_address")
        ):
            # helper-83 joined "in person" with no details, and was told the lead would
            # be in touch "the way you asked": there was no way.
            self.add_error(
                "phone",
                _(
                    "To meet you in person, we need a way to arrange it: enter a phone "
                    "number, an email address or a postal address"
                ),
            )
        needs_language = {Member.Format.OTHER_LANGUAGE, Member.Format.INTERPRETER}
        if data.get("format") in needs_language and not data.get("language"):
            self.add_error("language", _("Enter the language you need"))
        return data

    def equality(self) -> dict[str, Any] | None:
        """Equality monitoring if any was given; the questions not answered count as
        'prefer not to say'."""
        data = self.cleaned_data
        answers = {k: data.get(k) for k in ("age_band", "ethnic_group", "disability")}
        if not any(answers.values()):
            return None
        return {k: v or "not_said" for k, v in answers.items()}

    def member_details(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "kind": data["kind"],
            "reach_by": data["reach_by"],
            "email": data["email"],
            "phone": data["phone"],
            "postal_address": data["postal_address"],
            "format": data["format"],
            "language": data["language"],
            "availability": data["availability"],
            "declines_payment": data["declines_payment"],
            "accepts_agreement": data["accepts_agreement"],
        }


class TrainingForm(PlainWordsForm):
    course = forms.ChoiceField(
        choices=TrainingRecord.Course.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the training"},
    )
    title = forms.CharField(required=False, max_length=200)
    completed_on = forms.DateField(
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the date the training was completed",
            "invalid": "Enter the date as day/month/year, like 21/03/2026",
        },
    )

    def clean_completed_on(self) -> dt.date:
        value: dt.date = self.cleaned_data["completed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(
                "The date the training was completed cannot be in the future"
            )
        return value


class AgreementForm(PlainWordsForm):
    text = forms.CharField(
        max_length=10_000,
        widget=forms.Textarea,
        error_messages={"required": "Enter the text of the respect agreement"},
    )


class MeetingForm(PlainWordsForm):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title"})
    kind = forms.ChoiceField(
        choices=MeetingKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of meeting"},
    )
    series = forms.ModelChoiceField(
        queryset=MeetingSeries.objects.all(),
        required=False,
        error_messages={"invalid_choice": "Select a series or board from the list"},
    )
    starts_on = forms.DateField(
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Enter the date as day/month/year, like 21/03/2027",
        },
    )
    starts_at = forms.TimeField(
        input_formats=["%H:%M"],
        error_messages={
            "required": "Enter the time the meeting starts",
            "invalid": "Enter the time like 14:30",
        },
    )
    hours = forms.DecimalField(
        min_value=decimal.Decimal("0.25"),
        max_value=decimal.Decimal("12"),
        decimal_places=2,
        error_messages={
            "required": "Enter how many hours the meeting lasts",
            "invalid": "Enter the hours as a number, like 2 or 1.5",
            "min_value": "A meeting lasts at least a quarter of an hour",
            "max_value": "A meeting lasts at most 12 hours",
        },
    )
    place = forms.CharField(
        max_length=200, error_messages={"required": "Enter where it is, or how to join online"}
    )
    agenda = forms.CharField(required=False, max_length=5000, widget=forms.Textarea)
    ladder = forms.ChoiceField(
        choices=Ladder.choices,
        widget=forms.RadioSelect,
        initial=Ladder.CO_PRODUCTION,
        error_messages={"required": "Select where the meeting stands on the ladder"},
    )

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        starts = dt.datetime.combine(
            data["starts_on"], data["starts_at"], tzinfo=timezone.get_current_timezone()
        )
        return {
            "title": data["title"],
            "kind": data["kind"],
            "series": data["series"],
            "starts_at": starts,
            "hours": data["hours"],
            "place": data["place"],
            "agenda": data["agenda"],
            "ladder": data["ladder"],
        }


class PaperForm(PlainWordsForm):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the paper's title"})
    text = forms.CharField(
        max_length=20_000, widget=forms.Textarea, error_messages={"required": "Enter the paper"}
    )
    easy_read_text = forms.CharField(required=False, max_length=20_000, widget=forms.Textarea)


class DecisionForm(PlainWordsForm):
    decision = forms.CharField(
        max_length=2000, widget=forms.Textarea, error_messages={"required": "Enter the decision"}
    )


class ClaimForm(PlainWordsForm):
    unit = forms.ChoiceField(
        choices=PaymentRate.Unit.choices,
        widget=forms.RadioSelect,
        initial=PaymentRate.Unit.HOUR,
        error_messages={"required": "Select how the time is counted"},
    )
    units = forms.DecimalField(
        min_value=decimal.Decimal("0"),
        max_value=decimal.Decimal("100"),
        decimal_places=2,
        required=False,
        error_messages={
            "invalid": "Enter the time as a number, like 2 or 1.5",
            "min_value": "The time must be 0 or more",
            "max_value": "The time must be 100 or less",
        },
    )
    expenses = PoundsField(
        min_value=decimal.Decimal("0"),
        max_value=decimal.Decimal("1000"),
        decimal_places=2,
        required=False,
        error_messages={
            "invalid": "Enter expenses in pounds, like 12.50",
            "min_value": "Expenses must be £0 or more",
            "max_value": "Expenses over £1,000 need the lived experience lead's help",
            "max_decimal_places": "Enter expenses in pounds and pence, like 12.50",
        },
    )
    expenses_note = forms.CharField(required=False, max_length=300)
    decline_payment = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("decline_payment") and not data.get("units") and "units" not in self.errors:
            self.add_error("units", "Enter the time you gave, or choose not to be paid")
        if data.get("expenses") and not data.get("expenses_note"):
            self.add_error("expenses_note", "Say what the expenses were for, like a bus fare")
        return data


class DecideClaimForm(PlainWordsForm):
    claim = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("reject", "Do not approve")],
        error_messages={"required": "Select approve or do not approve"},
    )
    note = forms.CharField(required=False, max_length=300)


LEVELS = StandardScore.Level.choices


class SelfAssessmentForm(PlainWordsForm):
    period_start = forms.DateField(
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the start of the period",
            "invalid": "Enter the date as day/month/year, like 1/4/2026",
        },
    )
    period_end = forms.DateField(
        input_formats=DATE_FORMATS,
        error_messages={
            "required": "Enter the end of the period",
            "invalid": "Enter the date as day/month/year, like 31/3/2027",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for standard, label in StandardScore.Standard.choices:
            name = str(label).lower()
            self.fields[f"level_{standard}"] = forms.TypedChoiceField(
                choices=LEVELS,
                coerce=int,
                widget=forms.RadioSelect,
                label=str(label),
                error_messages={
                    "required": "Select where the network stands on " + name,
                    "invalid_choice": "Choose one of the levels for " + name,
                },
            )
            self.fields[f"evidence_{standard}"] = forms.CharField(
                required=False, max_length=2000, widget=forms.Textarea
            )

    def scores(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {
            s: (data[f"level_{s}"], data.get(f"evidence_{s}", ""))
            for s in StandardScore.Standard.values
        }
