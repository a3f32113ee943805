"""The Jinja2 environment: our templates first, then the NHS.UK frontend's macros."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.dates import MONTHS
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup

from coproduce.accounts.submissions import FIELD, new_token
from coproduce.care.presenters import (
    duration,
    referral_clock,
    referred_person,
    response_targets_hint,
)
from coproduce.change.presenters import held_sentence, language_name, we_did_heading
from coproduce.evidence import charts, dashboard
from coproduce.lib import validators
from coproduce.lib.dates import clock_and_day, in_words
from coproduce.messaging import wording
from coproduce.messaging.formats import without_lead_in
from coproduce.web import components, fields
from coproduce.web.tables import table_cell, table_row


def environment(**options: Any) -> Environment:
    # The NHS macros read optional parameters off undefined values (params.hint.text).
    options["undefined"] = ChainableUndefined
    options["loader"] = ChoiceLoader([options["loader"], PackageLoader("nhsuk_frontend_jinja")])
    options.setdefault("extensions", []).extend(
        ["jinja2.ext.i18n", "coproduce.web.fragments.FragmentCache"]
    )
    # Every template stays loaded: the kept components (``components``) live on them.
    options.setdefault("cache_size", -1)
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=translation.gettext, ngettext=translation.ngettext, newstyle=True
    )
    env.globals.update(
        static=static,
        limits_sentence=charts.limits_sentence,
        # The design system's icons and manifest, by their unhashed names (a folder has no
        # hashed name in the production manifest; whitenoise serves both names).
        nhsuk_assets=settings.STATIC_URL + "nhsuk/assets",
        url=lambda name, *args, **kwargs: reverse(name, args=args or None, kwargs=kwargs or None),
        url_with_id=url_with_id,
        table_row=table_row,
        table_cell=table_cell,
        error_list=fields.error_list,
        field_error=fields.field_error,
        choice_items=fields.choice_items,
        select_options=fields.select_options,
        displayable=fields.displayable,
        referral_clock=referral_clock,
        referred_person=referred_person,
        duration=duration,
        submission_input=submission_input,
        lang_of=lang_of,
        response_targets_hint=response_targets_hint,
        held_sentence=held_sentence,
        we_did_heading=we_did_heading,
        without_lead_in=without_lead_in,
        overdose_advice=overdose_advice,
    )
    env.filters.update(
        date=format_date,
        month=format_month,
        datetime=format_datetime,
        clock=format_clock,
        clock_and_day=clock_and_day,
        percent=format_percent,
        suggestion=format_suggestion,
        counted=format_counted,
        ratio_words=dashboard.ratio_in_words,
        relative_change_words=dashboard.relative_change_words,
        phone=validators.phone_for_reading,
        call_link=call_link,
        interval_words=dashboard.interval_in_words,
        language_name=language_name,
    )
    components.keep_components(env)
    return env


# The number in what a setting or a sentence gives ("0800 000 0000 (demo)", "116 123").
PHONE_NUMBER = re.compile(r"\+?\d(?:[\d ]*\d)?")


def call_link(text: str) -> Markup:
    """``text`` with its phone number as a link that calls it, so someone in crisis on a
    phone taps the number rather than copying it (a fresh-eyes trial); the rest of the
    words stay as they are."""
    found = PHONE_NUMBER.search(text)
    if found is None:
        return Markup.escape(text)
    return Markup('{}<a href="tel:{}">{}</a>{}').format(
        text[: found.start()], found.group().replace(" ", ""), found.group(), text[found.end() :]
    )


def overdose_advice() -> Markup:
    """What to do now after an overdose (``wording.OVERDOSE``), its "A&E" escaped and 999
    a link that calls it."""
    return Markup.escape(translation.gettext(wording.OVERDOSE)) % {"number": call_link("999")}


def lang_of(language: str) -> Markup:
    """A ``lang`` attribute for words in ``language`` on a page in another (English words
    on a Welsh page, an update not yet translated), so a screen reader reads them in their
    own voice (WCAG 3.1.2); nothing when the page is in that language already."""
    page = (translation.get_language() or "en").split("-")[0].lower()
    if not language or language.split("-")[0].lower() == page:
        return Markup("")
    return Markup(' lang="{}"').format(language)


def url_with_id(name: str) -> Callable[[int], str]:
    """The address of one record of a kind, for a long list's links: the address is worked
    out once (``reverse`` is slow when called for every row) and each id put into it."""
    marker = 918273645
    head, tail = reverse(name, args=[marker]).split(str(marker))
    return lambda pk: f"{head}{int(pk)}{tail}"


def format_counted(count: int, one: str, many: str) -> str:
    """A count with its noun, singular or plural: "1 voice", "2,480 voices"."""
    return f"{count:,} {one if count == 1 else many}"


def format_date(value: dt.date | dt.datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):  # an ISO date, as the evaluation's JSON keeps it
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    # The month in the page's language ("3 Rhagfyr 2026" on a Welsh page): what
    # date_format(value, "j F Y") gives, at a quarter of its cost (a caseload has 90).
    return f"{value.day} {MONTHS[value.month]} {value.year}"


def format_month(value: dt.date | str) -> str:
    """A month as people say it: "January 2025" (from a date or an ISO date)."""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return formats.date_format(day, "F Y")


def format_clock(value: dt.datetime | None) -> str:
    """The time of day, 24-hour (the line and the Sanctuary work by the evening's clock)."""
    return "" if value is None else f"{timezone.localtime(value):%H:%M}"


def format_datetime(value: dt.datetime | None) -> str:
    return "" if value is None else in_words(value)


def format_percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def format_suggestion(category: Any, scores: dict[str, float]) -> str:
    """A suggested category, with how sure the text model was: "Timeliness of care, 83%"."""
    score = scores.get(category.name)
    return category.name if score is None else f"{category.name}, {score:.0%}"


def submission_input() -> Markup:
    """A create form's one-time token, fresh each time the form is drawn (after a refused
    post too: nothing was taken with the old one). Put it beside ``csrf_input``, never
    in a cached fragment. See ``coproduce.accounts.submissions``."""
    html = f'<input type="hidden" name="{FIELD}" value="{new_token()}">'
    return Markup(html)  # noqa: S704 - our own field name and a token of URL-safe characters
