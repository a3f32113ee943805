"""Rules for what people type, paste or send us: free text, phone numbers, email addresses."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
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


# A word has a letter in it, in any script; numbers alone ("1234 5678") are not words.
_WORD = re.compile(r"\w*[^\W\d_]\w*")


# Words that say nothing a reader can judge on their own: "I have read this", "just
# checking the record now" (fresh-eyes trials met both, accepted as a break-glass reason
# and as what a duty worker did about an overdose).
SAY_NOTHING = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "to",
        "of",
        "for",
        "on",
        "in",
        "at",
        "is",
        "am",
        "i",
        "im",
        "this",
        "that",
        "have",
        "has",
        "had",
        "just",
        "now",
        "ok",
        "okay",
        "fine",
        "done",
        "noted",
        "seen",
        "read",
        "message",
        "record",
        "records",
        "person",
        "patient",
        "details",
        "checking",
        "check",
        "checked",
        "look",
        "looking",
        "view",
        "see",
        "open",
        "need",
        "needed",
        "want",
        "urgent",
        "urgently",
        "please",
        "acknowledged",
        "very",
        "really",
        # The same in Welsh (a fresh-eyes trial's "Ar frys iawn heddiw", urgent very
        # today, opened a record). "Today" says when, as in "Phone today".
        "ar",
        "brys",
        "frys",
        "iawn",
        "nawr",
        "rwan",
        "rŵan",
        "yn",
        "yr",
        "mae",
        "wedi",
        "dw",
        "eisiau",
        "isio",
        "angen",
        "gweld",
        "darllen",
        "gwirio",
        "cofnod",
        "neges",
        # Pointing at something without saying it ("check their record for something").
        "their",
        "something",
        "anything",
        "stuff",
        "thing",
        "things",
        # Saying nothing was done, without why ("nothing to do", helper-80, of a caller
        # who had taken tablets).
        "nothing",
        "none",
        "nil",
        "do",
    ]
)


SAYING_WORDS = 2  # at least this many of the words say something (not ``SAY_NOTHING``)

# A hand run along the keyboard ("asdf", "uiop", "lkjh"): letters in a row of keys, one
# way (helper-80 opened a record by break-glass with "asdf qwer zxcv uiop
# ghjk"). No English or Welsh word is one.
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiouyw")  # w and y are vowels in Welsh ("cwm", "dydd")


def _mashed(word: str) -> bool:
    """A word typed by running along the keyboard (four keys or more: "tre", a town in
    Welsh, is three), or four letters or more with no vowel ("zxcv", "bcdf"; an
    abbreviation such as "CMHT" says nothing on its own either)."""
    lower = word.lower()
    if len(lower) >= 4 and any(lower in row or lower in row[::-1] for row in _KEY_ROWS):
        return True
    return len(lower) >= 4 and not _VOWELS & set(lower)


def typed_at_random(value: str) -> bool:
    """Whether most of ``value``'s words are keys run along the keyboard or have no vowel
    (``_mashed``): a refusal then says so, not what a reason must say (a fresh-eyes trial
    typed "asdf qwer zxcv uiop ghjk" and was told to say more than that they needed it)."""
    different = _different_words(value)
    mashed = [word for word in different if _mashed(word)]
    return bool(mashed) and 2 * len(mashed) >= len(different)


def says_something(value: str, *, words: int, characters: int) -> bool:
    """Whether text is at least a short sentence a reader can judge: ``words`` different
    words, two of them saying something (not ``SAY_NOTHING``: "Rang them back" does, "I
    have read this message" does not), ``characters`` characters once trimmed, and not
    one character typed over and over ("x", "ok", "aaaaaaaaaaaa", "urgent urgent")."""
    different = _different_words(value)
    saying = {word for word in different - SAY_NOTHING if not _mashed(word)}
    typed = {c.casefold() for c in value if not c.isspace()}
    return (
        len(value.strip()) >= characters
        and len(different) >= words
        and len(saying) >= min(words, SAYING_WORDS)
        and len(typed) > 2
    )


def _different_words(value: str) -> set[str]:
    """The different words of ``value``; a letter on its own is a word only if it is "a"
    or "I" (a fresh-eyes trial padded a reason to four words with "ŵ ŷ")."""
    found = {word.casefold() for word in _WORD.findall(value)}
    return {word for word in found if len(word) > 1 or word in {"a", "i"}}


def too_short(value: str, *, words: int, characters: int) -> bool:
    """Of text ``says_something`` refuses, whether it is too short (rather than long
    enough but saying nothing): the refusal then names the length, not what is missing
    (a fresh-eyes trial wrote nine words and was told to write four)."""
    return len(value.strip()) < characters or len(_different_words(value)) < words


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


# Hyphen-minus and the other dashes people (and word processors) put between groups.
DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d")


def fold_number(value: str) -> str:
    """A number as the person sees it on the screen: NFKC (full-width digits, signs and
    spaces as their ASCII forms), every script's decimal digits as ASCII digits (NFKC
    leaves Arabic-Indic, Devanagari and the rest alone), and without Unicode format
    characters (category Cf: zero-width space and joiners, word joiner, byte-order mark,
    direction marks, soft hyphen), which copying from a web page, PDF, email or
    spreadsheet brings along and nobody can see. The one folding for NHS numbers and
    mobile numbers, so what looks right is read as it looks."""
    folded = unicodedata.normalize("NFKC", value)
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else c
        for c in folded
        if unicodedata.category(c) != "Cf"
    )


def reply_number(number: str) -> str:
    """A number a text came from, in a form Notify sends to: Notify's inbound callbacks
    give UK numbers as 447700900123, which its send refuses without the plus."""
    digits = re.sub(r"[\s\-()]", "", fold_number(number))
    if re.fullmatch(r"44\d{10}", digits):
        return "+" + digits
    return digits


def uk_phone_number(value: str) -> str:
    """A UK phone number as people write it, in its national form (0 and the rest), or a
    ValidationError saying what is wrong. Folded as ``fold_number`` folds; spaces, dashes,
    dots and brackets between groups dropped; the country code in any of its forms (+44,
    0044, or 44 before ten digits) replaced by the trunk 0, and a 0 kept after it
    ("+44 (0)7700…") dropped."""
    folded = fold_number(value)
    number = "".join(c for c in folded if not (c.isspace() or c in DASHES or c in ".()"))
    for i, c in enumerate(number):
        if not (c.isascii() and c.isdigit()) and not (c == "+" and i == 0):
            raise ValidationError(
                _(
                    'Enter a UK mobile number in digits: "%(sign)s" is not a digit. '
                    "For example, 07700 900 982 or +44 7700 900 982."
                ),
                code="mobile",
                params={"sign": c},
            )
    if number.startswith("+") and not number.startswith("+44"):
        raise ValidationError(
            _(
                "Enter a UK mobile number: this is not a UK number (a UK number starts +44 "
                "or 0), like 07700 900 982 or +44 7700 900 982."
            ),
            code="mobile",
        )
    for country_code in ("+44", "0044"):
        if number.startswith(country_code):
            return "0" + number.removeprefix(country_code).removeprefix("0")
    if number.startswith("44") and len(number) in (12, 13):
        return "0" + number.removeprefix("44").removeprefix("0")
    return number


# Ofcom's National Telephone Numbering Plan: mobiles are 071-075 and 077-079, and 07624
# (Isle of Man mobiles); 070 are personal numbers and 076 pagers, which are not mobiles.
_UK_MOBILE = re.compile(r"07(?:[1-57-9]\d{8}|624\d{6})")


def number_key(number: str) -> str:
    """One form of a phone number for telling two messages came from the same phone:
    Notify gives 447700900123, a person types 07700 900123 or +44 (0)7700 900123. A UK
    number in its national form (``uk_phone_number``); anything else as its digits."""
    try:
        national = uk_phone_number(number)
    except ValidationError:
        national = ""
    return national or re.sub(r"[^\d+]", "", fold_number(number))


def normalise_uk_mobile(value: str) -> str:
    """A UK mobile number as typed, as stored: 07 and nine digits (``uk_phone_number``);
    or a ValidationError saying what is wrong: a sign that is not a digit, not a UK
    number, not a mobile, the wrong length, a personal number or a pager."""
    number = uk_phone_number(value)
    if not number:
        raise ValidationError(
            _("Enter a UK mobile number, like 07700 900 982 or +44 7700 900 982."),
            code="mobile",
        )
    if not number.startswith("07"):
        raise ValidationError(
            _(
                "Enter a UK mobile number: a mobile starts 07 (or +44 7), and this starts "
                "%(start)s. For example, 07700 900 982."
            ),
            code="mobile",
            params={"start": number[:2]},
        )
    if len(number) != 11:
        raise ValidationError(
            _(
                "Enter a UK mobile number of 11 digits, starting 07 (this has %(count)s), "
                "like 07700 900 982."
            ),
            code="mobile",
            params={"count": len(number)},
        )
    if not _UK_MOBILE.fullmatch(number):
        raise ValidationError(
            _(
                "Enter a UK mobile number: a mobile starts 071 to 075 or 077 to 079. Numbers "
                "starting 070 are personal numbers and 076 pagers, which are not mobiles."
            ),
            code="mobile",
        )
    return number


def is_uk_mobile(number: str) -> bool:
    """Whether a number in its national form (``uk_phone_number``) is a UK mobile."""
    return bool(_UK_MOBILE.fullmatch(number))


# Landlines and other numbers a person can be rung on: 01 and 02 (geographic, 10 or 11
# digits), 03 (non-geographic, priced as 01 and 02).
_UK_LANDLINE = re.compile(r"0(?:1\d{8,9}|2\d{9}|3\d{9})")


def normalise_uk_phone(value: str) -> str:
    """A UK phone number a person can be rung on, mobile or landline, as stored (its
    national form); or a ValidationError saying what is wrong. Someone with no mobile is
    rung on their landline (helper-80: a referral refused "01…" while offering "Phone
    call" as the way they prefer)."""
    try:
        number = uk_phone_number(value)
    except ValidationError as error:  # worded for a mobile: this takes a landline too
        raise ValidationError(
            [m.replace("UK mobile number", "UK phone number") for m in error.messages],
            code="phone",
        ) from error
    if number.startswith("07"):
        return normalise_uk_mobile(value)
    if not number:
        raise ValidationError(
            _("Enter a UK phone number, like 07700 900 982 or 0113 496 0000."), code="phone"
        )
    if not number.startswith("0"):
        raise ValidationError(
            _("Enter a UK phone number starting 0 or +44, like 07700 900 982 or 0113 496 0000."),
            code="phone",
        )
    if not _UK_LANDLINE.fullmatch(number):
        raise ValidationError(
            _(
                "Enter a UK mobile or landline number: a landline starts 01, 02 or 03 and "
                "has 10 or 11 digits (this has %(count)s and starts %(start)s)."
            ),
            code="phone",
            params={"count": len(number), "start": number[:2]},
        )
    return number


def validate_email_address(value: str) -> None:
    """Django's email validator, saying what is wrong when the part before the @ has a
    letter beyond a to z. Django accepts an internationalised domain (``name@例え.jp``: it
    checks the domain's IDNA form, which mail is sent to) but not an internationalised
    local part (``mañana@``: that needs SMTPUTF8, which it does not support), and GOV.UK
    Notify, which sends our email, draws the same line."""
    try:
        validate_email(value)
    except ValidationError:
        local_part = value.rpartition("@")[0]
        beyond = next((c for c in local_part if not c.isascii()), None)
        if beyond is not None:
            raise ValidationError(
                _(
                    "Enter an email address with only the letters a to z, digits, dots, "
                    'dashes, underscores or + before the @: "%(letter)s" cannot be used there, '
                    "as our email service cannot send to it. If it is the right address, ask "
                    "for another one."
                ),
                code="email",
                params={"letter": beyond},
            ) from None
        raise ValidationError(
            _("Enter an email address in the correct format, like name@example.com"),
            code="email",
        ) from None


def phone_for_reading(number: str) -> str:
    """A UK number spaced as people read it aloud ("07700 900123", "+44 7700 900123");
    anything else as it is."""
    digits = re.sub(r"[\s\-()]", "", number)
    if re.fullmatch(r"0\d{10}", digits):
        # Landlines as they are read: "020 7946 0000", "0113 496 0000", "0300 123 4567",
        # "01632 960001"; a mobile as "07700 900123".
        if digits.startswith("02"):
            return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        if re.match(r"01\d1|011|03|08", digits):
            return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
        return f"{digits[:5]} {digits[5:]}"
    if re.fullmatch(r"\+44\d{10}", digits):
        return f"+44 {digits[3:7]} {digits[7:]}"
    if re.fullmatch(r"44\d{10}", digits):
        return f"+44 {digits[2:6]} {digits[6:]}"
    return number


UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?\s*[0-9][A-Z]{2}$", re.IGNORECASE)


def is_uk_postcode(value: str) -> bool:
    """Whether ``value`` is written as a UK postcode ("LS1 4AP", "ls14ap"): what a
    letter's last line must be for Notify to post it."""
    return bool(UK_POSTCODE.match(" ".join(value.split())))
