"""The rows the voices app publishes to the analytics extract.

``evidence`` reads voices only through these rows: no text, no contact details, no
person; just when, how it was rated, by which channel, about which team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from coproduce.voices.models import Voice


class ExperienceRow(NamedTuple):
    received_at: dt.datetime
    rating: int
    channel: str
    team_id: int | None


def experience_rows() -> Iterator[ExperienceRow]:
    rows = (
        Voice.objects.filter(rating__isnull=False, withdrawn_at__isnull=True)
        .order_by("received_at")
        .values_list("received_at", "rating", "channel", "team_id")
    )
    for received_at, rating, channel, team_id in rows.iterator(chunk_size=2000):
        if rating is not None:
            yield ExperienceRow(received_at, rating, channel, team_id)
