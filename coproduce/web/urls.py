from django.urls import path, re_path

from coproduce.web.views import (
    accounts,
    care,
    change,
    evidence,
    firstresponse,
    firstresponse_links,
    improvement,
    improvement_cycles,
    improvement_measures,
    improvement_story,
    network,
    public,
    sso,
    voices,
)

PLAN = r"^people/(?P<person_id>[0-9]+)/(?P<kind>crisis-plan|safety-plan)"

# Public pages, served in each language (see coproduce/urls.py).
public_urlpatterns = [
    path("", public.home, name="home"),
    path("feedback", public.give_feedback, name="give_feedback"),
    path("feedback/thank-you", public.feedback_received, name="feedback_received"),
    path("feedback/withdraw/<str:token>", public.withdraw_feedback, name="withdraw_feedback"),
    path("feedback/stop/<str:token>", public.stop_follow_up, name="stop_follow_up"),
    path("you-said-we-did", public.list_updates, name="list_updates"),
    path("you-said-we-did/<int:update_id>", public.show_update, name="show_update"),
    path("join", network.join_network, name="join_network"),
    path("join/thank-you", network.joined_network, name="joined_network"),
    path(
        "you-said-we-did/<int:update_id>/audio/<str:language>",
        public.update_audio,
        name="update_audio",
    ),
]

urlpatterns = [
    path("healthz", public.healthz, name="healthz"),
    path("sign-in", accounts.SignIn.as_view(), name="sign_in"),
    path("sign-in/code", accounts.enter_code, name="enter_code"),
    path("sign-in/set-up", accounts.set_up_code, name="set_up_code"),
    path("sign-out", accounts.SignOut.as_view(), name="sign_out"),
    path("sso/start", sso.start_single_sign_on, name="sso_start"),
    path("sso/callback", sso.finish_single_sign_on, name="sso_callback"),
    path("caseload", care.list_caseload, name="list_caseload"),
    path("worklist", care.show_worklist, name="show_worklist"),
    path("referrals", care.list_referrals, name="list_referrals"),
    path("referrals/new", care.new_referral, name="new_referral"),
    path("referrals/<int:referral_id>", care.show_referral, name="show_referral"),
    path("people/find", care.find_person, name="find_person"),
    path("people/<int:person_id>", care.show_person, name="show_person"),
    path("people/<int:person_id>/break-glass", care.break_glass, name="break_glass"),
    path(
        "people/<int:person_id>/contact-details",
        care.edit_contact_details,
        name="edit_contact_details",
    ),
    re_path(PLAN + r"$", care.show_plan, name="show_plan"),
    re_path(PLAN + r"/edit$", care.edit_plan, name="edit_plan"),
    path("episodes/<int:episode_id>", care.show_episode, name="show_episode"),
    path("episodes/<int:episode_id>/discharge", care.discharge_episode, name="discharge_episode"),
    path("episodes/<int:episode_id>/contacts/new", care.record_contact, name="record_contact"),
    path("line", firstresponse.show_line, name="show_line"),
    path("line/calls", firstresponse.start_call, name="start_call"),
    path("line/calls/<int:call_id>", firstresponse.record_call, name="record_call"),
    path("line/calls/<int:call_id>/discard", firstresponse.discard_call, name="discard_call"),
    path(
        "line/passed/<int:passed_id>/take",
        firstresponse.take_passed_call,
        name="take_passed_call",
    ),
    path(
        "line/calls/<int:call_id>/person",
        firstresponse_links.record_caller_as_person,
        name="record_caller_as_person",
    ),
    path(
        "line/calls/<int:call_id>/links",
        firstresponse_links.link_earlier_calls,
        name="link_earlier_calls",
    ),
    path(
        "line/calls/<int:call_id>/correction",
        firstresponse_links.correct_call,
        name="correct_call",
    ),
    path(
        "line/links/<int:link_id>/undo", firstresponse_links.undo_call_link, name="undo_call_link"
    ),
    path("sanctuary", firstresponse.show_sanctuary, name="show_sanctuary"),
    path("sanctuary/arrivals", firstresponse.welcome_guest, name="welcome_guest"),
    path(
        "sanctuary/guests/<int:visit_id>/leaving",
        firstresponse.record_departure,
        name="record_departure",
    ),
    path("alerts", voices.list_alerts, name="list_alerts"),
    path("alerts/<int:alert_id>", voices.show_alert, name="show_alert"),
    path(
        "alerts/<int:alert_id>/contact-details",
        voices.show_alert_contact,
        name="show_alert_contact",
    ),
    path("alerts/<int:alert_id>/call-backs", voices.record_call_back, name="record_call_back"),
    path("voices", voices.list_voices, name="list_voices"),
    path("voices/new", voices.record_voice, name="record_voice"),
    path("voices/import", voices.import_voices, name="import_voices"),
    path("voices/messages", voices.list_messages, name="list_messages"),
    path("voices/<int:voice_id>", voices.show_voice, name="show_voice"),
    path("voices/<int:voice_id>/quote", voices.approve_quote, name="approve_quote"),
    path("voices/<int:voice_id>/insight", voices.add_voice_to_insight, name="add_voice_to_insight"),
    path("insights", change.list_insights, name="list_insights"),
    path("themes", change.list_themes, name="list_themes"),
    path("insights/<int:insight_id>", change.show_insight, name="show_insight"),
    path("actions", change.list_actions, name="list_actions"),
    path("actions/<int:action_id>", change.show_action, name="show_action"),
    path("actions/<int:action_id>/update", change.publish_update, name="publish_update"),
    path(
        "actions/<int:action_id>/update/preview/<str:digest>/audio",
        change.preview_update_audio,
        name="preview_update_audio",
    ),
    path("updates/<int:update_id>", change.show_update_progress, name="show_update_progress"),
    path("updates/<int:update_id>/translate", change.translate_update, name="translate_update"),
    path("updates/<int:update_id>/letters", change.print_letters, name="print_letters"),
    path("priorities", change.list_rounds, name="list_rounds"),
    path("priorities/<int:round_id>", change.show_round, name="show_round"),
    path("priorities/<int:round_id>/ballot", change.cast_ballot, name="cast_ballot"),
    path("priorities/<int:round_id>/close", change.close_round, name="close_round"),
    path(
        "priorities/<int:round_id>/running-totals",
        change.show_running_totals,
        name="show_running_totals",
    ),
    path("outbox", change.list_outbox, name="list_outbox"),
    path("story", change.show_story, name="show_story"),
    path("story.pdf", change.story_pdf, name="story_pdf"),
    path("evidence", evidence.show_evidence, name="show_evidence"),
    path("evidence/limits", evidence.chart_limits, name="chart_limits"),
    path("evidence/limits/baseline", evidence.fix_chart_limits, name="fix_chart_limits"),
    path(
        "evidence/limits/baseline/<int:baseline_id>/remove",
        evidence.remove_chart_baseline,
        name="remove_chart_baseline",
    ),
    path(
        "evidence/limits/<int:recalculation_id>/remove",
        evidence.remove_chart_limits,
        name="remove_chart_limits",
    ),
    path("evidence/change", evidence.change_report, name="change_report"),
    path("evidence/change.pdf", evidence.change_report_pdf, name="change_report_pdf"),
    path(
        "evidence/first-response/costs",
        evidence.first_response_costs,
        name="first_response_costs",
    ),
    path("evidence/<slug:name>.csv", evidence.evidence_csv, name="evidence_csv"),
    path("evidence/<slug:theme>", evidence.show_evidence_theme, name="show_evidence_theme"),
    path("network", network.list_members, name="list_members"),
    path(
        "network/members/<int:member_id>", network.show_network_member, name="show_network_member"
    ),
    path("network/agreement", network.edit_agreement, name="edit_agreement"),
    path("network/self-assessment", network.self_assessment, name="self_assessment"),
    path("network/me", network.show_member, name="show_member"),
    path("network/me/agreement", network.accept_agreement, name="accept_agreement"),
    path("meetings", network.list_meetings, name="list_meetings"),
    path("meetings/<int:meeting_id>", network.show_meeting, name="show_meeting"),
    path("meetings/<int:meeting_id>/papers/<int:paper_id>", network.show_paper, name="show_paper"),
    path("meetings/<int:meeting_id>/claim", network.claim_payment, name="claim_payment"),
    path("payments", network.list_claims, name="list_claims"),
    path("payments/export.csv", network.export_claims, name="export_claims"),
    # Improvement projects (issue 23), A — the charter: portfolio, opening, charter, team,
    # progress, time.
    path("improvement", improvement.improvement_portfolio, name="improvement_portfolio"),
    path("improvement/new", improvement.open_project, name="open_project"),
    path("improvement/<int:project_id>", improvement.show_project, name="show_project"),
    path("improvement/<int:project_id>/edit", improvement.edit_project, name="edit_project"),
    path(
        "improvement/<int:project_id>/team", improvement.improvement_team, name="improvement_team"
    ),
    path(
        "improvement/<int:project_id>/team/<int:place_id>",
        improvement.improvement_team_member,
        name="improvement_team_member",
    ),
    path(
        "improvement/<int:project_id>/progress",
        improvement.improvement_progress,
        name="improvement_progress",
    ),
    path(
        "improvement/<int:project_id>/time", improvement.improvement_time, name="improvement_time"
    ),
    # Improvement projects (issue 23), B: the driver diagram and PDSA cycles.
    path(
        "improvement/<int:project_id>/drivers",
        improvement_cycles.driver_diagram,
        name="driver_diagram",
    ),
    path(
        "improvement/<int:project_id>/cycles",
        improvement_cycles.project_cycles,
        name="project_cycles",
    ),
    path(
        "improvement/<int:project_id>/cycles/new",
        improvement_cycles.new_cycle,
        name="improvement_new_cycle",
    ),
    path(
        "improvement/<int:project_id>/cycles/<int:cycle_id>",
        improvement_cycles.show_cycle,
        name="improvement_cycle",
    ),
    # Improvement projects, D: the story told back (issue 23).
    path(
        "improvement/<int:project_id>/story",
        improvement_story.project_story,
        name="project_story",
    ),
    # Issue 23, area C: an improvement project's measures and their annotated charts.
    path(
        "improvement/<int:project_id>/measures",
        improvement_measures.project_measures,
        name="project_measures",
    ),
    path(
        "improvement/<int:project_id>/measures/<int:measure_id>",
        improvement_measures.show_measure,
        name="show_measure",
    ),
    path(
        "improvement/<int:project_id>/measures/<int:measure_id>/edit",
        improvement_measures.improvement_edit_measure,
        name="improvement_edit_measure",
    ),
    path(
        "improvement/<int:project_id>/measures/<int:measure_id>/figures",
        improvement_measures.improvement_measure_figure,
        name="improvement_measure_figure",
    ),
    path(
        "improvement/<int:project_id>/measures/<int:measure_id>/limits",
        improvement_measures.improvement_measure_limits,
        name="improvement_measure_limits",
    ),
    path(
        "improvement/<int:project_id>/measures/<int:measure_id>/limits/<int:recalculation_id>/remove",
        improvement_measures.improvement_remove_limits,
        name="improvement_remove_limits",
    ),
    path(
        "improvement/<int:project_id>/measures/<int:measure_id>/notes",
        improvement_measures.improvement_annotate,
        name="improvement_annotate",
    ),
    path(
        "improvement/<int:project_id>/measures/<int:measure_id>/notes/<int:annotation_id>/remove",
        improvement_measures.improvement_remove_note,
        name="improvement_remove_note",
    ),
]
