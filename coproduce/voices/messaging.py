"""Text messages and emails through GOV.UK Notify: queue, deliver, retry, hear back.

Sending is at most once per message. A message is claimed (queued → sending) in its own
transaction before Notify is called, so two workers cannot both send it. If a try ends
without a clear answer (a timeout, Notify down), the message goes back to the queue with
a growing wait; the next try first asks Notify for the message's reference, and if Notify
has it, records it as sent instead of sending again.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

from coproduce.voices.models import Message

logger = logging.getLogger(__name__)

# Notify's answers that will never succeed on a retry (bad number, bad key, no template).
PERMANENT_STATUS_CODES = frozenset({400, 403, 404})
# How long a claimed message may sit in "sending" before a crashed worker is assumed.
STUCK_AFTER = dt.timedelta(minutes=10)


def client() -> NotificationsAPIClient:
    # The client is not thread-safe: one per delivery.
    return NotificationsAPIClient(
        settings.NOTIFY_API_KEY,
        base_url=settings.NOTIFY_BASE_URL,
        timeout=settings.NOTIFY_TIMEOUT_SECONDS,
    )


def queue(
    *,
    kind: str,
    channel: str,
    to: str,
    body: str,
    subject: str = "",
    **links: Any,
) -> Message:
    """Queue a message; it is handed to the worker once the surrounding transaction commits."""
    message = Message.objects.create(
        kind=kind, channel=channel, to=to, body=body, subject=subject, **links
    )
    transaction.on_commit(lambda: enqueue(message))
    return message


def enqueue(message: Message, run_after: dt.datetime | None = None) -> None:
    from coproduce.voices.tasks import deliver_message

    task = deliver_message
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # The sweeper (coproduce deliver-messages) picks it up when due.
        task = task.using(run_after=run_after)
    task.enqueue(str(message.pk))


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4, 8 … minutes, at most an hour."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def _claim(message_id: Any, now: dt.datetime) -> Message | None:
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != Message.Status.QUEUED:
            return None
        if message.next_attempt_at and message.next_attempt_at > now:
            return None
        message.status = Message.Status.SENDING
        message.attempts += 1
        message.claimed_at = now
        message.save(update_fields=["status", "attempts", "claimed_at"])
        return message


def _already_at_notify(api: NotificationsAPIClient, message: Message) -> str | None:
    found = api.get_all_notifications(reference=message.reference).get("notifications", [])
    return str(found[0]["id"]) if found else None


def _send(api: NotificationsAPIClient, message: Message) -> str:
    if message.channel == Message.Channel.SMS:
        response = api.send_sms_notification(
            phone_number=message.to,
            template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
            personalisation={"body": message.body},
            reference=message.reference,
        )
    else:
        response = api.send_email_notification(
            email_address=message.to,
            template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            personalisation={"subject": message.subject, "body": message.body},
            reference=message.reference,
        )
    return str(response["id"])


def _error_name(error: HTTPError) -> str:
    detail = error.message
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        return f"{error.status_code} {detail[0].get('error', '')}".strip()
    return str(error.status_code)


def deliver(message_id: Any, now: dt.datetime | None = None) -> Message | None:
    """Try to hand one due message to Notify. Returns it, or None if it was not due."""
    now = now or timezone.now()
    message = _claim(message_id, now)
    if message is None:
        return None
    api = client()
    try:
        notify_id = _already_at_notify(api, message) if message.attempts > 1 else None
        if notify_id is None:
            notify_id = _send(api, message)
    except HTTPError as error:
        message.last_error = _error_name(error)
        if error.status_code in PERMANENT_STATUS_CODES:
            message.status = Message.Status.FAILED
            message.completed_at = now
            message.to = ""
            logger.error("message %s refused by Notify: %s", message.pk, message.last_error)
        elif message.attempts >= settings.NOTIFY_MAX_ATTEMPTS:
            message.status = Message.Status.FAILED
            message.completed_at = now
            logger.error("message %s not sent after %s tries", message.pk, message.attempts)
        else:
            message.status = Message.Status.QUEUED
            message.next_attempt_at = now + backoff(message.attempts)
            logger.warning(
                "message %s not sent (%s); trying again at %s",
                message.pk,
                message.last_error,
                message.next_attempt_at.isoformat(),
            )
        message.save()
        if message.status == Message.Status.QUEUED:
            enqueue(message, run_after=message.next_attempt_at)
        return message
    message.status = Message.Status.SENT
    message.notify_id = notify_id
    message.sent_at = now
    message.last_error = ""
    message.save()
    logger.info("message %s sent (%s)", message.pk, message.kind)
    return message


def deliver_due(now: dt.datetime | None = None) -> list[Message]:
    """Deliver every message that is due, and requeue any a crashed worker left claimed."""
    now = now or timezone.now()
    Message.objects.filter(status=Message.Status.SENDING, claimed_at__lte=now - STUCK_AFTER).update(
        status=Message.Status.QUEUED
    )
    due = Message.objects.filter(status=Message.Status.QUEUED).exclude(next_attempt_at__gt=now)
    return [m for pk in list(due.values_list("pk", flat=True)) if (m := deliver(pk, now))]


def cancel_for_voice(voice_id: int) -> int:
    """Cancel anything still waiting to go to a voice's giver (e.g. after withdrawal).
    A reply with crisis contacts is never cancelled."""
    return (
        Message.objects.filter(voice_id=voice_id, status=Message.Status.QUEUED)
        .exclude(kind=Message.Kind.CRISIS_REPLY)
        .update(status=Message.Status.CANCELLED, to="")
    )


# Notify calling us -------------------------------------------------------------------


def callback_authorised(authorization: str) -> bool:
    """Constant-time check of the bearer token Notify sends with every callback."""
    expected = f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}"
    return bool(settings.NOTIFY_CALLBACK_TOKEN) and hmac.compare_digest(
        authorization.encode(), expected.encode()
    )


RECEIPT_STATUSES = {
    "delivered": Message.Status.DELIVERED,
    "permanent-failure": Message.Status.FAILED,
    "temporary-failure": Message.Status.FAILED,
    "technical-failure": Message.Status.FAILED,
}


def record_receipt(notify_id: str, status: str) -> Message | None:
    """Record Notify's delivery receipt. None if the id is not one of ours.

    Receipts are retried by Notify, so recording one twice changes nothing more.
    """
    outcome = RECEIPT_STATUSES.get(status)
    message = Message.objects.filter(notify_id=notify_id).first()
    if message is None or outcome is None:
        return None
    if message.status in {Message.Status.SENT, Message.Status.SENDING}:
        message.status = outcome
        message.completed_at = timezone.now()
        message.last_error = "" if outcome == Message.Status.DELIVERED else status
        message.to = ""  # The outcome is known: the address is no longer needed.
        message.save(update_fields=["status", "completed_at", "last_error", "to"])
        logger.info("message %s: receipt %s", message.pk, status)
    return message
