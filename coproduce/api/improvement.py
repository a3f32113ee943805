"""Improvement projects over REST, read only (issue 23, item 10): projects with their
charter, team roles and progress score; measures with their points and annotations;
PDSA cycles; and the notes on the charts. Everyone who may see projects may read them
(``VIEW_IMPROVEMENT``); every read is audited. No voice's words are given: a project
says where it started, not what anyone said. Team members are named with their role,
never with a way to reach them.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.request import Request
from rest_framework.response import Response

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.policy import Capability
from coproduce.api.permissions import capability
from coproduce.api.serializers import DetailSerializer
from coproduce.improvement import measures, services
from coproduce.improvement.models import (
    Annotation,
    Cycle,
    Measure,
    Observation,
    ProgressScore,
    Project,
    ProjectRole,
    Recalculation,
    Task,
    TeamMember,
)

NOT_FOUND = {404: DetailSerializer}
# The addresses take any word where the project's number goes, so that a word that is not
# a number is answered as the API answers (JSON), not by the site's page for a 404.
PROJECT_ID = OpenApiParameter("project_id", int, OpenApiParameter.PATH)
REFUSED = {401: DetailSerializer, 403: DetailSerializer}


class AimSerializer(serializers.Serializer[Project]):
    what = serializers.CharField(source="aim_what")
    for_whom = serializers.CharField(source="aim_for_whom")
    from_ = serializers.DecimalField(
        source="aim_from", max_digits=10, decimal_places=2, allow_null=True, coerce_to_string=False
    )
    to = serializers.DecimalField(
        source="aim_to", max_digits=10, decimal_places=2, coerce_to_string=False
    )
    unit = serializers.CharField(source="aim_unit")
    by = serializers.DateField(source="aim_by")

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")  # a keyword in Python, a plain word in JSON
        return fields


class ScoreSerializer(serializers.ModelSerializer[ProgressScore]):
    score = serializers.DecimalField(
        source="value", max_digits=2, decimal_places=1, coerce_to_string=False
    )
    meaning = serializers.CharField(source="get_score_display")

    class Meta:
        model = ProgressScore
        fields = ("score", "meaning", "note", "set_at")


class TeamMemberSerializer(serializers.ModelSerializer[TeamMember]):
    name = serializers.CharField(source="display_name")
    role = serializers.ChoiceField(choices=ProjectRole.choices)
    staff = serializers.SerializerMethodField()
    lived_experience = serializers.BooleanField()

    class Meta:
        model = TeamMember
        fields = (
            "id",
            "name",
            "role",
            "staff",
            "lived_experience",
            "full_member",
            "joined_on",
            "left_on",
        )

    def get_staff(self, place: TeamMember) -> bool:
        return place.member is None


class ProjectSummarySerializer(serializers.ModelSerializer[Project]):
    aim = AimSerializer(source="*")
    score = serializers.SerializerMethodField()
    co_leads = serializers.SerializerMethodField()
    services = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Project
        fields: tuple[str, ...] = (
            "id",
            "title",
            "status",
            "started_from",
            "aim",
            "teams",
            "services",
            "score",
            "co_leads",
            "created_at",
            "updated_at",
            "closed_at",
        )

    @extend_schema_field(ScoreSerializer(allow_null=True))
    def get_score(self, project: Project) -> dict[str, Any] | None:
        latest = project.scores.first()
        return ScoreSerializer(latest).data if latest else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_co_leads(self, project: Project) -> list[str]:
        return [
            place.display_name
            for place in services.current_team(project)
            if place.role == ProjectRole.CO_LEAD
        ]


class ProjectSerializer(ProjectSummarySerializer):
    team = serializers.SerializerMethodField()
    scores = ScoreSerializer(many=True)
    voices = serializers.SerializerMethodField(help_text="How many voices are behind it.")
    closed_because = serializers.CharField()

    class Meta(ProjectSummarySerializer.Meta):
        fields = (
            *ProjectSummarySerializer.Meta.fields,
            "problem",
            "started_without_because",
            "voices",
            "team",
            "scores",
            "closed_because",
        )

    @extend_schema_field(TeamMemberSerializer(many=True))
    def get_team(self, project: Project) -> list[dict[str, Any]]:
        team = project.team.select_related("user", "member").order_by("joined_on", "pk")
        return list(TeamMemberSerializer(team, many=True).data)

    def get_voices(self, project: Project) -> int:
        return project.voices.count()


class PointSerializer(serializers.Serializer[Any]):
    period_start = serializers.DateField()
    value = serializers.FloatField(
        allow_null=True, help_text="null where showing it would reveal a small number"
    )
    provisional = serializers.BooleanField(
        default=False, help_text="true while the figure may still change"
    )


class RecalculationSerializer(serializers.ModelSerializer[Recalculation]):
    class Meta:
        model = Recalculation
        fields = ("starts", "reason")


class AnnotationSerializer(serializers.ModelSerializer[Annotation]):
    class Meta:
        model = Annotation
        fields = ("id", "measure", "on", "text")


def points(measure: Measure) -> list[dict[str, Any]]:
    """A measure's points by period: the evidence engine's figures for the project's
    scope (a hidden small number is null), or the team's counted values."""
    return [
        {"period_start": p.starts, "value": p.value, "provisional": p.provisional}
        for p in measures.series(measure).points
    ]


class MeasureSerializer(serializers.ModelSerializer[Measure]):
    points = serializers.SerializerMethodField()
    recalculations = RecalculationSerializer(many=True)
    annotations = serializers.SerializerMethodField()

    class Meta:
        model = Measure
        fields = (
            "id",
            "kind",
            "name",
            "definition",
            "source",
            "period",
            "better",
            "unit",
            "baseline_until",
            "points",
            "recalculations",
            "annotations",
        )

    @extend_schema_field(PointSerializer(many=True))
    def get_points(self, measure: Measure) -> list[dict[str, Any]]:
        return list(PointSerializer(points(measure), many=True).data)

    @extend_schema_field(AnnotationSerializer(many=True))
    def get_annotations(self, measure: Measure) -> list[dict[str, Any]]:
        """The notes drawn on this measure's chart: its own and the project's."""
        notes = Annotation.objects.filter(project_id=measure.project_id).filter(
            measure__isnull=True
        ) | Annotation.objects.filter(measure=measure)
        return list(AnnotationSerializer(notes.order_by("on", "pk"), many=True).data)


class TaskSerializer(serializers.ModelSerializer[Task]):
    owner = serializers.CharField(source="owner.display_name")

    class Meta:
        model = Task
        fields = ("text", "owner", "due_on", "done_on")


class ObservationSerializer(serializers.ModelSerializer[Observation]):
    class Meta:
        model = Observation
        fields = ("kind", "on", "text")


class CycleSerializer(serializers.ModelSerializer[Cycle]):
    change_idea = serializers.CharField(source="change_idea.text")
    tasks = TaskSerializer(many=True)
    observations = ObservationSerializer(many=True)

    class Meta:
        model = Cycle
        fields = (
            "id",
            "change_idea",
            "follows",
            "title",
            "stage",
            "objective",
            "questions",
            "prediction",
            "who",
            "where",
            "starts_on",
            "ends_on",
            "measures",
            "tasks",
            "observations",
            "result",
            "decision",
            "decided_because",
            "decided_at",
        )


def _project(request: Request, project_id: str, what: str) -> Project:
    """The project, its read audited; 404 if there is none (all who may read projects
    may read every one: ``services.may_see``)."""
    if not project_id.isdecimal() or len(project_id) > 18:
        raise exceptions.NotFound()
    project = get_object_or_404(Project, pk=int(project_id))
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the permission class needs a user
    if not services.may_see(user, project):
        raise exceptions.PermissionDenied("Your role does not allow this.")
    audit.record(user, AuditEvent.Action.VIEWED, project, f"api {what}")
    return project


@extend_schema(responses={200: ProjectSummarySerializer(many=True), **REFUSED})
@api_view(["GET"])
@permission_classes([capability(Capability.VIEW_IMPROVEMENT)])
def list_projects(request: Request) -> Response:
    """Every project: the portfolio."""
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the permission class needs a user
    projects = services.projects_for(user).prefetch_related("teams", "scores")
    audit.record_list(user, Project, f"api: {projects.count()} projects")
    return Response(ProjectSummarySerializer(projects, many=True).data)


@extend_schema(parameters=[PROJECT_ID], responses={200: ProjectSerializer, **REFUSED, **NOT_FOUND})
@api_view(["GET"])
@permission_classes([capability(Capability.VIEW_IMPROVEMENT)])
def show_project(request: Request, project_id: str) -> Response:
    """One project's charter, its team's roles (no contact details) and its scores."""
    return Response(ProjectSerializer(_project(request, project_id, "charter")).data)


@extend_schema(
    parameters=[PROJECT_ID], responses={200: MeasureSerializer(many=True), **REFUSED, **NOT_FOUND}
)
@api_view(["GET"])
@permission_classes([capability(Capability.VIEW_IMPROVEMENT)])
def list_measures(request: Request, project_id: str) -> Response:
    project = _project(request, project_id, "measures")
    measures = project.measures.prefetch_related("recalculations")
    return Response(MeasureSerializer(measures, many=True).data)


@extend_schema(
    parameters=[PROJECT_ID], responses={200: CycleSerializer(many=True), **REFUSED, **NOT_FOUND}
)
@api_view(["GET"])
@permission_classes([capability(Capability.VIEW_IMPROVEMENT)])
def list_cycles(request: Request, project_id: str) -> Response:
    project = _project(request, project_id, "cycles")
    cycles = (
        Cycle.objects.filter(change_idea__project=project)
        .select_related("change_idea")
        .prefetch_related("measures", "tasks__owner__user", "tasks__owner__member", "observations")
        .order_by("starts_on", "pk")
    )
    return Response(CycleSerializer(cycles, many=True).data)


@extend_schema(
    parameters=[PROJECT_ID],
    responses={200: AnnotationSerializer(many=True), **REFUSED, **NOT_FOUND},
)
@api_view(["GET"])
@permission_classes([capability(Capability.VIEW_IMPROVEMENT)])
def list_annotations(request: Request, project_id: str) -> Response:
    """Every note on the project's charts (``measure`` null: drawn on all of them). The
    cycles mark the charts too: read them from the cycles."""
    project = _project(request, project_id, "annotations")
    return Response(AnnotationSerializer(project.annotations.all(), many=True).data)
