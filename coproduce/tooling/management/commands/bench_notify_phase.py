"""One step of ``coproduce bench notify``, run in its own process (see
coproduce.tooling.bench.change).
Prints one JSON object. Not for use on its own."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.tooling.bench import change as bench


class Command(BaseCommand):
    help = "A step of `coproduce bench notify` (internal)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("step", choices=["setup", "latest", "tally", "report"])
        parser.add_argument("--contributors", type=int, default=0)
        parser.add_argument("--update", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("The benchmark makes synthetic data: not in production.")
        step = options["step"]
        result: dict[str, Any]
        if step == "setup":
            result = bench.setup(options["contributors"])
        elif step == "latest":
            result = bench.latest()
        elif step == "tally":
            result = bench.tally(options["update"])
        else:
            result = bench.report(options["update"])
        self.stdout.write(json.dumps(result))
