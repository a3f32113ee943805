"""``coproduce restore FILE|--latest [--replace]``: restore a backup, checked before and
after. ``--latest`` takes the newest nightly backup in ``COPRODUCE_BACKUP_DIR``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.privacy import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by 'coproduce backup' into this (migrated) database: a FILE, "
        "or --latest, the newest nightly backup in COPRODUCE_BACKUP_DIR."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("file", type=Path, nargs="?", help="the backup file")
        which.add_argument(
            "--latest",
            action="store_true",
            help="the newest nightly backup in COPRODUCE_BACKUP_DIR",
        )
        parser.add_argument(
            "--replace", action="store_true", help="overwrite the data this database holds"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            file = self.latest() if options["latest"] else options["file"]
            if options["latest"]:
                self.stdout.write(f"Restoring the newest backup, {file}.")
            summary = backup.restore(file, replace=options["replace"])
        except backup.RestoreRefused as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        self.stdout.write(
            f"Restored {summary.rows} rows of {summary.kinds} kinds from {summary.path}; "
            "counts and the audit trail checked."
        )

    def latest(self) -> Path:
        folder = settings.BACKUP_DIR
        if folder is None:
            raise CommandError(
                "COPRODUCE_BACKUP_DIR is not set: set it to the folder the nightly backups "
                "are in, or name the backup file."
            )
        return backup.latest(folder)
