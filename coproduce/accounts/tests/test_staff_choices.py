"""Lists of staff to choose from (``coproduce.accounts.forms``): named from the columns
that name someone, exactly as ``name_and_role`` names them, and a choice still checked
against who may be chosen."""

import pytest
from django import forms

from coproduce.accounts.forms import StaffChoice, StaffMultipleChoice
from coproduce.accounts.models import Role, User
from coproduce.tooling.testing.factories import UserFactory


class OwnerForm(forms.Form):
    owner = StaffChoice(queryset=User.objects.none())
    helpers = StaffMultipleChoice(queryset=User.objects.none(), required=False)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("owner", "helpers"):
            self.fields[name].queryset = team.staff.order_by("username")  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_each_choice_is_named_as_name_and_role_names_them(team, lead, colleague):
    unnamed = UserFactory(username="unnamed", first_name="", last_name="", role="")
    spaced = UserFactory(username="spaced", first_name="Ana", last_name="", role=Role.TEAM_LEADER)
    team.staff.add(unnamed, spaced)
    choices = list(OwnerForm(team=team).fields["owner"].choices)  # type: ignore[attr-defined]
    assert choices[0][0] == ""
    expected = [(u.pk, u.name_and_role) for u in team.staff.order_by("username")]
    assert [(int(str(v)), t) for v, t in choices[1:]] == expected
    assert dict(expected)[lead.pk] == "Lena Lead (Practitioner)"
    assert dict(expected)[unnamed.pk] == "Name not recorded"
    assert dict(expected)[spaced.pk] == "Ana (Team leader)"


@pytest.mark.django_db
def test_a_choice_outside_the_list_is_refused_and_a_good_one_gives_the_user(
    team, lead, colleague, outsider
):
    form = OwnerForm({"owner": str(outsider.pk), "helpers": [str(colleague.pk)]}, team=team)
    assert not form.is_valid()
    assert "owner" in form.errors
    form = OwnerForm({"owner": str(lead.pk), "helpers": [str(colleague.pk)]}, team=team)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["owner"] == lead
    assert list(form.cleaned_data["helpers"]) == [colleague]
    form = OwnerForm({"owner": str(lead.pk), "helpers": [str(outsider.pk)]}, team=team)
    assert not form.is_valid()
    assert "helpers" in form.errors


@pytest.mark.django_db
def test_the_services_lists_of_staff_are_in_the_order_people_are_named(team):
    """An appointment's "with" (the team) and an action's owner (all staff) are listed by
    name: a username is for signing in and is never shown (web/tests/test_names.py)."""
    from coproduce.care.forms import AppointmentForm
    from coproduce.change.forms import ActionForm

    for username, first in [("a.zed", "Zara"), ("b.amy", "Amy"), ("c.mo", "Mo")]:
        team.staff.add(UserFactory(username=username, first_name=first, last_name="Shah"))
    for choices in (
        AppointmentForm(team=team).fields["staff"].choices,  # type: ignore[attr-defined]
        ActionForm().fields["owner"].choices,  # type: ignore[attr-defined]
    ):
        names = [text for value, text in choices if value != ""]
        assert [n for n in names if n.endswith("Shah (Practitioner)")] == [
            "Amy Shah (Practitioner)",
            "Mo Shah (Practitioner)",
            "Zara Shah (Practitioner)",
        ]
