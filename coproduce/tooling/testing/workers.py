"""Workers for tests: tasks run at once, in the test; and one that has stopped beating,
as a killed one would."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from coproduce.messaging.models import Worker


def lose(worker_id: str) -> None:
    """As if the worker was killed longer ago than the lost-after time: its last beat is
    that old (the database's clock is this host's, on SQLite and the tests' PostgreSQL)."""
    silent = dt.timedelta(seconds=settings.WORKER_LOST_AFTER_SECONDS + 1)
    Worker.objects.filter(pk=worker_id).update(beat_at=timezone.now() - silent)


# The task settings under which queued work runs at once, in the test (messages go
# through the fake Notify as they are queued).
IMMEDIATE = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "notifications"],
    }
}
