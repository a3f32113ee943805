"""Telling contributors what changed: each on their channel, in their format and language.

An update is owed to every contributor whose voice is linked to the action's insight and
who asked to be told (``Voice.objects.to_contact_back``). Publishing commits the update
and how many are owed it; the fan-out is a task run after that commit
(``coproduce.change.tasks.tell_contributors``), never inside the request. Each
contributor is owed it once: an ``OutboxMessage`` per update and voice (unique), made in
chunks, each chunk committed in its own transaction with the ``Message`` that carries it
and then handed to be sent. Fanning out again, after a crash or a retry, or two runs at
once, makes only what is missing. A person who gave several voices with the same
mobile number, email address or postal address (``Voice.contact_key``) is one
contributor: told once, as their latest voice asked (``one_per_address``). Sending is
the messaging layer's: claimed before Notify is called, and Notify asked for the
message's reference before any resend, so no one gets the same update twice
(``coproduce.messaging``).

Channels: text message and email through Notify; post as a Notify letter in the standard
format, or as a printed letter (large print, Easy Read, Braille-ready text, audio) that
the team prints and posts from the letters page. Formats: large print and Easy Read
templates; an audio file made offline by espeak-ng, linked from the message; Braille-
ready plain text (plain characters, short lines); the language of the voice where a
translation has been entered, else English.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, Exists, Max, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation

from coproduce.change import stopping
from coproduce.change.models import Action, Insight, OutboxMessage, Update
from coproduce.lib.formats import Format
from coproduce.messaging import formats, services
from coproduce.messaging.formats import PRINTED_FORMATS, Rendered, YouSaidWeDid
from coproduce.messaging.models import Message
from coproduce.voices.models import RiskAlert, Voice

logger = logging.getLogger(__name__)

CHUNK = 1000


@dataclass(frozen=True)
class Words:
    you_said: str
    we_did: str
    language: str  # the language the words are in


def words_for(update: Update, language: str) -> Words:
    """The update in the contributor's language if a translation was entered, else English.
    Every format says "You told us:" before what people said, so a text that begins the
    same way loses those words ("You told us: You told us the line was engaged…", found
    by issue 21's fresh-eyes trial)."""
    if language != "en":
        for entered in update.translations.all():
            if entered.language == language:
                return Words(formats.without_lead_in(entered.you_said), entered.we_did, language)
    return Words(formats.without_lead_in(update.you_said), update.we_did, "en")


def reads(language: str) -> str:
    """The language a contributor reads, as the preview groups them: every kind of
    English is English ("en-gb" from the public form, "en" from staff), so one text is
    not shown twice as "English" and "British English" (a fresh-eyes trial, issue 25)."""
    return "en" if language.split("-")[0].lower() == "en" else language


UNNUMBERED = "[number]"  # in a preview: the update's number is given when it is published


def public_link(update: Update | None, fmt: str = Format.STANDARD, language: str = "en") -> str:
    """The update on the public site; for a preview (no update yet), with its number
    shown as ``UNNUMBERED``."""
    # English is the default language, served without a language prefix.
    with translation.override(None if language == "en" else language):
        path = reverse("show_update", args=[update.pk if update else 0])
    if update is None:
        path = path[: path.rstrip("/").rfind("/") + 1] + UNNUMBERED
    suffix = {
        Format.LARGE_PRINT: "?format=large-print",
        Format.EASY_READ: "?format=easy-read",
        Format.BRAILLE: "?format=braille-ready",
    }.get(Format(fmt) if fmt in Format.values else Format.STANDARD, "")
    return f"{settings.PUBLIC_BASE_URL}{path}{suffix}"


def audio_path(update: Update, language: str) -> Path:
    return Path(settings.MEDIA_ROOT) / "updates" / f"update-{update.pk}-{language}.wav"


def audio_link(update: Update | None, language: str) -> str:
    with translation.override(None):
        path = reverse("update_audio", args=[update.pk if update else 0, language])
    if update is None:
        path = path.replace("/0/", f"/{UNNUMBERED}/", 1)
    return f"{settings.PUBLIC_BASE_URL}{path}"


def make_audio(update: Update, language: str, *, again: bool = False) -> Path | None:
    """The audio version of the update in one language (``messaging.formats.speak``):
    None if it could not be made, and the log says why. Run by tasks, never in a
    request. ``again`` makes it afresh (a translation entered again)."""
    words = said_and_done(update, language)
    return formats.speak(
        formats.audio_script(words), words.language, audio_path(update, language), again=again
    )


def said_and_done(
    update: Update,
    language: str,
    fmt: str = Format.STANDARD,
    stop_link: str = stopping.LINK_MARK,
) -> YouSaidWeDid:
    """The update's words for a contributor who reads ``language`` and asked for ``fmt``,
    with its links, as messaging shapes them. ``stop_link``: where each person's own link
    to stop these messages goes (``stopping``), put in once per person."""
    words = words_for(update, language)
    return YouSaidWeDid(
        you_said=words.you_said,
        we_did=words.we_did,
        language=words.language,
        link=public_link(update, fmt, words.language),
        audio_link=audio_link(update, words.language),
        easy_read=update.easy_read if words.language == "en" else "",
        stop_link=stop_link,
        signed_by=settings.TRUST_NAME,
        status=update.action.status,
    )


def render(update: Update, fmt: str, language: str, channel: str) -> Rendered:
    """The message for one contributor, in their format and language, for their channel."""
    return formats.render(said_and_done(update, language, fmt), fmt, channel)


def letter_lines(update: Update, fmt: str, language: str, voice: Voice) -> list[str]:
    """A printed letter's words in the contributor's format (the page sets large print),
    with their own link to stop these letters."""
    return formats.letter_lines(said_and_done(update, language, fmt, stopping.link(voice)), fmt)


def way_for(contact_channel: str, fmt: str) -> str:
    """How a contributor who asked for ``contact_channel`` in ``fmt`` is reached: a text
    message, an email, a Notify letter, or a letter the team prints (``PRINTED``): Notify's
    letters are standard print only."""
    if contact_channel == Voice.ContactChannel.POST:
        if fmt in PRINTED_FORMATS or not settings.NOTIFY_LETTER_TEMPLATE_ID:
            return PRINTED
        return Message.Channel.LETTER
    if contact_channel == Voice.ContactChannel.EMAIL:
        return Message.Channel.EMAIL
    return Message.Channel.SMS


PRINTED = "printed"


def _address(voice: Voice) -> str:
    return "\n".join(line.strip() for line in voice.contact_address.splitlines() if line.strip())


Renders = dict[tuple[str, str, str], Rendered]


def _owed(
    update: Update, voice: Voice, renders: Renders | None = None
) -> tuple[OutboxMessage, Message | None]:
    """What one contributor is owed. The words depend only on format, language and
    channel (never on the person), so they are made once per combination."""
    renders = {} if renders is None else renders
    fmt = voice.contact_format or Format.STANDARD

    def rendered_for(channel: str) -> Rendered:
        key = (fmt, voice.language, channel)
        if key not in renders:
            renders[key] = render(update, fmt, voice.language, channel)
        return renders[key]

    outbox = OutboxMessage(update=update, voice=voice, channel=voice.contact_channel, format=fmt)
    way = way_for(voice.contact_channel, fmt)
    if way == PRINTED:
        rendered = rendered_for(Message.Channel.LETTER)
        outbox.language = rendered.language
        outbox.status = OutboxMessage.Status.TO_PRINT
        return outbox, None
    channel = way
    to: str = {
        str(Message.Channel.LETTER): _address(voice),
        str(Message.Channel.EMAIL): voice.contact_email,
    }.get(way, voice.contact_phone)
    rendered = rendered_for(channel)
    outbox.language = rendered.language
    if not to:
        outbox.status = OutboxMessage.Status.FAILED
        return outbox, None
    message = Message(
        kind=Message.Kind.YOU_SAID_WE_DID,
        channel=channel,
        to=to,
        subject=rendered.subject,
        body=rendered.body.replace(stopping.LINK_MARK, stopping.link(voice)),
    )
    return outbox, message


@dataclass(frozen=True)
class FanOut:
    queued: int  # new messages handed to Notify's queue
    to_print: int  # new letters to print and post
    already_owed: int  # contributors owed it before this run (a retry)
    withdrawn: int  # linked contributors who withdrew, not contacted


def contributors(action: Action) -> QuerySet[Voice]:
    """Every voice whose giver is owed the action's updates: linked to its insight, asked
    to be told, not withdrawn. Asked as "among the insight's voices" (a semi-join), so
    each voice comes once without DISTINCT: counting 100,000 of them in the publish
    request was the request's main cost (issue 25). One person may have given several
    of them: ``one_per_address``."""
    linked = Insight.voices.through.objects.filter(insight_id=action.insight_id)
    return Voice.objects.to_contact_back().filter(pk__in=linked.values("voice_id")).order_by("pk")


def one_per_address(voices: QuerySet[Voice]) -> QuerySet[Voice]:
    """Of ``voices`` that share a way of being reached (``Voice.contact_key``: one mobile
    number, email address or postal address), only the latest: one person who gave
    three voices by text from one phone gets one message, in the format and language
    they asked for last (found by a fresh-eyes trial of issue 25: the same update sent
    three times to one number). A voice with no address stands for itself."""
    later = voices.filter(contact_key=OuterRef("contact_key"), pk__gt=OuterRef("pk"))
    return voices.exclude(Q(Exists(later)) & ~Q(contact_key=""))


def _not_made(update: Update, voices: QuerySet[Voice]) -> QuerySet[Voice]:
    owed_at = OutboxMessage.objects.filter(
        update=update, voice__contact_key=OuterRef("contact_key")
    )
    return voices.exclude(outbox__update=update).exclude(Q(Exists(owed_at)) & ~Q(contact_key=""))


def _owed_and_not_made(update: Update) -> QuerySet[Voice]:
    return _not_made(update, one_per_address(contributors(update.action)))


def held_for_an_alert() -> Q:
    """A voice whose giver has a risk alert the duty team has not yet acknowledged, on
    this voice or on another from the same address: a routine "you said, we did" is not
    sent to someone whose message about risk no one has answered yet (a fresh-eyes trial
    saw one texted beside an open alert). Acknowledging the alert lets it go
    (``receivers.tell_once_acknowledged``)."""
    still_open = RiskAlert.objects.filter(acknowledged_at__isnull=True)
    return Q(Exists(still_open.filter(voice_id=OuterRef("pk")))) | (
        Q(Exists(still_open.filter(voice__contact_key=OuterRef("contact_key"))))
        & ~Q(contact_key="")
    )


def translation_ends(update: Update) -> dt.datetime:
    """Until when contributors who read another language wait for the update in theirs
    (``settings.TRANSLATION_WAIT_HOURS`` after publishing), then are told in English."""
    return update.published_at + dt.timedelta(hours=settings.TRANSLATION_WAIT_HOURS)


def held_for_translation(update: Update, now: dt.datetime | None = None) -> Q:
    """A contributor who reads a language the update is not yet translated into, while
    the wait for a translation lasts: a translation can be entered only once the update
    is published, and the messages went within seconds, so every Welsh reader was told
    in English (helper-83). Entering it tells them in theirs (``translate_update``)."""
    if update.published_at is None or translation_ends(update) <= (now or timezone.now()):
        return Q(pk__in=[])  # nobody
    other = ~Q(language="") & ~Q(language__iexact="en") & ~Q(language__istartswith="en-")
    for language in update.translations.values_list("language", flat=True):
        other &= ~(Q(language__iexact=language) | Q(language__istartswith=f"{language}-"))
    return other


def not_yet_owed(update: Update, now: dt.datetime | None = None) -> QuerySet[Voice]:
    """The contributors the update is owed to whose message is not made: one per address,
    leaving out anyone whose address is already owed it through another of their voices
    (a voice linked after the update was published, by the same person), anyone held
    while their risk alert is open (``held_for_an_alert``), and anyone waiting for the
    update in their language (``held_for_translation``)."""
    return (
        _owed_and_not_made(update)
        .exclude(held_for_an_alert())
        .exclude(held_for_translation(update, now))
    )


def awaiting_translation(update: Update) -> dict[str, int]:
    """How many contributors wait for the update in each language (not those held for a
    risk alert, counted apart), so the page can say which translation they wait for."""
    waiting = _owed_and_not_made(update).filter(held_for_translation(update))
    counts: dict[str, int] = {}
    for language, n in (
        waiting.exclude(held_for_an_alert())
        .order_by()
        .values_list("language")
        .annotate(n=Count("pk"))
    ):
        counts[reads(language)] = counts.get(reads(language), 0) + n
    return counts


def held_voices(update: Update) -> QuerySet[Voice]:
    """The contributors the update waits for while their risk alert is open: looked for
    from the few open alerts, not among every contributor (an action's page asks)."""
    still_open = RiskAlert.objects.filter(acknowledged_at__isnull=True)
    theirs = contributors(update.action).filter(
        Q(pk__in=still_open.values("voice_id"))
        | Q(contact_key__in=still_open.exclude(voice__contact_key="").values("voice__contact_key"))
    )
    return _not_made(update, one_per_address(theirs))


def _theirs(voice: Voice) -> Q:
    """``voice`` and every other voice from its giver's address."""
    return Q(pk=voice.pk) | (Q(contact_key=voice.contact_key) & ~Q(contact_key=""))


def updates_of_their_insights(voice: Voice) -> QuerySet[Update]:
    """The published updates about the insights behind any voice of ``voice``'s giver."""
    linked = Insight.voices.through.objects.filter(voice__in=Voice.objects.filter(_theirs(voice)))
    return Update.objects.filter(
        fanned_out_at__isnull=False, action__insight_id__in=linked.values("insight_id")
    )


def updates_held_for(voice: Voice) -> int:
    """How many published updates ``voice``'s giver asked to be told of and has not been
    sent: what acknowledging their risk alert sends (the alert's page says so, helper-80:
    one went out seconds after an acknowledgement, the duty worker unaware)."""
    if not Voice.objects.to_contact_back().filter(_theirs(voice)).exists():
        return 0
    made = OutboxMessage.objects.filter(
        update=OuterRef("pk"), voice__in=Voice.objects.filter(_theirs(voice))
    )
    return updates_of_their_insights(voice).exclude(Exists(made)).count()


def held(update: Update) -> int:
    return held_voices(update).count()


def people(voices: QuerySet[Voice]) -> int:
    """How many people gave ``voices``, as far as can be told: voices that share an
    address count once; each voice without one counts as one person."""
    counts = voices.order_by().aggregate(
        keys=Count("contact_key", distinct=True, filter=~Q(contact_key="")),
        without=Count("pk", filter=Q(contact_key="")),
    )
    return int(counts["keys"]) + int(counts["without"])


def fan_out(
    update: Update,
    *,
    chunk: int | None = None,
    enqueue: bool = True,
    now: dt.datetime | None = None,
) -> FanOut:
    """Owe the update to every consenting contributor not already owed it. Idempotent.

    Run by the ``tell_contributors`` task, outside any transaction: each chunk commits on
    its own (with its messages, then handed to be sent), so a crash keeps what was done
    and a second run finishes the rest. A chunk another run made first is refused by the
    unique update and voice (``one_message_per_update_voice``), rolled back whole, and
    looked for again, so no contributor gets a second message for one update. Audio is
    made first for the languages that need it.
    """
    chunk = chunk or CHUNK
    owed_to = not_yet_owed(update, now)
    for language in {v.language for v in owed_to.filter(contact_format=Format.AUDIO)}:
        make_audio(update, words_for(update, language).language)
    before = update.outbox.count()
    queued = to_print = 0
    renders: Renders = {}
    after = 0
    refused: list[int] = []
    while True:
        batch = list(owed_to.filter(pk__gt=after)[:chunk])
        if not batch:
            break
        try:
            with transaction.atomic():
                owed = [_owed(update, voice, renders) for voice in batch]
                messages = [m for _, m in owed if m is not None]
                services.queue_many(messages, send=enqueue)
                for outbox, message in owed:
                    outbox.message = message
                OutboxMessage.objects.bulk_create([o for o, _ in owed])
        except IntegrityError:
            if [v.pk for v in batch] == refused:
                raise  # refused twice with nothing made meanwhile: not another run's doing
            refused = [v.pk for v in batch]
            continue  # another run owed some of these first: look again at what is left
        after = batch[-1].pk
        queued += len(messages)
        to_print += sum(o.status == OutboxMessage.Status.TO_PRINT for o, _ in owed)
    # How many were owed it, and how many had withdrawn before, stay as publishing counted
    # them: one who withdraws after publishing is counted by ``progress`` as withdrawn
    # after it was owed, whether or not the fan-out had made their message yet.
    withdrawn = Insight.objects.get(pk=update.action.insight_id).withdrawn_contributors
    Update.objects.filter(pk=update.pk).update(
        fanned_out_at=Coalesce("fanned_out_at", timezone.now())
    )
    update.refresh_from_db(fields=["fanned_out_at"])
    return FanOut(queued=queued, to_print=to_print, already_owed=before, withdrawn=withdrawn)


STALLED_AFTER = dt.timedelta(minutes=10)


def stalled_fan_outs(now: dt.datetime) -> QuerySet[Update]:
    """Updates whose fan-out has not finished and has made nothing for ``STALLED_AFTER``:
    the worker running it died, or no worker ran it. A fan-out still going commits a
    chunk every few seconds, so it is never taken for stalled."""
    cutoff = now - STALLED_AFTER
    return (
        Update.objects.filter(fanned_out_at__isnull=True, published_at__lt=cutoff)
        .annotate(last_made=Max("outbox__queued_at"))
        .filter(Q(last_made__isnull=True) | Q(last_made__lt=cutoff))
        .order_by("published_at")
    )


def finish_stalled_fan_outs(now: dt.datetime | None = None) -> list[FanOut]:
    """Run again each stalled fan-out: it keeps what was made and makes only the rest;
    and each whose wait for a translation ended lately, to tell in English those still
    waiting (run every minute, a quarter of an hour's window covers a missed run)."""
    now = now or timezone.now()
    waited = now - dt.timedelta(hours=settings.TRANSLATION_WAIT_HOURS)
    lately = Update.objects.filter(
        fanned_out_at__isnull=False,
        published_at__lte=waited,
        published_at__gt=waited - dt.timedelta(minutes=15),
    )
    # Only those with someone still waiting: not every update of the window every minute.
    waiting = [update for update in lately if _owed_and_not_made(update).exists()]
    return [fan_out(update, now=now) for update in [*stalled_fan_outs(now), *waiting]]


@dataclass(frozen=True)
class Progress:
    """How far telling an update's contributors has gone, for the staff page that
    follows it while the tasks run."""

    owed: int  # contributors owed it
    told: int  # a message sent or delivered, or a letter posted
    waiting: int  # message not made yet, queued, being sent, or a letter to print
    to_print: int  # of those waiting, letters the team prints and posts (never sent)
    failed: int  # the message failed, or there was no address to send it to
    withdrawn: int  # withdrew their feedback after it was owed: not contacted
    stopped: int  # stopped these messages before it reached them: not contacted
    messages_made: bool  # every contributor's message is made (the fan-out finished)
    held: int = 0  # not made while their risk alert is open (``held_for_an_alert``)
    awaiting_translation: int = 0  # waiting for it in their language (``held_for_translation``)
    awaiting_languages: tuple[str, ...] = ()  # the languages they wait for it in
    translation_ends: dt.datetime | None = None  # then told in English

    @property
    def finished(self) -> bool:
        return (
            self.messages_made
            and self.waiting == 0
            and self.held == 0
            and self.awaiting_translation == 0
        )


TOLD = {Message.Status.SENT, Message.Status.DELIVERED, OutboxMessage.Status.SENT}
FAILED = {Message.Status.FAILED, OutboxMessage.Status.FAILED}
WITHDRAWN = {Message.Status.CANCELLED, OutboxMessage.Status.CANCELLED}


def progress(update: Update) -> Progress:
    """Counted in the database, one row a status, however many contributors."""
    counts = dict(
        update.outbox.order_by()
        .annotate(
            state=Case(
                When(status=OutboxMessage.Status.STOPPED, then=Value("stopped")),
                default=Coalesce("message__status", "status"),
            )
        )
        .values_list("state")
        .annotate(n=Count("pk"))
    )
    made = sum(counts.values())
    told = sum(n for state, n in counts.items() if state in TOLD)
    failed = sum(n for state, n in counts.items() if state in FAILED)
    cancelled = sum(n for state, n in counts.items() if state in WITHDRAWN)
    stopped = counts.get("stopped", 0)
    # Owed at publishing but no message made: not made yet, or (once the fan-out is done)
    # they withdrew between publishing and the fan-out reaching them.
    waiting_on_alerts = held(update)
    by_language = awaiting_translation(update)
    translating = sum(by_language.values())
    missing = max(update.owed_to - made - waiting_on_alerts - translating, 0)
    finished = update.fanned_out_at is not None
    return Progress(
        owed=max(update.owed_to, made + waiting_on_alerts),
        told=told,
        waiting=made - told - failed - cancelled - stopped + (0 if finished else missing),
        to_print=counts.get(OutboxMessage.Status.TO_PRINT, 0),
        failed=failed,
        withdrawn=cancelled + (missing if finished else 0),
        stopped=stopped,
        messages_made=finished,
        held=waiting_on_alerts,
        awaiting_translation=translating,
        awaiting_languages=tuple(sorted(by_language)),
        translation_ends=translation_ends(update) if translating else None,
    )


# A preview, before anything is published or sent ------------------------------------


@dataclass(frozen=True)
class Copy:
    """A new update as the contributors who share a way of being reached, a format and a
    language will receive it, made by the same functions as the real messages."""

    way: str  # Message.Channel (sms, email, letter) or PRINTED
    format: str
    language: str  # the language they read
    words_language: str  # the language the words are in: English until a translation
    contributors: int
    subject: str = ""
    body: str = ""  # a text message, an email or a Notify letter
    lines: tuple[str, ...] = ()  # a letter the team prints
    audio_link: str = ""

    def key(self) -> tuple[str, ...]:
        return (self.way, self.format, self.language, self.subject, self.body, *self.lines)


def preview_copies(
    action: Action,
    you_said: str,
    we_did: str,
    easy_read: str,
    *,
    language: str = "en",
    update: Update | None = None,
) -> list[Copy]:
    """Every version the action's contributors would get if these (masked) words were
    published now: one for each way, format and language among them, with how many get
    it. An update is published in English; a translation entered later (``language``,
    of the published ``update``) reaches those who read that language and are not yet
    told (ADR 0008): they wait for it (``held_for_translation``), then get English."""
    counts: dict[tuple[str, str, str], int] = {}
    owed = one_per_address(contributors(action))
    if update is not None:  # those waiting for it in this language (``held_for_translation``)
        owed = _owed_and_not_made(update).exclude(held_for_an_alert()).filter(language=language)
    groups = (
        owed.order_by()
        .values_list("contact_channel", "contact_format", "language")
        .annotate(n=Count("pk"))  # each person once (``one_per_address``)
    )
    for channel, fmt, reader, n in groups:
        fmt = fmt or Format.STANDARD
        key = (way_for(channel, fmt), fmt, reads(reader))
        counts[key] = counts.get(key, 0) + n
    copies = []
    for (way, fmt, reader), n in sorted(counts.items()):
        words = YouSaidWeDid(
            you_said=you_said,
            we_did=we_did,
            language=language,
            link=public_link(update, fmt, language),
            audio_link=audio_link(update, language),
            easy_read=easy_read if language == "en" else "",
            stop_link=stopping.PREVIEW_LINK,
            signed_by=settings.TRUST_NAME,
            status=action.status,
        )
        listen = words.audio_link if fmt == Format.AUDIO else ""
        if way == PRINTED:
            lines = tuple(formats.letter_lines(words, fmt))
            copies.append(Copy(way, fmt, reader, language, n, lines=lines, audio_link=listen))
        else:
            rendered = formats.render(words, fmt, way)
            copies.append(
                Copy(way, fmt, reader, language, n, rendered.subject, rendered.body, (), listen)
            )
    return copies


def preview_audio_path(digest: str) -> Path:
    return Path(settings.MEDIA_ROOT) / "previews" / f"preview-{digest}.wav"


def make_preview_audio(
    digest: str, you_said: str, we_did: str, status: str = "done"
) -> Path | None:
    """The audio version of a preview, as ``make_audio`` will make it once published."""
    words = YouSaidWeDid(you_said, we_did, "en", "", status=status)
    return formats.speak(formats.audio_script(words), "en", preview_audio_path(digest))
