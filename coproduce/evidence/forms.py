"""Forms of the evidence pages."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django import forms
from django.utils import timezone

from coproduce.evidence.models import Chart, LimitRecalculation
from coproduce.lib.forms import PlainWordsForm

MONTH = re.compile(r"\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})\s*")
REASON_MOST = LimitRecalculation._meta.get_field("reason").max_length or 300


class RecalculationForm(PlainWordsForm):
    chart = forms.ChoiceField(
        choices=Chart.choices, error_messages={"required": "Choose the chart"}
    )
    month = forms.CharField(
        max_length=20, error_messages={"required": "Enter the month the new limits start from"}
    )
    reason = forms.CharField(
        max_length=REASON_MOST,
        error_messages={
            "required": "Say what changed in the service from that month",
            "max_length": f"The reason must be {REASON_MOST} characters or fewer",
        },
    )

    def clean_month(self) -> dt.date:
        found = MONTH.fullmatch(self.cleaned_data["month"])
        if found is None or not 1 <= int(found.group(1)) <= 12:
            raise forms.ValidationError("Enter the month as month/year, like 3/2026")
        month = dt.date(int(found.group(2)), int(found.group(1)), 1)
        if month > timezone.localdate():
            raise forms.ValidationError("The month cannot be in the future")
        return month

    def clean_reason(self) -> str:
        # Characters that show nothing (zero-width and format characters, a mark with no
        # letter to sit on) are dropped, so a reason is what a person can read.
        kept = "".join(
            c
            for c in self.cleaned_data["reason"]
            if unicodedata.category(c) not in {"Cf", "Zl", "Zp"}
        )
        reason = " ".join(kept.split())
        if sum(c.isalnum() for c in reason) < 3:
            raise forms.ValidationError("Say what changed in the service from that month, in words")
        return reason


class BaselineForm(PlainWordsForm):
    prefix = "baseline"  # on the same page as the recalculation form: ids stay unique

    chart = forms.ChoiceField(
        choices=Chart.choices, error_messages={"required": "Choose the chart"}
    )
    months = forms.IntegerField(
        min_value=5,
        max_value=60,
        error_messages={
            "required": "Enter how many months the baseline has",
            "invalid": "Enter the number of months as a whole number, like 12",
            "min_value": "A baseline needs at least 5 months: limits from fewer are no use",
            "max_value": "A baseline can have at most 60 months (five years)",
        },
    )
