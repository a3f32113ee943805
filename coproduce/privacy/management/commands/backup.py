"""``coproduce backup --nightly`` / ``--out FILE``: the whole database in one checked file.

``--nightly`` (what the nightly timer runs) writes ``coproduce-YYYYMMDDTHHMMSSZ.json.gz``
(UTC) in ``COPRODUCE_BACKUP_DIR`` and then removes the oldest such files beyond
``COPRODUCE_BACKUP_KEEP``; nothing else in the folder is touched. Either way the file is
readable only by its owner, and a backup that fails leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from coproduce.privacy import backup


class Command(BaseCommand):
    help = (
        "Back up the whole database to one file (gzip JSON with a checked manifest): "
        "--nightly into COPRODUCE_BACKUP_DIR, keeping COPRODUCE_BACKUP_KEEP, or --out FILE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--out", type=Path, help="the file to write")
        where.add_argument(
            "--nightly",
            action="store_true",
            help="a dated file in COPRODUCE_BACKUP_DIR; the oldest beyond COPRODUCE_BACKUP_KEEP go",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["nightly"]:
                self.nightly()
            else:
                self.to_file(options["out"])
        except (OSError, DatabaseError) as error:
            raise CommandError(
                f"The backup failed: {error}. No backup file was left from this attempt."
            ) from None

    def to_file(self, out: Path) -> None:
        if not out.parent.is_dir():
            raise CommandError(f"There is no folder {out.parent} to write the backup into.")
        summary = backup.backup(out)
        self.stdout.write(f"Backed up {summary.rows} rows of {summary.kinds} kinds to {out}.")

    def nightly(self) -> None:
        folder = settings.BACKUP_DIR
        if folder is None:
            raise CommandError(
                "COPRODUCE_BACKUP_DIR is not set: set it to the folder nightly backups go in."
            )
        summary = backup.nightly(folder)
        self.stdout.write(
            f"Backed up {summary.rows} rows of {summary.kinds} kinds to {summary.path}."
        )
        try:
            kept, removed = backup.prune(folder, settings.BACKUP_KEEP)
        except OSError as error:
            raise CommandError(
                f"The backup was written to {summary.path}, but the older backups could not "
                f"be removed: {error}."
            ) from None
        self.stdout.write(
            f"Kept {len(kept)} backups (COPRODUCE_BACKUP_KEEP={settings.BACKUP_KEEP}): "
            + ", ".join(p.name for p in kept)
            + "."
        )
        if removed:
            self.stdout.write(
                f"Removed {len(removed)} older: " + ", ".join(p.name for p in removed) + "."
            )
        else:
            self.stdout.write("Removed none.")
