"""Improvement projects' driver diagram and PDSA cycles (issue 23, seed 002).

Everyone who may see improvement projects sees these pages; only the project's team
changes them (``improvement.services.check_may_change``, answered 403). Every read of a
page is audited, and every write (in the services)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist, engines
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.accounts.policy import Capability, requires
from coproduce.improvement import cycles, diagram, services
from coproduce.improvement.cycle_forms import (
    DATE_HINT,
    ActForm,
    ChangeIdeaForm,
    DriverForm,
    ObservationForm,
    PlanForm,
    RenameForm,
    StudyForm,
    TaskForm,
)
from coproduce.improvement.models import ChangeIdea, Cycle, Driver, Project, Task
from coproduce.web.views.render import page, posted, signed_in_user, submission_token

# The macro that draws a measure's annotated chart (issue 23's measures and charts).
MEASURE_CHART_TEMPLATE = "improvement/measure_chart.jinja"


def _project(request: HttpRequest, project_id: int) -> Project:
    project = get_object_or_404(Project, pk=project_id)
    if not services.may_see(signed_in_user(request), project):
        raise PermissionDenied("improvement")
    return project


def _move_or_remove(
    request: HttpRequest,
    user: Any,
    item: Any,  # a Driver or a ChangeIdea
    moving: bool,
    move: Callable[..., Any],
    remove: Callable[..., Any],
) -> None:
    """Move a driver or change idea up or down among its own, or remove it (refused, with
    why, while something hangs from it)."""
    if moving:
        move(user, item, up=request.POST.get("to") == "up")
        messages.success(request, f"“{item.text}” moved.")
        return
    try:
        remove(user, item)
    except ValidationError as error:
        _flash_refusal(request, error)
    else:
        messages.success(request, f"“{item.text}” removed.")


def _common(project: Project, user: Any) -> dict[str, Any]:
    return {
        "project": project,
        "project_url": reverse("show_project", args=[project.pk]),
        "may_change": services.may_change(user, project),
        "date_hint": DATE_HINT,
    }


def _refused(form: Form, error: ValidationError) -> None:
    """A service's refusal, each message on its field (or the form's) so it is named."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, problems in error.message_dict.items():
        form.add_error(name if name in form.fields else None, problems)


def _flash_refusal(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# The driver diagram -------------------------------------------------------------------


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def driver_diagram(request: HttpRequest, project_id: int) -> HttpResponse:
    """The aim, its primary and secondary drivers and the change ideas, drawn and written
    out; the team adds, rewords, reorders and removes them here."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    which = request.POST.get("form", "") if request.method == "POST" else ""
    driver_form = DriverForm(
        request.POST if which == "driver" else None, project=project, prefix="driver"
    )
    idea_form = ChangeIdeaForm(
        request.POST if which == "idea" else None, project=project, prefix="idea"
    )
    changing = request.POST.get("change") or request.GET.get("change", "")
    change_form: Form | None = None
    changing_what: Driver | ChangeIdea | None = None
    if changing.startswith("driver-") and changing[7:].isdigit():
        changing_what = get_object_or_404(Driver, project=project, pk=int(changing[7:]))
        change_form = RenameForm(
            request.POST if which == "rename_driver" else None,
            initial={"text": changing_what.text},
            prefix="change",
        )
    elif changing.startswith("idea-") and changing[5:].isdigit():
        changing_what = get_object_or_404(ChangeIdea, project=project, pk=int(changing[5:]))
        change_form = ChangeIdeaForm(
            request.POST if which == "change_idea" else None,
            project=project,
            initial={
                "text": changing_what.text,
                "drivers": [str(d.pk) for d in changing_what.drivers.all()],
            },
            prefix="change",
        )
    shown_form = {
        "driver": driver_form,
        "idea": idea_form,
        "rename_driver": change_form,
        "change_idea": change_form,
    }.get(which)
    here = reverse("driver_diagram", args=[project.pk])
    if request.method == "POST":
        services.check_may_change(user, project)
        for kind, model, move, remove in (
            ("driver", Driver, diagram.move_driver, diagram.remove_driver),
            ("idea", ChangeIdea, diagram.move_change_idea, diagram.remove_change_idea),
        ):
            if which in {f"move_{kind}", f"remove_{kind}"}:
                item = get_object_or_404(model, project=project, pk=request.POST.get("id") or 0)
                _move_or_remove(request, user, item, which.startswith("move"), move, remove)
                return redirect(here)
        try:
            if which == "driver" and driver_form.is_valid():
                made = diagram.add_driver(
                    user,
                    project,
                    text=driver_form.cleaned_data["text"],
                    parent=driver_form.cleaned_data["parent"],
                )
                messages.success(request, f"Driver “{made.text}” added.")
                return redirect(here)
            if which == "idea" and idea_form.is_valid():
                idea = diagram.add_change_idea(
                    user,
                    project,
                    text=idea_form.cleaned_data["text"],
                    drivers=idea_form.cleaned_data["drivers"],
                )
                messages.success(request, f"Change idea “{idea.text}” added.")
                return redirect(here)
            if (
                which == "rename_driver"
                and isinstance(changing_what, Driver)
                and change_form is not None
                and change_form.is_valid()
            ):
                diagram.rename_driver(user, changing_what, text=change_form.cleaned_data["text"])
                messages.success(request, "Driver changed.")
                return redirect(here)
            if (
                which == "change_idea"
                and isinstance(changing_what, ChangeIdea)
                and change_form is not None
                and change_form.is_valid()
            ):
                diagram.change_idea(
                    user,
                    changing_what,
                    text=change_form.cleaned_data["text"],
                    drivers=change_form.cleaned_data["drivers"],
                )
                messages.success(request, "Change idea changed.")
                return redirect(here)
        except ValidationError as error:
            if shown_form is not None:
                _refused(shown_form, error)
        if shown_form is None:
            raise Http404("No such form")
    tree = diagram.tree(project)
    audit.record(user, AuditEvent.Action.VIEWED, project, "driver diagram")
    return page(
        request,
        "improvement/cycle_drivers.jinja",
        f"Driver diagram: {project.title}",
        summary_form=shown_form,
        tree=tree,
        drawing=diagram.layout(tree),
        description=diagram.description(tree),
        driver_form=driver_form,
        idea_form=idea_form,
        change_form=change_form,
        changing=changing_what,
        changing_key=changing if changing_what is not None else "",
        **_common(project, user),
    )


# Cycles -------------------------------------------------------------------------------


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET"])
def project_cycles(request: HttpRequest, project_id: int) -> HttpResponse:
    """Every PDSA cycle of the project, by change idea, each chain first to last."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    ideas = list(
        project.change_ideas.prefetch_related(
            Prefetch(
                "cycles",
                queryset=Cycle.objects.select_related("follows").order_by("starts_on", "pk"),
            )
        )
    )
    audit.record(user, AuditEvent.Action.VIEWED, project, "cycles")
    return page(
        request,
        "improvement/cycle_list.jinja",
        f"PDSA cycles: {project.title}",
        ideas=ideas,
        **_common(project, user),
    )


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def new_cycle(request: HttpRequest, project_id: int) -> HttpResponse:
    """Plan a cycle on a change idea (``?idea=``), or the next one after an acted cycle
    (``?follows=``), its plan copied from that one to adapt."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    if not services.may_change(user, project):
        if request.method == "POST":
            services.check_may_change(user, project)
        messages.info(request, "Only the project's team plans its cycles.")
        return redirect("project_cycles", project.pk)
    source = request.POST if request.method == "POST" else request.GET
    follows: Cycle | None = None
    if (source.get("follows") or "").isdigit():
        follows = get_object_or_404(
            Cycle.objects.select_related("change_idea"),
            change_idea__project=project,
            pk=int(source["follows"]),
        )
    idea: ChangeIdea | None = follows.change_idea if follows is not None else None
    if idea is None and (source.get("idea") or "").isdigit():
        idea = get_object_or_404(ChangeIdea, project=project, pk=int(source["idea"]))
    if idea is None:
        messages.info(request, "Choose the change idea to test, then plan its cycle.")
        return redirect("project_cycles", project.pk)
    if follows is not None and (refusal := cycles.next_cycle_refusal(follows)):
        messages.error(request, refusal)
        return redirect("improvement_cycle", project.pk, follows.pk)
    initial = PlanForm.initial_from(cycles.next_plan(follows)) if follows is not None else {}
    form = PlanForm(posted(request), project=project, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = cycles.start_cycle(
                user,
                idea,
                cycles.Plan(
                    title=data["title"],
                    objective=data["objective"],
                    questions=data["questions"],
                    prediction=data["prediction"],
                    who=data["who"],
                    where=data["where"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    measures=tuple(data["measures"]),
                ),
                follows=follows,
                submission=submission_token(request),
            )
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, f"Cycle “{cycle.title}” planned.")
            return redirect("improvement_cycle", project.pk, cycle.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, "plan a cycle")
    return page(
        request,
        "improvement/cycle_new.jinja",
        "Plan the next cycle" if follows else "Plan a PDSA cycle",
        form=form,
        idea=idea,
        follows=follows,
        **_common(project, user),
    )


def _study_charts(cycle: Cycle) -> tuple[list[cycles.StudyChart], bool]:
    """The linked measures' charts over the cycle, and whether the chart macro is there
    to draw them."""
    try:
        engines["jinja2"].get_template(MEASURE_CHART_TEMPLATE)
    except TemplateDoesNotExist:
        drawable = False
    else:
        drawable = True
    return cycles.study_charts(cycle), drawable


def _cycle_forms(which: str, data: Any, project: Project, cycle: Cycle) -> dict[str, Form]:
    """The cycle page's forms, the posted one (``which``) bound to what was sent."""

    def bound(name: str) -> Any:
        return data if which == name else None

    plan = {
        "title": cycle.title,
        "objective": cycle.objective,
        "questions": cycle.questions,
        "prediction": cycle.prediction,
        "who": cycle.who,
        "where": cycle.where,
        "starts_on": cycle.starts_on,
        "ends_on": cycle.ends_on,
        "measures": list(cycle.measures.all()),
    }
    return {
        "plan": PlanForm(
            bound("plan"), project=project, initial=PlanForm.initial_from(plan), prefix="plan"
        ),
        "task": TaskForm(bound("task"), owners=cycles.task_owners(project), prefix="task"),
        "observe": ObservationForm(bound("observe"), prefix="observe"),
        "study": StudyForm(bound("study"), initial={"result": cycle.result}, prefix="study"),
        "act": ActForm(bound("act"), prefix="act"),
    }


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def show_cycle(request: HttpRequest, project_id: int, cycle_id: int) -> HttpResponse:
    """One PDSA cycle: its plan and tasks, what happened, the study of its measures'
    charts beside the prediction, and what was decided; the team moves it forward."""
    user = signed_in_user(request)
    project = _project(request, project_id)
    cycle = get_object_or_404(
        Cycle.objects.select_related("change_idea", "follows", "decided_by"),
        change_idea__project=project,
        pk=cycle_id,
    )
    which = request.POST.get("form", "") if request.method == "POST" else ""
    forms = _cycle_forms(which, request.POST, project, cycle)
    here = reverse("improvement_cycle", args=[project.pk, cycle.pk])
    if request.method == "POST":
        services.check_may_change(user, project)
        if which in {"do", "begin_study"}:
            step = cycles.begin_do if which == "do" else cycles.begin_study
            try:
                step(user, cycle)
            except ValidationError as error:
                _flash_refusal(request, error)
            else:
                messages.success(request, f"Now at {cycle.get_stage_display()}.")
            return redirect(here)
        if which == "task_done":
            task = get_object_or_404(Task, cycle=cycle, pk=request.POST.get("task") or 0)
            cycles.complete_task(user, task)
            messages.success(request, f"Task “{task.text}” done.")
            return redirect(here)
        form = forms.get(which)
        if form is None:
            raise Http404("No such form")
        if form.is_valid():
            try:
                _save(request, which, form.cleaned_data, cycle)
            except ValidationError as error:
                _refused(form, error)
            else:
                return redirect(here)
    charts, drawable = _study_charts(cycle) if cycle.stage != Cycle.Stage.PLAN else ([], False)
    audit.record(user, AuditEvent.Action.VIEWED, cycle, "cycle")
    following = Cycle.objects.filter(follows=cycle).first()
    return page(
        request,
        "improvement/cycle_show.jinja",
        f"{cycle.title}: PDSA cycle",
        summary_form=forms.get(which),
        cycle=cycle,
        stage=Cycle.Stage,
        forms=forms,
        tasks=list(cycle.tasks.select_related("owner__user", "owner__member")),
        observations=list(cycle.observations.all()),
        measures=list(cycle.measures.all()),
        charts=charts,
        drawable=drawable,
        chart_template=MEASURE_CHART_TEMPLATE,
        chain=cycles.chain(cycle),
        following=following,
        next_refusal=cycles.next_cycle_refusal(cycle),
        dates=cycles.dates(cycle),
        story_url=reverse("project_story", args=[project.pk]),
        measure_urls={
            m.pk: reverse("show_measure", args=[project.pk, m.pk]) for m in cycle.measures.all()
        },
        **_common(project, user),
    )


def _save(request: HttpRequest, which: str, data: dict[str, Any], cycle: Cycle) -> None:
    user = signed_in_user(request)
    if which == "plan":
        cycles.change_plan(
            user,
            cycle,
            cycles.Plan(
                title=data["title"],
                objective=data["objective"],
                questions=data["questions"],
                prediction=data["prediction"],
                who=data["who"],
                where=data["where"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                measures=tuple(data["measures"]),
            ),
        )
        messages.success(request, "Plan saved.")
    elif which == "task":
        cycles.add_task(
            user,
            cycle,
            text=data["text"],
            owner=data["owner"],
            due_on=data["due_on"],
            submission=submission_token(request),
        )
        messages.success(request, "Task added.")
    elif which == "observe":
        cycles.observe(
            user,
            cycle,
            kind=data["kind"],
            on=data["on"],
            text=data["text"],
            submission=submission_token(request),
        )
        messages.success(request, "Recorded.")
    elif which == "study":
        cycles.study(user, cycle, result=data["result"])
        messages.success(request, "Result recorded: now decide what to do.")
    elif which == "act":
        cycles.act(user, cycle, decision=data["decision"], because=data["because"])
        messages.success(request, f"Decision recorded: {cycle.get_decision_display().lower()}.")
