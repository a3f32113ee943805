"""``coproduce erase-member --member ID --by USERNAME --reason TEXT``: erase on request."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.accounts.models import Role, User
from coproduce.network.models import Member
from coproduce.privacy import erasure


class Command(BaseCommand):
    help = "Erase a network member's personal details on their request, and say what is kept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--member", type=int, required=True, help="the member's number")
        parser.add_argument("--by", required=True, help="your username (a lived experience lead)")
        parser.add_argument("--reason", required=True, help="the request, e.g. 'email of 3 May'")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(username=options["by"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user is called {options['by']!r}.")
        if actor.role not in {Role.LIVED_EXPERIENCE_LEAD, Role.ADMINISTRATOR}:
            raise CommandError("Only a lived experience lead or an administrator may erase.")
        if not options["reason"].strip():
            raise CommandError("Give the reason: which request this erasure answers.")
        member = Member.objects.filter(pk=options["member"]).first()
        if member is None:
            raise CommandError(f"There is no member {options['member']}.")
        try:
            result = erasure.erase_member(actor, member, options["reason"])
        except erasure.AlreadyErased as error:
            raise CommandError(str(error)) from None
        for line in result.lines():
            self.stdout.write(line)
