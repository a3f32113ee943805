"""Who may sign in, in which role, and the trail of who saw and changed which record."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models

GENESIS = "0" * 64


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    SUPPORT_WORKER = "support_worker", "Support worker"
    TEAM_LEADER = "team_leader", "Team leader"
    LIVED_EXPERIENCE_LEAD = "lived_experience_lead", "Lived experience lead"
    NETWORK_MEMBER = "network_member", "Network member"
    ANALYST = "analyst", "Analyst"
    ADMINISTRATOR = "administrator", "Administrator"


# The accounts that do work no signed-in person did (``accounts.audit``), named in words.
SYSTEM_ACCOUNTS = {
    "system:public": "A member of the public",
    "system:scheduler": "The service's scheduled work",
    "system:retention": "The service's retention rules",
}


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices)

    # What naming someone reads (``name_and_role``): a list of staff to choose from reads
    # only these (issue 25: a team of 700 read every column of every one, each page).
    NAME_FIELDS = ("username", "first_name", "last_name", "role")

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.name_and_role

    @property
    def display_name(self) -> str:
        """The name people know them by. A username is for signing in: it is shown in
        the Django admin and nowhere else (web/tests/test_names.py)."""
        if self.username in SYSTEM_ACCOUNTS:
            return SYSTEM_ACCOUNTS[self.username]
        return self.get_full_name() or "Name not recorded"

    @property
    def name_and_role(self) -> str:
        """How a person is listed wherever staff or members are shown: "Priya Shah
        (Practitioner)". The one way of naming someone, used by every page and form."""
        return self.naming(self.username, self.first_name, self.last_name, self.role)

    @staticmethod
    def naming(username: str, first_name: str, last_name: str, role: str) -> str:
        """``name_and_role`` from the ``NAME_FIELDS``' values, in that order: a list of
        hundreds of staff names them from a read of those columns, with no User made."""
        if username in SYSTEM_ACCOUNTS:
            name = SYSTEM_ACCOUNTS[username]
        else:
            name = f"{first_name} {last_name}".strip() or "Name not recorded"
        return f"{name} ({Role(role).label})" if role else name

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""


class AuditEvent(models.Model):
    """One line of the audit trail: who did what to which record, and when.

    Append-only: rows are never changed or deleted (save refuses an update, delete
    refuses outright; on PostgreSQL a trigger refuses them too). Tamper-evident: each
    event carries the hash of the one before it and its own hash over both, so an
    event changed, removed or slipped in afterwards breaks the chain, and
    ``coproduce audit verify`` names the first broken event. The record is named by
    type and id only, never by its contents, so the trail holds no special-category data.
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
    occurred_at = models.DateTimeField(db_index=True)
    detail = models.CharField(max_length=200, blank=True)
    # Unique: two events can never follow the same one, so the chain cannot fork.
    previous_hash = models.CharField(max_length=64, unique=True)
    entry_hash = models.CharField(max_length=64, unique=True)

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

    def compute_hash(self) -> str:
        """SHA-256 over the previous event's hash and every field of this one."""
        fields = [
            self.previous_hash,
            str(self.actor_id),
            self.action,
            self.record_type,
            self.record_id,
            # Milliseconds: what a backup (Django's JSON) keeps of a time.
            self.occurred_at.isoformat(timespec="milliseconds"),
            self.detail,
        ]
        return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


class AuditTrailIsAppendOnly(Exception):
    pass


class AuditChainHead(models.Model):
    """The hash of the last event written: one row, locked while an event is added, so
    events are chained one after another even when many are written at once. It also
    shows when events were cut from the end of the trail."""

    entry_hash = models.CharField(max_length=64, default=GENESIS)
    events = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.events} events, last {self.entry_hash[:12]}"


class Submission(models.Model):
    """A form taken once: its one-time token, the service that took it, and what it made.

    The token is issued in a hidden field when the form is drawn; the service records it
    in the same transaction as what it makes (``coproduce.accounts.submissions``). The
    database's unique token refuses a second copy, so a double click, a re-POST or ten
    posts at once make one thing, and each is answered with it. Holds no personal data.
    """

    token = models.CharField(max_length=64, unique=True)
    service = models.CharField(max_length=200)
    made_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, null=True, blank=True
    )
    made_id = models.CharField(max_length=64, blank=True)
    made = GenericForeignKey("made_type", "made_id")
    taken_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"Submission {self.pk} to {self.service}"
