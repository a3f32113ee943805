"""An update's words in the format a person asked for: standard, large print, Easy
Read, Braille-ready text or audio, on a text message, an email or a letter.

The words come from the caller (the update in one language, and the links to read and
hear it); this module only shapes them. Large print is the letters page's type size;
Easy Read is short sentences, one a line, under plain headings; Braille-ready is plain
characters in short lines for an embosser or a screen reader; audio is a WAV file made
offline by espeak-ng and linked from the message.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import subprocess
import textwrap
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from django.utils import translation

from coproduce.lib.formats import Format
from coproduce.messaging import wording
from coproduce.messaging.models import Message

logger = logging.getLogger(__name__)

SMS_PART = 300  # Each of "you said" and "we did" in a text message, at most.
BRAILLE_WIDTH = 40  # Characters a line on a standard Braille embosser page.
ESPEAK_VOICES = {"en": "en-gb", "cy": "cy"}
# Formats the team prints and posts: Notify's letters are standard print only.
PRINTED_FORMATS = frozenset({Format.LARGE_PRINT, Format.EASY_READ, Format.BRAILLE, Format.AUDIO})


@dataclass(frozen=True)
class YouSaidWeDid:
    """An update's words in one language, and where to read and hear them."""

    you_said: str
    we_did: str
    language: str  # the language the words are in
    link: str  # the update on the public site, in the person's format
    audio_link: str = ""
    # An Easy Read version a person wrote, one sentence a line (wins over one made here).
    easy_read: str = ""
    # How to stop these messages (the person's own link, or where it goes), and who sends them.
    stop_link: str = ""
    signed_by: str = ""
    # The action's status: what was done is headed as planned, being done or done.
    status: str = "done"


def we_did_label(status: str) -> str:
    """The label over what was done, in the active language, as true as the action's
    status (helper-84: an Easy Read letter said "What we did:" over a plan)."""
    if status == "planned":
        return translation.gettext("What we plan to do:")
    if status == "in_progress":
        return translation.gettext("What we are doing:")
    return translation.gettext("What we did:")


def we_did_labels(language: str) -> frozenset[str]:
    """Every label over what was done, in ``language``: a line that is one is a heading."""
    with translation.override(language):
        return frozenset(we_did_label(status) for status in ("planned", "in_progress", "done"))


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    language: str


# What every format already says before the words (English and Welsh).
_LEAD_IN = re.compile(
    r"^\s*(?:you told us|you said|dywedoch wrthym)(?: that| fod)?\s*[:,]?\s+", re.I
)


def without_lead_in(text: str) -> str:
    """``text`` without a leading "You told us (that)" that its label already says."""
    rest = _LEAD_IN.sub("", text, count=1)
    if rest == text or not rest:
        return text
    return rest[:1].upper() + rest[1:]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]


def easy_read_lines(words: YouSaidWeDid) -> list[str]:
    """Easy Read: short sentences, one a line, under plain headings. A version a person
    wrote wins over one made from the texts."""
    if words.easy_read.strip():
        return [line.strip() for line in words.easy_read.splitlines() if line.strip()]
    with translation.override(words.language):
        return [
            translation.gettext("You told us:"),
            *sentences(words.you_said),
            we_did_label(words.status),
            *sentences(words.we_did),
        ]


# A web address, kept whole in Braille-ready text, with the invisible marks around the
# place a person's own link goes (``change.stopping.LINK_MARK``).
_ADDRESS = re.compile(r"https?://\S+|\u2063[^\u2063\s]*\u2063")


def braille_ready(text: str, width: int = BRAILLE_WIDTH) -> str:
    """Plain characters and short lines, for a Braille embosser or a screen reader:
    typographic quotes and dashes made plain, symbols and emoji left out, but every letter
    kept as it is written: Welsh "ŵ" is not "w" (a fresh-eyes trial read "dwr" for
    "dŵr"), and Braille translation writes accented letters in their own cells. A web
    address is kept whole, on a line of its own if it is long: helper-85's email read
    "?formatbraille-ready" split over two lines, and "To stop these messages: stop-link"
    where their own link should have been."""
    addresses = _ADDRESS.findall(text)
    between = _ADDRESS.split(text)
    return _wrapped(
        "".join(
            _plain(part) + (addresses[n] if n < len(addresses) else "")
            for n, part in enumerate(between)
        ),
        width,
    )


def _wrapped(text: str, width: int) -> str:
    paragraphs = [" ".join(p.split()) for p in text.splitlines() if p.strip()]
    return "\n".join(
        textwrap.fill(p, width=width, break_long_words=False, break_on_hyphens=False)
        for p in paragraphs
    )


def _plain(text: str) -> str:
    plain = (
        text.replace("\u2018", "'")
        .replace("\u2019", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2026", "...")
    )
    return "".join(
        c
        for c in unicodedata.normalize("NFKC", plain)
        if unicodedata.category(c)[0] in "LNPZ" or c == "\n"
    )


def braille_page(you_said: str, we_did: str, language: str, status: str = "done") -> str:
    """The update's Braille-ready text on its public page (and in its preview)."""
    with translation.override(language):
        return braille_ready(
            "\n".join(
                [
                    translation.gettext("You told us:"),
                    you_said,
                    we_did_label(status),
                    we_did,
                ]
            )
        )


def _shortened(words: YouSaidWeDid) -> YouSaidWeDid:
    """A text stays short; the full update (in the person's format) is one tap away."""
    you_said, we_did = (
        t if len(t) <= SMS_PART else t[: SMS_PART - 1].rstrip() + "…"
        for t in (words.you_said, words.we_did)
    )
    return replace(words, you_said=you_said, we_did=we_did)


def _standard(words: YouSaidWeDid) -> wording.Wording:
    return wording.you_said_we_did(
        words.language,
        words.you_said,
        words.we_did,
        words.link,
        words.stop_link,
        words.signed_by,
        words.status,
    )


def _stop_and_sender(words: YouSaidWeDid) -> str:
    return wording.stop_and_sender(words.language, words.stop_link, words.signed_by)


def render(words: YouSaidWeDid, fmt: str, channel: str) -> Rendered:
    """The message for one person, in their format, for their channel: a text in one run
    (it is paid by its length), an email a paragraph each (a fresh-eyes trial read one
    run-on paragraph)."""
    if channel == Message.Channel.SMS:
        words = _shortened(words)
    standard = _standard(words)
    if fmt == Format.EASY_READ:
        body = "\n\n".join([*easy_read_lines(words), words.link, _stop_and_sender(words)])
    elif fmt == Format.BRAILLE:
        body = braille_ready(standard.body)
    elif fmt == Format.AUDIO:
        with translation.override(words.language):
            listen = translation.gettext("Listen to it: {link}").format(link=words.audio_link)
        body = f"{listen}\n\n{standard.body}"
    elif channel == Message.Channel.EMAIL:
        body = "\n\n".join(
            [*letter_lines(words, Format.STANDARD)[:-1], words.link, _stop_and_sender(words)]
        )
    else:
        body = standard.body
    return Rendered(standard.subject, body, words.language)


def letter_lines(words: YouSaidWeDid, fmt: str) -> list[str]:
    """A printed letter's words in the person's format (the page sets large print)."""
    if fmt == Format.EASY_READ:
        return [*easy_read_lines(words), _stop_and_sender(words)]
    if fmt == Format.BRAILLE:
        return braille_ready(_standard(words).body).splitlines()
    with translation.override(words.language):
        return [
            translation.gettext("You told us:"),
            words.you_said,
            we_did_label(words.status),
            words.we_did,
            _stop_and_sender(words),
        ]


def audio_script(words: YouSaidWeDid) -> str:
    """What the audio version says."""
    with translation.override(words.language):
        return "\n".join(
            [
                translation.gettext("You said, we did."),
                translation.gettext("You told us:"),
                words.you_said,
                we_did_label(words.status),
                words.we_did,
            ]
        )


def speak(script: str, language: str, path: Path, *, again: bool = False) -> Path | None:
    """Speak ``script`` to a WAV file at ``path`` with espeak-ng, offline. None if
    espeak-ng is missing or fails (the person still gets the words, and the log says why
    there is no audio).

    Run by tasks, never in a request (espeak may take up to two minutes). ``again`` makes
    it afresh (the words changed); until the new file is whole, the old one is served.
    Two tasks making the same file at once each write their own partial file."""
    if path.exists() and not again:
        return path
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        logger.error("espeak-ng is not installed: no audio %s", path.name)
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}-{secrets.token_hex(4)}.partial")
    voice = ESPEAK_VOICES.get(language, "en-gb")
    try:
        subprocess.run(  # noqa: S603 - a fixed program, the words on standard input
            [espeak, "-v", voice, "-s", "150", "-w", str(partial)],
            input=script,
            text=True,
            check=True,
            timeout=120,
            capture_output=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        # The words still go out; only the audio is missing, and the log says so.
        logger.error("no audio %s: espeak-ng failed (%s)", path.name, type(error).__name__)
        partial.unlink(missing_ok=True)
        return None
    partial.rename(path)
    return path
