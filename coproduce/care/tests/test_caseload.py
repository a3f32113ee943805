from coproduce.tooling.testing.factories import EpisodeFactory


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


def test_the_caseload_reads_its_episodes_in_a_fixed_number_of_queries(
    client, lead, person, django_assert_max_num_queries
):
    from django.utils import timezone

    team = lead.teams.get()
    episodes = EpisodeFactory.create_batch(40, team=team, lead_practitioner=lead)
    episodes[0].disengaged_at = timezone.now()
    episodes[0].save()
    client.force_login(lead)
    client.get("/caseload")  # the session's first save
    with django_assert_max_num_queries(12):
        body = client.get("/caseload").content.decode()
    for episode in episodes:
        assert episode.person.full_name in body
        assert episode.person.formatted_nhs_number in body
        assert f'href="/people/{episode.person_id}"' in body
        assert f'href="/episodes/{episode.pk}"' in body
    assert body.count("Disengaged</strong>") == 1
    assert body.count(">You</strong>") == len(episodes) + (
        person.episodes.get().lead_practitioner == lead
    )
    assert lead.name_and_role in body.split("<main", 1)[1]


def test_the_caseload_scope_is_written_once():
    """Which episodes a user may reach is said in one place, ``Episode.objects.for_user``;
    contacts, appointments, plans, the worklist and FHIR reads go through it."""
    import re
    from pathlib import Path

    import coproduce

    root = Path(coproduce.__file__).parent
    scoping = re.compile(r"episodes?__team__(staff|in)\b|\.team\.staff\.filter\(pk=user")
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if not {"tests", "testing", "synthetic", "migrations"} & set(path.parts)
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if scoping.search(line)
    ]
    assert found == []


def test_the_users_teams_are_read_once_and_again_after_any_change(
    lead, team, other_team, django_assert_num_queries
):
    """Every scope of a page asks for the user's teams (issue 25: the worklist asked in
    eight subqueries); they are read once for the user object, and read again as soon as
    a team or who works in one changes, so no one keeps a team they have left."""
    from coproduce.care.models import Episode, Team, team_ids

    with django_assert_num_queries(1):
        assert team_ids(lead) == [team.pk]
        assert team_ids(lead, Team.Kind.HOME_TREATMENT) == [team.pk]
        assert team_ids(lead, Team.Kind.CRISIS_LINE) == []
    other_team.staff.add(lead)
    assert team_ids(lead) == sorted([team.pk, other_team.pk])
    team.staff.remove(lead)
    assert team_ids(lead) == [other_team.pk]
    assert not Episode.objects.for_user(lead).filter(team=team).exists()
    other_team.kind = Team.Kind.CRISIS_LINE
    other_team.save()
    assert team_ids(lead, Team.Kind.CRISIS_LINE) == [other_team.pk]
    lead.teams.clear()  # from the user's side of the relation
    assert team_ids(lead) == []
    with django_assert_num_queries(0):
        assert list(Episode.objects.for_user(lead)) == []
