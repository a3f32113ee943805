from django.urls import path, re_path

from coproduce.web.views import accounts, care, change, evidence, network, public, voices

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
    path("sign-out", accounts.SignOut.as_view(), name="sign_out"),
    path("caseload", care.list_caseload, name="list_caseload"),
    path("worklist", care.show_worklist, name="show_worklist"),
    path("referrals", care.list_referrals, name="list_referrals"),
    path("referrals/new", care.new_referral, name="new_referral"),
    path("referrals/<int:referral_id>", care.show_referral, name="show_referral"),
    path("people/find", care.find_person, name="find_person"),
    path("people/<int:person_id>", care.show_person, name="show_person"),
    path("people/<int:person_id>/break-glass", care.break_glass, name="break_glass"),
    re_path(PLAN + r"$", care.show_plan, name="show_plan"),
    re_path(PLAN + r"/edit$", care.edit_plan, name="edit_plan"),
    path("episodes/<int:episode_id>", care.show_episode, name="show_episode"),
    path("episodes/<int:episode_id>/discharge", care.discharge_episode, name="discharge_episode"),
    path("episodes/<int:episode_id>/contacts/new", care.record_contact, name="record_contact"),
    path("alerts", voices.list_alerts, name="list_alerts"),
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
    path("updates/<int:update_id>/translate", change.translate_update, name="translate_update"),
    path("updates/<int:update_id>/letters", change.print_letters, name="print_letters"),
    path("priorities", change.list_rounds, name="list_rounds"),
    path("priorities/<int:round_id>", change.show_round, name="show_round"),
    path("priorities/<int:round_id>/ballot", change.cast_ballot, name="cast_ballot"),
    path("outbox", change.list_outbox, name="list_outbox"),
    path("story", change.show_story, name="show_story"),
    path("story.pdf", change.story_pdf, name="story_pdf"),
    path("evidence", evidence.show_evidence, name="show_evidence"),
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
]
