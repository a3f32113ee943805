"""Forms of the evidence pages."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django import forms
from django.utils import timezone

from coproduce.evidence.analysis import FirstResponseCosts
from coproduce.evidence.models import Chart, CostAssumption, LimitRecalculation
from coproduce.lib.forms import PlainWordsForm, PoundsField
from coproduce.lib.validators import says_something

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


def _percent(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        min_value=0,
        max_value=100,
        decimal_places=1,
        error_messages={
            "required": f"Enter the {label} as a percentage, like 26",
            "invalid": f"Enter the {label} as a number from 0 to 100, like 26",
            # Django fills these in with %-formatting: a per cent sign is written %%.
            "min_value": f"The {label} cannot be below 0%%",
            "max_value": f"The {label} cannot be above 100%%",
            "max_decimal_places": f"Give the {label} to one decimal place at most, like 26.5",
        },
    )


def _pounds(label: str, example: str) -> PoundsField:
    return PoundsField(
        min_value=0,
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": f"Enter the {label} in pounds, like {example}",
            "invalid": f"Enter the {label} in pounds, like {example}",
            "min_value": f"The {label} cannot be below £0",
            "max_digits": f"The {label} is too large: check the figure",
            "max_decimal_places": f"Give the {label} in pounds and pence at most",
        },
    )


class CostAssumptionsForm(PlainWordsForm):
    """The First Response cost model's assumptions, as a team sets them from its own
    audit and budgets (issue 22: "its assumptions stated and editable")."""

    SHARES = ("otherwise_ae", "otherwise_admitted")

    otherwise_ae = _percent("share who would otherwise have gone to A&E")
    otherwise_admitted = _percent("share who would otherwise have been admitted")
    ae_attendance = _pounds("cost of an A&E attendance", "£400")
    admission = _pounds("cost of an admission", "£15,000")
    line_per_year = _pounds("cost of running the line for a year", "£500,000")
    sanctuary_per_year = _pounds("cost of running the Sanctuary for a year", "£400,000")
    because = forms.CharField(
        max_length=CostAssumption._meta.get_field("because").max_length,
        error_messages={"required": "Say where the new figures come from"},
    )

    @classmethod
    def initial_for(cls, costs: FirstResponseCosts) -> dict[str, object]:
        # As people write them: "26", "£15,000", "£412.50" (not "26.0", "15000.0").
        def shown(name: str) -> str:
            value = getattr(costs, name)
            if name in cls.SHARES:
                return f"{round(value * 100, 1):g}"
            return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

        return {name: shown(name) for name in CostAssumption.Name.values}

    def clean_because(self) -> str:
        because = " ".join(self.cleaned_data["because"].split())
        if not says_something(because, words=2, characters=12):
            raise forms.ValidationError(
                "Say where the new figures come from in a short sentence, like "
                "\u201cthe 2026/27 budget and our audit of 200 callers\u201d"
            )
        return because

    def values(self) -> dict[str, float]:
        return {
            name: float(self.cleaned_data[name]) / (100 if name in self.SHARES else 1)
            for name in CostAssumption.Name.values
        }
