"""Staff pages for the change loop: insights, actions, "you said, we did", the outbox."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.accounts.policy import Capability, requires
from coproduce.change import services
from coproduce.change.forms import ActionForm, InsightForm, UpdateForm
from coproduce.change.models import Action, Insight, OutboxMessage
from coproduce.voices.models import Voice
from coproduce.web.views.render import page, posted, signed_in_user


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def list_insights(request: HttpRequest) -> HttpResponse:
    form = InsightForm(posted(request))
    if request.method == "POST" and form.is_valid():
        voices = []
        if voice_id := request.POST.get("voice"):
            voices = [get_object_or_404(Voice, pk=voice_id)]
        insight = services.create_insight(
            signed_in_user(request), form.cleaned_data["statement"], voices
        )
        messages.success(request, "Insight created.")
        return redirect("show_insight", insight_id=insight.pk)
    insights = Insight.objects.prefetch_related("voices", "actions")
    return page(request, "change/insights.jinja", "Insights", form=form, insights=insights)


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def show_insight(request: HttpRequest, insight_id: int) -> HttpResponse:
    insight = get_object_or_404(Insight, pk=insight_id)
    form = ActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.record_action(signed_in_user(request), insight, **form.cleaned_data)
        messages.success(request, "Action recorded.")
        return redirect("show_insight", insight_id=insight.pk)
    voices = list(insight.voices.prefetch_related("categories"))
    return page(
        request,
        "change/insight.jinja",
        "Insight",
        insight=insight,
        voices=voices,
        quotes=[v for v in voices if v.consent_quote and v.text],
        evidence=services.evidence_summary(insight).most_common(),
        actions=list(insight.actions.select_related("owner").prefetch_related("updates")),
        form=form,
    )


@requires(Capability.PUBLISH_UPDATES)
@require_http_methods(["GET", "POST"])
def publish_update(request: HttpRequest, action_id: int) -> HttpResponse:
    action = get_object_or_404(Action.objects.select_related("insight", "owner"), pk=action_id)
    form = UpdateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        update = services.publish_update(signed_in_user(request), action, **form.cleaned_data)
        queued = update.outbox.count()
        messages.success(
            request,
            f"Update published. {queued} contributor{'s' if queued != 1 else ''} "
            "will be told on the channel they chose.",
        )
        return redirect("show_insight", insight_id=action.insight_id)
    return page(
        request, "change/publish_update.jinja", "Publish an update", form=form, action=action
    )


@requires(Capability.VIEW_OUTBOX)
@require_GET
def list_outbox(request: HttpRequest) -> HttpResponse:
    outbox = OutboxMessage.objects.select_related("update__action", "message")[:500]
    return page(request, "change/outbox.jinja", "Outbox", outbox=list(outbox))
