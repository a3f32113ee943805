"""Shapes that the NHS.UK form macros need, built from Django forms.

Kept here so templates stay dumb: the error summary links each message to the first
input of its field, and choice lists carry which option is checked after a failed submit
(so nothing a person typed or chose is lost).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import translation

from coproduce.lib.forms import InLanguage


def _anchor(form: forms.Form, name: str) -> str:
    if name == NON_FIELD_ERRORS:
        return "#maincontent"
    return f"#{form[name].auto_id}"


def error_list(form: forms.Form | None) -> list[dict[str, str]]:
    """The form's errors in the order of its fields (as the page shows them), those about
    the whole form first, whichever check found them first; one for each field."""
    if form is None or not form.errors:
        return []
    order = {name: n for n, name in enumerate(form.fields)}
    # A field's first error, as the field itself shows it: two checks finding one fault
    # (a NUL character, helper-80) listed it twice.
    return [
        {"text": str(message), "href": _anchor(form, name)}
        for name, messages in sorted(form.errors.items(), key=lambda item: order.get(item[0], -1))
        for message in (messages if name == NON_FIELD_ERRORS else [messages[0]])
    ]


def field_error(field: forms.BoundField) -> dict[str, str] | None:
    return {"text": str(field.errors[0])} if field.errors else None


def _page_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


def choice_items(
    field: forms.BoundField,
    hints: dict[str, str] | None = None,
    revealed: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """The field's choices as NHS.UK radio or checkbox items; ``revealed``: the HTML shown
    under a choice once it is chosen (the design system's conditional reveal)."""
    value = field.value()
    chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    items = []
    for option_value, label in field.field.choices:  # type: ignore[attr-defined]
        key = str(getattr(option_value, "value", option_value))
        if key == "":
            continue
        item: dict[str, Any] = {
            "value": key,
            "text": str(label),
            "checked": key in chosen,
            "selected": key in chosen,
        }
        if isinstance(label, InLanguage) and label.lang != _page_language():
            item["label"] = {"text": str(label), "attributes": {"lang": label.lang}}
        if hints and key in hints:
            item["hint"] = {"text": hints[key]}
        if revealed and key in revealed:
            item["conditional"] = {"html": revealed[key]}
        items.append(item)
    return items


Option = tuple[str, str, bool]  # value, text, selected


def select_options(
    field: forms.BoundField, choose: str | None
) -> list[tuple[str | None, list[Option]]]:
    """A select's options, in runs under their headings (``None``: no ``<optgroup>``).
    The field's choices are (value, text) pairs or (heading, [(value, text), ...]) groups.
    ``choose``: the text of a first, empty option, the field's own empty choice left out;
    ``None`` keeps the field's choices as they are."""
    value = field.value()
    chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    runs: list[tuple[str | None, list[Option]]] = [(None, [("", choose, False)] if choose else [])]
    for option_value, text in field.field.choices:  # type: ignore[attr-defined]
        if isinstance(text, list | tuple):
            options = [(str(v), str(t), str(v) in chosen) for v, t in text]
            runs.append((str(option_value), options))
            continue
        key = str(getattr(option_value, "value", option_value))
        if key == "" and choose is not None:
            continue
        if runs[-1][0] is not None:
            runs.append((None, []))
        runs[-1][1].append((key, str(text), key != "" and key in chosen))
    return [run for run in runs if run[1]]


# Codepoints that may not appear in an HTML document (C0 controls but tab and line
# breaks, DEL, C1 controls): dropped when a refused value is shown back to the person.
_NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def displayable(value: object) -> str:
    return "" if value is None else _NOT_IN_HTML.sub("", str(value))
