"""Forms for how a call joins the rest of care: the referral's own questions, a new
person, earlier calls to link, undoing a link, correcting an ended call. The rules are
``firstresponse.links``'s."""

from __future__ import annotations

from typing import Any

from django import forms

from coproduce.care import referrals
from coproduce.care.forms import NhsNumberChecked, date_of_birth_field
from coproduce.care.models import Referral
from coproduce.firstresponse.forms import CallForm, text
from coproduce.firstresponse.links import ReferralAsk, crisis_teams
from coproduce.lib.forms import PlainWordsForm


class CallAndReferralForm(CallForm):
    """The call's form with the referral's questions, answered only when the call ends
    with "Referred to the crisis team"."""

    referral_team = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Select the crisis team to refer them to"},
    )
    referral_urgency = forms.ChoiceField(
        choices=Referral.Urgency.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select how urgent the referral is"},
    )
    referral_physical_health_need = forms.BooleanField(required=False)
    not_a_duplicate_because = text("Why this is a separate referral", 2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = crisis_teams()
        field = self.fields["referral_team"]
        assert isinstance(field, forms.TypedChoiceField)  # noqa: S101 - declared above
        field.choices = [(t.pk, t.name) for t in teams]
        if len(teams) == 1:
            self.initial.setdefault("referral_team", teams[0].pk)

    def ask(self) -> ReferralAsk:
        data = self.cleaned_data
        return ReferralAsk(
            team_id=data["referral_team"],
            urgency=data["referral_urgency"],
            physical_health_need=data["referral_physical_health_need"],
            not_a_duplicate_because=data["not_a_duplicate_because"],
        )


class NewPersonForm(NhsNumberChecked, PlainWordsForm):
    nhs_number = forms.CharField(
        max_length=20, error_messages={"required": "Enter their NHS number"}
    )
    given_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter their first name"}
    )
    family_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter their last name"}
    )
    date_of_birth = date_of_birth_field()

    def details(self) -> referrals.PersonDetails:
        data = self.cleaned_data
        return referrals.PersonDetails(
            data["nhs_number"], data["given_name"], data["family_name"], data["date_of_birth"]
        )


class LinkCallsForm(PlainWordsForm):
    calls = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose only calls from the list"},
    )
    other_call = forms.IntegerField(
        required=False,
        min_value=1,
        error_messages={
            "invalid": "Enter the call's number in digits, like 1234",
            "min_value": "Enter the call's number in digits, like 1234",
        },
    )
    because = text("Why these calls are theirs", 200)

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["calls"]
        assert isinstance(field, forms.TypedMultipleChoiceField)  # noqa: S101
        field.choices = choices


class UndoLinkForm(PlainWordsForm):
    undone_because = text("Why the link is wrong", 200)


class CorrectionForm(CallForm):
    because = text("Why you are correcting the call", 500)
