"""``coproduce serve``: serve Coproduce with waitress, stopping gracefully on SIGTERM,
trusting the reverse proxy named by ``COPRODUCE_TRUSTED_PROXY``."""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.web import monitoring, server


class Command(BaseCommand):
    help = (
        "Serve the site (waitress), in one process or several on one port; on SIGTERM, "
        "finish the requests in hand, then stop."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8, help="threads per process")
        parser.add_argument(
            "--processes",
            type=int,
            default=settings.SERVER_PROCESSES,
            help="server processes sharing the port, about one per core "
            "(default 1, or COPRODUCE_SERVER_PROCESSES)",
        )
        parser.add_argument(
            "--connection-limit",
            type=int,
            default=settings.SERVER_CONNECTIONS,
            help="open connections each process holds at once; more wait to be accepted "
            "(default 2000, or COPRODUCE_SERVER_CONNECTIONS)",
        )
        parser.add_argument(
            "--drain-seconds",
            type=float,
            default=30,
            help="on SIGTERM, how long to let requests in hand finish (default 30)",
        )
        # Set by --processes for each of its processes (which share its listening socket).
        parser.add_argument("--supervised", action="store_true", help="(used by --processes)")

    def handle(self, *args: Any, **options: Any) -> None:
        processes = options["processes"]
        if processes < 1:
            raise CommandError(f"--processes must be 1 or more, not {processes}.")
        if options["threads"] < 1:
            raise CommandError(f"--threads must be 1 or more, not {options['threads']}.")
        if options["connection_limit"] < 1:
            raise CommandError(
                f"--connection-limit must be 1 or more, not {options['connection_limit']}."
            )
        if not options["supervised"]:  # the first process, not one of --processes' copies
            monitoring.clear_shared_counts()
        if processes > 1:
            one = [
                sys.executable,
                "-c",
                "from coproduce.cli import main; main()",
                "serve",
                "--host",
                options["host"],
                "--port",
                str(options["port"]),
                "--threads",
                str(options["threads"]),
                "--drain-seconds",
                str(options["drain_seconds"]),
                "--connection-limit",
                str(options["connection_limit"]),
                "--processes",
                "1",
                "--supervised",
            ]
            try:
                listener = server.listening_socket(options["host"], options["port"])
            except OSError as error:
                raise CommandError(
                    f"Cannot listen on {options['host']}:{options['port']} ({error.strerror}); "
                    f"is port {options['port']} in use?"
                ) from None
            try:
                server.supervise(one, processes, options["drain_seconds"], listener)
            except server.StartFailed as error:
                raise CommandError(f"{error}; is port {options['port']} in use?") from None
            finally:
                listener.close()
            return
        from coproduce.wsgi import application

        proxy = (
            server.TrustedProxy(
                settings.TRUSTED_PROXY,
                settings.TRUSTED_PROXY_COUNT,
                tuple(settings.TRUSTED_PROXY_HEADERS),
            )
            if settings.TRUSTED_PROXY
            else None
        )
        server.serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            drain_seconds=options["drain_seconds"],
            proxy=proxy,
            connection_limit=options["connection_limit"],
        )
