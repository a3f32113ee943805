"""The change loop's tests share one action: an insight with an action due in a month."""

import datetime as dt

import pytest
from django.utils import timezone

from coproduce.change import services


@pytest.fixture
def action(le_lead, lead):
    insight = services.create_insight(le_lead, "People see too many different staff.")
    return services.record_action(
        le_lead,
        insight,
        description="A named team for everyone",
        owner=lead,
        due_on=timezone.localdate() + dt.timedelta(days=30),
    )
