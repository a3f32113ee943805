"""``coproduce seed --profile demo|trust-year|national``: synthetic data, never real.

``demo`` fills an empty database with the demo trust and two quiet years of history;
``trust-year`` with the same trust and a busy year (about 20,000 referrals, 8,000
episodes, 120,000 contacts, 30,000 voices: the web benchmark's load); ``national``
writes an analytics extract for the whole country instead (see ``evidence.national``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.accounts.models import User
from coproduce.tooling.synthetic.demo import (
    DEMO_PASSWORD,
    DEMO_USERS,
    ensure_demo_authenticators,
    seed_demo,
)
from coproduce.tooling.synthetic.history import DEMO, TRUST_YEAR


class Command(BaseCommand):
    help = (
        "Seed synthetic data. Profiles: demo (a small trust, only into an empty database); "
        "national (an analytics extract for every crisis service in England, written to --out)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--profile", choices=["demo", "trust-year", "national"], required=True)
        parser.add_argument("--seed", type=int, default=2026, help="random seed (deterministic)")
        parser.add_argument("--out", type=Path, help="national: the folder to write the extract to")
        parser.add_argument(
            "--episodes", type=int, default=2_000_000, help="national: how many episodes"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["profile"] == "national":
            self.national(options)
            return
        if settings.PRODUCTION:
            raise CommandError("Synthetic data is never seeded into a production database.")
        if User.objects.exists():
            self.stdout.write("The database already has users: leaving it as it is.")
            added = ensure_demo_authenticators()
            if added:
                self.stdout.write(f"Gave {added} demo staff accounts their demo authenticator.")
        else:
            scale = TRUST_YEAR if options["profile"] == "trust-year" else DEMO
            report = seed_demo(seed=options["seed"], history=scale)
            self.stdout.write(
                f"Seeded a synthetic demo trust: {report.teams} teams, {report.users} staff "
                f"and members, {report.people} people, {report.episodes} episodes, "
                f"{report.contacts} contacts, {report.voices} voices, "
                f"{report.referrals_waiting} referrals waiting to be allocated, "
                f"{report.calls} calls to the line and {report.visits} Sanctuary visits."
            )
        demo_usernames = [username for username, *_ in DEMO_USERS]
        if User.objects.filter(username__in=demo_usernames).count() == len(DEMO_USERS):
            self.stdout.write(
                f"Demo sign-ins (password for each: {DEMO_PASSWORD}; staff then enter the "
                "code the sign-in page shows):"
            )
            for username, _first, _last, role in DEMO_USERS:
                self.stdout.write(f"  {role.label:<24} {username}")

    def national(self, options: dict[str, Any]) -> None:
        from coproduce.tooling.synthetic.national import write_national

        if options["out"] is None:
            raise CommandError("The national profile writes an extract: give --out DIR.")
        if options["episodes"] < 100:
            raise CommandError("--episodes must be at least 100.")
        started = time.perf_counter()
        report = write_national(options["out"], episodes=options["episodes"], seed=options["seed"])
        rows = ", ".join(f"{table} {count:,}" for table, count in report.rows.items())
        self.stdout.write(
            f"Wrote a synthetic national extract to {options['out']} in "
            f"{time.perf_counter() - started:.0f} s: {rows}."
        )
