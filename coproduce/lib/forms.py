"""Every form's error messages in plain words.

Django's own messages ("Ensure this value has at most 20000 characters (it has 87999).",
"This field is required.", "Select a valid choice.") are written for developers. Every
form in the service is a ``PlainWordsForm`` (web/tests/test_plain_words.py fails if one
is not), which gives each field the plain message for each way it can be wrong, naming
the field, wherever the form has not said it in its own words already. A text that is
too long says how long it may be and how long it is; the page shows the form again with
what was typed still in it.

A field is named by its ``label`` when it has one, else by its name ("given_name" is
"Given name"); give a field a label where its name does not read as words.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.utils import pretty_name
from django.utils.translation import gettext


class TooLong:
    """A text longer than its limit, said with both lengths: "The reason for the
    referral must be 20,000 characters or fewer; you wrote 87,999"."""

    def __init__(self, limit: int, what: str) -> None:
        self.limit = limit
        self.what = what

    def __call__(self, value: str) -> None:
        if len(value) > self.limit:
            raise ValidationError(
                gettext("%(what)s must be %(limit)s characters or fewer; you wrote %(count)s")
                % {"what": self.what, "limit": f"{self.limit:,}", "count": f"{len(value):,}"},
                code="max_length",
            )


def _django_default(field: forms.Field, code: str) -> bool:
    """Whether the field's message for ``code`` is still the one Django ships."""
    for klass in type(field).__mro__:
        shipped = getattr(klass, "default_error_messages", {}).get(code)
        if shipped is not None:
            return field.error_messages.get(code) is shipped
    return False  # not a code this kind of field raises itself


def plain_messages(field: forms.Field, what: str) -> dict[str, str]:
    """The plain message for each way this kind of field can be wrong."""
    lower = what[:1].lower() + what[1:]
    choosing = isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.BooleanField)
    if isinstance(field, forms.FileField):
        required = f"Choose a file for {lower}"
    else:
        required = f"Select {lower}" if choosing else f"Enter {lower}"
    invalid = f"Check {lower}: it is not in a form we can read"
    if isinstance(field, forms.DateField):
        invalid = f"Enter {lower} as a date, like 27/03/1987"
    elif isinstance(field, forms.TimeField):
        invalid = f"Enter {lower} as a time on the 24-hour clock, like 14:30"
    elif isinstance(field, forms.IntegerField):
        invalid = f"Enter {lower} as a whole number, like 3"
    elif isinstance(field, forms.DecimalField | forms.FloatField):
        invalid = f"Enter {lower} as a number, like 2.5"
    elif isinstance(field, forms.EmailField):
        invalid = f"Enter {lower} in the right form, like name@example.com"
    elif isinstance(field, forms.FileField):
        invalid = f"The file for {lower} could not be read: choose it again"
    from_list = f"Select {lower} from the list"  # noqa: S608 - words on a page, not SQL
    return {
        "required": required,
        "invalid": invalid,
        "invalid_choice": from_list,
        "invalid_list": from_list,
        "invalid_pk_value": from_list,
        "min_length": (
            f"{what} must be at least %(limit_value)d characters; you wrote %(show_value)d"
        ),
        "max_value": f"{what} must be %(limit_value)s or less",
        "min_value": f"{what} must be %(limit_value)s or more",
        "step_size": f"{what} must be a multiple of %(limit_value)s",
        "max_digits": f"{what} must have no more than %(max)s digits",
        "max_decimal_places": f"{what} must have no more than %(max)s digits after the point",
        "max_whole_digits": f"{what} must have no more than %(max)s digits before the point",
        "missing": f"Choose a file for {lower}",
        "empty": f"The file for {lower} is empty",
        "contradiction": f"Either choose a file for {lower} or clear it, not both",
        "max_length": "The file's name must be %(max)d characters or fewer; it has %(length)d",
        "null_characters_not_allowed": f"{what} has a character that cannot be kept: remove it",
    }


def use_plain_words(field: forms.Field, what: str) -> None:
    plain = plain_messages(field, what)
    # Django's own validators on the field raise codes of their own (min_length,
    # max_value, invalid for an email address); a validator with its own words is kept.
    shipped_by_validators = {
        getattr(v, "code", None)
        for v in field.validators
        if type(v).__module__ == "django.core.validators"
        and getattr(v, "message", None) is getattr(type(v), "message", None)
        and getattr(v, "code", None)
    }
    for code, message in plain.items():
        if code == "max_length" and not isinstance(field, forms.FileField):
            continue  # a text's length is said by TooLong, below
        if _django_default(field, code) or (
            code in shipped_by_validators and code not in field.error_messages
        ):
            field.error_messages[code] = message
    if "max_length" not in field.error_messages:
        field.validators = [
            TooLong(v.limit_value, what) if isinstance(v, MaxLengthValidator) else v
            for v in field.validators
        ]


# Characters that take no room on a page: zero-width spaces and joiners at either end, a
# soft hyphen, a byte-order mark; and the controls that reverse how text reads ("desrever"
# shown for "reversed"). Found by issue 21's fresh-eyes trial: next steps of two
# zero-width spaces were saved as agreed, and a referral received with an invisible name.
_INVISIBLE_ENDS = re.compile(
    r"^[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+|[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+$"
)
_REVERSING = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """The text as a reader sees it: no reversing controls, nothing invisible at its ends
    (so a text of nothing visible is empty, and refused where one is needed)."""
    return _INVISIBLE_ENDS.sub("", _REVERSING.sub("", text))


def _read_visibly(field: forms.CharField) -> None:
    """The field reads only what can be seen (``visible``); a password is read as typed."""
    if getattr(field, "_reads_visibly", False) or isinstance(field.widget, forms.PasswordInput):
        return
    to_python = field.to_python

    def read(value: Any) -> Any:
        text = to_python(value)
        if isinstance(text, str):
            text = visible(text)
            if not text:
                return field.empty_value
        return text

    field.to_python = read  # type: ignore[method-assign]
    field._reads_visibly = True  # type: ignore[attr-defined]


# A date written as day/month/year (or year-month-day), whatever it separates them with.
_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$")
_YEAR_MONTH_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def not_a_real_date(what: str, value: str) -> str | None:
    """What is wrong with a date written in the right form that no calendar has (31/02/2026,
    29/02/2027, 12/13/2026), or None if it is not that. A fresh-eyes trial's 31/02 was
    told only the form to write a date in, which it had."""
    if found := _DAY_MONTH_YEAR.match(value):
        day, month, year = (int(part) for part in found.groups())
    elif found := _YEAR_MONTH_DAY.match(value):
        year, month, day = (int(part) for part in found.groups())
    else:
        return None
    if not 1 <= month <= 12:
        return f"{what} must be a real date: there is no month {month}"
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        return f"{what} must be a real date: {calendar.month_name[month]} {year} has {days} days"
    return None


def _says_why_a_date_is_not_real(field: forms.DateField, what: str) -> None:
    if getattr(field, "_says_why_not_real", False):
        return
    to_python = field.to_python

    def read(value: Any) -> Any:
        try:
            return to_python(value)
        except ValidationError as error:
            why = not_a_real_date(what, value) if isinstance(value, str) else None
            if why is None:
                raise
            raise ValidationError(why, code="invalid") from error

    field.to_python = read  # type: ignore[method-assign]
    field._says_why_not_real = True  # type: ignore[attr-defined]


class PlainWords:
    """Mixed into a form (before Django's form class) to give its fields plain messages,
    and to read its texts as they can be seen."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.use_plain_words()

    def full_clean(self) -> None:
        # Again, for fields a form adds in its own __init__ after this one has run.
        self.use_plain_words()
        super().full_clean()  # type: ignore[misc]

    def use_plain_words(self) -> None:
        for name, field in self.fields.items():
            use_plain_words(field, str(field.label or pretty_name(name)))
            if isinstance(field, forms.CharField):
                _read_visibly(field)
            if isinstance(field, forms.DateField):
                what = str(field.label or pretty_name(name))
                _says_why_a_date_is_not_real(field, what[:1].upper() + what[1:])


class PlainWordsForm(PlainWords, forms.Form):
    """The base of every form in the service."""


class PoundsField(forms.DecimalField):
    """An amount of money as people write it: "12.50", "£12.50", "£1,000" (issue 21's
    seventh trial was refused "£12.50" under "Expenses in pounds")."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().removeprefix("£").replace(",", "").strip()
        return super().to_python(value)


class InLanguage(str):
    """A choice's words and the language they are in, for a choice shown in another
    language than the page's (a service with no Welsh name on the Welsh form): the page
    marks it so a screen reader reads it in its own voice (WCAG 3.1.2)."""

    lang: str

    def __new__(cls, text: str, lang: str) -> InLanguage:
        made = super().__new__(cls, text)
        made.lang = lang
        return made
