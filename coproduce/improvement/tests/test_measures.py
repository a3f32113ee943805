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
    CountedValue,
    Measure,
    Project,
)
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import (
    ContactFactory,
    EpisodeFactory,
    UserFactory,
    VoiceFactory,
)

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


def episodes(team: Any, month: dt.date, count: int, staff: list[Any], days: int) -> None:
    """``count`` episodes accepted on the 2nd of ``month``, each seen once by every one of
    ``staff`` and closed ``days`` days after it began."""
    for _ in range(count):
        accepted = timezone.make_aware(dt.datetime.combine(month.replace(day=2), dt.time(10)))
        episode = EpisodeFactory(
            team=team,
            lead_practitioner=staff[0],
            accepted_at=accepted,
            closed_at=accepted + dt.timedelta(days=days),
        )
        for hour, member in enumerate(staff):
            ContactFactory(
                episode=episode, staff=member, occurred_at=accepted + dt.timedelta(hours=hour + 1)
            )


@pytest.fixture
def history(team: Any, other_team: Any) -> dict[str, dt.date]:
    """Two home treatment teams: ours sees each person with 2 staff for 10 days; the other
    with 4 staff for 20 days. Four months ago ours had only 5 episodes."""
    staff = UserFactory.create_batch(4)
    earlier, later = months_back(4)[0], months_back(3)[0]
    episodes(team, earlier, 5, staff[:2], 10)
    episodes(other_team, earlier, 8, staff, 20)
    episodes(team, later, 8, staff[:2], 10)
    episodes(other_team, later, 8, staff, 20)
    return {"earlier": earlier, "later": later}


def bound(project: Project, fran: Any, source: str) -> Measure:
    return Measure.objects.create(
        project=project,
        kind=Measure.Kind.OUTCOME,
        name=source,
        source=source,
        better="down",
        created_by=fran,
    )


def figures(measure: Measure) -> dict[dt.date, float | None]:
    return {p.starts: p.value for p in measures.series(measure).points}


def test_a_measure_takes_the_evidence_for_the_projects_teams_only(
    project: Project, fran: Any, history: dict[str, dt.date]
) -> None:
    staff = figures(bound(project, fran, Measure.Source.DISTINCT_STAFF))
    days = figures(bound(project, fran, Measure.Source.TIME_ON_CASELOAD))

    # Ours alone: 2 staff and 10 days; its 5 episodes four months ago are too few to show.
    assert staff == {history["earlier"]: None, history["later"]: 2.0}
    assert days == {history["earlier"]: None, history["later"]: 10.0}


def test_a_measure_of_a_service_takes_every_team_of_that_kind(
    project: Project, fran: Any, history: dict[str, dt.date]
) -> None:
    project.teams.clear()
    project.services = ["home_treatment"]
    project.save()

    staff = figures(bound(project, fran, Measure.Source.DISTINCT_STAFF))
    days = figures(bound(project, fran, Measure.Source.TIME_ON_CASELOAD))

    # (5 x 2 + 8 x 4) / 13 = 3.23; (8 x 2 + 8 x 4) / 16 = 3. Medians of the 13 and the 16.
    assert staff == {history["earlier"]: 3.23, history["later"]: 3.0}
    assert days == {history["earlier"]: 20.0, history["later"]: 15.0}
