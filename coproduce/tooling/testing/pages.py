"""Every page of the demo, by the role that uses it, with a real address to visit.

Shared by the accessibility sweep and the access matrix; both check this list against
the URL configuration, so a new page cannot be left out of either.
"""

import datetime as dt

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.care.models import Episode, Person, Referral
from coproduce.change import stopping
from coproduce.change.models import Action, Insight, PriorityRound, Update
from coproduce.evidence.models import LimitRecalculation
from coproduce.firstresponse.models import Call, CallLink, SanctuaryVisit
from coproduce.improvement.models import (
    Cycle,
    Measure,
    Project,
)
from coproduce.network.models import Meeting, MeetingPaper, Member
from coproduce.voices import follow_up
from coproduce.voices.models import FollowUpInvitation, RiskAlert, Voice
from coproduce.voices.services import withdrawal_token

# Names of pages that are not visited as pages.
NOT_PAGES = {
    "healthz",  # the operator's probes: JSON and Prometheus's text format
    "readyz",
    "metrics",
    "sign_out",
    "add_voice_to_insight",
    "approve_quote",
    "update_audio",  # a sound file
    "preview_update_audio",  # a sound file
    "export_claims",  # a CSV file
    "accept_agreement",  # a button's target
    "story_pdf",  # a PDF file (tagged PDF/UA; checked in change/tests/test_story.py)
    "change_report_pdf",  # a PDF file (tagged PDF/UA; checked in evidence/tests/test_dashboard.py)
    "evidence_csv",  # CSV files (checked in evidence/tests/test_dashboard.py)
    "enter_code",  # checked at every staff sign-in (coproduce.tooling.testing.browser.sign_in)
    "set_up_code",  # checked in test_setting_up_an_authenticator_app_passes_axe
    "sso_start",  # redirects to the identity provider
    "sso_callback",  # redirects back from it
    "show_alert_contact",  # a button's target: the alert page with the contact details shown
    "record_call_back",  # a form's target (checked in voices/tests/test_alert_call_backs.py)
    "fix_chart_limits",  # a form's target (evidence/tests/test_limit_recalculations.py)
    "remove_chart_baseline",  # a button's target (the same tests)
    "show_running_totals",  # a button's target (change/tests/test_priorities.py)
    "start_call",  # a button's target (firstresponse/tests/test_pages.py)
    "discard_call",  # a button's target (firstresponse/tests/test_pages.py)
    "read_call_risk",  # a button's target (firstresponse/tests/test_pages.py)
    "take_passed_call",  # a button's target (firstresponse/tests/test_passed_calls.py)
    # Issue 23, area C: forms' and buttons' targets (improvement/tests/test_measure_pages.py).
    "improvement_measure_figure",
    "improvement_measure_limits",
    "improvement_remove_limits",
    "improvement_annotate",
    "improvement_remove_note",
}


def example_project() -> Project:
    """The demo's improvement project (seed 002: tooling.synthetic.improvement)."""
    return Project.objects.order_by("pk")[0]


def an_improvement_cycle() -> Cycle:
    """The demo project's first PDSA cycle."""
    return Cycle.objects.select_related("change_idea").order_by("pk")[0]


def improvement_measure() -> Measure:
    """The demo project's measure counted by its team (its figures are entered on the page)."""
    return Measure.objects.filter(source=Measure.Source.COUNTED).order_by("pk")[0]


def pages_by_role():
    episode = Episode.objects.open().filter(team__staff__username="practitioner")[0]
    action = Action.objects.all()[0]
    waiting = Referral.objects.filter(team__staff__username="practitioner")[0]
    outsider = Person.objects.get(given_name="Not", family_name="OnTheCaseload")
    update = Update.objects.all()[0]
    # The network's own first meeting (the improvement project's open forum is older).
    held = Meeting.objects.filter(improvement_project__isnull=True).order_by("starts_at")[0]
    paper = MeetingPaper.objects.all()[0]
    closed, open_round = PriorityRound.objects.order_by("pk")[:2]
    recalculation, _ = LimitRecalculation.objects.get_or_create(
        chart="experience_good",
        month=dt.date(timezone.localdate().year - 1, 3, 1),
        defaults={
            "reason": "Peer support worker on every evening shift",
            "set_by": User.objects.get(username="analyst"),
        },
    )
    cycle = an_improvement_cycle()
    project_id = cycle.change_idea.project_id
    anonymous_call = Call.objects.filter(person__isnull=True, ended_at__isnull=False).order_by(
        "pk"
    )[0]
    call_link, _ = CallLink.objects.get_or_create(
        call=anonymous_call,
        defaults={
            "person": episode.person,
            "linked_by": User.objects.get(username="practitioner"),
            "linked_at": timezone.now(),
            "because": "The same number and first name",
        },
    )
    project = example_project()
    measure = improvement_measure()
    return {
        None: {
            "home": "/",
            "give_feedback": "/feedback",
            "give_feedback_again": "/feedback/new",
            "feedback_received": "/feedback/thank-you",
            "list_updates": "/you-said-we-did",
            "withdraw_feedback": f"/feedback/withdraw/{withdrawal_token(Voice.objects.all()[0])}",
            "sign_in": "/sign-in",
            "stop_follow_up": "/feedback/stop/"
            + follow_up.token(FollowUpInvitation.objects.all()[0]),
            "show_update": f"/you-said-we-did/{update.pk}?format=easy-read",
            "stop_updates": "/you-said-we-did/stop/" + stopping.token(Voice.objects.all()[0]),
            "join_network": "/join",
            "joined_network": "/join/thank-you",
        },
        "practitioner": {
            "list_alerts": "/alerts",
            "show_alert": f"/alerts/{RiskAlert.objects.order_by('pk')[0].pk}",
            "show_worklist": "/worklist",
            "list_referrals": "/referrals",
            "new_referral": "/referrals/new",
            "show_referral": f"/referrals/{waiting.pk}",
            "list_caseload": "/caseload",
            "show_person": f"/people/{episode.person_id}",
            "show_plan": f"/people/{episode.person_id}/crisis-plan",
            "edit_plan": f"/people/{episode.person_id}/safety-plan/edit",
            "edit_contact_details": f"/people/{episode.person_id}/contact-details",
            "show_episode": f"/episodes/{episode.pk}",
            "discharge_episode": f"/episodes/{episode.pk}/discharge",
            "record_contact": f"/episodes/{episode.pk}/contacts/new",
            "record_appointment_outcome": "/appointments/"
            + str(
                (
                    episode.appointments.filter(status="booked").order_by("starts_at").first()
                    or episode.appointments.order_by("pk")[0]
                ).pk
            ),
            "find_person": "/people/find",
            "break_glass": f"/people/{outsider.pk}/break-glass",
            "show_line": "/line",
            "record_call": f"/line/calls/{Call.objects.order_by('pk')[0].pk}",
            "record_caller_as_person": f"/line/calls/{anonymous_call.pk}/person",
            "link_earlier_calls": f"/line/calls/{anonymous_call.pk}/links",
            "correct_call": f"/line/calls/{anonymous_call.pk}/correction",
            "undo_call_link": f"/line/links/{call_link.pk}/undo",
            "show_sanctuary": "/sanctuary",
            "welcome_guest": "/sanctuary/arrivals",
            "record_departure": "/sanctuary/guests/"
            f"{SanctuaryVisit.objects.filter(left_at__isnull=True)[0].pk}/leaving",
        },
        "le.lead": {
            "list_voices": "/voices",
            "show_voice": f"/voices/{Voice.objects.all()[0].pk}",
            "list_insights": "/insights",
            "list_themes": "/themes",
            "start_theme_insight": "/themes/insight?phrases=call+back&voice="
            + str(Voice.objects.usable_for_improvement()[0].pk),
            "show_insight": f"/insights/{Insight.objects.all()[0].pk}",
            "reword_insight": f"/insights/{Insight.objects.all()[0].pk}/words",
            "publish_update": f"/actions/{action.pk}/update",
            "list_outbox": "/outbox",
            "record_voice": "/voices/new",
            "import_voices": "/voices/import",
            "list_messages": "/voices/messages",
            "list_actions": "/actions",
            "show_action": f"/actions/{action.pk}",
            "show_update_progress": f"/updates/{update.pk}",
            "translate_update": f"/updates/{update.pk}/translate",
            "print_letters": f"/updates/{update.pk}/letters",
            "project_story": f"/improvement/{Project.objects.order_by('pk')[0].pk}/story",
            "list_rounds": "/priorities",
            "show_round": f"/priorities/{closed.pk}",
            "close_round": f"/priorities/{open_round.pk}/close",
            "list_members": "/network",
            "show_network_member": f"/network/members/{Member.objects.all()[1].pk}",
            "edit_agreement": "/network/agreement",
            "self_assessment": "/network/self-assessment",
            "list_meetings": "/meetings",
            "show_meeting": f"/meetings/{held.pk}",
            "show_paper": f"/meetings/{held.pk}/papers/{paper.pk}?format=large-print",
            "list_claims": "/payments",
            "improvement_portfolio": "/improvement",
            "open_project": "/improvement/new?voice="
            f"{Voice.objects.usable_for_improvement().order_by('pk')[0].pk}",
            "show_project": f"/improvement/{project.pk}",
            "edit_project": f"/improvement/{project.pk}/edit",
            "improvement_team": f"/improvement/{project.pk}/team",
            "improvement_team_member": f"/improvement/{project.pk}/team/"
            f"{project.team.filter(left_on__isnull=True).order_by('pk')[0].pk}",
            "improvement_progress": f"/improvement/{project.pk}/progress",
            "improvement_time": f"/improvement/{project.pk}/time",
            # Improvement projects (issue 23), B: the driver diagram and PDSA cycles.
            "driver_diagram": f"/improvement/{project_id}/drivers",
            "project_cycles": f"/improvement/{project_id}/cycles",
            "improvement_new_cycle": f"/improvement/{project_id}/cycles/new"
            f"?idea={cycle.change_idea_id}",
            "improvement_cycle": f"/improvement/{project_id}/cycles/{cycle.pk}",
            # Issue 23, area C: a project's measures.
            "project_measures": f"/improvement/{measure.project_id}/measures",
            "show_measure": f"/improvement/{measure.project_id}/measures/{measure.pk}",
            "improvement_edit_measure": (
                f"/improvement/{measure.project_id}/measures/{measure.pk}/edit"
            ),
        },
        "analyst": {
            "show_evidence": "/evidence",
            "show_evidence_theme": "/evidence/coproduction",
            "chart_limits": "/evidence/limits",
            "first_response_costs": "/evidence/first-response/costs",
            "remove_chart_limits": f"/evidence/limits/{recalculation.pk}/remove",
            "change_report": "/evidence/change",
            "show_story": "/story",
        },
        "member": {
            "show_member": "/network/me",
            "cast_ballot": f"/priorities/{open_round.pk}/ballot",
            "claim_payment": f"/meetings/{held.pk}/claim",
        },
    }
