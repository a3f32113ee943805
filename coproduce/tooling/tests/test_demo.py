from io import StringIO

import nhs_number
import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from coproduce.accounts.models import Role, User
from coproduce.care.models import Contact, Episode, Person, Team
from coproduce.change.models import OutboxMessage, Update
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.voices.models import Rating, Voice


def snapshot():
    return (
        sorted(Person.objects.values_list("nhs_number", "given_name", "family_name")),
        sorted(Voice.objects.values_list("rating", "text", "channel"), key=repr),
        Contact.objects.count(),
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
def test_it_tells_one_thread_all_the_way_to_the_outbox():
    seed_demo()
    update = Update.objects.get()
    contributors = Voice.objects.to_contact_back().filter(insights__actions=update.action).count()
    assert OutboxMessage.objects.filter(update=update).count() == contributors


@pytest.mark.django_db
def test_the_command_prints_the_sign_ins_and_leaves_a_seeded_database_alone():
    out = StringIO()
    call_command("seed", "--profile", "demo", stdout=out)
    assert "Lived experience lead    le.lead" in out.getvalue()
    people = Person.objects.count()
    out = StringIO()
    call_command("seed", "--profile", "demo", stdout=out)
    assert "leaving it as it is" in out.getvalue()
    assert "Lived experience lead    le.lead" in out.getvalue()  # still told how to sign in
    assert Person.objects.count() == people


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
