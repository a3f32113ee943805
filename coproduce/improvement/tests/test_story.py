"""Closing the loop: a project's story drafted and told back to the voices behind it
through the change loop's own preview and delivery (issue 23, item 8)."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.change import tasks
from coproduce.change.models import Action, Insight, OutboxMessage, Update
from coproduce.improvement import services, story
from coproduce.improvement.models import (
    ChangeIdea,
    CountedValue,
    Cycle,
    Measure,
    Project,
)
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import UserFactory, VoiceFactory, sent_once

pytestmark = pytest.mark.django_db


@pytest.fixture
def fran(team: Any) -> Any:
    user = UserFactory(username="fran", first_name="Fran", role=Role.TEAM_LEADER)
    team.staff.add(user)
    return user


@pytest.fixture
def viv() -> Member:
    return Member.objects.create(
        name="Viv", kind=Member.Kind.SERVICE_USER, joined_on=dt.date(2026, 1, 5)
    )


@pytest.fixture
def vivs_voice() -> Any:
    return VoiceFactory.contactable(text="I saw a different person every day.")


@pytest.fixture
def project(fran: Any, viv: Member, vivs_voice: Any) -> Project:
    return services.open_project(
        fran,
        title="Lead practitioner model",
        problem="I was seen by too many different people and told my story again each time.",
        source=services.Source(voice=vivs_voice),
        aim=services.Aim(
            what="Fewer different staff see each person",
            for_whom="People on the home treatment caseload",
            from_=4.5,
            to=2.5,
            unit="distinct staff per episode",
            by=timezone.localdate() + dt.timedelta(days=200),
        ),
        co_leads=[fran, viv],
    )


def adopted_cycle(project: Project, user: Any) -> Cycle:
    idea = ChangeIdea.objects.create(project=project, text="The lead practitioner model")
    start = timezone.localdate() - dt.timedelta(days=90)
    return Cycle.objects.create(
        change_idea=idea,
        title="Cycle 1: one team",
        stage=Cycle.Stage.DONE,
        objective="Try it in one team",
        prediction="Fewer staff per person",
        starts_on=start,
        ends_on=start + dt.timedelta(days=60),
        result="People saw 2 staff, not 4.",
        decision=Cycle.Decision.ADOPT,
        decided_because="people saw fewer staff",
        created_by=user,
    )


def counted(project: Project, user: Any) -> Measure:
    measure = Measure.objects.create(
        project=project,
        kind=Measure.Kind.PROCESS,
        name="Lead practitioner named",
        source=Measure.Source.COUNTED,
        better="up",
        unit="%",
        baseline_until=dt.date(2026, 3, 1),
        created_by=user,
    )
    for month, value in [(1, 10), (2, 20), (3, 70), (4, 90)]:
        CountedValue.objects.create(
            measure=measure,
            period_start=dt.date(2026, month, 1),
            value=decimal.Decimal(value),
            entered_by=user,
        )
    return measure


def test_there_is_nothing_to_tell_until_a_change_is_adopted_or_the_project_closes(
    project: Project, fran: Any
) -> None:
    assert not story.may_tell(project)
    adopted_cycle(project, fran)
    assert story.may_tell(project)


def test_the_draft_tells_the_concern_what_was_tried_and_what_the_figures_showed(
    project: Project, fran: Any
) -> None:
    adopted_cycle(project, fran)
    counted(project, fran)

    Measure.objects.create(
        project=project,
        kind=Measure.Kind.OUTCOME,
        name="Distinct staff per episode",
        source=Measure.Source.DISTINCT_STAFF,
        better="down",
        created_by=fran,
    )

    draft = story.draft_story(project)

    assert draft.you_said.startswith("I was seen by too many different people")
    assert "Cycle 1: one team" in draft.we_did
    assert "People saw 2 staff, not 4. We decided to adopt it, because people saw fewer staff." in (
        draft.we_did
    )
    # Baseline: the mean of January and February (before baseline_until); latest: April.
    # The evidence engine's figures for the scope come with improvement.measures (C):
    # until then only counted measures are summed up.
    # The evidence-bound measure has no figures in this trust with no episodes; the
    # counted one has its team's.
    assert draft.showed == [
        "Distinct staff per episode: no complete figures yet.",
        "Lead practitioner named: 15% on average before the change, 90% in April 2026.",
    ]
    assert "from 4.5 to 2.5 distinct staff per episode" in draft.we_did
    assert draft.changed.startswith("We adopted the lead practitioner model")


def test_the_draft_masks_a_name_in_the_concern(project: Project) -> None:
    Project.objects.filter(pk=project.pk).update(
        problem="Nurse Smith and eleven others came; call me on 07700 900123."
    )
    project.refresh_from_db()
    assert "07700 900123" not in story.draft_story(project).you_said


def test_closing_needs_a_status_and_a_reason_and_keeps_the_project_open_if_refused(
    project: Project, fran: Any
) -> None:
    with pytest.raises(ValidationError) as refused:
        story.close_project(fran, project, status="finished", because="  ")
    assert set(refused.value.message_dict) == {"status", "because"}
    project.refresh_from_db()
    assert (project.status, project.told_through) == (Project.Status.OPEN, None)


def test_only_the_team_closes_a_project(project: Project, lead: Any) -> None:
    with pytest.raises(PermissionDenied):
        story.close_project(lead, project, status="adopted", because="It works.")
    assert Project.objects.get().status == Project.Status.OPEN


def test_closing_makes_a_done_action_whose_insight_holds_every_voice_behind_the_project(
    project: Project, fran: Any, vivs_voice: Any
) -> None:
    unusable = VoiceFactory(consent_improvement=False)
    project.voices.add(unusable)

    closed = story.close_project(fran, project, status="adopted", because="Everyone has a lead.")

    action = closed.told_through
    assert action is not None
    assert (closed.status, closed.closed_because) == ("adopted", "Everyone has a lead.")
    assert action.status == Action.Status.DONE
    assert action.insight.statement == project.problem
    # A voice not given for improvement cannot be evidence, so is not told.
    assert list(action.insight.voices.all()) == [vivs_voice]
    assert AuditEvent.objects.filter(
        record_type="improvement.project", record_id=str(project.pk), detail="closed: adopted"
    ).exists()
    # Closed, it is kept as it was.
    with pytest.raises(PermissionDenied):
        story.close_project(fran, closed, status="ended", because="Again")


def test_a_project_started_from_an_action_is_told_through_it(
    fran: Any, viv: Member, le_lead: Any, vivs_voice: Any
) -> None:
    insight = Insight.objects.create(statement="Too many staff", created_by=le_lead)
    insight.voices.add(vivs_voice)
    action = Action.objects.create(
        insight=insight,
        description="Do it",
        owner=fran,
        due_on=timezone.localdate(),
        created_by=le_lead,
    )
    project = services.open_project(
        fran,
        title="From an action",
        problem="Too many staff",
        source=services.Source(action=action),
        aim=services.Aim(
            what="w", for_whom="f", to=2, unit="u", by=timezone.localdate() + dt.timedelta(days=9)
        ),
        co_leads=[fran, viv],
    )
    extra = VoiceFactory.contactable(contact_email="other@example.com")
    project.voices.add(extra)

    assert story.action_to_tell_through(fran, project) == action
    assert set(action.insight.voices.all()) == {vivs_voice, extra}
    assert Action.objects.count() == 1


def test_the_story_page_drafts_previews_and_publishes_to_the_voice_behind_it(
    client: Any, project: Project, fran: Any, le_lead: Any, vivs_voice: Any
) -> None:
    client.force_login(fran)
    body = client.get(f"/improvement/{project.pk}/story").content.decode()
    assert "There is nothing to tell yet" in body

    response = client.post(
        f"/improvement/{project.pk}/story",
        {"step": "close", "status": "adopted", "because": "Everyone has a lead practitioner."},
    )
    assert response.status_code == 302
    body = client.get(f"/improvement/{project.pk}/story").content.decode()
    assert "A lived experience lead checks the words" in body  # Fran cannot publish

    client.force_login(le_lead)
    body = client.get(f"/improvement/{project.pk}/story").content.decode()
    assert "Everyone has a lead practitioner." in body
    words = {"you_said": "Too many staff.", "we_did": "A lead practitioner for everyone."}
    preview = client.post(f"/improvement/{project.pk}/story", {"step": "preview", **words})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Check the update before it is published" in page
    assert "1 contributor asked to be told" in page
    digest = re.search(r'name="preview" value="([0-9a-f]{64})"', page)
    assert digest is not None
    assert not Update.objects.exists()  # nothing published before it is confirmed

    action = Project.objects.get().told_through
    published = client.post(
        f"/actions/{action.pk}/update",
        sent_once({**words, "step": "publish", "checked": "on", "preview": digest[1]}),
    )
    assert published.status_code == 302
    update = Update.objects.get()
    assert (update.action, update.owed_to) == (action, 1)
    tasks.tell_contributors.call(update.pk)
    assert OutboxMessage.objects.get().voice == vivs_voice

    told = story.telling(Project.objects.get())
    assert (told.updates, told.told.voices) == (1, 1)
    body = client.get(f"/improvement/{project.pk}/story").content.decode()
    assert "The story was told in 1" in body


def test_the_story_page_refuses_an_empty_update_naming_the_field(
    client: Any, project: Project, fran: Any, le_lead: Any
) -> None:
    adopted_cycle(project, fran)
    client.force_login(le_lead)
    response = client.post(
        f"/improvement/{project.pk}/story", {"step": "preview", "you_said": "", "we_did": "x"}
    )
    assert response.status_code == 400
    assert "Enter what people told us" in response.content.decode()
    assert Project.objects.get().told_through is None


def test_the_story_page_refuses_a_close_without_a_reason_keeping_the_choice(
    client: Any, project: Project, fran: Any
) -> None:
    client.force_login(fran)
    response = client.post(
        f"/improvement/{project.pk}/story", {"step": "close", "status": "ended", "because": ""}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Say what changed, or why the project ended without a change" in body
    assert 'value="ended" checked' in body
    assert Project.objects.get().status == Project.Status.OPEN


def test_only_the_team_closes_and_only_a_lived_experience_lead_previews(
    client: Any, project: Project, lead: Any, fran: Any
) -> None:
    adopted_cycle(project, fran)
    client.force_login(lead)  # a practitioner, not on the team
    assert client.get(f"/improvement/{project.pk}/story").status_code == 200
    closing = {"step": "close", "status": "adopted", "because": "x"}
    assert client.post(f"/improvement/{project.pk}/story", closing).status_code == 403
    client.force_login(fran)
    previewing = {"step": "preview", "you_said": "a", "we_did": "b"}
    assert client.post(f"/improvement/{project.pk}/story", previewing).status_code == 403
    project.refresh_from_db()
    assert (project.status, project.told_through) == (Project.Status.OPEN, None)


def test_reading_the_story_is_audited(client: Any, project: Project, lead: Any) -> None:
    client.force_login(lead)
    client.get(f"/improvement/{project.pk}/story")
    assert AuditEvent.objects.filter(
        actor=lead, action=AuditEvent.Action.VIEWED, record_id=str(project.pk), detail="story"
    ).exists()


def test_the_draft_tells_only_what_was_tried_and_figures_that_will_not_change(
    project: Project, fran: Any
) -> None:
    """Found by the fresh-eyes trial: a cycle never begun was told as tried, a month three
    days old as the latest figure, and "because It held" kept its capital."""
    cycle = adopted_cycle(project, fran)
    Cycle.objects.filter(pk=cycle.pk).update(decided_because="It held on every shift.")
    Cycle.objects.create(
        change_idea=cycle.change_idea,
        title="Cycle 2: planned only",
        objective="Try it at weekends",
        prediction="The same",
        starts_on=dt.date(2026, 5, 1),
        ends_on=dt.date(2026, 6, 1),
        created_by=fran,
    )
    measure = counted(project, fran)
    this_month = timezone.localdate().replace(day=1)
    CountedValue.objects.create(
        measure=measure, period_start=this_month, value=decimal.Decimal(10), entered_by=fran
    )

    draft = story.draft_story(project)

    assert "planned only" not in draft.we_did
    assert "because it held on every shift" in draft.we_did
    (told,) = draft.showed
    assert f"{this_month:%B %Y}" not in told
    assert "in April 2026" in told
    assert "no figure has been entered for the" in told
