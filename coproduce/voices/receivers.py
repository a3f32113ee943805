"""Voices' reactions to events elsewhere (connected in VoicesConfig.ready)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from coproduce.care.models import Episode
from coproduce.voices import follow_up
from coproduce.voices.models import FollowUpInvitation


def schedule_follow_up(sender: Any, episode: Episode, **kwargs: Any) -> None:
    """When an episode closes, schedule the follow-up invitation once (idempotent)."""
    if episode.closed_at is None:
        return
    invitation, created = FollowUpInvitation.objects.get_or_create(
        episode=episode,
        defaults={
            "due_at": episode.closed_at + dt.timedelta(days=episode.team.follow_up_after_days)
        },
    )
    if created:
        follow_up.schedule(invitation, invitation.due_at)
