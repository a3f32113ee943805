"""The golden thread of influence: voices → insight → action → "you said, we did"."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models


class Insight(models.Model):
    """A plain-language statement of what people are telling us, with its evidence."""

    statement = models.TextField()
    voices = models.ManyToManyField("voices.Voice", related_name="insights", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="insights"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Insight {self.pk}"


class ActionQuerySet(models.QuerySet["Action"]):
    def overdue(self, today: dt.date) -> ActionQuerySet:
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
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return f"Update {self.pk}"


class OutboxMessage(models.Model):
    """One update owed to one contributor, queued for delivery on their chosen channel.

    Unique per update and voice, so publishing twice or retrying never owes anyone the
    same update twice. The address is read from the voice at delivery time, not copied.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled (voice withdrawn)"

    update = models.ForeignKey(Update, on_delete=models.PROTECT, related_name="outbox")
    voice = models.ForeignKey("voices.Voice", on_delete=models.PROTECT, related_name="outbox")
    channel = models.CharField(max_length=16)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    queued_at = models.DateTimeField(auto_now_add=True)
    # The text message or email that carries it (see coproduce.voices.messaging).
    message = models.OneToOneField(
        "voices.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-queued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["update", "voice"], name="one_message_per_update_voice")
        ]

    def __str__(self) -> str:
        return f"Outbox message {self.pk}"
