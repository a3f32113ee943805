"""``coproduce finish-fan-outs``: finish telling contributors about an update whose
fan-out stopped part way (its worker died) or was never run (no worker).

The safety net for the task worker, as ``deliver-messages`` is for sending: run it every
minute or so. What was made is kept; only the rest is made, and no contributor is owed
an update twice (``coproduce.change.delivery.fan_out``).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coproduce.change.delivery import finish_stalled_fan_outs


class Command(BaseCommand):
    help = "Finish fan-outs of updates that made nothing for ten minutes before finishing."

    def handle(self, *args: Any, **options: Any) -> None:
        finished = finish_stalled_fan_outs()
        made = sum(f.queued + f.to_print for f in finished)
        self.stdout.write(f"Fan-outs finished: {len(finished)} ({made} messages made).")
