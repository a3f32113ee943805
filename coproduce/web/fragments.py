"""``{% cache name, part, … %} … {% endcache %}``: a rendered fragment kept in Django's cache
(the ``fragments`` cache, apart from the evidence figures in ``default``).

For parts of a page that are the same for everyone who sees them (a blank public form,
say): the fragment is rendered once for each name, key parts and language, and kept for
``COPRODUCE_FRAGMENT_CACHE_SECONDS``. The key parts must name everything the fragment
shows that can change (a version of the data it lists). A false name renders the
fragment afresh, uncached, so a template can cache only its blank state:
``{% cache ("feedback-form" if blank else none), teams_version %}``.

Never put a CSRF token or a CSP nonce inside one (put a placeholder in, and the token in
after: see the header in ``layout.jinja``), nor anything about the person asking unless
the key names them (the header is kept for each person), nor anything from a person's
record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from markupsafe import Markup

PREFIX = "fragment"


def key(name: str, parts: list[Any]) -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    digest = hashlib.sha256(repr([str(part) for part in parts]).encode()).hexdigest()[:32]
    return f"{PREFIX}:{name}:{language}:{digest}"


class FragmentCache(Extension):
    tags = {"cache"}

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        name = parser.parse_expression()
        parts = []
        while parser.stream.skip_if("comma"):
            parts.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_render", [name, nodes.List(parts)])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render(self, name: str | None, parts: list[Any], caller: Callable[[], str]) -> Markup:
        if not name:
            return Markup(caller())  # noqa: S704 - the template's own rendered output
        where = key(name, parts)
        kept = caches["fragments"]
        html = kept.get(where)
        if html is None:
            html = str(caller())
            kept.set(where, html, settings.FRAGMENT_CACHE_SECONDS)
        return Markup(html)  # noqa: S704 - the template's own rendered output
