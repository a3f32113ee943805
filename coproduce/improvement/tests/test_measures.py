"""A project's measures: their figures by period, the chart drawn only with enough of
them, its limits recalculated only where the team chose, and its annotations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
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


def counted(project: Project, fran: Any, values: Sequence[float], **fields: Any) -> Measure:
    measure = Measure.objects.create(
        **{
            "project": project,
            "kind": Measure.Kind.PROCESS,
            "name": "Lead practitioner named at the first appointment",
            "source": Measure.Source.COUNTED,
            "better": "up",
            "unit": "%",
            "created_by": fran,
        }
        | fields
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


STEP = [40, 42, 39, 41, 40, 43, 70, 72, 69, 71, 70, 73]


def test_limits_are_recalculated_only_at_the_period_the_team_chose(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, STEP)
    before = measures.measure_chart(measure)
    change = months_back(12)[6]

    Recalculation.objects.create(measure=measure, starts=change, reason="Named", set_by=fran)
    after = measures.measure_chart(measure)

    assert before.xmr is not None
    assert after.xmr is not None
    assert len({round(p.mean, 6) for p in before.xmr.points}) == 1
    means = [round(p.mean, 2) for p in after.xmr.points]
    assert means == [40.83] * 6 + [70.83] * 6
    assert [(r.starts, r.applied) for r in after.recalculations] == [(change, True)]


def test_a_recalculation_with_too_few_figures_after_it_waits_and_says_why(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, STEP)
    late = months_back(12)[9]
    Recalculation.objects.create(measure=measure, starts=late, reason="Too late", set_by=fran)

    chart = measures.measure_chart(measure)

    assert chart.xmr is not None
    assert len({round(p.mean, 6) for p in chart.xmr.points}) == 1
    [waiting] = chart.recalculations
    assert not waiting.applied
    assert waiting.waiting == "fewer than 5 months of figures after it yet"


def test_a_recalculation_partway_through_a_month_starts_at_the_next(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, STEP)
    month = months_back(12)[5]
    Recalculation.objects.create(
        measure=measure, starts=month + dt.timedelta(days=10), reason="Named", set_by=fran
    )

    chart = measures.measure_chart(measure)

    assert chart.recalculations[0].starts == next_month(month)
    assert chart.recalculations[0].applied


def cycle(
    project: Project, fran: Any, title: str, starts: dt.date, ends: dt.date, **more: Any
) -> Cycle:
    idea = ChangeIdea.objects.get_or_create(project=project, text="Lead practitioner model")[0]
    made = Cycle.objects.create(
        change_idea=idea,
        title=title,
        objective="Try it",
        prediction="Fewer staff",
        starts_on=starts,
        ends_on=ends,
        created_by=fran,
        **more,
    )
    return made


def test_cycles_and_notes_are_numbered_in_date_order_and_placed_on_the_chart(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, STEP)
    months = months_back(12)
    one = cycle(project, fran, "One team", months[4], months[5] - dt.timedelta(days=1))
    one.measures.add(measure)
    two = cycle(
        project,
        fran,
        "Two teams",
        months[6],
        months[7] + dt.timedelta(days=14),
        decision=Cycle.Decision.ADAPT,
        decided_because="Worked",
    )
    two.measures.add(measure)
    cycle(project, fran, "Not studying this", months[8], months[9])  # no measure linked
    Annotation.objects.create(
        project=project, on=months[6] + dt.timedelta(days=3), text="Training", added_by=fran
    )
    other = Measure.objects.create(
        project=project,
        kind="outcome",
        name="Other",
        source="counted",
        better="up",
        created_by=fran,
    )
    Annotation.objects.create(
        project=project, measure=other, on=months[2], text="Elsewhere", added_by=fran
    )
    Annotation.objects.create(
        project=project, on=months[0] - dt.timedelta(days=40), text="Long ago", added_by=fran
    )

    chart = measures.measure_chart(measure)

    assert [(m.number, m.kind, m.title, m.off_chart) for m in chart.annotations] == [
        (1, "note", "Long ago", "before the chart begins"),
        (2, "cycle", "One team", ""),
        (3, "cycle", "Two teams", ""),
        (4, "note", "Training", ""),
    ]
    assert chart.annotations[2].decision == "Adapt"
    assert chart.chart is not None
    bands = {band.number: band for band in chart.chart.annotations}
    assert set(bands) == {2, 3, 4}
    x = {i: chart.chart.markers[i].x for i in range(12)}
    # The first cycle spans its month (from May's point to just before June's).
    assert bands[2].x == x[4]
    assert x[4] < (bands[2].x2 or 0) < x[5]
    # The note on the 4th of the month lies a tenth of the way to the next point.
    assert x[6] < bands[4].x < x[6] + (x[7] - x[6]) / 5
    assert bands[4].x2 is None
    row = next(r for r in chart.rows if r["starts"] == months[6])
    assert row["annotations"] == ["3", "4"]


def test_the_baseline_is_before_the_first_cycle_unless_the_team_set_a_day(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, STEP)
    months = months_back(12)
    cycle(project, fran, "One team", months[6] + dt.timedelta(days=4), months[7]).measures.add(
        measure
    )

    by_cycle = measures.measure_chart(measure).baseline
    measure.baseline_until = months[3]
    measure.save()
    by_day = measures.measure_chart(measure).baseline

    assert by_cycle is not None
    assert by_day is not None
    # Before the cycle began on the 5th: the six whole months before it.
    assert by_cycle.points == 6
    assert by_cycle.mean == pytest.approx(sum(STEP[:6]) / 6)
    assert by_cycle.words.startswith("Baseline 40.83%: the mean of 6 months")
    assert "before the first PDSA cycle began" in by_cycle.words
    assert by_day.points == 3
    assert by_day.mean == pytest.approx(sum(STEP[:3]) / 3)


def test_a_chart_to_a_cycles_end_stops_there(project: Project, fran: Any) -> None:
    measure = counted(project, fran, STEP)
    months = months_back(12)

    chart = measures.measure_chart(measure, until=months[7] + dt.timedelta(days=5))

    assert [p.starts for p in chart.series.points] == months[:8]
    assert chart.xmr is not None
    assert len(chart.xmr.points) == 8


def test_a_study_before_enough_data_says_so(project: Project, fran: Any) -> None:
    measure = counted(project, fran, STEP)
    months = months_back(12)

    chart = measures.measure_chart(measure, until=months[2])

    assert chart.chart is None
    assert chart.not_drawn == (
        "There are 3 months of figures so far. 2 more months are needed before a chart "
        "can be drawn."
    )


def test_a_measure_with_no_figures_yet_says_how_many_are_needed(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [])

    chart = measures.measure_chart(measure)

    assert chart.not_drawn == (
        "There are no figures for this measure yet. A chart needs 5 months of figures: "
        "5 more months are needed before one can be drawn."
    )


def test_hidden_months_are_said_and_not_counted_towards_a_chart(
    project: Project, fran: Any, history: dict[str, dt.date]
) -> None:
    chart = measures.measure_chart(bound(project, fran, Measure.Source.DISTINCT_STAFF))

    assert chart.not_drawn == (
        "There is 1 month of figures so far; 1 month not shown because the figure would "
        "reveal a small number. 4 more months are needed before a chart can be drawn."
    )
    assert [r["value"] for r in chart.rows] == ["Not shown", "2"]


def test_a_weekly_figure_is_kept_for_its_monday_and_a_week_to_come_is_refused(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, [], period=Measure.Period.WEEK, unit="people")
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())

    saved = measures.enter_value(fran, measure, day=monday - dt.timedelta(days=5), value=Decimal(6))
    with pytest.raises(ValidationError) as refused:
        measures.enter_value(fran, measure, day=monday + dt.timedelta(days=7), value=Decimal(6))

    assert saved.period_start == monday - dt.timedelta(days=7)
    assert "period" in refused.value.message_dict
    assert CountedValue.objects.count() == 1


def test_the_current_period_is_provisional(project: Project, fran: Any) -> None:
    measure = counted(project, fran, STEP[:6])
    measures.enter_value(fran, measure, day=timezone.localdate(), value=Decimal(41))

    chart = measures.measure_chart(measure)

    assert chart.series.points[-1].provisional
    assert chart.xmr is not None
    assert chart.xmr.points[-1].provisional
    assert "is not over yet" in chart.provisional_words


def test_a_target_gives_the_assurance(project: Project, fran: Any) -> None:
    measure = counted(project, fran, STEP[:6], target=Decimal(90))

    chart = measures.measure_chart(measure)

    assert chart.assurance == spc.Assurance.FAIL
    assert "The target will not be met without change" in render(chart)


def test_a_scope_with_no_episodes_yet_has_no_figures_and_says_so(
    project: Project, fran: Any
) -> None:
    for source in (
        Measure.Source.DISTINCT_STAFF,
        Measure.Source.EXPERIENCE,
        Measure.Source.RESPONSE,
    ):
        chart = measures.measure_chart(bound(project, fran, source))

        assert chart.series.points == []
        assert chart.not_drawn.startswith("There are no figures for this measure yet.")


def test_a_month_the_team_did_not_count_is_said_to_have_no_figure(
    project: Project, fran: Any
) -> None:
    measure = counted(project, fran, STEP[:7])
    CountedValue.objects.filter(measure=measure, period_start=months_back(7)[3]).delete()

    chart = measures.measure_chart(measure)

    assert chart.chart is not None
    assert f"No point for {months_back(7)[3]:%b %Y}: no figure was entered." in (
        chart.chart.description
    )
    assert "Latest complete month 70.0%; mean 45.7%" in chart.chart.description
    assert chart.rows[3]["value"] == "No figure entered"


def test_the_portfolio_warms_every_scope_from_one_extract(
    project: Project, fran: Any, history: dict[str, dt.date], other_team: Any
) -> None:
    bound(project, fran, Measure.Source.DISTINCT_STAFF)
    other = Project.objects.get(pk=project.pk)
    other.pk = None
    other.save()
    other.teams.set([other_team])
    bound(other, fran, Measure.Source.DISTINCT_STAFF)
    counted_only = Project.objects.get(pk=project.pk)
    counted_only.pk = None
    counted_only.save()
    counted(counted_only, fran, [40])

    measures.warm(Project.objects.all())

    keys = [measures._cache_key(measures.scope_teams(p)) for p in (project, other, counted_only)]
    kept = [cache.get(key) for key in keys]
    assert kept[0]["values"]["distinct_staff"][history["later"].isoformat()] == 2.0
    assert kept[1]["values"]["distinct_staff"][history["later"].isoformat()] == 4.0
    assert kept[2] is None  # the whole trust: no measure of it needs the evidence
