"""What people decide about the evidence: where a chart's limits are worked out afresh."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Chart(models.TextChoices):
    """The trust's SPC charts (``evaluate.spc_charts``), by the name the evaluation uses."""

    EXPERIENCE = "experience_good", "Experience rated good or very good"
    CONTINUITY = "distinct_staff", "Distinct staff per episode"
    RESPONSE = "very_urgent_seen_in_4_hours", "Very urgent referrals seen within 4 hours"


class LimitRecalculation(models.Model):
    """From this month on, one chart's mean and process limits are worked out afresh,
    because the process changed (Making Data Count): set by a person, with the reason,
    never automatically. The trust-wide declared change applies to every chart besides."""

    chart = models.CharField(max_length=40, choices=Chart.choices)
    month = models.DateField(help_text="The first day of the month the new limits start from")
    reason = models.CharField(max_length=300)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["chart", "month"]
        constraints = [
            models.UniqueConstraint(fields=["chart", "month"], name="one_recalculation_a_month"),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="recalculation_on_a_months_first_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_chart_display()} from {self.month:%B %Y}"


class LimitBaseline(models.Model):
    """One chart's limits fixed after its first ``months`` complete months (in each part,
    when it is recalculated): later months are judged against that baseline instead of
    moving it (Making Data Count; NHS-R's Plot the Dots uses 12). Set by a person."""

    chart = models.CharField(max_length=40, choices=Chart.choices, unique=True)
    months = models.PositiveSmallIntegerField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["chart"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(months__gte=5) & models.Q(months__lte=60),
                name="baseline_of_5_to_60_months",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_chart_display()}: limits fixed after {self.months} months"


class CostAssumption(models.Model):
    """One assumption of the First Response cost model (``analysis.FirstResponseCosts``)
    set by a person on the evidence page, with why: never changed, so the page can show
    each figure's history; the latest of each name is the one used."""

    class Name(models.TextChoices):
        OTHERWISE_AE = "otherwise_ae", "Share who would otherwise have gone to A&E"
        OTHERWISE_ADMITTED = "otherwise_admitted", "Share who would otherwise have been admitted"
        AE_ATTENDANCE = "ae_attendance", "Cost of an A&E attendance"
        ADMISSION = "admission", "Cost of an admission"
        LINE_PER_YEAR = "line_per_year", "Cost of running the line for a year"
        SANCTUARY_PER_YEAR = "sanctuary_per_year", "Cost of running the Sanctuary for a year"

    name = models.CharField(max_length=24, choices=Name.choices)
    value = models.FloatField()
    because = models.CharField(max_length=300)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-set_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="cost_assumption_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_name_display()}: {self.value}"
