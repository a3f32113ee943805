"""Used by ``coproduce bench web``: sign-in sessions for the simulated users (both factors
given, as after a real sign-in) and the people on the practitioner's caseload, as JSON."""

from __future__ import annotations

import json
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management.base import BaseCommand, CommandParser
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.care.models import Episode


class Command(BaseCommand):
    help = "(for coproduce bench web) sessions and caseload ids, as JSON"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--users", required=True, help="comma-separated usernames")

    def handle(self, *args: Any, **options: Any) -> None:
        store = import_module(settings.SESSION_ENGINE).SessionStore
        sessions = {}
        for username in options["users"].split(","):
            user = User.objects.get(username=username)
            session = store()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is not None:
                session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.create()
            sessions[username] = session.session_key
        people = list(
            Episode.objects.open()
            .filter(team__staff__username="practitioner")
            .values_list("person_id", flat=True)
            .distinct()
        )
        self.stdout.write(json.dumps({"sessions": sessions, "people": people}))
