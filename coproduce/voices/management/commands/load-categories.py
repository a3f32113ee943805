"""``coproduce load-categories [--framework FILE]``: the enquiry-category framework.

Adds seed 003's local categories and NHS England's v6 patient-experience categories (the
label columns of the v6 framework file, read from ../shared/data by default). Running it
again adds only what is missing and keeps any edits made since.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.voices import categories


class Command(BaseCommand):
    help = "Load the local and NHS England v6 enquiry categories."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--framework", type=Path, default=None, help="The v6 framework CSV")

    def handle(self, *args: Any, **options: Any) -> None:
        local = categories.ensure_local()
        self.stdout.write(f"Local categories: {local.created} added.")
        path = options["framework"] or categories.default_framework_path()
        if not path.is_file():
            raise CommandError(f"No v6 framework file at {path}. Give one with --framework.")
        try:
            loaded = categories.load_v6(path)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"NHS England v6 categories: {loaded.created} added.")
