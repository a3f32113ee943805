from coproduce.accounts.audit import someone_not_signed_in
from coproduce.accounts.models import AuditEvent
from coproduce.tooling.testing.factories import EnquiryCategoryFactory, VoiceFactory


def test_it_lists_voices_not_yet_reviewed(client, le_lead):
    new = VoiceFactory(text="Nobody called me back.")
    VoiceFactory(text="Already looked at.", reviewed_at=new.received_at)
    client.force_login(le_lead)
    body = client.get("/voices").content.decode()
    assert "Nobody called me back." in body
    assert "Already looked at." not in body
    assert "Already looked at." in client.get("/voices?state=all").content.decode()


def test_it_confirms_a_voices_categories_and_sentiment(client, le_lead):
    voice = VoiceFactory()
    continuity = EnquiryCategoryFactory(name="Continuity of care and relationships")
    client.force_login(le_lead)
    response = client.post(
        f"/voices/{voice.pk}", {"categories": [continuity.pk], "sentiment": "negative"}
    )
    assert response.status_code == 302
    voice.refresh_from_db()
    assert list(voice.categories.all()) == [continuity]
    assert voice.sentiment == "negative"
    assert voice.reviewed_by == le_lead
    assert AuditEvent.objects.filter(action="changed", record_type="voices.voice").exists()


def test_it_asks_for_at_least_one_category(client, le_lead):
    voice = VoiceFactory()
    EnquiryCategoryFactory()
    client.force_login(le_lead)
    response = client.post(f"/voices/{voice.pk}", {})
    assert response.status_code == 400
    assert "Select at least one enquiry category" in response.content.decode()
    assert (
        "Select whether the feedback is positive, neutral or negative" in response.content.decode()
    )
    voice.refresh_from_db()
    assert voice.reviewed_at is None


def test_it_refuses_a_category_that_does_not_exist(client, le_lead):
    voice = VoiceFactory()
    client.force_login(le_lead)
    response = client.post(f"/voices/{voice.pk}", {"categories": ["424242"]})
    assert "Select enquiry categories from the list" in response.content.decode()


def test_opening_a_voice_is_audited(client, le_lead):
    voice = VoiceFactory()
    client.force_login(le_lead)
    client.get(f"/voices/{voice.pk}")
    assert AuditEvent.objects.filter(action="viewed", record_id=str(voice.pk)).exists()


def test_practitioners_and_members_cannot_open_the_inbox(client, lead, member):
    for user in (lead, member):
        client.force_login(user)
        assert client.get("/voices").status_code == 403


def test_the_inbox_reads_its_voices_in_a_fixed_number_of_queries(
    client, le_lead, django_assert_max_num_queries
):
    from coproduce.voices.services import receive_voice

    for n in range(30):
        receive_voice(
            someone_not_signed_in(),
            channel="web",
            text=f"I can't go on ({n})" if n % 3 == 0 else "Fine.",
            rating=1,
        )
    client.force_login(le_lead)
    # 15 whatever the number of voices (one finds the second factor's device, two list
    # the categories and services that key the kept filters); 12 once those are kept.
    with django_assert_max_num_queries(15):
        client.get("/voices")
    with django_assert_max_num_queries(12):
        body = client.get("/voices").content.decode()
    assert body.count("Risk alert</strong>") == 10


def test_the_inbox_shows_fifty_voices_a_page_newest_first_keeping_the_filters(client, le_lead):
    import datetime as dt

    from django.utils import timezone

    start = timezone.now() - dt.timedelta(days=200)
    for n in range(120):
        VoiceFactory(text=f"Voice number {n:03d}.", received_at=start + dt.timedelta(days=n))
    VoiceFactory(text="Already looked at.", reviewed_at=timezone.now())
    client.force_login(le_lead)
    first = client.get("/voices").content.decode()
    assert "Showing voices 1 to 50 of 120, newest first." in first
    assert "Voice number 119." in first
    assert "Voice number 070." in first
    assert "Voice number 069." not in first
    assert 'href="?page=2"' in first
    assert "Page 2 of 3" in first
    # Moving on a page keeps the default (voices not yet confirmed).
    last = client.get("/voices?page=3").content.decode()
    assert "Showing voices 101 to 120 of 120" in last
    assert "Voice number 000." in last
    assert "Already looked at." not in last
    assert 'href="?page=2"' in last
    assert "?page=4" not in last
    # A chosen filter stays in the links to other pages.
    every = client.get("/voices?state=all&page=2").content.decode()
    assert "Showing voices 51 to 100 of 121" in every
    assert 'href="?state=all&amp;page=1"' in every
    assert 'href="?state=all&amp;page=3"' in every
    # A page that is not a number, or past the end, shows the first or the last.
    assert "Showing voices 1 to 50" in client.get("/voices?page=first").content.decode()
    assert "Showing voices 101 to 120" in client.get("/voices?page=99").content.decode()
