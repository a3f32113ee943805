"""Notify's callbacks: delivery receipts and received text messages.

Notify POSTs JSON with ``Authorization: Bearer <the token set in Notify>``. A wrong or
missing token is refused (401) and logged. Notify retries a callback every 5 minutes up
to 5 times when it gets no answer or a 5xx, and not after a 4xx; so both callbacks are
idempotent on Notify's id, and:

- a received text is never refused for the shape of its fields (it may be from a person
  in crisis, and a refusal would lose it): it is stored with a note of what could not be
  read, replied to if there is a number, and answered 2xx (``messaging.inbound``). Only a
  body with no words in it at all is answered 200 with nothing stored;
- a delivery receipt that is not what Notify sends is refused with a 4xx naming what is
  wrong (400; 404 for an id we never sent): retrying it would change nothing, and the
  message it is about keeps its last known status. Fields we do not use (times, the
  address) are not looked at, so their state cannot refuse a receipt.

Logs carry ids, statuses and field names, never numbers, addresses or words.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from coproduce.api.parsers import read_json
from coproduce.change import stopping
from coproduce.firstresponse import feedback
from coproduce.lib.validators import remove_unstorable
from coproduce.messaging import notify
from coproduce.messaging.inbound import read_inbound_text
from coproduce.voices import follow_up, services

logger = logging.getLogger(__name__)
STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "STOPIO", "STOP."})


def _refusal(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _body(request: HttpRequest, required: tuple[str, ...]) -> dict[str, Any] | JsonResponse:
    if not notify.callback_authorised(request.headers.get("Authorization", "")):
        logger.warning("Notify callback refused: bad or missing bearer token (%s)", request.path)
        return _refusal(401, "The bearer token is missing or wrong.")
    try:
        # Bytes that are not UTF-8 are read as replacement characters, not refused: a text
        # message is kept even if a character of it was damaged on the way.
        body = read_json((request.body or b"").decode("utf-8", "replace"), strict=False)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        logger.warning("Notify callback refused: body is not a JSON object (%s)", request.path)
        return _refusal(400, "The body must be a JSON object.")
    missing = [name for name in required if body.get(name) in (None, "")]
    if missing:
        logger.warning("Notify callback refused: missing %s (%s)", ", ".join(missing), request.path)
        return _refusal(400, f"Missing or empty: {', '.join(missing)}.")
    not_text = [name for name in required if not _readable_text(body[name])]
    if not_text:
        logger.warning(
            "Notify callback refused: unreadable %s (%s)", ", ".join(not_text), request.path
        )
        return _refusal(400, f"Not text of at most 64 readable characters: {', '.join(not_text)}.")
    return body


def _readable_text(value: Any) -> bool:
    """A receipt's id or status: text, short, with no character a database would refuse."""
    return isinstance(value, str) and len(value) <= 64 and remove_unstorable(value)[1] == 0


@csrf_exempt
@require_POST
def delivery_receipt(request: HttpRequest) -> JsonResponse:
    body = _body(request, ("id", "status"))
    if isinstance(body, JsonResponse):
        return body
    if body["status"] not in notify.RECEIPT_STATUSES:
        logger.warning("Notify receipt refused: unknown status %r", body["status"][:40])
        return _refusal(400, f"Unknown status {body['status'][:40]!r}.")
    reference = body.get("reference")
    if not isinstance(reference, str) or not _readable_text(reference):
        reference = ""  # ours are "coproduce-<uuid>"; anything else cannot match one
    message = notify.record_receipt(body["id"], body["status"], reference)
    if message is None:
        logger.warning("Notify receipt refused: unknown notification id %s", body["id"][:64])
        return _refusal(404, "No message with that id was sent by this service.")
    return JsonResponse({"message": str(message.pk), "status": message.status})


@csrf_exempt
@require_POST
def received_text(request: HttpRequest) -> JsonResponse:
    body = _body(request, ())
    if isinstance(body, JsonResponse):
        return body
    text = read_inbound_text(body)
    if text.malformed:
        logger.warning(
            "text message %s: %s not as Notify documents; read as well as can be",
            text.notify_id,
            ", ".join(text.malformed),
        )
    if not text.text:
        # Nothing a person wrote can be lost here, and a retry would bring no more.
        logger.warning("text message %s: no words in it; nothing stored", text.notify_id)
        return JsonResponse({"voice": None, "note": "The message had no words to store."})
    if text.text.upper() in STOP_WORDS:
        stopped = (
            follow_up.stop_by_text(text.source_number)
            + feedback.stop_by_text(text.source_number)
            + stopping.stop_by_text(text.source_number)
            if text.source_number
            else 0
        )
        logger.info("text message %s: STOP for %s invitation(s)", text.notify_id, stopped)
        return JsonResponse({"stopped": stopped})
    # A reply to the question texted after a call to the line or a Sanctuary evening is
    # a voice on that team with its rating; any other text is feedback about no service.
    voice = feedback.receive_reply(
        text.notify_id, text.source_number, text.text, text.received_at, note=text.note
    ) or services.receive_text(
        text.notify_id, text.source_number, text.text, text.received_at, note=text.note
    )
    logger.info("text message %s stored as voice %s", text.notify_id, voice.pk)
    return JsonResponse({"voice": voice.pk}, status=201)
