"""``coproduce purge [--dry-run]``: apply the retention rules now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coproduce.privacy import retention, tasks


class Command(BaseCommand):
    help = "Apply the retention rules: delete or erase what has been kept long enough."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would go; change nothing"
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="book the nightly purge for the worker (once; it then books itself)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            booked = tasks.schedule()
            self.stdout.write(
                "The nightly purge is booked."
                if booked
                else "The nightly purge was already booked."
            )
            return
        done = retention.purge(dry_run=options["dry_run"])
        verb = "Would purge" if options["dry_run"] else "Purged"
        for rule in retention.RULES:
            self.stdout.write(f"{verb} {done[rule.name]} {rule.name} (kept {rule.keep}).")
