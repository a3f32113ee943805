"""Improvement projects' charters (issue 23, seed 002): the portfolio, opening a project
from a voice, an insight, a priority or an action, its charter, team, progress score and
the time given to it. Everyone who works on the service, and network members, may read
a project; its team changes it (``improvement.services.may_change``): anyone else who
posts is refused (403). Every read of a project and every change is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.policy import Capability, can, requires
from coproduce.change.models import Action, Insight, PriorityRound
from coproduce.evidence.spc import VARIATION_TEXT
from coproduce.improvement import measures, services
from coproduce.improvement.forms import (
    AddToTeamForm,
    CharterForm,
    LeaveForm,
    LinkMeetingForm,
    OpenProjectForm,
    PlaceForm,
    PortfolioFilterForm,
    ScoreForm,
    TimeForm,
)
from coproduce.improvement.models import Measure, ProgressScore, Project, TeamMember
from coproduce.voices.models import Voice
from coproduce.web.views.render import page, paged, posted, signed_in_user, submission_token


def _project(project_id: int) -> Project:
    return get_object_or_404(Project.objects.select_related("created_by"), pk=project_id)


def _field_errors(form: Any, error: ValidationError, renamed: dict[str, str]) -> None:
    """A service's refusal, each message on the field it names (or above the form)."""
    for name, words in error.message_dict.items():
        field = renamed.get(name, name)
        form.add_error(field if field in form.fields else None, words)


# What others build on a project (issue 23's plan): their pages are linked once they exist.
SECTIONS = [
    ("project_measures", "Measures", "Outcome, process and balancing measures, with their charts"),
    ("driver_diagram", "Driver diagram", "The aim, its drivers and the change ideas"),
    ("project_cycles", "PDSA cycles", "Each test of a change: plan, do, study, act"),
    ("project_story", "The story told back", '"You said, we did" to the voices behind it'),
]


def _sections(project: Project) -> list[dict[str, str]]:
    return [
        {"href": reverse(name, args=[project.pk]), "title": title, "words": words}
        for name, title, words in SECTIONS
    ]


def _measure_icons(measures_shown: list[Measure]) -> list[dict[str, Any]]:
    """Each measure's current Making Data Count variation icon, from its project chart
    (none for a measure with too few points for a chart)."""
    icons = []
    for measure in measures_shown:
        variation = measures.measure_variation(measure)
        icons.append(
            {
                "measure": measure,
                "variation": variation.value if variation else "",
                "variation_text": VARIATION_TEXT[variation] if variation else "",
            }
        )
    return icons


def _hours(value: Any) -> str:
    words = services.plain_number(value)
    return f"{words} hour" if words == "1" else f"{words} hours"


def _ago(when: Any) -> str:
    since = timesince(when, depth=1)
    return "Just now" if since.startswith("0\xa0") else f"{since} ago"


# The portfolio -----------------------------------------------------------------------


@requires(Capability.VIEW_IMPROVEMENT)
@require_GET
def improvement_portfolio(request: HttpRequest) -> HttpResponse:
    """Every project: its aim, score, measures' icons, lived-experience co-leads and when
    it last moved; filtered by team, service and status."""
    user = signed_in_user(request)
    chosen = request.GET.copy()
    chosen.pop("page", None)
    filters = PortfolioFilterForm(chosen or None, auto_id="filter_%s")
    projects = services.projects_for(user)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["status"]:
            projects = projects.filter(status=data["status"])
        projects = services.in_scope_of(projects, team=data["team"], service=data["service"])
    projects = projects.prefetch_related(
        "teams",
        "measures",
        Prefetch("scores", queryset=ProgressScore.objects.order_by("-set_at", "-pk")),
        Prefetch(
            "team",
            queryset=TeamMember.objects.filter(left_on__isnull=True).select_related(
                "member", "user"
            ),
        ),
    )
    listed = paged(request, projects)
    # Every scope's evidence figures from one extract, not one extract a project.
    measures.warm(listed["shown"])
    rows = []
    for project in listed["shown"]:
        scores = list(project.scores.all())
        rows.append(
            {
                "project": project,
                "aim": services.aim_sentence(project),
                "score": scores[0] if scores else None,
                "co_leads": [
                    place.display_name
                    for place in project.team.all()
                    if place.role == "co_lead" and place.lived_experience
                ],
                "measures": _measure_icons(list(project.measures.all())),
                "updated": _ago(project.updated_at),
            }
        )
    audit.record_list(user, Project, f"portfolio: {len(rows)} projects shown")
    return page(
        request,
        "improvement/charter_portfolio.jinja",
        "Improvement projects",
        filters=filters,
        rows=rows,
        total=listed["shown"].paginator.count,
        can_open=can(user, Capability.OPEN_PROJECTS),
        filtered=filters.is_valid() and any(filters.cleaned_data.values()),
        **listed,
    )


# Opening a project -------------------------------------------------------------------


def _id(query: QueryDict, name: str) -> int:
    raw = query.get(name, "")
    if not raw.isdigit():
        raise Http404(f"No such {name}")
    return int(raw)


def _source(request: HttpRequest, user: User) -> tuple[services.Source, dict[str, Any]]:
    """Where the project starts, from the address (``?voice=``, ``?insight=``,
    ``?priority=&insight=``, ``?action=``), and how the page shows it: a voice's words
    only to those who review voices (and that reading is audited)."""
    query = request.GET
    if "action" in query:
        action = get_object_or_404(
            Action.objects.select_related("insight"), pk=_id(query, "action")
        )
        return services.Source(action=action), {
            "kind": "action",
            "label": action.description,
            "href": reverse("show_action", args=[action.pk]),
            "problem": action.insight.statement,
        }
    if "priority" in query:
        priority_round = get_object_or_404(PriorityRound, pk=_id(query, "priority"))
        insight = get_object_or_404(priority_round.insights, pk=_id(query, "insight"))
        return services.Source(insight=insight, priority_round=priority_round), {
            "kind": "priority",
            "label": f"{insight.statement} (a priority in {priority_round.title})",
            "href": reverse("show_round", args=[priority_round.pk]),
            "problem": insight.statement,
        }
    if "insight" in query:
        insight = get_object_or_404(Insight, pk=_id(query, "insight"))
        return services.Source(insight=insight), {
            "kind": "insight",
            "label": insight.statement,
            "href": reverse("show_insight", args=[insight.pk]),
            "problem": insight.statement,
        }
    if "voice" in query:
        voice = get_object_or_404(Voice.objects.usable_for_improvement(), pk=_id(query, "voice"))
        shown: dict[str, Any] = {"kind": "voice", "label": f"Voice {voice.pk}", "problem": ""}
        if can(user, Capability.REVIEW_VOICES):
            audit.record(user, AuditEvent.Action.VIEWED, voice, "to open a project")
            shown |= {"href": reverse("show_voice", args=[voice.pk]), "text": voice.text}
        return services.Source(voice=voice), shown
    return services.Source(), {"kind": "nothing"}


@requires(Capability.OPEN_PROJECTS)
@require_http_methods(["GET", "POST"])
def open_project(request: HttpRequest) -> HttpResponse:
    """Open a project with its charter and co-leads, one of whom has lived experience."""
    user = signed_in_user(request)
    source, shown = _source(request, user)
    form = OpenProjectForm(
        posted(request),
        initial={"problem": shown.get("problem", ""), "staff_co_lead": user.pk},
    )
    if source.started_from != Project.StartedFrom.NOTHING:
        del form.fields["started_without_because"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.open_project(
                user,
                title=data["title"],
                problem=data["problem"],
                source=services.Source(
                    voice=source.voice,
                    insight=source.insight,
                    priority_round=source.priority_round,
                    action=source.action,
                    without_because=data.get("started_without_because", ""),
                ),
                aim=form.aim(),
                co_leads=form.co_leads(),
                teams=data["teams"],
                services=data["services"],
                submission=submission_token(request),
            )
        except ValidationError as error:
            _field_errors(form, error, {"co_leads": "member_co_lead"})
        else:
            messages.success(request, "Project opened. Next, agree its measures with the team.")
            return redirect("show_project", project_id=project.pk)
    return page(
        request,
        "improvement/charter_open.jinja",
        "Start an improvement project",
        form=form,
        source=shown,
        action_url=request.get_full_path(),
    )


# The project and its charter ---------------------------------------------------------


def _source_shown(user: User, project: Project) -> dict[str, Any]:
    """Where the project started, linked for those who may open the link; a voice's words
    never (they are on the voice's page, for those who review voices)."""
    kind = project.started_from
    if kind == Project.StartedFrom.VOICE and project.voice_id is not None:
        return {
            "label": f"Voice {project.voice_id}",
            "href": reverse("show_voice", args=[project.voice_id])
            if can(user, Capability.REVIEW_VOICES)
            else "",
        }
    if kind == Project.StartedFrom.ACTION and project.action is not None:
        return {
            "label": f"Action: {project.action.description}",
            "href": reverse("show_action", args=[project.action.pk])
            if can(user, Capability.MANAGE_CHANGE)
            else "",
        }
    if kind == Project.StartedFrom.PRIORITY and project.priority_round is not None:
        assert project.insight is not None  # noqa: S101 - the model's constraint
        return {
            "label": f"Priority: {project.insight.statement} ({project.priority_round.title})",
            "href": reverse("show_round", args=[project.priority_round.pk])
            if can(user, Capability.VIEW_PRIORITIES)
            else "",
        }
    if kind == Project.StartedFrom.INSIGHT and project.insight is not None:
        return {
            "label": f"Insight: {project.insight.statement}",
            "href": reverse("show_insight", args=[project.insight.pk])
            if can(user, Capability.MANAGE_CHANGE)
            else "",
        }
    return {"label": f"None: {project.started_without_because}", "href": ""}


@requires(Capability.VIEW_IMPROVEMENT)
@require_GET
def show_project(request: HttpRequest, project_id: int) -> HttpResponse:
    user = signed_in_user(request)
    project = get_object_or_404(
        Project.objects.select_related("voice", "insight", "priority_round", "action"),
        pk=project_id,
    )
    audit.record(user, AuditEvent.Action.VIEWED, project)
    return page(
        request,
        "improvement/charter_project.jinja",
        project.title,
        project=project,
        source=_source_shown(user, project),
        aim=services.aim_sentence(project),
        scope=services.scope_words(project),
        team=list(services.current_team(project)),
        score=services.latest_score(project),
        measures=_measure_icons(list(project.measures.all())),
        voices=project.voices.count(),
        sections=_sections(project),
        can_change=services.may_change(user, project),
        updated=_ago(project.updated_at),
    )


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def edit_project(request: HttpRequest, project_id: int) -> HttpResponse:
    """Change the charter. Those not on the team see why they cannot."""
    user = signed_in_user(request)
    project = _project(project_id)
    if request.method == "POST":
        services.check_may_change(user, project)
    form = CharterForm(posted(request), initial=CharterForm.initial_from(project))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.edit_charter(
                user,
                project,
                title=data["title"],
                problem=data["problem"],
                aim=form.aim(),
                teams=data["teams"],
                services=data["services"],
            )
        except ValidationError as error:
            _field_errors(form, error, {})
        else:
            messages.success(request, "Charter saved.")
            return redirect("show_project", project_id=project.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, "charter to edit")
    return page(
        request,
        "improvement/charter_edit.jinja",
        f"Change the charter: {project.title}",
        form=form,
        project=project,
        can_change=services.may_change(user, project),
        co_leads=[p for p in services.current_team(project) if p.role == "co_lead"],
    )


# The team ----------------------------------------------------------------------------


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def improvement_team(request: HttpRequest, project_id: int) -> HttpResponse:
    user = signed_in_user(request)
    project = _project(project_id)
    if request.method == "POST":
        services.check_may_change(user, project)
    form = AddToTeamForm(posted(request), initial={"full_member": "yes"})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_to_team(
                user,
                project,
                form.chosen_person(),
                role=form.cleaned_data["role"],
                full_member=form.cleaned_data["full_member"] == "yes",
                submission=submission_token(request),
            )
        except ValidationError as error:
            _field_errors(form, error, {})
        else:
            messages.success(request, "Added to the team.")
            return redirect("improvement_team", project_id=project.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, "team")
    everyone = list(project.team.select_related("user", "member", "added_by"))
    return page(
        request,
        "improvement/charter_team.jinja",
        f"Team: {project.title}",
        project=project,
        form=form,
        current=[p for p in everyone if p.left_on is None],
        past=[p for p in everyone if p.left_on is not None],
        can_change=services.may_change(user, project),
    )


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def improvement_team_member(request: HttpRequest, project_id: int, place_id: int) -> HttpResponse:
    """One person's place on the team: change their role, or they leave, with why."""
    user = signed_in_user(request)
    project = _project(project_id)
    place = get_object_or_404(
        project.team.select_related("user", "member"), pk=place_id, left_on__isnull=True
    )
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if request.method == "POST":
        services.check_may_change(user, project)
    role_form = PlaceForm(
        request.POST if step == "role" else None,
        initial={"role": place.role, "full_member": "yes" if place.full_member else "no"},
    )
    leave_form = LeaveForm(request.POST if step == "leave" else None)
    if step == "role" and role_form.is_valid():
        try:
            services.change_role(
                user,
                place,
                role=role_form.cleaned_data["role"],
                full_member=role_form.cleaned_data["full_member"] == "yes",
            )
        except ValidationError as error:
            _field_errors(role_form, error, {})
        else:
            messages.success(request, f"{place.display_name}'s role is changed.")
            return redirect("improvement_team", project_id=project.pk)
    if step == "leave" and leave_form.is_valid():
        try:
            services.leave_team(user, place, because=leave_form.cleaned_data["because"])
        except ValidationError as error:
            _field_errors(leave_form, error, {"person": "because"})
        else:
            messages.success(request, f"{place.display_name} has left the team.")
            return redirect("improvement_team", project_id=project.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, f"team member {place.pk}")
    bound = role_form if step == "role" else leave_form if step == "leave" else None
    return page(
        request,
        "improvement/charter_team_member.jinja",
        f"{place.display_name} on the team",
        project=project,
        place=place,
        role_form=role_form,
        leave_form=leave_form,
        summary_form=bound,
        can_change=services.may_change(user, project),
        status=400 if bound is not None and bound.errors else 200,
    )


# Progress ----------------------------------------------------------------------------


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def improvement_progress(request: HttpRequest, project_id: int) -> HttpResponse:
    """The IHI's 0.5-5 score, with what each means; set by the team with a note."""
    user = signed_in_user(request)
    project = _project(project_id)
    if request.method == "POST":
        services.check_may_change(user, project)
    form = ScoreForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.set_score(
                user, project, **form.cleaned_data, submission=submission_token(request)
            )
        except ValidationError as error:
            _field_errors(form, error, {})
        else:
            messages.success(request, "Score set.")
            return redirect("improvement_progress", project_id=project.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, "progress")
    history = list(project.scores.select_related("set_by"))
    return page(
        request,
        "improvement/charter_progress.jinja",
        f"Progress: {project.title}",
        project=project,
        form=form,
        scale=[
            (value, label, services.SCORE_MEANS[value])
            for value, label in ProgressScore.Score.choices
        ],
        means={str(value): words for value, words in services.SCORE_MEANS.items()},
        history=history,
        can_change=services.may_change(user, project),
    )


# Time for co-production --------------------------------------------------------------


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def improvement_time(request: HttpRequest, project_id: int) -> HttpResponse:
    """Staff hours and the project's meetings with what members were paid: its real cost."""
    user = signed_in_user(request)
    project = _project(project_id)
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if request.method == "POST":
        services.check_may_change(user, project)
    time_form = TimeForm(
        request.POST if step == "hours" else None,
        project=project,
        initial={"on": f"{timezone.localdate():%d/%m/%Y}"},
    )
    meeting_form = LinkMeetingForm(request.POST if step == "meeting" else None)
    if step == "hours" and time_form.is_valid():
        try:
            services.record_time(
                user, project, **time_form.cleaned_data, submission=submission_token(request)
            )
        except ValidationError as error:
            _field_errors(time_form, error, {})
        else:
            messages.success(request, "Hours recorded.")
            return redirect("improvement_time", project_id=project.pk)
    if step == "meeting" and meeting_form.is_valid():
        try:
            services.link_meeting(
                user,
                project,
                meeting_form.cleaned_data["meeting"],
                submission=submission_token(request),
            )
        except ValidationError as error:
            _field_errors(meeting_form, error, {})
        else:
            messages.success(request, "Meeting linked: its members' approved claims now count.")
            return redirect("improvement_time", project_id=project.pk)
    audit.record(user, AuditEvent.Action.VIEWED, project, "time and cost")
    bound = time_form if step == "hours" else meeting_form if step == "meeting" else None
    return page(
        request,
        "improvement/charter_time.jinja",
        f"Time and cost: {project.title}",
        project=project,
        cost=services.project_cost(project),
        entries=list(project.time_spent.select_related("person__user", "person__member")),
        time_form=time_form,
        meeting_form=meeting_form,
        summary_form=bound,
        can_change=services.may_change(user, project),
        sees_meetings=can(user, Capability.MANAGE_NETWORK),
        hours=_hours,
        pounds=lambda value: f"£{value:,.2f}",
        status=400 if bound is not None and bound.errors else 200,
    )
