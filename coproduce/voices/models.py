"""Lived experience from every channel: a voice, its consent scopes and its categories."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Concat, Lower, Replace, Trim
from django.utils.translation import gettext_lazy as _

from coproduce.lib.formats import Format


class EnquiryCategory(models.Model):
    """What listeners listen for (seed 003), e.g. continuity of care and relationships."""

    class Framework(models.TextChoices):
        NHS_ENGLAND_V6 = "nhse_v6", "NHS England patient experience framework (v6)"
        LOCAL = "local", "Local enquiry categories"

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    framework = models.CharField(max_length=16, choices=Framework.choices, default=Framework.LOCAL)
    # Words that suggest this category (lower case, comma separated) until the text model.
    keywords = models.TextField(blank=True)
    # The label exactly as the framework file spells it (empty for local categories).
    source_label = models.CharField(max_length=120, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["framework", "name"]
        verbose_name_plural = "enquiry categories"

    def __str__(self) -> str:
        return self.name


class ServiceFramework(models.Model):
    """The one enquiry-category framework a service's voices are tagged with, so a voice
    is never offered two frameworks' categories at once. Set in the admin; a service
    without one (and a voice about no service) uses the local categories."""

    team = models.OneToOneField(
        "care.Team", on_delete=models.CASCADE, related_name="enquiry_framework"
    )
    framework = models.CharField(
        max_length=16,
        choices=EnquiryCategory.Framework.choices,
        default=EnquiryCategory.Framework.LOCAL,
    )

    class Meta:
        ordering = ["team__name"]
        verbose_name = "service's enquiry framework"

    def __str__(self) -> str:
        return f"{self.team}: {self.get_framework_display()}"


class Rating(models.IntegerChoices):
    """The Friends and Family Test scale, with its published codes."""

    VERY_GOOD = 1, _("Very good")
    GOOD = 2, _("Good")
    NEITHER = 3, _("Neither good nor poor")
    POOR = 4, _("Poor")
    VERY_POOR = 5, _("Very poor")
    DONT_KNOW = 6, _("Don't know")


class Sentiment(models.TextChoices):
    POSITIVE = "positive", "Positive"
    NEUTRAL = "neutral", "Neutral"
    NEGATIVE = "negative", "Negative"


class VoiceQuerySet(models.QuerySet["Voice"]):
    def with_risk_marks(self) -> VoiceQuerySet:
        """Each voice with ``has_risk_alert``, so every page that shows a voice under a
        risk alert marks it, and nobody reads it as ordinary feedback (one query)."""
        return self.annotate(
            has_risk_alert=models.Exists(RiskAlert.objects.filter(voice=models.OuterRef("pk")))
        )

    def usable_for_improvement(self) -> VoiceQuerySet:
        return self.filter(consent_improvement=True, withdrawn_at__isnull=True)

    def to_contact_back(self) -> VoiceQuerySet:
        return self.filter(consent_contact=True, withdrawn_at__isnull=True).exclude(
            contact_channel=Voice.ContactChannel.NONE
        )


TEXT: models.TextField[str, str] = models.TextField()


def _without(expression: models.Expression | str, *signs: str) -> models.Expression:
    for sign in signs:
        expression = Replace(expression, Value(sign), Value(""), output_field=TEXT)
    return expression  # type: ignore[return-value]


# One form of the way a voice's giver asked to be told, for telling the same person once
# however many voices they gave (hazard H5): their mobile number (stored as 07 and nine
# digits by the forms; spaces dropped here too), their email address in lower case, or
# their postal address in lower case without spaces, line breaks, commas or full stops.
# Empty when they gave no way. Kept by the database from the fields themselves, so no
# route that stores or clears an address can leave it out of step.
CONTACT_KEY = Case(
    When(
        Q(contact_channel="sms") & ~Q(contact_phone=""),
        then=Concat(Value("sms:"), _without("contact_phone", " "), output_field=TEXT),
    ),
    When(
        Q(contact_channel="email") & ~Q(contact_email=""),
        then=Concat(
            Value("email:"),
            Lower(Trim("contact_email", output_field=TEXT), output_field=TEXT),
            output_field=TEXT,
        ),
    ),
    When(
        Q(contact_channel="post") & ~Q(contact_address=""),
        then=Concat(
            Value("post:"),
            Lower(_without("contact_address", " ", "\n", "\r", "\t", ",", "."), output_field=TEXT),
            output_field=TEXT,
        ),
    ),
    default=Value(""),
    output_field=TEXT,
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
        FFT_IMPORT = "fft_import", "Friends and Family Test import"

    class ContactChannel(models.TextChoices):
        NONE = "none", "Do not contact"
        EMAIL = "email", "Email"
        SMS = "sms", "Text message"
        POST = "post", "Post"

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
    contact_address = models.TextField(blank=True)
    # The format they want to be told in (large print, Easy Read, audio, Braille-ready).
    contact_format = models.CharField(
        max_length=32, choices=Format.choices, default=Format.STANDARD
    )
    contact_key = models.GeneratedField(
        expression=CONTACT_KEY, output_field=models.TextField(), db_persist=True
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # When its giver stopped "you said, we did" messages (``change.stopping``): their
    # contact details are forgotten then, and nothing more is sent.
    updates_stopped_at = models.DateTimeField(null=True, blank=True)
    # Staff-entered voices: who wrote it down, and where it came from (partner, place
    # listened, complaint reference). Never the giver's name.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recorded_voices",
    )
    source_detail = models.CharField(max_length=200, blank=True)
    # A text message received through Notify: its id there, so a retried callback is
    # stored once.
    notify_inbound_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # The number a text message came from, as Notify gave it: kept so that the duty worker
    # can call back a person whose text raised a risk alert. It is not agreement to be
    # told what changes (consent_contact), and is removed with message addresses
    # (COPRODUCE_RETENTION_MESSAGE_DAYS).
    received_from = models.CharField("Number it came from", max_length=32, blank=True)
    follow_up_invitation = models.ForeignKey(
        "FollowUpInvitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voices",
    )
    # Suggested automatically (rules now, the text model later); confirmed by a person.
    suggested_categories = models.ManyToManyField(
        EnquiryCategory, blank=True, related_name="suggested_for"
    )
    suggested_sentiment = models.CharField(max_length=16, choices=Sentiment.choices, blank=True)
    # How sure the text model was of each suggested category (name → probability).
    suggested_scores = models.JSONField(default=dict, blank=True)
    # Why the suggestions are thin, in plain words: the text model abstained (another
    # language, emoji only) or read only the start of a very long text.
    suggestion_note = models.CharField(max_length=200, blank=True)
    sentiment = models.CharField(max_length=16, choices=Sentiment.choices, blank=True)
    categories = models.ManyToManyField(EnquiryCategory, blank=True, related_name="voices")
    # The words as they may be shown in public: masked, then approved by a person.
    public_quote = models.TextField(blank=True)
    quote_approved_at = models.DateTimeField(null=True, blank=True)
    # Replies to the person who gave it (a thank-you, or crisis contacts). The link is
    # kept here, not on the message: messaging knows nothing of voices (ADR 0013).
    messages = models.ManyToManyField(
        "messaging.Message", blank=True, related_name="voices", related_query_name="voice"
    )
    quote_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_quotes",
    )
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
        indexes = [
            # The inbox: voices not yet confirmed, newest first, and how many there are.
            models.Index(
                F("received_at").desc(),
                name="voice_unconfirmed_newest",
                condition=Q(reviewed_at__isnull=True),
            ),
            # The same giver's other voices, when an update is owed (change.delivery).
            models.Index(fields=["contact_key"], name="voice_contact_key"),
        ]

    def __str__(self) -> str:
        return f"Voice {self.pk}"

    @property
    def rating_label(self) -> str:
        return str(Rating(self.rating).label) if self.rating else "No rating"


class FollowUpInvitation(models.Model):
    """A safe, later invitation to give feedback after care (seed 003).

    Scheduled when an episode closes, for the team's follow-up days later; sent on the
    person's chosen channel only with their agreement, never in quiet hours, with a
    one-tap opt-out; reminded at most once (see ``coproduce.voices.follow_up``).
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
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    opted_out_at = models.DateTimeField(null=True, blank=True)
    # The invitation and its reminder as sent.
    messages = models.ManyToManyField(
        "messaging.Message",
        blank=True,
        related_name="invitations",
        related_query_name="invitation",
    )

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
        # The screen could not read the language: a person must read it now instead.
        COULD_NOT_SCREEN = "could_not_screen", "Could not screen: read now"

    voice = models.OneToOneField(Voice, on_delete=models.PROTECT, related_name="risk_alert")
    concerns = models.JSONField(default=list)
    # Which layer of the screen raised it and on which words (never shown in logs).
    reason = models.TextField(blank=True)
    # Raised by `coproduce risk rescreen` after the screen improved, not on arrival.
    rescreened = models.BooleanField(default=False)
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
    # The alert and its escalations as sent to the duty contacts.
    messages = models.ManyToManyField(
        "messaging.Message", blank=True, related_name="alerts", related_query_name="alert"
    )

    class Meta:
        ordering = ["acknowledged_at", "-raised_at"]

    def __str__(self) -> str:
        return f"Risk alert {self.pk}"

    @property
    def concern_labels(self) -> list[str]:
        return [RiskAlert.Concern(c).label for c in self.concerns]

    @property
    def could_not_screen(self) -> bool:
        return RiskAlert.Concern.COULD_NOT_SCREEN in self.concerns


class CallBack(models.Model):
    """A duty worker's attempt to reach the person behind an alert, and what came of it.

    Never edited: each attempt is a new row carrying who made it."""

    class Outcome(models.TextChoices):
        SPOKE = "spoke", "Spoke to the person"
        LEFT_MESSAGE = "left_message", "No answer: left a message"
        NO_ANSWER = "no_answer", "No answer: could not leave a message"
        WRONG_NUMBER = "wrong_number", "Number or address did not reach them"
        EMERGENCY_SERVICES = "emergency_services", "Passed to emergency services (999)"
        SAFEGUARDING_REFERRAL = "safeguarding_referral", "Safeguarding referral made"

    alert = models.ForeignKey(RiskAlert, on_delete=models.PROTECT, related_name="call_backs")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=32, choices=Outcome.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["made_at", "pk"]

    def __str__(self) -> str:
        return f"Call-back {self.pk}"
