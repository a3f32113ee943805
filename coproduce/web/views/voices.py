"""Staff pages for voices: the inbox, and tagging a voice with enquiry categories."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.accounts.policy import Capability, requires
from coproduce.change import services as change
from coproduce.change.forms import AddToInsightForm
from coproduce.voices import services
from coproduce.voices.forms import AcknowledgeAlertForm, TagVoiceForm
from coproduce.voices.models import RiskAlert, Voice
from coproduce.web.views.render import page, posted, signed_in_user


@requires(Capability.REVIEW_VOICES)
@require_GET
def list_voices(request: HttpRequest) -> HttpResponse:
    voices = services.inbox()
    show = request.GET.get("show", "new")
    if show == "new":
        voices = voices.filter(reviewed_at__isnull=True)
    return page(request, "voices/inbox.jinja", "Voices", voices=list(voices[:200]), show=show)


@requires(Capability.REVIEW_VOICES)
@require_http_methods(["GET", "POST"])
def show_voice(request: HttpRequest, voice_id: int) -> HttpResponse:
    user = signed_in_user(request)
    voice = get_object_or_404(services.inbox(), pk=voice_id)
    if request.method == "GET":
        audit.record(user, AuditEvent.Action.VIEWED, voice)
    form = TagVoiceForm(
        posted(request), initial={"categories": [c.pk for c in voice.categories.all()]}
    )
    if request.method == "POST" and form.is_valid():
        services.tag_voice(user, voice, form.cleaned_data["categories"])
        messages.success(request, "Enquiry categories saved.")
        return redirect("show_voice", voice_id=voice.pk)
    return page(
        request,
        "voices/voice.jinja",
        f"Voice {voice.pk}",
        voice=voice,
        form=form,
        insight_form=AddToInsightForm(),
    )


@requires(Capability.MANAGE_CHANGE)
@require_POST
def add_voice_to_insight(request: HttpRequest, voice_id: int) -> HttpResponse:
    user = signed_in_user(request)
    voice = get_object_or_404(Voice, pk=voice_id)
    form = AddToInsightForm(request.POST)
    if form.is_valid():
        try:
            change.add_voice_to_insight(user, form.cleaned_data["insight"], voice)
        except ValidationError as error:
            form.add_error("insight", error)
        else:
            messages.success(request, "Voice added to the insight as evidence.")
            return redirect("show_insight", insight_id=form.cleaned_data["insight"].pk)
    return page(
        request,
        "voices/voice.jinja",
        f"Voice {voice.pk}",
        voice=voice,
        form=TagVoiceForm(initial={"categories": [c.pk for c in voice.categories.all()]}),
        insight_form=form,
        summary_form=form,
        status=400,
    )


@requires(Capability.RESPOND_TO_ALERTS)
@require_http_methods(["GET", "POST"])
def list_alerts(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = AcknowledgeAlertForm(posted(request))
    if request.method == "POST" and form.is_valid():
        alert = get_object_or_404(RiskAlert, pk=form.cleaned_data["alert"])
        services.acknowledge_alert(user, alert, form.cleaned_data["action_taken"])
        messages.success(request, "Alert acknowledged.")
        return redirect("list_alerts")
    waiting = list(services.open_alerts().order_by("raised_at"))
    for alert in waiting:
        audit.record(user, AuditEvent.Action.VIEWED, alert.voice, "risk alert")
    recent = list(
        RiskAlert.objects.filter(acknowledged_at__isnull=False)
        .select_related("acknowledged_by", "voice")
        .order_by("-acknowledged_at")[:20]
    )
    return page(
        request, "voices/alerts.jinja", "Risk alerts", form=form, waiting=waiting, recent=recent
    )
