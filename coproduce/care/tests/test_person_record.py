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
