"""Used by ``coproduce bench web``: how much data the benchmark ran on, as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from coproduce.care.models import Contact, Episode, Referral
from coproduce.voices.models import Voice


class Command(BaseCommand):
    help = "(for coproduce bench web) row counts, as JSON"

    def handle(self, *args: Any, **options: Any) -> None:
        counts = {
            "referrals": Referral.objects.count(),
            "episodes": Episode.objects.count(),
            "contacts": Contact.objects.count(),
            "voices": Voice.objects.count(),
        }
        self.stdout.write(json.dumps(counts))
