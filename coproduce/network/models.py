"""The co-production network: open to everyone, reached how they choose, meeting as equals.

Seeds 000, 001 and 003: anyone may join (people who use services, carers and family,
staff, peer workers); each is reached in person, by phone, email, text or post, in the
format they need; everyone accepts the respect agreement; meetings and boards keep
seats for lived experience; involvement is paid at published rates unless declined.
"""

from __future__ import annotations

import datetime as dt
import decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.lib.formats import Format


class Ladder(models.TextChoices):
    """The ladder of co-production (Think Local Act Personal), lowest rung first."""

    COERCION = "coercion", "Coercion"
    EDUCATING = "educating", "Educating"
    INFORMING = "informing", "Informing"
    CONSULTATION = "consultation", "Consultation"
    ENGAGEMENT = "engagement", "Engagement"
    CO_DESIGN = "co_design", "Co-design"
    CO_PRODUCTION = "co_production", "Co-production"

    @classmethod
    def step(cls, value: str) -> int:
        """1 (coercion) … 7 (co-production)."""
        return list(cls.values).index(value) + 1


class MemberQuerySet(models.QuerySet["Member"]):
    def current(self) -> MemberQuerySet:
        return self.filter(left_on__isnull=True)


class Member(models.Model):
    class Kind(models.TextChoices):
        SERVICE_USER = "service_user", _("Person who uses services")
        CARER = "carer", _("Carer or family member")
        STAFF = "staff", _("Member of staff")
        PEER = "peer", _("Peer worker")

    class Reach(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("Email")
        TEXT = "text", _("Text message")
        POST = "post", _("Post")

    Format = Format

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_member",
    )
    # The name the member wants to be called by: it may be a first name only.
    name = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    reach_by = models.CharField(max_length=16, choices=Reach.choices, default=Reach.EMAIL)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=20, blank=True)
    postal_address = models.TextField(blank=True)
    format = models.CharField(max_length=32, choices=Format.choices, default=Format.STANDARD)
    # For "another language" or "interpreter needed": which language.
    language = models.CharField(max_length=60, blank=True)
    availability = models.CharField(max_length=300, blank=True)
    declines_payment = models.BooleanField(
        default=False, help_text="Takes part without being paid (expenses may still be claimed)."
    )
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    # Set when the member's personal details were erased (on request, or by retention).
    erased_on = models.DateField(null=True, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["joined_on", "id"]

    def __str__(self) -> str:
        return f"Member {self.pk}"

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        if self.user is not None:
            return self.user.display_name
        return f"Member {self.pk}"

    @property
    def name_and_role(self) -> str:
        """How a member is listed: "Viv Adams (Person who uses services)"."""
        return f"{self.display_name} ({self.get_kind_display()})"

    def has_accepted(self, agreement: RespectAgreement | None) -> bool:
        return agreement is not None and self.acceptances.filter(agreement=agreement).exists()


class EqualityMonitoring(models.Model):
    """Optional equality monitoring, kept apart from names: no link to the member at all.

    Only ever reported in aggregate, with small numbers suppressed. The month a member
    joined is kept so reach can be followed over time.
    """

    class AgeBand(models.TextChoices):
        UNDER_18 = "under_18", _("Under 18")
        A18_24 = "18_24", _("18 to 24")
        A25_34 = "25_34", _("25 to 34")
        A35_44 = "35_44", _("35 to 44")
        A45_54 = "45_54", _("45 to 54")
        A55_64 = "55_64", _("55 to 64")
        A65_PLUS = "65_plus", _("65 or over")
        NOT_SAID = "not_said", _("Prefer not to say")

    class EthnicGroup(models.TextChoices):
        # The five high-level groups of the 2021 Census for England and Wales.
        ASIAN = "asian", _("Asian or Asian British")
        BLACK = "black", _("Black, Black British, Caribbean or African")
        MIXED = "mixed", _("Mixed or multiple ethnic groups")
        WHITE = "white", _("White")
        OTHER = "other", _("Other ethnic group")
        NOT_SAID = "not_said", _("Prefer not to say")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NOT_SAID = "not_said", _("Prefer not to say")

    joined_month = models.DateField(help_text="The first day of the month they joined.")
    age_band = models.CharField(max_length=16, choices=AgeBand.choices)
    ethnic_group = models.CharField(max_length=16, choices=EthnicGroup.choices)
    disability = models.CharField(max_length=16, choices=Answer.choices)
    # Index of Multiple Deprivation decile of where they live (1 most deprived), if known.
    deprivation_decile = models.PositiveSmallIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Equality monitoring {self.pk}"


class TrainingRecord(models.Model):
    class Course(models.TextChoices):
        CONFIDENCE = "confidence", "Confidence and assertiveness"
        CO_PRODUCTION = "co_production", "Co-production"
        SAFEGUARDING = "safeguarding", "Safeguarding"
        CHAIRING = "chairing", "Chairing meetings"
        OTHER = "other", "Other"

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="training")
    course = models.CharField(max_length=32, choices=Course.choices)
    title = models.CharField(max_length=200, blank=True)
    completed_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on"]

    def __str__(self) -> str:
        return f"Training {self.pk}"


class RespectAgreement(models.Model):
    """A version of the respect agreement. A new version asks every member again."""

    version = models.PositiveIntegerField(unique=True)
    text = models.TextField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Respect agreement version {self.version}"

    @classmethod
    def current(cls) -> RespectAgreement | None:
        return cls.objects.order_by("-version").first()


class AgreementAcceptance(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="acceptances")
    agreement = models.ForeignKey(
        RespectAgreement, on_delete=models.PROTECT, related_name="acceptances"
    )
    accepted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "agreement"], name="accept_a_version_once")
        ]

    def __str__(self) -> str:
        return f"Acceptance {self.pk}"


class MeetingKind(models.TextChoices):
    CO_PRODUCTION = "co_production", "Co-production meeting"
    DELIVERY_BOARD = "delivery_board", "Delivery board"
    OPEN_FORUM = "open_forum", "Open forum"
    FOCUS_GROUP = "focus_group", "Focus group"


class MeetingSeries(models.Model):
    """A meeting that recurs, or a board, with its seats for lived experience."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=MeetingKind.choices)
    lived_experience_seats = models.PositiveSmallIntegerField(default=0)
    ladder = models.CharField(
        "Where it stands on the ladder of co-production",
        max_length=16,
        choices=Ladder.choices,
        default=Ladder.CONSULTATION,
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "meeting series"

    def __str__(self) -> str:
        return self.name


class BoardSeat(models.Model):
    """A lived-experience seat on a board, held by a member."""

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="seats")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="seats")
    since = models.DateField()
    until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["since"]

    def __str__(self) -> str:
        return f"Seat {self.pk}"


class Meeting(models.Model):
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    kind = models.CharField(max_length=32, choices=MeetingKind.choices)
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    hours = models.DecimalField(max_digits=4, decimal_places=2, default=decimal.Decimal("2"))
    place = models.CharField(max_length=200)
    agenda = models.TextField(blank=True)
    ladder = models.CharField(
        "Where it stands on the ladder of co-production",
        max_length=16,
        choices=Ladder.choices,
        default=Ladder.CONSULTATION,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def held(self) -> bool:
        from django.utils import timezone

        return self.starts_at <= timezone.now()


class MeetingPaper(models.Model):
    """A paper for a meeting. An Easy Read version may be written beside it; the other
    formats (large print, Braille-ready text, audio) are made from the text."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    text = models.TextField()
    easy_read_text = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendance")
    attended = models.BooleanField(null=True, help_text="None until the register is taken.")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")
        ]

    def __str__(self) -> str:
        return f"Attendance {self.pk}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Decision {self.pk}"


class PaymentRate(models.Model):
    """What the trust pays for involvement, by the member's role and the unit of time."""

    class Unit(models.TextChoices):
        HOUR = "hour", "Per hour"
        HALF_DAY = "half_day", "Per half day"
        DAY = "day", "Per day"

    kind = models.CharField("For", max_length=32, choices=Member.Kind.choices)
    unit = models.CharField(max_length=16, choices=Unit.choices)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["kind", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "unit"],
                condition=models.Q(active=True),
                name="one_active_rate_per_kind_unit",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: £{self.amount} {self.get_unit_display().lower()}"


class PaymentClaim(models.Model):
    """A member's claim for taking part in a meeting: payment at a rate, and expenses.

    Every claim is approved by a lived-experience lead before finance sees it. A claim for
    a meeting the member is not recorded as attending is marked so, and the approver must
    say why it is paid.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for approval"
        NEEDS_CHECK = "needs_check", "Waiting for approval: attendance not recorded"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Not approved"

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="claims")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="claims")
    rate = models.ForeignKey(
        PaymentRate, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    units = models.DecimalField(max_digits=5, decimal_places=2, default=decimal.Decimal("0"))
    payment = models.DecimalField(max_digits=8, decimal_places=2, default=decimal.Decimal("0"))
    expenses = models.DecimalField(max_digits=8, decimal_places=2, default=decimal.Decimal("0"))
    expenses_note = models.CharField(max_length=300, blank=True)
    payment_declined = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "meeting"], name="one_claim_per_meeting")
        ]

    def __str__(self) -> str:
        return f"Claim {self.pk}"

    @property
    def total(self) -> decimal.Decimal:
        return self.payment + self.expenses


class SelfAssessment(models.Model):
    """The network's periodic self-assessment against the 4Pi involvement standards."""

    period_start = models.DateField()
    period_end = models.DateField()
    held_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Self-assessment {self.period_start:%b %Y} to {self.period_end:%b %Y}"

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return self.period_start, self.period_end


class StandardScore(models.Model):
    class Standard(models.TextChoices):
        # NSUN's 4Pi National Involvement Standards.
        PRINCIPLES = "principles", "Principles"
        PURPOSE = "purpose", "Purpose"
        PRESENCE = "presence", "Presence"
        PROCESS = "process", "Process"
        IMPACT = "impact", "Impact"

    class Level(models.IntegerChoices):
        NOT_YET = 1, "Not yet started"
        STARTING = 2, "Starting"
        DEVELOPING = 3, "Developing"
        ESTABLISHED = 4, "Established"

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    standard = models.CharField(max_length=16, choices=Standard.choices)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "standard"], name="one_score_per_standard"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_standard_display()}: {self.get_level_display()}"
