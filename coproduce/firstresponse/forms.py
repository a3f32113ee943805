"""The line's and the Sanctuary's forms: the shape of what is typed. What makes it right
(an outcome before ending, an end after the start, room at the Sanctuary) is the
services' rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from coproduce.care.forms import Moment, combine, date_field, time_field
from coproduce.firstresponse.feedback import Consent
from coproduce.firstresponse.models import NAME_LENGTH, Call, SanctuaryVisit
from coproduce.firstresponse.services import Arrival, CallDetails
from coproduce.lib.forms import PlainWordsForm


def today_at(time: dt.time | None, now: dt.datetime | None = None) -> dt.datetime | None:
    """A time of day typed for something that has just happened: today, or yesterday if
    today's is still to come (a guest leaving at 23:55, recorded at 00:10)."""
    if time is None:
        return None
    now = now or timezone.now()
    moment = combine(timezone.localdate(now), time)
    return moment - dt.timedelta(days=1) if moment > now + dt.timedelta(minutes=5) else moment


def next_at(time: dt.time | None, now: dt.datetime | None = None) -> dt.datetime | None:
    """A time of day typed for something to come (an invitation, a call-back): the next
    one, allowing for a time just gone (a guest invited for 19:30 at 19:40)."""
    if time is None:
        return None
    now = now or timezone.now()
    moment = combine(timezone.localdate(now), time)
    return moment + dt.timedelta(days=1) if moment < now - dt.timedelta(hours=2) else moment


def checkbox_choices(choices: Any, what: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": f"Tick only the {what} listed"},
    )


class AskHowItWas(PlainWordsForm):
    """The consent question at the end of a call or as a guest leaves: may we text them
    one question about how it was, and to which mobile."""

    feedback_agreed = forms.BooleanField(required=False)
    feedback_mobile = forms.CharField(
        label="Mobile number for the text", max_length=32, required=False
    )

    def consent(self) -> Consent:
        data = self.cleaned_data
        return Consent(
            agreed=data.get("feedback_agreed", False), mobile=data.get("feedback_mobile", "")
        )


def text(label: str, max_length: int = 2000, rows: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        widget=forms.Textarea if rows else forms.TextInput,
    )


class CallForm(AskHowItWas, Moment, PlainWordsForm):
    caller = forms.ChoiceField(
        choices=Call.Caller.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select who called"},
    )
    # Its length is the service's to name, with every other fault at once (helper-65
    # was told of a long name, and of a wrong phone number only after mending it).
    called = text("First name or what they want to be called", 1000)
    phone = text("Phone number", 32)
    area = text("Area", 100)
    nhs_number = text("NHS number", 20)
    persons_words = text("In their own words", 20000, rows=True)
    shared_understanding = text("Shared understanding and safety", 20000, rows=True)
    next_steps = text("Next steps agreed to stay safe", 20000, rows=True)
    outcomes = checkbox_choices(Call.Outcome.choices, "outcomes")
    sanctuary_time = time_field("invitation to the Sanctuary", required=False)
    call_back_time = time_field("call-back", required=False)
    hung_up_at_risk = forms.BooleanField(required=False)
    # Ending a call whose words may signal risk: the handler says they read what the
    # screen found and the outcome and next steps stand (helper-83 ended "I took twenty
    # paracetamol an hour ago" as safe at home, unwarned).
    risk_checked = forms.BooleanField(required=False)
    started_on = date_field("date the call started")
    started_time = time_field("start of the call")
    ended_on = date_field("date the call ended", required=False)
    ended_time = time_field("end of the call", required=False)

    # The page's order, which the error summary follows (the question about feedback
    # comes from ``AskHowItWas`` but is asked after the outcome).
    field_order = [
        "caller",
        "called",
        "phone",
        "area",
        "nhs_number",
        "persons_words",
        "shared_understanding",
        "next_steps",
        "outcomes",
        "sanctuary_time",
        "call_back_time",
        "hung_up_at_risk",
        "feedback_agreed",
        "feedback_mobile",
    ]

    @classmethod
    def initial_for(cls, call: Call) -> dict[str, Any]:
        started = timezone.localtime(call.started_at)
        # The end is left empty while the call is open, so that ending it records the
        # moment it ended ("now if you leave it"), not when the form was opened (found by
        # a fresh-eyes trial: every call was saved as lasting 0 minutes).
        ended = timezone.localtime(call.ended_at) if call.ended_at else None
        return {
            "caller": call.caller,
            "called": call.called,
            "phone": call.phone,
            "area": call.area,
            "nhs_number": call.person.formatted_nhs_number if call.person else "",
            "persons_words": call.persons_words,
            "shared_understanding": call.shared_understanding,
            "next_steps": call.next_steps,
            "outcomes": call.outcomes,
            "sanctuary_time": (
                f"{timezone.localtime(call.sanctuary_at):%H:%M}" if call.sanctuary_at else ""
            ),
            "call_back_time": (
                f"{timezone.localtime(call.call_back_at):%H:%M}" if call.call_back_at else ""
            ),
            "hung_up_at_risk": call.hung_up_at_risk,
            "feedback_agreed": call.feedback_agreed,
            "feedback_mobile": call.feedback_mobile,
            "started_on": f"{started:%d/%m/%Y}",
            "started_time": f"{started:%H:%M}",
            "ended_on": f"{ended:%d/%m/%Y}" if ended else "",
            "ended_time": f"{ended:%H:%M}" if ended else "",
        }

    def details(self, *, ending: bool) -> CallDetails:
        """The details as typed. On a refused form, what could be read: a field the form
        refused is left empty, so the service can name the other faults at once."""
        data = self.cleaned_data
        return CallDetails(
            caller=data.get("caller", ""),
            nhs_number=data.get("nhs_number", ""),
            called=data.get("called", ""),
            phone=data.get("phone", ""),
            area=data.get("area", ""),
            persons_words=data.get("persons_words", ""),
            shared_understanding=data.get("shared_understanding", ""),
            next_steps=data.get("next_steps", ""),
            outcomes=data.get("outcomes", []),
            sanctuary_at=next_at(data.get("sanctuary_time")),
            call_back_at=next_at(data.get("call_back_time")),
            hung_up_at_risk=data.get("hung_up_at_risk", False),
            risk_checked=data.get("risk_checked", False),
            started_at=self.moment("started"),
            ended_at=self.moment("ended") if ending else None,
        )


class ArrivalForm(PlainWordsForm):
    came = forms.ChoiceField(
        choices=SanctuaryVisit.Came.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how they came",
            "invalid_choice": "Select how they came",
        },
    )
    called = text("First name", NAME_LENGTH)
    shown_as = text("A word for the screen instead of a name (optional)", 20)
    nhs_number = text("NHS number, if they are known and want it used (optional)", 20)
    offered = checkbox_choices(SanctuaryVisit.Offer.choices, "what was offered")
    over_capacity_because = text("Why you are welcoming them although the Sanctuary is full", 200)
    arrived_time = time_field("arrival", required=False)
    call = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def arrival(self) -> Arrival:
        data = self.cleaned_data
        return Arrival(
            came=data["came"],
            nhs_number=data["nhs_number"],
            called=data["called"],
            shown_as=data["shown_as"],
            offered=data["offered"],
            call_id=data["call"],
            arrived_at=today_at(data["arrived_time"]),
            over_capacity_because=data["over_capacity_because"],
        )


class DepartureForm(AskHowItWas, PlainWordsForm):
    left = forms.ChoiceField(
        choices=SanctuaryVisit.Left.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how they left",
            "invalid_choice": "Select how they left",
        },
    )
    left_because = text("How they left", 200)
    left_time = time_field("departure", required=False)


class RiskReadForm(PlainWordsForm):
    """A handler's judgement of the words the screen flagged on an ended call."""

    note = forms.CharField(
        label="What you judged",
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Say what you judged about their words"},
    )
