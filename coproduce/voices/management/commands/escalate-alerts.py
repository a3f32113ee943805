"""``coproduce escalate-alerts``: escalate risk alerts not acknowledged in time.

Run it every minute from a scheduler (cron or a systemd timer).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coproduce.voices.services import escalate_unacknowledged


class Command(BaseCommand):
    help = "Escalate risk alerts not acknowledged within COPRODUCE_RISK_ALERT_ESCALATE_MINUTES."

    def handle(self, *args: Any, **options: Any) -> None:
        escalated = escalate_unacknowledged()
        self.stdout.write(f"{len(escalated)} alert(s) escalated.")
