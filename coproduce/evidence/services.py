from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings

from coproduce.evidence.metrics import MonthlyExperience, experience_by_month
from coproduce.voices.extract import experience_rows


def experience_metric() -> list[MonthlyExperience]:
    return experience_by_month(
        experience_rows(),
        small_number_threshold=settings.SMALL_NUMBER_THRESHOLD,
        tz=ZoneInfo(settings.TIME_ZONE),
    )
