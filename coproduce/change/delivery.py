"""Telling contributors what changed: each on their channel, in their format and language.

An update is owed to every contributor whose voice is linked to the action's insight and
who asked to be told (``Voice.objects.to_contact_back``). Publishing commits the update
and how many are owed it; the fan-out is a task run after that commit
(``coproduce.change.tasks.tell_contributors``), never inside the request. Each
contributor is owed it once: an ``OutboxMessage`` per update and voice (unique), made in
chunks, each chunk committed in its own transaction with the ``Message`` that carries it
and then handed to be sent. Fanning out again, after a crash or a retry, or two runs at
once, makes only what is missing. Sending is the messaging layer's: claimed before
Notify is called, and Notify asked for the message's reference before any resend, so no
one gets the same update twice (``coproduce.voices.messaging``).

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
import os
import re
import secrets
import shutil
import subprocess
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation

from coproduce.change.models import Action, Insight, OutboxMessage, Update
from coproduce.lib.formats import Format
from coproduce.voices import wording
from coproduce.voices.models import Message, Voice

logger = logging.getLogger(__name__)

SMS_PART = 300  # Each of "you said" and "we did" in a text message, at most.
BRAILLE_WIDTH = 40  # Characters a line on a standard Braille embosser page.
CHUNK = 1000
PRINTED_FORMATS = frozenset({Format.LARGE_PRINT, Format.EASY_READ, Format.BRAILLE, Format.AUDIO})
ESPEAK_VOICES = {"en": "en-gb", "cy": "cy"}


@dataclass(frozen=True)
class Words:
    you_said: str
    we_did: str
    language: str  # the language the words are in


def words_for(update: Update, language: str) -> Words:
    """The update in the contributor's language if a translation was entered, else English."""
    if language != "en":
        for entered in update.translations.all():
            if entered.language == language:
                return Words(entered.you_said, entered.we_did, language)
    return Words(update.you_said, update.we_did, "en")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]


def easy_read_lines(update: Update, words: Words) -> list[str]:
    """Easy Read: short sentences, one a line, under plain headings. A version a person
    wrote wins over one made from the texts."""
    if update.easy_read.strip() and words.language == "en":
        body = [line.strip() for line in update.easy_read.splitlines() if line.strip()]
    else:
        body = []
        with translation.override(words.language):
            body.append(translation.gettext("You told us:"))
            body += sentences(words.you_said)
            body.append(translation.gettext("What we did:"))
            body += sentences(words.we_did)
    return body


def braille_ready(text: str, width: int = BRAILLE_WIDTH) -> str:
    """Plain characters only and short lines, for a Braille embosser or a screen reader."""
    plain = (
        text.replace("\u2018", "'")
        .replace("\u2019", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2026", "...")
    )
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    paragraphs = [p for p in plain.splitlines() if p.strip()]
    return "\n".join(textwrap.fill(p, width=width) for p in paragraphs)


def public_link(update: Update, fmt: str = Format.STANDARD, language: str = "en") -> str:
    # English is the default language, served without a language prefix.
    with translation.override(None if language == "en" else language):
        path = reverse("show_update", args=[update.pk])
    suffix = {
        Format.LARGE_PRINT: "?format=large-print",
        Format.EASY_READ: "?format=easy-read",
        Format.BRAILLE: "?format=braille-ready",
    }.get(Format(fmt) if fmt in Format.values else Format.STANDARD, "")
    return f"{settings.PUBLIC_BASE_URL}{path}{suffix}"


def audio_path(update: Update, language: str) -> Path:
    return Path(settings.MEDIA_ROOT) / "updates" / f"update-{update.pk}-{language}.wav"


def audio_link(update: Update, language: str) -> str:
    with translation.override(None):
        path = reverse("update_audio", args=[update.pk, language])
    return f"{settings.PUBLIC_BASE_URL}{path}"


def make_audio(update: Update, language: str, *, again: bool = False) -> Path | None:
    """Speak the update to a WAV file with espeak-ng, offline. None if espeak-ng is missing
    (the contributor still gets the words, and the log says why there is no audio).

    Run by tasks, never in a request (espeak may take up to two minutes). ``again`` makes
    it afresh (a translation entered again); until the new file is whole, the old one is
    served. Two tasks making the same file at once each write their own partial file."""
    path = audio_path(update, language)
    if path.exists() and not again:
        return path
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        logger.error("espeak-ng is not installed: update %s has no audio", update.pk)
        return None
    words = words_for(update, language)
    with translation.override(words.language):
        script = "\n".join(
            [
                translation.gettext("You said, we did."),
                translation.gettext("You told us:"),
                words.you_said,
                translation.gettext("What we did:"),
                words.we_did,
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}-{secrets.token_hex(4)}.partial")
    try:
        subprocess.run(  # noqa: S603 - a fixed program, the words on standard input
            [
                espeak,
                "-v",
                ESPEAK_VOICES.get(words.language, "en-gb"),
                "-s",
                "150",
                "-w",
                str(partial),
            ],
            input=script,
            text=True,
            check=True,
            timeout=120,
            capture_output=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        # The words still go out; only the audio is missing, and the log says so.
        logger.error("update %s: espeak-ng failed (%s)", update.pk, type(error).__name__)
        partial.unlink(missing_ok=True)
        return None
    partial.rename(path)
    return path


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    language: str


def render(update: Update, fmt: str, language: str, channel: str) -> Rendered:
    """The message for one contributor, in their format and language, for their channel."""
    words = words_for(update, language)
    you_said, we_did = words.you_said, words.we_did
    if channel == Message.Channel.SMS:
        # A text stays short; the full update (in their format) is one tap away.
        you_said, we_did = (
            t if len(t) <= SMS_PART else t[: SMS_PART - 1].rstrip() + "…"
            for t in (you_said, we_did)
        )
    link = public_link(update, fmt, words.language)
    standard = wording.you_said_we_did(words.language, you_said, we_did, link)
    if fmt == Format.EASY_READ:
        lines = easy_read_lines(update, Words(you_said, we_did, words.language))
        body = "\n\n".join([*lines, link])
    elif fmt == Format.BRAILLE:
        body = braille_ready(standard.body)
    elif fmt == Format.AUDIO:
        with translation.override(words.language):
            listen = translation.gettext("Listen to it: {link}").format(
                link=audio_link(update, words.language)
            )
        body = f"{listen}\n\n{standard.body}"
    else:
        body = standard.body
    return Rendered(standard.subject, body, words.language)


def letter_lines(update: Update, fmt: str, language: str) -> list[str]:
    """A printed letter's words in the contributor's format (the page sets large print)."""
    words = words_for(update, language)
    if fmt == Format.EASY_READ:
        return easy_read_lines(update, words)
    standard = wording.you_said_we_did(
        words.language, words.you_said, words.we_did, public_link(update, fmt, words.language)
    )
    if fmt == Format.BRAILLE:
        return braille_ready(standard.body).splitlines()
    with translation.override(words.language):
        return [
            translation.gettext("You told us:"),
            words.you_said,
            translation.gettext("What we did:"),
            words.we_did,
        ]


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
    if voice.contact_channel == Voice.ContactChannel.POST:
        if fmt in PRINTED_FORMATS or not settings.NOTIFY_LETTER_TEMPLATE_ID:
            rendered = rendered_for(Message.Channel.LETTER)
            outbox.language = rendered.language
            outbox.status = OutboxMessage.Status.TO_PRINT
            return outbox, None
        channel, to = Message.Channel.LETTER, _address(voice)
    elif voice.contact_channel == Voice.ContactChannel.EMAIL:
        channel, to = Message.Channel.EMAIL, voice.contact_email
    else:
        channel, to = Message.Channel.SMS, voice.contact_phone
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
        body=rendered.body,
        voice=voice,
    )
    return outbox, message


@dataclass(frozen=True)
class FanOut:
    queued: int  # new messages handed to Notify's queue
    to_print: int  # new letters to print and post
    already_owed: int  # contributors owed it before this run (a retry)
    withdrawn: int  # linked contributors who withdrew, not contacted


def contributors(action: Action) -> QuerySet[Voice]:
    """Everyone owed the action's updates: linked to its insight, asked to be told, not
    withdrawn."""
    return (
        Voice.objects.to_contact_back().filter(insights__actions=action).distinct().order_by("pk")
    )


def fan_out(update: Update, *, chunk: int | None = None, enqueue: bool = True) -> FanOut:
    """Owe the update to every consenting contributor not already owed it. Idempotent.

    Run by the ``tell_contributors`` task, outside any transaction: each chunk commits on
    its own (with its messages, then handed to be sent), so a crash keeps what was done
    and a second run finishes the rest. A chunk another run made first is refused by the
    unique update and voice (``one_message_per_update_voice``), rolled back whole, and
    looked for again, so no contributor gets a second message for one update. Audio is
    made first for the languages that need it.
    """
    chunk = chunk or CHUNK
    owed_to = contributors(update.action)
    for language in {v.language for v in owed_to.filter(contact_format=Format.AUDIO)}:
        make_audio(update, words_for(update, language).language)
    before = update.outbox.count()
    queued = to_print = 0
    renders: Renders = {}
    after = 0
    refused: list[int] = []
    while True:
        batch = list(owed_to.filter(pk__gt=after).exclude(outbox__update=update)[:chunk])
        if not batch:
            break
        try:
            with transaction.atomic():
                owed = [_owed(update, voice, renders) for voice in batch]
                messages = [m for _, m in owed if m is not None]
                Message.objects.bulk_create(messages)
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
        if enqueue and messages:
            _send_when_committed([m.pk for m in messages])
    withdrawn = Insight.objects.get(pk=update.action.insight_id).withdrawn_contributors
    Update.objects.filter(pk=update.pk).update(
        withdrawn_not_contacted=withdrawn,
        owed_to=update.outbox.count(),
        fanned_out_at=Coalesce("fanned_out_at", timezone.now()),
    )
    update.refresh_from_db(fields=["withdrawn_not_contacted", "owed_to", "fanned_out_at"])
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
    """Run again each stalled fan-out: it keeps what was made and makes only the rest."""
    return [
        fan_out(update)
        for update in stalled_fan_outs(now or timezone.now()).select_related("action")
    ]


def _send_when_committed(message_ids: list[object]) -> None:
    from coproduce.change.tasks import deliver_messages

    ids = [str(pk) for pk in message_ids]
    transaction.on_commit(lambda: deliver_messages.enqueue(ids))


@dataclass(frozen=True)
class Progress:
    """How far telling an update's contributors has gone, for the staff page that
    follows it while the tasks run."""

    owed: int  # contributors owed it
    told: int  # a message sent or delivered, or a letter posted
    waiting: int  # message not made yet, queued, being sent, or a letter to print
    failed: int  # the message failed, or there was no address to send it to
    withdrawn: int  # withdrew their feedback after it was owed: not contacted
    messages_made: bool  # every contributor's message is made (the fan-out finished)

    @property
    def finished(self) -> bool:
        return self.messages_made and self.waiting == 0


TOLD = {Message.Status.SENT, Message.Status.DELIVERED, OutboxMessage.Status.SENT}
FAILED = {Message.Status.FAILED, OutboxMessage.Status.FAILED}
WITHDRAWN = {Message.Status.CANCELLED, OutboxMessage.Status.CANCELLED}


def progress(update: Update) -> Progress:
    """Counted in the database, one row a status, however many contributors."""
    counts = dict(
        update.outbox.order_by()
        .annotate(state=Coalesce("message__status", "status"))
        .values_list("state")
        .annotate(n=Count("pk"))
    )
    made = sum(counts.values())
    told = sum(n for state, n in counts.items() if state in TOLD)
    failed = sum(n for state, n in counts.items() if state in FAILED)
    withdrawn = sum(n for state, n in counts.items() if state in WITHDRAWN)
    not_made = 0 if update.fanned_out_at else max(update.owed_to - made, 0)
    return Progress(
        owed=max(update.owed_to, made),
        told=told,
        waiting=made - told - failed - withdrawn + not_made,
        failed=failed,
        withdrawn=withdrawn,
        messages_made=update.fanned_out_at is not None,
    )
