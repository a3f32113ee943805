"""Used by ``coproduce bench web``: sign-in sessions for the simulated staff (both factors
given, as after a real sign-in) and what their journeys open, as JSON.

``--users`` gives sessions for existing accounts (the closed-loop bench). ``--staff``
makes, for each role named, that many accounts of their own (``bench.<role>.0001`` …),
each with the role, the teams and a confirmed authenticator as the demo account of that
role has, and a session for each: every simulated person is signed in as someone
different, as a crisis team's staff are. The sessions are made directly, as the sign-in
form leaves them (password then code), without its deliberate password hash for each.
"""

from __future__ import annotations

import json
import secrets
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.care.models import Episode, Team
from coproduce.change.models import Insight
from coproduce.voices import services


def _session(store: Any, user: User) -> str:
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return str(session.session_key)


@transaction.atomic
def _staff_like(template: User, count: int) -> list[User]:
    """``count`` accounts with ``template``'s role, teams and a confirmed authenticator."""
    prefix = f"bench.{template.username}."
    made = User.objects.bulk_create(
        [
            User(
                username=f"{prefix}{n:04d}",
                first_name=template.first_name,
                last_name=f"{template.last_name} {n}",
                role=template.role,
                password="!" + secrets.token_hex(20),  # unusable: no one signs in with it
            )
            for n in range(1, count + 1)
        ]
    )
    made = list(User.objects.filter(username__startswith=prefix).order_by("username"))
    teams = list(template.teams.all())
    Team.staff.through.objects.bulk_create(
        [Team.staff.through(user_id=user.pk, team_id=team.pk) for user in made for team in teams]
    )
    TOTPDevice.objects.bulk_create(
        [TOTPDevice(user=user, name="Bench authenticator", confirmed=True) for user in made]
    )
    return made


class Command(BaseCommand):
    help = "(for coproduce bench web) sessions and what the journeys open, as JSON"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--users", default="", help="comma-separated usernames")
        parser.add_argument(
            "--staff",
            default="",
            help="comma-separated ROLE_ACCOUNT=COUNT (e.g. practitioner=300): that many new "
            "accounts like the demo account ROLE_ACCOUNT, each with its own session",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        store = import_module(settings.SESSION_ENGINE).SessionStore
        sessions = {}
        for username in filter(None, options["users"].split(",")):
            sessions[username] = _session(store, User.objects.get(username=username))
        staff: dict[str, list[str]] = {}
        for item in filter(None, options["staff"].split(",")):
            username, _, count = item.partition("=")
            template = User.objects.filter(username=username).first()
            if template is None or not count.isdigit():
                raise CommandError(f"--staff: {item!r} is not an existing account=count")
            staff[username] = [_session(store, u) for u in _staff_like(template, int(count))]
        open_episodes = list(
            Episode.objects.open()
            .filter(team__staff__username="practitioner")
            .values_list("person_id", "pk")
            .distinct()
        )
        self.stdout.write(
            json.dumps(
                {
                    "sessions": sessions,
                    "staff": staff,
                    "people": sorted({person for person, _ in open_episodes}),
                    # (person, episode): the practitioner's open episodes.
                    "episodes": open_episodes,
                    # The voices on the inbox's first pages, and the latest insights.
                    "voices": list(services.inbox().values_list("pk", flat=True)[:200]),
                    "insights": list(Insight.objects.values_list("pk", flat=True)[:100]),
                }
            )
        )
