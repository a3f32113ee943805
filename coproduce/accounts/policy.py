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
    RECALCULATE_CHART_LIMITS = "recalculate_chart_limits"
    TAKE_CALLS = "take_calls"
    WELCOME_GUESTS = "welcome_guests"
    PASS_CALLS = "pass_calls"  # noqa: S105 - a capability, not a password
    VIEW_IMPROVEMENT = "view_improvement"
    OPEN_PROJECTS = "open_projects"


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
    # Where a chart's limits start afresh is a judgement about the service, made by those
    # who run and study it (Making Data Count), never worked out automatically.
    Capability.RECALCULATE_CHART_LIMITS: frozenset({Role.ANALYST, Role.TEAM_LEADER}),
    # The line's call handlers are clinical staff of its team (seed 001); which calls
    # they see is the teams they work in (firstresponse.services.calls_for).
    Capability.TAKE_CALLS: CLINICAL,
    # The Sanctuary is staffed by support workers and peers as much as by clinicians:
    # all clinical roles welcome guests, at the Sanctuaries they work in.
    Capability.WELCOME_GUESTS: CLINICAL,
    # A partner's system (NHS 111 option 2, the police) passes calls to the line with a
    # clinical account, as the ambulance service refers; its scope is its registration as
    # a line partner (firstresponse.LinePartner), checked by the service (ADR 0015).
    Capability.PASS_CALLS: CLINICAL,
    # Improvement projects (seed 002): everyone who works on the service, and network
    # members, may see the portfolio; what each may change on a project is decided by
    # its team (improvement.services.may_change). Projects hold no clinical record.
    Capability.VIEW_IMPROVEMENT: frozenset(Role) - {Role.ADMINISTRATOR},
    # Opening one, with a lived-experience co-lead: those who run the change loop.
    Capability.OPEN_PROJECTS: frozenset({Role.LIVED_EXPERIENCE_LEAD, Role.TEAM_LEADER}),
}


class Open(StrEnum):
    """Addresses guarded by something other than a capability."""

    PUBLIC = "public"  # anyone, signed in or not
    NOTIFY = "notify"  # GOV.UK Notify's callbacks, with its bearer token
    ADMIN = "admin"  # the admin site: administrators only
    SIGNED_IN = "signed_in"  # anyone signed in (the second step of signing in)
    MONITORING = "monitoring"  # the monitoring addresses (COPRODUCE_METRICS_ADDRESSES)


# Every address the service answers, by URL name, and what guards it. Views and API
# endpoints declare their capability in code too; the access matrix test
# (accounts/tests/test_access_matrix.py) asks every address as every role, and as
# someone not signed in, and holds what happens to this table and POLICY.
ADDRESSES: dict[str, Capability | Open] = {
    "accept_agreement": Capability.MEMBER_AREA,
    "add_voice_to_insight": Capability.MANAGE_CHANGE,
    "admin": Open.ADMIN,
    "api_create_referral": Capability.RECORD_CONTACT,
    "api_create_voice": Capability.SUBMIT_VOICES_BY_API,
    "api_experience": Capability.VIEW_EVIDENCE,
    "api_pass_call": Capability.PASS_CALLS,
    "api_list_updates": Open.PUBLIC,
    # Any other address under the API: a JSON "nothing here", saying nothing held.
    "api_not_found": Open.PUBLIC,
    "api_schema": Open.PUBLIC,
    # Improvement projects, D: the story told back, and REST (issue 23).
    "api_improvement_projects": Capability.VIEW_IMPROVEMENT,
    "api_improvement_project": Capability.VIEW_IMPROVEMENT,
    "api_improvement_measures": Capability.VIEW_IMPROVEMENT,
    "api_improvement_cycles": Capability.VIEW_IMPROVEMENT,
    "api_improvement_annotations": Capability.VIEW_IMPROVEMENT,
    "project_story": Capability.VIEW_IMPROVEMENT,
    "approve_quote": Capability.PUBLISH_UPDATES,
    "break_glass": Capability.VIEW_CASELOAD,
    "cast_ballot": Capability.RANK_PRIORITIES,
    "change_report": Capability.VIEW_EVIDENCE,
    "change_report_pdf": Capability.VIEW_EVIDENCE,
    "claim_payment": Capability.MEMBER_AREA,
    "close_round": Capability.MANAGE_CHANGE,
    "discharge_episode": Capability.RECORD_CONTACT,
    "edit_agreement": Capability.MANAGE_NETWORK,
    "edit_contact_details": Capability.RECORD_CONTACT,
    "enter_code": Open.SIGNED_IN,
    "edit_plan": Capability.VIEW_CASELOAD,
    "evidence_csv": Capability.VIEW_EVIDENCE,
    "chart_limits": Capability.RECALCULATE_CHART_LIMITS,
    "readyz": Open.PUBLIC,
    "remove_chart_limits": Capability.RECALCULATE_CHART_LIMITS,
    "fix_chart_limits": Capability.RECALCULATE_CHART_LIMITS,
    "first_response_costs": Capability.RECALCULATE_CHART_LIMITS,
    "remove_chart_baseline": Capability.RECALCULATE_CHART_LIMITS,
    "export_claims": Capability.APPROVE_PAYMENTS,
    "feedback_received": Open.PUBLIC,
    "fhir_create": Capability.RECORD_CONTACT,
    "fhir_metadata": Open.PUBLIC,
    # Any other address under the FHIR base: answered "not-found" in FHIR, after the token.
    "fhir_not_found": Capability.VIEW_CASELOAD,
    "fhir_read": Capability.VIEW_CASELOAD,
    "find_person": Capability.VIEW_CASELOAD,
    "give_feedback": Open.PUBLIC,
    "give_feedback_again": Open.PUBLIC,
    "healthz": Open.PUBLIC,
    "metrics": Open.MONITORING,
    "home": Open.PUBLIC,
    "import_voices": Capability.REVIEW_VOICES,
    # Improvement projects (issue 23), the charter: each project's team changes it
    # (improvement.services.may_change; anyone else's post is refused with 403).
    "improvement_portfolio": Capability.VIEW_IMPROVEMENT,
    "open_project": Capability.OPEN_PROJECTS,
    "show_project": Capability.VIEW_IMPROVEMENT,
    "edit_project": Capability.VIEW_IMPROVEMENT,
    "improvement_team": Capability.VIEW_IMPROVEMENT,
    "improvement_team_member": Capability.VIEW_IMPROVEMENT,
    "improvement_progress": Capability.VIEW_IMPROVEMENT,
    "improvement_time": Capability.VIEW_IMPROVEMENT,
    "join_network": Open.PUBLIC,
    "joined_network": Open.PUBLIC,
    "list_actions": Capability.MANAGE_CHANGE,
    "list_alerts": Capability.RESPOND_TO_ALERTS,
    "list_caseload": Capability.VIEW_CASELOAD,
    "list_claims": Capability.APPROVE_PAYMENTS,
    "list_insights": Capability.MANAGE_CHANGE,
    "list_meetings": Capability.MANAGE_NETWORK,
    "list_members": Capability.MANAGE_NETWORK,
    "list_messages": Capability.VIEW_OUTBOX,
    "list_outbox": Capability.VIEW_OUTBOX,
    "list_referrals": Capability.VIEW_CASELOAD,
    "list_rounds": Capability.MANAGE_CHANGE,
    "list_themes": Capability.MANAGE_CHANGE,
    "start_theme_insight": Capability.MANAGE_CHANGE,
    "list_updates": Open.PUBLIC,
    "list_voices": Capability.REVIEW_VOICES,
    "new_referral": Capability.RECORD_CONTACT,
    "notify_delivery_receipt": Open.NOTIFY,
    "notify_received_text": Open.NOTIFY,
    "print_letters": Capability.VIEW_OUTBOX,
    "publish_update": Capability.PUBLISH_UPDATES,
    "preview_update_audio": Capability.PUBLISH_UPDATES,
    "record_call_back": Capability.RESPOND_TO_ALERTS,
    "record_contact": Capability.RECORD_CONTACT,
    "record_appointment_outcome": Capability.RECORD_CONTACT,
    "record_voice": Capability.RECORD_VOICES,
    "self_assessment": Capability.MANAGE_NETWORK,
    "show_line": Capability.TAKE_CALLS,
    "start_call": Capability.TAKE_CALLS,
    "discard_call": Capability.TAKE_CALLS,
    "read_call_risk": Capability.TAKE_CALLS,
    "record_call": Capability.TAKE_CALLS,
    "take_passed_call": Capability.TAKE_CALLS,
    "record_caller_as_person": Capability.TAKE_CALLS,
    "link_earlier_calls": Capability.TAKE_CALLS,
    "correct_call": Capability.TAKE_CALLS,
    "undo_call_link": Capability.TAKE_CALLS,
    "show_sanctuary": Capability.WELCOME_GUESTS,
    "welcome_guest": Capability.WELCOME_GUESTS,
    "record_departure": Capability.WELCOME_GUESTS,
    "set_up_code": Open.SIGNED_IN,
    "show_action": Capability.MANAGE_CHANGE,
    "show_alert": Capability.RESPOND_TO_ALERTS,
    "show_alert_contact": Capability.RESPOND_TO_ALERTS,
    "show_episode": Capability.VIEW_CASELOAD,
    "show_evidence": Capability.VIEW_EVIDENCE,
    "show_evidence_theme": Capability.VIEW_EVIDENCE,
    "show_insight": Capability.MANAGE_CHANGE,
    "reword_insight": Capability.MANAGE_CHANGE,
    "show_meeting": Capability.MANAGE_NETWORK,
    "show_member": Capability.MEMBER_AREA,
    "show_network_member": Capability.MANAGE_NETWORK,
    "show_paper": Capability.READ_MEETING_PAPERS,
    "show_person": Capability.VIEW_CASELOAD,
    "show_plan": Capability.VIEW_CASELOAD,
    "show_referral": Capability.VIEW_CASELOAD,
    "show_round": Capability.VIEW_PRIORITIES,
    "show_running_totals": Capability.MANAGE_CHANGE,
    "show_story": Capability.VIEW_EVIDENCE,
    "show_update_progress": Capability.MANAGE_CHANGE,
    "show_update": Open.PUBLIC,
    "show_voice": Capability.REVIEW_VOICES,
    "show_worklist": Capability.VIEW_CASELOAD,
    "sign_in": Open.PUBLIC,
    "sso_callback": Open.PUBLIC,
    "sso_start": Open.PUBLIC,
    "sign_out": Open.PUBLIC,
    "stop_follow_up": Open.PUBLIC,
    "stop_updates": Open.PUBLIC,
    "story_pdf": Capability.VIEW_EVIDENCE,
    "translate_update": Capability.PUBLISH_UPDATES,
    "update_audio": Open.PUBLIC,
    "withdraw_feedback": Open.PUBLIC,
    # Improvement projects (issue 23), B: the driver diagram and PDSA cycles.
    "driver_diagram": Capability.VIEW_IMPROVEMENT,
    "project_cycles": Capability.VIEW_IMPROVEMENT,
    "improvement_new_cycle": Capability.VIEW_IMPROVEMENT,
    "improvement_cycle": Capability.VIEW_IMPROVEMENT,
    # Issue 23, area C: a project's measures (the services hold the team-only changes).
    "project_measures": Capability.VIEW_IMPROVEMENT,
    "show_measure": Capability.VIEW_IMPROVEMENT,
    "improvement_edit_measure": Capability.VIEW_IMPROVEMENT,
    "improvement_measure_figure": Capability.VIEW_IMPROVEMENT,
    "improvement_measure_limits": Capability.VIEW_IMPROVEMENT,
    "improvement_remove_limits": Capability.VIEW_IMPROVEMENT,
    "improvement_annotate": Capability.VIEW_IMPROVEMENT,
    "improvement_remove_note": Capability.VIEW_IMPROVEMENT,
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
