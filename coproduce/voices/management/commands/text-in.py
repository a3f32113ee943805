"""``coproduce text-in --from NUMBER "message"``: text the service, through the fake Notify.

For the demo: the fake Notify forwards it to the service as Notify would.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Send a (synthetic) text message to the service through the local fake Notify."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("message")
        parser.add_argument("--from", dest="source", default="07700900123")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("text-in talks to the fake Notify: it is for the demo only.")
        request = urllib.request.Request(  # noqa: S310 - the configured fake, on loopback
            f"{settings.NOTIFY_BASE_URL}/_fake/inbound-sms",
            data=json.dumps({"from": options["source"], "message": options["message"]}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                answer = json.loads(response.read())
        except OSError as error:
            raise CommandError(
                f"The fake Notify is not running at {settings.NOTIFY_BASE_URL}: {error}"
            ) from None
        self.stdout.write(f"Delivered to the service (it answered {answer.get('forwarded')}).")
