"""A local fake of GOV.UK Notify, for the demo and the tests.

It speaks the part of Notify's HTTP API that ``notifications-python-client`` uses here,
so the real client runs over real HTTP on loopback:

- ``POST /v2/notifications/sms``, ``/email`` and ``/letter``: checks the client's JWT
  (HS256, ``iss`` = service id, signed with the key's secret) exactly as Notify does,
  refuses a number that is not a UK mobile, an address without an ``@``, or a letter
  with fewer than three address lines (400 ``ValidationError``), answers 201 with an id.
- Notify's rate limit, when given one (``per_minute``): a token bucket like Notify's
  (refilled evenly, bursting to a third of a minute's worth, at most 1,001); a request
  over it is answered 429 ``RateLimitError`` and counted in ``rate_limited``.
- ``GET /v2/notifications/{id}`` and ``GET /v2/notifications?reference=…``.

Then the other direction, as Notify does: after a message is accepted it POSTs a delivery
receipt to the service's callback URL with the service's bearer token, and
``POST /_fake/inbound-sms`` makes it POST a received text message to the inbound URL.

For tests it can also play an outage (``fail_next`` requests answered 500), hold its
answer to a send it has taken until told (``hold_answers``, so a worker can be killed
after Notify took a message and before it heard so), and records every message so a test
can read what went out. Everything is kept in memory.
"""

from __future__ import annotations

import json
import math
import re
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from notifications_python_client.authentication import decode_jwt_token, get_token_issuer
from notifications_python_client.errors import TokenError

UK_MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$")
# Notify's smoke-test numbers and addresses behave the same way here.
PERMANENT_FAILURE_NUMBER = "07700900002"


def split_api_key(api_key: str) -> tuple[str, str]:
    """(service id, secret) from a key ``{name}-{service id}-{secret}``, as the client does."""
    return api_key[-73:-37], api_key[-36:]


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


@dataclass
class Sent:
    id: str
    type: str
    to: str
    template_id: str
    personalisation: dict[str, Any]
    reference: str | None
    created_at: str = field(default_factory=_now)
    status: str = "delivered"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "type": self.type,
            "status": self.status,
            "phone_number": self.to if self.type == "sms" else None,
            "email_address": self.to if self.type == "email" else None,
            "line_1": self.personalisation.get("address_line_1") if self.type == "letter" else None,
            "template": {"id": self.template_id, "version": 1, "uri": ""},
            "body": self.personalisation.get("body", ""),
            "subject": self.personalisation.get("subject"),
            "created_at": self.created_at,
        }


class FakeNotify:
    """A running fake Notify on 127.0.0.1. Use as a context manager, or start()/stop()."""

    def __init__(
        self,
        api_key: str,
        *,
        port: int = 0,
        receipts_url: str = "",
        inbound_url: str = "",
        callback_token: str = "",
        per_minute: int = 0,
    ) -> None:
        self.service_id, self.secret = split_api_key(api_key)
        self.per_minute = per_minute
        self._tokens = float(self._capacity())
        self._refilled = time.monotonic()
        self.rate_limited = 0
        self.by_reference: dict[str, list[Sent]] = {}
        self.receipts_url = receipts_url
        self.inbound_url = inbound_url
        self.callback_token = callback_token
        self.sent: list[Sent] = []
        self.fail_next = 0
        # When an Event: a send is taken and recorded, and answered only once it is set.
        self.hold_answers: threading.Event | None = None
        self.requests_refused = 0
        self._lock = threading.Lock()
        self._callbacks: list[threading.Thread] = []
        # Tokens whose check passed, and when: the client signs one token a second per
        # sending thread, so at Notify's pace the same token comes hundreds of times.
        self._tokens_checked: dict[str, float] = {}
        self._server = _Server(("127.0.0.1", port), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeNotify:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self.hold_answers is not None:
            self.hold_answers.set()
        # Let receipts already on their way arrive before the service goes away.
        for thread in self._callbacks:
            thread.join(timeout=10)
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeNotify:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _capacity(self) -> int:
        return min(math.ceil(self.per_minute / 3) + 1, 1001) if self.per_minute else 0

    def _within_rate_limit(self) -> bool:
        """Take a token from the bucket (Notify's own shape); False when it is empty."""
        if not self.per_minute:
            return True
        with self._lock:
            now = time.monotonic()
            self._tokens = min(
                self._capacity(), self._tokens + (now - self._refilled) * self.per_minute / 60
            )
            self._refilled = now
            if self._tokens >= 1:
                self._tokens -= 1
                return True
            self.rate_limited += 1
            return False

    def token_checked(self, token: str) -> bool:
        """Whether ``token`` is this service's, signed with its key and issued within
        Notify's 30 s, as Notify checks it. A token that passed in the last second is
        taken as checked: its answer cannot have changed since, and the check (PyJWT
        decoding it twice) was a fifth of this fake's CPU, which the Notify bench's
        senders share on the same cores (production's Notify is not on them)."""
        now = time.monotonic()
        with self._lock:
            checked = self._tokens_checked.get(token)
        if checked is not None and now - checked < 1:
            return True
        try:
            if get_token_issuer(token) != self.service_id:
                raise TokenError("Invalid token: service id")
            decode_jwt_token(token, self.secret)
        except (TokenError, ValueError):
            return False
        with self._lock:
            if len(self._tokens_checked) > 1000:
                self._tokens_checked.clear()
            self._tokens_checked[token] = now
        return True

    # What went out, for tests and the demo.
    def sent_to(self, to: str) -> list[Sent]:
        with self._lock:
            return [s for s in self.sent if s.to == to]

    # The other direction: Notify calling the service.
    def receipt(self, sent: Sent) -> dict[str, Any]:
        return {
            "id": sent.id,
            "reference": sent.reference,
            "to": sent.to,
            "status": sent.status,
            "created_at": sent.created_at,
            "completed_at": _now(),
            "sent_at": sent.created_at,
            "notification_type": sent.type,
            "template_id": sent.template_id,
            "template_version": 1,
        }

    def inbound(self, source_number: str, message: str) -> dict[str, Any]:
        return {
            "id": str(uuid.uuid4()),
            "source_number": source_number,
            "destination_number": "07700900111",
            "message": message,
            "date_received": _now(),
        }

    def call_service(self, url: str, payload: dict[str, Any]) -> int:
        request = urllib.request.Request(  # noqa: S310 - a configured http(s) URL
            url,
            data=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.callback_token}",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)
        except OSError:
            return 0

    def _accept(self, kind: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        personalisation = body.get("personalisation") or {}
        if kind == "letter":
            lines = [
                str(personalisation.get(f"address_line_{n}") or "").strip() for n in range(1, 8)
            ]
            lines = [line for line in lines if line]
            if len(lines) < 3:
                return 400, _error(400, "ValidationError", "Address must be at least 3 lines long")
            to = "\n".join(lines)
        else:
            to = body.get("phone_number" if kind == "sms" else "email_address") or ""
        if kind == "sms" and not UK_MOBILE.match(re.sub(r"[\s()-]", "", to)):
            return 400, _error(400, "ValidationError", "phone_number Not a UK mobile number")
        if kind == "email" and "@" not in to:
            return 400, _error(400, "ValidationError", "email_address Not a valid email address")
        if not body.get("template_id"):
            return 400, _error(400, "ValidationError", "template_id is a required property")
        sent = Sent(
            id=str(uuid.uuid4()),
            type=kind,
            to=to,
            template_id=body["template_id"],
            personalisation=body.get("personalisation") or {},
            reference=body.get("reference"),
        )
        if re.sub(r"\D", "", to).endswith(PERMANENT_FAILURE_NUMBER[1:]):
            sent.status = "permanent-failure"
        with self._lock:
            self.sent.append(sent)
            if sent.reference:
                self.by_reference.setdefault(sent.reference, []).append(sent)
        if self.receipts_url:
            thread = threading.Thread(
                target=self.call_service, args=(self.receipts_url, self.receipt(sent)), daemon=True
            )
            with self._lock:
                self._callbacks.append(thread)
            thread.start()
        content: dict[str, Any] = {"body": sent.personalisation.get("body", "")}
        if kind in {"email", "letter"}:
            content["subject"] = sent.personalisation.get("subject", "")
        else:
            content["from_number"] = "Coproduce"
        return 201, {
            "id": sent.id,
            "reference": sent.reference,
            "content": content,
            "uri": f"{self.base_url}/v2/notifications/{sent.id}",
            "template": {"id": sent.template_id, "version": 1, "uri": ""},
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            # Keep connections open between requests, as Notify does: the client reuses
            # its session's connections.
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # Headers and body go out as they are written.

            def log_message(self, format: str, *args: Any) -> None:
                return  # Quiet: the messages hold (synthetic) numbers and words.

            def _answer(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _answer_page(self, page: str) -> None:
                data = page.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> dict[str, Any]:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b"{}"
                try:
                    loaded = json.loads(raw or b"{}")
                except ValueError:
                    return {}
                return loaded if isinstance(loaded, dict) else {}

            def _authorised(self) -> bool:
                header = self.headers.get("Authorization", "")
                if not fake.token_checked(header.removeprefix("Bearer ").strip()):
                    with fake._lock:
                        fake.requests_refused += 1
                    self._answer(403, _error(403, "AuthError", "Invalid token: signature"))
                    return False
                return True

            def _outage(self) -> bool:
                with fake._lock:
                    if fake.fail_next <= 0:
                        return False
                    fake.fail_next -= 1
                self._answer(500, _error(500, "Exception", "Internal server error"))
                return True

            def do_POST(self) -> None:
                path = urlparse(self.path).path
                # Read the body before any answer: on a kept-alive connection an unread
                # body would be taken for the next request.
                body = self._body()
                if path == "/_fake/inbound-sms":
                    payload = fake.inbound(str(body.get("from", "")), str(body.get("message", "")))
                    status = fake.call_service(fake.inbound_url, payload)
                    self._answer(200, {"forwarded": status})
                    return
                if not self._authorised() or self._outage():
                    return
                if not fake._within_rate_limit():
                    self._answer(
                        429,
                        _error(
                            429,
                            "RateLimitError",
                            f"Exceeded rate limit for key type LIVE of {fake.per_minute} "
                            "requests per 60 seconds",
                        ),
                    )
                    return
                kind = path.removeprefix("/v2/notifications/")
                if kind not in {"sms", "email", "letter"}:
                    self._answer(404, _error(404, "NoResultFound", "No result found"))
                    return
                status, answer = fake._accept(kind, body)
                held = fake.hold_answers
                if held is not None and status == 201:
                    held.wait(timeout=120)
                self._answer(status, answer)

            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path == "/_fake/sent":
                    with fake._lock:
                        sent = list(fake.sent)
                    # A person opening the link the demo prints reads a page; a script
                    # (or ``?format=json``) gets the list as JSON, as it always did.
                    wants_page = "text/html" in self.headers.get("Accept", "")
                    if wants_page and parse_qs(url.query).get("format") != ["json"]:
                        self._answer_page(sent_page(sent))
                    else:
                        self._answer(200, {"notifications": [s.as_json() for s in sent]})
                    return
                if not self._authorised() or self._outage():
                    return
                if url.path == "/v2/notifications":
                    reference = parse_qs(url.query).get("reference", [None])[0]
                    with fake._lock:
                        found = [s.as_json() for s in fake.by_reference.get(reference or "", [])]
                    self._answer(200, {"notifications": found, "links": {}})
                    return
                with fake._lock:
                    sent = list(fake.sent)
                wanted = url.path.removeprefix("/v2/notifications/")
                for s in sent:
                    if s.id == wanted:
                        self._answer(200, s.as_json())
                        return
                self._answer(404, _error(404, "NoResultFound", "No result found"))

        return Handler


SENT_TYPES = {"sms": "Text message", "email": "Email", "letter": "Letter"}


LINK = re.compile(r"https?://[^\s<>\"]+")


def _linked(words: str) -> str:
    """The addresses in a message's words (already escaped) as links to follow."""
    return LINK.sub(lambda found: f'<a href="{found[0]}">{found[0]}</a>', words)


def sent_page(sent: list[Sent]) -> str:
    """What the fake Notify was asked to send, newest first, for a person to read: how,
    to whom, when, and the words as the recipient would get them. One block a message,
    not a table, so it reads on a phone too."""
    items = []
    for s in reversed(sent):
        to = s.to if s.type != "letter" else s.personalisation.get("address_line_1", "")
        subject = s.personalisation.get("subject") or ""
        items.append(
            "<li><p class=meta>"
            f"<strong>{escape(SENT_TYPES.get(s.type, s.type))}</strong> to {escape(to)}, "
            f"{escape(s.created_at[:19].replace('T', ' '))} UTC: {escape(s.status)}</p>"
            f"{f'<p><strong>{escape(subject)}</strong></p>' if subject else ''}"
            f'<p class="body">{_linked(escape(s.personalisation.get("body", "")))}</p></li>'
        )
    listed = f"<ol>{''.join(items)}</ol>" if items else "<p>Nothing has been sent yet.</p>"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Messages sent (fake GOV.UK Notify)</title><style>"
        "body{font:16px/1.5 Arial,sans-serif;margin:1rem;color:#212b32;max-width:48rem}"
        "ol{list-style:none;padding:0}li{border-top:1px solid #d8dde0;padding:.5rem 0}"
        ".meta{color:#4c6272;margin:0}.body{white-space:pre-wrap;overflow-wrap:break-word}"
        "</style></head><body><main>"
        f"<h1>Messages sent: {len(sent)}</h1>"
        "<p>This is the fake GOV.UK Notify the demo and the tests use: nothing here reached "
        "anyone. Newest first; reload the page to see new messages. "
        '<a href="?format=json">The same list as JSON</a>.</p>'
        f"{listed}</main></body></html>"
    )


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that goes away mid-request (a killed worker) is not our error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def _error(status: int, kind: str, message: str) -> dict[str, Any]:
    return {"status_code": status, "errors": [{"error": kind, "message": message}]}
