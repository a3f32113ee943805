"""The measures the evidence layer reports, named once so an action can say which it
should move. Their definitions are written out in docs/metrics.md."""

from __future__ import annotations

from django.db import models


class Metric(models.TextChoices):
    EXPERIENCE_GOOD = "experience_good", "Experience rated good or very good"
    CONTINUITY = "continuity", "Continuity of care (distinct staff per episode)"
    TIME_ON_CASELOAD = "time_on_caseload", "Time on caseload"
    DISENGAGEMENT = "disengagement", "Disengagement"
    SEEN_WITHIN_TARGET = "seen_within_target", "Seen within the response target"
    VEHICLE_ARRIVAL = "vehicle_arrival", "Response vehicle arrival within target"
    AE_AVOIDED = "ae_avoided", "Conveyance to A&E avoided"
    POLICE_NOT_NEEDED = "police_not_needed", "Police not needed"
    ADMISSIONS = "admissions", "Admissions within 30 days"
    REACH = "reach", "Reach of the network against the local population"
    TOLD_OUTCOME = "told_outcome", "Contributors told the outcome"
