"""Opening a record that is not on one's caseloads needs a recorded reason."""

from coproduce.accounts.models import AuditEvent


def test_finding_someone_on_the_caseload_opens_their_record(client, lead, person):
    client.force_login(lead)
    response = client.post("/people/find", {"nhs_number": person.formatted_nhs_number})
    assert response["Location"] == f"/people/{person.pk}"


def test_finding_someone_else_asks_for_a_reason(client, outsider, person):
    client.force_login(outsider)
    response = client.post("/people/find", {"nhs_number": person.nhs_number})
    assert response["Location"] == f"/people/{person.pk}/break-glass"
    assert client.get(f"/people/{person.pk}").status_code == 404  # not yet


def test_breaking_the_glass_records_the_reason_and_audits_each_view(client, outsider, person):
    client.force_login(outsider)
    refused = client.post(f"/people/{person.pk}/break-glass", {"reason": ""})
    assert "Say why you need to see this person" in refused.content.decode()
    response = client.post(
        f"/people/{person.pk}/break-glass", {"reason": "A&E liaison called about them tonight."}
    )
    assert response["Location"] == f"/people/{person.pk}"
    page = client.get(f"/people/{person.pk}").content.decode()
    assert "Break-glass access" in page
    assert person.formatted_nhs_number in page
    glass = AuditEvent.objects.get(action="break_glass")
    assert (glass.actor, glass.record_id, glass.detail) == (
        outsider,
        str(person.pk),
        "A&E liaison called about them tonight.",
    )
    assert AuditEvent.objects.filter(action="viewed", detail="break-glass access").count() == 1


def test_break_glass_reads_only_do_not_allow_recording_contacts(client, outsider, person, episode):
    client.force_login(outsider)
    client.post(f"/people/{person.pk}/break-glass", {"reason": "Urgent."})
    assert client.get(f"/episodes/{episode.pk}/contacts/new").status_code == 404


def test_the_reason_is_limited_to_200_characters(client, outsider, person):
    client.force_login(outsider)
    body = client.post(f"/people/{person.pk}/break-glass", {"reason": "x" * 201}).content.decode()
    assert "Keep the reason to 200 characters or fewer" in body
    assert not AuditEvent.objects.filter(action="break_glass").exists()


def test_an_unknown_nhs_number_is_named(client, lead, db):
    client.force_login(lead)
    body = client.post("/people/find", {"nhs_number": "943 476 5919"}).content.decode()
    assert "No one with this NHS number is known to the service" in body
    body = client.post("/people/find", {"nhs_number": "943 476 5918"}).content.decode()
    assert "Enter a valid NHS number" in body


def test_network_members_cannot_break_the_glass(client, member, person):
    client.force_login(member)
    assert client.post(f"/people/{person.pk}/break-glass", {"reason": "curious"}).status_code == 403
    assert not AuditEvent.objects.filter(action="break_glass").exists()
