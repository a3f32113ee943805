"""Reading a text message that GOV.UK Notify hands us, whatever state its fields are in.

A text to the service may come from a person in crisis, so it is never refused for the
shape of a field (hazard H41): Notify retries a refused callback a few times and then
drops it. Every field is read defensively and what could not be read is said in a note
kept with the voice:

- the words: anything that is not text is written out as text; characters that cannot
  be stored (NUL, other control characters, lone surrogates) are removed;
- ``date_received``: one that cannot be read, or that is impossible for a text Notify has
  just passed on (in the future, or older than the seven days Notify keeps received
  texts), is replaced by the time it reached us;
- ``source_number``: without one the words are stored and no reply can be sent;
- ``id``: without Notify's id, one is made from the number, date and words, so a retried
  callback is still stored once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from coproduce.lib.dates import in_the_future
from coproduce.lib.forms import visible
from coproduce.lib.validators import remove_unstorable

MAX_WORDS = 5000  # Notify's longest text is 918 characters; anything longer is not a text
NOTIFY_KEEPS_TEXTS = dt.timedelta(days=7)
NOTE_LENGTH = 200  # Voice.source_detail


@dataclass(frozen=True)
class InboundText:
    notify_id: str
    source_number: str
    text: str
    received_at: dt.datetime
    # Plain words for staff, kept on the voice: what could not be read and what was done.
    notes: tuple[str, ...] = ()
    # The names of the fields that were not as Notify documents them (for the log).
    malformed: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        joined = " ".join(self.notes)
        return joined if len(joined) <= NOTE_LENGTH else joined[: NOTE_LENGTH - 1] + "…"


def _as_text(value: Any) -> tuple[str, bool]:
    """The value as text, and whether it was text to begin with (None is no value)."""
    if value is None:
        return "", True
    if isinstance(value, str):
        return value, True
    if isinstance(value, bool | int | float):
        return str(value), False
    return json.dumps(value, ensure_ascii=False, default=str), False


def _clean(value: Any) -> tuple[str, int, bool]:
    """(text without unstorable characters, how many were removed, whether it was text)."""
    text, was_text = _as_text(value)
    cleaned, removed = remove_unstorable(text)
    return cleaned, removed, was_text


def _shown(value: Any) -> str:
    """A malformed value as it may be quoted in a note: readable, and short."""
    text = _clean(value)[0].strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _date(value: Any, now: dt.datetime) -> tuple[dt.datetime | None, str]:
    """Notify's date received, or None with the reason it cannot be used."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, "Notify sent no date received"
    if not isinstance(value, str):
        return None, f"Notify's date received ({_shown(value)}) is not a date"
    try:
        moment = parse_datetime(remove_unstorable(value)[0].strip())
        if moment is None:
            return None, f"Notify's date received ({_shown(value)}) is not a date"
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, dt.UTC)  # Notify's times are UTC
        if in_the_future(moment, now=now):
            return None, f"Notify's date received ({_shown(value)}) is in the future"
        if moment < now - NOTIFY_KEEPS_TEXTS:
            return None, f"Notify's date received ({_shown(value)}) is too long ago"
    except (ValueError, OverflowError):
        # parse_datetime raises ValueError for a date that is well formed but impossible
        # (30 February); comparing a date at the edge of the calendar can overflow.
        return None, f"Notify's date received ({_shown(value)}) is not a possible date"
    return moment, ""


def read_inbound_text(fields: Mapping[str, Any], now: dt.datetime | None = None) -> InboundText:
    """What Notify's received-text callback says, read so that nothing is lost."""
    now = now or timezone.now()
    notes: list[str] = []
    malformed: list[str] = []

    words, removed, was_text = _clean(fields.get("message"))
    if not was_text:
        malformed.append("message")
        notes.append("The message came as something other than text and is shown as sent.")
    if removed:
        malformed.append("message")
        notes.append(f"{removed} character(s) that cannot be stored were removed.")
    # Read as it can be seen, as every form reads a text: controls that reverse how the
    # words read ("desrever" shown for "reversed") and invisible ends are dropped.
    if visible(words) != words.strip():
        notes.append("Invisible characters, or controls that reverse how it reads, were removed.")
    words = visible(words)
    if len(words) > MAX_WORDS:
        malformed.append("message")
        notes.append(f"Only the first {MAX_WORDS:,} characters were kept.")
        words = words[:MAX_WORDS]

    number, removed, was_text = _clean(fields.get("source_number"))
    number = number.strip()
    if not number:
        malformed.append("source_number")
        notes.append("No number came with it, so no reply could be sent.")
    elif removed or not was_text or len(number) > 32:
        malformed.append("source_number")
        number = number[:32]

    received_at, problem = _date(fields.get("date_received"), now)
    if received_at is None:
        malformed.append("date_received")
        notes.append(f"{problem}: the time it reached us is used.")
        received_at = now

    notify_id, removed, was_text = _clean(fields.get("id"))
    notify_id = notify_id.strip()[:64]
    if removed or not was_text or not notify_id:
        malformed.append("id")
    if not notify_id:
        # Notify retries with the same body, so the same words from the same number at the
        # same time are the same text.
        same = json.dumps(
            [_as_text(fields.get(k))[0] for k in ("source_number", "date_received", "message")]
        )
        notify_id = "no-id-" + hashlib.sha256(same.encode("utf-8", "replace")).hexdigest()[:58]
        notes.append("Notify sent no id for it.")

    return InboundText(
        notify_id=notify_id,
        source_number=number,
        text=words,
        received_at=received_at,
        notes=tuple(notes),
        malformed=tuple(dict.fromkeys(malformed)),
    )
