"""The discharge follow-up by text or email, end to end: contact details recorded on the
person page → discharge with the person's agreement → the invitation scheduled → on its
day, the task worker sends it through the real Notify client (to the local fake Notify).
And the discharge page says clearly when the chosen channel has no contact details."""

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from coproduce.care import episodes
from coproduce.care.models import Episode, Person
from coproduce.messaging.models import Message
from coproduce.voices.models import FollowUpInvitation

NEVER_QUIET = (dt.time(0, 0), dt.time(0, 0))


def discharge_form(day, channel):
    return {
        "destination": "gp",
        "discharged_on": day.strftime("%d/%m/%Y"),
        "discharged_time": "10:00",
        "feedback_invitations": channel,
        "unseen_because": "Moved away before the first visit",
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("channel", "details", "to"),
    [
        ("sms", {"phone": "+44 7700 900 982", "preferred_channel": "sms"}, "07700900982"),
        (
            "email",
            {"email": "robin@example.com", "preferred_channel": "email"},
            "robin@example.com",
        ),
    ],
)
def test_from_recording_contact_details_to_the_invitation_sent_on_its_day(
    client, lead, episode, fake_notify, settings, channel, details, to
):
    settings.QUIET_HOURS = NEVER_QUIET  # the day may fall in tonight's quiet hours
    Episode.objects.filter(pk=episode.pk).update(accepted_at=timezone.now() - dt.timedelta(days=30))
    client.force_login(lead)
    recorded = client.post(f"/people/{episode.person_id}/contact-details", details)
    assert recorded.status_code == 302

    # Discharged 15 days ago: the team's 14 days have passed, so today is the day.
    fifteen_days_ago = timezone.localdate() - dt.timedelta(days=15)
    response = client.post(
        f"/episodes/{episode.pk}/discharge", discharge_form(fifteen_days_ago, channel)
    )
    assert response.status_code == 302
    invitation = FollowUpInvitation.objects.get(episode=episode)
    assert invitation.status == "scheduled"

    call_command("db_worker", "--batch", "--queue-name", "notifications", stdout=StringIO())

    invitation.refresh_from_db()
    assert invitation.status == "sent"
    message = Message.objects.get(invitation=invitation)
    assert (message.kind, message.channel, message.status) == (
        "follow_up_invitation",
        channel,
        "sent",
    )
    [sent] = fake_notify.sent_to(to)
    assert "/feedback?invitation=" in sent.personalisation["body"]
    assert "/feedback/stop/" in sent.personalisation["body"]


@pytest.mark.parametrize(
    ("channel", "missing"),
    [("sms", "There is no mobile number"), ("email", "There is no email address")],
)
def test_discharge_says_when_the_chosen_channel_has_no_contact_details_with_a_link_to_add_them(
    client, lead, episode, channel, missing
):
    client.force_login(lead)
    form = client.get(f"/episodes/{episode.pk}/discharge").content.decode()
    link = f"/people/{episode.person_id}/contact-details?next=/episodes/{episode.pk}/discharge"
    assert "No mobile number is recorded" in form
    assert f'href="{link}"' in form

    response = client.post(
        f"/episodes/{episode.pk}/discharge", discharge_form(timezone.localdate(), channel)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f"{missing} on the person&#39;s record. Add it to their contact details" in page
    assert "Add contact details</a>" in page
    episode.refresh_from_db()
    assert episode.closed_at is None
    assert Person.objects.get(pk=episode.person_id).feedback_invitations == "none"
    assert not FollowUpInvitation.objects.exists()


def test_the_discharge_service_refuses_a_follow_up_it_could_not_send(
    lead, episode, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="no email address on the person's record"),
    ):
        episodes.discharge(
            lead, episode, destination="gp", onward_team="", feedback_invitations="email"
        )
    episode.refresh_from_db()
    assert episode.closed_at is None
    assert not FollowUpInvitation.objects.exists()


def test_discharge_shows_where_the_invitation_would_go(client, lead, episode):
    Person.objects.filter(pk=episode.person_id).update(phone="07700900982")
    client.force_login(lead)
    page = client.get(f"/episodes/{episode.pk}/discharge").content.decode()
    assert "To 07700 900982" in page
    assert "No email address is recorded" in page
