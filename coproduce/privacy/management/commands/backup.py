"""``coproduce backup --out FILE``: the whole database in one checked file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.privacy import backup


class Command(BaseCommand):
    help = "Back up the whole database to one file (gzip JSON with a checked manifest)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"There is no folder {out.parent} to write the backup into.")
        summary = backup.backup(out)
        self.stdout.write(f"Backed up {summary.rows} rows of {summary.kinds} kinds to {out}.")
