import datetime as dt
import random
import re
from io import StringIO

import nhs_number
import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role, User
from coproduce.care.models import Contact, Episode, Person, Team
from coproduce.change.models import OutboxMessage, Update
from coproduce.firstresponse import services as firstresponse
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.network.models import EqualityMonitoring, Member
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.synthetic.firstresponse import seed_line_year
from coproduce.tooling.testing.factories import TeamFactory, UserFactory
from coproduce.voices.models import Rating, Voice


def snapshot():
    return (
        sorted(Person.objects.values_list("nhs_number", "given_name", "family_name")),
        sorted(Voice.objects.values_list("rating", "text", "channel"), key=repr),
        Contact.objects.count(),
        sorted(Call.objects.values_list("called", "phone", "outcomes"), key=repr),
        sorted(SanctuaryVisit.objects.values_list("called", "came", "left"), key=repr),
    )


def seeded_then_rolled_back(seed):
    with transaction.atomic():
        seed_demo(seed=seed)
        result = snapshot()
        transaction.set_rollback(True)
    return result


@pytest.mark.django_db
def test_it_is_deterministic_for_a_seed():
    first = seeded_then_rolled_back(11)
    assert seeded_then_rolled_back(11) == first
    assert seeded_then_rolled_back(12) != first


@pytest.mark.django_db
def test_it_makes_the_four_services_every_role_and_only_synthetic_nhs_numbers():
    seed_demo()
    assert set(Team.objects.values_list("kind", flat=True)) == set(Team.Kind.values)
    people = User.objects.filter(is_active=True)  # not the service's own (audit) accounts
    assert set(people.values_list("role", flat=True)) == set(Role.values)
    numbers = list(Person.objects.values_list("nhs_number", flat=True))
    assert numbers
    assert all(n.startswith("999") and nhs_number.is_valid(n) for n in numbers)
    assert Episode.objects.open().exists()
    assert not Contact.objects.filter(next_steps="").exists()


@pytest.mark.django_db
def test_its_experience_is_near_the_72_percent_of_seed_001():
    seed_demo()
    rated = Voice.objects.exclude(rating=None)
    positive = rated.filter(rating__in=[Rating.VERY_GOOD, Rating.GOOD]).count() / rated.count()
    assert 0.62 < positive < 0.82


@pytest.mark.django_db
def test_it_tells_every_thread_all_the_way_to_the_outbox():
    seed_demo()
    updates = Update.objects.all()
    assert updates.count() > 1  # the thread told today, and a year of them before
    for update in updates:
        assert update.you_said
        assert update.we_did
        contributors = Voice.objects.to_contact_back().filter(insights__actions=update.action)
        assert OutboxMessage.objects.filter(update=update).count() == contributors.count() > 0


@pytest.mark.django_db
def test_the_command_prints_the_sign_ins_and_leaves_a_seeded_database_alone():
    out = StringIO()
    call_command("seed", "--profile", "demo", stdout=out)
    assert "Lived experience lead    le.lead" in out.getvalue()
    assert f"{Call.objects.count()} calls to the line" in out.getvalue()
    people = Person.objects.count()
    calls, visits = Call.objects.count(), SanctuaryVisit.objects.count()
    assert calls > 4000  # a year of them
    out = StringIO()
    call_command("seed", "--profile", "demo", stdout=out)
    assert "leaving it as it is" in out.getvalue()
    assert "Lived experience lead    le.lead" in out.getvalue()  # still told how to sign in
    assert Person.objects.count() == people
    # The line's year is not written twice.
    assert (Call.objects.count(), SanctuaryVisit.objects.count()) == (calls, visits)


@pytest.mark.django_db
def test_the_command_refuses_a_production_database(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="never seeded into a production database"):
        call_command("seed", "--profile", "demo", stdout=StringIO())
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_demo_has_one_risk_alert_waiting_for_the_duty_team():
    from coproduce.voices.models import RiskAlert

    seed_demo()
    alert = RiskAlert.objects.get()
    assert alert.acknowledged_at is None
    assert alert.voice.channel == "sms"
    # Texted in, so answered as a real text is: crisis contacts (a fresh-eyes trial
    # found the demo's alert saying "No reply was sent to them").
    assert [m.kind for m in alert.voice.messages.all()] == ["crisis_reply"]


@pytest.mark.django_db
def test_its_network_members_are_many_made_up_and_counted_apart_from_their_names():
    seed_demo()
    members = Member.objects.all()
    assert members.count() > 100
    # Only the demo's own member signs in; those who joined need no account.
    assert list(members.exclude(user=None).values_list("user__username", flat=True)) == ["member"]
    phones = [p for p in members.values_list("phone", flat=True) if p]
    assert phones
    assert all(re.fullmatch(r"07700900\d{3}", p) for p in phones)  # Ofcom's drama range
    assert EqualityMonitoring.objects.count() == members.count() - 1  # all but Viv answered
    joined = AuditEvent.objects.filter(record_type="network.member", detail="joined")
    assert joined.count() == members.count() - 1


@pytest.mark.django_db
def test_its_coproduction_health_and_reach_show_figures_not_hidden_small_numbers(fake_notify):
    """Issue 20: enough members, voices in insights, actions and updates told back for the
    co-production health and reach pages to show figures (counts of 1 to 7 are hidden)."""
    from coproduce.evidence import services
    from coproduce.messaging import notify

    seed_demo()
    notify.deliver_due()  # as the demo's worker does: today's thread is told at once
    evaluation = services.trust_evaluation(refresh=True)

    this_month = timezone.localdate().replace(day=1)
    months = [(this_month.year * 12 + this_month.month - 1) - k for k in range(11, 0, -1)]
    closed = [f"{m // 12}-{m % 12 + 1:02d}-01" for m in months]  # the 11 months the page shows
    thread = {row["month"]: row for row in evaluation["metrics"]["thread"]}
    year = [thread[month] for month in closed]
    shown = {
        column: sum(row[column] is not None for row in year)
        for column in (
            "in_an_insight",
            "median_days_to_insight",
            "median_days_insight_to_action",
            "median_days_action_to_update",
            "share_told",
        )
    }
    # Last month's voices may not be in an insight yet; a month or two more not yet acted
    # on or told; and the month of today's thread letter in large print waits to be posted.
    assert shown["in_an_insight"] >= 10
    assert shown["median_days_to_insight"] >= 10
    assert shown["median_days_insight_to_action"] >= 10
    assert shown["median_days_action_to_update"] >= 9
    assert shown["share_told"] >= 8

    actions = {row["status"]: row for row in evaluation["metrics"]["actions"]}
    assert all(actions[status]["actions"] for status in ("planned", "in_progress", "done"))
    assert actions["planned"]["overdue"]  # shown, and not none
    assert actions["in_progress"]["overdue"] is not None

    members = [r for r in evaluation["reach_against_population"] if r["group"] == "member"]
    assert len(members) == 22  # seven age bands, five ethnic groups, ten deprivation deciles
    # Too few from Black, mixed or other ethnic groups to show, as the self-assessment says.
    assert sum(r["people"] is not None for r in members) >= 18


@pytest.mark.parametrize(
    "local",
    [
        "2026-06-10 00:30",  # after midnight, the Sanctuary still open
        "2026-06-10 13:00",
        "2026-06-10 23:45",
        "2026-03-30 00:30",  # the night after the clocks went forward
        "2026-10-26 01:30",  # the night after they went back
    ],
)
@pytest.mark.django_db
def test_at_any_hour_the_line_s_year_ends_before_tonight(local):
    """Whenever the demo is seeded, nothing of the line's and the Sanctuary's year is in
    the future, open, expected at the Sanctuary, here after closing, on today's calls or
    waiting for a call-back: tonight is the demo's hand-written few."""
    line = TeamFactory(kind=Team.Kind.CRISIS_LINE)
    sanctuary = TeamFactory(
        kind=Team.Kind.SANCTUARY, opens_at=dt.time(18, 0), closes_at=dt.time(1, 0), capacity=8
    )
    staff = UserFactory(role=Role.PRACTITIONER)
    line.staff.add(staff)
    sanctuary.staff.add(staff)
    now = timezone.make_aware(dt.datetime.fromisoformat(local))
    rng = random.Random(7)  # noqa: S311 - synthetic data, not a secret
    seed_line_year(rng, now, line, sanctuary, ["Alex", "Sam"])
    assert Call.objects.count() > 4000
    assert not Call.objects.filter(ended_at__isnull=True).exists()
    assert not Call.objects.filter(ended_at__gte=now).exists()
    assert not SanctuaryVisit.objects.filter(left_at__isnull=True).exists()
    assert not SanctuaryVisit.objects.filter(left_at__gte=now).exists()
    assert firstresponse.invited_tonight(sanctuary, now) == []
    assert firstresponse.here_after_closing(staff, now) == []
    assert firstresponse.calls_today(staff, now) == []
    assert firstresponse.calls_to_call_back(staff, now) == []
