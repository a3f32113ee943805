import datetime as dt

import pytest
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.care.models import Contact


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
        "shared_understanding": "Nights are the hardest; the sister will stay tonight.",
        "time_and_tone": "Unhurried, 40 minutes.",
        "feelings_validated": "Said it makes sense to feel exhausted after weeks of this.",
        "next_steps": "Call at 10:00 tomorrow; crisis line number on the fridge.",
    }


def test_it_records_a_listen_contact(client, lead, episode, listen):
    client.force_login(lead)
    response = client.post(f"/episodes/{episode.pk}/contacts/new", listen)
    assert response.status_code == 302
    assert response["Location"] == f"/people/{episode.person_id}"
    contact = Contact.objects.get()
    assert contact.staff == lead
    assert contact.persons_words == listen["persons_words"]
    assert contact.crisis_plan_reviewed is True
    assert contact.next_steps == listen["next_steps"]
    assert AuditEvent.objects.filter(action="created", record_type="care.contact").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Call at 10:00 tomorrow" in page


def test_it_refuses_a_contact_without_next_steps_and_keeps_what_was_typed(
    client, lead, episode, listen
):
    client.force_login(lead)
    listen["next_steps"] = "   "
    response = client.post(f"/episodes/{episode.pk}/contacts/new", listen)
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter the next steps agreed to stay safe" in body
    assert 'href="#id_next_steps"' in body
    assert "Nights are the hardest" in body  # nothing typed is lost
    assert not Contact.objects.exists()


def test_it_names_every_missing_listen_part(client, lead, episode):
    client.force_login(lead)
    body = client.post(f"/episodes/{episode.pk}/contacts/new", {}).content.decode()
    for message in [
        "Enter the date of the contact",
        "Select how the contact happened",
        "Enter what the person said, in their own words",
        "Enter the understanding you reached together about safety",
        "Enter how the person&#39;s feelings and experience were validated",
        "Enter the next steps agreed to stay safe",
    ]:
        assert message in body


def test_it_refuses_a_contact_in_the_future(client, lead, episode, listen):
    client.force_login(lead)
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    listen["occurred_on"] = tomorrow.strftime("%d/%m/%Y")
    body = client.post(f"/episodes/{episode.pk}/contacts/new", listen).content.decode()
    assert "The contact cannot be in the future" in body
    assert not Contact.objects.exists()


def test_it_refuses_a_date_it_cannot_read(client, lead, episode, listen):
    client.force_login(lead)
    listen["occurred_on"] = "31/02/2026"
    body = client.post(f"/episodes/{episode.pk}/contacts/new", listen).content.decode()
    assert "Enter the date as day/month/year" in body


def test_an_outsider_cannot_record_on_another_teams_episode(client, outsider, episode, listen):
    client.force_login(outsider)
    assert client.post(f"/episodes/{episode.pk}/contacts/new", listen).status_code == 404
    assert not Contact.objects.exists()


def test_a_lived_experience_lead_cannot_record_contacts(client, le_lead, episode, listen):
    client.force_login(le_lead)
    assert client.post(f"/episodes/{episode.pk}/contacts/new", listen).status_code == 403
