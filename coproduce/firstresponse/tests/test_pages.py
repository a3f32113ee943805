"""The line's and the Sanctuary's pages, as staff use them."""

import datetime as dt
import re
from typing import Any

from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.firstresponse import services
from coproduce.firstresponse.forms import CallForm
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.firstresponse.services import Arrival, CallDetails, arrive
from coproduce.firstresponse.tests.conftest import ago
from coproduce.lib.validators import number_key
from coproduce.tooling.testing.factories import UserFactory, sent_once


def test_start_a_call_opens_it_in_one_click_and_a_double_click_opens_one(client, handler):
    client.force_login(handler)
    data = sent_once({})
    first = client.post("/line/calls", data)
    again = client.post("/line/calls", data)
    call = Call.objects.get()
    assert first["Location"] == again["Location"] == f"/line/calls/{call.pk}"


def test_the_line_tells_someone_on_no_line_team_why_it_is_empty(client, line):
    """Found by a fresh-eyes trial: someone on a response vehicle team only was shown a
    sentence beginning with a full stop and a "Start a call" button that then refused."""
    vehicle_only = UserFactory(username="vehicle", role=Role.PRACTITIONER)
    client.force_login(vehicle_only)
    page = client.get("/line").content.decode()
    assert "You are not on a crisis line team" in page
    assert "Start a call" not in page
    assert "<p>. Calls today" not in page
    assert "Open calls" not in page  # no empty lists that read as a quiet night
    worklist = client.get("/worklist").content.decode()
    assert "Callers to call back" not in worklist
    assert "Still at the Sanctuary after closing" not in worklist


def test_the_sanctuary_tells_someone_on_no_sanctuary_team_why_it_is_empty(client, line, sanctuary):
    """Found by a fresh-eyes trial: /sanctuary answered "Page not found" to a practitioner
    on no Sanctuary team, and the menu offered it and the line all the same."""
    vehicle_only = UserFactory(username="vehicle", role=Role.PRACTITIONER)
    client.force_login(vehicle_only)
    response = client.get("/sanctuary")
    assert response.status_code == 200
    page = response.content.decode()
    assert "You are not on a Sanctuary team" in page
    assert "A guest arrives" not in page
    assert 'href="/sanctuary"' not in page
    assert 'href="/line"' not in page
    line.staff.add(vehicle_only)
    page = client.get("/worklist").content.decode()
    assert 'href="/line"' in page
    assert 'href="/sanctuary"' not in page
    sanctuary.staff.add(vehicle_only)
    page = client.get("/sanctuary").content.decode()
    assert 'href="/sanctuary"' in page
    assert "A guest arrives" in page


def an_open_call(client, handler, **fields: Any) -> tuple[Call, dict[str, Any]]:
    """A call the handler has just opened, and its form to end it, started now."""
    client.force_login(handler)
    client.post("/line/calls", sent_once({}))
    now = timezone.localtime()
    started = {"started_on": f"{now:%d/%m/%Y}", "started_time": f"{now:%H:%M}"}
    return Call.objects.get(), {"caller": "person", **started, "end": "1", **fields}


def test_ending_a_call_without_a_plan_is_refused_with_a_message_and_nothing_lost(client, handler):
    call, form = an_open_call(client, handler, called="Jo", persons_words="I could not sleep.")
    response = client.post(f"/line/calls/{call.pk}", form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "never end a call without a plan" in page
    assert 'value="Jo"' in page  # what was typed is still in the form
    call.refresh_from_db()
    assert call.is_open
    form |= {"outcomes": ["support"], "next_steps": "Ring back if it gets worse."}
    assert client.post(f"/line/calls/{call.pk}", form)["Location"] == "/line"
    call.refresh_from_db()
    assert not call.is_open


def test_the_line_marks_a_repeat_caller(client, handler, line):
    for minutes in (90, 5):
        Call.objects.create(
            team=line, handler=handler, started_at=ago(minutes=minutes), phone_key="07700900321"
        )
    client.force_login(handler)
    page = client.get("/line").content.decode()
    assert page.count("Called before") == 1


def test_the_sanctuary_shows_no_names(client, handler, sanctuary):
    arrive(handler, sanctuary, Arrival(came="self", called="Alexandra"))
    arrive(handler, sanctuary, Arrival(came="friend", called="Samuel", shown_as="Blue"))
    client.force_login(handler)
    page = client.get("/sanctuary").content.decode()
    assert "Alexandra" not in page
    assert "Samuel" not in page
    assert re.search(r">A\.<", page)
    assert "Blue" in page


def test_a_full_sanctuary_asks_why_on_the_arrival_page(client, handler, sanctuary):
    sanctuary.opens_at = sanctuary.closes_at = None  # open now, whatever the time the test runs
    sanctuary.save()
    for name in ("Alex", "Sam"):
        arrive(handler, sanctuary, Arrival(came="self", called=name))
    client.force_login(handler)
    response = client.post("/sanctuary/arrivals", sent_once({"came": "self", "called": "Kai"}))
    assert response.status_code == 400
    assert "The Sanctuary is full" in response.content.decode()
    assert SanctuaryVisit.objects.count() == 2


def test_an_arrival_recorded_while_the_sanctuary_is_closed_says_what_follows(
    client, handler, sanctuary
):
    """helper-78 recorded a guest at 16:25, before the Sanctuary opened, and was not told
    why they showed "After closing" at once."""
    now = timezone.localtime()
    hours = (now + dt.timedelta(hours=3)).time(), (now + dt.timedelta(hours=6)).time()
    sanctuary.opens_at, sanctuary.closes_at = (t.replace(second=0, microsecond=0) for t in hours)
    sanctuary.save()
    client.force_login(handler)
    page = client.post(
        "/sanctuary/arrivals", sent_once({"came": "self", "called": "Kai"}), follow=True
    ).content.decode()
    assert f"The Sanctuary is closed at {now:%H:%M} (open " in page
    # Nearer the opening than last night's closing: tonight's early guest (helper-79 saw
    # one who came at 14:00 "after closing" all evening).
    assert "K. is on tonight&#39;s list, before it opens." in page
    assert "After closing" not in page
    # Nearer last night's closing (closed two hours ago, opening in fifteen): after it.
    hours = (now + dt.timedelta(hours=15)).time(), (now - dt.timedelta(hours=2)).time()
    sanctuary.opens_at, sanctuary.closes_at = (t.replace(second=0, microsecond=0) for t in hours)
    sanctuary.save()
    page = client.post(
        "/sanctuary/arrivals", sent_once({"came": "self", "called": "Mo"}), follow=True
    ).content.decode()
    assert "M. shows as here after closing, on the worklist, until you record them leaving" in page
    assert "After closing" in page
    # Not also "on tonight's list" (helper-80 read both at 03:10).
    assert "M. is on tonight&#39;s list" not in page
    assert "M. is welcomed." in page
    # While it is open, nothing more is said.
    sanctuary.opens_at = (now - dt.timedelta(hours=1)).time()
    sanctuary.closes_at = (now + dt.timedelta(hours=3)).time()
    sanctuary.capacity = 5
    sanctuary.save()
    page = client.post(
        "/sanctuary/arrivals", sent_once({"came": "self", "called": "Lee"}), follow=True
    ).content.decode()
    assert "L. is on tonight&#39;s list" in page
    assert "shows as here after closing" not in page


def test_a_guest_here_since_last_night_is_shown_as_yesterday(client, handler, sanctuary):
    """helper-79 read "here since 22:21" of a guest who came the night before, as if the
    time were still to come."""
    last_night = (timezone.localtime() - dt.timedelta(days=1)).replace(hour=22, minute=21)
    visit = SanctuaryVisit.objects.create(
        team=sanctuary, welcomed_by=handler, called="Sam", arrived_at=last_night, came="self"
    )
    client.force_login(handler)
    assert "On their own, 22:21 yesterday" in client.get("/sanctuary").content.decode()
    departure = client.get(f"/sanctuary/guests/{visit.pk}/leaving").content.decode()
    assert "S., here since 22:21 yesterday" in departure


def test_the_worklist_shows_calls_to_call_back_and_guests_after_closing(
    client, handler, line, sanctuary
):
    Call.objects.create(
        team=line,
        handler=handler,
        started_at=ago(minutes=30),
        ended_at=ago(minutes=20),
        called="Jo",
        hung_up_at_risk=True,
        outcomes=["call_back"],
    )
    SanctuaryVisit.objects.create(
        team=sanctuary, welcomed_by=handler, called="Sam", arrived_at=ago(days=1), came="self"
    )
    client.force_login(handler)
    page = client.get("/worklist").content.decode()
    assert "Callers to call back (1)" in page
    assert "Still at the Sanctuary after closing (1)" in page
    assert "Sam" not in page


def test_a_caller_who_hung_up_at_risk_is_called_back_from_their_calls_page(
    client, handler, line, outsider
):
    """Found by a fresh-eyes trial: the worklist listed a caller who hung up at risk, and
    their call's page offered no way to record the call-back."""
    hung_up = Call.objects.create(
        team=line,
        handler=handler,
        started_at=ago(minutes=10),
        ended_at=ago(minutes=8),
        caller="carer",
        called="Jo",
        phone="07700 900321",
        phone_key="07700900321",
        hung_up_at_risk=True,
        outcomes=["call_back"],
    )
    no_number = Call.objects.create(
        team=line,
        handler=handler,
        started_at=ago(minutes=9),
        ended_at=ago(minutes=7),
        hung_up_at_risk=True,
        outcomes=["call_back"],
    )
    client.force_login(handler)
    page = client.get(f"/line/calls/{hung_up.pk}").content.decode()
    assert "They have not been called since." in page
    assert f'name="back" value="{hung_up.pk}"' in page
    page = client.get(f"/line/calls/{no_number.pk}").content.decode()
    assert "they cannot be called back" in page
    # Not "A call-back booked" for someone nobody can call (a fresh-eyes trial).
    assert "A call-back booked" not in page
    assert "None: they hung up at risk and left no number to call back" in page
    assert "nobody can call them back" in page
    assert hung_up.outcome_labels == ["To be called back: they hung up at risk"]
    assert 'name="back"' not in page
    refused = client.post("/line/calls", sent_once({"back": str(no_number.pk)}), follow=True)
    assert "cannot be called back from here" in refused.content.decode()
    assert Call.objects.count() == 2
    tampered = client.post("/line/calls", sent_once({"back": "1; drop"}))
    assert tampered.status_code == 404  # refused, not taken as a new call
    assert Call.objects.count() == 2
    client.force_login(outsider)  # not on the line: not their caller to call
    assert client.post("/line/calls", sent_once({"back": str(hung_up.pk)})).status_code == 404
    client.force_login(handler)
    opened = client.post("/line/calls", sent_once({"back": str(hung_up.pk)}))
    back = Call.objects.latest("pk")
    assert opened["Location"] == f"/line/calls/{back.pk}"
    assert (back.is_open, back.caller, back.called, back.phone_key, back.team) == (
        True,
        "carer",
        "Jo",
        "07700900321",
        line,
    )
    assert "they hung up, at risk" in client.get(opened["Location"]).content.decode()
    assert AuditEvent.objects.filter(detail=f"calling back call {hung_up.pk}").exists()
    assert "Callers to call back (2)" in client.get("/worklist").content.decode()
    services.end_call(handler, back, CallDetails(**PLAN, phone=back.phone))  # as the form posts it
    assert "Callers to call back (1)" in client.get("/worklist").content.decode()
    page = client.get(f"/line/calls/{hung_up.pk}").content.decode()
    assert f'Called back: <a href="/line/calls/{back.pk}">' in page
    if timezone.localtime(ago(minutes=10)).date() == timezone.localdate():  # on /line today
        line_page = client.get("/line").content.decode()
        assert line_page.count("Hung up at risk: called back") == 1  # Jo
        # The one with no number: not "call back" (a fresh-eyes trial).
        assert line_page.count("Hung up at risk: call back<") == 0
        assert line_page.count("Hung up at risk: no number, note what was done<") == 1


PLAN: dict[str, Any] = {
    "caller": "person",
    "called": "Jo",
    "next_steps": "Jo will ring her sister in the morning.",
    "outcomes": ["support"],
}


def test_a_wrong_time_opens_the_folded_section_it_is_in(client, handler):
    """The start and end times, and a guest's arrival time, sit in a folded section; a
    refusal about them opens it, so the error summary's link reaches the field (found by
    a fresh-eyes trial: the link did nothing)."""
    client.force_login(handler)
    client.post("/line/calls", sent_once({}))
    call = Call.objects.get()
    now = timezone.localtime()
    form = {
        "caller": "person",
        "outcomes": ["support"],
        "next_steps": "Ring back if it gets worse.",
        "started_on": f"{now:%d/%m/%Y}",
        "started_time": f"{now:%H:%M}",
        "ended_on": f"{now - dt.timedelta(days=1):%d/%m/%Y}",
        "ended_time": f"{now:%H:%M}",
        "end": "1",
    }
    refused = client.post(f"/line/calls/{call.pk}", form)
    assert refused.status_code == 400
    assert "cannot end before it started" in refused.content.decode()
    assert re.search(r'<details class="nhsuk-details"\s+open>', refused.content.decode())
    saved = client.post(f"/line/calls/{call.pk}", {**form, "ended_on": "", "ended_time": ""})
    assert saved.status_code == 302

    arrival = client.post(
        "/sanctuary/arrivals", sent_once({"came": "self", "called": "Kai", "arrived_time": "99:99"})
    )
    assert arrival.status_code == 400
    assert re.search(r'<details class="nhsuk-details"\s+open>', arrival.content.decode())
    fresh = client.get("/sanctuary/arrivals").content.decode()
    assert not re.search(r'<details class="nhsuk-details"\s+open>', fresh)


def test_a_time_that_is_not_one_is_named_with_every_other_fault_at_once(client, handler):
    """Found by a fresh-eyes trial: a call ended with "25:00" as its start was refused
    for the time alone; the missing plan and the phone number were named only once the
    time was mended, one refusal after another. Nothing is saved while any is wrong."""
    call, form = an_open_call(
        client,
        handler,
        called="Jo",
        phone="12",
        feedback_agreed="on",
        feedback_mobile="12",
        persons_words="I could not sleep.",
        started_time="25:00",
    )
    refused = client.post(f"/line/calls/{call.pk}", form)
    assert refused.status_code == 400
    said = summary(refused)
    assert "Enter the time of the start of the call from 00:00 to 23:59, like 14:30" in said
    assert "Enter the whole phone number, like 07700 900 982: this has 2 digits" in said
    assert "never end a call without a plan" in said
    assert "Enter the next steps you agreed" in said
    assert "Enter a UK mobile number" in said  # for the question after the call
    assert 'value="Jo"' in refused.content.decode()
    call.refresh_from_db()
    assert call.is_open
    assert call.phone == ""
    # The other times are not judged against one that cannot be read.
    form |= {"outcomes": ["call_back"], "call_back_time": "00:01", "next_steps": "Ring."}
    said = summary(client.post(f"/line/calls/{call.pk}", form))
    assert "call-back" not in said
    assert "Enter the whole phone number, like 07700 900 982: this has 2 digits" in said
    assert "never end a call" not in said
    assert "Enter a UK mobile number" in said


def test_a_plan_typed_in_a_tab_of_a_call_ended_in_another_is_shown_not_lost(client, handler):
    """Helper-73 ended a call in one tab, then changed the next steps in another and
    pressed End: the ended call came back with the first plan and no word that the new
    one was not saved. Now it says so, and shows what was typed, to copy."""
    call, form = an_open_call(
        client, handler, outcomes=["support"], next_steps="Ring back if it gets worse."
    )
    assert client.post(f"/line/calls/{call.pk}", form).status_code == 302
    stale = client.post(
        f"/line/calls/{call.pk}", {**form, "next_steps": "Her sister <b>will</b> stay tonight."}
    )
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Not saved: this call had already ended" in page
    assert "Her sister &lt;b&gt;will&lt;/b&gt; stay tonight." in page
    assert "Next steps agreed to stay safe" in page
    call.refresh_from_db()
    assert call.next_steps == "Ring back if it gets worse."
    # Pressed again with nothing different: it says the call had ended, and lists nothing.
    again = client.post(f"/line/calls/{call.pk}", form).content.decode()
    assert "Not saved: this call had already ended" in again
    assert "What you typed that differs" not in again


def summary(response) -> str:
    page = response.content.decode()
    start = page.index("nhsuk-error-summary__list")
    return page[start : page.index("</ul>", start)]


def test_ending_a_call_records_when_it_ended_not_when_the_form_was_opened(client, handler, line):
    """Found by a fresh-eyes trial: the end time was filled in when the form opened, so a
    call ended minutes later was saved as lasting 0 minutes."""
    call = Call.objects.create(team=line, handler=handler, started_at=ago(minutes=12))
    client.force_login(handler)
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert 'name="ended_time"' in page
    assert not re.search(r'name="ended_time"[^>]*value="\d', page)  # left empty: "now"
    started = timezone.localtime(call.started_at)
    ended = client.post(
        f"/line/calls/{call.pk}",
        {
            "caller": "person",
            "outcomes": ["support"],
            "next_steps": "Ring back if it gets worse.",
            "started_on": f"{started:%d/%m/%Y}",
            "started_time": f"{started:%H:%M}",
            "ended_on": "",
            "ended_time": "",
            "end": "1",
        },
    )
    assert ended.status_code == 302
    call.refresh_from_db()
    assert call.minutes >= 11
    # An ended call's own end time is what a correction starts from.
    assert CallForm.initial_for(call)["ended_time"] == f"{timezone.localtime(call.ended_at):%H:%M}"


def test_a_call_opened_by_mistake_is_discarded_but_never_one_with_anything_in_it(
    client, handler, line
):
    """A mis-click on Start a call left an empty open call for good (found by a
    fresh-eyes trial: empty calls piled up as 'open'). Discarding is offered only while
    nothing is recorded, only to its handler, and audited; a call with anything in it is
    ended with a plan, as any call is."""
    client.force_login(handler)
    client.post("/line/calls", sent_once({}))
    call = Call.objects.get()
    assert "Discard this call" in client.get(f"/line/calls/{call.pk}").content.decode()
    colleague = UserFactory(username="colleague", role=Role.PRACTITIONER)
    line.staff.add(colleague)
    client.force_login(colleague)
    refused = client.post(f"/line/calls/{call.pk}/discard")
    assert refused["Location"] == f"/line/calls/{call.pk}"
    assert Call.objects.filter(pk=call.pk).exists()
    client.force_login(handler)
    Call.objects.filter(pk=call.pk).update(called="Jo")
    assert "Discard this call" not in client.get(f"/line/calls/{call.pk}").content.decode()
    assert client.post(f"/line/calls/{call.pk}/discard")["Location"] == f"/line/calls/{call.pk}"
    assert Call.objects.filter(pk=call.pk).exists()
    Call.objects.filter(pk=call.pk).update(called="")
    assert client.post(f"/line/calls/{call.pk}/discard")["Location"] == "/line"
    assert not Call.objects.exists()
    assert AuditEvent.objects.filter(
        actor=handler, record_id=str(call.pk), detail="discarded: opened by mistake"
    ).exists()


def hung_up(line, handler, minutes_ago=30, phone="", **fields):
    """An ended call whose caller hung up at risk (with its number's key, if a number)."""
    return Call.objects.create(
        team=line,
        handler=handler,
        started_at=ago(minutes=minutes_ago),
        ended_at=ago(minutes=minutes_ago - 5),
        phone=phone,
        phone_key=number_key(phone) if phone else "",
        hung_up_at_risk=True,
        **fields,
    )


def test_a_call_back_opened_by_mistake_is_discarded_and_the_caller_stays_on_the_worklist(
    client, handler, line
):
    """A fresh-eyes trial opened "Call them back" by mistake: the call-back starts with
    the caller's details, so it was never blank, and could only be ended, as a call."""
    at_risk = hung_up(line, handler, called="Jo", phone="07700 900321")
    client.force_login(handler)
    client.post("/line/calls", sent_once({"back": str(at_risk.pk)}))
    back = Call.objects.get(calling_back=at_risk)
    assert (back.called, back.phone) == ("Jo", "07700 900321")
    assert "Discard this call" in client.get(f"/line/calls/{back.pk}").content.decode()
    # Anything the handler changes or adds is recorded: a plan is needed then.
    Call.objects.filter(pk=back.pk).update(phone="07700 900999")
    assert client.post(f"/line/calls/{back.pk}/discard")["Location"] == f"/line/calls/{back.pk}"
    Call.objects.filter(pk=back.pk).update(phone="07700 900321", persons_words="Hello")
    assert client.post(f"/line/calls/{back.pk}/discard")["Location"] == f"/line/calls/{back.pk}"
    Call.objects.filter(pk=back.pk).update(persons_words="")
    # Opened in the browser, the address goes to the call's page and discards nothing.
    assert client.get(f"/line/calls/{back.pk}/discard")["Location"] == f"/line/calls/{back.pk}"
    assert client.post(f"/line/calls/{back.pk}/discard")["Location"] == "/line"
    assert not Call.objects.filter(pk=back.pk).exists()
    assert services.calls_to_call_back(handler) == [at_risk]


def test_what_was_typed_into_a_call_discarded_in_another_tab_is_kept_in_a_new_one(
    client, handler, line
):
    """A fresh-eyes trial discarded a blank call in one tab while typing into it in
    another: ending it there showed "Page not found" and what was typed was lost."""
    client.force_login(handler)
    client.post("/line/calls", sent_once({}))
    call = Call.objects.get()
    assert client.post(f"/line/calls/{call.pk}/discard")["Location"] == "/line"
    # Reloaded in the other tab, it says so rather than "Page not found".
    reloaded = client.get(f"/line/calls/{call.pk}", follow=True)
    assert "That call was discarded as opened by mistake." in reloaded.content.decode()
    now = timezone.localtime()
    typed = {
        **PLAN,
        "persons_words": "Things have been really hard this week.",
        "started_on": f"{now:%d/%m/%Y}",
        "started_time": f"{now:%H:%M}",
        "end": "1",
    }
    kept = client.post(f"/line/calls/{call.pk}", typed)
    assert kept.status_code == 409
    page = kept.content.decode()
    assert "discarded in another tab" in page
    assert "Things have been really hard this week." in page
    assert "Jo will ring her sister in the morning." in page
    # One new open call, nothing ended without the handler checking it; posted again
    # (a double click, the browser's re-post), the same call, not a second.
    again = client.post(f"/line/calls/{call.pk}", typed)
    reopened = Call.objects.get()
    assert reopened.pk != call.pk
    assert reopened.is_open
    assert reopened.handler == handler
    assert f'action="/line/calls/{reopened.pk}"' in page
    assert f'action="/line/calls/{reopened.pk}"' in again.content.decode()
    assert client.post(f"/line/calls/{reopened.pk}", typed)["Location"] == "/line"
    reopened.refresh_from_db()
    assert reopened.persons_words == typed["persons_words"]
    assert not reopened.is_open
    # Only the handler who discarded it gets a new call; anyone else, and a call never
    # discarded, are "not found" as before.
    other = UserFactory(username="colleague", role=Role.PRACTITIONER)
    line.staff.add(other)
    client.force_login(other)
    assert client.post(f"/line/calls/{call.pk}", typed).status_code == 404
    assert client.post("/line/calls/999999", typed).status_code == 404
    assert client.get(f"/line/calls/{call.pk}").status_code == 404
    assert Call.objects.count() == 1


def test_a_call_back_discarded_in_another_tab_comes_back_as_a_call_back(client, handler, line):
    at_risk = hung_up(line, handler, called="Jo", phone="07700 900321")
    client.force_login(handler)
    client.post("/line/calls", sent_once({"back": str(at_risk.pk)}))
    back = Call.objects.get(calling_back=at_risk)
    client.post(f"/line/calls/{back.pk}/discard")
    form = {**CallForm.initial_for(back), "persons_words": "They picked up."}
    form = {k: v for k, v in form.items() if v is not None}
    assert client.post(f"/line/calls/{back.pk}", form).status_code == 409
    again = Call.objects.get(calling_back=at_risk)
    assert again.pk != back.pk
    assert (again.called, again.phone) == ("Jo", "07700 900321")


def test_a_handler_marks_flagged_words_as_read_with_what_they_judged(client, handler, line):
    """A fresh-eyes trial's call-back notes ("safer than earlier") were read as a risk and
    stayed on the duty worklist for a day with no way to say someone had read them."""
    words = "I wanted to end my life earlier but I feel safer now after talking."
    call = services.start_call(handler)
    services.end_call(
        handler, call, CallDetails(**{**PLAN, "persons_words": words, "risk_checked": True})
    )
    call.refresh_from_db()
    assert call.risk_concerns
    assert services.calls_to_call_back(handler) == [call]
    client.force_login(handler)
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "Mark their words as read" in page
    # "x" is not a judgement: refused by name, nothing changed.
    refused = client.post(f"/line/calls/{call.pk}/risk-read", {"note": "x"})
    assert refused.status_code == 400
    assert "Say in a short sentence what you judged, at least 3 different words" in (
        refused.content.decode()
    )
    mashed = client.post(
        f"/line/calls/{call.pk}/risk-read", {"note": "asdfghjkl qwertyuiop zxcvbnm"}
    )
    assert "reads as letters typed at random" in mashed.content.decode()  # helper-84
    assert services.calls_to_call_back(handler) == [call]
    judged = "They said they feel safer; plan agreed to call back if it changes."
    read = client.post(f"/line/calls/{call.pk}/risk-read", {"note": judged})
    assert read["Location"] == f"/line/calls/{call.pk}"
    assert services.calls_to_call_back(handler) == []
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert f"judged: {judged}" in page
    assert "Mark their words as read" not in page
    assert AuditEvent.objects.filter(
        actor=handler, record_id=str(call.pk), detail="words flagged as a risk: read and judged"
    ).exists()
    # A second reader (a stale tab) is told who read it, and nothing changes.
    again = client.post(
        f"/line/calls/{call.pk}/risk-read", {"note": "Read it again, all fine here."}
    )
    assert again.status_code == 400
    assert "Already read by" in again.content.decode()
    call.refresh_from_db()
    assert call.risk_read_note == judged


def test_words_are_never_marked_read_for_a_caller_who_hung_up_at_risk_or_an_open_call(
    client, handler, line
):
    open_call = services.start_call(handler)
    hung_up = services.start_call(handler)
    services.end_call(
        handler,
        hung_up,
        CallDetails(
            called="Jo",
            phone="07700 900321",
            hung_up_at_risk=True,
            persons_words="I want to end my life tonight.",
        ),
    )
    client.force_login(handler)
    for call in (open_call, hung_up):
        refused = client.post(
            f"/line/calls/{call.pk}/risk-read", {"note": "Read it, they are fine now."}
        )
        assert refused.status_code == 400
        call.refresh_from_db()
        assert call.risk_read_at is None
    assert hung_up in services.calls_to_call_back(handler)
    outsider = UserFactory(username="outsider", role=Role.PRACTITIONER)
    client.force_login(outsider)
    assert client.post(f"/line/calls/{hung_up.pk}/risk-read", {"note": "Read it."}).status_code in {
        403,
        404,
    }


def test_a_second_call_back_is_not_opened_while_one_is_and_the_call_says_who_is_calling(
    client, handler, line
):
    """A fresh-eyes trial opened a second call-back while the first was open: the caller's
    call still offered Call them back, and the second call-back no longer said they had
    hung up at risk."""
    at_risk = hung_up(line, handler, called="Ash", phone="07700 900321")
    colleague = UserFactory(username="colleague", first_name="Cy", role=Role.PRACTITIONER)
    line.staff.add(colleague)
    client.force_login(handler)
    client.post("/line/calls", sent_once({"back": str(at_risk.pk)}))
    first = Call.objects.get(calling_back=at_risk)
    own = client.get(f"/line/calls/{first.pk}").content.decode()
    assert "Calling them back" in own
    assert "they hung up, at risk" in own
    client.force_login(colleague)
    page = client.get(f"/line/calls/{at_risk.pk}").content.decode()
    assert "Being called back now" in page
    assert handler.name_and_role in page
    refused = client.post("/line/calls", sent_once({"back": str(at_risk.pk)}), follow=True)
    assert "is calling them back now" in refused.content.decode()
    assert Call.objects.filter(calling_back=at_risk).count() == 1
    # Nor may the colleague discard the handler's call-back: they are not offered it.
    assert "Discard this call" not in client.get(f"/line/calls/{first.pk}").content.decode()


def test_a_caller_who_hung_up_at_risk_and_cannot_be_reached_leaves_the_worklist_once_noted(
    client, handler, line
):
    """No number and no record: no one can call them back, and a fresh-eyes trial found
    them on the worklist for good."""
    call = hung_up(
        line, handler, called="Zoë", area="Near the river in Ely", risk_concerns=["risk_to_life"]
    )
    assert services.calls_to_call_back(handler) == [call]
    client.force_login(handler)
    page = client.get(f"/line/calls/{call.pk}").content.decode()
    assert "Note what was done" in page
    # The worklist says it in words that read (helper-80: "Hung up at risk no number").
    assert "Hung up at risk</strong>: no number given" in client.get("/worklist").content.decode()
    # Refused as the page asks it: what was done, not what was judged (helper-79).
    refused = client.post(f"/line/calls/{call.pk}/risk-read", {"note": "ok ok"}).content.decode()
    assert "Say in a short sentence what was done, at least 3 different words" in refused
    assert "what you judged" not in refused
    # "nothing to do" says nothing was done, not why (helper-80, of a caller who had
    # taken tablets).
    refused = client.post(f"/line/calls/{call.pk}/risk-read", {"note": "nothing to do"})
    assert refused.status_code == 400
    # Told why, not asked for three words it has (helper-82).
    assert "not only that nothing was" in refused.content.decode()
    done = "Police asked to check the riverside in Ely; they will ring back."
    client.post(f"/line/calls/{call.pk}/risk-read", {"note": done})
    assert services.calls_to_call_back(handler) == []
    noted = client.get(f"/line/calls/{call.pk}").content.decode()
    assert noted.count(done.rstrip(".")) == 1  # said once (helper-82 read it twice)
    assert ".." not in noted.split("<main")[1]
    # The page says it was noted, not that it is still on the worklist (helper-80 read
    # both at once).
    assert "noted at" in noted
    assert "call is on the duty worklist" not in noted
    # A caller who can be reached is called back, never noted.
    reachable = hung_up(line, handler, minutes_ago=20, phone="07700 900999")
    refused = client.post(f"/line/calls/{reachable.pk}/risk-read", {"note": done})
    assert refused.status_code == 400
    assert services.calls_to_call_back(handler) == [reachable]
    # Opened in the browser, the address goes to the call's page.
    assert client.get(f"/line/calls/{call.pk}/risk-read")["Location"] == f"/line/calls/{call.pk}"


def test_an_ended_call_with_no_name_says_not_given_not_yet(client, handler, line):
    """helper-80 read "Not given yet" of a call long ended."""
    hung_up(line, handler)
    client.force_login(handler)
    page = client.get("/line").content.decode()
    assert re.search(r"Not given(?! yet)", page)
    assert "Not given yet" not in page


def test_ending_a_call_whose_words_signal_risk_asks_the_handler_to_check_first(client, handler):
    """helper-83 ended "I took twenty paracetamol about an hour ago" as safe at home, with
    no word from the page, and a "how was it for you?" text was booked for 09:00."""
    from coproduce.messaging.models import Message

    call, form = an_open_call(
        client,
        handler,
        persons_words="I took twenty paracetamol about an hour ago and I feel sick",
        outcomes=["safe_at_home"],
        next_steps="Stay with her partner tonight.",
        feedback_agreed="on",
        feedback_mobile="07700 900982",
    )
    refused = client.post(f"/line/calls/{call.pk}", form)
    assert refused.status_code == 400
    assert "Their words may signal risk (to life)" in summary(refused)
    assert "the outcome and next steps stand" in refused.content.decode()
    call.refresh_from_db()
    assert call.is_open
    ended = client.post(f"/line/calls/{call.pk}", {**form, "risk_checked": "on"}, follow=True)
    assert ended.redirect_chain[-1][1] == 302
    # Not "They were texted the question after an earlier call" (helper-84).
    assert "The question is not texted: their words may signal risk." in ended.content.decode()
    assert "earlier call or visit today" not in ended.content.decode()
    call.refresh_from_db()
    assert not call.is_open
    assert call.risk_concerns
    assert services.calls_to_call_back(handler) == [call]  # someone still reads them
    # No question about how it was, while their words may signal risk.
    assert not Message.objects.filter(to="07700900982").exists()
    assert call.feedback_state == "Not sent: their words may signal risk"
    # (Words that signal nothing need no tick: the other tests here end such calls.)
