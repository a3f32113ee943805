"""``coproduce serve``: serve Coproduce with waitress, stopping gracefully on SIGTERM."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coproduce.web import server
from coproduce.wsgi import application


class Command(BaseCommand):
    help = "Serve the site (waitress); on SIGTERM, finish the requests in hand, then stop."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument(
            "--drain-seconds",
            type=float,
            default=30,
            help="on SIGTERM, how long to let requests in hand finish (default 30)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        server.serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            drain_seconds=options["drain_seconds"],
        )
