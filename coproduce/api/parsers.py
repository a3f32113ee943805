"""Reading JSON request bodies: the REST API, the FHIR face and Notify's callbacks.

JSON nested thousands deep makes Python's parser, and FHIR's models after it, recurse
until they give up, and the answer was a 500 page: the service seemed broken when the
request was. Every JSON body is read by ``read_json``, which refuses JSON nested more
than ``MOST_NESTING`` deep as it refuses any JSON it cannot read, so the caller answers
400 (REST, Notify) or an ``OperationOutcome`` (FHIR) naming the limit. A voice, a referral
or a FHIR resource nests a handful of levels.
"""

from __future__ import annotations

import json
from typing import Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MOST_NESTING = 32


def _not_a_number(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON value")


def read_json(body: bytes | str, *, strict: bool = True) -> Any:
    """The JSON value of a request body, or ValueError saying why it cannot be read
    (``strict``: NaN and Infinity, which are not JSON, are refused too)."""
    try:
        data = json.loads(body, parse_constant=_not_a_number if strict else None)
    except RecursionError:
        raise ValueError(too_deep()) from None
    _check_nesting(data)
    return data


def too_deep() -> str:
    return f"JSON nested more than {MOST_NESTING} levels deep cannot be read"


def _check_nesting(data: Any) -> None:
    # Walked with a list, not by recursion, so the check cannot fail the way it guards.
    waiting = [(data, 1)]
    while waiting:
        value, depth = waiting.pop()
        if isinstance(value, dict):
            inside = list(value.values())
        elif isinstance(value, list):
            inside = value
        else:
            continue
        if depth > MOST_NESTING:
            raise ValueError(too_deep())
        waiting.extend((item, depth + 1) for item in inside)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, reading by ``read_json``: a body that cannot be read (not
    JSON, not UTF-8, NaN, nested too deep) is a 400 with DRF's ``{"detail": …}``."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            # Bytes: JSON is UTF-8 (RFC 8259), which json.loads detects, as it does -16 and -32.
            return read_json(stream.read(), strict=self.strict)
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from None
