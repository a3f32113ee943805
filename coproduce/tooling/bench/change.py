"""``coproduce bench notify``: fan one "you said, we did" update out to many contributors
through the real Notify client and the local fake Notify enforcing a rate limit, with a
sender killed part way through.

The run, each step in its own process on a throwaway SQLite database (the configured
database is never touched):

1. set-up (not timed): N contributors who asked to be told by text or email, linked to
   an insight with an action;
2. the clock starts: the update is published (the request's part, timed on its own), then
   its fan-out task owes it to every contributor, as the worker runs it after the commit;
3. a sender process sends, paced to the limit; when Notify has taken about half, it is
   killed (SIGKILL: no clean-up, messages claimed and maybe sent but never recorded);
4. recovery, as the scheduler does once the killed senders' heartbeats are older than
   the lost-after time (seconds here rather than production's 45, and waited for): their
   claims are taken back, then fresh senders send the rest (asking Notify for each
   reference first). The clock stops when the last message is with Notify;
5. the fake Notify's record is compared with the contributors: references sent more
   than once (duplicates) and contributors never sent one (missed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from typing import Any

from django.conf import settings

from coproduce.tooling.testing.fake_notify import FakeNotify

PHASE = [sys.executable, "-c", "from coproduce.cli import main; main()", "bench_notify_phase"]
# Senders beat this often, and are lost after this long (production: 10 and 45 seconds).
HEARTBEAT_SECONDS = 0.5
LOST_AFTER_SECONDS = 2.0


def _phase(env: dict[str, str], *args: str) -> dict[str, Any]:
    done = subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [*PHASE, *args], env=env, check=True, capture_output=True, text=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _senders(env: dict[str, str], update: str, workers: int) -> list[subprocess.Popen[bytes]]:
    """Worker processes, each sending its share of the update's queued messages."""
    return [
        subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
            [*PHASE, "send", "--update", update, "--part", str(n), "--of", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(workers)
    ]


def run(contributors: int, limit_per_minute: int, threads: int, workers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        with FakeNotify(settings.NOTIFY_API_KEY, per_minute=limit_per_minute) as fake:
            env = {
                **os.environ,
                "COPRODUCE_DATA_DIR": folder,
                "COPRODUCE_ENV": "demo",
                "COPRODUCE_LOG_LEVEL": "ERROR",
                "NOTIFY_BASE_URL": fake.base_url,
                # Each worker keeps to its share of the limit, as in production.
                "NOTIFY_RATE_LIMIT_PER_MINUTE": str(limit_per_minute // workers),
                "NOTIFY_SEND_THREADS": str(threads),
                # Messages go only through the senders measured here, not a task worker.
                "COPRODUCE_TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
                "COPRODUCE_WORKER_HEARTBEAT_SECONDS": str(HEARTBEAT_SECONDS),
                "COPRODUCE_WORKER_LOST_AFTER_SECONDS": str(LOST_AFTER_SECONDS),
            }
            env.pop("DATABASE_URL", None)
            subprocess.run(  # noqa: S603
                [*PHASE[:3], "migrate", "--no-input", "-v", "0"], env=env, check=True
            )
            setup = _phase(env, "setup", "--contributors", str(contributors))
            start = time.perf_counter()
            published = _phase(env, "publish", "--action", str(setup["action"]))
            fanned_out = time.perf_counter()
            update = str(published["update"])
            senders = _senders(env, update, workers)
            while any(s.poll() is None for s in senders) and len(fake.sent) < contributors // 2:
                time.sleep(0.05)
            at_kill = len(fake.sent)
            for sender in senders:
                sender.send_signal(signal.SIGKILL)
                sender.wait()
            killed = time.perf_counter()
            time.sleep(max(0.0, killed + LOST_AFTER_SECONDS - time.perf_counter()))
            taken_back = _phase(env, "requeue")["requeued"]
            for recoverer in _senders(env, update, workers):
                recoverer.wait()
            finished = time.perf_counter()
            recorded = _phase(env, "tally", "--update", update)
            sent = list(fake.sent)
            references = Counter(s.reference for s in sent)
            owed = set(published["references"])
        send_seconds = finished - fanned_out
    return {
        "contributors": contributors,
        "seconds": round(finished - start, 2),
        "publish_seconds": published["publish_seconds"],
        "fan_out_seconds": round(fanned_out - start, 2),
        "send_seconds": round(send_seconds, 2),
        "messages_sent": len(sent),
        "per_minute": round(len(sent) / send_seconds * 60),
        "limit_per_minute": limit_per_minute,
        "rate_limited_by_notify": fake.rate_limited,
        "sender_processes": workers,
        "sender_threads": threads,
        "killed_after": at_kill,
        "taken_back_after_crash": taken_back,
        "duplicates_after_crash": sum(n - 1 for n in references.values() if n > 1),
        "missed_after_crash": len(owed - set(references)),
        # What our own records say at the end: every message should be "sent".
        "recorded_after_crash": recorded,
    }


# The phases, each run in its own process by ``coproduce bench_notify_phase``.


def setup(contributors: int) -> dict[str, Any]:
    from django.utils import timezone

    from coproduce.accounts.models import Role, User
    from coproduce.change import services
    from coproduce.voices.models import Voice

    lead = User.objects.create(username="bench-lead", role=Role.LIVED_EXPERIENCE_LEAD)
    now = timezone.now()
    voices = []
    for n in range(contributors):
        by_text = n % 2 == 0
        voices.append(
            Voice(
                channel=Voice.Channel.WEB,
                text="(Synthetic) I saw a different person every day.",
                received_at=now,
                consent_improvement=True,
                consent_contact=True,
                contact_channel=Voice.ContactChannel.SMS if by_text else Voice.ContactChannel.EMAIL,
                contact_phone=f"07700{n:06d}" if by_text else "",
                contact_email="" if by_text else f"contributor{n}@example.com",
            )
        )
    Voice.objects.bulk_create(voices, batch_size=2000)
    insight = services.create_insight(lead, "People see too many different staff.")
    through = type(insight).voices.through
    through.objects.bulk_create(
        [
            through(insight_id=insight.pk, voice_id=pk)
            for pk in Voice.objects.values_list("pk", flat=True)
        ],
        batch_size=5000,
    )
    action = services.record_action(
        lead,
        insight,
        description="A named team for everyone",
        owner=lead,
        due_on=now.date() + dt.timedelta(days=30),
    )
    return {"action": action.pk}


def publish(action_id: int) -> dict[str, Any]:
    """What the request does (timed), then the fan-out task it hands on to. The tasks
    backend here is the dummy one, so the task is run here, outside any transaction, as
    the worker would run it; its sending is left to the senders measured next."""
    from coproduce.change import services, tasks
    from coproduce.change.models import Action

    action = Action.objects.get(pk=action_id)
    words = {
        "you_said": "You told us you saw too many different staff.",
        "we_did": "Everyone now has a named team of at most four people.",
    }
    preview = services.preview_update(action.created_by, action, **words)
    start = time.perf_counter()
    update = services.publish_update(action.created_by, action, **words, confirmed=preview.digest)
    publish_seconds = round(time.perf_counter() - start, 3)
    tasks.tell_contributors.call(update.pk)
    references = [f"coproduce-{pk}" for pk in update.outbox.values_list("message_id", flat=True)]
    return {"update": update.pk, "references": references, "publish_seconds": publish_seconds}


def _queued(update_id: int, part: int, of: int) -> list[Any]:
    from coproduce.change.models import OutboxMessage
    from coproduce.messaging.models import Message

    ids = OutboxMessage.objects.filter(
        update_id=update_id, message__status=Message.Status.QUEUED
    ).values_list("message_id", flat=True)
    # Shared out by the message's own id, so each worker's share is the same whatever the
    # others have already done when it asks (a position in the list would shift).
    return [pk for pk in ids if pk.int % of == part]


def send(update_id: int, part: int = 0, of: int = 1) -> dict[str, Any]:
    """One worker's share of the update's queued messages."""
    from coproduce.messaging import notify

    return dict(notify.deliver_many(_queued(update_id, part, of)))


def tally(update_id: int) -> dict[str, Any]:
    from coproduce.change.models import OutboxMessage

    return dict(
        Counter(
            OutboxMessage.objects.filter(update_id=update_id).values_list(
                "message__status", flat=True
            )
        )
    )


def requeue() -> dict[str, Any]:
    """What the scheduler does once the killed senders' heartbeats are old enough."""
    from coproduce.messaging import notify

    return {"requeued": notify.take_back_lost_claims()}
