"""``coproduce seed --profile demo``: fill an empty database with a synthetic demo trust."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.accounts.models import User
from coproduce.synthetic.demo import DEMO_PASSWORD, DEMO_USERS, seed_demo


class Command(BaseCommand):
    help = "Seed synthetic data. Profiles: demo (a small trust, only into an empty database)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--profile", choices=["demo"], required=True)
        parser.add_argument("--seed", type=int, default=2026, help="random seed (deterministic)")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Synthetic data is never seeded into a production database.")
        if User.objects.exists():
            self.stdout.write("The database already has users: leaving it as it is.")
        else:
            report = seed_demo(seed=options["seed"])
            self.stdout.write(
                f"Seeded a synthetic demo trust: {report.teams} teams, {report.users} staff "
                f"and members, {report.people} people, {report.episodes} episodes, "
                f"{report.contacts} contacts, {report.voices} voices, "
                f"{report.referrals_waiting} referrals waiting to be allocated."
            )
        demo_usernames = [username for username, *_ in DEMO_USERS]
        if User.objects.filter(username__in=demo_usernames).count() == len(DEMO_USERS):
            self.stdout.write(f"Demo sign-ins (password for each: {DEMO_PASSWORD}):")
            for username, _first, _last, role in DEMO_USERS:
                self.stdout.write(f"  {role.label:<24} {username}")
