"""``coproduce risk screen|rescreen|train``: the risk screen from the command line.

- ``screen [FILE]``: one message a line (standard input by default), one JSON object a
  line out: ``text``, ``alert``, ``concerns``, ``reason``, ``language``.
- ``rescreen --since DATE``: screen again the voices stored since DATE that have no alert
  (after the screen has improved) and raise an alert for each newly caught, once.
- ``train``: make the semantic layer's head again (``coproduce.voices.risk.train``).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date

from coproduce.voices import risk, services
from coproduce.voices.categories import default_framework_path
from coproduce.voices.models import RiskAlert, Voice

BATCH = 64


class Command(BaseCommand):
    help = "Screen messages for risk, re-screen stored voices, or train the screen's head."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        screen = sub.add_parser("screen", help="screen one message a line, print JSON lines")
        screen.add_argument("file", nargs="?", type=Path, help="a text file (default: stdin)")
        rescreen = sub.add_parser("rescreen", help="screen stored voices again")
        rescreen.add_argument("--since", required=True, help="a date, YYYY-MM-DD")
        rescreen.add_argument(
            "--dry-run",
            action="store_true",
            help="list what would be raised (voice, date, channel, concern, which layer; "
            "never the words) and raise nothing",
        )
        train = sub.add_parser("train", help="train the semantic layer's head")
        sets = Path(__file__).resolve().parents[3] / "tooling/bench/risk_set"
        train.add_argument(
            "--set",
            type=Path,
            nargs="+",
            default=[
                sets / f"{name}.jsonl" for name in ("tuning", "retired", "retired_2", "retired_3")
            ],
            help="the evaluation set's tuning files (never its held-out file)",
        )
        train.add_argument("--data", type=Path, default=None, help="the v6 framework CSV")
        train.add_argument("--cache", type=Path, default=Path("var/risk-embeddings.npz"))

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, options["verb"])(options)

    def screen(self, options: dict[str, Any]) -> None:
        path = options["file"]
        if path is not None and not path.is_file():
            raise CommandError(f"No file at {path}.")
        stream = path.open(encoding="utf-8", errors="replace") if path else sys.stdin
        batch: list[str] = []
        with stream:
            for line in stream:
                batch.append(line.rstrip("\n"))
                if len(batch) == BATCH:
                    self._write(batch)
                    batch = []
        self._write(batch)

    def _write(self, texts: list[str]) -> None:
        for text, found in zip(texts, risk.screen_many(texts), strict=True):
            record = {
                "text": text,
                "alert": found.raises_alert,
                "concerns": [str(c) for c in found.concerns],
                "reason": found.reason,
                "language": found.language,
            }
            self.stdout.write(json.dumps(record, ensure_ascii=False))

    def rescreen(self, options: dict[str, Any]) -> None:
        try:
            day = parse_date(options["since"])
        except ValueError:  # looks like a date but is not one, e.g. 2026-13-45
            day = None
        if day is None:
            raise CommandError(f"--since must be a date like 2026-11-01, not {options['since']!r}.")
        since = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
        unscreened = (
            Voice.objects.filter(received_at__gte=since)
            .exclude(text="")
            .exclude(pk__in=RiskAlert.objects.values("voice"))
            .order_by("pk")
        )
        looked, raised = 0, 0
        ids = list(unscreened.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            voices = list(Voice.objects.filter(pk__in=ids[start : start + BATCH]).order_by("pk"))
            for voice, found in zip(
                voices, risk.screen_many([v.text for v in voices]), strict=True
            ):
                looked += 1
                if not found.raises_alert:
                    continue
                raised += 1
                if options["dry_run"]:
                    # Ids, dates and the layer only: never the words (this may go to a log).
                    layers = sorted(
                        {part.split(":")[0] for part in found.reason.split("; ") if ":" in part}
                    )
                    received = timezone.localtime(voice.received_at)
                    self.stdout.write(
                        f"voice {voice.pk}: received {received:%d %b %Y %H:%M}, "
                        f"{voice.get_channel_display().lower()}, "
                        f"{', '.join(found.concerns)} (by {', '.join(layers).lower()})"
                    )
                else:
                    with transaction.atomic():
                        services.raise_alert_if_at_risk(voice, found, rescreened=True)
        what = "would raise" if options["dry_run"] else "raised"
        self.stdout.write(
            f"Screened {looked} voice(s) since {day:%d %B %Y} with no alert: "
            f"{what} {raised} alert(s)."
        )

    def train(self, options: dict[str, Any]) -> None:
        from coproduce.voices.risk import train

        data = options["data"] or default_framework_path()
        for path in (*options["set"], data):
            if not path.is_file():
                raise CommandError(f"No file at {path}.")
        result = train.train(options["set"], data, options["cache"], say=self.stderr.write)
        self.stdout.write(json.dumps(result, indent=2))
