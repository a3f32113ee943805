"""The nightly purge: applies the retention rules, then books itself for the next night."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from coproduce.privacy import retention


def next_run(now: dt.datetime) -> dt.datetime:
    local = timezone.localtime(now)
    at = local.replace(hour=settings.RETENTION_PURGE_HOUR, minute=0, second=0, microsecond=0)
    return at if at > local else at + dt.timedelta(days=1)


@task()
def purge_expired() -> dict[str, int]:
    done = retention.purge()
    purge_expired.using(run_after=next_run(timezone.now())).enqueue()
    return done


def schedule() -> bool:
    """Book the nightly purge unless one is already booked (database worker only)."""
    from django_tasks_db.models import DBTaskResult

    path = f"{purge_expired.func.__module__}.{purge_expired.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    purge_expired.using(run_after=next_run(timezone.now())).enqueue()
    return True
