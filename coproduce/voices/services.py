"""Operations on voices: receiving them from any channel and reviewing them."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.care.models import Person, Team
from coproduce.lib import validators
from coproduce.lib.dates import in_words
from coproduce.lib.formats import Format
from coproduce.messaging import services as messaging
from coproduce.messaging import wording
from coproduce.messaging.models import Message
from coproduce.voices import anonymise, risk
from coproduce.voices.categories import category_choices, framework_for
from coproduce.voices.models import (
    CallBack,
    EnquiryCategory,
    FollowUpInvitation,
    RiskAlert,
    Voice,
    VoiceQuerySet,
)
from coproduce.voices.signals import alert_acknowledged, voice_withdrawn
from coproduce.voices.suggest import suggest

logger = logging.getLogger(__name__)


@once
@transaction.atomic
def receive_voice(actor: User, *, submission: str = "", **details: Any) -> Voice:
    """Store a voice from any channel (the details as ``_store_voice`` takes them;
    ``screened``: its text already screened, for imports that screen many texts in one
    batch before their transaction), audited as made by ``actor``: the member of staff
    who wrote it down, or ``audit.someone_not_signed_in()`` for a voice given on a
    public page or by text. ``submission``: the form's one-time token (see
    ``accounts.submissions``).

    Contact details are kept only for the channel the person chose, and only if they
    asked to be told what changes: we hold no more than we need.
    """
    voice = _store_voice(**details)
    audit.record(actor, AuditEvent.Action.CREATED, voice, f"by {voice.channel}")
    return voice


@once
@transaction.atomic
def receive_voices(
    actor: User,
    voices: Iterable[tuple[dict[str, Any], risk.Screen]],
    detail: str,
    *,
    submission: str = "",
) -> int | None:
    """Store many voices, each with its text already screened (an import), audited as
    made by ``actor``: one event for each voice, written together. With a
    ``submission`` token taken before, nothing is stored and None is returned."""
    stored = [_store_voice(**details, screened=screened) for details, screened in voices]
    audit.record_each(actor, AuditEvent.Action.CREATED, stored, detail)
    return len(stored)


def receive_feedback(actor: User, *, submission: str = "", **details: Any) -> Voice:
    """A voice given on the public feedback page (``receive_voice``), unless the same
    feedback (the same words, answer and choices) came from the same contact details
    earlier today and was not withdrawn: then that voice, and nothing is stored again.
    Found by a fresh-eyes trial: Back after sending, then Send again, made a second voice
    with identical words and contact. Feedback without contact details is always stored:
    two people may well write the same few words. (The same form posted twice, a double
    click, is the one-time token's: ``receive_voice``.)"""
    if (given := given_today(**details)) is not None:
        logger.info("feedback sent again: answered with voice %s", given.pk)
        return given
    return receive_voice(actor, submission=submission, **details)


def given_today(**details: Any) -> Voice | None:
    """The voice stored today from these details (as ``_as_stored`` takes them) with
    the same contact details, not withdrawn, and not one whose risk alert the duty team
    has acknowledged since: words of risk sent again after that are a new message, and
    raise a new alert (helper-80's were answered with the first voice, its alert closed,
    and nobody was told); None when they give no way to contact."""
    stored = _as_stored(**details)
    if stored["contact_channel"] == Voice.ContactChannel.NONE:
        return None
    # An email address is the same address in any capitals (helper-70's second voice).
    email = stored.pop("contact_email")
    return (
        Voice.objects.filter(
            **stored,
            contact_email__iexact=email,
            received_at__date=timezone.localdate(),
            withdrawn_at__isnull=True,
        )
        .exclude(risk_alert__acknowledged_at__isnull=False)
        .order_by("received_at")
        .first()
    )


def _store_voice(
    *, received_at: Any = None, screened: risk.Screen | None = None, **details: Any
) -> Voice:
    voice = Voice.objects.create(**_as_stored(**details), received_at=received_at or timezone.now())
    raise_alert_if_at_risk(voice, screened)
    suggest(voice)
    return voice


def _as_stored(
    *,
    channel: str,
    text: str,
    rating: int | None,
    team: Team | None = None,
    consent_improvement: bool = False,
    consent_quote: bool = False,
    consent_contact: bool = False,
    contact_channel: str = Voice.ContactChannel.NONE,
    contact_email: str = "",
    contact_phone: str = "",
    contact_address: str = "",
    contact_format: str = Format.STANDARD,
    language: str = "en",
    source_detail: str = "",
    follow_up_invitation: FollowUpInvitation | None = None,
) -> dict[str, Any]:
    """A voice's fields as stored: contact details only for the channel the person
    chose, and only if they asked to be told what changes."""
    if not consent_contact:
        contact_channel = Voice.ContactChannel.NONE
    return {
        "channel": channel,
        "text": text,
        "rating": rating,
        "team": team,
        "consent_improvement": consent_improvement,
        "consent_quote": consent_quote,
        "consent_contact": consent_contact,
        "contact_channel": contact_channel,
        "contact_email": contact_email if contact_channel == Voice.ContactChannel.EMAIL else "",
        "contact_phone": contact_phone if contact_channel == Voice.ContactChannel.SMS else "",
        "contact_address": (
            contact_address.strip() if contact_channel == Voice.ContactChannel.POST else ""
        ),
        "contact_format": contact_format if consent_contact else Format.STANDARD,
        "language": language,
        "source_detail": source_detail,
        "follow_up_invitation": follow_up_invitation,
    }


def raise_alert_if_at_risk(
    voice: Voice, found: risk.Screen | None = None, *, rescreened: bool = False
) -> RiskAlert | None:
    """Screen the voice's text; raise an alert for the duty team at once if it signals
    current risk to life or a safeguarding concern, or if the screen could not read its
    language (hazard H3). One alert a voice, however often it is screened."""
    found = found or risk.screen(voice.text)
    if not found.raises_alert:
        return None
    alert, created = RiskAlert.objects.get_or_create(
        voice=voice,
        defaults={
            "concerns": [str(c) for c in found.concerns],
            "reason": found.reason,
            "rescreened": rescreened,
        },
    )
    if created:
        # Ids only: the log must never carry the voice's words.
        logger.warning("risk alert %s raised for voice %s", alert.pk, voice.pk)
        tell_duty_teams(alert)
    return alert


def duty_teams(voice: Voice, now: dt.datetime | None = None) -> list[Team]:
    """Who is on duty for this voice: its own team if open now and reachable; else the
    24/7 crisis line; else every open team with a duty contact."""
    return duty_teams_for(voice.team_id, now)


def duty_teams_for(team_id: int | None, now: dt.datetime | None = None) -> list[Team]:
    """Who is on duty for something of this team's (a voice, a call to the line): the
    team if open now and reachable; else the 24/7 crisis line; else every open team with
    a duty contact."""
    moment = timezone.localtime(now or timezone.now()).time()
    reachable = [
        t for t in Team.objects.exclude(duty_phone="", duty_email="") if t.is_open_at(moment)
    ]
    own = [t for t in reachable if team_id == t.pk]
    line = [t for t in reachable if t.kind == Team.Kind.CRISIS_LINE]
    return own or line or reachable


def tell_duty_teams(alert: RiskAlert, escalation: bool = False) -> list[Message]:
    """By text and email to each duty contact; the message says where to read, not what."""
    words = wording.duty_alert(alert.pk, alert.concern_labels, escalation)
    kind = Message.Kind.ALERT_ESCALATION if escalation else Message.Kind.DUTY_ALERT
    sent = []
    for team in duty_teams(alert.voice):
        for channel, to in (
            (Message.Channel.SMS, team.duty_phone),
            (Message.Channel.EMAIL, team.duty_email),
        ):
            if to:
                sent.append(
                    messaging.queue(
                        kind=kind, channel=channel, to=to, subject=words.subject, body=words.body
                    )
                )
    alert.messages.add(*sent)
    if not sent:
        logger.error("risk alert %s: no duty contact to tell; shown on /alerts only", alert.pk)
    return sent


def open_alerts() -> Any:
    return RiskAlert.objects.filter(acknowledged_at__isnull=True).select_related("voice__team")


ACTION_TAKEN_WORDS, ACTION_TAKEN_CHARACTERS = 3, 12


def sentence(words: str) -> str:
    """Words ended with one full stop (or the mark they end with)."""
    words = words.rstrip()
    return words if words.endswith((".", "!", "?", "…")) else f"{words}."


def check_action_taken(action_taken: str) -> str:
    """What the duty worker did about an alert, as the record of it: a short sentence at
    least (who was called or told, what was agreed), never "x" or "ok". Found by a
    fresh-eyes trial: an alert left the list, and stopped escalating, on "x"."""
    action_taken = " ".join(action_taken.split())
    length = {"words": ACTION_TAKEN_WORDS, "characters": ACTION_TAKEN_CHARACTERS}
    if not validators.says_something(action_taken, **length):
        if validators.typed_at_random(action_taken):
            said = "What you typed reads as letters typed at random. Say in words what you did"
        elif validators.too_short(action_taken, **length):
            said = (
                f"Say what you did in a short sentence, at least {ACTION_TAKEN_WORDS} "
                "different words: who you called or told, and what was agreed"
            )
        else:
            said = (
                "Say what you did: who you called or told, and what was agreed (for "
                "example: rang her back, she is with her sister tonight). Words such as "
                "read, seen or done say only that you saw it"
            )
        raise ValidationError({"action_taken": said})
    return action_taken


# What a call-back came to that means someone reached them, or passed them to who can.
REACHED = (
    CallBack.Outcome.SPOKE,
    CallBack.Outcome.EMERGENCY_SERVICES,
    CallBack.Outcome.SAFEGUARDING_REFERRAL,
)
NOT_REACHED = (
    "No one has spoken to them yet: try again or pass it on first, or tick to say no more "
    "can be done now"
)
NO_CALL_BACK = (
    "No call-back is recorded: try to reach them first (Show contact details), or pass it "
    "on, and record it as a call-back above"
)
NOT_PASSED_ON = (
    "This is a safeguarding concern: tell your safeguarding lead or make a safeguarding "
    "referral, then tick to say you have"
)
NO_WAY_TO_REACH = (
    "There is no way to call them back: tick to say you looked for another way to help "
    "them and no more can be done now"
)


def needs_passing_on(alert: RiskAlert) -> bool:
    """Whether ``alert`` is a safeguarding concern no call-back has made a referral for."""
    return RiskAlert.Concern.SAFEGUARDING in alert.concerns and not (
        alert.call_backs.filter(outcome=CallBack.Outcome.SAFEGUARDING_REFERRAL).exists()
    )


def reached(alert: RiskAlert) -> bool:
    """Whether a call-back on ``alert`` spoke to the person or passed them to 999 or a
    safeguarding referral."""
    return alert.call_backs.filter(outcome__in=REACHED).exists()


def _not_yet_acknowledgeable(
    alert: RiskAlert, not_reached: bool, passed_on: bool
) -> dict[str, str]:
    """What must be done before ``alert`` is acknowledged, by field: nothing if it may be."""
    from coproduce.voices import alerts

    refused = {}
    if not reached(alert) and not not_reached:
        if not alerts.contact_held(alert):
            refused["not_reached"] = NO_WAY_TO_REACH
        elif alert.call_backs.exists():
            refused["not_reached"] = NOT_REACHED
        else:
            refused["not_reached"] = NO_CALL_BACK
    elif not reached(alert) and alerts.contact_held(alert) and not alert.call_backs.exists():
        # helper-85 ticked "no more can be done" a minute after an overdose alert, with
        # "Will look at this later on.", never having tried the number held.
        refused["not_reached"] = NO_CALL_BACK
    if needs_passing_on(alert) and not passed_on:
        refused["passed_on"] = NOT_PASSED_ON
    return refused


@transaction.atomic
def acknowledge_alert(
    user: User,
    alert: RiskAlert,
    action_taken: str,
    *,
    not_reached: bool = False,
    passed_on: bool = False,
) -> RiskAlert:
    """Acknowledge an alert with what was done. Where no call-back reached the person,
    only once the duty worker says no more can be done now (``not_reached``): helper-83
    closed an overdose alert on "Rang the mobile once, nobody answered", and helper-84 one
    from someone who left no details on "Nothing to do, no details given". Where the
    service holds a way to reach them, only once at least one call-back is recorded. A
    safeguarding concern, only once the duty worker says they told the safeguarding lead
    or made a referral (``passed_on``, or a call-back that made one): helper-85 closed a
    twelve-year-old's "my step dad hurts me" on "Child, not our service, nothing we can
    do"."""
    action_taken = check_action_taken(action_taken)
    alert = RiskAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.acknowledged_at is None and (
        refused := _not_yet_acknowledgeable(alert, not_reached, passed_on)
    ):
        raise ValidationError(refused)
    if alert.acknowledged_at is not None:
        if alert.acknowledged_by_id == user.pk and alert.action_taken == action_taken:
            return alert  # the same press again (a double-click): taken once
        # Someone else acknowledged it first (a stale tab): say who and what, and keep
        # what this person typed, which a fresh-eyes trial found thrown away unsaid.
        by = alert.acknowledged_by.name_and_role if alert.acknowledged_by else "someone"
        # About the alert, whose page no longer offers the box to type in: not a field's.
        raise ValidationError(
            f"Already acknowledged by {by} on {in_words(alert.acknowledged_at)}: "
            f"{sentence(alert.action_taken)} What you typed was not saved: {action_taken}"
        )
    alert.acknowledged_at = timezone.now()
    alert.acknowledged_by = user
    alert.action_taken = action_taken
    alert.save(update_fields=["acknowledged_at", "acknowledged_by", "action_taken"])
    audit.record(user, AuditEvent.Action.CHANGED, alert, "acknowledged")
    voice = Voice.objects.get(pk=alert.voice_id)
    transaction.on_commit(lambda: alert_acknowledged.send(sender=Voice, voice=voice))
    forget_stopped_contact(Voice.objects.filter(pk=alert.voice_id))
    return alert


def forget_stopped_contact(voices: QuerySet[Voice]) -> int:
    """Forget the contact details of those of ``voices`` whose giver stopped "you said, we
    did" messages (``change.stopping``), but not while the voice's risk alert is open:
    they may be the duty team's only way to reach the person (a fresh-eyes trial stopped
    the updates from a message that had raised an alert, and the alert then said the
    person gave no details). Acknowledging the alert forgets them. How many were
    forgotten."""
    still_open = RiskAlert.objects.filter(acknowledged_at__isnull=True).values("voice_id")
    return (
        voices.filter(updates_stopped_at__isnull=False, consent_contact=False)
        .exclude(pk__in=still_open)
        .exclude(contact_email="", contact_phone="", contact_address="")
        .update(contact_email="", contact_phone="", contact_address="")
    )


def escalate_unacknowledged(now: dt.datetime | None = None) -> list[RiskAlert]:
    """Escalate alerts not acknowledged within the configured minutes, once each."""
    now = now or timezone.now()
    limit = now - dt.timedelta(minutes=settings.RISK_ALERT_ESCALATE_MINUTES)
    due = list(open_alerts().filter(raised_at__lte=limit, escalated_at__isnull=True))
    for alert in due:
        with transaction.atomic():
            alert.escalated_at = now
            alert.save(update_fields=["escalated_at"])
            audit.record(
                audit.scheduled_work(),
                AuditEvent.Action.CHANGED,
                alert,
                "escalated: not acknowledged in time",
            )
            tell_duty_teams(alert, escalation=True)
        logger.warning("risk alert %s escalated: not acknowledged in time", alert.pk)
    return due


@transaction.atomic
def tag_voice(user: User, voice: Voice, categories: Iterable[EnquiryCategory]) -> Voice:
    return confirm(user, voice, categories)


def inbox() -> VoiceQuerySet:
    """Voices for review, each marked with whether it raised a risk alert (one query)."""
    return (
        Voice.objects.select_related("team")
        .prefetch_related("categories", "suggested_categories")
        .with_risk_marks()
    )


WITHDRAWAL_SALT = "coproduce.voices.withdraw"


def withdrawal_token(voice: Voice) -> str:
    """A signed link token that lets the giver withdraw this voice later, anonymously."""
    return signing.dumps({"voice": voice.pk}, salt=WITHDRAWAL_SALT)


def voice_for_withdrawal(token: str) -> Voice | None:
    try:
        data = signing.loads(token, salt=WITHDRAWAL_SALT)
    except signing.BadSignature:
        return None
    return Voice.objects.filter(pk=data.get("voice")).first()


@transaction.atomic
def withdraw(voice: Voice) -> Voice:
    """Withdraw a voice: out of future use, evidence, quotes and anything queued to it.

    What was already published as a plain-language "you said" stays (it quotes no one).
    Withdrawing twice changes nothing. Only the person who gave it withdraws it, by the
    link they were given, so it is audited as done by someone not signed in.
    """
    if voice.withdrawn_at is None:
        voice.withdrawn_at = timezone.now()
        voice.save(update_fields=["withdrawn_at"])
        voice.public_quote = ""
        voice.quote_approved_at = None
        voice.quote_approved_by = None
        voice.save(update_fields=["public_quote", "quote_approved_at", "quote_approved_by"])
        # Anything still waiting to go to its giver, but never a reply with crisis contacts.
        messaging.cancel(voice.messages.exclude(kind=Message.Kind.CRISIS_REPLY))
        voice_withdrawn.send(sender=Voice, voice=voice)
        giver = audit.someone_not_signed_in()
        audit.record(giver, AuditEvent.Action.CHANGED, voice, "withdrawn by its giver")
        logger.info("voice %s withdrawn by its giver", voice.pk)
    return voice


def receive_text(
    notify_id: str,
    source_number: str,
    message: str,
    received_at: Any,
    note: str = "",
    *,
    team: Team | None = None,
    rating: int | None = None,
    about: str = "",
) -> Voice:
    """A text message received through Notify: stored once, however often Notify retries.
    A reply to a question we texted says which service it is about (``team``), the
    rating read from it, and ``about``: what it answers, in plain words for staff.

    Texting the advertised feedback number is giving feedback to improve services; it
    does not agree to being quoted or contacted later. The number it came from is kept
    with it so the duty worker can call back if it raised a risk alert. The sender gets
    a reply at once, with crisis contacts first if the message raised a risk alert; with
    no number (a malformed callback, see ``messaging.inbound``) the words are still kept,
    and ``note`` says what could not be read.

    The same text arriving twice at once (Notify retrying while the first try is still
    being answered) is stored by one; the database refuses the other's copy (Notify's id
    is unique), whose alert and reply go with it, and it answers with the one stored.
    """
    if about:
        note = f"{about} {note}".strip()[:200]
    try:
        return _store_text(notify_id, source_number, message, received_at, note, team, rating)
    except IntegrityError:
        existing = Voice.objects.filter(notify_inbound_id=notify_id).first()
        if existing is None:
            raise
        return existing


# Texts from one number this close together are one conversation.
SAME_CONVERSATION = dt.timedelta(hours=24)


def texts_from_the_same_number(
    voice: Voice, *, before: dt.timedelta, after: dt.timedelta = dt.timedelta(0)
) -> list[Voice]:
    """The other texts from the number ``voice`` came from, received from ``before`` it
    to ``after`` it, oldest first (however the number was written)."""
    if not voice.received_from:
        return []
    key = validators.number_key(voice.received_from)
    nearby = (
        Voice.objects.filter(
            channel=Voice.Channel.SMS,
            received_at__gte=voice.received_at - before,
            received_at__lte=voice.received_at + after,
        )
        .exclude(pk=voice.pk)
        .exclude(received_from="")
        .select_related("risk_alert")
        .order_by("received_at", "pk")
    )
    return [v for v in nearby if validators.number_key(v.received_from) == key]


@transaction.atomic
def _store_text(
    notify_id: str,
    source_number: str,
    message: str,
    received_at: Any,
    note: str,
    team: Team | None = None,
    rating: int | None = None,
) -> Voice:
    existing = Voice.objects.filter(notify_inbound_id=notify_id).first()
    if existing is not None:
        return existing
    if received_at is not None and timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at, dt.UTC)
    voice = receive_voice(
        audit.someone_not_signed_in(),
        channel=Voice.Channel.SMS,
        text=message.strip(),
        rating=rating,
        team=team,
        consent_improvement=True,
        received_at=received_at,
        source_detail=note,
    )
    voice.notify_inbound_id = notify_id
    voice.received_from = source_number
    voice.save(update_fields=["notify_inbound_id", "received_from"])
    at_risk = RiskAlert.objects.filter(voice=voice).exists()
    if not source_number:
        logger.warning("voice %s: a text with no number to reply to", voice.pk)
        return voice
    # Someone who texted at risk and writes again ("ok thanks") is answered with crisis
    # contacts, not a feedback thank-you, while their alert is recent or still open (found
    # by a fresh-eyes trial). Their message is shown on that alert (``alerts``).
    at_risk = at_risk or any(
        earlier.risk_alert.acknowledged_at is None
        or earlier.risk_alert.raised_at >= timezone.now() - SAME_CONVERSATION
        for earlier in texts_from_the_same_number(voice, before=SAME_CONVERSATION)
        if hasattr(earlier, "risk_alert")
    )
    words = (wording.crisis_reply if at_risk else wording.thanks_reply)(voice.language)
    reply = messaging.queue(
        kind=Message.Kind.CRISIS_REPLY if at_risk else Message.Kind.THANKS_REPLY,
        channel=Message.Channel.SMS,
        to=validators.reply_number(source_number),
        body=words.body,
    )
    voice.messages.add(reply)
    return voice


@transaction.atomic
def confirm(
    user: User,
    voice: Voice,
    categories: Iterable[EnquiryCategory],
    sentiment: str | None = None,
) -> Voice:
    """A person confirms (or corrects) the suggested categories and sentiment. Only the
    categories of the voice's service's framework may be given (and any it already has
    from another), so one voice never mixes two frameworks by a new choice."""
    categories = list(categories)
    offered = {c.pk for c in category_choices(voice).offered}
    outside = [c.name for c in categories if c.pk not in offered]
    if outside:
        raise ValidationError(
            f"Not in the enquiry framework of this voice's service: {', '.join(outside)}"
        )
    voice.categories.set(categories)
    if sentiment is not None:
        voice.sentiment = sentiment
    voice.reviewed_at = timezone.now()
    voice.reviewed_by = user
    voice.save(update_fields=["sentiment", "reviewed_at", "reviewed_by"])
    audit.record(user, AuditEvent.Action.CHANGED, voice, "categories and sentiment confirmed")
    return voice


def confirm_suggestions(user: User, voices: Iterable[Voice]) -> int:
    """Bulk: accept what was suggested for each voice, as confirmed by this person."""
    done = 0
    for voice in voices:
        framework = framework_for(voice.team)
        confirm(
            user,
            voice,
            [c for c in voice.suggested_categories.all() if c.framework == framework],
            voice.suggested_sentiment or voice.sentiment,
        )
        done += 1
    return done


def add_category(user: User, voices: Iterable[Voice], category: EnquiryCategory) -> int:
    """Bulk: add one category to each voice (keeping what it had) and confirm it; voices
    whose service uses another framework are left as they were (not counted)."""
    done = 0
    for voice in voices:
        if category.framework != framework_for(voice.team):
            continue
        confirm(user, voice, [*voice.categories.all(), category])
        done += 1
    return done


_WORD = re.compile(r"\w+")


def known_names(text: str) -> set[str]:
    """Names that must never appear in a public quote, of those the text could hold: our
    staff's and people's on record. A name is masked only where the text has each of its
    words (``anonymise.mask`` matches whole words, case as written), so only those are
    read: a name of one word by an index lookup, a name of several (or with a hyphen or
    apostrophe) by its words, rather than every person of the trust for each quote."""
    words = set(_WORD.findall(text))
    if not words:
        return set()
    fields = ("given_name", "family_name", "preferred_name")
    single = Q()
    several = Q()
    for field in fields:
        single |= Q(**{f"{field}__in": words})
        several |= ~Q(**{f"{field}__regex": r"^\w*$"})
    names: set[str] = set()
    for first, last in User.objects.values_list("first_name", "last_name"):
        names.update({first, last})
    for row in Person.objects.filter(single | several).values_list(*fields):
        names.update(row)
    return {n for n in names if n and set(_WORD.findall(n)) <= words}


def mask_known_names(text: str) -> str:
    """The text with anything that could identify someone masked (``anonymise.mask``),
    our staff's and people's names on record among them."""
    return anonymise.mask(text, known_names(text))


def proposed_quote(voice: Voice) -> str:
    return mask_known_names(voice.public_quote or voice.text)


@transaction.atomic
def approve_quote(user: User, voice: Voice, text: str) -> Voice:
    """Approve words to show in public. They are masked again on the way in, so an edit
    cannot put a name or number back. Only a voice whose giver agreed can be quoted,
    and never one under a risk alert: a person's risk is not a comment about the service
    to show the public (found by issue 21's seventh fresh-eyes trial: "I feel like ending
    it all tonight" went on the public page with one click)."""
    if not voice.consent_quote or voice.withdrawn_at is not None:
        raise ValidationError("The person who gave this feedback did not agree to be quoted.")
    if RiskAlert.objects.filter(voice=voice).exists():
        raise ValidationError(
            "This voice raised a risk alert, so it cannot be quoted in public: what it says "
            "is about a person's safety, not feedback to publish."
        )
    voice.public_quote = mask_known_names(text.strip())
    voice.quote_approved_at = timezone.now()
    voice.quote_approved_by = user
    voice.save(update_fields=["public_quote", "quote_approved_at", "quote_approved_by"])
    audit.record(user, AuditEvent.Action.CHANGED, voice, "public quote approved")
    return voice


def public_quotes(voices: VoiceQuerySet) -> VoiceQuerySet:
    """The approved quotes the public may read: still agreed to, not withdrawn, and never
    of a voice under a risk alert (one raised after its quote was approved, by a rescreen,
    takes it down)."""
    return voices.filter(
        consent_quote=True,
        withdrawn_at__isnull=True,
        quote_approved_at__isnull=False,
        risk_alert__isnull=True,
    ).exclude(public_quote="")


@once
@transaction.atomic
def record_for_someone(user: User, *, submission: str = "", **details: Any) -> Voice:
    """Staff write down feedback given by phone, on paper, in person, by email, from a
    partner, as a complaint or in community listening (on the page or by the API).
    Categories given here count as confirmed by the person who wrote them down."""
    categories = list(details.pop("categories", None) or [])
    framework = framework_for(details.get("team"))
    outside = [c.name for c in categories if c.framework != framework]
    if outside:
        label = EnquiryCategory.Framework(framework).label
        raise ValidationError(
            {
                "categories": f"Not in the framework this service uses ({label}): "
                f"{', '.join(outside)}"
            }
        )
    voice = receive_voice(user, **details)
    voice.recorded_by = user
    voice.save(update_fields=["recorded_by"])
    if categories:
        confirm(user, voice, categories)
    return voice
