"""Staff pages for voices: the inbox, a voice, recording and importing feedback,
risk alerts and the messages sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.accounts.policy import Capability, can, requires
from coproduce.care.models import Team
from coproduce.change import delivery
from coproduce.change import services as change
from coproduce.change.forms import AddToInsightForm
from coproduce.improvement.models import Project
from coproduce.messaging.models import Message
from coproduce.voices import alerts, importer, services
from coproduce.voices.categories import category_choices, grouped_options
from coproduce.voices.forms import (
    FEEDBACK_MAX_CHARACTERS,
    AcknowledgeAlertForm,
    BulkActionForm,
    CallBackForm,
    ImportForm,
    InboxFilterForm,
    QuoteForm,
    StaffVoiceForm,
    TagVoiceForm,
)
from coproduce.voices.models import RiskAlert, Voice
from coproduce.web.jinja import format_counted
from coproduce.web.shell import count_open_alerts
from coproduce.web.views.care import add_errors
from coproduce.web.views.render import page, paged, posted, signed_in_user, submission_token

INBOX_PAGE = 50


@requires(Capability.REVIEW_VOICES)
@require_http_methods(["GET", "POST"])
def list_voices(request: HttpRequest) -> HttpResponse:
    """The inbox: filter by channel, category, sentiment, service, date and state; act on
    many voices at once."""
    user = signed_in_user(request)
    chosen_filters = request.GET.copy()
    chosen_filters.pop("page", None)
    # The categories of the frameworks in use, grouped: worked out once for both lists.
    options = grouped_options()
    filters = InboxFilterForm(chosen_filters or None, auto_id="filter_%s", category_options=options)
    bulk = BulkActionForm(posted(request), category_options=options)
    if request.method == "POST" and bulk.is_valid():
        chosen = list(services.inbox().filter(pk__in=[v.pk for v in bulk.cleaned_data["voices"]]))
        if bulk.cleaned_data["action"] == "confirm":
            done = services.confirm_suggestions(user, chosen)
            messages.success(request, f"Suggestions confirmed for {done} voices.")
        else:
            category = bulk.cleaned_data["category"]
            done = services.add_category(user, chosen, category)
            left = len(chosen) - done
            messages.success(
                request,
                f"{category.name} added to {format_counted(done, 'voice', 'voices')}."
                + (
                    f" {format_counted(left, 'voice was', 'voices were')} left as "
                    f"{'it was' if left == 1 else 'they were'}: "
                    f"{'its' if left == 1 else 'their'} service uses another framework."
                    if left
                    else ""
                ),
            )
        return redirect(request.get_full_path())
    # The page and its links keep the filters chosen (``paged`` reads the address).
    listed = paged(request, filters.apply(services.inbox()), INBOX_PAGE)
    shown = listed["shown"]
    return page(
        request,
        "voices/inbox.jinja",
        "Voices",
        voices=list(shown),
        total=shown.paginator.count,
        **listed,
        filters=filters,
        # The blank filters and actions are the same for everyone: drawn once for each
        # list of categories and services.
        choices_key=[
            options,
            list(Team.objects.values_list("pk", "name")),
        ],
        form=bulk,
        # A filter that makes no sense is what the error summary is about.
        summary_form=filters if filters.is_bound and filters.errors else bulk,
        can_record=can(user, Capability.RECORD_VOICES),
        status=400 if filters.is_bound and filters.errors else 200,
    )


def _voice_page(
    request: HttpRequest, voice: Voice, status: int = 200, **forms: Any
) -> HttpResponse:
    choices = category_choices(voice)
    can_publish = can(request.user, Capability.PUBLISH_UPDATES)
    chosen = [c.pk for c in voice.categories.all()] or [c.pk for c in choices.suggested]
    context: dict[str, Any] = {
        "form": TagVoiceForm(
            initial={
                "categories": chosen,
                "sentiment": voice.sentiment or voice.suggested_sentiment,
            },
            offered=choices.offered,
        ),
        "choices": choices,
        # Masking reads the names on record: only for a quote the page offers to approve.
        "quote_form": QuoteForm(initial={"public_quote": services.proposed_quote(voice)})
        if can_publish
        and voice.consent_quote
        and voice.withdrawn_at is None
        and not getattr(voice, "has_risk_alert", False)
        else QuoteForm(),
        "insight_form": AddToInsightForm(),
        "can_publish": can_publish,
        "thread": change.thread_for(voice),
        # Improvement projects this voice is behind (issue 23), and starting one from it.
        "projects": list(Project.objects.filter(voices=voice)),
        "can_open_project": can(request.user, Capability.OPEN_PROJECTS)
        and voice.consent_improvement
        and voice.withdrawn_at is None,
        **forms,
    }
    return page(request, "voices/voice.jinja", f"Voice {voice.pk}", status, voice=voice, **context)


@requires(Capability.REVIEW_VOICES)
@require_http_methods(["GET", "POST"])
def show_voice(request: HttpRequest, voice_id: int) -> HttpResponse:
    user = signed_in_user(request)
    voice = get_object_or_404(
        services.inbox().select_related("reviewed_by", "recorded_by"), pk=voice_id
    )
    if request.method == "GET":
        audit.record(user, AuditEvent.Action.VIEWED, voice)
        return _voice_page(request, voice)
    form = TagVoiceForm(request.POST, offered=category_choices(voice).offered)
    if form.is_valid():
        try:
            services.confirm(
                user, voice, form.cleaned_data["categories"], form.cleaned_data["sentiment"]
            )
        except ValidationError as error:
            form.add_error("categories", error)
        else:
            messages.success(request, "Categories and sentiment confirmed.")
            return redirect("show_voice", voice_id=voice.pk)
    return _voice_page(request, voice, form=form, summary_form=form, status=400)


@requires(Capability.PUBLISH_UPDATES)
@require_POST
def approve_quote(request: HttpRequest, voice_id: int) -> HttpResponse:
    user = signed_in_user(request)
    voice = get_object_or_404(
        services.inbox().select_related("reviewed_by", "recorded_by"), pk=voice_id
    )
    form = QuoteForm(request.POST)
    if form.is_valid():
        try:
            services.approve_quote(user, voice, form.cleaned_data["public_quote"])
        except ValidationError as error:
            # About the voice (no agreement, a risk alert), whose page then offers no
            # words to approve: said at the top.
            form.add_error(None, error)
        else:
            messages.success(
                request, "Quote approved. Anything that could identify someone was masked."
            )
            return redirect("show_voice", voice_id=voice.pk)
    return _voice_page(request, voice, quote_form=form, summary_form=form, status=400)


@requires(Capability.RECORD_VOICES)
@require_http_methods(["GET", "POST"])
def record_voice(request: HttpRequest) -> HttpResponse:
    """Write down feedback given by phone, on paper, in person, by email, from a partner,
    as a complaint, or heard in community listening."""
    user = signed_in_user(request)
    form = StaffVoiceForm(
        posted(request), initial={"received_on": timezone.localdate().strftime("%d/%m/%Y")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            voice = services.record_for_someone(
                user,
                channel=data["channel"],
                text=data["text"],
                rating=data["rating"],
                team=data["team"],
                **form.consent_and_contact(),
                received_at=received_at(data["received_on"]),
                source_detail=data["source_detail"],
                categories=data["categories"],
                submission=submission_token(request),
            )
        except ValidationError as error:
            add_errors(form, error)
            return _record_page(request, form, status=400)
        if hasattr(voice, "risk_alert") and not can(user, Capability.RESPOND_TO_ALERTS):
            # A network member has no crisis procedure to follow (helper-83): what to do.
            messages.warning(
                request,
                "This feedback may signal risk or a safeguarding concern. A risk alert was "
                "raised and the duty team has been told. If the person is with you or on the "
                "phone now, stay with them and call 999 if their life is at risk, or help "
                "them call NHS 111 (option 2) or Samaritans on 116 123. Tell the lived "
                "experience lead you recorded it.",
            )
        elif hasattr(voice, "risk_alert"):
            messages.warning(
                request,
                "This feedback signals risk or a safeguarding concern. A risk alert was raised "
                "and the duty team has been told. If the person is with you or on the phone "
                "now, follow your crisis procedure.",
            )
        else:
            messages.success(request, "Feedback recorded. Thank you.")
        if can(user, Capability.REVIEW_VOICES):
            return redirect("show_voice", voice_id=voice.pk)
        return redirect("record_voice")
    return _record_page(request, form, status=400 if form.is_bound else 200)


def _record_page(request: HttpRequest, form: StaffVoiceForm, status: int) -> HttpResponse:
    return page(
        request,
        "voices/record.jinja",
        "Record feedback",
        form=form,
        teams=Team.objects.all(),
        max_characters=FEEDBACK_MAX_CHARACTERS,
        status=status,
    )


def received_at(day: dt.date) -> dt.datetime:
    """Feedback written down later keeps its own day; today's keeps the moment."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


@requires(Capability.REVIEW_VOICES)
@require_http_methods(["GET", "POST"])
def import_voices(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = importer.import_file(user, upload.read(), upload.name)
        if report.ok and report.imported_before:
            messages.info(
                request,
                f"{upload.name} was imported before (the same file): nothing was imported again.",
            )
            return redirect("list_voices")
        if report.ok:
            messages.success(
                request,
                f"{report.imported} voices imported from {upload.name}."
                + (
                    f" {len(report.skipped)} rows were imported before and were skipped."
                    if report.skipped
                    else ""
                ),
            )
            return redirect("list_voices")
    return page(
        request,
        "voices/import.jinja",
        "Import Friends and Family Test feedback",
        form=form,
        report=report,
        status=400 if report is not None and not report.ok else 200,
    )


@requires(Capability.VIEW_OUTBOX)
@require_GET
def list_messages(request: HttpRequest) -> HttpResponse:
    """What went out through Notify and what came of it (never the address or words)."""
    sent = Message.objects.only(
        "kind",
        "channel",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "completed_at",
        "next_attempt_at",
    )[:200]
    return page(request, "voices/messages.jinja", "Messages", sent=list(sent))


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
            # About the voice, whose page then offers no insight to choose: said at the top.
            form.add_error(None, error)
        else:
            messages.success(request, "Voice added to the insight as evidence.")
            return redirect("show_insight", insight_id=form.cleaned_data["insight"].pk)
    return _voice_page(request, voice, insight_form=form, summary_form=form, status=400)


@requires(Capability.RESPOND_TO_ALERTS)
@require_http_methods(["GET", "POST"])
def list_alerts(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = AcknowledgeAlertForm(posted(request))
    if request.method == "POST" and form.is_valid():
        alert = get_object_or_404(RiskAlert, pk=form.cleaned_data["alert"])
        try:
            services.acknowledge_alert(
                user,
                alert,
                form.cleaned_data["action_taken"],
                not_reached=form.cleaned_data["not_reached"],
                passed_on=form.cleaned_data["passed_on"],
            )
        except ValidationError as error:
            add_errors(form, error)
            return _alert_page(request, alert, acknowledge=form, status=400)
        messages.success(request, "Alert acknowledged.")
        return redirect("list_alerts")
    from_alert = request.method == "POST" and request.POST.get("from_alert") == "yes"
    if from_alert and str(request.POST.get("alert", "")).isdigit():
        # Refused: said on the alert it was about, with what was typed (issue 21's
        # eighth trial was sent to the list of alerts, not told which one).
        refused = RiskAlert.objects.filter(pk=int(request.POST["alert"])).first()
        if refused is not None:
            return _alert_page(request, refused, acknowledge=form, status=400)
    waiting = list(alerts.waiting())
    count_open_alerts(request, waiting)
    audit.record_each(
        user, AuditEvent.Action.VIEWED, [alert.voice for alert in waiting], "risk alert"
    )
    recent = list(
        RiskAlert.objects.filter(acknowledged_at__isnull=False)
        .select_related("acknowledged_by", "voice")
        .order_by("-acknowledged_at")[:20]
    )
    return page(
        request,
        "voices/alerts.jinja",
        "Risk alerts",
        form=form,
        waiting=waiting,
        recent=recent,
        held={alert.pk: alerts.contact_held(alert) for alert in waiting},
    )


def _alert_page(
    request: HttpRequest,
    alert: RiskAlert,
    *,
    contact: list[alerts.Route] | None = None,
    form: CallBackForm | None = None,
    acknowledge: AcknowledgeAlertForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """An alert in full: the message, the reply the person got, how to reach them (once
    asked for), the call-backs so far and a form for the next, and acknowledging it."""
    user = signed_in_user(request)
    audit.record(user, AuditEvent.Action.VIEWED, alert.voice, "risk alert")
    return page(
        request,
        "voices/alert.jinja",
        f"Risk alert {alert.pk}",
        alert=alert,
        replies=alerts.replies_to(alert),
        call_backs=list(alert.call_backs.all()),
        conversation=alerts.conversation(user, alert),
        others=alerts.others_from_them(user, alert),
        held=alerts.contact_held(alert),
        updates_held=0 if alert.acknowledged_at else delivery.updates_held_for(alert.voice),
        reached=services.reached(alert),
        passing_on=services.needs_passing_on(alert),
        contact=contact,
        form=form or CallBackForm(),
        acknowledge=acknowledge or AcknowledgeAlertForm(),
        summary_form=acknowledge,
        now=timezone.localtime(),
        status=status,
    )


@requires(Capability.RESPOND_TO_ALERTS)
@require_GET
def show_alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _alert_page(request, alerts.alert_for(alert_id))


@requires(Capability.RESPOND_TO_ALERTS)
@require_POST
def show_alert_contact(request: HttpRequest, alert_id: int) -> HttpResponse:
    """How to reach the person: shown only when asked for, on this answer alone (never
    kept for the next page), and each showing audited."""
    user = signed_in_user(request)
    alert = alerts.alert_for(alert_id)
    return _alert_page(request, alert, contact=alerts.show_contact_details(user, alert))


@requires(Capability.RESPOND_TO_ALERTS)
@require_POST
def record_call_back(request: HttpRequest, alert_id: int) -> HttpResponse:
    user = signed_in_user(request)
    alert = alerts.alert_for(alert_id)
    form = CallBackForm(request.POST)
    if form.is_valid():
        made_at = form.moment("made")
        assert made_at is not None  # noqa: S101 - both parts are required by the form
        try:
            alerts.record_call_back(
                user,
                alert,
                made_at=made_at,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                submission=submission_token(request),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Call-back recorded.")
            return redirect("show_alert", alert_id=alert.pk)
    return _alert_page(request, alert, form=form)
