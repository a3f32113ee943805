"""The forms of a project's measures pages: what a person types, read in plain words.
The rules (a figure for a period not begun, a recalculation too near another) are the
services' (``improvement.measures``), so every route keeps them."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms

from coproduce.improvement.measures import MeasureFields
from coproduce.improvement.models import (
    Annotation,
    Better,
    CountedValue,
    Measure,
    Recalculation,
)
from coproduce.lib.forms import PlainWordsForm

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
MONTH = re.compile(r"\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})\s*")


def _date(what: str, *, required: bool = True, example: str = "2/3/2026") -> forms.DateField:
    return forms.DateField(
        input_formats=DATE_FORMATS,
        required=required,
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"Enter the {what} as day/month/year, like {example}",
        },
    )


class MeasureForm(PlainWordsForm):
    name = forms.CharField(
        label="Name",
        max_length=Measure._meta.get_field("name").max_length,
        error_messages={"required": "Enter the measure's name"},
    )
    kind = forms.ChoiceField(
        label="Kind of measure",
        choices=Measure.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of measure"},
    )
    source = forms.ChoiceField(
        label="Where its figures come from",
        choices=Measure.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the measure's figures come from"},
    )
    period = forms.ChoiceField(
        label="How often",
        choices=Measure.Period.choices,
        widget=forms.RadioSelect,
        initial=Measure.Period.MONTH,
        error_messages={"required": "Choose weekly or monthly"},
    )
    better = forms.ChoiceField(
        label="Which way is better",
        choices=Better.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which way is better"},
    )
    unit = forms.CharField(
        label="Unit", max_length=Measure._meta.get_field("unit").max_length, required=False
    )
    target = forms.DecimalField(
        label="Target",
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal(0),
        error_messages={"invalid": "Enter the target as a number, like 4 or 2.5"},
    )
    baseline_until = _date("day the baseline ends", required=False)
    definition = forms.CharField(
        label="Definition", widget=forms.Textarea, max_length=2000, required=False
    )

    def fields_of(self) -> MeasureFields:
        data = self.cleaned_data
        return MeasureFields(
            kind=data["kind"],
            name=data["name"],
            source=data["source"],
            better=data["better"],
            period=data["period"],
            definition=data["definition"],
            unit=data["unit"],
            target=data["target"],
            baseline_until=data["baseline_until"],
        )

    @classmethod
    def initial_for(cls, measure: Measure) -> dict[str, Any]:
        from coproduce.improvement.measures import SHARES

        target = measure.target
        if target is not None and measure.source in SHARES:
            target = (target * 100).normalize()
        return {
            "name": measure.name,
            "kind": measure.kind,
            "source": measure.source,
            "period": measure.period,
            "better": measure.better,
            "unit": measure.unit,
            "target": target,
            "baseline_until": measure.baseline_until,
            "definition": measure.definition,
        }


class FigureForm(PlainWordsForm):
    """A counted figure: the period as month/year (a monthly measure) or any day of the
    week (a weekly one, counted from its Monday)."""

    period = forms.CharField(
        label="Period", max_length=20, error_messages={"required": "Enter the period"}
    )
    value = forms.DecimalField(
        label="Figure",
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": "Enter the figure",
            "invalid": "Enter the figure as a number, like 12 or 2.5",
        },
    )
    note = forms.CharField(
        label="Note", max_length=CountedValue._meta.get_field("note").max_length, required=False
    )

    def __init__(self, *args: Any, measure: Measure, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.measure = measure

    def clean_period(self) -> dt.date:
        text = self.cleaned_data["period"]
        if self.measure.period == Measure.Period.MONTH:
            found = MONTH.fullmatch(text)
            if found is not None and 1 <= int(found.group(1)) <= 12:
                return dt.date(int(found.group(2)), int(found.group(1)), 1)
        for pattern in DATE_FORMATS:
            try:
                return dt.datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007 - a date
            except ValueError:
                continue
        if self.measure.period == Measure.Period.MONTH:
            raise forms.ValidationError("Enter the month as month/year, like 3/2026")
        raise forms.ValidationError(
            "Enter a day of the week as day/month/year, like 2/3/2026 (the week is counted "
            "from its Monday)"
        )


class LimitsForm(PlainWordsForm):
    starts = _date("date the change began")
    reason = forms.CharField(
        label="What changed",
        max_length=Recalculation._meta.get_field("reason").max_length,
        error_messages={"required": "Say what changed in the process then"},
    )


ALL_CHARTS = "all"


class NoteForm(PlainWordsForm):
    on = _date("date it happened")
    text = forms.CharField(
        label="What happened",
        max_length=Annotation._meta.get_field("text").max_length,
        error_messages={"required": "Say what happened, in a few words"},
    )
    measure = forms.ChoiceField(
        label="Which charts",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which charts the note goes on"},
    )

    def __init__(self, *args: Any, measure: Measure, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen = self.fields["measure"]
        assert isinstance(chosen, forms.ChoiceField)  # noqa: S101 - declared above
        chosen.choices = [
            (ALL_CHARTS, "Every chart of this project"),
            (str(measure.pk), f"This measure only: {measure.name}"),
        ]
        self.initial.setdefault("measure", ALL_CHARTS)
        self.for_measure = measure

    def chosen_measure(self) -> Measure | None:
        return None if self.cleaned_data.get("measure") == ALL_CHARTS else self.for_measure
