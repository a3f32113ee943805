"""Notify's callbacks: delivery receipts and received text messages.

Notify POSTs JSON with ``Authorization: Bearer <the token set in Notify>``. A wrong or
missing token is refused (401) and logged; so is a receipt for an id we never sent (404)
and a body that is not what Notify sends (400). Notify retries a callback every 5
minutes up to 5 times, so both are idempotent on Notify's id. Logs carry ids and
statuses, never numbers, addresses or words.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from coproduce.voices import follow_up, messaging, services

logger = logging.getLogger(__name__)
STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "STOPIO", "STOP."})


def _refusal(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _body(request: HttpRequest, required: tuple[str, ...]) -> dict[str, Any] | JsonResponse:
    if not messaging.callback_authorised(request.headers.get("Authorization", "")):
        logger.warning("Notify callback refused: bad or missing bearer token (%s)", request.path)
        return _refusal(401, "The bearer token is missing or wrong.")
    try:
        body = json.loads(request.body or b"")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        logger.warning("Notify callback refused: body is not a JSON object (%s)", request.path)
        return _refusal(400, "The body must be a JSON object.")
    missing = [name for name in required if not isinstance(body.get(name), str) or not body[name]]
    if missing:
        logger.warning("Notify callback refused: missing %s (%s)", ", ".join(missing), request.path)
        return _refusal(400, f"Missing or empty: {', '.join(missing)}.")
    return body


@csrf_exempt
@require_POST
def delivery_receipt(request: HttpRequest) -> JsonResponse:
    body = _body(request, ("id", "status"))
    if isinstance(body, JsonResponse):
        return body
    if body["status"] not in messaging.RECEIPT_STATUSES:
        logger.warning("Notify receipt refused: unknown status %r", body["status"][:40])
        return _refusal(400, f"Unknown status {body['status'][:40]!r}.")
    reference = body.get("reference")
    message = messaging.record_receipt(
        body["id"], body["status"], reference if isinstance(reference, str) else ""
    )
    if message is None:
        logger.warning("Notify receipt refused: unknown notification id %s", body["id"][:64])
        return _refusal(404, "No message with that id was sent by this service.")
    return JsonResponse({"message": str(message.pk), "status": message.status})


@csrf_exempt
@require_POST
def received_text(request: HttpRequest) -> JsonResponse:
    body = _body(request, ("id", "source_number", "message"))
    if isinstance(body, JsonResponse):
        return body
    if body["message"].strip().upper() in STOP_WORDS:
        stopped = follow_up.stop_by_text(body["source_number"])
        logger.info("text message %s: STOP for %s invitation(s)", body["id"][:64], stopped)
        return JsonResponse({"stopped": stopped})
    received_at = parse_datetime(str(body.get("date_received") or "")) or None
    voice = services.receive_text(
        body["id"][:64], body["source_number"][:32], body["message"][:5000], received_at
    )
    logger.info("text message %s stored as voice %s", body["id"][:64], voice.pk)
    return JsonResponse({"voice": voice.pk}, status=201)
