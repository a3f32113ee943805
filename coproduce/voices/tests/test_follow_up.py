import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from coproduce.care import episodes
from coproduce.testing.factories import ContactFactory
from coproduce.voices.models import FollowUpInvitation


def test_closing_an_episode_schedules_the_follow_up_after_the_teams_days(
    lead, team, episode, django_capture_on_commit_callbacks
):
    team.follow_up_after_days = 21
    team.save()
    with django_capture_on_commit_callbacks(execute=True):
        episodes.discharge(lead, episode, destination="gp", onward_team="")
    invitation = FollowUpInvitation.objects.get()
    episode.refresh_from_db()
    assert invitation.episode == episode
    assert invitation.due_at == episode.closed_at + dt.timedelta(days=21)
    assert invitation.status == "scheduled"


def test_a_refused_discharge_schedules_nothing(lead, episode, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="before the referral was accepted"),
    ):
        episodes.discharge(
            lead,
            episode,
            destination="gp",
            onward_team="",
            discharged_at=episode.accepted_at - dt.timedelta(days=1),
        )
    assert not FollowUpInvitation.objects.exists()


def test_the_disengagement_command_reports_what_it_marked(lead, team, episode):
    team.disengaged_after_days = 3
    team.save()
    ContactFactory(episode=episode, occurred_at=timezone.now() - dt.timedelta(days=4))
    out = StringIO()
    call_command("mark-disengaged", stdout=out)
    assert out.getvalue().strip() == "1 episode(s) marked disengaged."
