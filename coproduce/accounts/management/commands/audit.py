"""``coproduce audit verify``: check the audit trail's hash chain from the first event."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.accounts import audit


class Command(BaseCommand):
    help = "Check that the audit trail is whole: no event changed, removed or put in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("check", choices=["verify"], help="what to do (verify)")

    def handle(self, *args: Any, **options: Any) -> None:
        checked, broken = audit.verify()
        if broken is None:
            self.stdout.write(f"The audit trail is whole: {checked} events checked.")
            return
        where = (
            f"event {broken.event_id}"
            if broken.event_id is not None
            else f"the end (after event {checked})"
        )
        raise CommandError(
            f"The audit trail is broken at {where}: {broken.reason}. "
            f"{checked} events before it are whole."
        )
