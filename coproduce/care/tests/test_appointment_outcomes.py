"""What happened at a booked appointment: the contact it was, or that the person did not
come, or that it was cancelled. Before, nothing could be recorded, so every review ever
booked stayed "due or overdue" on the worklist for good (found by a fresh-eyes trial)."""

import datetime as dt
import re
import threading
import time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.accounts.submissions import new_token
from coproduce.care import episodes, referrals, services
from coproduce.care.models import Appointment, Contact
from coproduce.tooling.testing.factories import ReferralFactory, TeamFactory, UserFactory, sent_once

LONDON = ZoneInfo("Europe/London")
ACCEPTED = dt.datetime(2026, 11, 2, 9, 30, tzinfo=LONDON)
INITIAL = dt.datetime(2026, 11, 2, 14, 0, tzinfo=LONDON)
HOUR = dt.timedelta(hours=1)
SECONDS = dt.timedelta(seconds=27)

LISTEN: dict[str, Any] = {
    "mode": "face_to_face",
    "persons_words": "Sleeping a bit better since the visit.",
    "carer_informed": "no_carer",
    "shared_understanding": "Nights are still the hardest.",
    "feelings_validated": "Said it makes sense to still feel raw.",
    "next_steps": "Review on day 7; the crisis line number is on the fridge.",
}


@pytest.fixture
def accepted(team, lead):
    referral = ReferralFactory(team=team, received_at=ACCEPTED - dt.timedelta(hours=2))
    return referrals.accept_referral(
        lead, referral, lead=lead, named_team=[lead], initial_at=INITIAL, accepted_at=ACCEPTED
    )


def due_on_the_worklist(client):
    body = client.get("/worklist").content.decode()
    section = body.split("Appointments and reviews due today, overdue or missed")[1]
    section = section.split("<h2>")[0]
    return re.findall(r"(Initial appointment[^,]*|Review \(day \d+\)|Other appointment)", section)


def test_the_contact_an_appointment_was_marks_it_attended_and_takes_it_off_the_worklist(
    client, lead, accepted
):
    initial = accepted.appointments.get(kind="initial")
    client.force_login(lead)
    assert due_on_the_worklist(client) == [
        "Initial appointment with the lead practitioner",
        "Review (day 7)",
        "Review (day 14)",
    ]
    assert f'href="/appointments/{initial.pk}"' in client.get("/worklist").content.decode()
    page = client.get(f"/appointments/{initial.pk}").content.decode()
    assert "What happened at the appointment" in page
    assert "They came: record the contact" in page

    came = client.post(f"/appointments/{initial.pk}", sent_once({"status": "attended"}))
    assert came.status_code == 302
    assert came["Location"] == f"/episodes/{accepted.pk}/contacts/new?appointment={initial.pk}"
    initial.refresh_from_db()
    assert initial.status == "booked"  # nothing is recorded until the contact is

    form = client.get(came["Location"]).content.decode()
    assert "This contact is the initial appointment with the lead practitioner" in form
    assert "Recording it marks the appointment attended" in form
    assert 'value="02/11/2026"' in form  # held at its time, most likely
    assert 'value="14:00"' in form
    recorded = client.post(
        came["Location"],
        sent_once(
            {
                **LISTEN,
                "occurred_on": "02/11/2026",
                "occurred_time": "14:10",
                "appointment": str(initial.pk),
            }
        ),
    )
    assert recorded.status_code == 302
    contact = Contact.objects.get()
    assert contact.appointment == initial
    initial.refresh_from_db()
    assert initial.status == "attended"
    assert initial.outcome_recorded_by == lead
    assert AuditEvent.objects.filter(
        action="changed", record_type="care.appointment", record_id=str(initial.pk)
    ).exists()
    assert due_on_the_worklist(client) == ["Review (day 7)", "Review (day 14)"]
    episode_page = client.get(f"/episodes/{accepted.pk}").content.decode()
    assert "Attended" in episode_page


def test_they_did_not_come_needs_what_happens_now_and_is_recorded_once(client, lead, accepted):
    review = accepted.appointments.get(review_day=7)
    client.force_login(lead)
    for nothing in ("", "   ", "\u200b\u200b", "x", "ok ok ok"):
        missing = client.post(
            f"/appointments/{review.pk}", sent_once({"status": "did_not_attend", "note": nothing})
        )
        assert missing.status_code == 400, nothing
        assert "Say what you will do now they did not come" in missing.content.decode()
    review.refresh_from_db()
    assert review.status == "booked"

    form = {"status": "did_not_attend", "note": "Phone today; visit tomorrow if no answer."}
    done = client.post(f"/appointments/{review.pk}", sent_once(form))
    assert done.status_code == 302
    assert done["Location"] == f"/episodes/{accepted.pk}"
    review.refresh_from_db()
    assert (review.status, review.outcome_recorded_by) == ("did_not_attend", lead)
    episode_page = client.get(done["Location"]).content.decode()
    assert "Did not come: Phone today; visit tomorrow if no answer." in episode_page
    # Missed, it stays on the worklist with what happens now, until they are reached.
    assert "Review (day 7)" in due_on_the_worklist(client)
    line = client.get("/worklist").content.decode().split("Review (day 7)")[1].split("</li>")[0]
    assert "Did not come" in line
    assert "Phone today; visit tomorrow if no answer." in line
    assert f'href="/episodes/{accepted.pk}/contacts/new"' in line
    assert "record what happened" not in line
    # Nothing was contact: the person still counts as out of contact since acceptance.
    assert not Contact.objects.exists()

    # Someone else, later, with the page still open: told who recorded what, not saved.
    again = client.post(
        f"/appointments/{review.pk}", sent_once({"status": "cancelled", "note": "Rebooked."})
    )
    assert again.status_code == 400
    assert f"already recorded by {lead.name_and_role}" in again.content.decode()
    review.refresh_from_db()
    assert review.status == "did_not_attend"
    shown = client.get(f"/appointments/{review.pk}").content.decode()
    assert f"already recorded by {lead.name_and_role} at " in shown  # one sentence, no "at … at"
    assert "What happens now: Phone today; visit tomorrow if no answer." in shown
    assert "Continue" not in shown
    with pytest.raises(ValidationError, match="already recorded"):
        services.record_contact(
            lead,
            accepted,
            occurred_at=timezone.now(),
            appointment=review,
            **{k: v for k, v in LISTEN.items() if k != "carer_informed"},
        )
    assert not Contact.objects.exists()
    # A contact before the missed review does not reach them after it; one after it does.
    words = {k: v for k, v in LISTEN.items() if k != "carer_informed"}
    services.record_contact(lead, accepted, occurred_at=review.starts_at - HOUR, **words)
    assert "Review (day 7)" in due_on_the_worklist(client)
    # In the appointment's own minute counts, whatever its seconds (a second trial).
    Appointment.objects.filter(pk=review.pk).update(starts_at=review.starts_at + SECONDS)
    services.record_contact(lead, accepted, occurred_at=review.starts_at, **words)
    assert "Review (day 7)" not in due_on_the_worklist(client)


def test_an_appointment_still_to_come_can_be_cancelled_but_not_missed(client, lead, accepted):
    later = episodes.book_appointment(
        lead,
        accepted,
        kind="planned_intervention",
        starts_at=timezone.now() + dt.timedelta(days=2),
        staff=lead,
    )
    client.force_login(lead)
    # On the episode, one still to come offers to cancel it, not "record what happened"
    # (helper-80).
    episode_page = client.get(f"/episodes/{accepted.pk}").content.decode()
    row = episode_page.split(f'href="/appointments/{later.pk}"')[1].split("</a>")[0]
    assert row.startswith(">cancel it<")
    page = client.get(f"/appointments/{later.pk}").content.decode()
    assert "Not yet: it starts" in page
    early = client.post(
        f"/appointments/{later.pk}", sent_once({"status": "did_not_attend", "note": "Phone."})
    )
    assert "has not started yet" in early.content.decode()
    unexplained = client.post(f"/appointments/{later.pk}", sent_once({"status": "cancelled"}))
    assert "Say why it was cancelled" in unexplained.content.decode()
    nothing = client.post(f"/appointments/{later.pk}", sent_once({}))
    assert "Select what happened at the appointment" in nothing.content.decode()
    later.refresh_from_db()
    assert later.status == "booked"
    client.post(
        f"/appointments/{later.pk}",
        sent_once({"status": "cancelled", "note": "They asked to move it; rebooked for Friday."}),
    )
    later.refresh_from_db()
    assert (later.status, later.outcome_note) == (
        "cancelled",
        "They asked to move it; rebooked for Friday.",
    )


def test_a_contact_for_an_appointment_someone_else_recorded_meanwhile_is_saved_on_its_own(
    client, lead, colleague, accepted
):
    # A fresh-eyes trial: tab A chose "They came" and filled in LISTEN while tab B recorded
    # "did not come"; A's every press of Save was refused, with no way to keep the contact.
    review = accepted.appointments.get(review_day=7)
    client.force_login(lead)
    url = f"/episodes/{accepted.pk}/contacts/new?appointment={review.pk}"
    assert 'name="appointment"' in client.get(url).content.decode()
    episodes.record_appointment_outcome(
        colleague, review, status="did_not_attend", note="Phoned twice, no answer."
    )
    typed = {**LISTEN, "occurred_on": "09/11/2026", "occurred_time": "15:30"}
    refused = client.post(url, sent_once({**typed, "appointment": str(review.pk)}))
    assert refused.status_code == 400
    body = refused.content.decode()
    assert f"already recorded by {colleague.name_and_role}" in body
    assert "This contact will be recorded on its own" in body
    assert 'name="appointment"' not in body  # the next press saves it alone
    assert LISTEN["persons_words"] in body  # nothing typed is lost
    assert not Contact.objects.exists()
    saved = client.post(url.split("?")[0], sent_once(typed))
    assert saved.status_code == 302
    contact = Contact.objects.get()
    assert contact.appointment is None
    review.refresh_from_db()
    assert review.status == "did_not_attend"
    # Opened again afterwards, the form says so rather than "marks it attended".
    page = client.get(url).content.decode()
    assert "This contact will be recorded on its own" in page
    assert "Recording it marks the appointment attended" not in page


def test_they_came_to_one_still_to_come_is_refused_before_the_contact_form(client, lead, accepted):
    later = episodes.book_appointment(
        lead,
        accepted,
        kind="review",
        starts_at=timezone.now() + dt.timedelta(days=3),
        staff=lead,
    )
    client.force_login(lead)
    early = client.post(f"/appointments/{later.pk}", sent_once({"status": "attended"}))
    assert early.status_code == 400
    assert "record the contact once it has happened" in early.content.decode()
    soon = episodes.book_appointment(
        lead,
        accepted,
        kind="review",
        starts_at=timezone.now() + dt.timedelta(minutes=30),
        staff=lead,
    )
    came_early = client.post(f"/appointments/{soon.pk}", sent_once({"status": "attended"}))
    assert came_early.status_code == 302  # within the hour they may come early


def test_booking_a_time_already_past_says_it_is_due(client, lead, accepted):
    client.force_login(lead)
    past = timezone.localtime() - dt.timedelta(days=1)
    response = client.post(
        f"/episodes/{accepted.pk}",
        sent_once(
            {
                "kind": "planned_intervention",
                "starts_on": past.strftime("%d/%m/%Y"),
                "starts_time": "10:00",
                "staff": str(lead.pk),
            }
        ),
        follow=True,
    )
    assert "Its time has passed, so it is on the worklist as due" in response.content.decode()


def test_a_double_click_records_it_once(client, lead, accepted):
    review = accepted.appointments.get(review_day=14)
    client.force_login(lead)
    token = new_token()
    form = {"status": "did_not_attend", "note": "Phone today.", "submission": token}
    first = client.post(f"/appointments/{review.pk}", form)
    second = client.post(f"/appointments/{review.pk}", form)
    assert (first.status_code, second.status_code) == (302, 302)
    assert (
        AuditEvent.objects.filter(
            action="changed", record_type="care.appointment", record_id=str(review.pk)
        ).count()
        == 1
    )


def test_nobody_off_the_team_sees_or_records_an_appointment_by_any_route(
    client, lead, outsider, accepted
):
    review = accepted.appointments.get(review_day=7)
    client.force_login(outsider)
    assert client.get(f"/appointments/{review.pk}").status_code == 404
    refused = client.post(
        f"/appointments/{review.pk}", sent_once({"status": "cancelled", "note": "x"})
    )
    assert refused.status_code == 404
    review.refresh_from_db()
    assert review.status == "booked"

    # Another of the lead's episodes: an appointment from one is never recorded on the other.
    other = referrals.accept_referral(
        lead,
        ReferralFactory(team=accepted.team, received_at=ACCEPTED - dt.timedelta(hours=1)),
        lead=lead,
        named_team=[lead],
        initial_at=INITIAL,
        accepted_at=ACCEPTED,
    )
    client.force_login(lead)
    url = f"/episodes/{other.pk}/contacts/new"
    assert client.get(f"{url}?appointment={review.pk}").status_code == 404
    assert client.get(f"{url}?appointment=not-a-number").status_code == 404
    assert client.get(f"{url}?appointment=99999999999999999999").status_code == 404
    posted = client.post(
        url,
        sent_once(
            {
                **LISTEN,
                "occurred_on": "02/11/2026",
                "occurred_time": "14:10",
                "appointment": str(review.pk),
            }
        ),
    )
    assert posted.status_code == 404
    assert not Contact.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_people_recording_the_same_appointment_at_once_record_it_once():
    """One marks them not come while the other records the contact: the second waits on
    the first's lock and is refused, with nothing of its contact saved."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the two cannot overlap")
    team = TeamFactory()
    lead = UserFactory()
    team.staff.add(lead)
    episode = referrals.accept_referral(
        lead,
        ReferralFactory(team=team, received_at=ACCEPTED - dt.timedelta(hours=2)),
        lead=lead,
        named_team=[lead],
        initial_at=INITIAL,
        accepted_at=ACCEPTED,
    )
    review = episode.appointments.get(review_day=7)
    second: list[object] = []

    def again():
        try:
            second.append(
                services.record_contact(
                    lead,
                    episode,
                    occurred_at=review.starts_at,
                    appointment=review,
                    **{k: v for k, v in LISTEN.items() if k != "carer_informed"},
                )
            )
        except ValidationError as error:
            second.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        episodes.record_appointment_outcome(
            lead, review, status="did_not_attend", note="Phone today."
        )
        thread = threading.Thread(target=again)
        thread.start()
        time.sleep(1)  # the second now waits on this one's lock
    thread.join(timeout=30)
    [outcome] = second
    assert isinstance(outcome, ValidationError), outcome
    assert "already recorded" in str(outcome)
    assert not Contact.objects.exists()
    review.refresh_from_db()
    assert review.status == Appointment.Status.DID_NOT_ATTEND
