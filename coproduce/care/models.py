"""People in crisis and the service's response: teams, referrals, episodes, contacts."""

from __future__ import annotations

import datetime as dt

import nhs_number
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from coproduce.accounts.models import User
from coproduce.care import targets
from coproduce.lib.validators import DASHES, fold_number, is_uk_mobile


def validate_date_of_birth(born: dt.date) -> None:
    """A date of birth today or before, and after 1900: one in the future was taken by
    the call's "Record the caller as a person" (a fresh-eyes trial) though a referral
    refused it; now every route (forms, FHIR Patient) is refused alike."""
    from django.utils import timezone

    if born > timezone.localdate():
        raise ValidationError("The date of birth must be in the past", code="born_in_future")
    if born.year < 1900:
        raise ValidationError("Check the year of birth", code="born_before_1900")


def validate_nhs_number(value: str) -> None:
    """A stored NHS number: ten ASCII digits, not one digit repeated, modulus 11.

    Only ASCII: ``str.isdigit()`` also accepts full-width and Arabic-Indic digits, which
    would make one number several people. Fold input with ``normalise_nhs_number``.
    A number of one digit repeated (``0000000000``, ``1111111111``…) passes modulus 11
    but is nobody's: it is a placeholder typed to get past the field.
    """
    if not (len(value) == 10 and value.isascii() and value.isdigit()):
        raise ValidationError(
            "Enter a valid NHS number: 10 digits, like 943 476 5919.",
            code="invalid_nhs_number",
        )
    if len(set(value)) == 1:
        raise ValidationError(
            "Enter the person's real NHS number: a number made of the same digit ten times "
            "(like 000 000 0000) is not anyone's. If you do not know it, ask the referrer "
            "or find it on the person's GP letter or NHS App.",
            code="repeated_nhs_number",
        )
    if not nhs_number.is_valid(value):
        raise ValidationError(
            "Enter a valid NHS number: the last digit (the check digit) does not match the "
            "others. Check each digit, like 943 476 5919.",
            code="invalid_nhs_number",
        )


def default_review_days() -> list[int]:
    return [7, 14]


def validate_review_days(value: object) -> None:
    if (
        not isinstance(value, list)
        or not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 90 for d in value)
        or sorted(set(value)) != value
    ):
        raise ValidationError(
            "Review days must be whole numbers of days from 1 to 90, in order, each once "
            "(for example 7, 14).",
            code="review_days",
        )


def normalise_nhs_number(value: str) -> str:
    """An NHS number as typed or pasted, in any digits, with spaces or dashes between
    groups and any invisible format characters (``fold_number``): checked, and as the 10
    ASCII digits it is stored and matched by. Every way in (pages, REST, FHIR) reads NHS
    numbers through this, so one number is one person."""
    folded = fold_number(value)
    number = "".join(c for c in folded if not c.isspace() and c not in DASHES)
    validate_nhs_number(number)
    return number


class Team(models.Model):
    class Kind(models.TextChoices):
        CRISIS_LINE = "crisis_line", "24/7 crisis line"
        HOME_TREATMENT = "home_treatment", "Crisis resolution and home treatment team"
        RESPONSE_VEHICLE = "response_vehicle", "Mental health response vehicle"
        SANCTUARY = "sanctuary", "Evening sanctuary"

    name = models.CharField(max_length=120, unique=True)
    # What a Welsh reader sees on the feedback form and in Welsh texts (the Welsh Language
    # Standards: a service named in Welsh where it offers Welsh); empty, the English name.
    welsh_name = models.CharField(
        "Name in Welsh",
        max_length=120,
        blank=True,
        help_text="Shown instead of the name on Welsh pages and in Welsh messages.",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # Both empty means open 24 hours. A closing time before the opening time crosses midnight.
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    max_named_team = models.PositiveSmallIntegerField(
        default=4, help_text="Most staff in a person's named team (lead practitioner model)."
    )
    review_days = models.JSONField(
        default=default_review_days,
        validators=[validate_review_days],
        help_text="Days after acceptance on which reviews fall (seed 002: 7 and 14).",
    )
    disengaged_after_days = models.PositiveSmallIntegerField(
        default=7, help_text="Days with no contact achieved before an episode is disengaged."
    )
    follow_up_after_days = models.PositiveSmallIntegerField(
        default=14, help_text="Days after discharge before the follow-up invitation is sent."
    )
    arrival_target_minutes = models.PositiveSmallIntegerField(
        default=targets.ARRIVAL_MINUTES,
        help_text="Response vehicle: target minutes from dispatch to arrival.",
    )
    capacity = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The Sanctuary: how many guests at once (empty for teams with no guests).",
    )
    staff = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teams", blank=True)
    # Risk alerts from voices go to whoever holds the duty phone and inbox on the shift.
    duty_phone = models.CharField("Duty phone (mobile)", max_length=32, blank=True)
    duty_email = models.EmailField("Duty email", blank=True)
    peer_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Signs the team's follow-up invitations (seed 003).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> tuple[str, str]:
        """The team's name for a reader of ``language``, and the language it is in: its
        Welsh name for a Welsh reader, where it has one, else its name, in English."""
        if language.split("-")[0].lower() == "cy" and self.welsh_name.strip():
            return self.welsh_name.strip(), "cy"
        return self.name, "en"

    @property
    def is_24_7(self) -> bool:
        return self.opens_at is None or self.closes_at is None

    def is_open_at(self, moment: dt.time) -> bool:
        if self.opens_at is None or self.closes_at is None:
            return True
        if self.opens_at <= self.closes_at:
            return self.opens_at <= moment < self.closes_at
        return moment >= self.opens_at or moment < self.closes_at

    def next_opening(self, moment: dt.datetime) -> dt.datetime:
        """When the team next opens at or after ``moment`` (``moment`` itself if open)."""
        if self.is_open_at(moment.timetz().replace(tzinfo=None)) or self.opens_at is None:
            return moment
        opening = moment.replace(
            hour=self.opens_at.hour, minute=self.opens_at.minute, second=0, microsecond=0
        )
        return opening if opening > moment else opening + dt.timedelta(days=1)

    @property
    def hours_label(self) -> str:
        if self.opens_at is None or self.closes_at is None:
            return "Open 24 hours, every day"
        return f"Open {self.opens_at:%H:%M} to {self.closes_at:%H:%M}, every day"


# Bumped by any change to a team or to who works in one (the receivers below), so that a
# user's teams read earlier in this process are read again.
_teams_changed = [0]


def memberships(user: User) -> tuple[Team, ...]:
    """The teams the user works in, read once for this user object and kept on it: a
    request's user is made afresh for each request, so a page that scopes eight lists by
    the user's teams reads them once rather than in a subquery of each, and shows their
    names without joining them to each row (issue 25). Read again after a team or its
    staff changed in this process."""
    kept = user.__dict__.get("_memberships")
    if kept is None or kept[0] != _teams_changed[0]:
        read = tuple(Team.objects.filter(staff=user).order_by("pk"))
        kept = user.__dict__["_memberships"] = (_teams_changed[0], read)
    return kept[1]


def team_ids(user: User, kind: str | None = None) -> list[int]:
    """The ids of the teams the user works in (of one kind, if given)."""
    return [team.pk for team in memberships(user) if kind is None or team.kind == kind]


@receiver(m2m_changed, sender=Team.staff.through)
@receiver(post_save, sender=Team)
@receiver(post_delete, sender=Team)
def _forget_teams(**_: object) -> None:
    _teams_changed[0] += 1


class Person(models.Model):
    nhs_number = models.CharField(
        "NHS number", max_length=10, unique=True, validators=[validate_nhs_number]
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(validators=[validate_date_of_birth])
    # A mobile, or a landline for someone with none (texts go to a mobile only).
    phone = models.CharField("Phone number", max_length=32, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField("Postal address", blank=True)

    class Channel(models.TextChoices):
        NOT_RECORDED = "", "Not recorded"
        SMS = "sms", "Text message"
        PHONE = "phone", "Phone call"
        EMAIL = "email", "Email"
        POST = "post", "Letter"

    # How the person prefers the service to reach them; what they agreed to for feedback
    # invitations is recorded apart (feedback_invitations).
    preferred_channel = models.CharField(
        "Preferred way to be contacted", max_length=8, choices=Channel.choices, blank=True
    )
    communication_needs = models.TextField(blank=True)

    class FeedbackInvitations(models.TextChoices):
        NONE = "none", "Not agreed"
        SMS = "sms", "Text message"
        EMAIL = "email", "Email"

    # Whether, and how, the person agreed to be invited to give feedback after care.
    feedback_invitations = models.CharField(
        max_length=8, choices=FeedbackInvitations.choices, default=FeedbackInvitations.NONE
    )

    class Meta:
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return f"Person {self.pk}"

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def has_mobile(self) -> bool:
        """Whether their phone number can get texts (a landline cannot)."""
        return is_uk_mobile(self.phone)

    @property
    def formatted_nhs_number(self) -> str:
        n = self.nhs_number
        return f"{n[:3]} {n[3:6]} {n[6:]}"


class ReferralQuerySet(models.QuerySet["Referral"]):
    def unallocated(self) -> ReferralQuerySet:
        return self.filter(status=Referral.Status.RECEIVED)

    def for_user(self, user: User) -> ReferralQuerySet:
        # The user's teams' ids rather than a join and DISTINCT: the same referrals,
        # without sorting every referral of the trust to drop repeats.
        return self.filter(team_id__in=team_ids(user))

    def by_time_left(self) -> ReferralQuerySet:
        return self.order_by(models.F("respond_by").asc(nulls_last=True), "received_at")


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
        """MHSDS Clinical Response Priority Type national codes."""

        EMERGENCY = "1", "Emergency"
        VERY_URGENT = "4", "Very urgent"
        URGENT = "2", "Urgent"
        ROUTINE = "3", "Routine"

    class Status(models.TextChoices):
        RECEIVED = "received", "Waiting to be allocated"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        COMPLETED = "completed", "Seen and completed by the response vehicle"

    class Via(models.TextChoices):
        STAFF = "staff", "Entered by staff"
        API = "api", "Partner API"
        FHIR = "fhir", "FHIR ServiceRequest"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="referrals")
    source = models.CharField(max_length=32, choices=Source.choices)
    urgency = models.CharField(max_length=2, choices=Urgency.choices)
    received_at = models.DateTimeField()
    reason = models.TextField()
    physical_health_need = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    received_via = models.CharField(max_length=8, choices=Via.choices, default=Via.STAFF)
    referrer = models.CharField("Referrer's name and contact", max_length=200, blank=True)
    respond_by = models.DateTimeField(null=True, blank=True, db_index=True)
    seen_at = models.DateTimeField(null=True, blank=True)
    additional_information = models.TextField(blank=True)
    not_a_duplicate_because = models.TextField(blank=True)
    # Who the referrer said the person is. A receiving team that may not yet see the
    # record of someone known to another team reads these until it accepts the referral,
    # and acceptance checks the date of birth against the record (wrong-person hazard).
    referred_name = models.CharField("Name as the referrer gave it", max_length=201, blank=True)
    referred_date_of_birth = models.DateField(
        "Date of birth as the referrer gave it", null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            # The worklist's and the referrals page's "not yet allocated": a few among
            # every referral the trust has had.
            models.Index(
                fields=["team"], condition=Q(status="received"), name="referral_unallocated"
            ),
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk}"

    def minutes_left(self, now: dt.datetime) -> int | None:
        """Minutes until the response is due (negative when breached); None without a clock."""
        if self.respond_by is None or self.seen_at is not None:
            return None
        return int((self.respond_by - now).total_seconds() // 60)

    def breached(self, now: dt.datetime) -> bool:
        if self.respond_by is None:
            return False
        return (self.seen_at or now) > self.respond_by


class EpisodeQuerySet(models.QuerySet["Episode"]):
    def open(self) -> EpisodeQuerySet:
        return self.filter(closed_at__isnull=True)

    def for_user(self, user: User) -> EpisodeQuerySet:
        """The caseload scope, written once: episodes (open or closed) of the teams the
        user works in. Every page and API that lists a caseload, or reaches a person,
        contact, appointment or plan through one, starts here (``care.services``)."""
        return self.filter(team_id__in=team_ids(user))


class DischargeDestination(models.TextChoices):
    GP = "gp", "Back to their GP"
    COMMUNITY_TEAM = "community_team", "Community mental health team"
    OTHER_TEAM = "other_team", "Another team or service"
    ADMITTED = "admitted", "Admitted to hospital"
    NO_FURTHER_CARE = "no_further_care", "No further care needed"
    DISENGAGED = "disengaged", "Disengaged from the service"


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
    discharge_destination = models.CharField(
        max_length=32, choices=DischargeDestination.choices, blank=True
    )
    onward_team = models.CharField(max_length=200, blank=True)
    # Discharged with no contact ever recorded in the episode: why (a fresh-eyes trial
    # closed a crisis episode nobody had seen, and nothing asked).
    discharged_unseen_because = models.TextField(blank=True)
    disengaged_at = models.DateTimeField(null=True, blank=True)

    objects = EpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-accepted_at"]
        indexes = [
            # Caseloads and the worklist read a team's open episodes: a few among every
            # episode it has closed.
            models.Index(fields=["team"], condition=Q(closed_at__isnull=True), name="episode_open"),
        ]

    def __str__(self) -> str:
        return f"Episode {self.pk}"


class CarerInformed(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NO_CARER = "no_carer", "The person has no carer"


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

    # The free-text parts of a LISTEN contact, in the order of the guide.
    LISTEN_TEXT_FIELDS = (
        "persons_words",
        "involved_and_informed",
        "options_given",
        "carer_not_informed_because",
        "shared_understanding",
        "availability_promised",
        "time_and_tone",
        "feelings_validated",
        "next_steps",
        "outside_named_team_because",
    )

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="contacts")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts"
    )
    occurred_at = models.DateTimeField()
    mode = models.CharField(max_length=16, choices=Mode.choices)
    # L — Listen (the person's own words) and look at the crisis plan.
    persons_words = models.TextField("The person's own words")
    crisis_plan_reviewed = models.BooleanField("Crisis plan looked at", default=False)
    crisis_plan = models.ForeignKey(
        "CrisisPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    # I — Involve and inform the person and their carer of the immediate options.
    involved_and_informed = models.TextField("Who was involved and informed", blank=True)
    options_given = models.TextField("Immediate options given", blank=True)
    carer_informed = models.CharField(
        max_length=16, choices=CarerInformed.choices, default=CarerInformed.NO_CARER
    )
    carer_not_informed_because = models.TextField(blank=True)
    # S — Shared understanding and safety.
    shared_understanding = models.TextField("Shared understanding and safety")
    # T — Time: the availability promised to the person; and tone.
    availability_promised = models.TextField("Availability promised", blank=True)
    time_and_tone = models.TextField("Time and tone", blank=True)
    # E — Empathise, encourage, evaluate: feelings and experience validated.
    feelings_validated = models.TextField("Feelings and experience validated")
    # N — Next steps agreed to stay safe.
    next_steps = models.TextField("Next steps agreed to stay safe")
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    outside_named_team_because = models.TextField(blank=True)
    # The booked appointment this contact was, if it was one: recording it is how an
    # appointment is marked attended (a contact never ends without a plan).
    appointment = models.OneToOneField(
        "Appointment", on_delete=models.PROTECT, null=True, blank=True, related_name="contact"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            # An episode's latest contact (the worklist's "no recent contact") read from
            # the index alone, not from all its contacts.
            models.Index(fields=["episode", "occurred_at"], name="contact_latest"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(next_steps=""), name="contact_has_next_steps"),
            models.CheckConstraint(
                condition=~Q(persons_words=""), name="contact_has_persons_words"
            ),
        ]

    def __str__(self) -> str:
        return f"Contact {self.pk}"

    @property
    def outside_named_team(self) -> bool:
        return bool(self.outside_named_team_because)


class Appointment(models.Model):
    """Initial appointment and reviews (made on acceptance), and planned interventions."""

    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial appointment with the lead practitioner"
        REVIEW = "review", "Review"
        PLANNED_INTERVENTION = "planned_intervention", "Planned intervention"
        OTHER = "other", "Other appointment"

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        ATTENDED = "attended", "Attended"
        DID_NOT_ATTEND = "did_not_attend", "Did not come"
        CANCELLED = "cancelled", "Cancelled"

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="appointments")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    review_day = models.PositiveSmallIntegerField(null=True, blank=True)
    starts_at = models.DateTimeField(db_index=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.BOOKED)
    outside_named_team_because = models.TextField(blank=True)
    # An initial appointment booked after the referral's response was due: why (a
    # fresh-eyes trial accepted a very urgent referral with its first visit a week out).
    after_target_because = models.TextField(blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    booked_at = models.DateTimeField(auto_now_add=True)
    # What happened: attended (with its contact), did not attend or cancelled; who said.
    outcome_note = models.TextField(blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"Appointment {self.pk}"

    @property
    def outside_named_team(self) -> bool:
        return bool(self.outside_named_team_because)


class Dispatch(models.Model):
    """A mental health response vehicle sent to a referral (seed 004)."""

    class Outcome(models.TextChoices):
        STAYED_HOME = "stayed_home", "Stayed at home with a plan"
        CONVEYED_AE = "conveyed_ae", "Conveyed to A&E"
        POLICE_NEEDED = "police_needed", "Police needed"
        ADMITTED = "admitted", "Admitted"
        HOME_TREATMENT = "home_treatment", "Handed to home treatment"

    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="dispatch")
    # Indexed: the worklist asks for the last day's (issue 25).
    dispatched_at = models.DateTimeField(db_index=True)
    arrived_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=32, choices=Outcome.choices, blank=True)
    partner = models.CharField("Partner handing over", max_length=120, blank=True)
    handover_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-dispatched_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(arrived_at__isnull=True) | Q(arrived_at__gte=models.F("dispatched_at")),
                name="dispatch_arrives_after_dispatch",
            )
        ]

    def __str__(self) -> str:
        return f"Dispatch {self.pk}"

    @property
    def minutes_to_arrive(self) -> int | None:
        if self.arrived_at is None:
            return None
        return int((self.arrived_at - self.dispatched_at).total_seconds() // 60)

    def over_target(self, target_minutes: int) -> bool:
        minutes = self.minutes_to_arrive
        return minutes is not None and minutes > target_minutes

    def late(self, now: dt.datetime) -> bool:
        """Over its team's arrival target: arrived after it, or not arrived and past it."""
        target = self.referral.team.arrival_target_minutes
        if self.arrived_at is None:
            return now - self.dispatched_at > dt.timedelta(minutes=target)
        return self.over_target(target)


class PlanVersion(models.Model):
    """A version of a person's plan. Never edited: a change is a new version."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    SECTIONS: tuple[tuple[str, str], ...] = ()
    TITLE = ""

    class Meta:
        abstract = True
        ordering = ["-version"]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValidationError("A plan version is never changed: save a new version.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def sections(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, name)) for name, label in self.SECTIONS]


class CrisisPlan(PlanVersion):
    """The person's co-produced crisis planning document (seed 000)."""

    about_me = models.TextField(blank=True)
    care_needs = models.TextField(blank=True)
    medication = models.TextField(blank=True)
    intervention_preferences = models.TextField(blank=True)
    practical_matters = models.TextField(blank=True)

    TITLE = "Crisis plan"
    SECTIONS = (
        ("about_me", "About me"),
        ("care_needs", "My care needs"),
        ("medication", "Medication"),
        ("intervention_preferences", "What I prefer, and do not want, if I am in crisis"),
        ("practical_matters", "Practical matters (money, home, who looks after my pets)"),
    )

    class Meta(PlanVersion.Meta):
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="one_crisis_plan_version")
        ]

    def __str__(self) -> str:
        return f"Crisis plan {self.person_id} version {self.version}"


class SafetyPlan(PlanVersion):
    """A standard safety plan, in the person's own words, versioned."""

    warning_signs = models.TextField(blank=True)
    things_i_can_do = models.TextField(blank=True)
    people_and_places = models.TextField(blank=True)
    people_i_can_ask = models.TextField(blank=True)
    professionals = models.TextField(blank=True)
    making_safer = models.TextField(blank=True)
    reasons_for_living = models.TextField(blank=True)

    TITLE = "Safety plan"
    SECTIONS = (
        ("warning_signs", "My warning signs"),
        ("things_i_can_do", "Things I can do to help myself"),
        ("people_and_places", "People and places that help me feel better"),
        ("people_i_can_ask", "People I can ask for help"),
        ("professionals", "Professionals and crisis lines I can contact"),
        ("making_safer", "Making my situation safer"),
        ("reasons_for_living", "My reasons for living"),
    )

    class Meta(PlanVersion.Meta):
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="one_safety_plan_version")
        ]

    def __str__(self) -> str:
        return f"Safety plan {self.person_id} version {self.version}"
