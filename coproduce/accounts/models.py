"""Who may sign in, in which role, and the trail of who saw and changed which record."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    SUPPORT_WORKER = "support_worker", "Support worker"
    TEAM_LEADER = "team_leader", "Team leader"
    LIVED_EXPERIENCE_LEAD = "lived_experience_lead", "Lived experience lead"
    NETWORK_MEMBER = "network_member", "Network member"
    ANALYST = "analyst", "Analyst"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices)

    class Meta:
        ordering = ["username"]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""


class AuditEvent(models.Model):
    """One line of the audit trail: who did what to which record, and when.

    Append-only: rows are never changed or deleted (save refuses an update, delete
    refuses outright). The record is named by type and id only, never by its contents,
    so the trail itself holds no special-category data.
    """

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        REFUSED = "refused", "Refused access"
        BREAK_GLASS = "break_glass", "Break-glass access"

    actor = models.ForeignKey(User, on_delete=models.PROTECT, related_name="audit_events")
    action = models.CharField(max_length=16, choices=Action.choices)
    record_type = models.CharField(max_length=64)
    record_id = models.CharField(max_length=64)
    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action} {self.record_type}:{self.record_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditTrailIsAppendOnly("An audit event cannot be changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditTrailIsAppendOnly("An audit event cannot be deleted.")


class AuditTrailIsAppendOnly(Exception):
    pass
