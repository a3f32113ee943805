"""Staff pages for the change loop: insights, actions, "you said, we did", the outbox."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.accounts.policy import Capability, can, requires
from coproduce.change import delivery, presenters, services
from coproduce.change.forms import (
    ActionForm,
    ActionStatusForm,
    ConfirmUpdateForm,
    InsightForm,
    InsightWordsForm,
    PeriodForm,
    RoundForm,
    TranslationForm,
    UpdateForm,
    read_ballot,
)
from coproduce.change.models import Action, Insight, OutboxMessage, PriorityRound, Update
from coproduce.evidence.story import Story, story_for
from coproduce.improvement.models import Project
from coproduce.lib.formats import Format
from coproduce.network.services import member_for
from coproduce.voices.models import Voice
from coproduce.voices.services import mask_known_names
from coproduce.voices.text.words import once_each
from coproduce.web.views.render import (
    page,
    paged,
    posted,
    signed_in_user,
    submission_token,
    tagged_pdf,
)


def _evidence_voices(chosen: QueryDict) -> tuple[list[Voice], bool]:
    """The voices a new insight starts with (``voice``, one or a theme's many) that can be
    used as evidence, and whether every one asked for can."""
    asked = {int(v) for v in chosen.getlist("voice") if v.isdigit()}
    usable = list(
        Voice.objects.usable_for_improvement().filter(pk__in=asked).with_risk_marks().order_by("pk")
    )
    return usable, len(usable) == len(asked)


def _create_insight(request: HttpRequest, form: InsightForm) -> HttpResponse | None:
    """Create the insight the posted form describes, with its voices; None when refused
    (the form then says why)."""
    voices, all_usable = _evidence_voices(request.POST)
    if form.is_valid() and not all_usable:
        form.add_error(
            None,
            "A voice chosen as evidence can no longer be used: the person did not agree to "
            "their feedback being used to improve services, or has withdrawn it. Start "
            "again from the voice or the theme.",
        )
    if not form.is_valid():
        return None
    user = signed_in_user(request)
    try:
        insight = services.create_insight(
            user,
            form.cleaned_data["statement"],
            voices,
            written_with=[u for u in form.cleaned_data["written_with"] if u != user],
            identifies_no_one=form.cleaned_data["identifies_no_one"],
            submission=submission_token(request),
        )
    except ValidationError as refused:  # the same words as another insight
        form.add_error("statement", refused)
        return None
    messages.success(request, "Insight created.")
    return redirect("show_insight", insight_id=insight.pk)


def _insight_form(request: HttpRequest, data: Any, **kwargs: Any) -> InsightForm:
    """The new-insight form, its co-writers not offering the lead herself."""
    form = InsightForm(data, **kwargs)
    written_with = form.fields["written_with"]
    written_with.queryset = written_with.queryset.exclude(pk=request.user.pk)  # type: ignore[attr-defined]
    return form


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def list_insights(request: HttpRequest) -> HttpResponse:
    form = _insight_form(request, posted(request))
    if request.method == "POST" and (created := _create_insight(request, form)):
        return created
    insights = Insight.objects.prefetch_related("voices", "actions")
    voice = request.POST.get("voice") or request.GET.get("voice") or ""
    return page(
        request,
        "change/insights.jinja",
        "Insights",
        form=form,
        summary_form=form,
        insights=insights,
        voice=voice if voice.isdigit() else "",
    )


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def start_theme_insight(request: HttpRequest) -> HttpResponse:
    """An insight from a theme: the theme's phrases as a draft to rewrite in plain words
    (masked, as a phrase can be a name), its voices as evidence. Nothing is saved until
    the lead has the words as she wants them and creates it."""
    chosen = request.POST if request.method == "POST" else request.GET
    if request.method == "POST":
        form = _insight_form(request, request.POST)
        if created := _create_insight(request, form):
            return created
    else:
        phrases = " ".join(request.GET.get("phrases", "").split())[:300]
        draft = mask_known_names(f"People tell us about: {phrases}.") if phrases else ""
        form = _insight_form(request, None, initial={"statement": draft, "draft": draft})
    voices, _ = _evidence_voices(chosen)
    if not voices:
        messages.error(request, "That theme has no voices that can be used as evidence.")
        return redirect("list_themes")
    return page(
        request,
        "change/theme_insight.jinja",
        "Start an insight from a theme",
        form=form,
        summary_form=form,
        voices=voices,
        # The same words from several people are shown once, saying how many (helper-74
        # read sentences three times over).
        said=once_each(voices),
        at_risk=sum(1 for voice in voices if getattr(voice, "has_risk_alert", False)),
    )


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def reword_insight(request: HttpRequest, insight_id: int) -> HttpResponse:
    """Change an insight's words: to mend them, or to rewrite a draft in plain words."""
    insight = get_object_or_404(Insight, pk=insight_id)
    form = InsightWordsForm(posted(request), initial={"statement": insight.statement, "draft": ""})
    was = request.POST.get("was", insight.statement)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.reword_insight(
                signed_in_user(request),
                insight,
                form.cleaned_data["statement"],
                identifies_no_one=form.cleaned_data["identifies_no_one"],
                was=was,
            )
        except services.ChangedMeanwhile as refused:
            form.add_error(None, refused)
            was = Insight.objects.get(pk=insight.pk).statement
        except ValidationError as refused:  # the same words as another insight
            form.add_error("statement", refused)
        else:
            messages.success(
                request,
                "The insight's words are changed."
                if changed.statement != insight.statement
                else "The words are as they were: nothing was changed.",
            )
            return redirect("show_insight", insight_id=insight.pk)
    return page(
        request,
        "change/reword_insight.jinja",
        "Change the insight's words",
        form=form,
        summary_form=form,
        insight=insight,
        was=was,
        rounds=list(insight.priority_rounds.filter(opened_at__lte=timezone.now())),
    )


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def show_insight(request: HttpRequest, insight_id: int) -> HttpResponse:
    insight = get_object_or_404(Insight, pk=insight_id)
    form = ActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.record_action(
            signed_in_user(request),
            insight,
            **form.cleaned_data,
            submission=submission_token(request),
        )
        messages.success(request, "Action recorded.")
        return redirect("show_insight", insight_id=insight.pk)
    evidence = services.insight_evidence(insight)
    return page(
        request,
        "change/insight.jinja",
        "Insight",
        insight=insight,
        voices=evidence.voices,
        quotes=evidence.quotes,
        at_risk=evidence.at_risk,
        evidence=evidence.by_category,
        by_service=evidence.by_service,
        standing=services.standing(insight),
        actions=list(insight.actions.select_related("owner").prefetch_related("updates")),
        projects=list(Project.objects.filter(insight=insight)),
        can_open_project=can(signed_in_user(request), Capability.OPEN_PROJECTS),
        form=form,
        summary_form=form,
    )


PREVIEW = "preview"
CONFIRM = "publish"
EDIT = "edit"


@requires(Capability.PUBLISH_UPDATES)
@require_http_methods(["GET", "POST"])
def publish_update(request: HttpRequest, action_id: int) -> HttpResponse:
    """Write the update, preview it as it will be published and as each contributor will
    get it, then confirm: nothing is published or sent before the confirmation
    (``services.publish_update`` refuses anything but what was previewed). "Change the
    update" comes back here with the words as typed."""
    action = get_object_or_404(Action.objects.select_related("insight", "owner"), pk=action_id)
    step = request.POST.get("step", PREVIEW) if request.method == "POST" else ""
    if step == EDIT:
        form = UpdateForm(initial={k: request.POST.get(k, "") for k in UpdateForm.base_fields})
    else:
        form = UpdateForm(posted(request))
    if step in {PREVIEW, CONFIRM} and form.is_valid():
        user = signed_in_user(request)
        words = form.cleaned_data
        confirm = ConfirmUpdateForm(request.POST if step == CONFIRM else None)
        if confirm.is_valid():
            try:
                update = services.publish_update(
                    user,
                    action,
                    **words,
                    confirmed=confirm.cleaned_data["preview"],
                    submission=submission_token(request),
                )
            except services.PublishedMeanwhile as meanwhile:
                # Another tab or lead published first: nothing is published or sent, and
                # the words come back as typed, to change and preview again.
                return page(
                    request,
                    "change/publish_update.jinja",
                    "Publish an update",
                    status=409,
                    form=UpdateForm(
                        initial={k: request.POST.get(k, "") for k in UpdateForm.base_fields}
                    ),
                    action=action,
                    published_meanwhile=meanwhile,
                )
            except services.PreviewChanged as error:
                confirm.add_error(None, error.messages[0])
            else:
                owed = update.owed_to
                messages.success(
                    request,
                    f"Update published. {owed} contributor{'s' if owed != 1 else ''} will be "
                    "told on the channel and in the format they chose."
                    + (
                        f" {update.withdrawn_not_contacted} withdrew their feedback and will "
                        "not be."
                        if update.withdrawn_not_contacted
                        else ""
                    ),
                )
                return redirect("show_update_progress", update_id=update.pk)
        preview = services.preview_update(user, action, **words)
        return page(
            request,
            "change/preview_update.jinja",
            "Check the update before it is published",
            form=form,
            confirm=confirm,
            summary_form=confirm,
            action=action,
            preview=preview,
            public=presenters.public_versions(
                preview.you_said, preview.we_did, preview.easy_read, status=action.status
            ),
            quotes=preview.quotes,
            copies=[presenters.contributor_version(copy) for copy in preview.copies],
            translation_wait=settings.TRANSLATION_WAIT_HOURS,
        )
    return page(
        request,
        "change/publish_update.jinja",
        "Publish an update",
        form=form,
        summary_form=form,
        action=action,
    )


@requires(Capability.PUBLISH_UPDATES)
@require_GET
def preview_update_audio(request: HttpRequest, action_id: int, digest: str) -> HttpResponse:
    """The audio version of a preview, made by a task when it was previewed (a short file,
    read whole)."""
    path = delivery.preview_audio_path(digest)
    if not re.fullmatch(r"[0-9a-f]{64}", digest) or not path.exists():
        raise Http404("The audio is not made yet")
    return HttpResponse(path.read_bytes(), content_type="audio/wav")


@requires(Capability.MANAGE_CHANGE)
@require_GET
def list_actions(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    actions = list(Action.objects.select_related("owner", "insight").order_by("due_on"))
    return page(
        request,
        "change/actions.jinja",
        "Actions",
        overdue=services.overdue_actions(today),
        actions=actions,
        today=today,
    )


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def show_action(request: HttpRequest, action_id: int) -> HttpResponse:
    """The golden thread from an action: every voice behind it, and who was told."""
    action = get_object_or_404(
        Action.objects.select_related("insight", "owner", "arising_from"), pk=action_id
    )
    form = ActionStatusForm(posted(request), initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        services.change_action_status(signed_in_user(request), action, form.cleaned_data["status"])
        messages.success(request, "Status changed.")
        return redirect("show_action", action_id=action.pk)
    voices = list(action.insight.voices.select_related("team").order_by("-received_at"))
    return page(
        request,
        "change/action.jinja",
        "Action",
        action=action,
        voices=voices,
        standing=services.standing(action.insight),
        updates=list(action.updates.prefetch_related("translations")),
        told=services.told_for(action),
        projects=list(Project.objects.filter(action=action)),
        can_open_project=can(signed_in_user(request), Capability.OPEN_PROJECTS),
        form=form,
        summary_form=form,
    )


@requires(Capability.MANAGE_CHANGE)
@require_GET
def show_update_progress(request: HttpRequest, update_id: int) -> HttpResponse:
    """How far telling the update's contributors has gone, while the tasks run."""
    update = get_object_or_404(Update.objects.select_related("action"), pk=update_id)
    return page(
        request,
        "change/update_progress.jinja",
        "Telling contributors",
        update=update,
        progress=delivery.progress(update),
    )


@requires(Capability.PUBLISH_UPDATES)
@require_http_methods(["GET", "POST"])
def translate_update(request: HttpRequest, update_id: int) -> HttpResponse:
    """Two steps, as publishing: the translation is shown masked, as it will be published
    and sent, and saved only once the lead confirms they have read it."""
    update = get_object_or_404(Update.objects.select_related("action"), pk=update_id)
    entered = {t.language: t for t in update.translations.select_related("entered_by")}
    # A translation already entered opens with its words, to change them (helper-84: the
    # form opened blank, so a correction meant typing it all again).
    changing = entered.get(request.GET.get("language", ""))
    initial = (
        {"language": changing.language, "you_said": changing.you_said, "we_did": changing.we_did}
        if changing
        else None
    )
    form = TranslationForm(posted(request), initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        words = {k: form.cleaned_data[k] for k in ("language", "you_said", "we_did")}
        preview = services.preview_translation(update, **words)
        if "change" in request.POST:
            preview = None  # back to the form, keeping what was typed
        elif "confirm" in request.POST:
            if not form.cleaned_data["read_it"]:
                form.add_error("read_it", "Tick to say you have read the translation as shown")
            else:
                language = form.cleaned_data["language"]
                waiting = delivery.awaiting_translation(update).get(language, 0)
                try:
                    services.translate_update(
                        signed_in_user(request),
                        update,
                        **words,
                        confirmed=form.cleaned_data["confirmed"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, _translation_saved(language, waiting))
                    return redirect("show_action", action_id=update.action_id)
    return page(
        request,
        "change/translate.jinja",
        "Translate an update",
        form=form,
        summary_form=form,
        update=update,
        preview=preview,
        public=presenters.public_versions(
            preview.you_said, preview.we_did, "", preview.language, update.action.status
        )
        if preview
        else None,
        copies=[presenters.contributor_version(copy) for copy in preview.copies] if preview else [],
        labels=_public_labels(preview.language, update.action.status) if preview else None,
        entered=sorted(entered.values(), key=lambda t: t.language),
        changing=changing,
        # Told already in the words this replaces: not told again (helper-85 corrected a
        # Welsh translation, and the preview did not say who had the first words).
        told_before=update.outbox.filter(language=preview.language).count()
        if preview and preview.language in entered
        else 0,
        status=400 if form.is_bound and form.errors else 200,
    )


def _translation_saved(language: str, waiting: int) -> str:
    """What saving a translation did: who is told in it now, if anyone waited for it
    (helper-84 read "Contributors in that language get it" when none waited)."""
    name = presenters.language_name(language)
    if waiting == 1:
        return (
            f"Translation saved. The 1 contributor who reads {name} and waited for it is "
            "being told in it now."
        )
    if waiting:
        return (
            f"Translation saved. The {waiting} contributors who read {name} and waited for "
            "it are being told in it now."
        )
    return (
        f"Translation saved. It is on the public page in {name}. No contributor who reads "
        f"{name} was waiting for it; any not told yet get it in {name}."
    )


def _public_labels(language: str, status: str) -> dict[str, str]:
    """The public page's headings in ``language``, as it will show a translation of an
    update whose action has ``status``."""
    with translation.override(language):
        return {
            "you_said": translation.gettext("You said"),
            "we_did": presenters.we_did_heading(status),
        }


@requires(Capability.VIEW_OUTBOX)
@require_http_methods(["GET", "POST"])
def print_letters(request: HttpRequest, update_id: int) -> HttpResponse:
    """Letters to print and post: large print, Easy Read, Braille-ready and audio, each in
    the contributor's own format. Reading the addresses is audited."""
    update = get_object_or_404(Update.objects.select_related("action"), pk=update_id)
    user = signed_in_user(request)
    if request.method == "POST":
        posted_count = services.mark_posted(user, update)
        messages.success(
            request, f"{posted_count} letter{'s' if posted_count != 1 else ''} posted."
        )
        return redirect("print_letters", update_id=update.pk)
    waiting = list(
        update.outbox.filter(status=OutboxMessage.Status.TO_PRINT).select_related("voice")
    )
    audit.record(user, AuditEvent.Action.VIEWED, update, f"{len(waiting)} letters to print")
    letters = [
        {
            "address": owed.voice.contact_address.splitlines(),
            "format": owed.format,
            "format_label": owed.get_format_display(),
            "lines": (
                lines := delivery.letter_lines(update, owed.format, owed.language, owed.voice)
            ),
            "easy_read": presenters.easy_read_points(lines, owed.language)
            if owed.format == Format.EASY_READ
            else [],
            "audio": delivery.audio_link(update, owed.language)
            if owed.format == Format.AUDIO
            else "",
        }
        for owed in waiting
    ]
    return page(request, "change/letters.jinja", "Letters to print", update=update, letters=letters)


# Collective priorities ---------------------------------------------------------------


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def list_rounds(request: HttpRequest) -> HttpResponse:
    form = RoundForm(posted(request))
    if request.method == "POST" and form.is_valid():
        priority_round = services.open_round(
            signed_in_user(request),
            form.cleaned_data["title"],
            list(form.cleaned_data["insights"]),
            submission=submission_token(request),
        )
        messages.success(request, "Round opened. Network members can now rank the insights.")
        return redirect("show_round", round_id=priority_round.pk)
    rounds = PriorityRound.objects.prefetch_related("insights", "ballots")
    return page(
        request,
        "change/rounds.jinja",
        "Priorities",
        rounds=rounds,
        form=form,
        summary_form=form,
    )


def _results(priority_round: PriorityRound, *, running: bool) -> dict[str, Any] | None:
    """The round's result (``services.round_result``) with its insights, to draw; None
    while it is hidden from this person."""
    result = services.round_result(priority_round, running=running)
    if result is None:
        return None
    insights = {i.pk: i for i in priority_round.insights.all()}
    return {
        "ranked": [
            {"place": place, "tied": tied, "insight": insights[pk]}
            for place, tied, pk in result.ranked()
        ],
        "ballots": result.ballots,
        "abstentions": result.abstentions,
        "order": result.order,
        "insights": insights,
        "d": result.d,
        "p": result.p,
    }


@requires(Capability.VIEW_PRIORITIES)
@require_GET
def show_round(request: HttpRequest, round_id: int) -> HttpResponse:
    """A round: members see its result once it closes (or running totals, if the lead
    chose to show them); those who run it see the count so far."""
    priority_round = get_object_or_404(PriorityRound, pk=round_id)
    user = signed_in_user(request)
    member = member_for(user)
    runs_it = can(user, Capability.MANAGE_CHANGE)
    return page(
        request,
        "change/round.jinja",
        priority_round.title,
        priority_round=priority_round,
        results=_results(priority_round, running=runs_it),
        ballots_in=priority_round.ballots.count(),
        # What members are asked to rank, in the ballot's order (a fresh-eyes trial found
        # an open round's page showed only its title).
        insights=list(priority_round.insights.order_by("pk")),
        open_to_members=services.results_open_to_members(priority_round),
        running_totals_from=services.RUNNING_TOTALS_FROM,
        runs_it=runs_it,
        can_open_project=can(user, Capability.OPEN_PROJECTS),
        ballot=priority_round.ballots.filter(member=member).first() if member else None,
        can_rank=member is not None and can(user, Capability.RANK_PRIORITIES),
    )


@requires(Capability.MANAGE_CHANGE)
@require_http_methods(["GET", "POST"])
def close_round(request: HttpRequest, round_id: int) -> HttpResponse:
    """Closing a round cannot be undone, so it is asked again before it is done."""
    priority_round = get_object_or_404(PriorityRound, pk=round_id)
    if request.method == "POST":
        try:
            services.close_round(signed_in_user(request), priority_round)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "Round closed. Its result is kept as it stands now.")
        return redirect("show_round", round_id=priority_round.pk)
    if not priority_round.is_open:
        messages.error(request, "This round is already closed")
        return redirect("show_round", round_id=priority_round.pk)
    return page(
        request,
        "change/close_round.jinja",
        f"Close {priority_round.title}",
        priority_round=priority_round,
        ballots_in=priority_round.ballots.count(),
        running_totals_from=services.RUNNING_TOTALS_FROM,
    )


@requires(Capability.MANAGE_CHANGE)
@require_POST
def show_running_totals(request: HttpRequest, round_id: int) -> HttpResponse:
    priority_round = get_object_or_404(PriorityRound, pk=round_id)
    show = request.POST.get("show") == "yes"
    try:
        services.show_running_totals(signed_in_user(request), priority_round, show=show)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            "Members now see the running totals."
            if show
            else "Members will see the result when the round closes.",
        )
    return redirect("show_round", round_id=priority_round.pk)


@requires(Capability.RANK_PRIORITIES)
@require_http_methods(["GET", "POST"])
def cast_ballot(request: HttpRequest, round_id: int) -> HttpResponse:
    priority_round = get_object_or_404(PriorityRound, pk=round_id)
    member = member_for(signed_in_user(request))
    if member is None:
        raise PermissionDenied("no network record")
    if priority_round.closed_at is not None and request.method == "GET":
        # helper-83 was offered a ballot to fill in, and told it had closed only on Save.
        messages.info(
            request, "This round has closed, so it takes no more rankings. Its result is below."
        )
        return redirect("show_round", round_id=priority_round.pk)
    insights = list(priority_round.insights.order_by("pk"))
    candidates = {i.pk: i.statement for i in insights}
    errors: list[str] = []
    if request.method == "POST":
        abstain = request.POST.get("abstain") == "yes"
        groups, errors = ([], []) if abstain else read_ballot(request.POST, candidates)
        if not errors and not abstain and not groups:
            errors = ["Give at least one insight a place, or choose to abstain"]
        if not errors:
            try:
                services.cast_ballot(member, priority_round, groups)
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(
                    request, "Your abstention is recorded." if abstain else "Your ranking is saved."
                )
                return redirect("show_round", round_id=priority_round.pk)
    existing = priority_round.ballots.filter(member=member).first()
    current = {}
    if request.method == "POST":
        current = {
            int(k.removeprefix("rank-")): v
            for k, v in request.POST.items()
            if k.startswith("rank-") and k.removeprefix("rank-").isdigit()
        }
    elif existing:
        for place, group in enumerate(existing.ranking, start=1):
            for pk in group:
                current[pk] = str(place)
    return page(
        request,
        "change/ballot.jinja",
        f"Rank: {priority_round.title}",
        status=400 if errors else 200,
        priority_round=priority_round,
        insights=insights,
        ballot=existing,
        current=current,
        errors=errors,
        error_items=[{"text": e} for e in errors],
    )


@requires(Capability.VIEW_OUTBOX)
@require_GET
def list_outbox(request: HttpRequest) -> HttpResponse:
    listed = paged(request, OutboxMessage.objects.select_related("update__action", "message"))
    return page(request, "change/outbox.jinja", "Outbox", outbox=list(listed["shown"]), **listed)


THEME_WINDOW_DAYS = 90
THEME_VOICES = 500


def _theme_voices() -> list[Voice]:
    """Voices given for improvement, not yet in a category or recent, newest first."""
    since = timezone.now() - dt.timedelta(days=THEME_WINDOW_DAYS)
    usable = Voice.objects.usable_for_improvement().exclude(text="").with_risk_marks()
    recent_or_uncategorised = usable.filter(received_at__gte=since) | usable.filter(
        categories__isnull=True
    )
    return list(recent_or_uncategorised.distinct().order_by("-received_at")[:THEME_VOICES])


@requires(Capability.MANAGE_CHANGE)
@require_GET
def list_themes(request: HttpRequest) -> HttpResponse:
    """Candidate themes among new and uncategorised voices; one click starts an insight."""
    from coproduce.voices.text.themes import (  # scikit-learn, loaded here
        MOST_THEMES,
        candidate_themes,
    )

    voices = _theme_voices()
    themes = candidate_themes(voices)
    return page(
        request,
        "change/themes.jinja",
        "Themes",
        themes=themes[:MOST_THEMES],
        smaller=themes[MOST_THEMES:],
        led_to=_insights_led_to(themes),
        considered=len(voices),
        capped=len(voices) == THEME_VOICES,
        window=THEME_WINDOW_DAYS,
    )


def _insights_led_to(themes: list[Any]) -> dict[int, list[tuple[Insight, int]]]:
    """For each theme, the insights already holding most of its voices as evidence (more
    than half, at least two), most first: the same theme is not made an insight twice
    unknowingly (helper-72 found nothing on the page said so). A quarter named insights
    on other subjects that shared a few voices (helper-73). One query for them all."""
    theme_of = {voice.pk: theme.number for theme in themes for voice in theme.voices}
    shared: dict[int, dict[int, int]] = {}
    links = Insight.voices.through.objects.filter(voice_id__in=theme_of)
    for voice_id, insight_id in links.values_list("voice_id", "insight_id"):
        counts = shared.setdefault(theme_of[voice_id], {})
        counts[insight_id] = counts.get(insight_id, 0) + 1
    sizes = {theme.number: theme.size for theme in themes}
    wanted = {
        number: [(pk, n) for pk, n in counts.items() if n >= 2 and n > sizes[number] / 2]
        for number, counts in shared.items()
    }
    insights = Insight.objects.in_bulk({pk for found in wanted.values() for pk, _ in found})
    return {
        number: sorted(((insights[pk], n) for pk, n in found), key=lambda i: (-i[1], i[0].pk))[:3]
        for number, found in wanted.items()
        if found
    }


# The story of change -----------------------------------------------------------------


def _period(request: HttpRequest) -> tuple[PeriodForm, Story | None]:
    today = timezone.localdate()
    data = request.GET if "start" in request.GET or "end" in request.GET else None
    year_ago = today - dt.timedelta(days=364)
    form = PeriodForm(data, initial={"start": f"{year_ago:%d/%m/%Y}", "end": f"{today:%d/%m/%Y}"})
    if data is None:
        return form, story_for(year_ago, today)
    if form.is_valid():
        return form, story_for(form.cleaned_data["start"], form.cleaned_data["end"])
    return form, None


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def show_story(request: HttpRequest) -> HttpResponse:
    """The story of change for a period, as an accessible page."""
    form, story = _period(request)
    return page(
        request,
        "change/story.jinja",
        "The story of change",
        form=form,
        summary_form=form,
        story=story,
    )


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def story_pdf(request: HttpRequest) -> HttpResponse:
    """The same story as a tagged PDF (PDF/UA), made by WeasyPrint from the same HTML."""
    form, story = _period(request)
    if story is None:
        problems = "; ".join(str(m) for messages_ in form.errors.values() for m in messages_)
        return HttpResponse(problems, status=400, content_type="text/plain; charset=utf-8")
    return tagged_pdf(
        request,
        "change/story_print.jinja",
        {"story": story},
        f"story-of-change-{story.start}-to-{story.end}.pdf",
    )
