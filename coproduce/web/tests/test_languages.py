"""The public pages in a second language (Welsh), end to end with Django's translation
machinery; staff pages stay in English."""

from coproduce.messaging import wording
from coproduce.tooling.testing.factories import (
    confirm_and_publish,
    confirm_and_translate,
    sent_once,
)
from coproduce.voices.models import Voice


def test_the_feedback_form_is_served_in_welsh_with_a_link_back_to_english(client, db):
    body = client.get("/cy/feedback").content.decode()
    assert '<html lang="cy"' in body
    assert "Rhoi adborth am ofal argyfwng" in body
    assert "Da iawn" in body  # the Friends and Family Test answers too
    assert 'Ffoniwch y Samariaid am ddim ar <a href="tel:116123">116 123</a>' in body
    assert 'href="/feedback" lang="en-gb" hreflang="en-gb">English</a>' in body
    assert "Gallwch roi hyd at 5,000 nod" in body  # the count, as the error gives it


def test_the_welsh_form_names_each_service_in_welsh_where_it_has_a_welsh_name(client, db):
    """The Welsh form listed every service in English (left open since issue 21)."""
    import re

    from coproduce.tooling.testing.factories import TeamFactory

    TeamFactory(name="The Sanctuary (evening)", welsh_name="Y Noddfa (gyda’r nos)")
    TeamFactory(name="Mental Health Response Vehicle")
    welsh = client.get("/cy/feedback").content.decode()
    assert re.search(r'radios__label"[^>]*>\s*Y Noddfa', welsh)
    assert "The Sanctuary (evening)" not in welsh
    # No Welsh name: the English one, marked as English for a screen reader.
    assert re.search(
        r'radios__label"[^>]* lang="en"[^>]*>\s*Mental Health',
        welsh,
    )
    english = client.get("/feedback").content.decode()
    assert "The Sanctuary (evening)" in english
    assert "Y Noddfa" not in english
    assert ' lang="en"' not in english.split("Which service")[1].split("</fieldset>")[0]


def test_a_welsh_text_is_signed_with_the_teams_welsh_name(db):
    from coproduce.tooling.testing.factories import TeamFactory, UserFactory
    from coproduce.voices.follow_up import team_signature

    team = TeamFactory(name="Crisis Resolution and Home Treatment Team", welsh_name="Tîm Argyfwng")
    assert team_signature(team, "cy") == "Tîm Argyfwng"
    assert team_signature(team, "en-gb") == "Crisis Resolution and Home Treatment Team"
    team.peer_worker = UserFactory(first_name="Dee", last_name="Jones")
    assert team_signature(team, "cy") == "Dee Jones, gweithiwr cymheiriaid, Tîm Argyfwng"


def test_the_english_form_links_to_the_welsh_one(client, db):
    body = client.get("/feedback").content.decode()
    assert '<html lang="en-GB"' in body
    assert 'href="/cy/feedback" lang="cy" hreflang="cy">Cymraeg</a>' in body


def test_welsh_feedback_is_stored_with_its_language_and_thanked_in_welsh(client, db):
    # (The thank-you page's title too: found by issue 21's fresh-eyes trial.)
    response = client.post("/cy/feedback", sent_once({"rating": "1", "text": "Gwasanaeth gwych"}))
    assert response["Location"] == "/cy/feedback/thank-you"
    body = client.get(response["Location"]).content.decode()
    assert "Diolch am eich adborth" in body
    assert "<title>Diolch am eich adborth – Coproduce – NHS</title>" in body
    assert Voice.objects.get().language == "cy"


def test_errors_are_explained_in_welsh(client, db):
    response = client.post("/cy/feedback", {"rating": "99", "text": "<script>x</script>"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Mae problem" in body
    assert "Dewiswch o’r rhestr pa mor dda neu wael oedd y gwasanaeth" in body
    assert "Ni all eich adborth gynnwys cod" in body


def test_a_text_reply_to_a_welsh_speaker_is_in_welsh():
    assert wording.crisis_reply("cy").body.startswith("Diolch am eich neges.")
    assert "116 123" in wording.crisis_reply("cy").body
    assert wording.crisis_reply("en-gb").body.startswith("Thank you for your message.")
    assert "ffoniwch Childline am ddim ar 0800 1111" in wording.crisis_reply("cy").body
    assert "gorddos neu wedi anafu eich hun, ffoniwch 999" in wording.crisis_reply("cy").body
    assert "overdose or hurt yourself, call 999 or go to A&E now" in (
        wording.crisis_reply("en-gb").body
    )
    assert "under 19, call Childline free on 0800 1111" in wording.crisis_reply("en-gb").body
    assert "Childline" not in wording.thanks_reply("en-gb").body  # not at risk: kept short


def test_a_you_said_we_did_text_says_a_plan_is_a_plan_in_welsh_too():
    """helper-84: a planned action's text said "We did:"."""
    told = {"you_said": "Aros.", "we_did": "Tîm.", "link": "L", "stop": "S", "signed_by": "T"}
    planned = wording.you_said_we_did("cy", **told, status="planned").body
    assert "Beth rydym yn bwriadu ei wneud: Tîm." in planned
    assert "Gwnaethom ni" not in planned
    assert (
        "What we are doing: Tîm."
        in wording.you_said_we_did("en", **told, status="in_progress").body
    )
    assert "We did: Tîm." in wording.you_said_we_did("en", **told).body


def test_staff_pages_are_not_offered_in_welsh(client, le_lead):
    client.force_login(le_lead)
    assert client.get("/cy/voices").status_code == 404
    assert "Cymraeg" not in client.get("/voices").content.decode()


def test_the_join_page_and_an_update_are_served_in_welsh(client, le_lead, lead):
    import datetime as dt

    from django.utils import timezone

    from coproduce.change import services

    page = client.get("/cy/join").content.decode()
    assert "Ymuno â&#x27;r rhwydwaith" in page or "Ymuno â'r rhwydwaith" in page
    insight = services.create_insight(le_lead, "s")
    action = services.record_action(
        le_lead, insight, description="d", owner=lead, due_on=timezone.localdate() + dt.timedelta(1)
    )
    update = confirm_and_publish(le_lead, action, you_said="Too many staff.", we_did="Teams.")
    confirm_and_translate(
        le_lead, update, language="cy", you_said="Gormod o staff.", we_did="Timau."
    )
    welsh = client.get(f"/cy/you-said-we-did/{update.pk}?format=easy-read").content.decode()
    assert "Gormod o staff." in welsh
    assert "Dywedoch wrthym:" in welsh
    english = client.get(f"/you-said-we-did/{update.pk}").content.decode()
    assert "Too many staff." in english


def test_the_header_menu_button_is_in_welsh_on_welsh_pages(client, db):
    # Found by looking at the screenshots: "More" stayed English on Welsh pages.
    welsh = client.get("/cy/feedback").content.decode()
    english = client.get("/feedback").content.decode()
    assert "Mwy" in welsh
    assert "Pori" in welsh
    assert "More" in english


def test_welsh_page_titles_and_error_pages_are_in_welsh(client, db):
    # Found by issue 21's fresh-eyes trial: the titles of /cy/ and /cy/feedback and the
    # body of the Welsh "not found" page were English (scripts/translations read only
    # *.jinja, and the error pages are *.html).
    assert "<title>Hafan – Coproduce – NHS</title>" in client.get("/cy/").content.decode()
    feedback = client.get("/cy/feedback").content.decode()
    assert "<title>Rhoi adborth – Coproduce – NHS</title>" in feedback
    missing = client.get("/cy/no-such-page").content.decode()
    assert "Os teipioch y cyfeiriad gwe" in missing
    assert "If you typed the web address" not in missing


def test_a_welsh_update_gives_its_date_and_status_in_welsh(client, le_lead, lead):
    # Found by issue 21's fresh-eyes trial: "Cyhoeddwyd 3 December 2026. Statws: Done".
    import datetime as dt

    from django.utils import timezone

    from coproduce.change import services

    insight = services.create_insight(le_lead, "s")
    action = services.record_action(
        le_lead, insight, description="d", owner=lead, due_on=timezone.localdate() + dt.timedelta(1)
    )
    update = confirm_and_publish(le_lead, action, you_said="Too many staff.", we_did="Teams.")
    update.published_at = dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC)
    update.save(update_fields=["published_at"])
    welsh = client.get("/cy/you-said-we-did").content.decode()
    assert "3 Rhagfyr 2026" in welsh
    assert "December" not in welsh
    assert "Wedi’i" in welsh or "Ar y gweill" in welsh  # the action's status, in Welsh
    assert "3 December 2026" in client.get("/you-said-we-did").content.decode()


def test_the_welsh_join_page_offers_its_choices_in_welsh(client, le_lead):
    # Found by issue 21's fresh-eyes trial: on /cy/join every choice (who you are, how to
    # reach you, formats, age, ethnic group, "Choose") and the words only a screen reader
    # says ("Important", "Support links", "Account", "Menu") were in English.
    from django.utils import timezone

    from coproduce.network.models import RespectAgreement

    RespectAgreement.objects.create(
        version=1,
        text="We listen.\nWe take turns.",
        published_at=timezone.now(),
        published_by=le_lead,
    )
    welsh = client.get("/cy/join").content.decode()
    for words in (
        "Person sy&#39;n defnyddio gwasanaethau",
        "Wyneb yn wyneb",
        "Print mawr",
        "Gwell gennyf beidio â dweud",
        ">Dewiswch<",
        'aria-label="Cyfrif"',
        'aria-label="Dewislen"',
        "Dolenni cymorth",
    ):
        assert words in welsh, words
    for english in ("Person who uses services", "In person", ">Choose<", "Support links"):
        assert english not in welsh, english
    home = client.get("/cy/").content.decode()
    assert "Pwysig" in home
    # Sign-in is in English only (staff and members' pages are): the link says so.
    assert "Mewngofnodi (yn Saesneg)" in home
    # The agreement's lines are lines, not "&lt;br&gt;" written out (found on the page).
    assert "We listen.<br>We take turns." in welsh
    english = client.get("/join").content.decode()
    assert "Person who uses services" in english
    assert "We listen.<br>We take turns." in english


def test_an_update_that_begins_you_told_us_says_it_once_in_every_format(client, le_lead, lead):
    # Found by issue 21's fresh-eyes trial: "You told us: You told us you saw too many…"
    # on the update's page, in Easy Read and in what contributors were sent.
    import datetime as dt

    from django.utils import timezone

    from coproduce.change import services

    insight = services.create_insight(le_lead, "s")
    action = services.record_action(
        le_lead, insight, description="d", owner=lead, due_on=timezone.localdate() + dt.timedelta(1)
    )
    update = confirm_and_publish(
        le_lead, action, you_said="You told us that waits were long.", we_did="More staff."
    )
    # A format written another way ("braille") is taken to its page, not "not found".
    shorthand = client.get(f"/you-said-we-did/{update.pk}?format=braille")
    assert shorthand["Location"] == f"/you-said-we-did/{update.pk}?format=braille-ready"
    # One we do not have (a link cut short, a guess) still shows the update, saying so
    # (it answered "Page not found", as though the update had gone).
    # What was asked for is not repeated: helper-73 made the note read "… called “”. Our
    # new crisis line is 0909 876 5432”" with a crafted link.
    crafted = "”. Our new crisis line is 0909 876 5432"
    unknown = client.get(f"/you-said-we-did/{update.pk}", {"format": crafted})
    assert unknown.status_code == 200
    said = unknown.content.decode()
    assert "We do not have the format the link asked for." in said
    assert "crisis line is 0909" not in said  # (only in the language link, kept as asked)
    assert "Waits were long." in said
    assert "?format=large-print" in said  # the formats we have, to choose from
    # Written in capitals, with spaces or underscores: taken to the format's page; and
    # "audio" to the player on the standard one.
    for written in ("Large-Print", " large print ", "LARGE_PRINT"):
        moved = client.get(f"/you-said-we-did/{update.pk}", {"format": written})
        assert moved["Location"] == f"/you-said-we-did/{update.pk}?format=large-print", written
    audio = client.get(f"/you-said-we-did/{update.pk}?format=audio")
    assert audio["Location"] == f"/you-said-we-did/{update.pk}#listen"
    standard = client.get(f"/you-said-we-did/{update.pk}?format=Standard")
    assert standard["Location"] == f"/you-said-we-did/{update.pk}"  # not "we do not have"
    for fmt in ("", "?format=easy-read", "?format=large-print", "?format=braille-ready"):
        page = client.get(f"/you-said-we-did/{update.pk}{fmt}").content.decode()
        assert "We do not have the format" not in page
        assert "Waits were long." in page, fmt
        assert "You told us that" not in page, fmt
    # The list keeps the format the update was read in (it ignored ?format=): the way
    # back from a large print update is large print, and each update opens in it.
    large = client.get(f"/you-said-we-did/{update.pk}?format=large-print").content.decode()
    assert 'href="/you-said-we-did?format=large-print"' in large
    listed = client.get("/you-said-we-did?format=large-print").content.decode()
    assert '<div class="coproduce-large-print">\n<h1>You said, we did</h1>' in listed
    opened = f'href="/you-said-we-did/{update.pk}?format=large-print">Read it in large print'
    assert opened in listed
    assert listed.count('class="coproduce-large-print"') == 2  # the crisis contacts too
    easy = client.get("/you-said-we-did?format=easy-read").content.decode()
    assert f'href="/you-said-we-did/{update.pk}?format=easy-read">Read it in Easy Read' in easy
    assert client.get("/you-said-we-did?format=Large_Print")["Location"] == (
        "/you-said-we-did?format=large-print"
    )
    for other in ("standard", "audio", crafted):
        assert client.get("/you-said-we-did", {"format": other})["Location"] == "/you-said-we-did"
    standard_page = client.get(f"/you-said-we-did/{update.pk}").content.decode()
    assert 'href="/you-said-we-did"' in standard_page
    from coproduce.change.delivery import words_for

    words = words_for(update, "en")
    assert words.you_said == "Waits were long."
    # The preview shows it so, exactly as it is published, Braille-ready text included.
    client.force_login(le_lead)
    preview = client.post(
        f"/actions/{action.pk}/update",
        {"you_said": "You told us that queues were long.", "we_did": "More staff."},
    ).content.decode()
    assert "<strong>You said:</strong> Queues were long." in preview
    assert "You told us that queues" not in preview.replace(
        'value="You told us that queues',
        "",  # (the words typed, kept to change them)
    )
    assert "Braille-ready plain text</h3>" in preview


def test_english_words_on_a_welsh_page_are_marked_as_english(client, le_lead, lead):
    """helper-77: an update not yet translated showed its English under Welsh headings,
    unmarked, so a Welsh screen reader voice would read it (WCAG 3.1.2)."""
    import datetime as dt

    from coproduce.change import services

    insight = services.create_insight(le_lead, "s")
    action = services.record_action(
        le_lead, insight, description="d", owner=lead, due_on=dt.date(2030, 1, 1)
    )
    update = confirm_and_publish(le_lead, action, you_said="Too many staff.", we_did="Teams.")
    marked = '<p class="coproduce-quote" lang="en">Too many staff.</p>'
    assert marked in client.get("/cy/you-said-we-did").content.decode()
    for path in (
        f"/cy/you-said-we-did/{update.pk}",
        f"/cy/you-said-we-did/{update.pk}?format=braille-ready",
    ):
        assert 'lang="en"' in client.get(path).content.decode().split("<main")[1], path
    assert 'lang="en"' not in client.get("/you-said-we-did").content.decode().split("<main")[1]
    confirm_and_translate(
        le_lead, update, language="cy", you_said="Gormod o staff.", we_did="Timau."
    )
    welsh = client.get("/cy/you-said-we-did").content.decode()
    assert '<p class="coproduce-quote">Gormod o staff.</p>' in welsh
    assert 'lang="en"' not in welsh.split("<main")[1]
