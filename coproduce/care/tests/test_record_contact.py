import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.care import plans, services
from coproduce.care.models import Contact, CrisisPlan, Referral
from coproduce.tooling.testing.factories import ReferralFactory, UserFactory, sent_once


@pytest.fixture
def listen():
    now = timezone.localtime() - dt.timedelta(minutes=10)
    return {
        "occurred_on": now.strftime("%d/%m/%Y"),
        "occurred_time": now.strftime("%H:%M"),
        "mode": "phone",
        "persons_words": "I can't keep going like this.",
        "crisis_plan_reviewed": "on",
        "involved_and_informed": "Spoke with their sister, with consent.",
        "options_given": "Home treatment visits, the Sanctuary tonight, or the 24/7 line.",
        "carer_informed": "yes",
        "shared_understanding": "Nights are the hardest; the sister will stay tonight.",
        "availability_promised": "We will call at 10:00 tomorrow.",
        "time_and_tone": "Unhurried.",
        "duration_minutes": "40",
        "feelings_validated": "Said it makes sense to feel exhausted after weeks of this.",
        "next_steps": "Call at 10:00 tomorrow; crisis line number on the fridge.",
    }


def test_it_records_a_listen_contact_linked_to_the_current_crisis_plan(
    client, lead, episode, listen
):
    plans.save_new_version(lead, CrisisPlan, episode.person, {"about_me": "v1"})
    current = plans.save_new_version(lead, CrisisPlan, episode.person, {"about_me": "v2"})
    client.force_login(lead)
    response = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen))
    assert response.status_code == 302
    assert response["Location"] == f"/people/{episode.person_id}"
    contact = Contact.objects.get()
    assert contact.staff == lead
    assert contact.persons_words == listen["persons_words"]
    assert (contact.crisis_plan, contact.crisis_plan_reviewed) == (current, True)
    assert contact.options_given.startswith("Home treatment visits")
    assert (contact.carer_informed, contact.duration_minutes) == ("yes", 40)
    assert contact.availability_promised == "We will call at 10:00 tomorrow."
    assert contact.next_steps == listen["next_steps"]
    assert not contact.outside_named_team
    assert AuditEvent.objects.filter(action="created", record_type="care.contact").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Call at 10:00 tomorrow" in page


@pytest.mark.parametrize(
    # Found by issue 21's fresh-eyes trial: two zero-width spaces were saved as "the next
    # steps agreed", shown blank on the person's page.
    "nothing",
    ["   ", "\u200b\u200b", "\u2060\ufeff \u200d", "\u202e"],
)
def test_it_refuses_a_contact_without_next_steps_and_keeps_what_was_typed(
    client, lead, episode, listen, nothing
):
    client.force_login(lead)
    listen["next_steps"] = nothing
    response = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen))
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter the next steps agreed to stay safe" in body
    assert 'href="#id_next_steps"' in body
    assert "Nights are the hardest" in body  # nothing typed is lost
    assert not Contact.objects.exists()


def test_it_names_every_missing_listen_part(client, lead, episode):
    client.force_login(lead)
    body = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once({})).content.decode()
    for message in [
        "Enter the date of the contact",
        "Select how the contact happened",
        "Enter what the person said, in their own words",
        "Enter the understanding you reached together about safety",
        "Enter how you empathised, encouraged and evaluated what was agreed",
        "Say whether the person&#39;s carer was informed",
        "Enter the next steps agreed to stay safe",
    ]:
        assert message in body


def test_it_refuses_a_contact_in_the_future(client, lead, episode, listen):
    client.force_login(lead)
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    listen["occurred_on"] = tomorrow.strftime("%d/%m/%Y")
    body = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).content.decode()
    assert "The contact cannot be in the future" in body
    assert not Contact.objects.exists()


def test_the_service_refuses_a_contact_in_the_future_by_name(lead, episode):
    with pytest.raises(ValidationError) as refused:
        services.record_contact(
            lead,
            episode,
            occurred_at=timezone.now() + dt.timedelta(hours=1),
            mode="phone",
            persons_words="I can't keep going like this.",
            shared_understanding="Nights are the hardest.",
            feelings_validated="It makes sense to feel exhausted.",
            next_steps="Call at 10:00 tomorrow.",
        )
    assert refused.value.message_dict == {"occurred_on": ["The contact cannot be in the future"]}
    assert not Contact.objects.exists()
    assert not AuditEvent.objects.filter(record_type="care.contact").exists()


def test_it_refuses_a_date_it_cannot_read(client, lead, episode, listen):
    client.force_login(lead)
    listen["occurred_on"] = "yesterday"
    body = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).content.decode()
    assert "Enter the date of the contact as day/month/year" in body
    # A date in the right form that no calendar has is told why (a fresh-eyes trial).
    listen["occurred_on"] = "31/02/2026"
    body = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).content.decode()
    assert "must be a real date: February 2026 has 28 days" in body


def test_an_outsider_cannot_record_on_another_teams_episode(client, outsider, episode, listen):
    client.force_login(outsider)
    assert client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).status_code == 404
    assert not Contact.objects.exists()


def test_a_lived_experience_lead_cannot_record_contacts(client, le_lead, episode, listen):
    client.force_login(le_lead)
    assert client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).status_code == 403


def test_with_no_crisis_plan_the_contact_records_that_there_is_none(client, lead, episode, listen):
    client.force_login(lead)
    page = client.get(f"/episodes/{episode.pk}/contacts/new").content.decode()
    assert "This person has no crisis plan" in page
    client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen))
    contact = Contact.objects.get()
    assert contact.crisis_plan is None
    assert contact.crisis_plan_reviewed is False  # cannot have looked at a plan that is not there


def test_it_asks_why_the_carer_was_not_informed(client, lead, episode, listen):
    client.force_login(lead)
    listen["carer_informed"] = "no"
    body = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).content.decode()
    assert "Say why the carer was not informed" in body
    assert not Contact.objects.exists()


def test_someone_outside_the_named_team_must_say_why_and_is_flagged(client, team, episode, listen):
    stranger = UserFactory(username="stranger")
    team.staff.add(stranger)
    client.force_login(stranger)
    page = client.get(f"/episodes/{episode.pk}/contacts/new").content.decode()
    assert "You are not in this person&#39;s named team" in page
    body = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).content.decode()
    assert "is not in this person" in body
    assert not Contact.objects.exists()
    listen["outside_named_team_because"] = "Named team all on leave today."
    client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen))
    contact = Contact.objects.get()
    assert contact.outside_named_team
    assert contact.outside_named_team_because == "Named team all on leave today."


def test_the_first_contact_stops_the_referral_clock(client, lead, episode, listen):
    referral = ReferralFactory(
        person=episode.person, team=episode.team, status=Referral.Status.ACCEPTED
    )
    episode.referral = referral
    episode.save()
    client.force_login(lead)
    client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen))
    referral.refresh_from_db()
    assert referral.seen_at == Contact.objects.get().occurred_at


def test_it_refuses_a_duration_that_is_not_a_number_of_minutes(client, lead, episode, listen):
    client.force_login(lead)
    listen["duration_minutes"] = "forty"
    body = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(listen)).content.decode()
    assert "Enter the duration as a number of minutes" in body


def test_a_date_before_the_episode_is_named_with_the_forms_other_faults(
    client, lead, episode, listen
):
    """helper-83 was told a contact on 01/01/2020 was before the episode only once the
    duration and the carer's answer were mended: one refusal after another."""
    client.force_login(lead)
    typed = {**listen, "occurred_on": "01/01/2020", "duration_minutes": "forty"}
    refused = client.post(f"/episodes/{episode.pk}/contacts/new", sent_once(typed))
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "The contact cannot be before the episode began." in body
    assert 'href="#id_duration_minutes"' in body
    assert not Contact.objects.exists()
