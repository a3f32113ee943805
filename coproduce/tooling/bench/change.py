"""``coproduce bench notify``: one "you said, we did" update published to many contributors
the way it happens in production, with the task workers killed part way through.

Everything runs as deployed, on a throwaway PostgreSQL on loopback (the configured
database is never touched), with production settings:

1. set-up (not timed): N contributors who asked to be told by text or email, linked to
   an insight with an action, and a signed-in lived experience lead;
2. the production server (``coproduce serve``), the task workers (``coproduce worker``,
   every sender keeping to Notify's one limit together, through the schedule in the
   database, ``messaging.notify.Pace``) and the scheduler's minute-by-minute jobs
   (``coproduce every-minute --without-escalations`` at the start of every minute, never
   overlapping, as ``coproduce-every-minute.timer`` runs them) are started; the real
   Notify client talks to the local fake Notify, which enforces the rate limit;
3. the lead publishes through the server, over HTTP, as a browser does: the form, the
   preview, then "Confirm and publish" (the publish request, timed on its own). The
   fan-out and the sending are the workers' tasks after that request commits;
4. when Notify has taken ``kill_at`` of the messages, every worker is killed with
   SIGKILL (no clean-up: messages claimed and maybe sent but never recorded), and
   started again ``restart_seconds`` later (systemd's ``RestartSec``). Their claims are
   taken back by the scheduler's jobs once the killed workers' heartbeats are older than
   the lost-after time (production's 10 and 45 seconds unless told otherwise);
5. when every message is recorded as sent, Notify's record is compared with the
   contributors: references sent more than once (duplicates), contributors never sent
   one (missed); and the gaps after the kill are read: to the next send
   (``resume_seconds``), and until every message the killed workers held was sent by
   another (``claims_recovered_seconds``).
"""

from __future__ import annotations

import datetime as dt
import http.client
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from coproduce.tooling.testing.fake_notify import FakeNotify
from coproduce.tooling.testing.postgres import TemporaryPostgres, free_port

ROOT = Path(__file__).resolve().parents[3]
COPRODUCE = [sys.executable, "-c", "from coproduce.cli import main; main()"]
PHASE = [*COPRODUCE, "bench_notify_phase"]
# The bench's own Notify key: the fake checks the client's tokens against it.
API_KEY = "bench-6c8a8e52-1b0e-4f3a-9a3e-2f7c4d5b6a10-0d9c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
LEAD = "bench-lead"
# A pause between sends longer than this is a gap (the crash), not sending.
GAP_SECONDS = 2.0


def _production_env(database_url: str, folder: Path) -> dict[str, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "COPRODUCE_", "NOTIFY_"))
    }
    return {
        **base,
        "COPRODUCE_ENV": "production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-secret-key-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "COPRODUCE_PUBLIC_BASE_URL": "https://crisis.example.nhs.uk",
        "COPRODUCE_TRUST_NAME": "Bench NHS Foundation Trust",
        "COPRODUCE_LOCAL_CRISIS_LINE": "0800 123 4567",
        "SECURE_SSL_REDIRECT": "false",
        "COPRODUCE_TRUSTED_PROXY": "127.0.0.1",
        "COPRODUCE_DATA_DIR": str(folder / "data"),
        "COPRODUCE_STATIC_ROOT": str(folder / "static"),
        "COPRODUCE_BACKUP_DIR": str(folder / "backups"),  # checked at start-up; none made
        "NOTIFY_API_KEY": API_KEY,
        "NOTIFY_CALLBACK_TOKEN": "bench",
        "NOTIFY_SMS_TEMPLATE_ID": "bench-sms",
        "NOTIFY_EMAIL_TEMPLATE_ID": "bench-email",
        "EVIDENCE_PSEUDONYM_KEY": "bench-only-pseudonym-key",
        "COPRODUCE_EVIDENCE_CHANGE_DATE": "",
        "COPRODUCE_LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter and commands
        args, env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[3:5])} failed: {done.stderr[-3000:]}")
    return done.stdout


def _phase(env: dict[str, str], *args: str) -> dict[str, Any]:
    return dict(json.loads(_run([*PHASE, *args], env).strip().splitlines()[-1]))


class Browser:
    """The lead's browser: one kept-alive connection, cookies kept, forms posted with
    their CSRF token and one-time submission token, behind the proxy (HTTPS)."""

    def __init__(self, port: int, session: str) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        self.cookies = {"sessionid": session}

    def ask(self, path: str, form: dict[str, str] | None = None) -> tuple[int, str, float]:
        headers = {
            "Host": "127.0.0.1",
            "X-Forwarded-Proto": "https",
            "Origin": "https://127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        self.connection.request("POST" if form is not None else "GET", path, body, headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        seconds = time.perf_counter() - start
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value
        return response.status, text, seconds

    @staticmethod
    def hidden(page: str, name: str) -> str:
        found = re.search(rf'name="{name}" value="([^"]*)"', page)
        if found is None:
            raise RuntimeError(f"the page has no {name} field: {page[:2000]}")
        return found.group(1)


WORDS = {
    "you_said": "You told us you saw too many different staff.",
    "we_did": "Everyone now has a named team of at most four people.",
    "easy_read": "",
}


def publish_through_the_server(port: int, session: str, action: int) -> dict[str, float]:
    """The lead's three requests: the form, the preview, "Confirm and publish"."""
    browser = Browser(port, session)
    path = f"/actions/{action}/update"
    status, page, form_seconds = browser.ask(path)
    if status != 200:
        raise RuntimeError(f"the publish form answered {status}")

    def tokens(page: str) -> dict[str, str]:
        return {
            "csrfmiddlewaretoken": browser.hidden(page, "csrfmiddlewaretoken"),
            "submission": browser.hidden(page, "submission"),
        }

    status, page, preview_seconds = browser.ask(path, {**tokens(page), **WORDS, "step": "preview"})
    if status != 200:
        raise RuntimeError(f"the preview answered {status}: {page[:2000]}")
    confirm = {
        **tokens(page),
        **WORDS,
        "preview": browser.hidden(page, "preview"),
        "checked": "on",
        "step": "publish",
    }
    status, page, publish_seconds = browser.ask(path, confirm)
    if status != 302:
        raise RuntimeError(f"publishing answered {status}, not a redirect: {page[:3000]}")
    return {
        "form_seconds": round(form_seconds, 3),
        "preview_seconds": round(preview_seconds, 3),
        "publish_seconds": round(publish_seconds, 3),
    }


class Scheduler:
    """``coproduce every-minute --without-escalations`` at the start of every period, a
    run never overlapping the one before (systemd's timer, ``OnCalendar=minutely``)."""

    def __init__(self, env: dict[str, str], every: float, log: Path) -> None:
        self.env, self.every, self.log = env, every, log
        self.stop = threading.Event()
        self.runs: list[dict[str, Any]] = []
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self.stop.wait(self.every - time.time() % self.every):
            started = time.time()
            done = subprocess.run(  # noqa: S603 - our own commands
                [*COPRODUCE, "every-minute", "--without-escalations"],
                env=self.env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            with self.log.open("a") as log:
                log.write(done.stdout + done.stderr)
            taken = re.search(r"Taken back from lost workers: (\d+) message", done.stdout)
            self.runs.append(
                {
                    "started": started,
                    "seconds": round(time.time() - started, 1),
                    "taken_back": int(taken.group(1)) if taken else 0,
                    "ok": done.returncode == 0,
                }
            )

    def __enter__(self) -> Scheduler:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=600)


class Workers:
    """``coproduce worker`` processes, as systemd runs them (each in its own group)."""

    def __init__(self, env: dict[str, str], count: int, folder: Path) -> None:
        self.env, self.count, self.folder = env, count, folder
        self.processes: list[subprocess.Popen[bytes]] = []
        self.started = 0

    def start(self) -> None:
        for _ in range(self.count):
            self.started += 1
            with (self.folder / f"worker-{self.started}.log").open("w") as log:
                self.processes.append(
                    subprocess.Popen(  # noqa: S603 - our own command
                        [*COPRODUCE, "worker", "--interval", "0.5"],
                        env=self.env,
                        cwd=ROOT,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )

    def kill(self) -> None:
        """SIGKILL to each worker's whole group: no clean-up, no last word."""
        for process in self.processes:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        self.processes = []

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes = []


def _sent_at(created_at: str) -> float:
    return dt.datetime.fromisoformat(created_at.replace("Z", "+00:00")).timestamp()


def _sending_seconds(times: list[float]) -> float:
    """Time spent sending: from the first send to the last, less every pause between two
    sends longer than ``GAP_SECONDS`` (the crash and its recovery)."""
    return sum(b - a for a, b in itertools.pairwise(times) if b - a <= GAP_SECONDS)


def _wait_for_server(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(log.read_text()[-3000:])
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https"})
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def run(
    contributors: int,
    limit_per_minute: int,
    threads: int,
    workers: int,
    *,
    heartbeat_seconds: float = 10.0,
    lost_after_seconds: float = 45.0,
    scheduler_seconds: float = 60.0,
    restart_seconds: float = 5.0,
    kill_at: float = 0.5,
    say: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """``say`` is told each part as it ends, and how the sending goes."""
    postgres = TemporaryPostgres().initialise()
    postgres.start()
    folder = Path(tempfile.mkdtemp(prefix="coproduce-bench-notify-"))
    for name in ("data", "static", "backups"):
        (folder / name).mkdir()
    server = None
    scheduler = None
    crew = None
    try:
        with FakeNotify(API_KEY, per_minute=limit_per_minute) as fake:
            production = {
                **_production_env(postgres.url, folder),
                "NOTIFY_BASE_URL": fake.base_url,
                # The whole service's limit: every sending process keeps to it together.
                "NOTIFY_RATE_LIMIT_PER_MINUTE": str(limit_per_minute),
                "NOTIFY_SEND_THREADS": str(threads),
                "COPRODUCE_WORKER_HEARTBEAT_SECONDS": str(heartbeat_seconds),
                "COPRODUCE_WORKER_LOST_AFTER_SECONDS": str(lost_after_seconds),
            }
            # The phases make synthetic data, which production refuses: the same
            # database under the demo's settings.
            demo = {**production, "COPRODUCE_ENV": "demo"}
            say(f"Preparing PostgreSQL and an action owed to {contributors:,} contributors")
            _run([*COPRODUCE, "migrate", "--no-input", "-v", "0"], demo)
            setup = _phase(demo, "setup", "--contributors", str(contributors))
            _run([*COPRODUCE, "collectstatic", "--no-input", "-v0"], production)
            # The same SECRET_KEY as the server, so the session holds there.
            session = json.loads(_run([*COPRODUCE, "bench_web_setup", "--users", LEAD], demo))
            port = free_port()
            server_log = folder / "server.log"
            server = subprocess.Popen(  # noqa: S603 - our own command
                [*COPRODUCE, "serve", "--port", str(port), "--processes", "1", "--threads", "4"],
                env=production,
                cwd=ROOT,
                stderr=server_log.open("w"),
            )
            _wait_for_server(port, server, server_log)
            crew = Workers(production, workers, folder)
            crew.start()
            scheduler = Scheduler(production, scheduler_seconds, folder / "every-minute.log")
            scheduler.__enter__()

            say(f"Server and {workers} workers started; publishing through the server")
            published_at = time.time()
            requests = publish_through_the_server(port, session["sessions"][LEAD], setup["action"])
            say(f"Published in {requests['publish_seconds']:.2f} s; sending")
            update = _phase(demo, "latest")["update"]

            while len(fake.sent) < contributors * kill_at:
                if any(p.poll() is not None for p in crew.processes):
                    raise RuntimeError("a worker stopped: see " + str(folder))
                time.sleep(0.02)
            at_kill = len(fake.sent)
            crew.kill()
            killed_at = time.time()
            say(
                f"{at_kill:,} with Notify; every worker killed (SIGKILL), started again in "
                f"{restart_seconds:g} s"
            )
            time.sleep(max(0.0, killed_at + restart_seconds - time.time()))
            crew.start()

            deadline = time.time() + contributors / limit_per_minute * 60 * 3 + 600
            said_at = time.time()
            while True:
                tally = _phase(demo, "tally", "--update", str(update))
                if tally["messages_made"] and set(tally["statuses"]) <= {"sent"}:
                    break
                if time.time() - said_at >= 15:
                    said_at = time.time()
                    say(f"{len(fake.sent):,} of {contributors:,} with Notify")
                if time.time() > deadline:
                    raise RuntimeError(f"not every message was sent in time: {tally}")
                time.sleep(2)
            finished_at = time.time()
            say(f"All {contributors:,} sent; reading the record")
            crew.stop()
            scheduler.__exit__()
            runs = scheduler.runs
            report = _phase(demo, "report", "--update", str(update))
            sent = list(fake.sent)
            rate_limited = fake.rate_limited
    finally:
        if scheduler is not None:
            scheduler.__exit__()
        if crew is not None:
            crew.stop()
        if server is not None:
            server.terminate()
            try:
                server.wait(40)
            except subprocess.TimeoutExpired:
                server.kill()
        postgres.remove()
    shutil.rmtree(folder, ignore_errors=True)  # kept (with its logs) if the run failed

    times = sorted(_sent_at(s.created_at) for s in sent)
    references = Counter(s.reference for s in sent)
    owed = set(report["references"])
    after_kill = [t for t in times if t > killed_at]
    before_kill = [t for t in times if t <= killed_at]
    per_second = limit_per_minute / 60
    recovered = [t for t in report["retried_sent_at"] if t is not None]
    sending = _sending_seconds(times)
    return {
        "contributors": contributors,
        "database": "postgresql",
        # (a) The publish request, over HTTP through the production server.
        "publish_request_seconds": requests["publish_seconds"],
        "preview_request_seconds": requests["preview_seconds"],
        "publish_form_seconds": requests["form_seconds"],
        "publish_to_first_send_seconds": round(times[0] - published_at, 2),
        "fan_out_seconds": report["fan_out_seconds"],
        # (b) The pace.
        "messages_sent": len(sent),
        "limit_per_minute": limit_per_minute,
        "sending_seconds": round(sending, 1),
        "per_minute": round(len(sent) / sending * 60) if sending else 0,
        "rate_fraction": round(len(sent) / sending / per_second, 3) if sending else 0,
        "rate_fraction_before_kill": round(
            len(before_kill) / (before_kill[-1] - before_kill[0]) / per_second, 3
        )
        if len(before_kill) > 1
        else 0,
        # Notify's bucket starts full (a third of a minute's worth, at most 1,001) and
        # fills again while nothing is sent, so a short run can pass 1: refusals
        # (``rate_limited_by_notify``) then show the senders asked for more than the limit.
        "rate_limited_by_notify": rate_limited,
        "worker_processes": workers,
        "sender_threads": threads,
        # (c) The crash.
        "killed_after": at_kill,
        # Claimed by a killed worker and sent by another (tried twice: nothing else fails
        # here, and Notify's 429s do not count as tries).
        "claims_taken_back": len(report["retried_sent_at"]),
        "restart_seconds": restart_seconds,
        "heartbeat_seconds": heartbeat_seconds,
        "lost_after_seconds": lost_after_seconds,
        "resume_seconds": round(after_kill[0] - killed_at, 1) if after_kill else None,
        "claims_recovered_seconds": round(max(recovered) - killed_at, 1)
        if recovered and len(recovered) == len(report["retried_sent_at"])
        else None,
        "last_send_after_kill_seconds": round(times[-1] - killed_at, 1),
        "taken_back_by_scheduler": sum(r["taken_back"] for r in runs),
        "scheduler_runs": len(runs),
        "duplicates": sum(n - 1 for n in references.values() if n > 1),
        "missed": len(owed - set(references)),
        "not_ours": len(set(references) - owed),
        "recorded": report["statuses"],
        "seconds": round(finished_at - published_at, 1),
        # Names kept from before issue 25, for comparison.
        "duplicates_after_crash": sum(n - 1 for n in references.values() if n > 1),
        "missed_after_crash": len(owed - set(references)),
        "recorded_after_crash": report["statuses"],
    }


# The phases, each run in its own process by ``coproduce bench_notify_phase``.


def setup(contributors: int) -> dict[str, Any]:
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from coproduce.accounts.models import Role, User
    from coproduce.change import services
    from coproduce.voices.models import Voice

    lead = User.objects.create(username=LEAD, role=Role.LIVED_EXPERIENCE_LEAD)
    # Signed in with both factors, as after a real sign-in (``bench_web_setup``).
    TOTPDevice.objects.create(user=lead, confirmed=True, name="Authenticator app")
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


def latest() -> dict[str, Any]:
    """The update just published, and what the request left behind it: no messages."""
    from coproduce.change.models import Update

    update = Update.objects.latest("pk")
    return {"update": update.pk, "owed_to": update.owed_to}


def tally(update_id: int) -> dict[str, Any]:
    from coproduce.change.models import OutboxMessage, Update

    update = Update.objects.get(pk=update_id)
    statuses = Counter(
        OutboxMessage.objects.filter(update_id=update_id).values_list("message__status", flat=True)
    )
    return {"messages_made": update.fanned_out_at is not None, "statuses": dict(statuses)}


def report(update_id: int) -> dict[str, Any]:
    """Every message's reference; when each message claimed more than once (by a killed
    worker, then by another) was sent; and the fan-out's time."""
    from django.db.models import Max

    from coproduce.change.models import OutboxMessage, Update
    from coproduce.messaging.models import Message

    update = Update.objects.get(pk=update_id)
    made = update.outbox.aggregate(last=Max("queued_at"))["last"]
    retried = Message.objects.filter(outbox__update=update, attempts__gt=1)
    return {
        "references": [
            f"coproduce-{pk}" for pk in update.outbox.values_list("message_id", flat=True)
        ],
        "retried_sent_at": [
            at.timestamp() if at else None for at in retried.values_list("sent_at", flat=True)
        ],
        "fan_out_seconds": round((made - update.published_at).total_seconds(), 1) if made else None,
        "statuses": dict(
            Counter(
                OutboxMessage.objects.filter(update_id=update_id).values_list(
                    "message__status", flat=True
                )
            )
        ),
    }
