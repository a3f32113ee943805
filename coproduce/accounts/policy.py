"""The access policy: one table saying which roles may do what.

Views and API endpoints name a capability; they never test roles themselves. Seeing a
particular person's record needs more than the capability: the record must also be on
one of the user's teams' caseloads (see ``coproduce.care.services.open_person_record``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from coproduce.accounts.models import Role, User


class Capability(StrEnum):
    VIEW_CASELOAD = "view_caseload"
    RECORD_CONTACT = "record_contact"
    REVIEW_VOICES = "review_voices"
    MANAGE_CHANGE = "manage_change"
    PUBLISH_UPDATES = "publish_updates"
    VIEW_OUTBOX = "view_outbox"
    VIEW_EVIDENCE = "view_evidence"
    SUBMIT_VOICES_BY_API = "submit_voices_by_api"
    MEMBER_AREA = "member_area"
    RESPOND_TO_ALERTS = "respond_to_alerts"
    RECORD_VOICES = "record_voices"
    VIEW_PRIORITIES = "view_priorities"
    RANK_PRIORITIES = "rank_priorities"
    MANAGE_NETWORK = "manage_network"
    APPROVE_PAYMENTS = "approve_payments"
    READ_MEETING_PAPERS = "read_meeting_papers"


CLINICAL = frozenset({Role.PRACTITIONER, Role.SUPPORT_WORKER, Role.TEAM_LEADER})

POLICY: dict[Capability, frozenset[Role]] = {
    Capability.VIEW_CASELOAD: CLINICAL,
    Capability.RECORD_CONTACT: CLINICAL,
    Capability.REVIEW_VOICES: frozenset({Role.LIVED_EXPERIENCE_LEAD, Role.TEAM_LEADER}),
    Capability.MANAGE_CHANGE: frozenset({Role.LIVED_EXPERIENCE_LEAD, Role.TEAM_LEADER}),
    Capability.PUBLISH_UPDATES: frozenset({Role.LIVED_EXPERIENCE_LEAD}),
    Capability.VIEW_OUTBOX: frozenset({Role.LIVED_EXPERIENCE_LEAD, Role.ADMINISTRATOR}),
    Capability.VIEW_EVIDENCE: frozenset(Role) - {Role.ADMINISTRATOR},
    Capability.SUBMIT_VOICES_BY_API: frozenset(
        {Role.PRACTITIONER, Role.SUPPORT_WORKER, Role.TEAM_LEADER, Role.LIVED_EXPERIENCE_LEAD}
    ),
    Capability.MEMBER_AREA: frozenset({Role.NETWORK_MEMBER}),
    Capability.RESPOND_TO_ALERTS: CLINICAL,
    # Staff write down feedback given to them; peers in the network, community listening.
    Capability.RECORD_VOICES: CLINICAL | {Role.LIVED_EXPERIENCE_LEAD, Role.NETWORK_MEMBER},
    # Members rank insights into collective priorities; staff who run the loop see results.
    Capability.VIEW_PRIORITIES: frozenset(
        {Role.LIVED_EXPERIENCE_LEAD, Role.TEAM_LEADER, Role.NETWORK_MEMBER}
    ),
    Capability.RANK_PRIORITIES: frozenset({Role.NETWORK_MEMBER}),
    # The network's members, meetings, respect agreement and self-assessment.
    Capability.MANAGE_NETWORK: frozenset({Role.LIVED_EXPERIENCE_LEAD}),
    Capability.APPROVE_PAYMENTS: frozenset({Role.LIVED_EXPERIENCE_LEAD}),
    # Members read the papers of meetings they are invited to (checked in the view).
    Capability.READ_MEETING_PAPERS: frozenset({Role.LIVED_EXPERIENCE_LEAD, Role.NETWORK_MEMBER}),
}


def can(user: User | AnonymousUser, capability: Capability) -> bool:
    if not user.is_authenticated or not isinstance(user, User) or not user.is_active:
        return False
    return user.role in POLICY[capability]


View = TypeVar("View", bound=Callable[..., HttpResponse])


def requires(capability: Capability) -> Callable[[View], View]:
    """Refuse a view to anyone without the capability: sign in first, or 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, capability):
                raise PermissionDenied(capability.value)
            return view(request, *args, **kwargs)

        guarded.capability = capability  # type: ignore[attr-defined]
        return cast(View, guarded)

    return decorate
