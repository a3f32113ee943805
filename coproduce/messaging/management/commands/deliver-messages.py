"""``coproduce deliver-messages``: hand every due message to Notify.

The task worker (``coproduce db_worker``) sends messages as they are queued and retries
them with backoff; this sweeper is the safety net, for cron, and for a worker that was
down. It first takes back the messages a lost worker had claimed (as
``recover-lost-work`` does; Notify is asked before any is sent again, so none goes twice).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand

from coproduce.messaging.notify import deliver_due


class Command(BaseCommand):
    help = "Send every queued message that is due, through GOV.UK Notify."

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = Counter(m.status for m in deliver_due())
        summary = ", ".join(f"{n} {status}" for status, n in sorted(outcomes.items()))
        self.stdout.write(f"Messages tried: {summary or 'none due'}.")
