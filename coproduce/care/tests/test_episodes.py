"""Accepting a referral, the lead practitioner schedule, the named team, discharge."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.care import episodes, referrals
from coproduce.care.models import Appointment, Episode, Referral
from coproduce.care.signals import episode_closed
from coproduce.tooling.testing.factories import (
    ContactFactory,
    EpisodeFactory,
    ReferralFactory,
    TeamFactory,
    UserFactory,
)

LONDON = ZoneInfo("Europe/London")
ACCEPTED = dt.datetime(2026, 11, 2, 9, 30, tzinfo=LONDON)
INITIAL = dt.datetime(2026, 11, 2, 14, 0, tzinfo=LONDON)


@pytest.fixture
def referral(team):
    return ReferralFactory(team=team, received_at=ACCEPTED - dt.timedelta(hours=2))


def accept(user, referral, lead, named=(), **kw):
    return referrals.accept_referral(
        user,
        referral,
        lead=lead,
        named_team=list(named) or [lead],  # a named team is always chosen: here, the lead
        initial_at=INITIAL,
        accepted_at=ACCEPTED,
        **kw,
    )


def schedule(episode):
    return [
        (a.kind, a.review_day, timezone.localtime(a.starts_at), a.staff)
        for a in episode.appointments.order_by("starts_at")
    ]


def test_accepting_books_the_initial_appointment_and_reviews_on_day_7_and_14(
    lead, colleague, referral
):
    episode = accept(lead, referral, lead, [colleague])
    assert schedule(episode) == [
        ("initial", None, INITIAL, lead),
        ("review", 7, dt.datetime(2026, 11, 9, 14, 0, tzinfo=LONDON), lead),
        ("review", 14, dt.datetime(2026, 11, 16, 14, 0, tzinfo=LONDON), lead),
    ]
    assert set(episode.named_team.all()) == {lead, colleague}
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED


def test_a_team_with_other_review_days_gets_its_own_schedule(lead, team, referral):
    team.review_days = [3, 10, 28]
    team.save()
    episode = accept(lead, referral, lead)
    assert [a.review_day for a in episode.appointments.filter(kind="review")] == [3, 10, 28]
    assert timezone.localtime(episode.appointments.get(review_day=28).starts_at).date() == dt.date(
        2026, 11, 30
    )


def test_reviews_keep_the_local_time_across_the_clock_change(lead, team, db):
    team.review_days = [7]
    team.save()
    referral = ReferralFactory(team=team)
    before = dt.datetime(2026, 10, 21, 14, 0, tzinfo=LONDON)  # BST; review falls after 25 October
    episode = referrals.accept_referral(
        lead, referral, lead=lead, named_team=[lead], initial_at=before, accepted_at=before
    )
    review = timezone.localtime(episode.appointments.get(kind="review").starts_at)
    assert (review.date(), review.hour) == (dt.date(2026, 10, 28), 14)


@pytest.mark.parametrize(
    ("initial", "review"),
    [
        ((14, 0), (14, 0)),
        ((9, 0), (9, 0)),
        ((17, 0), (17, 0)),
        ((23, 10), (10, 0)),
        ((7, 45), (10, 0)),
    ],
)
def test_reviews_are_in_the_day_whenever_the_first_visit_was(lead, team, db, initial, review):
    """helper-80: a first visit at 23:10 booked the reviews at 23:10 too."""
    team.review_days = [7]
    team.save()
    at = dt.datetime.combine(dt.date(2026, 11, 2), dt.time(*initial), tzinfo=LONDON)
    episode = referrals.accept_referral(
        lead,
        ReferralFactory(team=team),
        lead=lead,
        named_team=[lead],
        initial_at=at,
        accepted_at=at,
    )
    booked = timezone.localtime(episode.appointments.get(kind="review").starts_at)
    assert (booked.date(), (booked.hour, booked.minute)) == (dt.date(2026, 11, 9), review)


@pytest.mark.parametrize("bad", [[0], [14, 7], [7, 7], ["7"], [True], [91], "7,14"])
def test_review_days_must_be_sensible(team, bad):
    team.review_days = bad
    with pytest.raises(ValidationError, match="Review days must be"):
        team.full_clean()


def test_the_named_team_is_capped_per_team(lead, team, referral):
    others = [UserFactory(role=Role.SUPPORT_WORKER) for _ in range(4)]
    team.staff.add(*others)
    with pytest.raises(ValidationError, match="at most 4 people"):
        accept(lead, referral, lead, others)
    assert not Episode.objects.exists()
    team.max_named_team = 5
    team.save()
    assert accept(lead, referral, lead, others).named_team.count() == 5


def test_the_named_team_must_work_in_the_team(lead, outsider, referral):
    with pytest.raises(ValidationError, match="work in this team"):
        accept(lead, referral, lead, [outsider])


def test_a_referral_is_accepted_once(lead, referral):
    accept(lead, referral, lead)
    with pytest.raises(ValidationError, match="already been dealt with"):
        accept(lead, referral, lead)


def test_the_initial_appointment_cannot_be_before_acceptance(lead, referral):
    with pytest.raises(ValidationError, match="cannot be before the referral is accepted"):
        referrals.accept_referral(
            lead,
            referral,
            lead=lead,
            named_team=[lead],
            initial_at=ACCEPTED - dt.timedelta(days=1),
            accepted_at=ACCEPTED,
        )


def test_booking_outside_the_named_team_needs_a_reason_and_is_flagged(lead, team, referral):
    episode = accept(lead, referral, lead)
    stranger = UserFactory()
    team.staff.add(stranger)
    later = ACCEPTED + dt.timedelta(days=2)
    with pytest.raises(ValidationError, match="not in this person's named team"):
        episodes.book_appointment(
            lead, episode, kind="planned_intervention", starts_at=later, staff=stranger
        )
    appointment = episodes.book_appointment(
        lead,
        episode,
        kind="planned_intervention",
        starts_at=later,
        staff=stranger,
        outside_named_team_because="Named team at training.",
    )
    assert appointment.outside_named_team


def test_an_appointment_cannot_be_before_acceptance(lead, referral):
    episode = accept(lead, referral, lead)
    with pytest.raises(ValidationError, match="cannot be before the referral was accepted"):
        episodes.book_appointment(
            lead, episode, kind="review", starts_at=ACCEPTED - dt.timedelta(hours=1), staff=lead
        )


def test_the_episode_counts_distinct_staff_met(lead, colleague, episode):
    ContactFactory(episode=episode, staff=lead)
    ContactFactory(episode=episode, staff=lead)
    ContactFactory(episode=episode, staff=colleague)
    assert episodes.distinct_staff_met(episode) == 2


def test_discharge_records_destination_cancels_later_appointments_and_signals(
    lead, referral, django_capture_on_commit_callbacks
):
    episode = accept(lead, referral, lead)
    received = []
    episode_closed.connect(
        lambda sender, episode, **kw: received.append(episode.pk), weak=False, dispatch_uid="t"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            episodes.discharge(
                lead,
                episode,
                destination="community_team",
                onward_team="North CMHT",
                unseen_because="Moved away before the first visit",
                discharged_at=ACCEPTED + dt.timedelta(days=8),
            )
    finally:
        episode_closed.disconnect(dispatch_uid="t")
    episode.refresh_from_db()
    assert (episode.discharge_destination, episode.onward_team) == ("community_team", "North CMHT")
    assert received == [episode.pk]
    statuses = dict(episode.appointments.filter(kind="review").values_list("review_day", "status"))
    assert statuses == {7: "booked", 14: "cancelled"}


def test_discharge_cannot_be_before_acceptance_or_twice(lead, referral):
    episode = accept(lead, referral, lead)
    with pytest.raises(ValidationError, match="before the referral was accepted"):
        to_gp(lead, episode, ACCEPTED - dt.timedelta(days=1))
    to_gp(lead, episode, ACCEPTED + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="already closed"):
        to_gp(lead, episode)


def test_episodes_with_no_contact_for_the_teams_days_are_marked_disengaged(lead, team, episode):
    team.disengaged_after_days = 5
    team.save()
    ContactFactory(episode=episode, occurred_at=timezone.now() - dt.timedelta(days=6))
    assert episodes.mark_disengaged() == [episode]
    episode.refresh_from_db()
    assert episode.disengaged_at is not None
    assert episode.closed_at is None  # never discharged by a timer


def test_a_recent_contact_is_not_disengagement(lead, team, episode):
    ContactFactory(episode=episode, occurred_at=timezone.now() - dt.timedelta(days=1))
    assert episodes.mark_disengaged() == []


def test_the_episode_page_shows_the_schedule_and_staff_count(client, lead, colleague, referral):
    episode = accept(lead, referral, lead, [colleague])
    ContactFactory(episode=episode, staff=colleague)
    client.force_login(lead)
    body = client.get(f"/episodes/{episode.pk}").content.decode()
    assert "Review (day 7)" in body
    assert "Review (day 14)" in body
    assert "Different staff met so far" in body


def test_the_accept_page_refuses_too_big_a_named_team(client, lead, team, referral):
    others = [UserFactory() for _ in range(4)]
    team.staff.add(*others)
    client.force_login(lead)
    response = client.post(
        f"/referrals/{referral.pk}",
        {
            "action": "accept",
            "lead": lead.pk,
            "named_team": [u.pk for u in others],
            "initial_on": "02/11/2026",
            "initial_time": "14:00",
        },
    )
    assert response.status_code == 400
    assert "A named team has at most 4 people" in response.content.decode()
    assert not Episode.objects.exists()


def test_the_worklist_lists_reviews_due_and_unallocated_referrals(client, lead, referral, team):
    episode = accept(lead, referral, lead)
    waiting = ReferralFactory(
        team=team, urgency="4", respond_by=timezone.now() + dt.timedelta(hours=2)
    )
    client.force_login(lead)
    body = client.get("/worklist").content.decode()
    assert waiting.person.full_name in body
    assert "Review (day 7)" in body  # from 2 November: due and overdue
    assert episode.person.full_name in body
    # By how long, as a referral's clock says (a fresh-eyes trial saw only "Overdue").
    review = body.split("Review (day 7)")[1].split("</li>")[0]
    assert re.search(r"Overdue by \d+ days?", review), review
    # Each line says whose NHS number it is: two people may share a name.
    for person in (waiting.person, episode.person):
        line = body.split(f">{person.full_name}</a>")[1].split("</li>")[0]
        assert line.startswith(f" (NHS number {person.formatted_nhs_number})"), line


def to_gp(lead, episode, discharged_at=None):
    """Discharge back to the GP; no contact was recorded in these episodes, so with the
    reason the service asks for then."""
    return episodes.discharge(
        lead,
        episode,
        destination="gp",
        onward_team="",
        unseen_because="Moved away before the first visit",
        discharged_at=discharged_at,
    )


def discharge_on_the_page(client, lead, referral, seen=False, **fields):
    """The episode accepted from ``referral`` (``seen``: with a contact recorded), and the
    answer to discharging it on its page on 10 November at 10:00 with ``fields``,
    redirects followed."""
    episode = accept(lead, referral, lead)
    if seen:
        ContactFactory(episode=episode, staff=lead)
    client.force_login(lead)
    moment = {"discharged_on": "10/11/2026", "discharged_time": "10:00"}
    return episode, client.post(
        f"/episodes/{episode.pk}/discharge", {**moment, **fields}, follow=True
    )


def test_the_discharge_page_asks_for_the_onward_team(client, lead, referral):
    episode, response = discharge_on_the_page(client, lead, referral, destination="community_team")
    assert "Enter the team the person is handed on to" in response.content.decode()
    episode.refresh_from_db()
    assert episode.closed_at is None


def test_the_discharge_says_whether_they_will_be_invited_to_give_feedback(client, lead, referral):
    """helper-76 chose No and read "A follow-up invitation is scheduled if the person
    agreed"."""
    _, response = discharge_on_the_page(
        client,
        lead,
        referral,
        seen=True,
        destination="gp",
        feedback_invitations="none",
    )
    body = response.content.decode()
    assert "They will not be invited to say how their care was: they did not agree." in body
    assert "scheduled if the person agreed" not in body


def test_discharging_an_episode_with_no_contact_recorded_needs_the_reason(client, lead, referral):
    """helper-76 discharged a crisis episode in which nobody had ever seen the person,
    and nothing asked why."""
    question = "No contact with them is recorded in this episode. Why are they discharged"
    episode, response = discharge_on_the_page(
        client, lead, referral, destination="no_further_care", feedback_invitations="none"
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert question in body
    assert (
        "No contact with them is recorded in this episode: say why they are discharged without one"
    ) in body
    episode.refresh_from_db()
    assert episode.closed_at is None
    form = {
        "destination": "no_further_care",
        "feedback_invitations": "none",
        "discharged_on": "10/11/2026",
        "discharged_time": "10:00",
    }
    short = client.post(f"/episodes/{episode.pk}/discharge", {**form, "unseen_because": "ok ok"})
    assert "in a short sentence, at least 3 different words" in short.content.decode()
    # No one has seen them, so no one can judge they need no further care (helper-80
    # discharged a very urgent referral that way a minute after accepting it); and the
    # feedback question does not say "Ask them" of someone nobody has met.
    because = "Admitted to hospital in another area before the first visit"
    judged = client.post(f"/episodes/{episode.pk}/discharge", {**form, "unseen_because": because})
    assert judged.status_code == 400
    assert "no one has seen them to judge that they need no further care" in (
        judged.content.decode()
    )
    assert "so no one has asked them here: choose No unless they agreed before" in (
        judged.content.decode()
    )
    # Every problem at once: the reason's with the feedback channel's (helper-80 saw the
    # email's alone).
    both = client.post(
        f"/episodes/{episode.pk}/discharge",
        {**form, "destination": "admitted", "feedback_invitations": "email"},
    ).content.decode()
    assert "There is no email address on the person" in both
    assert "say why they are discharged without one" in both
    done = client.post(
        f"/episodes/{episode.pk}/discharge",
        {**form, "destination": "admitted", "unseen_because": because},
        follow=True,
    ).content.decode()
    episode.refresh_from_db()
    assert (episode.closed_at is not None, episode.discharged_unseen_because) == (True, because)
    # Not "they did not agree": nobody asked them (helper-80).
    assert "Discharged. They will not be invited to say how their care was." in done
    assert "they did not agree" not in done
    page = client.get(f"/episodes/{episode.pk}").content.decode()
    assert f"Discharged with no contact recorded, because: {because}" in page


def test_once_they_were_seen_no_reason_is_asked_or_kept(client, lead, referral):
    episode = accept(lead, referral, lead)
    ContactFactory(episode=episode, occurred_at=ACCEPTED + dt.timedelta(hours=1))
    client.force_login(lead)
    page = client.get(f"/episodes/{episode.pk}/discharge").content.decode()
    assert "No contact with them is recorded" not in page
    episodes.discharge(
        lead,
        episode,
        destination="gp",
        onward_team="",
        unseen_because="Typed, then not needed",
        discharged_at=ACCEPTED + dt.timedelta(days=1),
    )
    episode.refresh_from_db()
    assert episode.discharged_unseen_because == ""


def test_no_appointment_is_booked_in_a_closed_episode(lead, referral):
    episode = accept(lead, referral, lead)
    to_gp(lead, episode, ACCEPTED + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="episode is closed"):
        episodes.book_appointment(
            lead, episode, kind="review", starts_at=ACCEPTED + dt.timedelta(days=2), staff=lead
        )
    assert (
        Appointment.objects.filter(
            status="booked", starts_at__gt=ACCEPTED + dt.timedelta(days=1)
        ).count()
        == 0
    )


def test_a_time_in_the_minute_of_acceptance_is_not_before_it(lead, referral):
    episode = accept(lead, referral, lead)
    same_minute = (
        ACCEPTED.replace(second=0) if ACCEPTED.second else ACCEPTED - dt.timedelta(seconds=30)
    )
    to_gp(lead, episode, same_minute)
    episode.refresh_from_db()
    assert episode.closed_at == ACCEPTED


def test_the_worklist_lists_late_arrivals_and_people_with_no_recent_contact(lead, team, episode):
    from coproduce.care.models import Dispatch, Team
    from coproduce.tooling.testing.factories import TeamFactory

    vehicle = TeamFactory(kind=Team.Kind.RESPONSE_VEHICLE, arrival_target_minutes=45)
    vehicle.staff.add(lead)
    now = timezone.now()
    late = Dispatch.objects.create(
        referral=ReferralFactory(team=vehicle),
        dispatched_at=now - dt.timedelta(minutes=90),
        arrived_at=now - dt.timedelta(minutes=30),
        recorded_by=lead,
    )
    on_time = Dispatch.objects.create(
        referral=ReferralFactory(team=vehicle),
        dispatched_at=now - dt.timedelta(minutes=90),
        arrived_at=now - dt.timedelta(minutes=60),
        recorded_by=lead,
    )
    still_waiting = Dispatch.objects.create(
        referral=ReferralFactory(team=vehicle),
        dispatched_at=now - dt.timedelta(minutes=50),
        recorded_by=lead,
    )
    team.disengaged_after_days = 2
    team.save()
    ContactFactory(episode=episode, occurred_at=now - dt.timedelta(days=3))
    work = episodes.worklist_for(lead, now)
    assert set(work.late_arrivals) == {late, still_waiting}
    assert on_time not in work.late_arrivals
    assert [e for e, _ in work.no_recent_contact] == [episode]


def test_no_recent_contact_keeps_each_teams_own_days_and_only_the_users_teams(lead, team):
    """Two of the user's teams share a number of days and a third has its own; an episode
    with no contact at all counts from its acceptance; another team's episode, a closed one
    and one already marked disengaged are left out; the longest without contact comes first."""
    now = timezone.now()
    team.disengaged_after_days = 5
    team.save()
    also_five, three = TeamFactory(disengaged_after_days=5), TeamFactory(disengaged_after_days=3)
    not_mine = TeamFactory(disengaged_after_days=1)
    also_five.staff.add(lead)
    three.staff.add(lead)

    def episode_of(of_team, last_contact_days_ago=None, accepted_days_ago=30, **kw):
        made = EpisodeFactory(
            team=of_team, accepted_at=now - dt.timedelta(days=accepted_days_ago), **kw
        )
        if last_contact_days_ago is not None:
            ContactFactory(episode=made, occurred_at=now - dt.timedelta(days=20))
            ContactFactory(episode=made, occurred_at=now - dt.timedelta(days=last_contact_days_ago))
        return made

    six_days = episode_of(team, 6)
    four_days = episode_of(team, 4)  # within its team's five
    seven_days_other_five = episode_of(also_five, 7)
    four_days_of_three = episode_of(three, 4)  # past its team's three
    never_contacted = episode_of(three, accepted_days_ago=10)
    episode_of(three, accepted_days_ago=2)  # never contacted, accepted within the three
    episode_of(not_mine, 9)
    episode_of(team, 9, closed_at=now - dt.timedelta(days=1))
    episode_of(team, 9, disengaged_at=now - dt.timedelta(days=1))

    listed = episodes.no_contact_since(now, lead)
    assert [e for e, _ in listed] == [
        never_contacted,
        seven_days_other_five,
        six_days,
        four_days_of_three,
    ]
    assert four_days not in [e for e, _ in listed]
    latest = dict(listed)
    assert latest[never_contacted] == never_contacted.accepted_at
    assert latest[six_days] == now - dt.timedelta(days=6)
    # For every team (the timer's reading), the other team's episode too.
    assert len(episodes.no_contact_since(now)) == 5


def test_booking_lists_the_named_team_first_and_leaves_the_time_to_be_chosen(
    client, lead, team, referral
):
    # A fresh-eyes trial: "With" listed the whole team alphabetically, and the time
    # started at now, which booked an appointment already due.
    named = UserFactory(first_name="Zara", last_name="Named")
    other = UserFactory(first_name="Adam", last_name="Other")
    team.staff.add(named, other)
    episode = accept(lead, referral, lead, named=[lead, named])
    client.force_login(lead)
    page = client.get(f"/episodes/{episode.pk}").content.decode()
    select = page.split('name="staff"')[1].split("</select>")[0]
    assert select.index('label="Their named team"') < select.index("Zara Named")
    assert select.index("Zara Named") < select.index('label="Others in the team"')
    assert select.index('label="Others in the team"') < select.index("Adam Other")
    assert "---------" not in select
    time = re.search(r'<input[^>]*name="starts_time"[^>]*>', page)
    assert time is not None
    assert 'value="' not in time.group(0).replace('value=""', "")
    day = re.search(r'<input[^>]*name="starts_on"[^>]*>', page)
    assert day is not None
    assert f'value="{timezone.localdate():%d/%m/%Y}"' in day.group(0)


def test_with_no_named_team_chosen_no_reason_is_asked_to_book_anyone(lead, team, referral):
    episode = accept(lead, referral, lead)
    episode.named_team.clear()
    someone = UserFactory()
    team.staff.add(someone)
    appointment = episodes.book_appointment(
        lead,
        episode,
        kind="planned_intervention",
        starts_at=ACCEPTED + dt.timedelta(days=2),
        staff=someone,
    )
    assert not appointment.outside_named_team


def test_an_appointment_more_than_a_year_ahead_is_refused_as_a_mistyped_year(lead, referral):
    episode = accept(lead, referral, lead)
    with pytest.raises(ValidationError) as refused:
        episodes.book_appointment(
            lead,
            episode,
            kind="review",
            starts_at=timezone.now() + dt.timedelta(days=400),
            staff=lead,
        )
    assert refused.value.message_dict["starts_on"] == [
        "The appointment is more than a year ahead: check the year"
    ]


def test_a_booking_date_no_calendar_has_names_the_field_as_the_page_does(team):
    from coproduce.care.forms import AppointmentForm

    form = AppointmentForm({"starts_on": "31/02/2026", "starts_time": "10:00"}, team=team)
    assert form.errors["starts_on"] == [
        "The date of the appointment must be a real date: February 2026 has 28 days"
    ]
