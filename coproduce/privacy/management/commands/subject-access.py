"""``coproduce subject-access --person ID --by USERNAME --out DIR``: everything held.

Writes ``subject-access.json`` (for computers) and ``subject-access.html`` (to read or
print) about one person in the service's care (``--person``) or one network member
(``--member``). The export is a read of the record, so it is audited under ``--by``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.privacy import holdings


class Command(BaseCommand):
    help = "Export everything held about a person or a network member (subject access)."

    def add_arguments(self, parser: CommandParser) -> None:
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--person", type=int, help="the person's record number")
        who.add_argument("--member", type=int, help="the network member's number")
        parser.add_argument("--by", required=True, help="your username (the export is audited)")
        parser.add_argument("--out", required=True, type=Path, help="folder to write into")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(username=options["by"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user is called {options['by']!r}.")
        if options["person"] is not None:
            found = holdings.PERSON[0].model_class._default_manager.filter(pk=options["person"])
            declared, label = holdings.PERSON, f"person {options['person']}"
        else:
            found = holdings.MEMBER[0].model_class._default_manager.filter(pk=options["member"])
            declared, label = holdings.MEMBER, f"member {options['member']}"
        subject = found.first()
        if subject is None:
            raise CommandError(f"There is no {label}.")
        out: Path = options["out"]
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} is a file, not a folder.")
        # The export is the trust's record, labelled in the trust's own language whatever
        # language the shell or a caller last left active.
        with translation.override(settings.LANGUAGE_CODE):
            export = holdings.subject_access(subject, declared, settings.TRUST_NAME)
        out.mkdir(parents=True, exist_ok=True)
        (out / "subject-access.json").write_text(export.json, encoding="utf-8")
        (out / "subject-access.html").write_text(export.html, encoding="utf-8")
        audit.record(actor, AuditEvent.Action.VIEWED, subject, "subject access export")
        self.stdout.write(
            f"Wrote {export.records} records about {label} to {out}/subject-access.json "
            "and subject-access.html."
        )
