from django.urls import path

from coproduce.web.views import accounts, care, change, evidence, network, public, voices

urlpatterns = [
    path("", public.home, name="home"),
    path("feedback", public.give_feedback, name="give_feedback"),
    path("feedback/thank-you", public.feedback_received, name="feedback_received"),
    path("you-said-we-did", public.list_updates, name="list_updates"),
    path("healthz", public.healthz, name="healthz"),
    path("sign-in", accounts.SignIn.as_view(), name="sign_in"),
    path("sign-out", accounts.SignOut.as_view(), name="sign_out"),
    path("caseload", care.list_caseload, name="list_caseload"),
    path("people/<int:person_id>", care.show_person, name="show_person"),
    path("episodes/<int:episode_id>/contacts/new", care.record_contact, name="record_contact"),
    path("voices", voices.list_voices, name="list_voices"),
    path("voices/<int:voice_id>", voices.show_voice, name="show_voice"),
    path("voices/<int:voice_id>/insight", voices.add_voice_to_insight, name="add_voice_to_insight"),
    path("insights", change.list_insights, name="list_insights"),
    path("insights/<int:insight_id>", change.show_insight, name="show_insight"),
    path("actions/<int:action_id>/update", change.publish_update, name="publish_update"),
    path("outbox", change.list_outbox, name="list_outbox"),
    path("evidence", evidence.show_evidence, name="show_evidence"),
    path("network/me", network.show_member, name="show_member"),
]
