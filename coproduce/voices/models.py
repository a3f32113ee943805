"""Lived experience from every channel: a voice, its consent scopes and its categories."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class EnquiryCategory(models.Model):
    """What listeners listen for (seed 003), e.g. continuity of care and relationships."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "enquiry categories"

    def __str__(self) -> str:
        return self.name


class Rating(models.IntegerChoices):
    """The Friends and Family Test scale, with its published codes."""

    VERY_GOOD = 1, "Very good"
    GOOD = 2, "Good"
    NEITHER = 3, "Neither good nor poor"
    POOR = 4, "Poor"
    VERY_POOR = 5, "Very poor"
    DONT_KNOW = 6, "Don't know"


POSITIVE_RATINGS = frozenset({Rating.VERY_GOOD, Rating.GOOD})


class VoiceQuerySet(models.QuerySet["Voice"]):
    def usable_for_improvement(self) -> VoiceQuerySet:
        return self.filter(consent_improvement=True, withdrawn_at__isnull=True)

    def to_contact_back(self) -> VoiceQuerySet:
        return self.filter(consent_contact=True, withdrawn_at__isnull=True).exclude(
            contact_channel=Voice.ContactChannel.NONE
        )


class Voice(models.Model):
    class Channel(models.TextChoices):
        WEB = "web", "Web form"
        PHONE = "phone", "Phone"
        PAPER = "paper", "Paper"
        IN_PERSON = "in_person", "In person"
        SMS = "sms", "Text message"
        EMAIL = "email", "Email"
        COMMUNITY_LISTENING = "community_listening", "Community listening"
        PARTNER = "partner", "Partner feedback"
        COMPLAINT = "complaint", "Complaint"

    class ContactChannel(models.TextChoices):
        NONE = "none", "Do not contact"
        EMAIL = "email", "Email"
        SMS = "sms", "Text message"

    channel = models.CharField(max_length=32, choices=Channel.choices)
    text = models.TextField(blank=True)
    rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    received_at = models.DateTimeField(db_index=True)
    language = models.CharField(max_length=16, default="en")
    team = models.ForeignKey(
        "care.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="voices"
    )
    person = models.ForeignKey(
        "care.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="voices"
    )
    # Consent scopes, each asked for separately.
    consent_improvement = models.BooleanField("Use to improve services", default=False)
    consent_quote = models.BooleanField("Quote anonymously in public", default=False)
    consent_contact = models.BooleanField("Contact me about what changes", default=False)
    contact_channel = models.CharField(
        max_length=16, choices=ContactChannel.choices, default=ContactChannel.NONE
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=20, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    categories = models.ManyToManyField(EnquiryCategory, blank=True, related_name="voices")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_voices",
    )

    objects = VoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"Voice {self.pk}"

    @property
    def rating_label(self) -> str:
        return Rating(self.rating).label if self.rating else "No rating"


class FollowUpInvitation(models.Model):
    """A safe, later invitation to give feedback after care (seed 003).

    Scheduled when an episode closes, for the team's follow-up days later. Sending it
    (on the person's chosen channel, only with their agreement, never in quiet hours)
    belongs to the voices delivery work; until then it waits here as scheduled.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        SENT = "sent", "Sent"
        NOT_SENT = "not_sent", "Not sent (no agreement or no channel)"
        OPTED_OUT = "opted_out", "Opted out"

    episode = models.OneToOneField(
        "care.Episode", on_delete=models.PROTECT, related_name="follow_up_invitation"
    )
    due_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at"]

    def __str__(self) -> str:
        return f"Follow-up invitation {self.pk}"


class RiskAlert(models.Model):
    """A voice that signals current risk or a safeguarding concern, for the duty team.

    Raised in the same transaction that stores the voice, so a stored voice is never
    left waiting in a queue without its alert. Acknowledged by a named person;
    escalated to team leaders if not acknowledged in time.
    """

    class Concern(models.TextChoices):
        RISK_TO_LIFE = "risk_to_life", "Current risk to life"
        SAFEGUARDING = "safeguarding", "Safeguarding concern"

    voice = models.OneToOneField(Voice, on_delete=models.PROTECT, related_name="risk_alert")
    concerns = models.JSONField(default=list)
    raised_at = models.DateTimeField(auto_now_add=True, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acknowledged_alerts",
    )
    action_taken = models.TextField(blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["acknowledged_at", "-raised_at"]

    def __str__(self) -> str:
        return f"Risk alert {self.pk}"

    @property
    def concern_labels(self) -> list[str]:
        return [RiskAlert.Concern(c).label for c in self.concerns]
