from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django import forms
from django.utils import timezone

from coproduce.accounts.forms import StaffChoice, StaffMultipleChoice
from coproduce.accounts.models import User
from coproduce.care.episodes import discharged_unseen_problems, follow_up_cannot_reach
from coproduce.care.models import (
    Appointment,
    CarerInformed,
    Contact,
    DischargeDestination,
    Dispatch,
    Person,
    PlanVersion,
    Referral,
    Team,
    normalise_nhs_number,
    validate_date_of_birth,
)
from coproduce.care.referrals import CHOOSE_THE_NAMED_TEAM
from coproduce.care.services import (
    BREAK_GLASS_REASON_MAX,
    BREAK_GLASS_REASON_MIN,
    CONTACT_LABELS,
    WHAT_A_BREAK_GLASS_REASON_IS,
    ContactDetails,
    clean_contact_details,
)
from coproduce.lib.dates import refuse_future
from coproduce.lib.forms import PlainWordsForm

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_OF_BIRTH_EXAMPLE = "27/03/1987"  # the referral page's hint gives the same one


def date_of_birth_field() -> forms.DateField:
    """A date of birth, refused in the future or before 1900 (``validate_date_of_birth``),
    the same on every form that asks for one."""
    field = date_field("date of birth", example=DATE_OF_BIRTH_EXAMPLE)
    field.validators.append(validate_date_of_birth)
    return field


def date_field(what: str, required: bool = True, example: str = "21/11/2026") -> forms.DateField:
    """A date typed as day/month/year. The example is fixed, and fits the date asked for:
    a date of birth is not shown a date in the future."""
    return forms.DateField(
        # Named as its messages name it: "The date of the appointment must be a real
        # date" (a fresh-eyes trial read "Starts on", a name no page shows).
        label=f"The {what}",
        input_formats=DATE_FORMATS,
        required=required,
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"Enter the {what} as day/month/year, like {example}",
        },
    )


def time_field(what: str, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        input_formats=["%H:%M"],
        required=required,
        error_messages={
            "required": f"Enter the time of the {what}",
            # "25:00" is written the 24-hour way but is no time (helper-74).
            "invalid": f"Enter the time of the {what} from 00:00 to 23:59, like 14:30",
        },
    )


def combine(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def now_initial(prefix: str, at: dt.datetime | None = None) -> dict[str, str]:
    """A date and time field's first values: now, or ``at``."""
    now = timezone.localtime(at)
    return {f"{prefix}_on": now.strftime("%d/%m/%Y"), f"{prefix}_time": now.strftime("%H:%M")}


class Moment:
    """Forms with a ``<prefix>_on`` date and ``<prefix>_time`` time read them as one moment."""

    cleaned_data: dict[str, Any]

    def moment(self, prefix: str) -> dt.datetime | None:
        day = self.cleaned_data.get(f"{prefix}_on")
        time = self.cleaned_data.get(f"{prefix}_time")
        return combine(day, time) if day and time else None

    def refuse_future(self, prefix: str, what: str) -> None:
        """The date field named early, by the one rule the services enforce too."""
        try:
            refuse_future(self.moment(prefix), what, field=f"{prefix}_on")
        except forms.ValidationError as error:
            assert isinstance(self, forms.Form)  # noqa: S101 - Moment is mixed into forms
            self.add_error(None, error)


class NhsNumberChecked:
    """Forms whose NHS number is checked and folded as every route reads one
    (``normalise_nhs_number``), so a wrong one is named with the form's other faults."""

    cleaned_data: dict[str, Any]

    def clean_nhs_number(self) -> str:
        return normalise_nhs_number(self.cleaned_data["nhs_number"])


class ContactDetailsForm(PlainWordsForm):
    """How to reach a person. Only the shape is checked here; what makes a detail right
    (a UK mobile, an email address, a preferred way that can be used) is the service's
    rule (``care.services.clean_contact_details``)."""

    phone = forms.CharField(
        max_length=32,
        required=False,
        error_messages={"max_length": "Enter a UK phone number, like 07700 900 982"},
    )
    email = forms.CharField(
        max_length=254,
        required=False,
        error_messages={"max_length": "Enter an email address of 254 characters or fewer"},
    )
    address = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea,
        strip=False,
        error_messages={"max_length": "Enter a postal address of 500 characters or fewer"},
    )
    NOT_RECORDED = "not_recorded"  # a radio button's value cannot be empty
    preferred_channel = forms.ChoiceField(
        choices=[
            *((value, label) for value, label in Person.Channel.choices if value),
            (NOT_RECORDED, "Not recorded"),
        ],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select how the person prefers to be contacted"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        initial = kwargs.get("initial") or {}
        if "preferred_channel" in initial and not initial["preferred_channel"]:
            kwargs["initial"] = {**initial, "preferred_channel": self.NOT_RECORDED}
        super().__init__(*args, **kwargs)

    def clean_preferred_channel(self) -> str:
        value: str = self.cleaned_data["preferred_channel"]
        return "" if value == self.NOT_RECORDED else value


class ReferralForm(NhsNumberChecked, Moment, ContactDetailsForm):
    """A referral and who it is for; how to reach the person is optional (the contact
    details fields), checked by the same rule as the person page's."""

    contact: ContactDetails  # the contact details as cleaned, once the form is valid

    # The page's order, which the error summary follows: the person, how to reach them
    # (from ``ContactDetailsForm``), then the referral.
    field_order = [
        "not_a_duplicate_because",
        "nhs_number",
        "given_name",
        "family_name",
        "date_of_birth",
        "phone",
        "email",
        "address",
        "preferred_channel",
        "team",
        "source",
        "referrer",
        "urgency",
        "physical_health_need",
        "reason",
        "received_on",
        "received_time",
    ]

    nhs_number = forms.CharField(
        max_length=20,
        error_messages={
            "required": "Enter the person's NHS number",
            "max_length": "Enter the NHS number as 10 digits, like 943 476 5919",
        },
    )
    given_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the person's first name"}
    )
    family_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the person's last name"}
    )
    date_of_birth = date_of_birth_field()
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the service to refer to",
            "invalid_choice": "Select a service from the list",
        },
    )
    source = forms.ChoiceField(
        label="Who made the referral",
        choices=Referral.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who made the referral"},
    )
    urgency = forms.ChoiceField(
        label="How urgent the referral is",
        choices=Referral.Urgency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how urgent the referral is"},
    )
    physical_health_need = forms.TypedChoiceField(
        choices=[("no", "No"), ("yes", "Yes")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the person has a physical health need"},
    )
    reason = forms.CharField(
        label="The reason for the referral",
        max_length=20000,
        widget=forms.Textarea,
        error_messages={"required": "Enter the reason for the referral"},
    )
    referrer = forms.CharField(label="Who referred them", max_length=200, required=False)
    received_on = date_field("date the referral was received")
    received_time = time_field("referral")
    not_a_duplicate_because = forms.CharField(
        label="Why this is a separate referral",
        max_length=2000,
        required=False,
        widget=forms.Textarea,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_future("received", "referral")
        self.contact = ContactDetails()
        given = {name: data[name] for name in CONTACT_LABELS if data.get(name) is not None}
        if len(given) == len(CONTACT_LABELS):  # each field had the right shape
            try:
                self.contact = clean_contact_details(**given)
            except forms.ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field, messages)
        return data


class AcceptForm(Moment, PlainWordsForm):
    """Nothing is chosen in advance (issue 18): the lead practitioner, the named team and
    the initial appointment are the practitioner's decision. The rules are the service's
    (``referrals.accept_referral``)."""

    lead = StaffChoice(
        queryset=User.objects.none(),
        error_messages={
            "required": "Select the lead practitioner",
            "invalid_choice": "Select a lead practitioner from this team",
        },
    )
    named_team = StaffMultipleChoice(
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": CHOOSE_THE_NAMED_TEAM,
            "invalid_choice": "Select people from this team",
        },
    )
    initial_on = date_field("date of the initial appointment")
    initial_time = time_field("initial appointment")
    # Asked only when the referrer's date of birth is not the record's (the service says).
    identity_checked = forms.BooleanField(required=False)
    # Asked only when the initial appointment is after the response is due (likewise).
    after_target_because = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea,
        error_messages={"max_length": "Keep the reason to 500 characters or fewer"},
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = team.staff.filter(is_active=True).order_by("last_name", "first_name")
        self.fields["lead"].queryset = staff  # type: ignore[attr-defined]
        self.fields["named_team"].queryset = staff  # type: ignore[attr-defined]
        self.team = team

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lead, named = data.get("lead"), data.get("named_team") or []
        if lead and len({lead, *named}) > self.team.max_named_team:
            self.add_error(
                "named_team",
                f"A named team has at most {self.team.max_named_team} people, "
                "including the lead practitioner",
            )
        return data


class DeclineForm(PlainWordsForm):
    reason = forms.CharField(
        label="The reason for declining",
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Say why the referral is declined and where it went instead"},
    )


class AppointmentOutcomeForm(PlainWordsForm):
    """What happened at a booked appointment. "They came" goes on to record the contact
    it was; the other two need a note of what happens now."""

    CAME = "attended"
    status = forms.ChoiceField(
        choices=[
            (CAME, "They came: record the contact"),
            (Appointment.Status.DID_NOT_ATTEND, "They did not come"),
            (Appointment.Status.CANCELLED, "It was cancelled"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what happened at the appointment"},
    )
    note = forms.CharField(
        label="What happens now",
        max_length=2000,
        required=False,
        widget=forms.Textarea,
    )


class AppointmentForm(Moment, PlainWordsForm):
    kind = forms.ChoiceField(
        choices=[
            (Appointment.Kind.PLANNED_INTERVENTION, Appointment.Kind.PLANNED_INTERVENTION.label),
            (Appointment.Kind.REVIEW, Appointment.Kind.REVIEW.label),
            (Appointment.Kind.OTHER, Appointment.Kind.OTHER.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of appointment"},
    )
    starts_on = date_field("date of the appointment")
    starts_time = time_field("appointment")
    staff = StaffChoice(
        queryset=User.objects.none(),
        error_messages={
            "required": "Select who the appointment is with",
            "invalid_choice": "Select someone from this team",
        },
    )
    outside_named_team_because = forms.CharField(
        label="Why someone outside the named team is needed",
        max_length=2000,
        required=False,
        widget=forms.Textarea,
    )

    def __init__(self, *args: Any, team: Team, named: Collection[int] = (), **kwargs: Any) -> None:
        """``named``: the person's named team, listed first under "With" (a fresh-eyes
        trial had to find them among the whole team)."""
        super().__init__(*args, **kwargs)
        staff = self.fields["staff"]
        staff.queryset = (  # type: ignore[attr-defined]
            team.staff.filter(is_active=True)
            .only(*User.NAME_FIELDS)
            .order_by("first_name", "last_name", "pk")  # as they are named, not by username
        )
        staff.empty_label = "Choose"  # type: ignore[attr-defined]
        if named:
            # The field's own choices, as named everywhere (accounts.forms.StaffChoices).
            everyone = [(pk, name) for pk, name in staff.choices if pk != ""]  # type: ignore[attr-defined]
            groups = {
                "Their named team": [(pk, name) for pk, name in everyone if pk in named],
                "Others in the team": [(pk, name) for pk, name in everyone if pk not in named],
            }
            staff.choices = [  # type: ignore[attr-defined]
                ("", "Choose"),
                *((heading, listed) for heading, listed in groups.items() if listed),
            ]


class ContactForm(Moment, PlainWordsForm):
    """A contact in the LISTEN structure; next steps are required (never end without a plan)."""

    LISTEN_FIELDS = (
        *Contact.LISTEN_TEXT_FIELDS,
        "crisis_plan_reviewed",
        "carer_informed",
        "duration_minutes",
    )

    occurred_on = date_field("date of the contact")
    occurred_time = time_field("contact")
    mode = forms.ChoiceField(
        choices=Contact.Mode.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how the contact happened",
            "invalid_choice": "Select how the contact happened",
        },
    )
    duration_minutes = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=600,
        error_messages={
            "invalid": "Enter the duration as a number of minutes, like 40",
            "min_value": "The duration must be at least 1 minute",
            "max_value": "The duration must be 600 minutes or fewer",
        },
    )
    persons_words = forms.CharField(
        label="The person's own words",
        max_length=20000,
        widget=forms.Textarea,
        error_messages={"required": "Enter what the person said, in their own words"},
    )
    crisis_plan_reviewed = forms.BooleanField(required=False)
    involved_and_informed = forms.CharField(max_length=20000, required=False, widget=forms.Textarea)
    options_given = forms.CharField(max_length=20000, required=False, widget=forms.Textarea)
    carer_informed = forms.ChoiceField(
        choices=CarerInformed.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the person's carer was informed"},
    )
    carer_not_informed_because = forms.CharField(
        label="Why the carer was not informed",
        max_length=2000,
        required=False,
        widget=forms.Textarea,
    )
    shared_understanding = forms.CharField(
        max_length=20000,
        widget=forms.Textarea,
        error_messages={"required": "Enter the understanding you reached together about safety"},
    )
    availability_promised = forms.CharField(max_length=2000, required=False, widget=forms.Textarea)
    time_and_tone = forms.CharField(max_length=20000, required=False, widget=forms.Textarea)
    feelings_validated = forms.CharField(
        max_length=20000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter how you empathised, encouraged and evaluated what was agreed"
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
    outside_named_team_because = forms.CharField(
        label="Why someone outside the named team is needed",
        max_length=2000,
        required=False,
        widget=forms.Textarea,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_future("occurred", "contact")
        if data.get("carer_informed") == CarerInformed.NO and not data.get(
            "carer_not_informed_because"
        ):
            self.add_error("carer_not_informed_because", "Say why the carer was not informed")
        return data


class DischargeForm(Moment, PlainWordsForm):
    destination = forms.ChoiceField(
        choices=DischargeDestination.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the person goes on discharge"},
    )
    onward_team = forms.CharField(max_length=200, required=False)
    discharged_on = date_field("date of discharge")
    discharged_time = time_field("discharge")
    # Asked when no contact is recorded in the episode (the service says).
    unseen_because = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea,
        error_messages={"max_length": "Keep the reason to 500 characters or fewer"},
    )
    feedback_invitations = forms.ChoiceField(
        choices=[
            (Person.FeedbackInvitations.SMS, "Yes, by text message"),
            (Person.FeedbackInvitations.EMAIL, "Yes, by email"),
            (Person.FeedbackInvitations.NONE, "No"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the person agreed to be asked about their care later",
            "invalid_choice": "Select text message, email or no",
        },
    )

    def __init__(
        self, *args: Any, person: Person | None = None, unseen: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        self.unseen = unseen  # no contact recorded in the episode

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_future("discharged", "discharge")
        channel = data.get("feedback_invitations") or ""
        # The rules are the discharge service's; asked here too so every problem shows at
        # once (helper-80 saw the email's alone, then the reason's).
        if self.person is not None and (problem := follow_up_cannot_reach(self.person, channel)):
            self.add_error("feedback_invitations", problem)
        if self.unseen:
            problems = discharged_unseen_problems(
                data.get("destination") or "", data.get("unseen_because") or ""
            )
            for field, problem in problems.items():
                if field not in self.errors:
                    self.add_error(field, problem)
        destination = data.get("destination")
        if destination in {"community_team", "other_team"} and not data.get("onward_team"):
            self.add_error("onward_team", "Enter the team the person is handed on to")
        return data


class DispatchForm(Moment, PlainWordsForm):
    dispatched_on = date_field("date of dispatch")
    dispatched_time = time_field("dispatch")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_future("dispatched", "dispatch")
        return data


class ArrivalForm(Moment, PlainWordsForm):
    arrived_on = date_field("date of arrival")
    arrived_time = time_field("arrival")
    outcome = forms.ChoiceField(
        choices=Dispatch.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    partner = forms.CharField(max_length=120, required=False)
    handover_notes = forms.CharField(max_length=20000, required=False, widget=forms.Textarea)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_future("arrived", "arrival")
        return data


def plan_form(kind: type[PlanVersion]) -> type[forms.Form]:
    """A form with one optional text area per section of the plan."""
    fields = {
        name: forms.CharField(label=label, max_length=20000, required=False, widget=forms.Textarea)
        for name, label in kind.SECTIONS
    }

    def clean(self: forms.Form) -> dict[str, Any]:
        data = forms.Form.clean(self) or {}
        if not any(v.strip() for v in data.values() if isinstance(v, str)):
            first = kind.SECTIONS[0][0]
            self.add_error(first, "Write at least one section of the plan")
        return data

    return type(f"{kind.__name__}Form", (forms.Form,), {**fields, "clean": clean})


class BreakGlassForm(PlainWordsForm):
    # The limits are the service's (``services.break_glass``); the form names them first.
    reason = forms.CharField(
        label="Your reason",
        min_length=BREAK_GLASS_REASON_MIN,
        max_length=BREAK_GLASS_REASON_MAX,
        widget=forms.Textarea,
        error_messages={
            "required": "Say why you need to see this person's record now. This is audited.",
            "min_length": WHAT_A_BREAK_GLASS_REASON_IS,
        },
    )


class FindPersonForm(NhsNumberChecked, PlainWordsForm):
    nhs_number = forms.CharField(
        max_length=20,
        error_messages={
            "required": "Enter the person's NHS number",
            "max_length": "Enter the NHS number as 10 digits, like 943 476 5919",
        },
    )
