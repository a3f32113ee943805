"""An improvement project's measures (issue 23, area C): the list and adding one; one
measure's annotated SPC chart, its baseline and table; entering a counted figure;
recalculating the limits from a change, with why; notes on the charts. Everyone who may
see improvement projects sees them; the project's team changes them (the services
refuse anyone else: 403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.accounts.policy import Capability, requires
from coproduce.improvement import measures, services
from coproduce.improvement.measure_forms import FigureForm, LimitsForm, MeasureForm, NoteForm
from coproduce.improvement.models import Annotation, Measure, Project, Recalculation
from coproduce.web.views.care import add_errors
from coproduce.web.views.render import page, posted, signed_in_user, submission_token


def _project(request: HttpRequest, project_id: int) -> Project:
    return get_object_or_404(Project, pk=project_id)


def _measure(project: Project, measure_id: int) -> Measure:
    return get_object_or_404(
        Measure.objects.select_related("project"), pk=measure_id, project=project
    )


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def project_measures(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's measures, each with its current icon and latest figure; and adding
    one (its team)."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    form = MeasureForm(posted(request))
    if request.method == "POST":
        services.check_may_change(user, project)
        if form.is_valid():
            try:
                measure = measures.add_measure(
                    user, project, form.fields_of(), submission=submission_token(request)
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, f"Added the measure: {measure.name}.")
                return redirect("show_measure", project.pk, measure.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, "measures")
    charts = measures.measure_charts(project.measures.all())
    return page(
        request,
        "improvement/measures_list.jinja",
        f"Measures: {project.title}",
        project=project,
        project_link=reverse("show_project", args=[project.pk]),
        charts=charts,
        form=form,
        may_change=services.may_change(user, project),
    )


def _measure_page(
    request: HttpRequest,
    project: Project,
    measure: Measure,
    *,
    figure_form: FigureForm | None = None,
    limits_form: LimitsForm | None = None,
    note_form: NoteForm | None = None,
) -> HttpResponse:
    user = signed_in_user(request)
    audit.record(user, AuditEvent.Action.VIEWED, project, f"measure {measure.pk}")
    bound = next((f for f in (figure_form, limits_form, note_form) if f is not None), None)
    return page(
        request,
        "improvement/measure_show.jinja",
        f"{measure.name}: {project.title}",
        project=project,
        project_link=reverse("show_project", args=[project.pk]),
        measure=measure,
        mc=measures.measure_chart(measure),
        may_change=services.may_change(user, project),
        figure_form=figure_form or FigureForm(measure=measure),
        limits_form=limits_form or LimitsForm(prefix="limits"),
        note_form=note_form or NoteForm(measure=measure, prefix="note"),
        summary_form=bound,
        replaced=measure.counted.filter(replaced_by__isnull=False)
        .select_related("entered_by", "replaced_by")
        .order_by("-period_start", "-entered_at"),
        recalculations=measure.recalculations.select_related("set_by"),
        notes=Annotation.objects.filter(project=project)
        .filter(Q(measure__isnull=True) | Q(measure=measure))
        .order_by("on", "pk"),
    )


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET"])
def show_measure(request: HttpRequest, project_id: int, measure_id: int) -> HttpResponse:
    project = _project(request, project_id)
    return _measure_page(request, project, _measure(project, measure_id))


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def improvement_edit_measure(
    request: HttpRequest, project_id: int, measure_id: int
) -> HttpResponse:
    user = signed_in_user(request)
    project = _project(request, project_id)
    measure = _measure(project, measure_id)
    may_change = services.may_change(user, project)
    if request.method == "POST":
        services.check_may_change(user, project)
    form = MeasureForm(posted(request), initial=MeasureForm.initial_for(measure))
    if request.method == "POST" and form.is_valid():
        try:
            measures.change_measure(user, measure, form.fields_of())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Saved the measure: {measure.name}.")
            return redirect("show_measure", project.pk, measure.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, f"measure {measure.pk} to change")
    return page(
        request,
        "improvement/measure_edit.jinja",
        f"Change the measure: {measure.name}",
        project=project,
        measure=measure,
        form=form,
        may_change=may_change,
        co_leads=services.current_team(project).filter(role="co_lead"),
    )


def _post(
    request: HttpRequest,
    form: Form,
    on_valid: Any,
    success: str,
    project: Project,
    measure: Measure,
) -> HttpResponse | None:
    """The form's service called if the form is valid; None (show the page again, with
    what was typed and the errors by their fields) if it is not, or it was refused."""
    if form.is_valid():
        try:
            on_valid()
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("show_measure", project.pk, measure.pk)
    return None


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["POST"])
def improvement_measure_figure(
    request: HttpRequest, project_id: int, measure_id: int
) -> HttpResponse:
    """A counted figure for a week or month; entered again, it replaces the first (which
    is kept)."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    measure = _measure(project, measure_id)
    services.check_may_change(user, project)
    form = FigureForm(request.POST, measure=measure)
    done = _post(
        request,
        form,
        lambda: measures.enter_value(
            user,
            measure,
            day=form.cleaned_data["period"],
            value=form.cleaned_data["value"],
            note=form.cleaned_data["note"],
        ),
        "Saved the figure.",
        project,
        measure,
    )
    return done or _measure_page(request, project, measure, figure_form=form)


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["POST"])
def improvement_measure_limits(
    request: HttpRequest, project_id: int, measure_id: int
) -> HttpResponse:
    user = signed_in_user(request)
    project = _project(request, project_id)
    measure = _measure(project, measure_id)
    services.check_may_change(user, project)
    form = LimitsForm(request.POST, prefix="limits")
    done = _post(
        request,
        form,
        lambda: measures.recalculate_from(
            user, measure, day=form.cleaned_data["starts"], reason=form.cleaned_data["reason"]
        ),
        "Saved. The chart's limits start afresh from that period once there are enough "
        "figures on each side of it: the chart says if it is still waiting.",
        project,
        measure,
    )
    return done or _measure_page(request, project, measure, limits_form=form)


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["POST"])
def improvement_remove_limits(
    request: HttpRequest, project_id: int, measure_id: int, recalculation_id: int
) -> HttpResponse:
    """The button beside a recalculation: the limits run on across that period again."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    measure = _measure(project, measure_id)
    recalculation = get_object_or_404(Recalculation, pk=recalculation_id, measure=measure)
    measures.remove_recalculation(user, recalculation)
    messages.success(
        request,
        "Removed the recalculation from "
        f"{measures.period_label(measure, recalculation.starts)}: the limits run on across it.",
    )
    return redirect("show_measure", project.pk, measure.pk)


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["POST"])
def improvement_annotate(request: HttpRequest, project_id: int, measure_id: int) -> HttpResponse:
    user = signed_in_user(request)
    project = _project(request, project_id)
    measure = _measure(project, measure_id)
    services.check_may_change(user, project)
    form = NoteForm(request.POST, measure=measure, prefix="note")
    done = _post(
        request,
        form,
        lambda: measures.annotate(
            user,
            project,
            on=form.cleaned_data["on"],
            text=form.cleaned_data["text"],
            measure=form.chosen_measure(),
            submission=submission_token(request),
        ),
        "Saved the note: it is on the chart.",
        project,
        measure,
    )
    return done or _measure_page(request, project, measure, note_form=form)


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["POST"])
def improvement_remove_note(
    request: HttpRequest, project_id: int, measure_id: int, annotation_id: int
) -> HttpResponse:
    """The button beside a note: it comes off every chart it was on."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    measure = _measure(project, measure_id)
    note = get_object_or_404(Annotation, pk=annotation_id, project=project)
    measures.remove_annotation(user, note)
    messages.success(request, f"Removed the note “{note.text}” from the charts.")
    return redirect("show_measure", project.pk, measure.pk)
