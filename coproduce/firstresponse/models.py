"""The First Response Service (seed 001): calls to the 24/7 line and guests of the
evening Sanctuary. Neither is a care ``Contact``: a caller or a guest may be known to no
team, may give only a first name, and is never forced into a record (ADR 0014)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from coproduce.care.models import Person, Referral, Team

# A guest's or caller's first name, or the word they would like to be called.
NAME_LENGTH = 60


class AskedHowItWas(models.Model):
    """The one question texted after a call or an evening at the Sanctuary, "How was it
    for you?", only with the person's agreement (``firstresponse.feedback``).

    The mobile number is kept only on the queued message, whose address messaging clears
    once Notify reports the outcome; here there is only a keyed digest of it, to know a
    reply as the answer, cleared when they reply STOP and by the retention purge a week
    after the text was sent. The answer is a voice like any other, on this team."""

    feedback_agreed = models.BooleanField("Agreed to be texted one question", default=False)
    feedback_message = models.ForeignKey(
        "messaging.Message",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="asked_after_%(class)s",
    )
    # A keyed digest of the number the question went to (``feedback.number_digest``).
    feedback_key = models.CharField(max_length=64, blank=True, db_index=True)
    # The reply that answered it: the first with a rating, or else the first.
    feedback_voice = models.OneToOneField(
        "voices.Voice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_%(class)s",
    )
    feedback_stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def feedback_state(self) -> str:
        """Where the question is, in plain words for staff."""
        if not self.feedback_agreed:
            return "Not asked"
        if self.feedback_voice is not None:
            return f"Answered: {self.feedback_voice.rating_label.lower()}"
        if self.feedback_stopped_at is not None:
            return "They replied STOP"
        message = self.feedback_message
        if message is None and getattr(self, "risk_concerns", None):
            return "Not sent: their words may signal risk"
        if message is None:
            return "Not sent: asked once already that day, after another call or visit"
        if message.status == "cancelled":
            return "Not sent: asked once, later that day, after another call or visit"
        if message.status == "queued":
            due = timezone.localtime(message.next_attempt_at or message.created_at)
            return f"To be sent at {due:%H:%M on %d/%m/%Y}"
        if message.status in ("sending", "sent", "delivered"):
            return "Sent: no reply yet"
        return "Not sent: the text could not be delivered"


class Call(AskedHowItWas):
    """One call to the line, recorded while it happens: open (``ended_at`` empty) from
    the click that starts it until the handler ends it with a plan."""

    class Caller(models.TextChoices):
        PERSON = "person", "The person themself"
        CARER = "carer", "A carer, friend or family member"
        PROFESSIONAL = "professional", "A professional"
        NHS_111 = "nhs_111", "NHS 111 (option 2)"
        POLICE = "police", "The police"

    class Outcome(models.TextChoices):
        SUPPORT = "support", "Support and advice on the call"
        SAFE_AT_HOME = "safe_at_home", "A plan to stay safe at home"
        SANCTUARY = "sanctuary", "Invited to the Sanctuary"
        CALL_BACK = "call_back", "A call-back booked"
        CRISIS_TEAM = "crisis_team", "Referred to the crisis team"
        RESPONSE_VEHICLE = "response_vehicle", "Response vehicle sent"
        AMBULANCE = "ambulance", "999 or an ambulance"
        POLICE = "police", "Police"
        A_AND_E = "a_and_e", "A&E"
        NEXT_DAY = "next_day", "GP or another service the next day"
        NO_ANSWER = "no_answer", "They did not answer (calling them back)"

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="calls")
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="calls_handled"
    )
    started_at = models.DateTimeField(db_index=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    caller = models.CharField(max_length=16, choices=Caller.choices, blank=True)
    # About whom: a person known to services (reached within the handler's access), or
    # anonymous, as they choose to be known.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="calls"
    )
    called = models.CharField(
        "First name or what they want to be called", max_length=NAME_LENGTH, blank=True
    )
    phone = models.CharField(max_length=32, blank=True)
    # The number as ``lib.validators.number_key`` folds it: how a repeat caller is known.
    phone_key = models.CharField(max_length=32, blank=True, db_index=True)
    area = models.CharField(max_length=100, blank=True)
    # LISTEN, as short as a phone call needs.
    persons_words = models.TextField(blank=True)
    shared_understanding = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)
    outcomes = models.JSONField(default=list, blank=True)
    sanctuary_at = models.DateTimeField(null=True, blank=True)
    call_back_at = models.DateTimeField(null=True, blank=True)
    hung_up_at_risk = models.BooleanField(default=False)
    # False for a call that did not reach them (outcome "They did not answer"): such a
    # call never counts as calling back a caller at risk (a fresh-eyes trial's call-back
    # that rang out took the caller off the duty worklist).
    answered = models.BooleanField(default=True)
    # The earlier call this one calls back (``services.start_call(back=…)``), whose
    # caller's details it starts with.
    calling_back = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="call_backs"
    )
    # What the risk screen found in the person's words (``voices.risk.Concern`` values).
    risk_concerns = models.JSONField(default=list, blank=True)
    # Which layer read it and on which words, as an alert says, so whoever reads the call
    # can judge a false alarm (a fresh-eyes trial's call-back notes, "safer than earlier",
    # were read as a risk, and the call did not say why).
    risk_reason = models.TextField(blank=True)
    # A handler who read the words the screen flagged, and judged them, says so: the call
    # leaves the duty worklist (a fresh-eyes trial's call-back notes, "safer than
    # earlier", stayed there as a risk for a day with no way to say they were read).
    risk_read_at = models.DateTimeField(null=True, blank=True)
    risk_read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="call_risks_read",
    )
    risk_read_note = models.TextField(blank=True)
    # A mobile for the question, if not the number above: kept only while the call is
    # open, then on the queued message alone.
    feedback_mobile = models.CharField(max_length=32, blank=True)
    # The referral to the crisis team this call made (outcome "Referred to the crisis
    # team"), through care's own pathway (``firstresponse.links``).
    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, null=True, blank=True, related_name="calls"
    )
    # When the duty contacts were told of a caller at risk who hung up: once a call.
    duty_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            # The worklist's callers who hung up at risk, among every call the line took.
            models.Index(
                fields=["team"], condition=Q(hung_up_at_risk=True), name="call_hung_up_at_risk"
            ),
            # The worklist's booked call-backs falling due, by their time: without it
            # the worklist read every call the line ever took (issue 25).
            models.Index(
                fields=["call_back_at"],
                condition=Q(call_back_at__isnull=False),
                name="call_back_booked",
            ),
        ]

    def __str__(self) -> str:
        return f"Call {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def at_risk(self) -> bool:
        return self.hung_up_at_risk or bool(self.risk_concerns)

    @property
    def passed_call(self) -> PassedCall | None:
        """The partner's passed call this call took, if it came that way."""
        try:
            return self.passed
        except PassedCall.DoesNotExist:
            return None

    @property
    def outcome_labels(self) -> list[str]:
        labels = []
        for o in self.outcomes:
            if o not in self.Outcome.values:
                continue
            if o == self.Outcome.CALL_BACK and self.hung_up_at_risk:
                # Booked by the service, not agreed with them; and with no way to reach
                # them, not booked at all (a fresh-eyes trial read "A call-back booked"
                # for a caller who left no number).
                labels.append(
                    "To be called back: they hung up at risk"
                    if self.phone_key or self.person_id
                    else "None: they hung up at risk and left no number to call back"
                )
            else:
                labels.append(str(self.Outcome(o).label))
        return labels

    @property
    def minutes(self) -> int:
        end = self.ended_at or timezone.now()
        return max(0, int((end - self.started_at).total_seconds() // 60))


# A guest may be let in this long before the Sanctuary opens, as that evening's guest.
ARRIVES_BEFORE_OPENING = dt.timedelta(hours=1)


class SanctuaryVisit(AskedHowItWas):
    """A guest's evening at the Sanctuary, from arrival to leaving (``left_at`` empty
    while they are here)."""

    class Came(models.TextChoices):
        LINE = "line", "From the line"
        POLICE = "police", "With the police"
        A_AND_E = "a_and_e", "From A&E liaison"
        SELF = "self", "On their own"
        FRIEND = "friend", "With a friend"

    class Offer(models.TextChoices):
        DRINK_AND_TALK = "drink_and_talk", "A drink and a talk"
        PEER_SUPPORT = "peer_support", "Peer support"
        QUIET_ROOM = "quiet_room", "A quiet room"
        PLAN_FOR_THE_NIGHT = "plan_for_the_night", "A plan for the night"

    class Left(models.TextChoices):
        HOME_SAFE = "home_safe", "Home and safe"
        WITH_FRIEND = "with_friend", "With a friend"
        CRISIS_TEAM = "crisis_team", "On to the crisis team"
        A_AND_E = "a_and_e", "On to A&E"
        OTHER = "other", "Another way"

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="sanctuary_visits")
    welcomed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="sanctuary_visits"
    )
    called = models.CharField(
        "First name or what they want to be called", max_length=NAME_LENGTH, blank=True
    )
    # What the screen shows instead of a name: a word the guest chose, or else an initial.
    shown_as = models.CharField(max_length=20, blank=True)
    call = models.ForeignKey(
        Call, on_delete=models.SET_NULL, null=True, blank=True, related_name="visits"
    )
    arrived_at = models.DateTimeField(db_index=True)
    came = models.CharField(max_length=16, choices=Came.choices)
    offered = models.JSONField(default=list, blank=True)
    over_capacity_because = models.CharField(max_length=200, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    left = models.CharField(max_length=16, choices=Left.choices, blank=True)
    left_because = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["arrived_at"]
        indexes = [
            # Guests still here (the Sanctuary's list, the worklist's "still here after
            # closing"), among every visit there has been.
            models.Index(
                fields=["team", "arrived_at"], condition=Q(left_at=None), name="visit_still_here"
            ),
        ]

    def __str__(self) -> str:
        return f"Sanctuary visit {self.pk}"

    @property
    def is_here(self) -> bool:
        return self.left_at is None

    @property
    def label(self) -> str:
        """What may be on screen: the chosen word, or the first initial, never a name."""
        if self.shown_as:
            return self.shown_as
        name = self.called or (self.person.given_name if self.person else "")
        return f"{name[:1].upper()}." if name else "Guest"

    @property
    def offer_labels(self) -> list[str]:
        return [str(self.Offer(o).label) for o in self.offered if o in self.Offer.values]

    def closing_after_arrival(self) -> dt.datetime | None:
        """When the Sanctuary closed (or closes) on the evening the guest came. A guest
        recorded as arriving while it was closed came after the evening before's closing
        if that is nearer than the next opening: they are "still here after closing" at
        once (a fresh-eyes trial: one recorded at 3 a.m. waited a whole day to be
        noticed). Nearer the opening, they are that evening's early guest (another trial
        recorded one at 14:00 and saw them "after closing" all evening)."""
        team = self.team
        if team.closes_at is None:
            return None
        arrived = timezone.localtime(self.arrived_at)
        closing = arrived.replace(
            hour=team.closes_at.hour, minute=team.closes_at.minute, second=0, microsecond=0
        )
        if closing <= arrived:
            closing += dt.timedelta(days=1)
        opening = team.next_opening(arrived)
        before = closing - dt.timedelta(days=1)
        if opening - arrived > ARRIVES_BEFORE_OPENING and arrived - before < opening - arrived:
            closing = before
        return closing


class LinePartner(models.Model):
    """A partner system's account allowed to pass calls to the line: NHS 111 (option 2)
    or a police force, and the lines it passes to. Being registered here is the scope a
    partner's token needs (ADR 0015); who passes a call is this registration, never only
    what a request says."""

    class Organisation(models.TextChoices):
        NHS_111 = Call.Caller.NHS_111.value, Call.Caller.NHS_111.label
        POLICE = Call.Caller.POLICE.value, Call.Caller.POLICE.label

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="line_partner"
    )
    organisation = models.CharField(max_length=16, choices=Organisation.choices)
    name = models.CharField(max_length=120, help_text="e.g. East of England NHS 111")
    lines = models.ManyToManyField(
        Team, related_name="line_partners", limit_choices_to={"kind": Team.Kind.CRISIS_LINE}
    )

    def __str__(self) -> str:
        return self.name


class PassedCall(models.Model):
    """A call NHS 111 or the police passed to the line, waiting until a handler takes
    it (``call`` then is the call it became). The partner's reference is taken once."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="passed_calls")
    partner = models.ForeignKey(LinePartner, on_delete=models.PROTECT, related_name="passed")
    passed_by = models.CharField(max_length=16, choices=LinePartner.Organisation.choices)
    partner_reference = models.CharField(max_length=64)
    passed_at = models.DateTimeField(db_index=True)
    urgency = models.CharField(max_length=2, choices=Referral.Urgency.choices)
    # About whom: the NHS number as the partner gave it, and the person it belongs to
    # (shown to a handler only if they may see them), or as the person chose to be known.
    nhs_number = models.CharField(max_length=10, blank=True)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="passed_calls"
    )
    called = models.CharField(
        "First name or what they want to be called", max_length=NAME_LENGTH, blank=True
    )
    phone = models.CharField(max_length=32)
    phone_key = models.CharField(max_length=32, db_index=True)
    area = models.CharField(max_length=100, blank=True)
    # Why, in the partner's words: screened for risk as a call's words are.
    reason = models.TextField()
    risk_concerns = models.JSONField(default=list, blank=True)
    call = models.OneToOneField(
        Call, on_delete=models.PROTECT, null=True, blank=True, related_name="passed"
    )
    taken_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["passed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "partner_reference"], name="passed_call_taken_once"
            )
        ]

    def __str__(self) -> str:
        return f"Passed call {self.pk}"

    @property
    def passed_by_in_a_sentence(self) -> str:
        """Who passed it, to follow "passed by" mid-sentence: "the police", "NHS 111
        (option 2)" (its label is for a list of choices, where "The police" starts it)."""
        label = str(self.get_passed_by_display())
        return "t" + label[1:] if label.startswith("The ") else label

    @property
    def is_waiting(self) -> bool:
        return self.call_id is None

    @property
    def at_risk(self) -> bool:
        return bool(self.risk_concerns)

    @property
    def minutes_waiting(self) -> int:
        end = self.taken_at or timezone.now()
        return max(0, int((end - self.passed_at).total_seconds() // 60))


class CallLink(models.Model):
    """An earlier call linked to a person once they gave who they are: never a silent
    merge. Who linked it, when and why are kept; undoing it (a team leader, with a
    reason) keeps the row and says who undid it."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="links")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField()
    because = models.CharField(max_length=200)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_because = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-linked_at"]

    def __str__(self) -> str:
        return f"Call link {self.pk}"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None


class CallCorrection(models.Model):
    """A correction to an ended call: what the fields said before and say now, who
    corrected them, when and why. Never edited (as a plan's versions are not): a second
    correction is a second row."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="corrections")
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    corrected_at = models.DateTimeField()
    because = models.CharField(max_length=500)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)

    class Meta:
        ordering = ["-corrected_at"]

    def __str__(self) -> str:
        return f"Call correction {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValidationError("A correction is never changed: correct the call again.")
        super().save(*args, **kwargs)

    def changes(self) -> list[tuple[str, str, str]]:
        """Each field corrected, in words: its name, what it said before, what it says now."""
        return [
            (
                _PLAIN_NAMES.get(name)
                or str(getattr(Call._meta.get_field(name), "verbose_name", name)).capitalize(),
                _in_words(self.before.get(name)),
                _in_words(self.after.get(name)),
            )
            for name in self.after
            # Worked out from the others.
            if name not in ("phone_key", "risk_concerns", "risk_reason", "answered")
        ]


# A correction's fields as the call's page names them (a fresh-eyes trial read "Persons
# words", a column's name).
_PLAIN_NAMES = {"persons_words": "Their words"}


def _in_words(value: Any) -> str:
    if value in (None, "", []):
        return "(empty)"
    if value is True or value is False:
        return "yes" if value else "no"
    if isinstance(value, list):
        labels = dict(Call.Outcome.choices)
        return ", ".join(str(labels.get(v, v)) for v in value)
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            return f"{timezone.localtime(moment):%d/%m/%Y %H:%M}"
    return str(value)
