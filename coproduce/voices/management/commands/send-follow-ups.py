"""``coproduce send-follow-ups``: send follow-up invitations and reminders that are due.

The task worker sends each on its day; this sweeper is the safety net, for cron.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coproduce.voices.follow_up import send_due


class Command(BaseCommand):
    help = "Send follow-up invitations and single reminders that are due (not in quiet hours)."

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = send_due()
        summary = ", ".join(f"{n} {what}" for what, n in sorted(outcomes.items()))
        self.stdout.write(f"Follow-up invitations: {summary or 'none due'}.")
