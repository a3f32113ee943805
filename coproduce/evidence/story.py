"""The story of change for a period: what people said, what changed, what it did to the
measures, who was involved and how equally it was decided.

Every count about people goes through disclosure control (counts of 1 to 7 are not
shown, others rounded to the nearest 5), so the report can be published as it is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from coproduce.change.models import Action, OutboxMessage, Update
from coproduce.change.services import LadderCount, ladder_summary
from coproduce.evidence.metrics import good_or_very_good
from coproduce.lib.disclosure import shown
from coproduce.network.models import Attendance, Meeting, Member, SelfAssessment
from coproduce.voices.models import Voice


@dataclass(frozen=True)
class Measure:
    name: str
    before: str
    after: str
    note: str


@dataclass(frozen=True)
class Story:
    start: dt.date
    end: dt.date
    voices: str
    by_channel: list[tuple[str, str]]
    by_category: list[tuple[str, str]]
    updates: list[Update]
    actions_done: int
    actions_overdue: int
    measures: list[Measure]
    members: str
    meetings: int
    attendances: str
    contributors_told: str
    contributors_asked: str
    ladder: list[LadderCount]
    self_assessment: SelfAssessment | None


def _between(start: dt.date, end: dt.date, field: str) -> Q:
    return Q(**{f"{field}__date__gte": start, f"{field}__date__lte": end})


def _share(positive: int, total: int) -> str:
    if total == 0:
        return "no answers"
    if shown(total).startswith("fewer"):
        return f"not shown ({shown(total)} answers)"
    return f"{positive / total:.0%} of {shown(total)} answers"


def story_for(start: dt.date, end: dt.date) -> Story:
    if end < start:
        raise ValueError("The period must end after it starts")
    voices = list(
        Voice.objects.filter(
            _between(start, end, "received_at"), withdrawn_at__isnull=True
        ).prefetch_related("categories")
    )
    by_channel = Counter(v.get_channel_display() for v in voices)
    by_category = Counter(c.name for v in voices for c in v.categories.all())
    updates = list(
        Update.objects.filter(_between(start, end, "published_at"))
        .select_related("action__insight")
        .order_by("published_at")
    )
    actions = Action.objects.filter(_between(start, end, "created_at"))
    # What the measures did: the experience share in this period against the period of
    # the same length before it.
    length = end - start + dt.timedelta(days=1)
    before_voices = list(
        Voice.objects.filter(
            _between(start - length, start - dt.timedelta(days=1), "received_at"),
            withdrawn_at__isnull=True,
        )
    )
    measures = [
        Measure(
            name="Experience rated good or very good (Friends and Family Test)",
            before=_share(*good_or_very_good(v.rating for v in before_voices)),
            after=_share(*good_or_very_good(v.rating for v in voices)),
            note=f"The {length.days} days before the period, against the period itself.",
        )
    ]
    for metric in sorted({a.get_metric_display() for a in Action.objects.exclude(metric="")}):
        if metric.startswith("Experience"):
            continue
        measures.append(
            Measure(
                name=metric,
                before="–",
                after="–",
                note="An action is expected to move this; the evidence pages report it.",
            )
        )
    owed = OutboxMessage.objects.filter(update__in=updates)
    told = owed.filter(
        Q(message__status__in=["sent", "delivered"]) | Q(status=OutboxMessage.Status.SENT)
    )
    meetings = Meeting.objects.filter(_between(start, end, "starts_at"))
    return Story(
        start=start,
        end=end,
        voices=shown(len(voices)),
        by_channel=[(name, shown(n)) for name, n in by_channel.most_common()],
        by_category=[(name, shown(n)) for name, n in by_category.most_common(8)],
        updates=updates,
        # Actions and meetings are not people: their counts are shown as they are.
        actions_done=actions.filter(status=Action.Status.DONE).count(),
        actions_overdue=Action.objects.overdue(timezone.localdate()).count(),
        measures=measures,
        members=shown(Member.objects.filter(joined_on__lte=end).exclude(left_on__lt=start).count()),
        meetings=meetings.count(),
        attendances=shown(Attendance.objects.filter(meeting__in=meetings, attended=True).count()),
        contributors_told=shown(told.values("voice").distinct().count()),
        contributors_asked=shown(owed.values("voice").distinct().count()),
        ladder=ladder_summary(since=start, until=end),
        self_assessment=SelfAssessment.objects.filter(held_on__lte=end)
        .prefetch_related("scores")
        .first(),
    )
