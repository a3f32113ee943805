"""Calls to the line: started in one click, recorded while they happen, ended only with a
plan; a caller at risk who hangs up is flagged for a call-back (hazard log)."""

import dataclasses
import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.firstresponse import services
from coproduce.firstresponse.models import Call
from coproduce.firstresponse.services import CallDetails
from coproduce.firstresponse.tests.conftest import ago
from coproduce.tooling.testing.factories import EpisodeFactory, PersonFactory, TeamFactory

PLAN: dict[str, Any] = {
    "caller": "person",
    "called": "Jo",
    "persons_words": "I could not sleep and wanted to talk to someone.",
    "next_steps": "Jo will ring her sister in the morning.",
    "outcomes": ["support"],
}


def start(user, minutes_ago=10):
    call = services.start_call(user)
    call.started_at = ago(minutes=minutes_ago)
    call.save(update_fields=["started_at"])
    return call


def test_it_starts_a_call_in_one_click_on_the_handlers_line(handler, line):
    call = services.start_call(handler)
    assert call.team == line
    assert call.handler == handler
    assert call.is_open
    assert AuditEvent.objects.filter(
        actor=handler, action="created", record_id=str(call.pk), record_type="firstresponse.call"
    ).exists()


def test_it_refuses_to_start_a_call_for_someone_on_no_line(outsider):
    with pytest.raises(ValidationError, match="not on a crisis line team"):
        services.start_call(outsider)
    assert not Call.objects.exists()


def test_a_second_open_call_is_allowed_and_shown(handler):
    first = services.start_call(handler)
    second = services.start_call(handler)
    assert services.other_open_calls(second) == [first]


def test_it_ends_a_call_with_a_plan(handler):
    call = services.end_call(handler, start(handler), CallDetails(**PLAN))
    call.refresh_from_db()
    assert not call.is_open
    assert call.outcomes == ["support"]
    assert call.called == "Jo"
    assert call.person is None  # anonymous: never forced into a record


def test_it_refuses_to_end_a_call_without_an_outcome_or_next_steps_and_keeps_what_was_typed(
    handler,
):
    call = start(handler)
    services.record_call(handler, call, CallDetails(called="Jo", persons_words="Hello"))
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, call, CallDetails(**{**PLAN, "outcomes": [], "next_steps": " "}))
    assert "never end a call without a plan" in refused.value.message_dict["outcomes"][0]
    assert "next steps" in refused.value.message_dict["next_steps"][0]
    call.refresh_from_db()
    assert call.is_open
    assert call.called == "Jo"
    assert call.persons_words == "Hello"


def test_it_refuses_an_end_before_the_start(handler):
    call = start(handler, minutes_ago=10)
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, call, CallDetails(**PLAN, ended_at=ago(minutes=20)))
    assert "cannot end before it started" in refused.value.message_dict["ended_time"][0]
    call.refresh_from_db()
    assert call.is_open


def test_it_refuses_a_call_longer_than_a_day(handler):
    call = start(handler, minutes_ago=10)
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, call, CallDetails(**PLAN, started_at=ago(days=1, minutes=30)))
    assert "longer than a day" in refused.value.message_dict["ended_time"][0]
    call.refresh_from_db()
    assert call.is_open
    assert call.started_at > ago(minutes=11)


def test_an_invitation_to_the_sanctuary_needs_its_time(handler):
    call = start(handler)
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, call, CallDetails(**{**PLAN, "outcomes": ["sanctuary"]}))
    assert "Sanctuary" in refused.value.message_dict["sanctuary_time"][0]
    # Not for a time every Sanctuary is closed (a fresh-eyes trial invited someone for
    # 14:00 to one open 18:00 to 01:00).
    today = timezone.localtime(timezone.now())
    with pytest.raises(ValidationError) as refused:
        services.end_call(
            handler,
            call,
            CallDetails(**{**PLAN, "outcomes": ["sanctuary"]}, sanctuary_at=today.replace(hour=14)),
        )
    assert refused.value.message_dict["sanctuary_time"] == [
        "The Sanctuary is closed then (open 18:00 to 01:00, every day): invite them for a "
        "time it is open"
    ]
    at = today.replace(hour=19, minute=30, second=0, microsecond=0)
    services.end_call(
        handler, call, CallDetails(**{**PLAN, "outcomes": ["sanctuary"]}, sanctuary_at=at)
    )
    call.refresh_from_db()
    assert call.sanctuary_at == at


def test_a_caller_at_risk_who_hangs_up_is_flagged_for_a_call_back_on_the_worklist(handler):
    call = start(handler)
    services.end_call(
        handler, call, CallDetails(called="Jo", phone="07700 900321", hung_up_at_risk=True)
    )
    call.refresh_from_db()
    assert not call.is_open
    assert "call_back" in call.outcomes
    assert services.calls_to_call_back(handler) == [call]
    # Called back (a later call from the same number, ended): off the worklist.
    back = start(handler, minutes_ago=0)
    services.end_call(handler, back, CallDetails(**PLAN, phone="+44 7700 900321"))
    assert services.calls_to_call_back(handler) == []


def test_a_later_call_without_a_number_is_not_taken_for_calling_back_one_without(handler):
    # Both calls have no number (phone_key ""): "the same number" must never match them.
    call = start(handler, minutes_ago=30)
    services.end_call(
        handler, call, CallDetails(called="Jo", hung_up_at_risk=True, ended_at=ago(minutes=25))
    )
    someone_else = start(handler, minutes_ago=5)
    services.end_call(handler, someone_else, CallDetails(**{**PLAN, "called": "Sam"}))
    assert services.calls_to_call_back(handler) == [call]
    assert services.calls_to_call_back(handler)[0].last_tried is None  # type: ignore[attr-defined]


def test_a_call_back_that_was_not_answered_leaves_them_on_the_worklist(client, handler):
    # A fresh-eyes trial: the call-back rang out, and ending it (there was no "no answer")
    # took the caller at risk off the duty worklist.
    call = start(handler, minutes_ago=30)
    services.end_call(
        handler, call, CallDetails(called="Jo", phone="07700 900321", hung_up_at_risk=True)
    )
    call.refresh_from_db()
    rang_out = services.start_call(handler, back=call)
    services.end_call(
        handler,
        rang_out,
        CallDetails(
            caller="person",
            called="Jo",
            phone="07700 900321",
            outcomes=["no_answer"],
            next_steps="Try again in 20 minutes; texted the crisis numbers.",
        ),
    )
    rang_out.refresh_from_db()
    assert not rang_out.answered
    assert services.calls_to_call_back(handler) == [call]
    assert services.called_back(call) is None
    # The next duty worker sees it was tried (a second trial: "not been called since").
    assert services.tried_without_answer(call) == [rang_out]
    listed = services.calls_to_call_back(handler)[0]
    assert listed.last_tried == rang_out.started_at  # type: ignore[attr-defined]
    client.force_login(handler)
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "Tried without an answer" in page
    assert "They have not been reached since" in page
    line = client.get("/worklist").content.decode().split(f"/line/calls/{call.pk}")[1]
    assert "no answer" in line.split("</li>")[0]
    answered = services.start_call(handler, back=call)
    services.end_call(handler, answered, CallDetails(**PLAN, phone="07700 900321"))
    assert services.calls_to_call_back(handler) == []
    assert services.called_back(call) == answered


def test_a_call_back_that_rang_out_ends_without_next_steps_and_they_stay_on_the_worklist(
    handler,
):
    """A fresh-eyes trial had to invent "next steps agreed" for a call-back nobody
    answered: nothing was agreed with anyone, and the worklist keeps them."""
    call = start(handler, minutes_ago=30)
    services.end_call(
        handler, call, CallDetails(called="Jo", phone="07700 900321", hung_up_at_risk=True)
    )
    call.refresh_from_db()
    rang_out = services.start_call(handler, back=call)
    no_answer = CallDetails(caller="person", called="Jo", phone="07700 900321")
    services.end_call(handler, rang_out, dataclasses.replace(no_answer, outcomes=["no_answer"]))
    rang_out.refresh_from_db()
    assert not rang_out.is_open
    assert rang_out.next_steps == ""
    assert services.calls_to_call_back(handler) == [call]
    # Any other outcome still needs its plan.
    answered = services.start_call(handler, back=call)
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, answered, dataclasses.replace(no_answer, outcomes=["support"]))
    assert refused.value.message_dict["next_steps"] == [
        "Enter the next steps you agreed to stay safe"
    ]
    # Nor is "ok ok" a plan (helper-80).
    with pytest.raises(ValidationError) as refused:
        services.end_call(
            handler,
            answered,
            dataclasses.replace(no_answer, outcomes=["support"], next_steps="ok ok"),
        )
    assert "who will do what, and when" in refused.value.message_dict["next_steps"][0]


def test_a_first_call_that_reached_no_one_must_book_a_call_back(handler):
    """helper-76 ended a call the police had passed, about someone at risk, with "They
    did not answer" alone: it showed "None: they hung up", offered no call-back, and
    marking its words read took it off the worklist with no one ever reached."""
    call = start(handler, minutes_ago=30)
    no_answer = CallDetails(caller="police", called="Eluned", phone="07700 900456")
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, call, dataclasses.replace(no_answer, outcomes=["no_answer"]))
    assert "tick A call-back booked too" in refused.value.message_dict["outcomes"][0]
    services.end_call(
        handler,
        call,
        dataclasses.replace(
            no_answer, outcomes=["no_answer", "call_back"], call_back_at=ago(minutes=5)
        ),
    )
    call.refresh_from_db()
    assert not call.answered
    assert services.calls_to_call_back(handler) == [call]


@pytest.mark.parametrize(
    ("details", "field", "message"),
    [
        # "They did not answer" is a call-back that reached no one (a second trial ticked
        # it on an incoming call with advice given and the caller's words).
        (
            {**PLAN, "outcomes": ["no_answer", "support"]},
            "outcomes",
            "tick no other outcome but a call-back booked",
        ),
        (
            {**PLAN, "outcomes": ["no_answer"], "persons_words": "I feel awful."},
            "persons_words",
            "leave their words empty",
        ),
        # A call-back booked for nobody who can be reached, or before the call began.
        (
            {**PLAN, "outcomes": ["call_back"], "call_back_at": ago(minutes=1)},
            "phone",
            "A call-back needs their phone number",
        ),
        (
            {
                **PLAN,
                "outcomes": ["call_back"],
                "phone": "07700 900657",
                "call_back_at": ago(hours=2),
            },
            "call_back_time",
            "before the call started",
        ),
    ],
)
def test_a_call_back_that_cannot_be_made_is_refused_by_name(handler, details, field, message):
    call = start(handler, minutes_ago=30)
    details = {**details, "persons_words": details.get("persons_words", "")}
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, call, CallDetails(**details))
    assert message in refused.value.message_dict[field][0]
    call.refresh_from_db()
    assert call.is_open


def test_a_booked_call_back_comes_onto_the_worklist_when_it_is_due(client, handler):
    at = ago(minutes=5)
    call = services.end_call(
        handler,
        start(handler, minutes_ago=60),
        CallDetails(**{**PLAN, "outcomes": ["call_back"]}, phone="07700 900654", call_back_at=at),
    )
    later = services.end_call(
        handler,
        start(handler, minutes_ago=40),
        CallDetails(
            **{**PLAN, "outcomes": ["call_back"]},
            phone="07700 900655",
            call_back_at=timezone.now() + dt.timedelta(hours=2),
        ),
    )
    services.end_call(
        handler,
        start(handler, minutes_ago=4 * 24 * 60 + 60),
        CallDetails(
            **{**PLAN, "outcomes": ["call_back"]},
            phone="07700 900656",
            call_back_at=ago(days=4),
            ended_at=ago(days=4, minutes=30),
        ),
    )
    # Not the one still to come, nor a promise older than three days (in the evidence).
    assert services.calls_to_call_back(handler) == [call]
    client.force_login(handler)
    worklist = client.get("/worklist").content.decode()
    line = worklist.split(f"/line/calls/{call.pk}")[1].split("</li>")[0]
    assert "Call-back due" in line
    assert f"/line/calls/{later.pk}" not in worklist
    assert "Call them back" in client.get(f"/line/calls/{call.pk}").content.decode()
    back = services.start_call(handler, back=call)
    services.end_call(handler, back, CallDetails(**PLAN, phone="07700 900654"))
    assert services.calls_to_call_back(handler) == []


def test_words_that_signal_risk_are_screened_at_once_and_flagged(handler):
    call = start(handler)
    services.record_call(handler, call, CallDetails(persons_words="I want to end my life tonight."))
    call.refresh_from_db()
    assert "risk_to_life" in call.risk_concerns
    assert services.calls_to_call_back(handler) == [call]
    # Which layer read it, on which words, so the duty worker can judge it.
    assert "end my life" in call.risk_reason


def test_the_calls_page_says_what_the_screen_read_and_forgets_it_when_the_words_change(
    client, handler
):
    call = start(handler)
    services.record_call(handler, call, CallDetails(persons_words="I want to end my life tonight."))
    client.force_login(handler)
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "Their words may signal risk" in page
    assert "What it read:" in page
    assert "end my life" in page.split("What it read:")[1].split("</p>")[0]
    services.record_call(
        handler, call, CallDetails(persons_words="Could not sleep; talked it over.")
    )
    call.refresh_from_db()
    assert (call.risk_concerns, call.risk_reason) == ([], "")
    assert "What it read:" not in client.get(f"/line/calls/{call.pk}").content.decode()


def test_ordinary_words_raise_no_flag(handler):
    call = services.end_call(handler, start(handler), CallDetails(**PLAN))
    assert call.risk_concerns == []
    assert call.risk_reason == ""
    assert services.calls_to_call_back(handler) == []


def test_a_repeat_caller_is_recognised_by_number_with_what_was_agreed_last_time(handler):
    first = services.end_call(
        handler, start(handler, 60), CallDetails(**PLAN, phone="07700 900321")
    )
    again = start(handler, 5)
    services.record_call(handler, again, CallDetails(phone="+44 (0)7700 900 321"))
    again.refresh_from_db()
    earlier = services.earlier_call(again)
    assert earlier == first
    assert earlier.next_steps == PLAN["next_steps"]


def test_a_repeat_caller_is_recognised_by_person(handler, line):
    episode = EpisodeFactory(team=line)
    number = episode.person.nhs_number
    first = services.end_call(handler, start(handler, 60), CallDetails(**PLAN, nhs_number=number))
    again = start(handler, 5)
    services.record_call(handler, again, CallDetails(nhs_number=number))
    again.refresh_from_db()
    assert again.person == episode.person
    assert services.earlier_call(again) == first


def test_a_person_the_handler_may_not_see_is_not_linked_nor_revealed(handler):
    elsewhere = EpisodeFactory(team=TeamFactory(name="Another team")).person
    nobody = PersonFactory.build(nhs_number="9434765919").nhs_number
    call = start(handler)
    messages = []
    for number in (elsewhere.nhs_number, nobody):
        with pytest.raises(ValidationError) as refused:
            services.record_call(handler, call, CallDetails(nhs_number=number, called="Jo"))
        messages.append(refused.value.message_dict["nhs_number"])
    assert messages[0] == messages[1]  # the same words: nothing is confirmed
    call.refresh_from_db()
    assert call.person is None
    assert call.called == ""


def test_an_ended_call_cannot_be_changed(handler):
    call = services.end_call(handler, start(handler), CallDetails(**PLAN))
    with pytest.raises(ValidationError, match="has ended"):
        services.record_call(handler, call, CallDetails(called="Someone else"))
    call.refresh_from_db()
    assert call.called == "Jo"


def test_a_call_is_reached_only_through_the_handlers_line(handler, outsider):
    call = services.start_call(handler)
    with pytest.raises(Http404):
        services.call_for(outsider, call.pk)
    assert services.call_for(handler, call.pk) == call


def test_a_start_in_the_future_is_said_once_not_also_as_an_end_before_it(handler):
    """A fresh-eyes trial typed a start still to come and no end: it was told the start
    cannot be in the future and that the call cannot end before it started."""
    call = start(handler)
    later = timezone.now() + dt.timedelta(hours=2)
    with pytest.raises(ValidationError) as refused:
        services.end_call(handler, call, CallDetails(**PLAN, started_at=later))
    assert set(refused.value.message_dict) == {"started_time"}
    assert "cannot be in the future" in refused.value.message_dict["started_time"][0]
    # A start in the past after the end typed is still refused, on the end.
    with pytest.raises(ValidationError) as refused:
        services.end_call(
            handler,
            call,
            CallDetails(**PLAN, started_at=ago(minutes=10), ended_at=ago(minutes=20)),
        )
    assert "cannot end before it started" in refused.value.message_dict["ended_time"][0]
