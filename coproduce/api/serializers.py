from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from coproduce.care.models import Person, Referral, Team, normalise_nhs_number
from coproduce.care.services import CONTACT_LABELS, clean_contact_details
from coproduce.change.models import Update
from coproduce.firstresponse.models import NAME_LENGTH, LinePartner, PassedCall
from coproduce.lib.dates import cannot_be_in_the_future, in_the_future
from coproduce.lib.validators import validate_no_markup, validate_readable
from coproduce.voices import anonymise
from coproduce.voices.forms import FEEDBACK_MAX_CHARACTERS
from coproduce.voices.models import Rating, Voice


class VoiceInSerializer(serializers.Serializer[Voice]):
    """A voice sent by a partner or staff system (e.g. ambulance service feedback)."""

    channel = serializers.ChoiceField(choices=Voice.Channel.choices)
    text = serializers.CharField(
        max_length=FEEDBACK_MAX_CHARACTERS,
        allow_blank=True,
        required=False,
        default="",
        validators=[validate_readable, validate_no_markup],
    )
    rating = serializers.ChoiceField(
        choices=Rating.choices, required=False, allow_null=True, default=None
    )
    team = serializers.PrimaryKeyRelatedField(
        queryset=Team.objects.all(), required=False, allow_null=True
    )
    consent_improvement = serializers.BooleanField(default=False)
    consent_quote = serializers.BooleanField(default=False)
    source_detail = serializers.CharField(
        max_length=200,
        required=False,
        default="",
        allow_blank=True,
        help_text="Where it came from, e.g. the partner organisation. Never a person's name.",
    )

    def validate_source_detail(self, value: str) -> str:
        if anonymise.names_someone(value):
            raise serializers.ValidationError(SOURCE_NAMES_SOMEONE)
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("text") and attrs.get("rating") is None:
            raise serializers.ValidationError("Send a rating, some text, or both.")
        return attrs


SOURCE_NAMES_SOMEONE = (
    "Never a person's name or phone number here: say where the feedback came from (the "
    "organisation, the place, a reference)."
)


class VoiceOutSerializer(serializers.ModelSerializer[Voice]):
    risk_alert_raised = serializers.SerializerMethodField(
        help_text="True when the words may signal risk to life or a safeguarding concern: "
        "a risk alert was raised and the duty team told. If the person is with you now, "
        "follow your crisis procedure."
    )

    class Meta:
        model = Voice
        fields = (
            "id",
            "channel",
            "rating",
            "team",
            "received_at",
            "source_detail",
            "risk_alert_raised",
        )

    def get_risk_alert_raised(self, voice: Voice) -> bool:
        return hasattr(voice, "risk_alert")


class UpdateSerializer(serializers.ModelSerializer[Update]):
    action_status = serializers.CharField(source="action.get_status_display")

    class Meta:
        model = Update
        fields = ("id", "you_said", "we_did", "published_at", "action_status")


class MonthlyExperienceSerializer(serializers.Serializer[Any]):
    month = serializers.DateField()
    responses = serializers.IntegerField(allow_null=True)
    positive = serializers.IntegerField(allow_null=True)
    share_positive = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField(
        help_text="True when any figure of the month is hidden; the others are safe to use."
    )
    hidden = serializers.ListField(
        child=serializers.ChoiceField(choices=["responses", "positive", "share_positive"]),
        help_text="The figures of the month hidden by disclosure control (shown as null).",
    )
    why_hidden = serializers.CharField(
        help_text="Why, in plain words; empty when nothing is hidden."
    )
    not_over = serializers.BooleanField(
        help_text=(
            "True for the month still going on: its figures will change, and the evidence "
            "pages draw it as provisional, outside the limits and the rules."
        )
    )


class DetailSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()


class ReferralInSerializer(serializers.Serializer[Any]):
    """A referral from a partner system, e.g. the ambulance service (seed 004)."""

    nhs_number = serializers.CharField(
        max_length=20, help_text="10 digits; spaces, dashes and any script's digits are read."
    )
    given_name = serializers.CharField(max_length=100)
    family_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField()
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all())
    # A field called "source" shadows DRF's Field.source in the stubs only; DRF's
    # serializer metaclass takes declared fields out of the class attributes.
    source = serializers.ChoiceField(choices=Referral.Source.choices)  # type: ignore[assignment]
    urgency = serializers.ChoiceField(
        choices=Referral.Urgency.choices,
        help_text="MHSDS Clinical Response Priority Type: 1 emergency, 4 very urgent, "
        "2 urgent, 3 routine.",
    )
    reason = serializers.CharField(max_length=20000)
    physical_health_need = serializers.BooleanField()
    referrer = serializers.CharField(max_length=200, required=False, default="")
    received_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    not_a_duplicate_because = serializers.CharField(
        max_length=2000, required=False, default="", allow_blank=True
    )
    phone = serializers.CharField(
        max_length=32,
        required=False,
        default="",
        allow_blank=True,
        help_text="The person's UK mobile number, e.g. 07700 900 982 or +44 7700 900 982.",
    )
    email = serializers.CharField(max_length=254, required=False, default="", allow_blank=True)
    address = serializers.CharField(
        max_length=500,
        required=False,
        default="",
        allow_blank=True,
        trim_whitespace=False,
        help_text="The postal address, each line of it on its own line (up to 7), the "
        "postcode on the last.",
    )
    preferred_channel = serializers.ChoiceField(
        choices=Person.Channel.choices,
        required=False,
        default="",
        allow_blank=True,
        help_text="How the person prefers to be contacted; it needs the matching detail.",
    )

    def validate_nhs_number(self, value: str) -> str:
        try:
            return normalise_nhs_number(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The contact details by the one rule for every route (``clean_contact_details``),
        each wrong one named by its field."""
        try:
            attrs["contact"] = clean_contact_details(
                **{name: attrs.pop(name) for name in CONTACT_LABELS}
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return attrs

    def validate_received_at(self, value: dt.datetime | None) -> dt.datetime | None:
        """Named here with the other fields at once, by the rule ``receive_referral``
        enforces."""
        if value is not None and in_the_future(value):
            raise serializers.ValidationError(cannot_be_in_the_future("referral"))
        return value


class ReferralOutSerializer(serializers.ModelSerializer[Referral]):
    person_known_elsewhere = serializers.SerializerMethodField(
        help_text="True when the NHS number belongs to someone known to another team: "
        "nothing of their record is returned (not whether the name or date of birth "
        "matched), and the receiving team sees them once it accepts the referral. "
        "Break-glass on the web opens their record now, audited."
    )

    class Meta:
        model = Referral
        fields = (
            "id",
            "team",
            "source",
            "urgency",
            "status",
            "received_at",
            "respond_by",
            "person_known_elsewhere",
        )

    def get_person_known_elsewhere(self, referral: Referral) -> bool:
        return bool(self.context.get("identity_withheld", False))


class DuplicateSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()
    existing = serializers.ListField(child=serializers.IntegerField())


class PassedCallInSerializer(serializers.Serializer[Any]):
    """A call NHS 111 (option 2) or the police pass to the First Response line: it waits
    on the line, at risk first, until a call handler takes it and calls back."""

    passed_by = serializers.ChoiceField(
        choices=LinePartner.Organisation.choices,
        help_text="Who passes the call: it must be the organisation this account is registered as.",
    )
    partner_reference = serializers.CharField(
        max_length=64,
        help_text="Your own reference for the call. The same reference sent again is "
        "answered with the call already passed (200), and nothing is created.",
    )
    line = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="The id of the First Response line (a team) the call is passed to. "
        "Leave it out if your account passes calls to one line only: it is that line.",
    )
    urgency = serializers.ChoiceField(
        choices=Referral.Urgency.choices,
        help_text="MHSDS Clinical Response Priority Type: 1 emergency, 4 very urgent, "
        "2 urgent, 3 routine.",
    )
    reason = serializers.CharField(
        max_length=5000,
        help_text="Why the call is passed, in your words. Screened for risk at once.",
        validators=[validate_readable, validate_no_markup],
    )
    phone = serializers.CharField(
        max_length=32, help_text="A number the line can call back on, e.g. 07700 900 982."
    )
    nhs_number = serializers.CharField(
        max_length=20,
        required=False,
        default="",
        allow_blank=True,
        help_text="If known: 10 digits. Anyone may stay anonymous.",
    )
    called = serializers.CharField(
        max_length=NAME_LENGTH,
        required=False,
        default="",
        allow_blank=True,
        help_text="A first name, or what they want to be called.",
        validators=[validate_no_markup],
    )
    area = serializers.CharField(
        max_length=100,
        required=False,
        default="",
        allow_blank=True,
        help_text="A town or part of the county.",
        validators=[validate_no_markup],
    )

    def validate_nhs_number(self, value: str) -> str:
        if not value.strip():
            return ""
        try:
            return normalise_nhs_number(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None


class PassedCallOutSerializer(serializers.ModelSerializer[PassedCall]):
    line = serializers.IntegerField(source="team_id")
    status = serializers.SerializerMethodField(
        help_text="waiting until a call handler takes it; taken once they have."
    )
    person_known_elsewhere = serializers.SerializerMethodField(
        help_text="True when the NHS number belongs to someone known to another team: "
        "nothing of their record is returned."
    )

    class Meta:
        model = PassedCall
        fields = (
            "id",
            "line",
            "passed_by",
            "partner_reference",
            "urgency",
            "passed_at",
            "status",
            "taken_at",
            "person_known_elsewhere",
        )

    def get_status(self, passed: PassedCall) -> str:
        return "waiting" if passed.is_waiting else "taken"

    def get_person_known_elsewhere(self, passed: PassedCall) -> bool:
        return bool(self.context.get("identity_withheld", False))
