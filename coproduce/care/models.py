"""People in crisis and the service's response: teams, referrals, episodes, contacts."""

from __future__ import annotations

import datetime as dt

import nhs_number
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from coproduce.accounts.models import User


def validate_nhs_number(value: str) -> None:
    if not (len(value) == 10 and value.isdigit() and nhs_number.is_valid(value)):
        raise ValidationError(
            "Enter a valid 10-digit NHS number (the check digit does not match).",
            code="invalid_nhs_number",
        )


class Team(models.Model):
    class Kind(models.TextChoices):
        CRISIS_LINE = "crisis_line", "24/7 crisis line"
        HOME_TREATMENT = "home_treatment", "Crisis resolution and home treatment team"
        RESPONSE_VEHICLE = "response_vehicle", "Mental health response vehicle"
        SANCTUARY = "sanctuary", "Evening sanctuary"

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # Both empty means open 24 hours. A closing time before the opening time crosses midnight.
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    max_named_team = models.PositiveSmallIntegerField(
        default=4, help_text="Most staff in a person's named team (lead practitioner model)."
    )
    staff = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teams", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_open_at(self, moment: dt.time) -> bool:
        if self.opens_at is None or self.closes_at is None:
            return True
        if self.opens_at <= self.closes_at:
            return self.opens_at <= moment < self.closes_at
        return moment >= self.opens_at or moment < self.closes_at


class Person(models.Model):
    nhs_number = models.CharField(
        "NHS number", max_length=10, unique=True, validators=[validate_nhs_number]
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    phone = models.CharField(max_length=32, blank=True)
    email = models.EmailField(blank=True)
    communication_needs = models.TextField(blank=True)

    class Meta:
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return f"Person {self.pk}"

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def formatted_nhs_number(self) -> str:
        n = self.nhs_number
        return f"{n[:3]} {n[3:6]} {n[6:]}"


class Referral(models.Model):
    class Source(models.TextChoices):
        SELF = "self", "Self"
        CARER = "carer", "Carer or family"
        NHS_111 = "nhs_111", "NHS 111 (mental health option)"
        AMBULANCE = "ambulance", "Ambulance service"
        POLICE = "police", "Police"
        GP = "gp", "GP"
        AE_LIAISON = "ae_liaison", "A&E liaison"
        OTHER_TEAM = "other_team", "Another team"

    class Urgency(models.TextChoices):
        EMERGENCY = "emergency", "Emergency"
        VERY_URGENT = "very_urgent", "Very urgent (within 4 hours)"
        URGENT = "urgent", "Urgent (within 24 hours)"
        ROUTINE = "routine", "Routine"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="referrals")
    source = models.CharField(max_length=32, choices=Source.choices)
    urgency = models.CharField(max_length=32, choices=Urgency.choices)
    received_at = models.DateTimeField()
    reason = models.TextField()
    physical_health_need = models.BooleanField(default=False)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"Referral {self.pk}"


class EpisodeQuerySet(models.QuerySet["Episode"]):
    def open(self) -> EpisodeQuerySet:
        return self.filter(closed_at__isnull=True)

    def for_user(self, user: User) -> EpisodeQuerySet:
        """Episodes on the caseload of any team the user works in."""
        return self.filter(team__staff=user).distinct()


class Episode(models.Model):
    """A person's time on a team's caseload, from accepted referral to discharge."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="episodes")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="episodes")
    referral = models.OneToOneField(
        Referral, on_delete=models.PROTECT, null=True, blank=True, related_name="episode"
    )
    lead_practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="led_episodes"
    )
    named_team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="named_on_episodes", blank=True
    )
    accepted_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = EpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-accepted_at"]

    def __str__(self) -> str:
        return f"Episode {self.pk}"


class Contact(models.Model):
    """A contact recorded in the LISTEN structure (seed 000).

    Listen and look at the crisis plan; Involve and inform the person and carer; Shared
    understanding and safety; Time and tone; Empathise, encourage, evaluate; Next steps.
    LISTEN's rule "never end a contact without a plan" is a database constraint: a
    contact cannot be stored without agreed next steps.
    """

    class Mode(models.TextChoices):
        FACE_TO_FACE = "face_to_face", "Face to face"
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"
        TEXT = "text", "Text message"

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="contacts")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts"
    )
    occurred_at = models.DateTimeField()
    mode = models.CharField(max_length=16, choices=Mode.choices)
    # L — Listen (the person's own words) and look at the crisis plan.
    persons_words = models.TextField("The person's own words")
    crisis_plan_reviewed = models.BooleanField("Crisis plan looked at", default=False)
    # I — Involve and inform the person and their carer.
    involved_and_informed = models.TextField("Who was involved and informed", blank=True)
    # S — Shared understanding and safety.
    shared_understanding = models.TextField("Shared understanding and safety")
    # T — Time and tone.
    time_and_tone = models.TextField("Time and tone", blank=True)
    # E — Empathise, encourage, evaluate: feelings and experience validated.
    feelings_validated = models.TextField("Feelings and experience validated")
    # N — Next steps agreed to stay safe.
    next_steps = models.TextField("Next steps agreed to stay safe")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(next_steps=""), name="contact_has_next_steps"),
            models.CheckConstraint(
                condition=~Q(persons_words=""), name="contact_has_persons_words"
            ),
        ]

    def __str__(self) -> str:
        return f"Contact {self.pk}"
