"""The NHS.UK frontend's components, each drawn once for the same parameters (issue 25).

The design system's Jinja macros are exact but slow: a text area costs about 0.6 ms to
draw and a set of three radios about 2 ms, so a form of ten fields cost a page more than
its shell. A component's HTML depends on nothing but its parameters, so each component's
macro is wrapped to keep what it drew, keyed by the parameters themselves (and the
language), in this process's memory (a bounded LRU, never the shared cache): the same
call gives the same HTML without drawing it again, and a call with different parameters
can never receive another's HTML.

What someone typed is not kept: a call that carries a field's value (a text box, a text
area, a date) is drawn afresh each time, so nothing written about a person lingers here.
Nor is a component that lists a record's details (summary lists, tables): those are
never wrapped.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django.utils import translation
from jinja2 import Environment
from jinja2.runtime import Macro
from markupsafe import Markup

# Components whose parameters are the page's own words and choices. Summary lists,
# tables and cards are left out: their parameters are often a person's details.
KEPT = (
    "action-link",
    "back-link",
    "button",
    "character-count",
    "checkboxes",
    "date-input",
    "details",
    "error-message",
    "fieldset",
    "hint",
    "input",
    "inset-text",
    "label",
    "radios",
    "select",
    "tag",
    "textarea",
    "warning-callout",
)
# Parameters that carry what someone typed: a call with any of them set is never kept.
TYPED = ("value",)
KEEP_AT_MOST = 4096


class NotKept(Exception):
    """The parameters hold something that cannot be a key (an object, say)."""


def _freeze(value: Any) -> Any:
    # Each value tagged with its kind: "a" == Markup("a") and True == 1 must not meet.
    if isinstance(value, Markup):
        return ("m", str(value))
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, bool) or value is None:
        return ("b", value)
    if isinstance(value, int | float):
        return (type(value).__name__, value)
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise NotKept
        return ("d", tuple(sorted((k, _freeze(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return ("l", tuple(_freeze(v) for v in value))
    raise NotKept


def _thaw(frozen: Any) -> Any:
    kind, value = frozen
    if kind == "m":
        return Markup(value)  # noqa: S704 - it was Markup when it was given
    if kind == "d":
        return {k: _thaw(v) for k, v in value}
    if kind == "l":
        return [_thaw(v) for v in value]
    return value


def _typed(params: Mapping[str, Any]) -> bool:
    if any(params.get(name) for name in TYPED):
        return True
    items = params.get("items")
    # A date's day, month and year come as items with values; a choice's value is the
    # page's own (the radios' and checkboxes' items are kept).
    return (
        bool(params.get("namePrefix"))
        and isinstance(items, list)
        and any(isinstance(item, Mapping) and item.get("value") for item in items)
    )


class KeptMacro:
    """A component's macro that keeps what it drew for each set of parameters."""

    def __init__(self, macro: Macro) -> None:
        self.macro = macro
        self.name = macro.name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != 1 or not isinstance(args[0], Mapping) or _typed(args[0]):
            return self.macro(*args, **kwargs)
        try:
            key = _freeze(args[0])
        except NotKept:
            return self.macro(*args)
        return _drawn(self, translation.get_language(), key)


@lru_cache(maxsize=KEEP_AT_MOST)
def _drawn(kept: KeptMacro, language: str | None, key: Any) -> Markup:
    return Markup(kept.macro(_thaw(key)))  # noqa: S704 - the design system's own HTML


def keep_components(env: Environment) -> None:
    """Wrap each kept component's macro in the environment's own copy of its module,
    which every ``{% from … import … %}`` of it then receives."""
    for component in KEPT:
        module = env.get_template(f"nhsuk/components/{component}/macro.jinja").module
        for name in dir(module):
            macro = getattr(module, name)
            if isinstance(macro, Macro):
                setattr(module, name, KeptMacro(macro))


def forget() -> None:
    """Drop everything kept (tests)."""
    _drawn.cache_clear()
