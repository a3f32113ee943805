"""``coproduce recover-lost-work``: take back the work of a worker that was lost.

Run it every minute from the scheduler (cron or a systemd timer), before
``deliver-messages``. A worker (the task worker, or a sweeper) beats while it holds work;
one silent for longer than ``COPRODUCE_WORKER_LOST_AFTER_SECONDS`` (45) was killed or
lost its host. The messages it had claimed go back to the queue (before any is sent again,
Notify is asked whether it already has it, so none is sent twice) and the task it was
running is marked failed, saying why; a chunk of messages or a fan-out is handed to the
workers again, ahead of the rest. Every running task worker does the same at each beat
(``messaging.workers.recover``), so a lost worker's work is taken back within lost-after
plus a beat while one runs, and within lost-after plus a minute by this command alone.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coproduce.messaging import workers


class Command(BaseCommand):
    help = "Take back the messages and tasks of workers that stopped (killed or lost)."

    def handle(self, *args: Any, **options: Any) -> None:
        taken, failed = workers.recover()
        workers.forget_lost_workers()
        self.stdout.write(
            f"Taken back from lost workers: {taken} message{'s' * (taken != 1)} "
            f"queued again, {failed} task{'s' * (failed != 1)} marked failed."
        )
