"""The demo trust's improvement project: seed 002 told as a project (issue 23).

Viv, a member of the network who uses the crisis team, raised a concern: she was seen by
too many different staff. Fran, the home treatment team's leader, took it up with her;
they co-lead the project. Its aim is fewer distinct staff per episode; its measures are
the evidence engine's distinct staff, time on the caseload and disengagement for the home
treatment team, and a count the team keeps (people with a lead practitioner named at
their first appointment). The lead practitioner model is tested in three chained PDSA
cycles, one locality team, then two, then the whole team from the history's change date
(``history.change_date``), which is when the synthetic history's episodes start to see
fewer staff: the charts show the drop after the change, and the limits are recalculated
there. The third cycle adopted the model: its story is drafted and waits to be told.
"""

from __future__ import annotations

import datetime as dt
import decimal

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.care.models import Team
from coproduce.improvement import services
from coproduce.improvement.models import (
    Annotation,
    ChangeIdea,
    CountedValue,
    Cycle,
    Driver,
    Measure,
    Observation,
    ProgressScore,
    Project,
    ProjectMeeting,
    ProjectRole,
    Recalculation,
    Task,
    TeamMember,
    TimeSpent,
)
from coproduce.network import services as network
from coproduce.network.models import Ladder, MeetingKind, Member
from coproduce.tooling.synthetic.history import change_date
from coproduce.voices.models import Voice

TITLE = "Lead practitioner model: fewer different staff"
VIVS_WORDS = (
    "(Synthetic) Every time the crisis team came it was someone new. I had to tell my "
    "story again and again, and it made the crisis worse, not better."
)


def _month(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _at(day: dt.date, now: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), tzinfo=now.tzinfo)


def seed_improvement(users: dict[str, User], teams: list[Team], now: dt.datetime) -> Project:
    """The seed 002 project, from Viv's voice to a change adopted, its story not yet told."""
    fran, lead = users["team.leader"], users["le.lead"]
    home_treatment = teams[1]
    changed = change_date(now)  # the third cycle: the whole team
    first_cycle = _month(changed, -4)
    second_cycle = _month(changed, -2)
    opened = _month(changed, -7)
    viv = Member.objects.get(user=users["member"])

    voice = Voice.objects.create(
        channel=Voice.Channel.PHONE,
        text=VIVS_WORDS,
        rating=5,
        received_at=_at(_month(changed, -8), now),
        team=home_treatment,
        consent_improvement=True,
        consent_contact=True,
        contact_channel=Voice.ContactChannel.SMS,
        contact_phone=viv.phone,
        contact_format=viv.format,
        reviewed_at=_at(_month(changed, -8) + dt.timedelta(days=2), now),
        reviewed_by=lead,
    )
    project = services.open_project(
        fran,
        title=TITLE,
        problem="When I am in crisis I am seen by many different staff. I have to tell my "
        "story again each time, and my plan is not always followed.",
        source=services.Source(voice=voice),
        aim=services.Aim(
            what="Distinct staff who see each person in an episode of home treatment",
            for_whom="People on the home treatment team's caseload",
            from_=4.5,
            to=2.5,
            unit="distinct staff per episode",
            by=_month(timezone.localdate(), 6),
        ),
        co_leads=[fran, viv],
        teams=[home_treatment],
    )
    Project.objects.filter(pk=project.pk).update(created_at=_at(opened, now))
    fran_place = project.team.get(user=fran)
    TeamMember.objects.filter(project=project).update(joined_on=opened)
    support = TeamMember.objects.create(
        project=project,
        user=users["support.worker"],
        role=ProjectRole.DATA_LEAD,
        joined_on=opened,
        added_by=fran,
    )
    TeamMember.objects.create(
        project=project,
        user=users["practitioner"],
        role=ProjectRole.TEAM_MEMBER,
        joined_on=_month(opened, 1),
        added_by=fran,
    )
    TeamMember.objects.create(
        project=project, user=lead, role=ProjectRole.SPONSOR, joined_on=opened, added_by=fran
    )
    carer = Member.objects.filter(kind=Member.Kind.CARER).order_by("pk").first()
    if carer is not None:
        TeamMember.objects.create(
            project=project,
            member=carer,
            role=ProjectRole.ADVISER,
            full_member=False,
            joined_on=_month(opened, 2),
            added_by=fran,
        )

    # Measures: the evidence engine's for the home treatment team, and one the team counts.
    def measure(kind: str, name: str, source: str, better: str, unit: str, n: int) -> Measure:
        return Measure.objects.create(
            project=project,
            kind=kind,
            name=name,
            source=source,
            better=better,
            unit=unit,
            baseline_until=first_cycle,
            position=n,
            created_by=fran,
        )

    distinct = measure(
        Measure.Kind.OUTCOME,
        "Distinct staff per episode",
        Measure.Source.DISTINCT_STAFF,
        "down",
        "staff",
        0,
    )
    caseload = measure(
        Measure.Kind.OUTCOME,
        "Median days on the caseload",
        Measure.Source.TIME_ON_CASELOAD,
        "down",
        "days",
        1,
    )
    disengaged = measure(
        Measure.Kind.BALANCING,
        "Closed episodes ended by disengagement",
        Measure.Source.DISENGAGEMENT,
        "down",
        "%",
        2,
    )
    named = measure(
        Measure.Kind.PROCESS,
        "Lead practitioner named at the first appointment",
        Measure.Source.COUNTED,
        "up",
        "%",
        3,
    )
    named.definition = (
        "Of the people whose first appointment was that month, the share told the name of "
        "their lead practitioner there (counted from the appointment letters)."
    )
    named.save(update_fields=["definition"])
    # Counted from six months before the first cycle to last month: low, then rising as
    # each cycle brings more of the team in.
    last_month = _month(timezone.localdate(), -1)
    month, values = _month(first_cycle, -6), []
    while month <= last_month:
        share = 12 if month < first_cycle else 35 if month < second_cycle else 60
        if month >= changed:
            share = min(
                96, 80 + 2 * ((month.year - changed.year) * 12 + month.month - changed.month)
            )
        wobble = (month.month * 7 + month.year) % 5 - 2
        values.append(
            CountedValue(
                measure=named,
                period_start=month,
                value=decimal.Decimal(share + wobble),
                entered_by=users["support.worker"],
            )
        )
        month = _month(month, 1)
    CountedValue.objects.bulk_create(values)
    for each in (distinct, caseload, disengaged, named):
        Recalculation.objects.create(
            measure=each,
            starts=changed,
            reason="The lead practitioner model for the whole team (third PDSA cycle)",
            set_by=support.user or fran,
        )

    # The driver diagram: aim, primary drivers, secondary drivers, change ideas.
    continuity = Driver.objects.create(
        project=project, text="People see the same few staff through a crisis", position=0
    )
    time_for_it = Driver.objects.create(
        project=project, text="Staff have the time and rotas to keep a small team", position=1
    )
    named_lead = Driver.objects.create(
        project=project,
        parent=continuity,
        text="A lead practitioner named at the first appointment",
        position=0,
    )
    reviews = Driver.objects.create(
        project=project,
        parent=continuity,
        text="Reviews at day 7 and day 14 with the same lead practitioner",
        position=1,
    )
    planned = Driver.objects.create(
        project=project,
        parent=time_for_it,
        text="Support workers lead planned interventions between reviews",
        position=0,
    )
    model = ChangeIdea.objects.create(
        project=project,
        text="The lead practitioner model: a lead practitioner and a small consistent team",
        position=0,
    )
    model.drivers.set([named_lead, reviews, planned])
    training = ChangeIdea.objects.create(
        project=project, text="Training for every member of staff in the model", position=1
    )
    training.drivers.set([planned])

    # Three chained PDSA cycles: one locality team, then two, then the whole team.
    measures = [distinct, caseload, disengaged, named]
    plans = [
        (
            "Cycle 1: one locality team",
            first_cycle,
            _month(first_cycle, 2) - dt.timedelta(days=1),
            "Try the lead practitioner model in the north locality team for eight weeks.",
            "Fewer different staff for the people that team sees; staff find it workable.",
            "People in the north locality saw fewer staff, but rotas made day-7 reviews "
            "with the same person hard.",
            Cycle.Decision.ADAPT,
            "rotas had to be planned around each person's small team first",
        ),
        (
            "Cycle 2: two locality teams",
            second_cycle,
            changed - dt.timedelta(days=1),
            "Two locality teams, with rotas planned around each person's small team and "
            "support workers leading planned interventions.",
            "Day-7 and day-14 reviews kept with the same lead practitioner for most people.",
            "Most reviews were kept with the same lead practitioner.",
            Cycle.Decision.ADAPT,
            "staff asked to be trained before it went to the whole team",
        ),
        (
            "Cycle 3: the whole team",
            changed,
            _month(changed, 3) - dt.timedelta(days=1),
            "The whole home treatment team works in the lead practitioner model.",
            "Distinct staff per episode falls from about 4 to about 2, people stay a "
            "shorter time on the caseload, and no more disengage.",
            "Distinct staff per episode fell from about 4 to about 2; time on the "
            "caseload fell; disengagement did not rise.",
            Cycle.Decision.ADOPT,
            "the figures moved as predicted and held, and people told us it works better",
        ),
    ]
    before: Cycle | None = None
    for title, starts, ends, objective, prediction, result, decision, because in plans:
        cycle = Cycle.objects.create(
            change_idea=model,
            follows=before,
            title=title,
            stage=Cycle.Stage.DONE,
            objective=objective,
            questions="Do people see fewer staff? Can the team keep it up?",
            prediction=prediction,
            who="Fran and Viv, with the teams taking part",
            where=home_treatment.name,
            starts_on=starts,
            ends_on=ends,
            result=result,
            studied_at=_at(ends, now),
            decision=decision,
            decided_because=because,
            decided_at=_at(ends + dt.timedelta(days=1), now),
            decided_by=fran,
            created_by=fran,
        )
        cycle.measures.set(measures)
        Task.objects.create(
            cycle=cycle,
            text="Name a lead practitioner at each first appointment",
            owner=fran_place,
            due_on=starts,
            done_on=starts,
        )
        Task.objects.create(
            cycle=cycle,
            text="Count the appointment letters that name a lead practitioner",
            owner=support,
            due_on=ends,
            done_on=ends,
        )
        Observation.objects.bulk_create(
            [
                Observation(
                    cycle=cycle,
                    kind=Observation.Kind.HAPPENED,
                    on=starts + dt.timedelta(days=14),
                    text="(Synthetic) The team started as planned.",
                    recorded_by=fran,
                ),
                Observation(
                    cycle=cycle,
                    kind=Observation.Kind.OBSERVATION,
                    on=starts + dt.timedelta(days=30),
                    text="(Synthetic) People said they did not have to repeat their story.",
                    recorded_by=fran,
                ),
            ]
        )
        before = cycle

    # Notes on the charts, besides the cycles.
    Annotation.objects.bulk_create(
        [
            Annotation(
                project=project,
                on=_month(opened, 1) + dt.timedelta(days=9),
                text="Staff survey: strong support for a lead practitioner",
                added_by=fran,
            ),
            Annotation(
                project=project,
                on=changed - dt.timedelta(days=10),
                text="Training sessions delivered to all staff",
                added_by=fran,
            ),
            Annotation(
                project=project,
                measure=named,
                on=second_cycle + dt.timedelta(days=3),
                text="Appointment letter changed to name the lead practitioner",
                added_by=users["support.worker"],
            ),
        ]
    )

    # The IHI score, month by month as the team set it.
    history = [
        ("1.0", opened, "Charter agreed; Fran and Viv co-lead."),
        ("1.5", _month(opened, 1), "Staff survey and open forum done; cycles planned."),
        ("2.5", _month(second_cycle, 1), "Two cycles tested; not yet an improvement overall."),
        ("3.5", _month(changed, 2), "Distinct staff per episode falling across the team."),
        ("4.0", _month(changed, 4), "Significant improvement, held for three months."),
    ]
    for score, on, note in history:
        set_ = ProgressScore.objects.create(project=project, score=score, note=note, set_by=fran)
        ProgressScore.objects.filter(pk=set_.pk).update(set_at=_at(on, now))

    # Dedicated time (the seed's lesson), and the open forum the members were paid for.
    TimeSpent.objects.bulk_create(
        [
            TimeSpent(
                project=project,
                person=place,
                on=_month(opened, k) + dt.timedelta(days=3),
                hours=decimal.Decimal(hours),
                what=what,
                entered_by=fran,
            )
            for k, (place, hours, what) in enumerate(
                [
                    (fran_place, "3", "Co-production in Action training with Viv"),
                    (fran_place, "2.5", "Gathering the data from several sources"),
                    (support, "4", "Staff survey and its analysis"),
                    (fran_place, "2", "Planning the first cycle with Viv"),
                    (support, "3", "Counting appointment letters"),
                    (fran_place, "6", "Training sessions for staff"),
                ]
            )
        ]
    )
    forum = network.create_meeting(
        lead,
        kind=MeetingKind.OPEN_FORUM,
        title="Open forum: seeing the same staff through a crisis",
        starts_at=_at(_month(opened, 1) + dt.timedelta(days=14), now),
        hours=2,
        place="Community centre, and online",
        agenda="Viv and Fran on the lead practitioner idea\nWhat would help you\nNext steps",
        ladder=Ladder.CO_PRODUCTION,
    )
    attending = [viv, *Member.objects.exclude(pk=viv.pk).exclude(kind=Member.Kind.STAFF)[:3]]
    network.invite(lead, forum, attending)
    network.take_register(lead, forum, {m.pk for m in attending})
    ProjectMeeting.objects.create(project=project, meeting=forum, linked_by=fran)
    for member in attending:
        if member.declines_payment:
            continue
        claim = network.submit_claim(
            member.user or lead, member, forum, unit="hour", units=decimal.Decimal(2)
        )
        network.decide_claim(lead, claim, approve=True)
    Project.objects.filter(pk=project.pk).update(updated_at=_at(_month(changed, 4), now))
    return project
