"""Log filters: what the service's logs keep, and what they leave out."""

from __future__ import annotations

import contextvars
import logging
import re

# The id of the request being answered in this thread (set by the web's middleware).
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RefusalsWithoutTraceback(logging.Filter):
    """A refused request (400, 403, 404) is logged as one line: its status and path.
    Django attaches the exception that refused it, whose traceback is tens of lines of
    the framework's own code for an everyday event (a person following a link they may
    not open), burying the lines an operator needs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True


class WithRequestId(logging.Filter):
    """Each line carries the id of the request it was logged while answering (``-``
    outside one), the same id nginx logs and the answer's ``X-Request-ID`` header gives,
    so one request's lines can be found across the proxy and the service."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


# A URL's query string: what follows "?" up to a space, a quote or the end.
QUERY = re.compile(r"\?[^\s'\"<>]*")


class WithoutQueryStrings(logging.Filter):
    """No query string in any line: a search, or a link someone followed, can carry a
    name or an NHS number. Django's own lines quote them: the request it refused
    (``<WSGIRequest: GET '/people/find?…'>``, which a JSON line carries whole) and the
    address a form came from (``Referer checking failed - https://…?q=…``). The path
    stays; the query becomes ``?…``."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "?" in message:
            record.msg, record.args = QUERY.sub("?…", message), ()
        if hasattr(record, "request"):
            record.request = "-"  # the request object's repr holds the whole address
        return True
