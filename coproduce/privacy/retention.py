"""Retention rules: how long each kind of record is kept, and the purge that applies them.

One table of rules, each with its reason. ``coproduce purge`` applies them (``--dry-run``
says what it would do); the ``purge_expired`` task does the same each night and books
its next run, so a worker (``coproduce db_worker``) keeps the schedule without cron.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.care.models import Episode, Person, Referral
from coproduce.firstresponse import feedback
from coproduce.firstresponse.models import Call
from coproduce.network.models import Member
from coproduce.privacy import holdings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    name: str
    keep: str  # how long, in words
    why: str
    apply: Callable[[dt.datetime, bool], int]  # (now, dry run) -> records affected


def _messages(now: dt.datetime, dry_run: bool) -> int:
    """Message addresses and words, and the number an inbound text came from (kept on
    its voice for the duty worker to call back) go after the same time."""
    from coproduce.messaging.models import Message
    from coproduce.voices.models import Voice

    cutoff = now - dt.timedelta(days=settings.RETENTION_MESSAGE_DAYS)
    old = Message.objects.filter(created_at__lt=cutoff).exclude(to="", body="")
    old = old.exclude(status__in=[Message.Status.QUEUED, Message.Status.SENDING])
    numbers = Voice.objects.filter(received_at__lt=cutoff).exclude(received_from="")
    if dry_run:
        return old.count() + numbers.count()
    return old.update(to="", subject="", body="") + numbers.update(received_from="")


def _feedback_numbers(now: dt.datetime, dry_run: bool) -> int:
    """The digest of the number the question after a call or visit went to, kept only to
    know a reply as its answer."""
    return feedback.forget_numbers(now, dry_run)


def _sessions(now: dt.datetime, dry_run: bool) -> int:
    expired = Session.objects.filter(expire_date__lt=now)
    return expired.count() if dry_run else expired.delete()[0]


def _sign_in_failures(now: dt.datetime, dry_run: bool) -> int:
    from axes.models import AccessAttempt, AccessFailureLog

    cutoff = now - dt.timedelta(days=settings.RETENTION_SIGN_IN_DAYS)
    attempts = AccessAttempt.objects.filter(attempt_time__lt=cutoff)
    failures = AccessFailureLog.objects.filter(attempt_time__lt=cutoff)
    if dry_run:
        return int(attempts.count() + failures.count())
    return int(attempts.delete()[0] + failures.delete()[0])


SUBMISSION_DAYS = 30


def _submissions(now: dt.datetime, dry_run: bool) -> int:
    from coproduce.accounts.models import Submission

    taken = Submission.objects.filter(taken_at__lt=now - dt.timedelta(days=SUBMISSION_DAYS))
    return taken.count() if dry_run else taken.delete()[0]


def _members(now: dt.datetime, dry_run: bool) -> int:
    from coproduce.privacy.erasure import erase_member

    cutoff = now.date() - dt.timedelta(days=365 * settings.RETENTION_MEMBER_YEARS)
    due = Member.objects.filter(left_on__lt=cutoff, erased_on__isnull=True)
    if dry_run:
        return due.count()
    rules = audit.retention_rules()
    for member in due:
        erase_member(rules, member, "retention: left more than the retention period ago")
    return len(due)


def people_due(now: dt.datetime) -> list[Person]:
    """People with no open episode whose last episode closed over the retention period ago,
    and none referred since. (Subqueries per person: joining episodes and referrals
    together multiplies rows, which PostgreSQL took minutes over.)"""
    cutoff = now - dt.timedelta(days=365 * settings.RETENTION_CARE_YEARS)
    still_open = Episode.objects.filter(closed_at__isnull=True).values("person_id")
    last_closed = (
        Episode.objects.filter(person=OuterRef("pk"))
        .order_by(F("closed_at").desc(nulls_last=True))
        .values("closed_at")[:1]
    )
    last_referred = (
        Referral.objects.filter(person=OuterRef("pk"))
        .order_by(F("received_at").desc())
        .values("received_at")[:1]
    )
    return list(
        Person.objects.exclude(pk__in=still_open)
        .annotate(last_closed=Subquery(last_closed), last_referred=Subquery(last_referred))
        .filter(last_closed__lt=cutoff)
        .filter(Q(last_referred__isnull=True) | Q(last_referred__lt=cutoff))
    )


# Deleted last to first: each kind of record before the records it points to. Feedback
# (voices) is kept, no longer linked to the person, with its consent as given.
CARE_DELETION_ORDER = [
    "messaging.Message",
    "voices.RiskAlert",
    "voices.FollowUpInvitation",
    "care.Contact",
    "care.Appointment",
    "care.Dispatch",
    "care.Episode",
    "care.Referral",
    "care.CrisisPlan",
    "care.SafetyPlan",
    "care.Person",
]


def erase_care_record(actor: User, person: Person) -> int:
    """Delete a person's care record, keeping their feedback without their name; audited
    (the event names the person's id, which is all that is left of them)."""
    declared = {h.model: h for h in holdings.PERSON}
    deleted = 0
    with transaction.atomic():
        declared["voices.Voice"].rows(person).update(person=None)
        # Calls and Sanctuary evenings stay as the service's record of its work, as an
        # anonymous caller's or guest's do: no longer linked to the person, and without
        # the name and number that would say who it was (ADR 0014).
        # Who linked their calls, and what corrections said before (a name, a number),
        # go with the link to them; the referral a call made goes with their record.
        for linkage in ("firstresponse.CallCorrection", "firstresponse.CallLink"):
            rows = declared[linkage].rows(person)
            ids = list(rows.values_list("pk", flat=True))
            deleted += rows.model._default_manager.filter(pk__in=ids).delete()[0]
        Call.objects.filter(referral__person=person).update(referral=None)
        declared["firstresponse.Call"].rows(person).update(
            person=None, called="", phone="", phone_key="", feedback_mobile="", feedback_key=""
        )
        declared["firstresponse.SanctuaryVisit"].rows(person).update(
            person=None, called="", shown_as="", feedback_key=""
        )
        declared["firstresponse.PassedCall"].rows(person).update(
            person=None, nhs_number="", called="", phone="", phone_key=""
        )
        for model in CARE_DELETION_ORDER:
            rows = declared[model].rows(person)
            ids = list(rows.values_list("pk", flat=True))
            deleted += rows.model._default_manager.filter(pk__in=ids).delete()[0]
        audit.record(
            actor, AuditEvent.Action.CHANGED, person, f"care record erased: {deleted} rows"
        )
    return deleted


def _care_records(now: dt.datetime, dry_run: bool) -> int:
    due = people_due(now)
    if not dry_run:
        rules = audit.retention_rules()
        for person in due:
            erase_care_record(rules, person)
    return len(due)


RULES = [
    Rule(
        "care records",
        f"{settings.RETENTION_CARE_YEARS} years after the last episode closed",
        "NHS Records Management Code of Practice: mental health records are kept 20 years "
        "after the last contact. Feedback the person gave is kept without their name.",
        _care_records,
    ),
    Rule(
        "network members who left",
        f"{settings.RETENTION_MEMBER_YEARS} years after leaving",
        "Long enough to answer questions about payments and decisions; then their details are "
        "erased as on request (finance records stay, without the name).",
        _members,
    ),
    Rule(
        "message addresses and wording",
        f"{settings.RETENTION_MESSAGE_DAYS} days after sending",
        "Enough to answer 'did my message arrive?'; the status and date are kept.",
        _messages,
    ),
    Rule(
        "numbers a question after a call or visit went to",
        f"{feedback.REPLY_WINDOW.days} days after the text was sent (kept only as a keyed digest)",
        "Enough to know a reply as the answer to the question; the answer itself is kept "
        "as feedback, with the number it came from as any text's is.",
        _feedback_numbers,
    ),
    Rule(
        "failed sign-in records",
        f"{settings.RETENTION_SIGN_IN_DAYS} days",
        "Long enough to look into an attack on an account.",
        _sign_in_failures,
    ),
    Rule(
        "expired sessions", "until they expire", "A session is of no use once expired.", _sessions
    ),
    Rule(
        "one-time form tokens",
        f"{SUBMISSION_DAYS} days",
        "Long enough to take a form sent twice once (a double click, a re-sent page); a "
        "token names no one.",
        _submissions,
    ),
]


def purge(now: dt.datetime | None = None, dry_run: bool = False) -> dict[str, int]:
    now = now or timezone.now()
    done = {rule.name: rule.apply(now, dry_run) for rule in RULES}
    if not dry_run:
        logger.info("retention purge: %s", ", ".join(f"{k} {v}" for k, v in done.items()))
    return done
