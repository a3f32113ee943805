"""Enquiry categories (seeded, suggested, confirmed), the inbox's filters and bulk
actions, and masking before anything is shown in public (hazard H21)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from coproduce.accounts.audit import someone_not_signed_in
from coproduce.tooling.testing.factories import (
    EnquiryCategoryFactory,
    PersonFactory,
    TeamFactory,
    UserFactory,
    VoiceFactory,
    confirm_and_publish,
    sent_once,
)
from coproduce.voices import anonymise, categories
from coproduce.voices.models import EnquiryCategory, Voice
from coproduce.voices.services import (
    approve_quote,
    known_names,
    mask_known_names,
    receive_voice,
    withdraw,
)

V6_HEADER = (
    "Comment ID,Trust,Date,FFT answer,Comment sentiment,Not assigned,Staff continuity,"
    '"Staff listening, understanding & involving patients",Referals & continuity of care,'
    "Labelling not possible,Positive experience & gratitude\n"
)


def test_the_v6_framework_is_read_from_the_label_columns_of_its_file(tmp_path, db):
    path = tmp_path / "v6.csv"
    path.write_text(V6_HEADER + "1,T,2023,Great,1,0,0,1,0,0,1\n")
    assert categories.v6_labels(path) == [
        "Staff continuity",
        "Staff listening, understanding & involving patients",
        "Referals & continuity of care",
        "Positive experience & gratitude",
    ]
    loaded = categories.load_v6(path)
    assert loaded.created == 4
    mended = EnquiryCategory.objects.get(source_label="Referals & continuity of care")
    assert mended.name == "Referrals & continuity of care"
    assert mended.framework == "nhse_v6"
    assert categories.load_v6(path).created == 0  # a second load adds nothing


def test_the_shared_v6_file_gives_the_whole_framework(db):
    path = categories.default_framework_path()
    if not path.is_file():
        pytest.skip(f"the shared dataset is not beside the project ({path})")
    labels = categories.v6_labels(path)
    assert len(labels) == 48
    assert "Staff continuity" in labels
    assert "Not assigned" not in labels


def test_the_command_loads_local_and_v6_categories_and_refuses_a_wrong_file(tmp_path, db):
    path = tmp_path / "v6.csv"
    path.write_text(V6_HEADER)
    out = StringIO()
    call_command("load-categories", "--framework", str(path), stdout=out)
    assert "Local categories: 7 added." in out.getvalue()
    assert "NHS England v6 categories: 4 added." in out.getvalue()
    assert EnquiryCategory.objects.filter(name="Cultural factors and offers of help").exists()
    wrong = tmp_path / "other.csv"
    wrong.write_text("a,b,c\n")
    with pytest.raises(CommandError, match="is not a v6 framework file"):
        call_command("load-categories", "--framework", str(wrong))
    with pytest.raises(CommandError, match="No v6 framework file at"):
        call_command("load-categories", "--framework", str(tmp_path / "missing.csv"))


def test_categories_and_sentiment_are_suggested_as_a_voice_arrives(db):
    categories.ensure_local()
    voice = receive_voice(
        someone_not_signed_in(),
        channel="web",
        text="I saw a different person every time and had to repeat my story",
        rating=None,
    )
    assert [c.name for c in voice.suggested_categories.all()] == [
        "Continuity of care and relationships"
    ]
    assert voice.suggested_sentiment == "neutral"
    assert voice.reviewed_at is None  # a suggestion is not a confirmation


@pytest.mark.parametrize(
    ("rating", "text", "sentiment"),
    [
        (1, "", "positive"),
        (5, "thank you", "negative"),
        (3, "", "neutral"),
        (None, "Thank you, you were brilliant", "positive"),
        (None, "I was ignored and nobody called", "negative"),
    ],
)
def test_sentiment_follows_the_answer_then_the_words(db, rating, text, sentiment):
    assert (
        receive_voice(
            someone_not_signed_in(), channel="web", text=text, rating=rating
        ).suggested_sentiment
        == sentiment
    )


def test_an_inactive_category_is_not_suggested(db):
    EnquiryCategoryFactory(name="Old", keywords="waited", active=False)
    voice = receive_voice(someone_not_signed_in(), channel="web", text="I waited", rating=None)
    assert not voice.suggested_categories.exists()


# The inbox -------------------------------------------------------------------------------


def test_the_inbox_filters_by_channel_category_sentiment_service_date_and_state(client, le_lead):
    team = TeamFactory()
    category = EnquiryCategoryFactory()
    old = timezone.now() - dt.timedelta(days=40)
    match = VoiceFactory(
        channel="sms", team=team, sentiment="negative", text="MATCH", reviewed_at=old
    )
    match.categories.add(category)
    VoiceFactory(
        channel="web", team=team, sentiment="negative", text="WRONG CHANNEL", reviewed_at=old
    )
    VoiceFactory(
        channel="sms", team=team, sentiment="positive", text="WRONG SENTIMENT", reviewed_at=old
    )
    VoiceFactory(channel="sms", sentiment="negative", text="NO TEAM", reviewed_at=old)
    client.force_login(le_lead)
    query = (
        f"?state=confirmed&channel=sms&sentiment=negative&team={team.pk}&category={category.pk}"
        f"&received_from={(timezone.localdate() - dt.timedelta(days=1)).isoformat()}"
    )
    body = client.get("/voices" + query).content.decode()
    assert "MATCH" in body
    assert "WRONG CHANNEL" not in body
    assert "WRONG SENTIMENT" not in body
    assert "NO TEAM" not in body
    assert "1 voice." in body


def test_a_filter_that_makes_no_sense_says_so(client, le_lead):
    client.force_login(le_lead)
    response = client.get("/voices?received_from=2026-10-10&received_to=2026-10-01")
    assert response.status_code == 400
    assert "The to date must be the same as or after the from date" in response.content.decode()


def test_bulk_confirm_accepts_each_voices_suggestions_as_confirmed_by_the_lead(client, le_lead):
    categories.ensure_local()
    first = receive_voice(
        someone_not_signed_in(), channel="web", text="Nobody listened to me", rating=5
    )
    second = receive_voice(
        someone_not_signed_in(), channel="web", text="The peer group helped", rating=1
    )
    client.force_login(le_lead)
    response = client.post(
        "/voices", {"voices": [first.pk, second.pk], "action": "confirm"}, follow=True
    )
    assert "Suggestions confirmed for 2 voices." in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert [c.name for c in first.categories.all()] == ["Being listened to"]
    assert (first.sentiment, second.sentiment) == ("negative", "positive")
    assert first.reviewed_by == le_lead
    assert second.reviewed_by == le_lead


def test_bulk_add_category_keeps_what_each_voice_had(client, le_lead):
    had, added = EnquiryCategoryFactory(), EnquiryCategoryFactory()
    voice = VoiceFactory()
    voice.categories.add(had)
    client.force_login(le_lead)
    client.post("/voices", {"voices": [voice.pk], "action": "add_category", "category": added.pk})
    assert set(voice.categories.all()) == {had, added}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "confirm"}, "Select at least one voice"),
        ({"voices": ["999999"], "action": "confirm"}, "Select voices from the list"),
        ({"voices": ["1"], "action": "add_category"}, "Select the category to add"),
    ],
)
def test_a_bulk_action_without_what_it_needs_changes_nothing(client, le_lead, data, message):
    VoiceFactory(pk=1)
    client.force_login(le_lead)
    response = client.post("/voices", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Voice.objects.filter(reviewed_at__isnull=False).exists()


# Masking and public quotes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Email me at jo.bloggs+1@example.co.uk please", "Email me at [removed] please"),
        ("Call 07700 900 982 or +44 7700 900982", "Call [removed] or [removed]"),
        ("My NHS number is 943 476 5919.", "My NHS number is [removed]."),
        ("I live at 14 Acacia Avenue, LS1 4AP", "I live at [removed], [removed]"),
        (
            "My name is Priya and nurse Tom was great",
            "My name is [name] and nurse [name] was great",
        ),
        ("Dr. Evans saw me", "Dr. [name] saw me"),
        ("I waited 3 hours", "I waited 3 hours"),
    ],
)
def test_masking_removes_what_could_identify_someone(text, masked):
    assert anonymise.mask(text) == masked


def test_masking_removes_the_names_of_our_staff_and_people(db):
    assert anonymise.mask("Morgan was lovely, unlike Casey", ["Morgan", "Casey"]) == (
        "[name] was lovely, unlike [name]"
    )


def test_an_approved_quote_is_masked_again_so_an_edit_cannot_reveal_anyone(db, le_lead):
    UserFactory(first_name="Ashwin", last_name="Kaur")
    voice = VoiceFactory(consent_quote=True, text="Ashwin was kind")
    approve_quote(le_lead, voice, "Ashwin was kind, call me on 07700900982")
    voice.refresh_from_db()
    assert voice.public_quote == "[name] was kind, call me on [removed]"
    assert voice.quote_approved_by == le_lead


def test_people_on_record_are_masked_in_a_quote_whatever_their_names_look_like(db):
    """Only the names a quote could hold are read (issue 25: every person of the trust
    was read to propose one quote), so each shape of name must still be found."""
    PersonFactory(given_name="Mary Ann", family_name="Smith-Jones", preferred_name="")
    PersonFactory(given_name="Zoë", family_name="O'Brien", preferred_name="Ziggy")
    PersonFactory(given_name="Mary", family_name="Quill", preferred_name="")
    assert known_names("Mary Ann and Mrs Smith-Jones; Zoë O'Brien, called Ziggy") >= {
        "Mary Ann",
        "Mary",
        "Smith-Jones",
        "Zoë",
        "O'Brien",
        "Ziggy",
    }
    assert "Quill" not in known_names("Mary Ann and Mrs Smith-Jones")
    assert mask_known_names("Mary Ann and Mrs Smith-Jones; Zoë O'Brien, called Ziggy") == (
        "[name] and Mrs [name]; [name] [name], called [name]"
    )
    assert known_names("") == set()


def test_words_are_never_quoted_without_the_persons_agreement(client, le_lead):
    voice = VoiceFactory(consent_quote=False)
    client.force_login(le_lead)
    response = client.post(f"/voices/{voice.pk}/quote", {"public_quote": "Some words"})
    assert response.status_code == 400
    assert "did not agree to be quoted" in response.content.decode()
    voice.refresh_from_db()
    assert voice.public_quote == ""


def test_a_voice_confirmed_by_no_one_on_record_still_opens(client, le_lead):
    """Found by the web benchmark (issue 25): a voice confirmed in imported history, with
    no reviewer recorded, answered 500."""
    voice = VoiceFactory(reviewed_at=timezone.now(), reviewed_by=None)
    client.force_login(le_lead)
    response = client.get(f"/voices/{voice.pk}")
    assert response.status_code == 200
    assert "On " + str(timezone.localdate().day) in response.content.decode()


def test_the_voice_page_offers_the_masked_words_for_approval(client, le_lead):
    voice = VoiceFactory(consent_quote=True, text="Ring me on 07700900982, the team was great")
    client.force_login(le_lead)
    body = client.get(f"/voices/{voice.pk}").content.decode()
    assert "Ring me on [removed], the team was great" in body


def test_only_approved_quotes_appear_on_the_public_board_and_withdrawal_removes_them(
    client, le_lead
):
    from coproduce.change import services as change

    approved = VoiceFactory(consent_quote=True, consent_improvement=True, text="They listened")
    pending = VoiceFactory(consent_quote=True, consent_improvement=True, text="Not approved yet")
    insight = change.create_insight(le_lead, "People want to be listened to", [approved, pending])
    action = change.record_action(
        le_lead,
        insight,
        description="Listening training",
        owner=le_lead,
        due_on=timezone.localdate(),
    )
    approve_quote(le_lead, approved, "They listened to me")
    confirm_and_publish(le_lead, action, you_said="Listen", we_did="Trained everyone")
    body = client.get("/you-said-we-did").content.decode()
    assert "They listened to me" in body
    assert "Not approved yet" not in body
    withdraw(approved)
    assert "They listened to me" not in client.get("/you-said-we-did").content.decode()


def test_a_published_update_shows_only_the_quotes_previewed_with_it(client, le_lead):
    """A fresh-eyes trial: a quote approved after an update was published appeared on that
    update at once, in public, with nobody having seen it there."""
    from coproduce.change import services as change

    first = VoiceFactory(consent_quote=True, consent_improvement=True, text="They listened")
    later = VoiceFactory(consent_quote=True, consent_improvement=True, text="Kind on the phone")
    insight = change.create_insight(le_lead, "People want to be listened to", [first, later])
    action = change.record_action(
        le_lead, insight, description="Training", owner=le_lead, due_on=timezone.localdate()
    )
    approve_quote(le_lead, first, "They listened to me")
    update = confirm_and_publish(le_lead, action, you_said="Listen", we_did="Trained")
    approve_quote(le_lead, later, "They were kind on the phone")
    for address in (f"/you-said-we-did/{update.pk}", "/you-said-we-did"):
        page = client.get(address).content.decode()
        assert "They listened to me" in page, address
        assert "They were kind on the phone" not in page, address  # not previewed with it
    # Changed words are not what was previewed either: the quote leaves the update.
    approve_quote(le_lead, first, "They listened to me, properly")
    assert "They listened to me" not in client.get(f"/you-said-we-did/{update.pk}").content.decode()
    # The next update's preview shows the quotes as they now stand, and only a confirm of
    # that preview publishes it: a quote approved in between is caught.
    client.force_login(le_lead)
    words = {"you_said": "Listen more", "we_did": "Trained again"}
    preview = change.preview_update(le_lead, action, **words)
    assert {v.public_quote for v in preview.quotes} == {
        "They listened to me, properly",
        "They were kind on the phone",
    }
    approve_quote(le_lead, later, "They were kind")
    with pytest.raises(change.PreviewChanged, match="the quotes shown with them"):
        change.publish_update(le_lead, action, **words, confirmed=preview.digest)
    second = confirm_and_publish(le_lead, action, **words)
    page = client.get(f"/you-said-we-did/{second.pk}").content.decode()
    assert "They were kind" in page
    assert "They listened to me, properly" in page


def test_administrators_configure_the_category_framework_in_the_admin(client, administrator):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    category = EnquiryCategoryFactory(name="Waiting")
    client.force_login(administrator)
    response = client.post(
        f"/admin/voices/enquirycategory/{category.pk}/change/",
        {
            "name": "Waiting",
            "description": "",
            "framework": "local",
            "keywords": "wait,queue",
            "active": "",
        },
    )
    assert response.status_code == 302
    category.refresh_from_db()
    assert (category.keywords, category.active) == ("wait,queue", False)


def test_a_voice_under_a_risk_alert_is_never_quoted_in_public(client, le_lead):
    # Found by issue 21's seventh fresh-eyes trial: "I feel like ending it all tonight"
    # was approved as a quote with one click and shown on the public "you said, we did".
    from coproduce.change import services as change
    from coproduce.voices.models import RiskAlert

    at_risk = receive_voice(
        someone_not_signed_in(),
        channel=Voice.Channel.WEB,
        text="They were kind but I feel like ending it all tonight",
        rating=None,
        consent_quote=True,
        consent_improvement=True,
    )
    client.force_login(le_lead)
    page = client.get(f"/voices/{at_risk.pk}").content.decode()
    assert "cannot be quoted in public" in page
    assert f'action="/voices/{at_risk.pk}/quote"' not in page
    refused = client.post(f"/voices/{at_risk.pk}/quote", {"public_quote": "They were kind"})
    assert refused.status_code == 400
    assert "raised a risk alert, so it cannot be quoted" in refused.content.decode()
    # A quote approved before a later screen raised an alert is taken down.
    earlier = VoiceFactory(consent_quote=True, consent_improvement=True, text="They listened")
    approve_quote(le_lead, earlier, "They listened to me")
    insight = change.create_insight(le_lead, "People want to be listened to", [earlier, at_risk])
    action = change.record_action(
        le_lead, insight, description="Training", owner=le_lead, due_on=timezone.localdate()
    )
    preview = client.post(
        f"/actions/{action.pk}/update",
        sent_once({"you_said": "Listen", "we_did": "Trained", "step": "preview"}),
    ).content.decode()
    assert "Quotes shown with it" in preview
    assert "They listened to me" in preview
    update = confirm_and_publish(le_lead, action, you_said="Listen", we_did="Trained")
    assert "They listened to me" in client.get(f"/you-said-we-did/{update.pk}").content.decode()
    RiskAlert.objects.create(voice=earlier, concerns=["risk_to_life"], reason="rescreened")
    for path in ["/you-said-we-did", f"/you-said-we-did/{update.pk}"]:
        assert "They listened to me" not in client.get(path).content.decode()
