from coproduce.accounts.models import AuditEvent


def test_it_shows_the_person_and_audits_the_read(client, lead, person):
    client.force_login(lead)
    response = client.get(f"/people/{person.pk}")
    assert response.status_code == 200
    assert person.formatted_nhs_number in response.content.decode()
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.record_id) == (lead, "viewed", str(person.pk))


def test_a_colleague_on_the_team_can_open_it_too(client, colleague, person):
    client.force_login(colleague)
    assert client.get(f"/people/{person.pk}").status_code == 200


def test_it_is_not_found_for_an_outsider_and_the_refusal_is_audited(client, outsider, person):
    client.force_login(outsider)
    response = client.get(f"/people/{person.pk}")
    assert response.status_code == 404
    assert person.family_name not in response.content.decode()
    event = AuditEvent.objects.get()
    assert (event.actor, event.action) == (outsider, "refused")


def test_an_unknown_person_is_not_found(client, lead, db):
    client.force_login(lead)
    assert client.get("/people/999999").status_code == 404
    assert not AuditEvent.objects.exists()


def test_it_is_refused_to_a_network_member(client, member, person):
    client.force_login(member)
    assert client.get(f"/people/{person.pk}").status_code == 403
    assert not AuditEvent.objects.exists()


def test_the_record_reads_its_contacts_in_a_fixed_number_of_queries(
    client, lead, person, django_assert_max_num_queries
):
    from coproduce.care import plans
    from coproduce.care.models import CrisisPlan
    from coproduce.tooling.testing.factories import ContactFactory

    episode = person.episodes.get()
    plan = plans.save_new_version(lead, CrisisPlan, person, {"about_me": "Music helps."})
    for n in range(25):
        ContactFactory(
            episode=episode,
            staff=lead,
            crisis_plan=plan if n % 2 else None,
            crisis_plan_reviewed=True,
            persons_words=f"Contact number {n}.",
        )
    client.force_login(lead)
    client.get(f"/people/{person.pk}")  # the session's first save
    # 15 for the record and its contacts, 2 for the calls to the line and Sanctuary visits,
    # 1 for the user's teams, read once for the request rather than in each query.
    with django_assert_max_num_queries(18):
        body = client.get(f"/people/{person.pk}").content.decode()
    assert "Break-glass access" not in body  # on the caseload: asked once, not again
    assert body.count("Version 1, looked at") == 12
    assert body.count("There was no crisis plan") == 13
    assert "Contact number 24." in body
