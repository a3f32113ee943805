from __future__ import annotations

from typing import Any

from rest_framework import serializers

from coproduce.care.models import Team
from coproduce.change.models import Update
from coproduce.voices.forms import FEEDBACK_MAX_CHARACTERS
from coproduce.voices.models import Rating, Voice
from coproduce.voices.validators import validate_no_markup, validate_readable


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
    rating = serializers.ChoiceField(choices=Rating.choices, required=False, allow_null=True)
    team = serializers.PrimaryKeyRelatedField(
        queryset=Team.objects.all(), required=False, allow_null=True
    )
    consent_improvement = serializers.BooleanField(default=False)
    consent_quote = serializers.BooleanField(default=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("text") and attrs.get("rating") is None:
            raise serializers.ValidationError("Send a rating, some text, or both.")
        return attrs


class VoiceOutSerializer(serializers.ModelSerializer[Voice]):
    class Meta:
        model = Voice
        fields = ("id", "channel", "rating", "team", "received_at")


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
    suppressed = serializers.BooleanField()


class DetailSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()
