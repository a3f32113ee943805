"""``coproduce restore FILE [--replace]``: restore a backup, checked before and after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.privacy import backup


class Command(BaseCommand):
    help = "Restore a backup made by 'coproduce backup' into this (migrated) database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the backup file")
        parser.add_argument(
            "--replace", action="store_true", help="overwrite the data this database holds"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup.restore(options["file"], replace=options["replace"])
        except backup.RestoreRefused as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        self.stdout.write(
            f"Restored {summary.rows} rows of {summary.kinds} kinds from {summary.path}; "
            "counts and the audit trail checked."
        )
