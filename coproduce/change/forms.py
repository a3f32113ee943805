from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from coproduce.accounts.models import Role, User
from coproduce.change.models import Insight

STAFF_ROLES = [r for r in Role if r not in {Role.NETWORK_MEMBER}]


class InsightForm(forms.Form):
    statement = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the insight in plain language",
            "max_length": "The insight must be 2,000 characters or fewer",
        },
    )


class InsightChoiceField(forms.ModelChoiceField[Insight]):
    def label_from_instance(self, obj: Insight) -> str:
        return obj.statement if len(obj.statement) <= 120 else obj.statement[:119] + "…"


class AddToInsightForm(forms.Form):
    insight = InsightChoiceField(
        queryset=Insight.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the insight this voice is evidence for",
            "invalid_choice": "Select an insight from the list",
        },
    )


class StaffChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.role_label})"


class ActionForm(forms.Form):
    description = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what will be done"},
    )
    owner = StaffChoiceField(
        queryset=User.objects.filter(is_active=True, role__in=STAFF_ROLES),
        error_messages={
            "required": "Select who owns this action",
            "invalid_choice": "Select an owner from the list",
        },
    )
    due_on = forms.DateField(
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Enter the date the action is due",
            "invalid": "Enter the due date as day/month/year, like 21/03/2027",
        },
    )

    def clean_due_on(self) -> dt.date:
        due: dt.date = self.cleaned_data["due_on"]
        if due < timezone.localdate():
            raise forms.ValidationError("The due date must be today or in the future")
        return due


class UpdateForm(forms.Form):
    you_said = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what people told us, without names or details"},
    )
    we_did = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what we did or are doing about it"},
    )
