"""``coproduce fake-notify``: run the local fake GOV.UK Notify for the demo.

It checks the demo key's JWTs like Notify, keeps what was sent in memory (see
``/_fake/sent``), posts delivery receipts back to the service, and forwards a text
"received" at ``/_fake/inbound-sms`` to the service's callback. Never use it with real
numbers: it is for synthetic data.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from coproduce.tooling.testing.fake_notify import FakeNotify


class Command(BaseCommand):
    help = "Run a local fake of GOV.UK Notify for the demo (synthetic data only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8025)
        parser.add_argument(
            "--service", default=settings.PUBLIC_BASE_URL, help="Where Coproduce is served"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        service = options["service"].rstrip("/")
        fake = FakeNotify(
            settings.NOTIFY_API_KEY,
            port=options["port"],
            receipts_url=f"{service}/notify/receipts",
            inbound_url=f"{service}/notify/inbound-sms",
            callback_token=settings.NOTIFY_CALLBACK_TOKEN,
        ).start()
        self.stdout.write(f"Fake Notify on {fake.base_url}; calling back {service}/notify/")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            fake.stop()
