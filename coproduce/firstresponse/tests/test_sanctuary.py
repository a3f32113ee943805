"""The Sanctuary's evening: guests arrive (a first name is enough), are counted against
the capacity the team sets, leave with how they left, and a guest still here after
closing is on the worklist at once. No name is on the screen."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.firstresponse import services
from coproduce.firstresponse.forms import today_at
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.firstresponse.services import Arrival
from coproduce.firstresponse.tests.conftest import ago


def welcome(user, team, **kwargs):
    return services.arrive(user, team, Arrival(**{"came": "self", "called": "Alex", **kwargs}))


def test_a_guest_arrives_with_a_first_name_only(handler, sanctuary):
    visit = welcome(handler, sanctuary, offered=["drink_and_talk", "quiet_room"])
    assert visit.person is None
    assert visit.is_here
    assert visit.offered == ["drink_and_talk", "quiet_room"]
    assert AuditEvent.objects.filter(
        actor=handler, action="created", record_type="firstresponse.sanctuaryvisit"
    ).exists()


def test_it_refuses_a_guest_with_no_way_to_know_them_and_no_way_they_came(handler, sanctuary):
    with pytest.raises(ValidationError) as refused:
        services.arrive(handler, sanctuary, Arrival(came=""))
    assert set(refused.value.message_dict) == {"came", "called"}
    assert not SanctuaryVisit.objects.exists()


def test_a_guest_shown_as_one_here_already_needs_a_word_to_tell_them_apart(handler, sanctuary):
    """helper-80 recorded "Alex" twice in a minute, and tonight's list showed "A." twice."""
    first = welcome(handler, sanctuary)
    for again in (
        {},
        {"called": "alice"},
        {"called": "Sam", "shown_as": "a."},
        {"called": "Sam", "shown_as": "A"},  # helper-84: told apart by a full stop
        {"called": "Ａlex"},  # full-width, drawn alike
    ):
        with pytest.raises(ValidationError) as refused:
            welcome(handler, sanctuary, **again)
        [said] = refused.value.message_dict["shown_as"]
        assert said.startswith("A guest shown as A. is here already, since ")
        assert "if it is the same guest, they are on tonight's list" in said
    assert list(SanctuaryVisit.objects.all()) == [first]
    second = welcome(handler, sanctuary, shown_as="Robin")
    assert second.label == "Robin"
    # Once the first has left, the initial is free again.
    services.leave(handler, first, left="home_safe")
    assert welcome(handler, sanctuary).label == "A."


def test_the_refusal_says_a_guest_here_since_last_night_came_yesterday(handler, sanctuary):
    """helper-84 read "here already, since 22:21" for a guest who came the night before."""
    first = welcome(handler, sanctuary)
    last_night = timezone.localtime().replace(hour=22, minute=21) - dt.timedelta(days=1)
    SanctuaryVisit.objects.filter(pk=first.pk).update(arrived_at=last_night)
    with pytest.raises(ValidationError) as refused:
        welcome(handler, sanctuary)
    [said] = refused.value.message_dict["shown_as"]
    assert "is here already, since 22:21 yesterday. If this is someone else" in said


def test_a_full_sanctuary_says_so_and_lets_staff_say_why_they_welcome_one_more(handler, sanctuary):
    sanctuary.opens_at = sanctuary.closes_at = None  # open now, whatever the time the test runs
    sanctuary.save()
    welcome(handler, sanctuary)
    welcome(handler, sanctuary, called="Sam")
    with pytest.raises(ValidationError) as refused:
        welcome(handler, sanctuary, called="Kai")
    assert (
        "full: 2 guests are here, and it is set up for 2 at most"
        in (refused.value.message_dict["over_capacity_because"][0])
    )
    assert SanctuaryVisit.objects.count() == 2
    visit = welcome(
        handler, sanctuary, called="Kai", over_capacity_because="Police brought them; no A&E"
    )
    assert visit.over_capacity_because == "Police brought them; no A&E"


def test_last_nights_guests_still_on_the_list_do_not_fill_tonight(client, handler, sanctuary):
    """helper-80 saw guests from the night before, still recorded as here, count towards
    the next evening's "6 guests are here of 8 at most"."""
    now = timezone.localtime()
    sanctuary.opens_at = (now - dt.timedelta(hours=2)).time().replace(second=0, microsecond=0)
    sanctuary.closes_at = (now + dt.timedelta(hours=3)).time().replace(second=0, microsecond=0)
    sanctuary.save()
    for called in ("Sam", "Jo"):  # came after last night's closing, never recorded leaving
        SanctuaryVisit.objects.create(
            team=sanctuary,
            welcomed_by=handler,
            called=called,
            came="self",
            arrived_at=now - dt.timedelta(hours=20),
        )
    welcome(handler, sanctuary, called="Kai")  # not refused as full (capacity 2)
    client.force_login(handler)
    page = " ".join(client.get("/sanctuary").content.decode().split())
    assert "1 guest is here of 2 at most, besides 2 still on the list after closing." in page
    assert "The Sanctuary is full" not in page


def test_a_guest_leaves_home_and_safe(handler, sanctuary):
    visit = welcome(handler, sanctuary)
    services.leave(handler, visit, left="home_safe")
    visit.refresh_from_db()
    assert not visit.is_here
    assert visit.left == "home_safe"


def test_it_refuses_a_departure_before_the_arrival_and_keeps_the_guest_here(handler, sanctuary):
    visit = welcome(handler, sanctuary, arrived_at=ago(minutes=30))
    with pytest.raises(ValidationError) as refused:
        services.leave(handler, visit, left="home_safe", left_at=ago(minutes=45))
    assert "cannot leave before they arrived" in refused.value.message_dict["left_time"][0]
    visit.refresh_from_db()
    assert visit.is_here


def test_a_departure_typed_before_it_comes_is_refused_as_still_to_come(
    handler, sanctuary, monkeypatch
):
    # Only a time is typed, read as the last one gone; at 21:00, "21:30" was read as
    # yesterday's and refused as "before they arrived" (a fresh-eyes trial).
    evening = timezone.localtime().replace(hour=21, minute=0, second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: evening)
    visit = welcome(handler, sanctuary, arrived_at=evening - dt.timedelta(minutes=30))
    typed = today_at(dt.time(21, 30), evening)
    with pytest.raises(ValidationError) as refused:
        services.leave(handler, visit, left="home_safe", left_at=typed)
    assert refused.value.message_dict["left_time"] == [
        "21:30 is still to come: enter the time they left, or leave it empty if they are "
        "leaving now"
    ]
    # A time before the arrival today is still refused as such.
    with pytest.raises(ValidationError) as refused:
        services.leave(handler, visit, left="home_safe", left_at=today_at(dt.time(20, 0), evening))
    assert "cannot leave before they arrived (20:30" in refused.value.message_dict["left_time"][0]
    visit.refresh_from_db()
    assert visit.is_here


def test_leaving_another_way_needs_how_and_a_guest_leaves_once(handler, sanctuary):
    visit = welcome(handler, sanctuary)
    with pytest.raises(ValidationError) as refused:
        services.leave(handler, visit, left="other")
    assert "left_because" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:  # "x" says nothing (a fresh-eyes trial)
        services.leave(handler, visit, left="other", left_because="x")
    assert "in a few words" in refused.value.message_dict["left_because"][0]
    services.leave(handler, visit, left="other", left_because="A taxi to their mother's")
    with pytest.raises(ValidationError, match="already left"):
        services.leave(handler, visit, left="home_safe")


def test_a_guest_still_here_after_closing_is_on_the_worklist(handler, sanctuary):
    now = timezone.now()
    local = timezone.localtime(now)
    evening = local.replace(hour=20, minute=0, second=0, microsecond=0)
    if evening > local:
        evening -= dt.timedelta(days=1)
    visit = welcome(handler, sanctuary)
    SanctuaryVisit.objects.filter(pk=visit.pk).update(arrived_at=evening)  # the last evening
    visit.refresh_from_db()
    closing = evening.replace(hour=1) + dt.timedelta(days=1)
    assert services.here_after_closing(handler, closing - dt.timedelta(minutes=1)) == []
    assert services.here_after_closing(handler, closing + dt.timedelta(minutes=1)) == [visit]


def test_a_guest_recorded_while_it_was_closed_is_after_closing_at_once(handler, sanctuary):
    # Open 18:00 to 01:00. A fresh-eyes trial recorded a guest at 3 a.m.: they were
    # listed only at the next night's closing, nearly a day later.
    local = timezone.localtime(timezone.now())
    night = local.replace(hour=3, minute=0, second=0, microsecond=0)
    if night > local:
        night -= dt.timedelta(days=1)
    visit = welcome(handler, sanctuary)
    SanctuaryVisit.objects.filter(pk=visit.pk).update(arrived_at=night)
    visit.refresh_from_db()
    assert visit.closing_after_arrival() == night.replace(hour=1)
    assert services.here_after_closing(handler, night + dt.timedelta(minutes=1)) == [visit]
    # Let in half an hour before opening: that evening's guest, until it closes.
    early = night.replace(hour=17, minute=30)
    SanctuaryVisit.objects.filter(pk=visit.pk).update(arrived_at=early)
    visit.refresh_from_db()
    assert visit.closing_after_arrival() == early.replace(hour=1, minute=0) + dt.timedelta(days=1)
    # Recorded at 14:00, nearer the opening than last night's closing: that evening's
    # guest too (helper-79 saw one "after closing" all evening).
    afternoon = night.replace(hour=14)
    SanctuaryVisit.objects.filter(pk=visit.pk).update(arrived_at=afternoon)
    visit.refresh_from_db()
    assert visit.closing_after_arrival() == afternoon.replace(hour=1) + dt.timedelta(days=1)
    assert services.here_after_closing(handler, early + dt.timedelta(hours=7)) == []


def test_the_screen_shows_an_initial_or_a_chosen_word_never_a_name(handler, sanctuary):
    assert welcome(handler, sanctuary, called="Alexandra").label == "A."
    assert welcome(handler, sanctuary, called="Sam", shown_as="Blue").label == "Blue"


def test_a_guest_invited_by_the_line_arrives_from_the_call(handler, sanctuary, line):
    call = Call.objects.create(
        team=line,
        handler=handler,
        started_at=ago(hours=1),
        ended_at=ago(minutes=40),
        called="Jo",
        outcomes=["sanctuary"],
        sanctuary_at=timezone.now(),
    )
    assert services.invited_tonight(sanctuary) == [call]
    visit = services.arrive(handler, sanctuary, Arrival(came="line", call_id=call.pk))
    assert visit.call == call
    assert visit.called == "Jo"
    assert services.invited_tonight(sanctuary) == []


def test_an_invitation_lapses_once_its_evening_has_closed(handler, sanctuary, line):
    """helper-80 was offered "J., invited for 23:04: They have arrived" at 03:10, two
    hours after the Sanctuary (18:00 to 01:00) closed."""
    night = timezone.localtime().replace(hour=23, minute=4, second=0, microsecond=0)
    call = Call.objects.create(
        team=line,
        handler=handler,
        started_at=night - dt.timedelta(hours=1),
        ended_at=night - dt.timedelta(minutes=40),
        called="Jo",
        outcomes=["sanctuary"],
        sanctuary_at=night,
    )
    assert services.invited_tonight(sanctuary, now=night + dt.timedelta(minutes=30)) == [call]
    assert services.invited_tonight(sanctuary, now=night + dt.timedelta(minutes=55)) == [call]
    assert services.invited_tonight(sanctuary, now=night + dt.timedelta(hours=4)) == []


def test_an_arrival_time_that_would_be_more_than_twelve_hours_ago_is_refused(handler, sanctuary):
    """A time typed is tonight's: "00:30" typed at 17:30 would be 17 hours ago (found by
    a fresh-eyes trial: the guest showed as "here for 17 hours")."""
    with pytest.raises(ValidationError) as refused:
        welcome(handler, sanctuary, arrived_at=ago(hours=17))
    said = refused.value.message_dict["arrived_time"][0]
    # 17 hours ago is either earlier today (more than 12 hours ago) or, as a time of day
    # later than now's, one still to come (helper-80 typed 23:55 at 22:40).
    typed = timezone.localtime(ago(hours=17))
    if typed.time() > timezone.localtime().time():
        assert said.startswith(f"{typed:%H:%M} is later than now")
    else:
        assert "more than 12 hours ago" in said
    assert not SanctuaryVisit.objects.exists()
    assert welcome(handler, sanctuary, arrived_at=ago(hours=3)).is_here
