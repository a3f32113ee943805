"""``coproduce import-fft FILE --user NAME``: import a Friends and Family Test export.

All or nothing, with the same row-by-row report as the import page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.accounts.models import User
from coproduce.accounts.policy import Capability, can
from coproduce.voices import importer


class Command(BaseCommand):
    help = "Import a Friends and Family Test CSV export (all rows, or none)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="Who is importing (for the audit)")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None or not can(user, Capability.REVIEW_VOICES):
            raise CommandError(f"{options['user']!r} is not a user who may import voices.")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        report = importer.import_file(user, path.read_bytes(), path.name)
        if not report.ok:
            lines = [*report.file_problems]
            lines += [f"Line {r.line}: {'; '.join(r.problems)}" for r in report.rows_with_problems]
            raise CommandError("Nothing was imported.\n" + "\n".join(lines))
        if report.imported_before:
            self.stdout.write(f"{path.name} was imported before (the same file): nothing imported.")
            return
        self.stdout.write(
            f"{report.imported} voices imported; {len(report.skipped)} rows skipped "
            "(imported before)."
        )
