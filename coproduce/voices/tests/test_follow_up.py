import datetime as dt
import zoneinfo
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from coproduce.care import episodes
from coproduce.care.models import Person
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import ContactFactory, UserFactory, sent_once
from coproduce.voices import follow_up
from coproduce.voices.models import FollowUpInvitation, Voice


def test_closing_an_episode_schedules_the_follow_up_after_the_teams_days(
    lead, team, episode, django_capture_on_commit_callbacks
):
    team.follow_up_after_days = 21
    team.save()
    with django_capture_on_commit_callbacks(execute=True):
        episodes.discharge(
            lead,
            episode,
            destination="gp",
            onward_team="",
            unseen_because="Moved away before the first visit",
        )
    invitation = FollowUpInvitation.objects.get()
    episode.refresh_from_db()
    assert invitation.episode == episode
    assert invitation.due_at == episode.closed_at + dt.timedelta(days=21)
    assert invitation.status == "scheduled"


def test_a_refused_discharge_schedules_nothing(lead, episode, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="before the referral was accepted"),
    ):
        episodes.discharge(
            lead,
            episode,
            destination="gp",
            onward_team="",
            unseen_because="Moved away before the first visit",
            discharged_at=episode.accepted_at - dt.timedelta(days=1),
        )
    assert not FollowUpInvitation.objects.exists()


def test_the_disengagement_command_reports_what_it_marked(lead, team, episode):
    team.disengaged_after_days = 3
    team.save()
    ContactFactory(episode=episode, occurred_at=timezone.now() - dt.timedelta(days=4))
    out = StringIO()
    call_command("mark-disengaged", stdout=out)
    assert out.getvalue().strip() == "1 episode(s) marked disengaged."


# Sending on the day (seed 003) -------------------------------------------------------

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(hour, minute=0, day=dt.date(2026, 11, 2)):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


@pytest.fixture
def invitation(episode):
    person = episode.person
    person.phone = "07700900321"
    person.email = "robin@example.com"
    person.feedback_invitations = "sms"
    person.save()
    episode.closed_at = at(10) - dt.timedelta(days=14)
    episode.save()
    return FollowUpInvitation.objects.create(episode=episode, due_at=at(10))


def test_on_the_day_it_is_sent_by_the_chosen_channel_with_a_link_and_a_way_to_stop(invitation):
    assert follow_up.send_if_due(invitation.pk, now=at(10, 5)) == "sent"
    invitation.refresh_from_db()
    assert invitation.status == "sent"
    message = Message.objects.get(invitation=invitation)
    assert (message.kind, message.channel, message.to) == (
        "follow_up_invitation",
        "sms",
        "07700900321",
    )
    assert "/feedback?invitation=" in message.body
    assert "/feedback/stop/" in message.body
    # A text message carries no name and nothing clinical.
    assert invitation.episode.person.family_name not in message.body


def test_it_is_not_sent_before_the_day(invitation):
    assert follow_up.send_if_due(invitation.pk, now=at(9, 59)) == "not due"
    assert not Message.objects.exists()


def test_it_goes_by_email_if_that_is_what_the_person_chose(invitation):
    Person.objects.filter(pk=invitation.episode.person_id).update(feedback_invitations="email")
    follow_up.send_if_due(invitation.pk, now=at(11))
    assert Message.objects.get().to == "robin@example.com"


def test_it_is_never_sent_without_the_persons_agreement(invitation):
    Person.objects.filter(pk=invitation.episode.person_id).update(feedback_invitations="none")
    assert follow_up.send_if_due(invitation.pk, now=at(11)) == "not agreed"
    invitation.refresh_from_db()
    assert invitation.status == "not_sent"
    assert not Message.objects.exists()


@pytest.mark.parametrize("hour", [20, 23, 0, 3, 8])
def test_it_is_never_sent_in_quiet_hours(invitation, hour):
    due = at(hour) + (dt.timedelta(days=1) if hour < 12 else dt.timedelta())
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(due_at=due)
    assert follow_up.send_if_due(invitation.pk, now=due) == "quiet hours"
    assert not Message.objects.exists()


def test_quiet_hours_end_in_the_morning():
    assert follow_up.next_allowed(at(22, 30)) == at(9, day=dt.date(2026, 11, 3))
    assert follow_up.next_allowed(at(6)) == at(9)
    assert follow_up.next_allowed(at(14)) == at(14)


def test_the_sweeper_sends_it_on_the_morning_after_quiet_hours(invitation):
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(due_at=at(22))
    assert follow_up.send_due(now=at(22, 1)) == {"quiet hours": 1}
    assert follow_up.send_due(now=at(9, 1, day=dt.date(2026, 11, 3))) == {"sent": 1}


def test_it_is_signed_by_the_teams_peer_worker(invitation):
    team = invitation.episode.team
    team.peer_worker = UserFactory(first_name="Sam", last_name="Okafor", role="support_worker")
    team.save()
    follow_up.send_if_due(invitation.pk, now=at(11))
    assert f"From Sam Okafor, peer worker, {team.name}" in Message.objects.get().body


def test_without_a_peer_worker_it_is_signed_by_the_team(invitation):
    follow_up.send_if_due(invitation.pk, now=at(11))
    assert Message.objects.get().body.endswith(f"From {invitation.episode.team.name}")


def test_one_reminder_follows_when_there_is_no_answer_and_never_a_second(invitation, settings):
    follow_up.send_if_due(invitation.pk, now=at(11))
    week = dt.timedelta(days=settings.FOLLOW_UP_REMINDER_DAYS)
    assert follow_up.send_if_due(invitation.pk, now=at(11) + week - dt.timedelta(hours=1)) == (
        "not due"
    )
    assert follow_up.send_if_due(invitation.pk, now=at(11) + week) == "reminder sent"
    assert follow_up.send_if_due(invitation.pk, now=at(11) + 2 * week) == "nothing to send"
    kinds = list(Message.objects.order_by("created_at").values_list("kind", flat=True))
    assert kinds == ["follow_up_invitation", "follow_up_reminder"]


def test_no_reminder_after_the_person_answered(invitation, settings, client):
    follow_up.send_if_due(invitation.pk, now=at(11))
    token = follow_up.token(invitation)
    response = client.post(
        f"/feedback?invitation={token}", sent_once({"rating": "2", "invitation": token})
    )
    assert response.status_code == 302
    voice = Voice.objects.get()
    assert voice.follow_up_invitation == invitation
    assert voice.team == invitation.episode.team
    assert voice.person is None  # The invitation does not make the feedback named.
    later = at(11) + dt.timedelta(days=settings.FOLLOW_UP_REMINDER_DAYS)
    assert follow_up.send_if_due(invitation.pk, now=later) == "answered"


def test_the_feedback_form_from_an_invitation_names_the_service(invitation, client):
    token = follow_up.token(invitation)
    body = client.get(f"/feedback?invitation={token}").content.decode()
    assert f'name="invitation" value="{token}"' in body


def test_one_tap_stops_the_reminder_and_future_invitations(invitation, client):
    follow_up.send_if_due(invitation.pk, now=at(11))
    token = follow_up.token(invitation)
    page = client.get(f"/feedback/stop/{token}")
    assert page.status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == "sent"  # Opening the link (or a mail scanner) stops nothing.
    done = client.post(f"/feedback/stop/{token}")
    assert "Messages stopped" in done.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "opted_out"
    assert Person.objects.get(pk=invitation.episode.person_id).feedback_invitations == "none"
    assert follow_up.send_if_due(invitation.pk, now=at(11) + dt.timedelta(days=30)) == (
        "nothing to send"
    )


def test_a_broken_stop_link_says_so(client, db):
    response = client.get("/feedback/stop/not-a-token")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_replying_stop_to_the_text_stops_it(invitation, client, settings, fake_notify):
    follow_up.send_if_due(invitation.pk, now=at(11))
    payload = fake_notify.inbound("+44 7700 900321", "Stop")
    response = client.post(
        "/notify/inbound-sms",
        payload,
        "application/json",
        HTTP_AUTHORIZATION=f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}",
    )
    assert response.json() == {"stopped": 1}
    invitation.refresh_from_db()
    assert invitation.status == "opted_out"


@pytest.mark.parametrize(
    ("recorded", "from_number"),
    [
        ("07700900321", "447700900321"),  # as Notify's inbound callback gives it
        # A number recorded before personal numbers were refused as mobiles (issue 18):
        # a STOP from it still stops.
        ("07012345678", "+44 70 1234 5678"),
    ],
)
def test_a_stop_is_matched_to_the_number_however_either_was_written(
    invitation, client, settings, fake_notify, recorded, from_number
):
    Person.objects.filter(pk=invitation.episode.person_id).update(phone=recorded)
    response = client.post(
        "/notify/inbound-sms",
        fake_notify.inbound(from_number, "STOP"),
        "application/json",
        HTTP_AUTHORIZATION=f"Bearer {settings.NOTIFY_CALLBACK_TOKEN}",
    )
    assert response.json() == {"stopped": 1}
    invitation.refresh_from_db()
    assert invitation.status == "opted_out"


def test_discharge_records_whether_the_person_agreed(client, lead, episode):
    client.force_login(lead)
    response = client.post(
        f"/episodes/{episode.pk}/discharge",
        {
            "destination": "gp",
            "discharged_on": timezone.localdate().isoformat(),
            "discharged_time": "00:00",
            "feedback_invitations": "sms",
        },
    )
    assert response.status_code == 400
    assert "There is no mobile number on the person&#39;s record" in response.content.decode()
    Person.objects.filter(pk=episode.person_id).update(phone="07700900321")
    response = client.post(
        f"/episodes/{episode.pk}/discharge",
        {
            "destination": "gp",
            "discharged_on": timezone.localdate().isoformat(),
            "discharged_time": "00:00",
            "feedback_invitations": "sms",
            "unseen_because": "Moved away before the first visit",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=episode.person_id).feedback_invitations == "sms"
