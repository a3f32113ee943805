"""Rules for free text that the public sends us."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# An HTML tag or comment: "<" followed by a letter, "/" or "!". "I <3 them" is not one.
_MARKUP = re.compile(r"<\s*[/!]?\s*[a-zA-Z][^>]*>|<!--")
# C0 control characters other than tab and line breaks, DEL, and the replacement
# character that stands in for bytes that were not valid text.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


# What cannot be stored or shown as text: C0 controls other than tab and line breaks
# (NUL is refused by PostgreSQL), DEL, C1 controls, and lone surrogates (which cannot be
# encoded as UTF-8 at all).
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def remove_unstorable(value: str) -> tuple[str, int]:
    """The text without characters that cannot be stored, and how many were removed.
    For text we must keep whatever its state (a text message to the crisis service)."""
    cleaned, removed = _UNSTORABLE.subn("", value)
    return cleaned, removed


def says_something(value: str, *, words: int, letters: int) -> bool:
    """Whether text is at least a short sentence: ``words`` words of ``letters`` letters in
    all, and not one character typed over and over ("x", "ok", "aaaaaaaaaaaa")."""
    found = re.findall(r"\w+", value)
    alphanumeric = [c for c in value if c.isalnum()]
    return (
        len(found) >= words
        and len(alphanumeric) >= letters
        and len({c.casefold() for c in alphanumeric}) > 2
    )


def validate_no_markup(value: str) -> None:
    if _MARKUP.search(value):
        raise ValidationError(
            _(
                "Your feedback cannot include code such as HTML tags or scripts. "
                "Remove anything written between < and > and try again."
            ),
            code="markup",
        )


def validate_readable(value: str) -> None:
    if _UNREADABLE.search(value):
        raise ValidationError(
            _(
                "Your feedback has characters we cannot read, which can happen when text is "
                "copied from another program. Remove them, or type the text again."
            ),
            code="unreadable",
        )


UK_MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$")


def ascii_digits(value: str) -> str:
    """Every digit of any script as its ASCII digit (full-width, Arabic-Indic and the rest)."""
    folded = unicodedata.normalize("NFKC", value)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded)


def reply_number(number: str) -> str:
    """A number a text came from, in a form Notify sends to: Notify's inbound callbacks
    give UK numbers as 447700900123, which its send refuses without the plus."""
    digits = re.sub(r"[\s\-()]", "", ascii_digits(number))
    if re.fullmatch(r"44\d{10}", digits):
        return "+" + digits
    return digits


def number_key(number: str) -> str:
    """One form of a phone number for telling two messages came from the same phone:
    Notify gives 447700900123, a person types 07700 900123 or +44 7700 900123."""
    digits = re.sub(r"[^\d+]", "", ascii_digits(number))
    for prefix in ("+44", "0044", "44"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 10:
            return "0" + digits[len(prefix) :]
    return digits


def normalise_uk_mobile(value: str) -> str:
    digits = re.sub(r"[\s\-()]", "", ascii_digits(value))
    if not UK_MOBILE.match(digits):
        raise ValidationError(
            _("Enter a UK mobile number, like 07700 900 982 or +44 7700 900 982."),
            code="mobile",
        )
    return "07" + digits[-9:]
