"""Fields to choose members of staff with, named as everywhere else (``name_and_role``).

A team's list, or the whole trust's, can hold hundreds of staff. The choices are read as
the columns that name someone, with no ``User`` made for each (issue 25: making 1,000 of
them, once a page, cost an insight page more than the rest of it); the chosen one is
still checked against the field's queryset, and ``cleaned_data`` holds ``User`` objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator

from coproduce.accounts.models import Role, User


def staff_users() -> QuerySet[User]:
    """People on the staff who may be named for work (an action's owner, an insight's
    co-writers, a project's leads, a team's staff): every working role but network
    members and administrators, signed-in people only. A partner's system account (NHS
    111, the police: firstresponse.LinePartner) is no member of staff (a fresh-eyes trial
    found the police offered as a project's co-lead, and later as an action's owner and
    on a team), and the service's own accounts (``system:…``) are never active."""
    roles = [r for r in Role if r not in {Role.NETWORK_MEMBER, Role.ADMINISTRATOR}]
    return User.objects.filter(is_active=True, role__in=roles, line_partner__isnull=True).order_by(
        "first_name", "last_name", "username"
    )


def co_writers() -> QuerySet[User]:
    """Who an insight may be written with: the staff (``staff_users``) and network
    members, the people with lived experience that co-production writes it with (a
    fresh-eyes trial found only staff offered)."""
    roles = [r for r in Role if r != Role.ADMINISTRATOR]
    return User.objects.filter(is_active=True, role__in=roles, line_partner__isnull=True).order_by(
        "first_name", "last_name", "username"
    )


class StaffChoices(ModelChoiceIterator):
    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, *names in self.queryset.values_list("pk", *User.NAME_FIELDS):
            yield (pk, User.naming(*names))


class StaffChoice(forms.ModelChoiceField[User]):
    iterator = StaffChoices


class StaffMultipleChoice(forms.ModelMultipleChoiceField[User]):
    iterator = StaffChoices
