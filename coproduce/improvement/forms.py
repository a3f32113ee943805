"""Forms of a project's charter, team, progress and time (issue 23). The rules (a co-lead
with lived experience, an aim with a number and a date ahead, the last such co-lead kept)
live in ``improvement.services``; these read what was typed and name each field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from coproduce.accounts.forms import staff_users
from coproduce.accounts.models import User
from coproduce.care.models import Team
from coproduce.improvement import services as rules
from coproduce.improvement.models import ProgressScore, Project, ProjectRole, TeamMember
from coproduce.lib.forms import PlainWordsForm
from coproduce.network.models import Meeting, Member

DATES = ["%d/%m/%Y", "%Y-%m-%d"]
YES_NO = [("yes", "Yes"), ("no", "No")]


def network_members() -> QuerySet[Member]:
    """Members of the network now (not left, not erased), who may join a project, by name."""
    return (
        Member.objects.current()
        .filter(erased_on__isnull=True)
        .select_related("user")
        .order_by("name", "pk")
    )


def lived_experience_members() -> QuerySet[Member]:
    """Those a co-lead "from the network" is chosen from: members who are not staff."""
    return network_members().exclude(kind=Member.Kind.STAFF)


class StaffMemberField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.name_and_role


class MemberField(forms.ModelChoiceField[Member]):
    def label_from_instance(self, obj: Member) -> str:
        return obj.name_and_role


class CharterForm(PlainWordsForm):
    """The charter: its title, the problem in plain words, the SMART aim and the scope."""

    title = forms.CharField(
        max_length=160,
        error_messages={"required": "Enter the project's title, like 'Fewer different faces'"},
    )
    problem = forms.CharField(
        label="The problem in plain words",
        max_length=4000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the problem in plain words, as the person who raised it would say it"
        },
    )
    aim_what = forms.CharField(
        label="What will improve",
        max_length=300,
        error_messages={"required": "Enter what will improve"},
    )
    aim_for_whom = forms.CharField(
        label="For whom",
        max_length=300,
        error_messages={"required": "Enter who the aim is for"},
    )
    aim_from = forms.DecimalField(
        label="From (where it is now)",
        required=False,
        max_digits=10,
        decimal_places=2,
        error_messages={"invalid": "Enter where it is now as a number, like 8"},
    )
    aim_to = forms.DecimalField(
        label="To (the number the aim reaches)",
        max_digits=10,
        decimal_places=2,
        error_messages={
            "required": "Enter the number the aim reaches, like 4: an aim without a number "
            "cannot be measured",
            "invalid": "Enter the number the aim reaches as a number, like 4",
        },
    )
    aim_unit = forms.CharField(
        label="Measured as",
        max_length=80,
        error_messages={
            "required": "Enter what the numbers count, like 'different staff per episode'"
        },
    )
    aim_by = forms.DateField(
        label="By when",
        input_formats=DATES,
        error_messages={
            "required": "Enter the date the aim will be met by, like 31/03/2027: an aim "
            "without a date has no end",
            "invalid": "Enter the date the aim will be met by as day/month/year, like 31/03/2027",
        },
    )
    teams = forms.ModelMultipleChoiceField(
        queryset=Team.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    services = forms.MultipleChoiceField(
        choices=Team.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def aim(self) -> rules.Aim:
        data = self.cleaned_data
        return rules.Aim(
            what=data["aim_what"],
            for_whom=data["aim_for_whom"],
            from_=None if data["aim_from"] is None else float(data["aim_from"]),
            to=float(data["aim_to"]),
            unit=data["aim_unit"],
            by=data["aim_by"],
        )

    @classmethod
    def initial_from(cls, project: Project) -> dict[str, Any]:
        return {
            "title": project.title,
            "problem": project.problem,
            "aim_what": project.aim_what,
            "aim_for_whom": project.aim_for_whom,
            "aim_from": "" if project.aim_from is None else rules.plain_number(project.aim_from),
            "aim_to": rules.plain_number(project.aim_to),
            "aim_unit": project.aim_unit,
            "aim_by": f"{project.aim_by:%d/%m/%Y}",
            "teams": [team.pk for team in project.teams.all()],
            "services": list(project.services),
        }


class OpenProjectForm(CharterForm):
    """Opening a project: the charter, its co-leads, and why, if it starts from nothing."""

    started_without_because = forms.CharField(
        label="Why it does not start from a voice, an insight, a priority or an action",
        max_length=300,
        required=False,
    )
    # Two from each side at most here (more join on the team page): lists of checkboxes
    # of a whole network would run to pages on a phone.
    member_co_lead = MemberField(
        label="Co-lead from the network",
        queryset=lived_experience_members(),
        required=False,
    )
    other_member_co_lead = MemberField(
        label="A second co-lead from the network (optional)",
        queryset=lived_experience_members(),
        required=False,
    )
    staff_co_lead = StaffMemberField(
        label="Co-lead from the staff",
        queryset=staff_users(),
        required=False,
    )
    other_staff_co_lead = StaffMemberField(
        label="A second co-lead from the staff (optional)",
        queryset=staff_users(),
        required=False,
    )

    field_order = [
        "title",
        "problem",
        "started_without_because",
        "member_co_lead",
        "other_member_co_lead",
        "staff_co_lead",
        "other_staff_co_lead",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Querysets afresh for each form (people join and leave between requests).
        for name in ("member_co_lead", "other_member_co_lead"):
            self.fields[name].queryset = lived_experience_members()  # type: ignore[attr-defined]
        for name in ("staff_co_lead", "other_staff_co_lead"):
            self.fields[name].queryset = staff_users()  # type: ignore[attr-defined]

    def co_leads(self) -> list[User | Member]:
        chosen = [
            self.cleaned_data.get(name)
            for name in (
                "member_co_lead",
                "other_member_co_lead",
                "staff_co_lead",
                "other_staff_co_lead",
            )
        ]
        leads: list[User | Member] = []
        for lead in chosen:
            if lead is not None and lead not in leads:
                leads.append(lead)
        return leads

    def clean(self) -> dict[str, Any]:
        """Said with the other mistakes, not after them (the service checks it again)."""
        cleaned = super().clean() or {}
        if "member_co_lead" in cleaned and (problem := rules.co_lead_problem(self.co_leads())):
            self.add_error("member_co_lead", problem)
        return cleaned


def _person_choices() -> list[tuple[str, Any]]:
    """Staff and network members, under two headings. Those on the team already stay in
    the list (the service says so), so a form posted twice is answered as the first."""
    users = staff_users()
    members = network_members()
    return [
        ("", "Choose"),
        ("Network members", [(f"member-{m.pk}", m.name_and_role) for m in members]),
        ("Staff", [(f"user-{u.pk}", u.name_and_role) for u in users]),
    ]


class AddToTeamForm(PlainWordsForm):
    person = forms.ChoiceField(
        label="Who joins",
        error_messages={
            "required": "Select who joins the team",
            "invalid_choice": "Select who joins the team from the list",
        },
    )
    role = forms.ChoiceField(
        choices=ProjectRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their role on the project"},
    )
    full_member = forms.ChoiceField(
        label="A full member of the team",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether they are a full member of the team"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = _person_choices()  # type: ignore[attr-defined]

    def chosen_person(self) -> User | Member:
        kind, _, pk = self.cleaned_data["person"].partition("-")
        if kind == "user":
            return staff_users().get(pk=pk)
        return network_members().get(pk=pk)


class PlaceForm(PlainWordsForm):
    """A team member's role changes."""

    role = forms.ChoiceField(
        choices=ProjectRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their role on the project"},
    )
    full_member = forms.ChoiceField(
        label="A full member of the team",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether they are a full member of the team"},
    )


class LeaveForm(PlainWordsForm):
    because = forms.CharField(
        label="Why they are leaving",
        max_length=300,
        error_messages={"required": "Say why they are leaving the team"},
    )


class ScoreForm(PlainWordsForm):
    score = forms.ChoiceField(
        label="Where the project stands",
        choices=ProgressScore.Score.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the score that says where the project stands"},
    )
    note = forms.CharField(
        label="Why it stands there",
        max_length=500,
        widget=forms.Textarea,
        error_messages={"required": "Say why the project stands at this score"},
    )


class PlaceChoiceField(forms.ModelChoiceField[TeamMember]):
    def label_from_instance(self, obj: TeamMember) -> str:
        return obj.display_name + (" (has left the team)" if obj.left_on else "")


class TimeForm(PlainWordsForm):
    person = PlaceChoiceField(
        label="Who gave the time",
        queryset=TeamMember.objects.none(),
        error_messages={"required": "Select who gave the time"},
    )
    on = forms.DateField(
        label="The day",
        input_formats=DATES,
        error_messages={"required": "Enter the day the time was given, like 21/03/2027"},
    )
    hours = forms.DecimalField(
        max_digits=5,
        decimal_places=2,
        error_messages={
            "required": "Enter the hours given, like 1.5",
            "invalid": "Enter the hours given as a number, like 1.5",
        },
    )
    what = forms.CharField(
        label="What it was spent on",
        max_length=200,
        error_messages={"required": "Say what the time was spent on"},
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = rules.staff_places(project)  # type: ignore[attr-defined]


class MeetingChoiceField(forms.ModelChoiceField[Meeting]):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.title}, {obj.starts_at.day} {obj.starts_at:%B %Y}"


class LinkMeetingForm(PlainWordsForm):
    meeting = MeetingChoiceField(
        label="The meeting",
        queryset=Meeting.objects.none(),
        error_messages={"required": "Select the meeting held for the project"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Meetings of the last two years not linked to a project yet.
        since = timezone.now() - dt.timedelta(days=730)
        self.fields["meeting"].queryset = Meeting.objects.filter(  # type: ignore[attr-defined]
            improvement_project__isnull=True, starts_at__gte=since
        ).order_by("-starts_at")


class PortfolioFilterForm(PlainWordsForm):
    team = forms.ModelChoiceField(
        queryset=Team.objects.order_by("name"), required=False, empty_label="Any"
    )
    service = forms.ChoiceField(choices=[("", "Any"), *Team.Kind.choices], required=False)
    status = forms.ChoiceField(choices=[("", "Any"), *Project.Status.choices], required=False)
