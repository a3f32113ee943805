"""Every create takes effect once, however often its form is posted.

A form that makes something carries a one-time token, issued in a hidden field when the
form is drawn (``coproduce.web.views.render.submission_input``). The service that makes
the thing takes the token as ``submission`` and records it, in the same transaction as
what it made, in ``Submission``, whose token is unique. So:

- a second post after the first committed (a double click, the browser's re-POST) finds
  the token and is answered with what the first made, without doing anything;
- posts at the same moment each do the work, but the database lets only one record the
  token: the others wait on the unique index until the first commits, are refused, roll
  back everything they did, and are answered with what the first made.

The rule is the database's unique key, not a look before saving (two posts at once both
pass a look). Services opt in with ``@once``, and declare ``submission: str = ""``
(unused in their body) so every caller, the API and commands too, may pass a token.
A service whose result is not the model it made, or that must keep some of its work
when it refuses, uses ``earlier`` and ``keep`` itself (``care.referrals.intake_referral``).
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import IntegrityError, models, transaction

from coproduce.accounts.models import Submission

P = ParamSpec("P")
R = TypeVar("R")

FIELD = "submission"  # the hidden field's name, and the services' keyword
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


class _NotYet:
    """No submission with this token has been taken (``None`` is a result: a service
    may make nothing to return)."""


NOT_YET = _NotYet()


def new_token() -> str:
    return secrets.token_urlsafe(24)


def earlier(token: str, service: str) -> Any:
    """What the submission with this token made, or ``NOT_YET`` if none has been taken.

    Refused (a 400 for a page) if the token was taken by another kind of form, which only
    a tampered form sends, or if what it made has since been removed (erased under the
    retention rules)."""
    if not token:
        return NOT_YET
    taken = Submission.objects.filter(token=token).select_related("made_type").first()
    if taken is None:
        return NOT_YET
    if taken.service != service:
        raise SuspiciousOperation(f"a token another form took was sent to {service}")
    if taken.made_type is None:
        return None
    made = taken.made
    if made is None:
        raise SuspiciousOperation(f"a form sent again to {service} made what is now removed")
    return made


def keep(token: str, service: str, made: object) -> None:
    """Record the token with what the service made, in the service's own transaction.
    Raises ``IntegrityError`` if another submission took the token first."""
    if not token:
        return
    if not TOKEN.fullmatch(token):
        raise ValidationError("This form's one-time token is not one we issued.")
    kept = made if isinstance(made, models.Model) else None
    with transaction.atomic():
        Submission.objects.create(
            token=token,
            service=service,
            made_type=ContentType.objects.get_for_model(kept) if kept is not None else None,
            made_id=str(kept.pk) if kept is not None else "",
        )


def name_of(service: Callable[..., Any]) -> str:
    return f"{service.__module__}.{service.__qualname__}"


def once(service: Callable[P, R]) -> Callable[P, R]:
    """Take the service's ``submission`` token once: see the module's docstring."""
    name = name_of(service)

    @functools.wraps(service)
    def take_once(*args: P.args, **kwargs: P.kwargs) -> R:
        token = str(kwargs.get(FIELD) or "")
        if not token:
            return service(*args, **kwargs)
        if (made := earlier(token, name)) is not NOT_YET:
            return cast(R, made)
        try:
            with transaction.atomic():
                result = service(*args, **kwargs)
                keep(token, name, result)
        except (IntegrityError, ValidationError):
            # Another post with this token committed first: everything this one did is
            # rolled back, and it is answered with what the other made. That includes a
            # refusal the first one's success caused ("a claim for this meeting has
            # already been made"): the person asked once, and it was done.
            if (made := earlier(token, name)) is NOT_YET:
                raise
            return cast(R, made)
        return result

    return take_once
