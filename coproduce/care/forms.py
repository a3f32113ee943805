from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from coproduce.care.models import Contact


class ContactForm(forms.Form):
    """A contact in the LISTEN structure; next steps are required (never end without a plan)."""

    LISTEN_FIELDS = (
        "persons_words",
        "crisis_plan_reviewed",
        "involved_and_informed",
        "shared_understanding",
        "time_and_tone",
        "feelings_validated",
        "next_steps",
    )

    occurred_on = forms.DateField(
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Enter the date of the contact",
            "invalid": "Enter the date as day/month/year, like 21/11/2026",
        },
    )
    occurred_time = forms.TimeField(
        input_formats=["%H:%M"],
        error_messages={
            "required": "Enter the time of the contact",
            "invalid": "Enter the time in 24-hour format, like 14:30",
        },
    )
    mode = forms.ChoiceField(
        choices=Contact.Mode.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how the contact happened",
            "invalid_choice": "Select how the contact happened",
        },
    )
    persons_words = forms.CharField(
        max_length=20000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what the person said, in their own words"},
    )
    crisis_plan_reviewed = forms.BooleanField(required=False)
    involved_and_informed = forms.CharField(max_length=20000, required=False, widget=forms.Textarea)
    shared_understanding = forms.CharField(
        max_length=20000,
        widget=forms.Textarea,
        error_messages={"required": "Enter the understanding you reached together about safety"},
    )
    time_and_tone = forms.CharField(max_length=20000, required=False, widget=forms.Textarea)
    feelings_validated = forms.CharField(
        max_length=20000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter how the person's feelings and experience were validated"
        },
    )
    next_steps = forms.CharField(
        max_length=20000,
        widget=forms.Textarea,
        error_messages={
            "required": (
                "Enter the next steps agreed to stay safe – never end a contact without a plan"
            )
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, time = data.get("occurred_on"), data.get("occurred_time")
        if day and time:
            moment = timezone.make_aware(dt.datetime.combine(day, time))
            if moment > timezone.now() + dt.timedelta(minutes=5):
                self.add_error("occurred_on", "The contact cannot be in the future")
        return data
