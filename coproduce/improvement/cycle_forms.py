"""Forms of the driver diagram and PDSA cycle pages (issue 23). The services check every
rule again (``diagram``, ``cycles``); these read what was typed and keep it on error."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from coproduce.improvement.models import Cycle, Driver, Measure, Observation, Project, TeamMember
from coproduce.lib.forms import PlainWordsForm

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_HINT = "For example, 21/03/2027"


def date_field(required: str) -> forms.DateField:
    return forms.DateField(
        input_formats=DATE_FORMATS,
        error_messages={
            "required": required,
            "invalid": "Enter the date as day/month/year, like 21/03/2027",
        },
    )


class ChoosingForm(PlainWordsForm):
    def _choices(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        if not isinstance(field, forms.ChoiceField):
            raise TypeError(name)
        return field


class DriverForm(ChoosingForm):
    text = forms.CharField(max_length=300, error_messages={"required": "Enter the driver"})
    parent = forms.ChoiceField(required=False, initial="primary")

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("parent").choices = [
            ("primary", "None: it is a primary driver of the aim")
        ] + [(str(d.pk), d.text) for d in project.drivers.filter(parent=None)]
        self.project = project

    def clean_parent(self) -> Driver | None:
        chosen = self.cleaned_data.get("parent") or ""
        if chosen in {"", "primary"}:
            return None
        found = self.project.drivers.filter(parent=None, pk=chosen).first()
        if found is None:
            raise forms.ValidationError("Select a primary driver from the list")
        return found


class RenameForm(PlainWordsForm):
    text = forms.CharField(max_length=300, error_messages={"required": "Enter the new wording"})


class ChangeIdeaForm(ChoosingForm):
    text = forms.CharField(max_length=300, error_messages={"required": "Enter the change idea"})
    drivers = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one driver the change idea moves"},
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the diagram's order: each primary driver, then the secondary ones under it.
        drivers = list(project.drivers.select_related("parent"))
        self._choices("drivers").choices = [
            (str(d.pk), d.text if d.parent_id is None else f"{d.text} (under {d.parent})")
            for primary in drivers
            if primary.parent_id is None
            for d in [primary, *(s for s in drivers if s.parent_id == primary.pk)]
        ]
        self.project = project

    def clean_drivers(self) -> list[Driver]:
        ids = self.cleaned_data.get("drivers") or []
        return list(self.project.drivers.filter(pk__in=ids))


class PlanForm(ChoosingForm):
    title = forms.CharField(
        max_length=160, error_messages={"required": "Enter a title for the cycle"}
    )
    objective = forms.CharField(
        max_length=5000,
        widget=forms.Textarea,
        error_messages={"required": "Enter the cycle's objective: what it will test"},
    )
    questions = forms.CharField(required=False, max_length=5000, widget=forms.Textarea)
    prediction = forms.CharField(
        max_length=5000,
        widget=forms.Textarea,
        error_messages={"required": "Enter the prediction: what the team expects to happen"},
    )
    who = forms.CharField(required=False, max_length=300)
    where = forms.CharField(required=False, max_length=300)
    starts_on = date_field("Enter the date the cycle starts")
    ends_on = date_field("Enter the date the cycle ends")
    measures = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("measures").choices = [
            (str(m.pk), f"{m.name} ({m.get_kind_display().lower()})")
            for m in project.measures.all()
        ]
        self.project = project

    def clean_measures(self) -> list[Measure]:
        ids = self.cleaned_data.get("measures") or []
        return list(self.project.measures.filter(pk__in=ids))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts: dt.date | None = data.get("starts_on")
        ends: dt.date | None = data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error(
                "ends_on", f"The cycle must end on or after the day it starts ({starts:%-d %B %Y})"
            )
        return data

    @staticmethod
    def initial_from(values: dict[str, Any]) -> dict[str, Any]:
        """A plan's values as the form shows them (dates as day/month/year)."""
        shown = dict(values)
        for name in ("starts_on", "ends_on"):
            if isinstance(shown.get(name), dt.date):
                shown[name] = shown[name].strftime("%d/%m/%Y")
        if "measures" in shown:
            shown["measures"] = [str(m.pk) for m in shown["measures"]]
        return shown


class TaskForm(ChoosingForm):
    text = forms.CharField(max_length=300, error_messages={"required": "Enter the task"})
    owner = forms.ChoiceField(error_messages={"required": "Select who owns the task"})
    due_on = date_field("Enter the date the task is due")

    def __init__(self, *args: Any, owners: list[TeamMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("owner").choices = [
            (str(p.pk), f"{p.display_name} ({p.get_role_display().lower()})") for p in owners
        ]
        self.owners = {str(p.pk): p for p in owners}

    def clean_owner(self) -> TeamMember:
        chosen = self.cleaned_data.get("owner") or ""
        if chosen not in self.owners:
            raise forms.ValidationError("Select someone on the project's team")
        return self.owners[chosen]


class ObservationForm(PlainWordsForm):
    kind = forms.ChoiceField(
        choices=Observation.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you are recording"},
    )
    on = date_field("Enter the date it happened")
    text = forms.CharField(
        max_length=5000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what happened, the problem or the observation"},
    )


class StudyForm(PlainWordsForm):
    result = forms.CharField(
        max_length=5000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the result: what the data and the team found, beside the prediction"
        },
    )


class ActForm(PlainWordsForm):
    decision = forms.ChoiceField(
        choices=Cycle.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select adopt, adapt or abandon"},
    )
    because = forms.CharField(
        max_length=5000,
        widget=forms.Textarea,
        error_messages={"required": "Say why: what in the result led to this decision"},
    )
