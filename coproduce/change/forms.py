from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django import forms
from django.utils import timezone

from coproduce.accounts.forms import StaffChoice, StaffMultipleChoice, co_writers, staff_users
from coproduce.accounts.models import User
from coproduce.change.catalogue import Metric
from coproduce.change.models import Action, Insight
from coproduce.lib.forms import PlainWordsForm
from coproduce.network.models import Ladder


class InsightWordsForm(PlainWordsForm):
    """An insight's words, checked for anything identifying (``services.check_identifying``)."""

    statement = forms.CharField(
        label="The insight",
        max_length=2000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the insight in plain language",
        },
    )
    # Offered once the statement looks as if it identifies someone (``clean``), for that
    # statement only: ``shown`` carries which one was shown masked.
    identifies_no_one = forms.BooleanField(required=False)
    shown = forms.CharField(required=False, widget=forms.HiddenInput)
    # A theme's draft as it was offered, to be rewritten, not taken as it is.
    draft = forms.CharField(required=False, widget=forms.HiddenInput)

    # What the statement would say with what looks identifying masked, when it differs.
    masked_statement = ""

    def clean(self) -> dict[str, Any] | None:
        from coproduce.change.services import Identifying, check_identifying

        data = super().clean() or {}
        statement = data.get("statement") or ""
        # The tick vouches for the words that were shown masked, not for words changed
        # after it (helper-70 ticked it, then added a name and an NHS number).
        vouched = bool(data.get("identifies_no_one")) and data.get("shown") == statement_key(
            statement
        )
        data["identifies_no_one"] = vouched
        try:
            check_identifying(statement, vouched)
        except Identifying as refused:
            self.masked_statement = refused.masked
            # Shown again with this statement's key, and the box not ticked for it.
            posted = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict, kept whole
            posted["shown"] = statement_key(statement)
            posted.pop("identifies_no_one", None)
            self.data = posted
            self.add_error("statement", refused)
        draft = data.get("draft") or ""
        if statement and draft and " ".join(statement.split()) == " ".join(draft.split()):
            self.add_error(
                "statement",
                "Rewrite the theme's phrases as what people are telling us, in one or two "
                "plain sentences",
            )
        return data


class InsightForm(InsightWordsForm):
    written_with = StaffMultipleChoice(
        queryset=co_writers().only(*User.NAME_FIELDS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select who wrote it with you from the list",
            "invalid_pk_value": "Select who wrote it with you from the list",
        },
    )


def statement_key(statement: str) -> str:
    """Which statement was shown masked, for the tick to vouch for it alone."""
    return hashlib.sha256(statement.encode()).hexdigest()[:32]


class InsightChoiceField(forms.ModelChoiceField[Insight]):
    def label_from_instance(self, obj: Insight) -> str:
        return obj.statement if len(obj.statement) <= 120 else obj.statement[:119] + "…"


class AddToInsightForm(PlainWordsForm):
    insight = InsightChoiceField(
        queryset=Insight.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the insight this voice is evidence for",
            "invalid_choice": "Select an insight from the list",
        },
    )


class ActionForm(PlainWordsForm):
    description = forms.CharField(
        label="What will be done",
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what will be done"},
    )
    owner = StaffChoice(
        queryset=staff_users().only(*User.NAME_FIELDS),
        error_messages={
            "required": "Select who owns this action",
            "invalid_choice": "Select an owner from the list",
        },
    )
    due_on = forms.DateField(
        # Named as its other messages name it (helper-67 read "Due on must be a real date").
        label="The due date",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Enter the date the action is due",
            "invalid": "Enter the due date as day/month/year, like 21/03/2027",
        },
    )

    framework = forms.CharField(
        required=False,
        max_length=200,
        label="The plan or framework",
    )
    metric = forms.ChoiceField(
        choices=Metric.choices,
        required=False,
        error_messages={"invalid_choice": "Select a measure from the list"},
    )
    ladder = forms.ChoiceField(
        choices=Ladder.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select a rung of the ladder from the list"},
    )

    def clean_due_on(self) -> dt.date:
        due: dt.date = self.cleaned_data["due_on"]
        if due < timezone.localdate():
            raise forms.ValidationError("The due date must be today or in the future")
        return due


class ActionStatusForm(PlainWordsForm):
    status = forms.ChoiceField(
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select where the action stands",
            "invalid_choice": "Select planned, in progress or done",
        },
    )


class UpdateForm(PlainWordsForm):
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
    easy_read = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        label="The Easy Read version",
    )


class ConfirmUpdateForm(PlainWordsForm):
    """The lead's confirmation of a preview: what they read, named by its digest."""

    preview = forms.RegexField(
        regex=r"^[0-9a-f]{64}$",
        widget=forms.HiddenInput,
        error_messages={
            "required": "Preview the update before publishing it",
            "invalid": "Preview the update before publishing it",
        },
    )
    checked = forms.BooleanField(
        error_messages={
            "required": "Confirm you have read every version and it names no one, could not "
            "identify anyone, and reads plainly"
        }
    )


class TranslationForm(PlainWordsForm):
    language = forms.ChoiceField(
        choices=[("cy", "Welsh (Cymraeg)"), ("pl", "Polish"), ("ur", "Urdu"), ("pa", "Punjabi")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the language of the translation",
            "invalid_choice": "Select a language from the list",
        },
    )
    you_said = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what people told us, in that language"},
    )
    we_did = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what we did, in that language"},
    )
    # The preview's digest, and the lead's word that they read it (the second step).
    confirmed = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    read_it = forms.BooleanField(required=False)


class InsightsChoiceField(forms.ModelMultipleChoiceField[Insight]):
    def label_from_instance(self, obj: Insight) -> str:
        return obj.statement if len(obj.statement) <= 120 else obj.statement[:119] + "…"


class RoundForm(PlainWordsForm):
    title = forms.CharField(
        max_length=200,
        error_messages={"required": "Enter a title for the round, like 'Priorities for 2027'"},
    )
    insights = InsightsChoiceField(
        queryset=Insight.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least two insights for members to rank",
            "invalid_choice": "Select insights from the list",
            "invalid_pk_value": "Select insights from the list",
        },
    )

    def clean_insights(self) -> Any:
        chosen = self.cleaned_data["insights"]
        if len(chosen) < 2:
            raise forms.ValidationError("Select at least two insights for members to rank")
        return chosen


def quoted(statement: str, longest: int = 60) -> str:
    """An insight as a message names it: its statement in quotes, cut at a word if long."""
    words = " ".join(statement.split())
    if len(words) > longest:
        words = words[:longest].rsplit(" ", 1)[0] + "…"
    return f"“{words}”"


def read_ballot(data: Any, candidates: dict[int, str]) -> tuple[list[list[int]], list[str]]:
    """A ranking from the ballot page: one field ``rank-<insight id>`` per insight, holding a
    place (1 is most important; the same place for two means level) or nothing (not
    ranked). ``candidates``: each insight's id and its statement, by which a message names
    it (a member knows the insight by its words, not its number). Every field that names
    an insight not in the round, or a place that is not a whole number from 1 to the
    number of insights, is refused by name."""
    places: dict[int, int] = {}
    errors = []
    for name in data:
        if not name.startswith("rank-"):
            continue
        raw_id, raw_place = name.removeprefix("rank-"), (data.get(name) or "").strip()
        if not raw_id.isdigit() or int(raw_id) not in candidates:
            errors.append(f"Insight {raw_id} is not one of the choices in this round")
            continue
        insight = quoted(candidates[int(raw_id)])
        if len([v for v in data.getlist(name) if v.strip()]) > 1:
            errors.append(f"{insight} is ranked more than once")
            continue
        if not raw_place:
            continue
        if not raw_place.isdigit() or not 1 <= int(raw_place) <= len(candidates):
            errors.append(f"Give {insight} a place from 1 to {len(candidates)}, or leave it blank")
            continue
        places[int(raw_id)] = int(raw_place)
    groups = [
        sorted(i for i, p in places.items() if p == place) for place in sorted(set(places.values()))
    ]
    return groups, errors


class PeriodForm(PlainWordsForm):
    start = forms.DateField(
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Enter the start of the period",
            "invalid": "Enter the start as day/month/year, like 1/4/2026",
        },
    )
    end = forms.DateField(
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Enter the end of the period",
            "invalid": "Enter the end as day/month/year, like 31/3/2027",
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the period must be after its start")
        return data
