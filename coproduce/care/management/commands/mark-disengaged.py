"""``coproduce mark-disengaged``: mark episodes with no contact for the team's days.

``coproduce every-minute`` runs it (the demo each minute; in production systemd's
``coproduce-every-minute.timer``).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coproduce.care.episodes import mark_disengaged


class Command(BaseCommand):
    help = "Mark open episodes with no contact achieved for their team's days as disengaged."

    def handle(self, *args: Any, **options: Any) -> None:
        marked = mark_disengaged()
        self.stdout.write(f"{len(marked)} episode(s) marked disengaged.")
