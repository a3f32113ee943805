"""Staff pages for the change loop: insights, actions, "you said, we did", the outbox."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
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


THEME_WINDOW_DAYS = 90
THEME_VOICES = 500


def _theme_voices() -> list[Voice]:
    """Voices given for improvement, not yet in a category or recent, newest first."""
    since = timezone.now() - dt.timedelta(days=THEME_WINDOW_DAYS)
    usable = Voice.objects.usable_for_improvement().exclude(text="")
    recent_or_uncategorised = usable.filter(received_at__gte=since) | usable.filter(
        categories__isnull=True
    )
    return list(recent_or_uncategorised.distinct().order_by("-received_at")[:THEME_VOICES])


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def list_themes(request: HttpRequest) -> HttpResponse:
    """Candidate themes among new and uncategorised voices; one click starts an insight."""
    from coproduce.voices.text.themes import candidate_themes  # scikit-learn, loaded here

    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("voice") if v.isdigit()]
        voices = list(Voice.objects.usable_for_improvement().filter(pk__in=ids))
        phrases = request.POST.get("phrases", "").strip()[:300]
        if not voices:
            messages.error(request, "That theme has no voices that can be used as evidence.")
            return redirect("list_themes")
        insight = services.create_insight(
            signed_in_user(request),
            f"People tell us about: {phrases}. (Draft from a theme: rewrite in plain words.)",
            voices,
        )
        messages.success(request, f"Insight started from a theme of {len(voices)} voices.")
        return redirect("show_insight", insight_id=insight.pk)
    voices = _theme_voices()
    return page(
        request,
        "change/themes.jinja",
        "Themes",
        themes=candidate_themes(voices),
        considered=len(voices),
        window=THEME_WINDOW_DAYS,
    )
