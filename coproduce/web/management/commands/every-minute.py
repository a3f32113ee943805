"""``coproduce every-minute``: the jobs a scheduler runs once a minute, in one command.

In order: escalate risk alerts not acknowledged in time, send due follow-up invitations
and reminders, take back the work of a lost worker (before anything is sent again), send
or retry queued messages, finish fan-outs left part-done, and mark disengaged the open
episodes with no contact achieved for their team's days (shipped with no timer of its
own before, so it never ran in production: found by a fresh-eyes trial of the demo's
worklist, whose "disengaged" list stayed empty). Each job runs even when one
before it failed, so a fault in one never holds back an alert's escalation; the command
then exits with status 1 naming each job that failed (systemd marks the run failed).
In production escalations have a timer of their own (``--without-escalations`` here), so
one never waits behind sending through a Notify that is slow to answer.
"""

from __future__ import annotations

import io
import logging
import traceback
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

logger = logging.getLogger(__name__)

JOBS = (
    "escalate-alerts",
    "send-follow-ups",
    "recover-lost-work",
    "deliver-messages",
    "finish-fan-outs",
    "mark-disengaged",
)


class Command(BaseCommand):
    help = (
        "Run the minute-by-minute jobs (escalations, follow-ups, taking back lost work, "
        "sending and retrying messages, fan-outs, disengagement); each runs even if "
        "another failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--without-escalations",
            action="store_true",
            help="leave out escalate-alerts, when a timer of its own runs it (as in "
            "deploy/systemd), so an escalation never waits behind the other jobs",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        failed = []
        jobs = JOBS[1:] if options["without_escalations"] else JOBS
        for job in jobs:
            out = io.StringIO()
            try:
                call_command(job, stdout=out)
            except Exception as error:
                failed.append(job)
                # The kind of error and where, never its message: a database's message can
                # quote a record's values.
                logger.error(
                    "every-minute: %s failed (%s) at\n%s",
                    job,
                    type(error).__name__,
                    "".join(traceback.format_tb(error.__traceback__)),
                )
                continue
            self.stdout.write(f"{job}: {out.getvalue().strip() or 'done'}")
        if failed:
            raise CommandError(f"These jobs failed (the others ran): {', '.join(failed)}.")
