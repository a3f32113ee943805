"""The golden thread of influence: voices → insight → action → "you said, we did"."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from coproduce.change.catalogue import Metric
from coproduce.lib.formats import Format
from coproduce.network.models import Ladder


class Insight(models.Model):
    """A plain-language statement of what people are telling us, with its evidence."""

    statement = models.TextField()
    voices = models.ManyToManyField("voices.Voice", related_name="insights", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="insights"
    )
    # Written by a lived-experience lead with staff: who else wrote it.
    written_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="insights_written_with"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Contributors whose voices were linked and who later withdrew them: their voices
    # leave the evidence, but the count stays so no one wonders why they were not told.
    withdrawn_contributors = models.PositiveIntegerField(default=0)
    # When its words were last changed (``services.reword_insight``): members who ranked
    # it before then ranked other words, and the round pages say so.
    reworded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Insight {self.pk}"


class PriorityRound(models.Model):
    """A round in which network members rank insights into collective priorities.

    Ballots are counted with the Schulze method (see ``coproduce.change.ranking``); the
    result is kept when the round closes, so results stay as they were, round by round.
    """

    title = models.CharField(max_length=200)
    insights = models.ManyToManyField(Insight, related_name="priority_rounds")
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)
    # The lead's choice to let members see the running count while the round is open;
    # it shows only once enough ballots are in (``services.RUNNING_TOTALS_FROM``).
    show_running_totals = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Ballot(models.Model):
    """One member's ranking in a round: groups of insight ids, best first; insights in one
    group are ranked equal, insights left out rank below all ranked ones. An empty
    ranking with ``abstained`` is an abstention: counted, but it prefers nothing."""

    round = models.ForeignKey(PriorityRound, on_delete=models.CASCADE, related_name="ballots")
    member = models.ForeignKey("network.Member", on_delete=models.PROTECT, related_name="ballots")
    ranking = models.JSONField(default=list)
    abstained = models.BooleanField(default=False)
    cast_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "member"], name="one_ballot_per_member")
        ]

    def __str__(self) -> str:
        return f"Ballot {self.pk}"


class ActionQuerySet(models.QuerySet["Action"]):
    def overdue(self, today: dt.date) -> ActionQuerySet:
        """Overdue, written once: not done, and due before today. (The evidence counts the
        same on the extract: ``evidence.suite.actions``.)"""
        return self.filter(due_on__lt=today).exclude(status=Action.Status.DONE)


class Action(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    insight = models.ForeignKey(Insight, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_actions"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PLANNED)
    # The plan or framework the action belongs to (e.g. "Crisis care plan 2027").
    framework = models.CharField(max_length=200, blank=True)
    metric = models.CharField(
        "The measure it should move", max_length=32, choices=Metric.choices, blank=True
    )
    ladder = models.CharField(
        "Where it stands on the ladder of co-production",
        max_length=16,
        choices=Ladder.choices,
        blank=True,
    )
    arising_from = models.ForeignKey(
        "network.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions_arising",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"Action {self.pk}"


class Update(models.Model):
    """A "you said, we did" update on an action, published to the public board."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    you_said = models.TextField()
    we_did = models.TextField()
    # Short sentences for the Easy Read version, written by a person; without it the
    # Easy Read version is made from the two texts, a sentence a line.
    easy_read = models.TextField(blank=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The person who checked that it names no one and reads plainly, before it went out.
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Counted when it was delivered: linked contributors who had withdrawn, and so were
    # not contacted.
    withdrawn_not_contacted = models.PositiveIntegerField(default=0)
    # Contributors owed it: counted when it was published (the request makes no message),
    # and again when the fan-out task has made every contributor's message.
    owed_to = models.PositiveIntegerField(default=0)
    fanned_out_at = models.DateTimeField(null=True, blank=True)
    # The approved quotes previewed and published with it, as [voice id, hash of the
    # words]: shown with it while still approved in those words
    # (``services.published_quotes``). None: published before quotes were kept.
    quotes = models.JSONField(null=True, blank=True, default=None)

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return f"Update {self.pk}"


class UpdateTranslation(models.Model):
    """The update in another language, entered by a translator."""

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=16)
    you_said = models.TextField()
    we_did = models.TextField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["update", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"Translation {self.pk}"


class OutboxMessage(models.Model):
    """One update owed to one contributor, queued for delivery on their chosen channel.

    Unique per update and voice, so publishing twice or retrying never owes anyone the
    same update twice. The address is read from the voice at delivery time, not copied.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        TO_PRINT = "to_print", "To print and post"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled (voice withdrawn)"
        STOPPED = "stopped", "Not sent: they stopped these messages"

    update = models.ForeignKey(Update, on_delete=models.PROTECT, related_name="outbox")
    voice = models.ForeignKey("voices.Voice", on_delete=models.PROTECT, related_name="outbox")
    channel = models.CharField(max_length=16)
    format = models.CharField(max_length=32, choices=Format.choices, default=Format.STANDARD)
    language = models.CharField(max_length=16, default="en")
    posted_at = models.DateTimeField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    queued_at = models.DateTimeField(auto_now_add=True)
    # The text message or email that carries it (see coproduce.messaging). The link is
    # kept here: messaging knows nothing of updates (ADR 0013).
    message = models.OneToOneField(
        "messaging.Message",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outbox",
    )

    class Meta:
        ordering = ["-queued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["update", "voice"], name="one_message_per_update_voice")
        ]

    def __str__(self) -> str:
        return f"Outbox message {self.pk}"
