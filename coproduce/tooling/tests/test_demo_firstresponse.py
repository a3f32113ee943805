"""The demo's year of calls to the First Response line and evenings at the Sanctuary:
seed 001's effects hold in the seeded data (``synthetic.firstresponse``)."""

import datetime as dt
import re
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.care.models import Team
from coproduce.care.services import people_visible_to
from coproduce.evidence import extract
from coproduce.firstresponse import services
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.lib.validators import number_key

HOME_OR_SANCTUARY = {"support", "safe_at_home", "sanctuary"}
EMERGENCY = {"a_and_e", "police", "ambulance"}


@pytest.fixture
def demo(demo_in_a_module_transaction, db):
    return demo_in_a_module_transaction


def year_of_calls():
    """The year's calls: all but tonight's hand-written few (the year ends the day
    before yesterday; the earliest of tonight's few is 26 hours ago)."""
    now = timezone.localtime()
    yesterday = now.replace(hour=0, minute=0, second=0, microsecond=0) - dt.timedelta(days=1)
    before = min(yesterday, now - dt.timedelta(hours=27))
    return list(Call.objects.filter(started_at__lt=before).order_by("started_at"))


def tonights_calls():
    """The demo's own calls of tonight, written by hand (the year's are marked synthetic)."""
    return Call.objects.exclude(persons_words__startswith="(Synthetic")


def year_of_visits():
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    return list(
        SanctuaryVisit.objects.filter(arrived_at__date__lt=yesterday)
        .select_related("call", "team")
        .order_by("arrived_at")
    )


def evening_of(moment):
    """The evening a Sanctuary time belongs to (00:00-01:00 is the evening before)."""
    local = timezone.localtime(moment)
    return local.date() - dt.timedelta(days=1 if local.hour < 12 else 0)


def test_a_year_of_calls_most_ending_with_support_at_home_or_at_the_sanctuary(demo):
    calls = year_of_calls()
    days = {timezone.localtime(c.started_at).date() for c in calls}
    assert len(days) >= 360  # a year, a day with no call at all is rare
    assert len(calls) > 4000
    assert all(c.ended_at and c.outcomes and c.next_steps for c in calls)  # never without a plan
    at_home = sum(bool({"safe_at_home", "sanctuary"} & set(c.outcomes)) for c in calls)
    supported = sum(set(c.outcomes) <= HOME_OR_SANCTUARY for c in calls)
    sanctuary = sum("sanctuary" in c.outcomes for c in calls)
    emergency = sum(bool(EMERGENCY & set(c.outcomes)) for c in calls)
    # Most at home with a plan or invited to the Sanctuary; more still with only support,
    # a plan at home or the Sanctuary; few with A&E, police or an ambulance (not none).
    assert at_home / len(calls) > 0.6
    assert supported / len(calls) > 0.65
    assert sanctuary / len(calls) > 0.1
    assert 0 < emergency / len(calls) < 0.1
    # The words are marked synthetic, as the rest of the demo's history is.
    assert all(c.persons_words.startswith("(Synthetic") for c in calls)
    assert all(c.next_steps.startswith("(Synthetic") for c in calls)


def test_the_published_figures_of_the_line_and_the_sanctuary_are_shown_not_hidden(demo, tmp_path):
    """What the evidence page shows of the demo (the extract's figures, disclosure applied):
    seed 001's effects, in figures that may be published."""
    tz = ZoneInfo(settings.TIME_ZONE)

    def local(moment):  # wall-clock time, as the extract reads it
        return None if moment is None else moment.astimezone(tz).replace(tzinfo=None)

    found = extract.write_first_response(tmp_path, b"demo-test-key", local)
    line, sanctuary = found["line"], found["sanctuary"]
    assert line["home_or_sanctuary"]["share"] > 0.6
    assert line["without_acute"]["share"] > 0.9
    assert sanctuary["home_or_sanctuary"]["share"] > 0.8
    # Every guest of the year came in opening hours (tonight's hand-written two come
    # whenever the demo is seeded: one outside the hours hides the share, as it should).
    inside = sanctuary["inside_own_hours"]
    assert inside["count"] > 1500
    assert inside["share"] is None or inside["share"] > 0.99
    assert line["repeat"]["returned"]["share"] is not None
    assert line["repeat"]["contacts_by_returners"]["share"] > 0.3
    assert line["experience"]["share"] is not None
    # Seed 001: most who answered the question after an evening said good or very good.
    assert 0.7 < sanctuary["experience"]["share"] < 0.95
    assert sanctuary["experience"]["answers"] > 300
    # Twelve months and more of each chart's points, none hidden.
    for service in (line, sanctuary):
        months = service["monthly"]
        assert len(months) >= 12
        assert all(m["share_home"] is not None for m in months[1:-1])
    # The heat maps: every weekday's total shown; few hours hidden.
    for service in (line, sanctuary):
        days = service["by_hour"]["days"]
        assert all(day["total"] is not None for day in days)
        hidden = sum(hour is None for day in days for hour in day["hours"])
        assert hidden <= 4


def test_the_texted_question_was_answered_by_some_callers_and_guests_each_on_its_team(demo):
    """The year's replies to "How was it for you?" are voices on the line's and the
    Sanctuary's teams, each the answer of the call or the evening it followed, and never
    of a caller who hung up or a professional (as ``firstresponse.feedback`` asks)."""
    answered_calls = [c for c in year_of_calls() if c.feedback_voice_id]
    answered_visits = [v for v in year_of_visits() if v.feedback_voice_id]
    assert 300 < len(answered_calls) < len(year_of_calls()) / 4
    assert 200 < len(answered_visits) < len(year_of_visits()) / 2
    for item in (*answered_calls[:50], *answered_visits[:50]):
        voice = item.feedback_voice
        assert voice.team_id == item.team_id
        assert voice.rating is not None
        ended = item.ended_at if isinstance(item, Call) else item.left_at
        assert ended < voice.received_at < timezone.now()
        assert "Reply to the question texted after" in voice.source_detail
    assert all(
        c.caller == Call.Caller.PERSON and not c.hung_up_at_risk and c.feedback_agreed
        for c in answered_calls
    )


def test_calls_peak_in_the_evening_and_at_weekends(demo):
    calls = year_of_calls()
    by_hour = Counter(timezone.localtime(c.started_at).hour for c in calls)
    evening = sum(by_hour[h] for h in range(18, 23)) / 5
    daytime = sum(by_hour[h] for h in range(8, 18)) / 10
    night = sum(by_hour[h] for h in range(2, 7)) / 5
    assert evening > 2 * daytime > 2 * night
    assert max(by_hour, key=by_hour.__getitem__) in range(18, 23)
    days = Counter(timezone.localtime(c.started_at).date() for c in calls)
    weekend = [n for day, n in days.items() if day.weekday() >= 5]
    weekdays = [n for day, n in days.items() if day.weekday() < 4]
    assert sum(weekend) / len(weekend) > 1.15 * sum(weekdays) / len(weekdays)


def test_a_third_are_repeat_callers_known_by_the_number_as_the_line_keys_it(demo):
    calls = year_of_calls()
    with_number = [c for c in calls if c.phone]
    assert len(with_number) > len(calls) / 3
    assert all(c.phone_key == number_key(c.phone) for c in with_number)
    # Only numbers from Ofcom's drama ranges: never anyone's phone.
    drama = r"07700 900\d{3}|01632 960\d{3}|0113 496 0\d{3}|0161 496 0\d{3}|020 7946 0\d{3}"
    assert all(re.fullmatch(drama, c.phone) for c in with_number)
    seen, again = set(), []
    for call in with_number:
        if call.phone_key in seen:
            again.append(call)
        seen.add(call.phone_key)
    assert 0.2 < len(again) / len(calls) < 0.5
    # The line's page shows a repeat caller with what was agreed last time.
    later = again[-1]
    earlier = services.earlier_call(later)
    assert earlier is not None
    assert earlier.phone_key == later.phone_key
    assert earlier.next_steps
    # Some regular callers are known to services: to handlers who may see them.
    known = [c for c in calls if c.person_id]
    assert 0.05 < len(known) / len(calls) < 0.4
    assert len({c.person_id for c in known}) >= 20
    for handler_id, person_ids in _by(known, "handler_id", "person_id").items():
        handler = User.objects.get(pk=handler_id)
        assert people_visible_to(handler, person_ids) == person_ids


def test_callers_who_hung_up_at_risk_were_each_called_back(demo):
    hung_up = [c for c in year_of_calls() if c.hung_up_at_risk]
    assert hung_up
    assert all(c.call_back_at for c in hung_up)
    # Each was reached by a later call, so none is left on a duty worklist.
    for handler_id in {c.handler_id for c in hung_up}:
        waiting = services.calls_to_call_back(User.objects.get(pk=handler_id))
        assert not {c.pk for c in waiting} & {c.pk for c in hung_up}


def test_guests_arrive_in_the_evening_many_invited_by_the_line_and_most_leave_home_safe(demo):
    visits = year_of_visits()
    assert len({evening_of(v.arrived_at) for v in visits}) >= 350  # most evenings have guests
    assert all(timezone.localtime(v.arrived_at).hour in {18, 19, 20, 21, 22, 23, 0} for v in visits)
    came = Counter(v.came for v in visits)
    assert came["line"] / len(visits) > 0.3
    assert came["police"]
    assert came["a_and_e"]
    assert came["self"]
    assert came["friend"]
    for visit in visits:
        if visit.came == "line":
            call = visit.call
            assert call is not None
            assert "sanctuary" in call.outcomes
            assert call.ended_at < visit.arrived_at
            assert evening_of(call.sanctuary_at) == evening_of(visit.arrived_at)
            assert visit.called == call.called
            assert visit.person_id == call.person_id
        else:
            assert visit.call is None
    left = Counter(v.left for v in visits)
    assert (left["home_safe"] + left["with_friend"]) / len(visits) > 0.8
    assert left["home_safe"] / len(visits) > 0.6
    assert all(v.left_because for v in visits if v.left == "other")
    assert all("sanctuary" in c.outcomes for c in Call.objects.filter(visits__isnull=False))


def test_every_guest_of_the_year_has_left_a_few_after_closing_on_past_evenings(demo):
    visits = year_of_visits()
    assert all(v.left and v.left_at and v.arrived_at < v.left_at for v in visits)
    late = [v for v in visits if v.left_at > v.closing_after_arrival()]
    assert 0 < len(late) <= 10
    # Only tonight's guest, written by hand, is here now: "after closing" only if the
    # demo was seeded while the Sanctuary was closed, when Sam came last night (never a
    # guest come while it was closed: a fresh-eyes trial seeded at 15:00 met one).
    here = SanctuaryVisit.objects.filter(left_at__isnull=True)
    assert [v.called for v in here] == ["Sam"]
    leader = User.objects.get(username="team.leader")
    assert [v.called for v in services.here_after_closing(leader)] in ([], ["Sam"])


def test_tonights_invitations_and_guests_keep_to_the_sanctuarys_hours(demo):
    sanctuary = Team.objects.get(kind=Team.Kind.SANCTUARY)
    invited = tonights_calls().filter(sanctuary_at__isnull=False)
    assert sorted(invited.values_list("called", flat=True)) == ["Jo", "Sam"]
    for call in invited:
        assert sanctuary.is_open_at(timezone.localtime(call.sanctuary_at).time()), call.called
    # The last two written, Sam's and Alex's (the year's are written first), came while
    # the Sanctuary was open; Alex left before closing.
    alex, sam = SanctuaryVisit.objects.order_by("-pk")[:2]
    assert (alex.called, sam.called) == ("Alex", "Sam")
    for visit in (alex, sam):
        assert sanctuary.is_open_at(timezone.localtime(visit.arrived_at).time())
    assert alex.left_at <= alex.closing_after_arrival()


def test_a_full_sanctuary_welcomed_one_more_only_with_a_reason(demo):
    sanctuary = Team.objects.get(kind=Team.Kind.SANCTUARY)
    evenings = defaultdict(list)
    for visit in year_of_visits():
        evenings[evening_of(visit.arrived_at)].append(visit)
    for guests in evenings.values():
        for visit in guests:
            here = sum(1 for v in guests if v.arrived_at <= visit.arrived_at < v.left_at)
            assert bool(visit.over_capacity_because) == (here - 1 >= sanctuary.capacity)


def test_the_year_leaves_tonight_to_the_demo_s_own_calls_and_guests(demo):
    """Nothing from the year is open, expected tonight, or waiting on the duty worklist."""
    leader = User.objects.get(username="team.leader")
    sanctuary = Team.objects.get(kind=Team.Kind.SANCTUARY)
    assert not Call.objects.filter(ended_at__isnull=True).exists()
    # Jo is expected, once her invitation is within the Sanctuary page's twelve hours.
    jo = tonights_calls().get(called="Jo", sanctuary_at__isnull=False)
    soon = abs(jo.sanctuary_at - timezone.now()) < dt.timedelta(hours=12)
    assert [c.called for c in services.invited_tonight(sanctuary)] == (["Jo"] if soon else [])
    # Tonight's caller who hung up at risk, and any of tonight's calls whose words the
    # screen flagged (Jo's, as a false alarm), screened as a handler's call is.
    waiting = services.calls_to_call_back(leader)
    assert "Ash" in [c.called for c in waiting]
    assert {c.called for c in waiting} <= {"Ash", "Jo"}
    ash = next(c for c in waiting if c.called == "Ash")
    assert ash.hung_up_at_risk
    assert ash.risk_concerns == ["risk_to_life"]
    assert "can not go on" in ash.risk_reason
    today = {c.called for c in services.calls_today(leader)}
    assert today <= {"Jo", "Sam", "Ash"}


def test_handlers_and_welcomers_work_on_the_line_and_at_the_sanctuary(demo):
    line = Team.objects.get(kind=Team.Kind.CRISIS_LINE)
    sanctuary = Team.objects.get(kind=Team.Kind.SANCTUARY)
    line_staff = set(line.staff.values_list("pk", flat=True))
    sanctuary_staff = set(sanctuary.staff.values_list("pk", flat=True))
    calls = Call.objects.all()
    assert set(calls.values_list("team_id", flat=True)) == {line.pk}
    assert set(calls.values_list("handler_id", flat=True)) <= line_staff
    visits = SanctuaryVisit.objects.all()
    assert set(visits.values_list("team_id", flat=True)) == {sanctuary.pk}
    assert set(visits.values_list("welcomed_by_id", flat=True)) <= sanctuary_staff
    # The guests known to services are ones the staff who welcomed them may see.
    for welcomer_id, person_ids in _by(
        visits.exclude(person=None), "welcomed_by_id", "person_id"
    ).items():
        welcomer = User.objects.get(pk=welcomer_id)
        assert people_visible_to(welcomer, person_ids) == person_ids


def _by(rows, key, value):
    grouped = defaultdict(set)
    for row in rows:
        grouped[getattr(row, key)].add(getattr(row, value))
    return grouped
