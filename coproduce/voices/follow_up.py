"""Follow-up after care (seed 003): a safe, later invitation to say how care was.

When an episode closes an invitation is scheduled for the team's follow-up days later.
On the day, it is sent only if the person agreed and said how (text or email), never in
quiet hours (it waits for the morning), signed by the team's peer worker where there is
one, with a one-tap way to stop. If there is no answer, one reminder follows; never two.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.care.models import Person, Team
from coproduce.lib.validators import is_uk_mobile, number_key
from coproduce.messaging import services as messaging
from coproduce.messaging import wording
from coproduce.messaging.models import Message
from coproduce.voices.models import FollowUpInvitation

logger = logging.getLogger(__name__)

TOKEN_SALT = "coproduce.voices.follow-up"  # noqa: S105 - a signing salt, not a secret


def in_quiet_hours(moment: dt.datetime) -> bool:
    start, end = settings.QUIET_HOURS
    local = timezone.localtime(moment).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def next_allowed(moment: dt.datetime) -> dt.datetime:
    """The moment itself, or the end of the quiet hours it falls in (local time)."""
    if not in_quiet_hours(moment):
        return moment
    local = timezone.localtime(moment)
    end = settings.QUIET_HOURS[1]
    candidate = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if candidate <= local:
        candidate += dt.timedelta(days=1)
    # Rebuild in local time so a clock change in between is respected.
    naive = dt.datetime.combine(candidate.date(), end)
    return timezone.make_aware(naive, timezone.get_current_timezone())


def token(invitation: FollowUpInvitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=TOKEN_SALT)


def invitation_for(value: str) -> FollowUpInvitation | None:
    try:
        data = signing.loads(value, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    return (
        FollowUpInvitation.objects.select_related("episode__team").filter(pk=data.get("invitation"))
    ).first()


@task(queue_name="notifications")
def send_follow_up(invitation_id: int) -> str:
    """The worker's look at one invitation (``send_if_due``)."""
    return send_if_due(invitation_id)


def schedule(invitation: FollowUpInvitation, at: dt.datetime) -> None:
    """Have the worker look at this invitation at (or after) the given moment."""
    task = send_follow_up
    if task.get_backend().supports_defer:
        task = task.using(run_after=next_allowed(at))
    elif at > timezone.now():
        return  # No deferral here: the sweeper (coproduce send-follow-ups) sends it when due.
    transaction.on_commit(lambda: task.enqueue(invitation.pk))


def signed_by(invitation: FollowUpInvitation) -> str:
    return team_signature(invitation.episode.team)


def team_signature(team: Team, language: str | None = None) -> str:
    """Who a text to the public is from: the team's peer worker, where there is one, and
    the team's name, in Welsh in a Welsh text where it has one (the follow-up invitation,
    the question after a call or visit)."""
    name, _ = team.name_in(language or settings.LANGUAGE_CODE)
    peer = team.peer_worker
    if peer is not None and peer.get_full_name():
        with translation.override(language or settings.LANGUAGE_CODE):
            return gettext("{name}, peer worker, {team}").format(
                name=peer.get_full_name(), team=name
            )
    return name


def _address(person: Person) -> tuple[str, str]:
    if person.feedback_invitations == Person.FeedbackInvitations.SMS and is_uk_mobile(person.phone):
        return Message.Channel.SMS, person.phone
    if person.feedback_invitations == Person.FeedbackInvitations.EMAIL and person.email:
        return Message.Channel.EMAIL, person.email
    return "", ""


def _queue(invitation: FollowUpInvitation, channel: str, to: str, reminder: bool) -> Message:
    value = token(invitation)
    words = wording.follow_up(
        settings.LANGUAGE_CODE,
        signed_by=signed_by(invitation),
        link=settings.PUBLIC_BASE_URL + reverse("give_feedback") + f"?invitation={value}",
        opt_out=settings.PUBLIC_BASE_URL + reverse("stop_follow_up", args=[value]),
        reminder=reminder,
    )
    kind = Message.Kind.FOLLOW_UP_REMINDER if reminder else Message.Kind.FOLLOW_UP_INVITATION
    message = messaging.queue(
        kind=kind, channel=channel, to=to, subject=words.subject, body=words.body
    )
    invitation.messages.add(message)
    return message


@transaction.atomic
def send_if_due(invitation_id: Any, now: dt.datetime | None = None) -> str:
    """Send the invitation, or its one reminder, if due. Says what it did."""
    now = now or timezone.now()
    invitation = (
        FollowUpInvitation.objects.select_for_update(of=("self",))
        .select_related("episode__person", "episode__team__peer_worker")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        return "no such invitation"
    if invitation.status == FollowUpInvitation.Status.SCHEDULED:
        if invitation.due_at > now:
            return "not due"
        reminder = False
    elif invitation.status == FollowUpInvitation.Status.SENT and invitation.reminded_at is None:
        sent_at = invitation.sent_at or invitation.due_at
        if sent_at + dt.timedelta(days=settings.FOLLOW_UP_REMINDER_DAYS) > now:
            return "not due"
        if invitation.voices.exists():
            return "answered"
        reminder = True
    else:
        return "nothing to send"
    channel, to = _address(invitation.episode.person)
    if not channel:
        invitation.status = FollowUpInvitation.Status.NOT_SENT
        invitation.save(update_fields=["status"])
        return "not agreed"
    if in_quiet_hours(now):
        schedule(invitation, next_allowed(now))
        return "quiet hours"
    _queue(invitation, channel, to, reminder)
    if reminder:
        invitation.reminded_at = now
        invitation.save(update_fields=["reminded_at"])
        return "reminder sent"
    invitation.status = FollowUpInvitation.Status.SENT
    invitation.sent_at = now
    invitation.save(update_fields=["status", "sent_at"])
    schedule(invitation, now + dt.timedelta(days=settings.FOLLOW_UP_REMINDER_DAYS))
    logger.info("follow-up invitation %s sent", invitation.pk)
    return "sent"


def send_due(now: dt.datetime | None = None) -> dict[str, int]:
    """Look at every invitation that may be due (the sweeper behind the task queue)."""
    now = now or timezone.now()
    reminder_before = now - dt.timedelta(days=settings.FOLLOW_UP_REMINDER_DAYS)
    due = FollowUpInvitation.objects.filter(
        status=FollowUpInvitation.Status.SCHEDULED, due_at__lte=now
    ) | FollowUpInvitation.objects.filter(
        status=FollowUpInvitation.Status.SENT,
        reminded_at__isnull=True,
        sent_at__lte=reminder_before,
    )
    outcomes: dict[str, int] = {}
    for pk in list(due.values_list("pk", flat=True)):
        outcome = send_if_due(pk, now)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


@transaction.atomic
def stop(invitation: FollowUpInvitation) -> FollowUpInvitation:
    """One tap: no reminder, nothing queued, and no more invitations for this person.
    Only the person stops them (the link, or STOP by text): audited as someone not
    signed in changing their record."""
    if invitation.status != FollowUpInvitation.Status.OPTED_OUT:
        invitation.status = FollowUpInvitation.Status.OPTED_OUT
        invitation.opted_out_at = timezone.now()
        invitation.save(update_fields=["status", "opted_out_at"])
        messaging.cancel(invitation.messages.all())
        person = invitation.episode.person
        person.feedback_invitations = Person.FeedbackInvitations.NONE
        person.save(update_fields=["feedback_invitations"])
        audit.record(
            audit.someone_not_signed_in(),
            AuditEvent.Action.CHANGED,
            person,
            "follow-up invitations stopped by the person",
        )
        logger.info("follow-up invitation %s: person opted out", invitation.pk)
    return invitation


def _same_mobile(a: str, b: str) -> bool:
    """Whether two numbers are the same UK number, however each was written. Not only
    mobiles: a STOP from a number recorded before a rule refused it still stops."""
    return number_key(a) == number_key(b) != ""


def stop_by_text(source_number: str) -> int:
    """Someone replied STOP to a follow-up text: stop for every person with that number."""
    stopped = 0
    invitations = FollowUpInvitation.objects.filter(
        status__in=[FollowUpInvitation.Status.SCHEDULED, FollowUpInvitation.Status.SENT],
        episode__person__feedback_invitations=Person.FeedbackInvitations.SMS,
    ).select_related("episode__person")
    for invitation in invitations:
        if _same_mobile(invitation.episode.person.phone, source_number):
            stop(invitation)
            stopped += 1
    return stopped
