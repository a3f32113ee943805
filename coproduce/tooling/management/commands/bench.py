"""``coproduce bench voices|text|notify|evidence|spark|web|risk|masking``: how fast voices
arrive and alerts go out; DuckDB against a real Spark cluster
(``coproduce.tooling.bench.spark``); what masking misses
(``coproduce.tooling.bench.masking``); how well the text model does against the baselines
(see ``coproduce.tooling.bench.text``); how fast one "you said, we did" update reaches
every contributor as deployed (the publish request through the server, the task workers
killed part way), and that a crash sends no one anything twice (see
``coproduce.tooling.bench.change``).

Measures, on the configured database inside a transaction that is rolled back (nothing
is left behind), with the real Notify client against an in-process fake Notify:

- an at-risk text message arriving through Notify's callback → stored, screened, alert
  raised, the duty text and the crisis reply handed to Notify (seconds per text);
- a Friends and Family Test import of synthetic rows (rows per second).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

from coproduce.accounts.models import Role, User
from coproduce.care.models import Team
from coproduce.messaging import notify
from coproduce.messaging.models import Message
from coproduce.tooling.bench import text as text_bench
from coproduce.tooling.testing.fake_notify import FakeNotify
from coproduce.voices import importer
from coproduce.voices.categories import default_framework_path
from coproduce.voices.text import data


class Rollback(Exception):
    pass


def _extracts(options: dict[str, Any]) -> list[Path]:
    """The --extract folders given (one, as ``call_command(extract=…)`` gives it, or each
    of a repeated option)."""
    given = options.get("extract")
    if given is None:
        return []
    return [Path(given)] if isinstance(given, str | Path) else [Path(p) for p in given]


class Command(BaseCommand):
    help = "Benchmark voices, the text model, Notify fan-out, or the evidence engine."

    def _say(self, line: str) -> None:
        """A part of a long run is done: say so at once (stderr, beside --json's stdout)."""
        self.stderr.write(line)
        self.stderr.flush()

    def web(self, options: dict[str, Any]) -> None:
        from coproduce.tooling.bench import web as web_bench

        if options["closed_loop"]:
            result = web_bench.run(
                users=options["users"],
                seconds=options["seconds"],
                threads=options["server_threads"],
                processes=options["server_processes"],
            )
            self.stdout.write(
                json.dumps(result, indent=2)
                if options["json"]
                else "\n".join(f"{k}: {v}" for k, v in result.items())
            )
            return
        try:
            steps = [int(n) for n in options["steps"].split(",")]
        except ValueError:
            raise CommandError(
                f"--steps must be whole numbers separated by commas, not {options['steps']!r}"
            ) from None
        if not steps or min(steps) < 1:
            raise CommandError("--steps must name at least one number of staff, all 1 or more")
        if options["step_seconds"] <= 0 or options["spawn_rate"] <= 0:
            raise CommandError("--step-seconds and --spawn-rate must be more than 0")
        result = web_bench.run_staff(
            steps=steps,
            step_seconds=options["step_seconds"],
            spawn_rate=options["spawn_rate"],
            settle=options["settle_seconds"],
            keep_stepping=options["keep_stepping"],
            threads=options["server_threads"],
            processes=options["server_processes"],
            say=self._say,
        )
        if options["chart"] is not None:
            options["chart"].write_text(web_bench.chart(result))
        self.stdout.write(
            json.dumps(result, indent=2) if options["json"] else web_bench.summary(result)
        )

    def evidence(self, options: dict[str, Any]) -> None:
        from coproduce.evidence.tables import ExtractError
        from coproduce.tooling.bench import evidence as evidence_bench

        extracts = _extracts(options)
        if len(extracts) != 1:
            raise CommandError(
                "bench evidence needs --extract DIR, once (see: coproduce seed --profile national)"
            )
        try:
            result = evidence_bench.run(extracts[0], pandas=not options["no_pandas"])
        except ExtractError as error:
            raise CommandError(f"Refused: {error}") from error
        self.stdout.write(
            json.dumps(result, indent=2)
            if options["json"]
            else "\n".join(f"{k}: {v}" for k, v in result.items())
        )

    def spark(self, options: dict[str, Any]) -> None:
        from coproduce.tooling.bench import spark as spark_bench
        from coproduce.tooling.spark_cluster import ClusterError, Stopped

        extracts = _extracts(options)
        if not extracts:
            raise CommandError(
                "bench spark needs --extract DIR, once for each extract "
                "(see: coproduce seed --profile national --episodes N --out DIR)"
            )
        for extract in extracts:
            if not extract.is_dir():
                raise CommandError(f"No extract folder at {extract}")
            if not (extract / "episodes.parquet").is_file():
                raise CommandError(
                    f"{extract} is not an extract: it has no episodes.parquet "
                    "(make one with: coproduce seed --profile national --episodes N --out DIR)"
                )
        try:
            result = spark_bench.run(
                extracts,
                models=not options["no_models"],
                executor_memory=options["executor_memory"],
            )
        except ClusterError as error:
            raise CommandError(f"The Spark cluster did not start: {error}") from error
        except (Stopped, KeyboardInterrupt) as error:
            raise CommandError(
                f"Interrupted ({str(error) or 'Ctrl-C'}); the Spark cluster was stopped."
            ) from error
        self.stdout.write(
            json.dumps(result, indent=2)
            if options["json"]
            else "\n".join(f"{k}: {v}" for k, v in result.items())
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "what",
            choices=["voices", "text", "notify", "evidence", "spark", "web", "risk", "masking"],
        )
        parser.add_argument(
            "--steps",
            default=",".join(str(n) for n in (250, 500, 1000, 1500, 2000, 3000)),
            help="web: staff online at each step, comma-separated (default "
            "250,500,1000,1500,2000,3000)",
        )
        parser.add_argument(
            "--step-seconds", type=float, default=60, help="web: seconds measured at each step"
        )
        parser.add_argument(
            "--spawn-rate", type=float, default=50, help="web: people started a second"
        )
        parser.add_argument(
            "--settle-seconds",
            type=float,
            default=15,
            help="web: seconds between a step's last person starting and its measurement "
            "(one longest think time, default 15)",
        )
        parser.add_argument("--chart", type=Path, help="web: write p95 against staff online (SVG)")
        parser.add_argument(
            "--keep-stepping",
            action="store_true",
            help="web: measure every step, even after one fails badly (which otherwise "
            "ends the run early)",
        )
        parser.add_argument(
            "--closed-loop",
            action="store_true",
            help="web: issue 8's measure instead (--users who never pause, --seconds a page)",
        )
        parser.add_argument(
            "--users", type=int, default=32, help="web --closed-loop: simulated users"
        )
        parser.add_argument(
            "--seconds", type=float, default=15, help="web --closed-loop: seconds per page"
        )
        parser.add_argument(
            "--server-threads", type=int, default=8, help="web: each server process's threads"
        )
        parser.add_argument(
            "--server-processes",
            type=int,
            default=os.cpu_count() or 1,
            help="web: server processes (default: one per core)",
        )
        parser.add_argument(
            "--extract",
            type=Path,
            action="append",
            help="evidence: the extract folder; spark: an extract folder (give it again for more)",
        )
        parser.add_argument(
            "--no-pandas", action="store_true", help="evidence: skip the pandas comparison"
        )
        parser.add_argument(
            "--no-models", action="store_true", help="spark: evaluate without the models"
        )
        parser.add_argument(
            "--executor-memory",
            default="3g",
            help="spark: each of the two executors' memory (each worker offers this much)",
        )
        parser.add_argument(
            "--contributors",
            type=int,
            default=100_000,
            help="notify: contributors who asked to be told, each sent one update",
        )
        parser.add_argument(
            "--limit-per-minute",
            type=int,
            default=60_000,
            help="notify: the fake Notify's rate limit, which every sender keeps to together",
        )
        parser.add_argument("--threads", type=int, default=8, help="notify: sends in flight")
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="notify: task worker processes (coproduce worker), sharing the one limit",
        )
        parser.add_argument("--texts", type=int, default=50)
        parser.add_argument("--rows", type=int, default=5000)
        parser.add_argument("--data", type=Path, default=None, help="text: a v6 framework CSV")
        parser.add_argument("--json", action="store_true", help="text: print one JSON object")
        parser.add_argument(
            "--baselines",
            default="svc,linear",
            help="text: which baselines to rebuild (svc,linear; 'none' to skip)",
        )
        parser.add_argument(
            "--part",
            action="append",
            choices=["v6", "v7", "speed"],
            help="text: run only this part (repeatable); all three by default",
        )
        parser.add_argument(
            "--baselines-only", action="store_true", help="text: rebuild the baselines alone"
        )
        parser.add_argument(
            "--cache", type=Path, default=None, help="text: keep embeddings here between runs"
        )
        parser.add_argument(
            "--sentence-weight",
            type=float,
            default=None,
            help="text: weight of the sentence encoder's features (0 leaves it out)",
        )

    def risk(self, options: dict[str, Any]) -> None:
        from coproduce.tooling.bench import risk as risk_bench

        path = options["data"] or default_framework_path()
        if not path.is_file():
            raise CommandError(f"No data file at {path}. Give one with --data.")
        result = risk_bench.run(path)
        self.stdout.write(
            json.dumps(result, indent=2)
            if options["json"]
            else "\n".join(f"{k}: {v}" for k, v in result.items())
        )

    def masking(self, options: dict[str, Any]) -> None:
        from coproduce.tooling.bench import masking as masking_bench

        try:
            result = masking_bench.run()
        except masking_bench.SetChanged as error:
            raise CommandError(f"Refused: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2))
            return
        for name, scores in (("First set", result), ("Set 2, typed in a hurry", result["set_2"])):
            self.stdout.write(f"{name}:")
            self._masking_halves(scores)

    def _masking_halves(self, result: dict[str, Any]) -> None:
        for half in ("held_out", "tuning"):
            scored = result[half]
            self.stdout.write(f"{half} ({scored['texts']} texts):")
            for kind, r in scored["recall"].items():
                self.stdout.write(f"  {kind}: {r['caught']}/{r['of']} caught")
            self.stdout.write(
                f"  ordinary words masked: {scored['ordinary_words_masked']}"
                f"/{scored['ordinary_words']} ({', '.join(scored['over_masked_words'])})"
            )

    def handle(self, *args: Any, **options: Any) -> None:
        _refuse_bad_values(options)
        # SIGTERM (a timeout, systemd) as Ctrl-C: each bench's own clean-up (its
        # PostgreSQL, server, workers, cluster) runs on the way out (found by issue 25's
        # fresh-eyes trial: a stopped bench left its PostgreSQL running).
        with contextlib.suppress(ValueError):  # not the main thread (a test): leave it
            signal.signal(signal.SIGTERM, _interrupt)
        try:
            self._handle(options)
        except KeyboardInterrupt as error:
            raise CommandError(
                f"bench {options['what']} was interrupted; what it started was stopped."
            ) from error

    def _handle(self, options: dict[str, Any]) -> None:
        if options["what"] == "masking":
            self.masking(options)
            return
        if options["what"] == "risk":
            self.risk(options)
            return
        if options["what"] == "web":
            self.web(options)
            return
        if options["what"] == "evidence":
            self.evidence(options)
            return
        if options["what"] == "spark":
            self.spark(options)
            return
        if options["what"] == "notify":
            from coproduce.tooling.bench import change as notify_bench

            result = notify_bench.run(
                options["contributors"],
                options["limit_per_minute"],
                options["threads"],
                options["workers"],
                say=self._say,
            )
            self.stdout.write(
                json.dumps(result, indent=2)
                if options["json"]
                else "\n".join(f"{k}: {v}" for k, v in result.items())
            )
            return
        if options["what"] == "text":
            path = options["data"] or default_framework_path()
            if not path.is_file():
                raise CommandError(f"No data file at {path}. Give one with --data.")
            baselines = [b for b in options["baselines"].split(",") if b in {"svc", "linear"}]
            weight = options["sentence_weight"]
            try:
                data.load(path)  # a file that is not the framework's CSV, named here
            except (ValueError, KeyError, UnicodeDecodeError) as error:
                raise CommandError(
                    f"{path} cannot be read as a v6 framework CSV: {error}"
                ) from None
            result = text_bench.run(
                path,
                baselines,
                **({} if weight is None else {"sentence_weight": weight}),
                say=self._say,
                cache=options["cache"],
                parts=tuple(options["part"] or text_bench.PARTS),
                ours=not options["baselines_only"],
            )
            self.stdout.write(
                json.dumps(result, indent=2) if options["json"] else text_bench.summary(result)
            )
            return
        if settings.PRODUCTION:
            raise CommandError("bench writes (and rolls back) test data: not in production.")
        try:
            with transaction.atomic():
                self.run(options["texts"], options["rows"])
                raise Rollback
        except Rollback:
            pass

    def run(self, texts: int, rows: int) -> None:
        Team.objects.create(name="Bench 24/7 line", kind="crisis_line", duty_phone="07700900999")
        lead = User.objects.create(username="bench-lead", role=Role.LIVED_EXPERIENCE_LEAD)
        client = Client()
        auth = {"Authorization": f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}"}
        with (
            FakeNotify(settings.NOTIFY_API_KEY) as fake,
            override_settings(NOTIFY_BASE_URL=fake.base_url, ALLOWED_HOSTS=["testserver"]),
        ):
            seconds = []
            for n in range(texts):
                start = time.perf_counter()
                payload = fake.inbound(
                    f"07700900{n % 1000:03d}", "(Synthetic) I want to end my life"
                )
                response = client.post(
                    "/notify/inbound-sms", payload, "application/json", headers=auth
                )
                if response.status_code != 201:
                    raise CommandError(f"inbound text refused: {response.status_code}")
                for pk in Message.objects.filter(status="queued").values_list("pk", flat=True):
                    notify.deliver(pk)
                seconds.append(time.perf_counter() - start)
            sent = len(fake.sent)
        self.stdout.write(
            f"at-risk text → alert + duty text + crisis reply handed to Notify: "
            f"{texts} texts, median {statistics.median(seconds) * 1000:.0f} ms, "
            f"max {max(seconds) * 1000:.0f} ms ({sent} messages sent)"
        )
        lines = ["Response ID,Date,FFT categorical answer,Comment"]
        lines += [
            f"bench-{n},01/10/2026,{1 + n % 5},(Synthetic) The team listened and called back"
            for n in range(rows)
        ]
        start = time.perf_counter()
        report = importer.import_file(lead, "\n".join(lines).encode(), "bench.csv")
        elapsed = time.perf_counter() - start
        self.stdout.write(
            f"FFT import: {report.imported} rows in {elapsed:.1f} s "
            f"({report.imported / elapsed:.0f} rows/s)"
        )


# The least each number may be, by the bench that reads it: anything less is refused,
# naming the option, before anything starts.
AT_LEAST: dict[str, dict[str, float]] = {
    "web": {"server_processes": 1, "server_threads": 1, "users": 1, "seconds": 1},
    "notify": {"contributors": 1, "limit_per_minute": 1, "threads": 1, "workers": 1},
    "voices": {"texts": 1, "rows": 1},
}


def _refuse_bad_values(options: dict[str, Any]) -> None:
    what = options["what"]
    for name, least in AT_LEAST.get(what, {}).items():
        if options[name] < least:
            flag = "--" + name.replace("_", "-")
            raise CommandError(f"{flag} must be {least:g} or more, not {options[name]:g}.")
    if what == "text":
        weight = options["sentence_weight"]
        if weight is not None and weight < 0:
            raise CommandError(f"--sentence-weight must be 0 or more, not {weight:g}.")
        unknown = set(options["baselines"].split(",")) - {"svc", "linear", "none"}
        if unknown:
            raise CommandError(
                f"--baselines takes svc, linear or none (comma-separated), not "
                f"{', '.join(sorted(unknown))}."
            )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
