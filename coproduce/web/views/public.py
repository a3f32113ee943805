"""Public pages: home, give feedback, "you said, we did", health."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.accounts.policy import Capability, can
from coproduce.care.models import Team
from coproduce.change.services import published_updates
from coproduce.voices import follow_up
from coproduce.voices.forms import FEEDBACK_MAX_CHARACTERS, FeedbackForm
from coproduce.voices.models import Voice
from coproduce.voices.services import (
    public_quotes,
    receive_voice,
    voice_for_withdrawal,
    withdraw,
    withdrawal_token,
)
from coproduce.web.views.render import page, posted


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "public/home.jinja",
        "Home",
        can_caseload=can(request.user, Capability.VIEW_CASELOAD),
        can_voices=can(request.user, Capability.REVIEW_VOICES),
        can_evidence=can(request.user, Capability.VIEW_EVIDENCE),
        can_member=can(request.user, Capability.MEMBER_AREA),
    )


@require_http_methods(["GET", "POST"])
def give_feedback(request: HttpRequest) -> HttpResponse:
    # A follow-up invitation's link says which service the feedback is about; it does
    # not say who is giving it.
    token = request.GET.get("invitation") or request.POST.get("invitation") or ""
    invitation = follow_up.invitation_for(token) if token else None
    initial = {"team": invitation.episode.team_id} if invitation else None
    form = FeedbackForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        voice = receive_voice(
            channel=Voice.Channel.WEB,
            text=data["text"],
            rating=data["rating"],
            team=data["team"] or (invitation.episode.team if invitation else None),
            consent_improvement=data["consent_improvement"],
            consent_quote=data["consent_quote"],
            consent_contact=data["consent_contact"],
            contact_channel=data["contact_channel"] or Voice.ContactChannel.NONE,
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            language=translation.get_language() or "en",
            follow_up_invitation=invitation,
        )
        # The confirmation page puts crisis help first for a message that raised an alert,
        # and gives the link to withdraw this feedback later.
        request.session["feedback_at_risk"] = hasattr(voice, "risk_alert")
        request.session["feedback_withdrawal"] = withdrawal_token(voice)
        return redirect("feedback_received")
    return page(
        request,
        "public/feedback.jinja",
        "Give feedback",
        form=form,
        teams=Team.objects.all(),
        max_characters=FEEDBACK_MAX_CHARACTERS,
        invitation_token=token if invitation else "",
    )


@require_GET
def feedback_received(request: HttpRequest) -> HttpResponse:
    at_risk = request.session.pop("feedback_at_risk", False)
    token = request.session.pop("feedback_withdrawal", None)
    return page(
        request,
        "public/feedback_received.jinja",
        "Thank you for your feedback",
        at_risk=at_risk,
        withdraw_url=request.build_absolute_uri(reverse("withdraw_feedback", args=[token]))
        if token
        else None,
    )


@require_http_methods(["GET", "POST"])
def withdraw_feedback(request: HttpRequest, token: str) -> HttpResponse:
    voice = voice_for_withdrawal(token)
    if voice is None:
        return page(
            request, "public/withdraw.jinja", "Withdraw your feedback", status=404, voice=None
        )
    if request.method == "POST":
        withdraw(voice)
        return page(request, "public/withdraw.jinja", "Feedback withdrawn", voice=voice, done=True)
    return page(request, "public/withdraw.jinja", "Withdraw your feedback", voice=voice, done=False)


@require_http_methods(["GET", "POST"])
def stop_follow_up(request: HttpRequest, token: str) -> HttpResponse:
    """One tap to stop follow-up messages. The link opens a page with one button, so a
    link checker in someone's email cannot stop them by fetching the link."""
    invitation = follow_up.invitation_for(token)
    if invitation is None:
        return page(request, "public/stop.jinja", _("Stop these messages"), status=404, found=False)
    if request.method == "POST":
        follow_up.stop(invitation)
        return page(request, "public/stop.jinja", _("Messages stopped"), found=True, done=True)
    return page(request, "public/stop.jinja", _("Stop these messages"), found=True, done=False)


@require_GET
def list_updates(request: HttpRequest) -> HttpResponse:
    updates = published_updates()
    # Only words a person agreed to have quoted, masked and approved by a lead.
    quotes = {u.pk: list(public_quotes(u.action.insight.voices.all())[:2]) for u in updates}
    return page(
        request, "public/updates.jinja", _("You said, we did"), updates=updates, quotes=quotes
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
