"""Checks every HTML page a test fetches: it parses, has a title, its ids are unique, and
its error summary links to fields that are on the page, in the page's order."""

from __future__ import annotations

from collections import Counter
from typing import Any

import html5lib
from django.http.response import HttpResponseBase


class InvalidPage(AssertionError):
    pass


def check_html(response: HttpResponseBase) -> None:
    if "text/html" not in response.get("Content-Type", "") or not getattr(response, "content", b""):
        return
    content = getattr(response, "content", b"").decode(response.charset or "utf-8")
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = parser.parse(content)
    if parser.errors:
        raise InvalidPage(f"HTML parse errors: {parser.errors[:5]}")
    title = document.find("head/title")
    if title is None or not (title.text or "").strip():
        raise InvalidPage("The page has no title.")
    ids = Counter(el.get("id") for el in document.iter() if el.get("id"))
    repeated = sorted(i for i, n in ids.items() if n > 1)
    if repeated:
        raise InvalidPage(f"Ids used more than once: {repeated}")
    if document.get("lang") is None:
        raise InvalidPage("The html element has no lang attribute.")
    _check_error_summary(document)


def _check_error_summary(document: Any) -> None:
    """The design system's rule: each error links to its field, and the errors are listed
    in the order the fields come on the page."""
    position = {el.get("id"): n for n, el in enumerate(document.iter()) if el.get("id")}
    for summary in document.iter("div"):
        if "nhsuk-error-summary" not in (summary.get("class") or "").split():
            continue
        targets = [
            link.get("href", "")[1:]
            for link in summary.iter("a")
            if link.get("href", "").startswith("#")
        ]
        missing = [t for t in targets if t not in position]
        if missing:
            raise InvalidPage(f"The error summary links to ids not on the page: {missing}")
        if targets != sorted(targets, key=position.__getitem__):
            raise InvalidPage(f"The error summary is not in the page's order: {targets}")


def _visible_text(element: Any) -> str:
    if element.get("aria-hidden") == "true":
        return element.tail or ""
    inner = (element.text or "") + "".join(_visible_text(child) for child in element)
    return inner + (element.tail or "")


def table_rows(content: bytes | str) -> list[list[str]]:
    """The body rows of every table on a page, as the text a screen reader would read."""
    if isinstance(content, bytes):
        content = content.decode()
    document = html5lib.parse(content, namespaceHTMLElements=False)
    return [
        [" ".join(_visible_text(cell).split()) for cell in row.findall("td")]
        for row in document.iter("tr")
        if row.findall("td")
    ]


def template_macros(name: str) -> Any:
    """A Jinja template's macros, to call in a test with the values a page would give."""
    from django.template import engines
    from django.template.backends.jinja2 import Jinja2

    engine = engines["jinja2"]
    if not isinstance(engine, Jinja2):
        raise TypeError("the jinja2 template engine is not Jinja2")
    return engine.env.get_template(name).module
