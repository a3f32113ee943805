from coproduce.testing.factories import EpisodeFactory


def test_it_lists_open_episodes_on_the_users_teams(client, lead, person, other_team):
    elsewhere = EpisodeFactory(team=other_team)
    client.force_login(lead)
    body = client.get("/caseload").content.decode()
    assert person.full_name in body
    assert elsewhere.person.full_name not in body


def test_it_leaves_out_closed_episodes(client, lead, episode):
    from django.utils import timezone

    episode.closed_at = timezone.now()
    episode.save()
    client.force_login(lead)
    assert episode.person.full_name not in client.get("/caseload").content.decode()


def test_it_is_refused_to_roles_without_clinical_access(client, le_lead, member, analyst):
    for user in (le_lead, member, analyst):
        client.force_login(user)
        assert client.get("/caseload").status_code == 403


def test_reading_the_caseload_is_audited_for_each_of_the_users_teams(client, lead, person):
    from coproduce.accounts.models import AuditEvent

    client.force_login(lead)
    client.get("/caseload")
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.record_type) == (lead, "viewed", "care.team")
    assert event.record_id == str(lead.teams.get().pk)
