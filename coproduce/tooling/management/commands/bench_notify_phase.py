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
        parser.add_argument("step", choices=["setup", "publish", "send", "requeue", "tally"])
        parser.add_argument("--contributors", type=int, default=0)
        parser.add_argument("--action", type=int, default=0)
        parser.add_argument("--update", type=int, default=0)
        parser.add_argument("--part", type=int, default=0)
        parser.add_argument("--of", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("The benchmark makes synthetic data: not in production.")
        step = options["step"]
        if step == "setup":
            result = bench.setup(options["contributors"])
        elif step == "publish":
            result = bench.publish(options["action"])
        elif step == "tally":
            result = bench.tally(options["update"])
        elif step == "send":
            result = bench.send(options["update"], options["part"], options["of"])
        else:
            result = bench.requeue()
        self.stdout.write(json.dumps(result))
