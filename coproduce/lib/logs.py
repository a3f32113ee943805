"""Log filters: what the service's logs keep, and what they leave out."""

from __future__ import annotations

import logging


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
