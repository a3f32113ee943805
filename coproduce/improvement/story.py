"""Closing the loop (issue 23, item 8): when a project adopts a change or ends, its story
is drafted as a "you said, we did" update for everyone whose voice is behind it.

You said: the concern, in the words of the problem statement (masked, as every update
is). We did: what was tried (each PDSA cycle and its decision), what the data showed
(each measure's baseline and latest figure) and what changed. The update itself goes
through the change loop's own preview and delivery (``change.services.preview_update``
and ``publish_update``): it hangs on an action, the project's source action or one made
for it, whose insight holds every voice linked to the project, so those who asked to be
told are told on their channel, in their format.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.change import services as change
from coproduce.change.models import Action, Insight
from coproduce.improvement import measures
from coproduce.improvement.models import Cycle, Measure, Project
from coproduce.improvement.services import check_may_change, touch
from coproduce.voices.models import Voice

CLOSING = (Project.Status.ADOPTED, Project.Status.ENDED)


def _number(value: decimal.Decimal | float | None) -> str:
    if value is None:
        return ""
    number = decimal.Decimal(str(value)).normalize()
    return f"{number:f}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def cycles_in_order(project: Project) -> list[Cycle]:
    """Every cycle of the project, each chain in the order it grew (one cycle, then the
    one that followed it)."""
    return list(
        Cycle.objects.filter(change_idea__project=project)
        .select_related("change_idea", "follows")
        .order_by("starts_on", "pk")
    )


def adopted_cycles(project: Project) -> list[Cycle]:
    return [c for c in cycles_in_order(project) if c.decision == Cycle.Decision.ADOPT]


def may_tell(project: Project) -> bool:
    """A story is told once there is something to tell: a change adopted in a cycle, or
    the project closed (adopted or ended)."""
    return project.status in CLOSING or any(
        c.decision == Cycle.Decision.ADOPT for c in cycles_in_order(project)
    )


def measure_words(measure: Measure) -> str | None:
    """What one measure showed, in a sentence: its baseline and its latest complete
    figure, from its chart for the project's scope. A period still going on, or still
    provisional, is never the one told (its figure will change); a figure hidden as a
    small number is said to be hidden, so an old figure is not read as today's."""
    shown = measures.measure_chart(measure)
    complete = [p for p in shown.series.points if not p.provisional]
    with_figure = [p for p in complete if p.value is not None]
    if not with_figure:
        return f"{measure.name}: no complete figures yet."
    latest = with_figure[-1]
    words = f"{measure.name}: "
    if shown.baseline is not None and shown.baseline.mean is not None:
        words += f"{shown.fmt(shown.baseline.mean)} on average before the change, "
    words += f"{shown.fmt(latest.value)} in {shown.period_label(latest.starts)}"
    hidden_since = sum(1 for p in complete if p.starts > latest.starts)
    if hidden_since:
        since = period_words_since(measure, hidden_since)
        words += (
            f" (no figure has been entered for the {since} since)"
            if measure.source == Measure.Source.COUNTED
            else f" (the {since} since are not shown: the numbers are too small to publish)"
        )
    return words + "."


def period_words_since(measure: Measure, count: int) -> str:
    one = "week" if measure.period == Measure.Period.WEEK else "month"
    return one if count == 1 else f"{count} {one}s"


@dataclass(frozen=True)
class StoryDraft:
    """The story as first drafted; the team edits the words before they are previewed."""

    you_said: str
    we_did: str
    tried: list[str]
    showed: list[str]
    changed: str


def _mid_sentence(words: str) -> str:
    """Words a person wrote as a sentence, set inside one: "It held" → "it held" (a
    capital kept where the second letter is one too, as in "NHS")."""
    words = words.strip().rstrip(".")
    if len(words) > 1 and words[0].isupper() and not words[1].isupper():
        return words[0].lower() + words[1:]
    return words


def draft_story(project: Project) -> StoryDraft:
    tried = []
    for cycle in cycles_in_order(project):
        if cycle.stage == Cycle.Stage.PLAN:
            continue  # planned, never tried: not something "we did"
        when = f"{cycle.title} ({_day(cycle.starts_on)} to {_day(cycle.ends_on)})"
        if cycle.follows is None or cycle.follows.change_idea_id != cycle.change_idea_id:
            # The idea is named where its chain starts; the cycles after it grow it.
            idea = cycle.change_idea.text
            when += f", testing {idea[0].lower()}{idea[1:].rstrip('.')}"
        sentences = [when]
        if cycle.result.strip():
            sentences.append(cycle.result.strip().rstrip("."))
        if cycle.decision:
            decided = f"We decided to {cycle.get_decision_display().lower()} it"
            if cycle.decided_because.strip():
                decided += f", because {_mid_sentence(cycle.decided_because)}"
            sentences.append(decided)
        tried.append(". ".join(sentences) + ".")
    showed = [
        words
        for m in project.measures.prefetch_related("cycles")
        if (words := measure_words(m)) is not None
    ]
    adopted = [c for c in cycles_in_order(project) if c.decision == Cycle.Decision.ADOPT]
    if project.status in CLOSING and project.closed_because:
        changed = project.closed_because.strip()
    elif adopted:
        changed = f"We adopted {adopted[-1].change_idea.text[0].lower()}" + (
            f"{adopted[-1].change_idea.text[1:].rstrip('.')}."
        )
    else:
        changed = ""
    aim = (
        f"Our aim, for {project.aim_for_whom[0].lower()}{project.aim_for_whom[1:]}: "
        f"{project.aim_what[0].lower()}{project.aim_what[1:].rstrip('.')}, "
        + (f"from {_number(project.aim_from)} " if project.aim_from is not None else "")
        + f"to {_number(project.aim_to)} {project.aim_unit} by {_day(project.aim_by)}."
    )
    paragraphs = [
        "People who use our services and our staff worked on this together, in a project "
        f"called \u201c{project.title}\u201d. {aim}",
    ]
    if tried:
        paragraphs.append("What we tried:\n" + "\n".join(f"- {line}" for line in tried))
    if showed:
        paragraphs.append("What the figures showed:\n" + "\n".join(f"- {s}" for s in showed))
    if changed:
        paragraphs.append(f"What changed: {changed}")
    return StoryDraft(
        you_said=change.masked(project.problem.strip()),
        we_did="\n\n".join(paragraphs),
        tried=tried,
        showed=showed,
        changed=changed,
    )


def _voices_to_tell(project: Project) -> Sequence[Voice]:
    return list(project.voices.order_by("pk"))


@transaction.atomic
def action_to_tell_through(user: User, project: Project) -> Action:
    """The action the story hangs on: the one it was told through before, else the
    project's source action, else a new one, done, on the project's insight or on a new
    insight whose statement is the problem. Every voice linked to the project is made a
    contributor of its insight, so everyone behind the project who asked to be told is
    told (those who did not agree to their voice being used to improve services, or
    withdrew it, cannot be linked, and are not)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    action = project.told_through or project.action
    if action is None:
        insight = project.insight
        if insight is None:
            insight = Insight.objects.create(statement=project.problem.strip(), created_by=user)
            audit.record(user, AuditEvent.Action.CREATED, insight, f"for project {project.pk}")
        action = Action.objects.create(
            insight=insight,
            description=f"Improvement project: {project.title}",
            owner=user,
            due_on=timezone.localdate(),
            status=Action.Status.DONE,
            created_by=user,
        )
        audit.record(user, AuditEvent.Action.CREATED, action, f"for project {project.pk}")
    insight = Insight.objects.get(pk=action.insight_id)
    linked = set(insight.voices.values_list("pk", flat=True))
    for voice in _voices_to_tell(project):
        if voice.pk in linked or not voice.consent_improvement or voice.withdrawn_at is not None:
            continue
        change.add_voice_to_insight(user, insight, voice)
    if project.told_through_id != action.pk:
        project.told_through = action
        project.save(update_fields=["told_through"])
        audit.record(user, AuditEvent.Action.CHANGED, project, f"told through action {action.pk}")
    return action


@transaction.atomic
def close_project(user: User, project: Project, *, status: str, because: str) -> Project:
    """The project adopts its change, or ends without one; either way, with why. It is
    then kept as it was, and its story is ready to be told (``action_to_tell_through``)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    check_may_change(user, project)
    errors: dict[str, list[str]] = {}
    if status not in CLOSING:
        errors["status"] = ["Choose whether the change was adopted or the project ended."]
    if not because.strip():
        errors["because"] = [
            "Say why: what changed, or why the project ended without a change. It is told "
            "to the people whose voices started it."
        ]
    if errors:
        raise ValidationError(errors)
    project.status = status
    project.closed_at = timezone.now()
    project.closed_because = because.strip()
    project.save(update_fields=["status", "closed_at", "closed_because"])
    audit.record(user, AuditEvent.Action.CHANGED, project, f"closed: {status}")
    action_to_tell_through(user, project)
    touch(project)
    project.refresh_from_db()
    return project


@dataclass(frozen=True)
class Telling:
    """Whether the story was told, and to how many (for the project page)."""

    action: Action | None
    updates: int
    told: change.Told | None

    @property
    def told_anyone(self) -> bool:
        return self.updates > 0


def telling(project: Project) -> Telling:
    action = project.told_through
    if action is None:
        return Telling(None, 0, None)
    return Telling(action, action.updates.count(), change.told_for(action))
