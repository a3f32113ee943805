"""A project's measures: their figures by period, the chart drawn only with enough of
them, its limits recalculated only where the team chose, and its annotations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.template import engines
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.evidence import spc
from coproduce.improvement import measures, services
from coproduce.improvement.models import (
    Annotation,
    ChangeIdea,
    CountedValue,
    Cycle,
    Measure,
    Project,
    Recalculation,
)
from coproduce.lib.dates import next_month
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import UserFactory, VoiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fran(team: Any) -> Any:
    user = UserFactory(username="fran", first_name="Fran", role=Role.TEAM_LEADER)
    team.staff.add(user)
    return user


@pytest.fixture
def project(fran: Any, team: Any) -> Project:
    viv = Member.objects.create(
        name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=dt.date(2026, 1, 5)
    )
    return services.open_project(
        fran,
        title="Lead practitioner model",
        problem="I was seen by too many different people.",
        source=services.Source(voice=VoiceFactory()),
        aim=services.Aim(
            what="Fewer different staff see each person",
            for_whom="People on the home treatment team's caseload",
            from_=8,
            to=4,
            unit="distinct staff per episode",
            by=timezone.localdate() + dt.timedelta(days=365),
        ),
        co_leads=[fran, viv],
        teams=[team],
    )


def months_back(count: int) -> list[dt.date]:
    """The first days of the ``count`` months before this one, oldest first."""
    month = timezone.localdate().replace(day=1)
    out = []
    for _ in range(count):
        month = (month - dt.timedelta(days=1)).replace(day=1)
        out.append(month)
    return out[::-1]


def counted(project: Project, fran: Any, values: list[float], **fields: Any) -> Measure:
    measure = Measure.objects.create(
        project=project,
        kind=Measure.Kind.PROCESS,
        name="Lead practitioner named at the first appointment",
        source=Measure.Source.COUNTED,
        better="up",
        unit="%",
        created_by=fran,
        **fields,
    )
    for month, value in zip(months_back(len(values)), values, strict=True):
        CountedValue.objects.create(
            measure=measure, period_start=month, value=Decimal(str(value)), entered_by=fran
        )
    return measure


def test_a_chart_with_too_few_points_says_how_many_more_are_needed(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [40, 45])

    chart = measures.measure_chart(measure)

    assert chart.chart is None
    assert "3 more months are needed before a chart can be drawn" in chart.not_drawn
    assert chart.variation is None


def test_a_counted_measure_is_charted_with_its_figures(project: Project, fran: Any) -> None:
    measure = counted(project, fran, [40, 42, 41, 43, 40, 44, 42, 41])

    chart = measures.measure_chart(measure)

    assert not chart.not_drawn
    assert chart.chart is not None
    assert chart.variation == spc.Variation.COMMON
    assert [row["value"] for row in chart.rows][:2] == ["40%", "42%"]
    html = render(chart)
    assert "<svg" in html
    assert "Lead practitioner named at the first appointment: the figures as a table" in html


def render(chart: measures.MeasureChart) -> str:
    template = engines["jinja2"].from_string(
        '{% from "improvement/measure_chart.jinja" import measure_chart %}{{ measure_chart(mc) }}'
    )
    return str(template.render({"mc": chart}))
