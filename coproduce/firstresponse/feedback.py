"""Feedback that fits (issue 22, seed 001): one question by text after a call to the line
or an evening at the Sanctuary, "How was it for you?", only with the person's agreement.

- The handler asks at the end of the call, the Sanctuary's staff as the guest leaves,
  and take a UK mobile (for a call, the number the call was recorded with unless they
  give another). A number that is not a UK mobile is refused, naming the field, and
  nothing else typed is lost; no agreement, no text.
- The text goes through the existing delivery (``messaging``: the real Notify client),
  queued when the call ends or the guest leaves and sent a few minutes later, never in
  the quiet hours (it waits for the morning, as the follow-up invitation does). It is
  worded like the follow-up invitation: no condition named, signed with the team's name,
  with how to stop.
- The number is kept only on the queued message (messaging clears it once Notify reports
  the outcome). To know a reply as the answer, a keyed digest of it is kept on the call or
  visit, for ``REPLY_WINDOW`` after the text went (then the retention purge clears it), or
  until they reply STOP.
- A reply, a number from 1 to 5 (the Friends and Family Test's codes, as the text lists
  them), words such as "good" or "very poor", or anything else, is a voice like any
  other (``voices.services.receive_text``): screened for risk (an at-risk reply raises the
  normal alert), categories suggested, thanked (or given crisis contacts), on the line's
  or the Sanctuary's team with its rating, so the experience measure for them is the
  seed's. A call or visit counts one rating: a later reply is kept as a voice on the same
  team without one.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.firstresponse import services
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.firstresponse.services import CallDetails
from coproduce.lib.validators import normalise_uk_mobile, number_key
from coproduce.messaging import services as messaging
from coproduce.messaging import wording
from coproduce.messaging.models import Message
from coproduce.voices import follow_up
from coproduce.voices import services as voices
from coproduce.voices.models import Rating, Voice

logger = logging.getLogger(__name__)

# A pause after the call ends or the guest leaves, so the text never arrives during it.
ASK_AFTER = dt.timedelta(minutes=10)
# How long after the text went a reply from that number is taken as the answer.
REPLY_WINDOW = dt.timedelta(days=7)
DIGEST_SALT = "coproduce.firstresponse.feedback"
# Callers who are asked "How was it for you?": people using the line, not professionals.
ASKED_CALLERS = frozenset({Call.Caller.PERSON, Call.Caller.CARER, Call.Caller.NHS_111, ""})

AFTER_A_CALL = "Reply to the question texted after a call to the line."
AFTER_A_VISIT = "Reply to the question texted after an evening at the Sanctuary."
A_FURTHER_REPLY = "A further reply: the rating of the first is the one counted."

Asked = Call | SanctuaryVisit


@dataclass(frozen=True)
class Consent:
    """Whether they agreed to be texted the question, and the mobile to text."""

    agreed: bool = False
    mobile: str = ""


def number_digest(number: str) -> str:
    """A keyed digest of a phone number, however it was written (``number_key``): enough to
    know a reply came from the number asked, without keeping the number."""
    return salted_hmac(DIGEST_SALT, number_key(number), algorithm="sha256").hexdigest()


def _mobile(consent: Consent, fallback: str = "") -> str:
    """The UK mobile to text, as stored (07 and nine digits); refused naming the field."""
    typed = consent.mobile.strip() or fallback.strip()
    if not typed:
        raise ValidationError(
            {
                "feedback_mobile": "Enter their mobile number for the text, or untick the "
                "question if they would rather not be asked"
            }
        )
    try:
        return normalise_uk_mobile(typed)
    except ValidationError as error:
        said = " ".join(error.messages)
        if consent.mobile.strip():
            said += " Or untick the question."
        else:
            said = (
                f"The phone number above cannot be texted. {said} Enter their mobile here, "
                "or untick the question."
            )
        raise ValidationError({"feedback_mobile": said}) from None


def _call_consent_errors(details: CallDetails, consent: Consent) -> dict[str, list[str]]:
    if not consent.agreed:
        return {}
    if details.hung_up_at_risk:
        return {
            "feedback_agreed": [
                "They hung up, so they cannot have agreed to a text: untick the question"
            ]
        }
    if details.caller not in ASKED_CALLERS:
        return {
            "feedback_agreed": [
                "Only the person or someone close to them is texted the question: untick it "
                "for a professional or the police"
            ]
        }
    try:
        _mobile(consent, details.phone)
    except ValidationError as error:
        return error.message_dict
    return {}


def _merged(error: ValidationError, errors: dict[str, list[str]]) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return error  # about the call as a whole ("this call has ended"): said alone
    return ValidationError({**error.message_dict, **errors})


def check_call(
    user: User, call: Call, details: CallDetails, consent: Consent, *, ending: bool
) -> dict[str, list[str]]:
    """Every fault ``end_call`` (or ``record_call``) would name, saving nothing: for a
    form refused for a fault of its own, so the rest are named with it at once (the
    mobile for the question too, helper-73 found)."""
    faults = services.check_call(user, call, details, ending=ending)
    return {**faults, **_call_consent_errors(details, consent)} if ending else faults


@transaction.atomic
def record_call(user: User, call: Call, details: CallDetails, consent: Consent) -> Call:
    """Save what is known so far (``services.record_call``), with whether they agreed to
    the question and the mobile typed for it, so nothing is lost while the call is open.
    The number is checked when the call ends, as the plan is."""
    call = services.record_call(user, call, details)
    _keep_consent(call, consent)
    return call


@transaction.atomic
def end_call(
    user: User,
    call: Call,
    details: CallDetails,
    consent: Consent,
    end: Callable[[User, Call, CallDetails], Call] | None = None,
) -> Call:
    """End the call (``services.end_call``, with all its rules, or another way of ending
    it such as ``links.end_call_and_refer``) and, if they agreed, queue the question to
    go a few minutes later. Every fault is named at once: the call is not
    ended while the number is wrong, and nothing typed is lost."""
    errors = _call_consent_errors(details, consent)
    try:
        call = (end or services.end_call)(user, call, details)
    except ValidationError as error:
        raise _merged(error, errors) from None
    if errors:
        raise ValidationError(errors)  # rolls back the end: the call stays open
    if consent.agreed and call.risk_concerns:
        # Not "how was it for you?" to someone whose words may signal risk (helper-83:
        # booked for 09:00 after "I took twenty paracetamol an hour ago").
        call.feedback_agreed, call.feedback_mobile = True, ""
        call.save(update_fields=["feedback_agreed", "feedback_mobile"])
    elif consent.agreed:
        mobile = _mobile(consent, call.phone)
        call.feedback_agreed = True
        call.feedback_mobile = ""  # from here the number is on the message alone
        _ask(user, call, mobile, visit=False)
    else:
        _keep_consent(call, Consent())
    return call


def _keep_consent(call: Call, consent: Consent) -> None:
    agreed, mobile = consent.agreed, consent.mobile.strip()[:32] if consent.agreed else ""
    if (call.feedback_agreed, call.feedback_mobile) != (agreed, mobile):
        call.feedback_agreed, call.feedback_mobile = agreed, mobile
        call.save(update_fields=["feedback_agreed", "feedback_mobile"])


@transaction.atomic
def leave(user: User, visit: SanctuaryVisit, consent: Consent, **departure: Any) -> SanctuaryVisit:
    """Record how the guest left (``services.leave``, with all its rules) and, if they
    agreed, queue the question to go a few minutes later (or in the morning: the quiet
    hours). The mobile is asked for then, and kept only on the message."""
    errors: dict[str, list[str]] = {}
    mobile = ""
    if consent.agreed:
        try:
            mobile = _mobile(consent)
        except ValidationError as error:
            errors = error.message_dict
    try:
        visit = services.leave(user, visit, **departure)
    except ValidationError as error:
        raise _merged(error, errors) from None
    if errors:
        raise ValidationError(errors)  # rolls back the departure: the guest is still here
    if consent.agreed:
        visit.feedback_agreed = True
        _ask(user, visit, mobile, visit=True)
    return visit


# One question a day to a number, however many calls and evenings (found by a fresh-eyes
# trial: a caller invited to the Sanctuary was asked after the call and again after the
# evening, and their one reply counted for only one of them).
ONE_QUESTION_A_DAY = dt.timedelta(hours=24)


def _latest_asked(
    digest: str,
    moment: str,
    since: dt.datetime,
    *,
    unanswered: bool = False,
    other_than: Asked | None = None,
    lock: bool = False,
) -> Asked | None:
    """Of the calls and visits whose question went (or was queued) to this number since
    ``since`` and was not stopped, the latest by its message's ``moment`` field
    (``created_at`` or ``sent_at``); only those not answered yet if ``unanswered``;
    never ``other_than``; locked if ``lock``."""
    found: list[tuple[dt.datetime, Asked]] = []
    for model in (Call, SanctuaryVisit):
        rows = model.objects.filter(
            feedback_key=digest,
            feedback_stopped_at__isnull=True,
            **{f"feedback_message__{moment}__gte": since},
        )
        if unanswered:
            rows = rows.filter(feedback_voice__isnull=True)
        if other_than is not None and isinstance(other_than, model):
            rows = rows.exclude(pk=other_than.pk)
        if lock:
            rows = rows.select_for_update(of=("self",))
        row = (
            rows.annotate(asked_at=F(f"feedback_message__{moment}"))
            .order_by("-asked_at", "-pk")
            .first()
        )
        if row is not None:
            found.append((row.asked_at, row))
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _asked_today(digest: str, asked: Asked) -> Asked | None:
    """The call or visit whose question to this number was queued in the last day and
    has not been answered, other than ``asked``; the latest."""
    since = timezone.now() - ONE_QUESTION_A_DAY
    return _latest_asked(digest, "created_at", since, unanswered=True, other_than=asked)


def _ask(user: User, asked: Asked, mobile: str, *, visit: bool) -> Message | None:
    """Queue the question, once a day to a number: a question from earlier today not
    sent yet is cancelled, so the one question is asked after the last part of the day
    (an evening at the Sanctuary after the call that invited them); one already sent is
    not followed by another (``None``)."""
    digest = number_digest(mobile)
    fields = ["feedback_agreed", "feedback_message", "feedback_key"]
    if isinstance(asked, Call):
        fields.append("feedback_mobile")
    earlier = _asked_today(digest, asked)
    if earlier is not None:
        waiting = Message.objects.filter(pk=earlier.feedback_message_id or "")
        if messaging.cancel(waiting):
            earlier.feedback_key = ""  # a reply is the later one's
            earlier.save(update_fields=["feedback_key"])
            audit.record(user, AuditEvent.Action.CHANGED, earlier, "question asked later instead")
        else:
            asked.feedback_message = None
            asked.save(update_fields=fields)
            audit.record(user, AuditEvent.Action.CHANGED, asked, "agreed; asked once already today")
            return None
    words = wording.how_was_it(
        settings.LANGUAGE_CODE, visit=visit, signed_by=follow_up.team_signature(asked.team)
    )
    message = messaging.queue(
        kind=Message.Kind.FOLLOW_UP_INVITATION,
        channel=Message.Channel.SMS,
        to=mobile,
        subject=words.subject,
        body=words.body,
        not_before=follow_up.next_allowed(timezone.now() + ASK_AFTER),
    )
    asked.feedback_message = message
    asked.feedback_key = digest
    asked.save(update_fields=fields)
    audit.record(user, AuditEvent.Action.CHANGED, asked, "agreed to be texted one question")
    return message


def texted_when(asked: Asked) -> str:
    """For the page that confirms the end or the leaving: when the question will go."""
    message = asked.feedback_message
    if asked.feedback_agreed and message is None and getattr(asked, "risk_concerns", None):
        # helper-84 was told "They were texted the question after an earlier call".
        return " The question is not texted: their words may signal risk."
    if asked.feedback_agreed and message is None:
        return (
            " They were texted the question after an earlier call or visit today, so they "
            "are not asked again."
        )
    if not asked.feedback_agreed or message is None or message.next_attempt_at is None:
        return ""
    due = timezone.localtime(message.next_attempt_at)
    day = "" if due.date() == timezone.localdate() else f" on {due:%d/%m/%Y}"
    return f" The question will be texted to them at {due:%H:%M}{day}."


# Replies ---------------------------------------------------------------------------------

_CODE = re.compile(r"^\s*([1-5])(?![\d/.,]*\d)(?!\s*(?:/|out of|stars?\b))", re.I)
# The answers' words in English (the question is asked in English), longest first.
_WORDS = [
    ("neither good nor poor", Rating.NEITHER),
    ("very good", Rating.VERY_GOOD),
    ("very poor", Rating.VERY_POOR),
    ("dont know", Rating.DONT_KNOW),
    ("excellent", Rating.VERY_GOOD),
    ("neither", Rating.NEITHER),
    ("good", Rating.GOOD),
    ("poor", Rating.POOR),
]


def rating_in_reply(text: str) -> int | None:
    """The Friends and Family Test answer a reply gives, or None: a number from 1 to 5 at
    its start, as the question lists them (not "10/10", "5 stars" or "15"), or one of the
    answers' words at its start ("Good", "very poor, no one called back"). A word in the
    middle ("not good") is not read as an answer: the words are kept for a person to read."""
    code = _CODE.match(text)
    if code:
        return int(code.group(1))
    folded = " ".join(re.sub(r"[’']", "", text.lower()).split())
    for words, value in _WORDS:
        if re.match(rf"{re.escape(words)}(?!\w)", folded):
            return int(value)
    return None


def _asked_of(digest: str, now: dt.datetime) -> Asked | None:
    """The call or visit whose question went to this number most recently, within the
    reply window and not stopped; locked, so two replies at once are counted in turn."""
    return _latest_asked(digest, "sent_at", now - REPLY_WINDOW, lock=True)


def receive_reply(
    notify_id: str, source_number: str, text: str, received_at: Any, note: str = ""
) -> Voice | None:
    """A text from a number we asked the question of, within the reply window: a voice on
    the line's or the Sanctuary's team, with its rating (the first reply's that has one
    counts; a later one is kept without). None if the number was asked nothing, or has
    said STOP: the text is then an ordinary one (``voices.services.receive_text``)."""
    if not source_number:
        return None
    already = Voice.objects.filter(notify_inbound_id=notify_id).first()
    if already is not None:
        return already  # Notify retrying a callback: stored once
    with transaction.atomic():
        asked = _asked_of(number_digest(source_number), timezone.now())
        if asked is None:
            return None
        answer = asked.feedback_voice
        rating = rating_in_reply(text)
        counted = answer is not None and answer.rating is not None
        about = AFTER_A_VISIT if isinstance(asked, SanctuaryVisit) else AFTER_A_CALL
        if answer is not None:
            about = f"{about} {A_FURTHER_REPLY}"
        voice = voices.receive_text(
            notify_id,
            source_number,
            text,
            received_at,
            note,
            team=asked.team,
            rating=None if counted else rating,
            about=about,
        )
        if answer is None or (not counted and voice.rating is not None):
            asked.feedback_voice = voice
            asked.save(update_fields=["feedback_voice"])
        audit.record(
            audit.someone_not_signed_in(),
            AuditEvent.Action.CHANGED,
            asked,
            "replied to the question by text",
        )
    logger.info("text message %s: a reply to the question on %s", notify_id, asked)
    return voice


def stop_by_text(source_number: str) -> int:
    """They replied STOP: nothing more goes to that number about any call or visit (a
    question still waiting for the morning is cancelled), and a later text from it is an
    ordinary one. How many questions were stopped."""
    if not source_number:
        return 0
    digest = number_digest(source_number)
    stopped = 0
    for model in (Call, SanctuaryVisit):
        for asked in model.objects.filter(feedback_key=digest, feedback_stopped_at__isnull=True):
            with transaction.atomic():
                asked.feedback_stopped_at = timezone.now()
                asked.feedback_key = ""
                asked.save(update_fields=["feedback_stopped_at", "feedback_key"])
                if asked.feedback_message_id is not None:
                    messaging.cancel(Message.objects.filter(pk=asked.feedback_message_id))
                audit.record(
                    audit.someone_not_signed_in(),
                    AuditEvent.Action.CHANGED,
                    asked,
                    "question stopped by the person (STOP)",
                )
            stopped += 1
    return stopped


def forget_numbers(now: dt.datetime, dry_run: bool = False) -> int:
    """Clear the digests of numbers texted more than the reply window ago (or whose text
    never went): the retention purge's rule. How many were (or would be) cleared."""
    cutoff = now - REPLY_WINDOW
    cleared = 0
    for model in (Call, SanctuaryVisit):
        old = (
            model.objects.exclude(feedback_key="")
            .exclude(feedback_message__sent_at__gte=cutoff)
            .exclude(feedback_message__status__in=[Message.Status.QUEUED, Message.Status.SENDING])
        )
        cleared += old.count() if dry_run else old.update(feedback_key="")
    return cleared
