"""``coproduce worker``: the task worker for production.

It is django-tasks' database worker (``db_worker``), taking every queue unless told
otherwise, and it beats as the task worker the whole time it runs, waiting or working, so
``/readyz`` and ``/metrics`` can tell whether one is running. On SIGTERM (systemd's stop)
it finishes the task in hand, then stops and marks itself stopped; one killed instead is
found by its silence (``coproduce recover-lost-work``).
"""

from __future__ import annotations

import contextlib
import logging
from argparse import ArgumentParser
from typing import Any

from django.db import DatabaseError
from django_tasks_db.management.commands import db_worker

from coproduce.messaging.models import Worker
from coproduce.messaging.workers import heartbeat

logger = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = (
        "Run background tasks (messages, follow-ups, fan-outs) from every queue, beating "
        "as the task worker so the service's readiness check can see it."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*")

    def handle(self, *args: Any, **options: Any) -> None:
        heartbeat.kind = Worker.Kind.TASKS
        try:
            # Its first beat asks the database too: one that is gone at the start is the
            # same one line (found when a slow start met a database already stopped).
            heartbeat.hold()
            super().handle(*args, **options)
        except DatabaseError as error:
            # One line (the kind of error, never its message, which can quote a record)
            # rather than a traceback: systemd starts the worker again, and it waits for
            # the database as it starts.
            logger.error("the task worker stopped: the database failed (%s)", type(error).__name__)
            raise SystemExit(1) from None
        finally:
            # Without a database, it is found by its silence (coproduce recover-lost-work).
            with contextlib.suppress(DatabaseError):
                heartbeat.stopped()
