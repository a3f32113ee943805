"""``coproduce extract --out DIR``: the pseudonymised analytics extract (Parquet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.evidence.extract import write_extract
from coproduce.evidence.tables import ExtractError, check_extract


class Command(BaseCommand):
    help = "Write the pseudonymised analytics extract (Parquet, one file per table) to DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True, help="folder to write into")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        try:
            report = write_extract(out)
            check_extract(out)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        except ExtractError as error:
            raise CommandError(
                f"The extract written to {out} fails its own check: {error}"
            ) from error
        rows = ", ".join(f"{table} {count:,}" for table, count in report.rows.items())
        self.stdout.write(
            f"Wrote the extract to {out}: {rows}; and the First Response line's and the "
            "Sanctuary's figures, aggregate only (first_response.json)."
        )
