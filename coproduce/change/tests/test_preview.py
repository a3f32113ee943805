"""Publishing "you said, we did" only as previewed and confirmed (hazard H21): the lead
sees the masked update and every contributor's version before anything goes live or is
queued, and the service refuses anything else, whoever calls it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from coproduce.accounts.models import AuditEvent
from coproduce.change import delivery, services, stopping, tasks
from coproduce.change.models import Action, OutboxMessage, Update
from coproduce.lib.formats import Format
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import VoiceFactory, confirming, sent_once
from coproduce.voices.models import Voice

WORDS = {"you_said": "Call Jo on 07700 900123, she listened.", "we_did": "Named teams."}


def every_way(action):
    """Contributors on every channel and in every format, one reading Welsh."""
    post: dict[str, Any] = {
        "contact_channel": Voice.ContactChannel.POST,
        "contact_address": "1 Any Road\nLS1 1AA",
    }
    people: list[dict[str, Any]] = [
        {"contact_channel": Voice.ContactChannel.SMS, "contact_phone": "07700900001"},
        {
            "contact_channel": Voice.ContactChannel.SMS,
            "contact_phone": "07700900002",
            "language": "cy",
        },
        {"contact_format": Format.LARGE_PRINT},
        {"contact_format": Format.EASY_READ},
        {"contact_format": Format.AUDIO},
        {**post},
        {**post, "contact_format": Format.LARGE_PRINT},
        {**post, "contact_format": Format.EASY_READ},
        {**post, "contact_format": Format.AUDIO},
    ]
    # Each a different person: one address each (one person is told once, hazard H5).
    voices = [
        VoiceFactory.contactable(
            **{**how, "contact_address": f"{n} Any Road\nLS1 1AA"}
            if "contact_address" in how
            else how
        )
        for n, how in enumerate(people, 1)
    ]
    action.insight.voices.add(*voices)
    return voices


def test_it_refuses_to_publish_what_was_not_previewed(le_lead, action):
    every_way(action)
    with pytest.raises(ValidationError, match="not what you previewed"):
        services.publish_update(le_lead, action, **WORDS, confirmed="")
    assert not Update.objects.exists()
    assert not Message.objects.exists()
    assert not AuditEvent.objects.filter(record_type="change.update").exists()


def test_it_refuses_words_changed_since_the_preview(le_lead, action):
    preview = services.preview_update(le_lead, action, **WORDS)
    with pytest.raises(ValidationError, match="not what you previewed"):
        services.publish_update(
            le_lead, action, you_said="Call Jo Bloggs", we_did="x", confirmed=preview.digest
        )
    assert not Update.objects.exists()


def test_it_refuses_when_a_contributor_would_get_a_version_not_previewed(le_lead, action):
    action.insight.voices.add(VoiceFactory.contactable())
    preview = services.preview_update(le_lead, action, **WORDS)
    # Linked since the preview, asking for Easy Read by text: a version the lead has not seen.
    action.insight.voices.add(
        VoiceFactory.contactable(
            contact_channel=Voice.ContactChannel.SMS,
            contact_phone="07700900003",
            contact_format=Format.EASY_READ,
        )
    )
    with pytest.raises(ValidationError, match="not what you previewed"):
        services.publish_update(le_lead, action, **WORDS, confirmed=preview.digest)
    assert not Update.objects.exists()


def test_each_contributor_gets_exactly_the_version_previewed(le_lead, action):
    every_way(action)
    preview = services.preview_update(le_lead, action, **WORDS)
    assert "Jo" not in preview.you_said
    assert "07700" not in preview.you_said
    update = services.publish_update(le_lead, action, **WORDS, confirmed=preview.digest)
    tasks.tell_contributors.call(update.pk)
    number = str(update.pk)
    seen = {
        (c.way, c.format, c.language): c for c in preview.copies
    }  # one version for each way, format and language
    assert sum(c.contributors for c in preview.copies) == 9
    for owed in OutboxMessage.objects.select_related("voice", "message"):
        way = delivery.way_for(owed.voice.contact_channel, owed.format)
        copy = seen[(way, owed.format, owed.voice.language)]
        # Each person's message carries their own link to stop them where the preview
        # says so.
        own = stopping.link(owed.voice)
        if owed.message is not None:
            assert owed.message.body == copy.body.replace(delivery.UNNUMBERED, number).replace(
                stopping.PREVIEW_LINK, own
            )
            assert own in owed.message.body
            assert owed.message.subject == copy.subject
        else:  # a letter the team prints: the letters page draws the same lines
            lines = delivery.letter_lines(update, owed.format, owed.language, owed.voice)
            assert lines == [line.replace(stopping.PREVIEW_LINK, own) for line in copy.lines]
            assert any(own in line for line in lines)


def test_the_confirmation_is_audited_with_what_was_confirmed(le_lead, action):
    every_way(action)
    preview = services.preview_update(le_lead, action, **WORDS)
    update = services.publish_update(le_lead, action, **WORDS, confirmed=preview.digest)
    previewed = AuditEvent.objects.get(record_type="change.action", action="viewed")
    assert previewed.detail == f"previewed an update {preview.digest}"
    published = AuditEvent.objects.get(record_type="change.update", record_id=str(update.pk))
    assert published.actor == le_lead
    assert f"confirming preview {preview.digest}" in published.detail
    assert f"{len(preview.copies)} versions for 9 contributors" in published.detail


# The pages ---------------------------------------------------------------------------


def test_the_first_post_shows_the_preview_and_publishes_nothing(client, le_lead, action):
    every_way(action)
    client.force_login(le_lead)
    response = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Check the update before it is published" in body
    assert "Call [name] on [removed]" in body
    assert "07700 900123" not in body.split('name="you_said"')[0]  # only in the hidden field
    assert "Text message, standard, for 1 contributor who reads English" in body
    assert "Letter, printed and posted by the team, large print" in body
    assert '<audio controls preload="none"' in body
    assert "coproduce-easy-read__picture" in body
    assert not Update.objects.exists()
    assert not Message.objects.exists()


def test_the_preview_says_when_the_action_is_still_planned(client, le_lead, action):
    """helper-77 published "We did: …" and the public list showed it beside "Status:
    Planned": the preview says so, with a way to change the status first."""
    client.force_login(le_lead)
    planned = "This action is marked <strong>Planned</strong>"
    body = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    assert planned in body.content.decode()
    assert f'href="/actions/{action.pk}#status"' in body.content.decode()
    # What the public page will show is headed as true as the status, not "We did".
    assert "<strong>What we plan to do:</strong> Named teams." in body.content.decode()
    Action.objects.filter(pk=action.pk).update(status=Action.Status.IN_PROGRESS)
    body = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    assert planned not in body.content.decode()
    assert "<strong>What we are doing:</strong> Named teams." in body.content.decode()


def test_the_public_pages_say_we_did_only_once_the_action_is_done(client, le_lead, action):
    """helper-80 read "We did …" beside "Status: Planned" on the public list."""
    client.force_login(le_lead)
    client.post(f"/actions/{action.pk}/update", sent_once(confirming(action, **WORDS)))
    update = Update.objects.get()
    client.logout()
    for status, heading in [
        (Action.Status.PLANNED, "What we plan to do"),
        (Action.Status.IN_PROGRESS, "What we are doing"),
        (Action.Status.DONE, "We did"),
    ]:
        Action.objects.filter(pk=action.pk).update(status=status)
        listed = client.get("/you-said-we-did").content.decode()
        shown = client.get(f"/you-said-we-did/{update.pk}").content.decode()
        welsh = client.get(f"/cy/you-said-we-did/{update.pk}").content.decode()
        assert f'<h2 class="nhsuk-heading-m">{heading}</h2>' in listed
        assert f"<h2>{heading}</h2>" in shown
        others = {"What we plan to do", "What we are doing", "We did"} - {heading}
        assert not any(f">{other}</h2>" in listed + shown for other in others)
        assert ">We did</h2>" not in welsh  # in Welsh, whatever the status
    assert "<h2>Gwnaethom ni</h2>" in welsh
    # Not yet translated: the Welsh page says why the words under its headings are English.
    assert "Nid yw’r diweddariad hwn wedi’i gyfieithu eto" in welsh
    assert (
        "Nid yw’r diweddariad hwn wedi’i gyfieithu eto"
        in client.get("/cy/you-said-we-did").content.decode()
    )
    assert "has not been translated" not in listed + shown


def test_confirming_without_ticking_publishes_nothing(client, le_lead, action):
    client.force_login(le_lead)
    data = confirming(action, **WORDS)
    del data["checked"]
    response = client.post(f"/actions/{action.pk}/update", sent_once(data))
    assert response.status_code == 400
    assert "Confirm you have read every version" in response.content.decode()
    assert not Update.objects.exists()


def test_a_confirmation_of_other_words_is_refused_and_shows_the_preview_again(
    client, le_lead, action
):
    client.force_login(le_lead)
    data = {**confirming(action, **WORDS), "we_did": "Something else."}
    response = client.post(f"/actions/{action.pk}/update", sent_once(data))
    body = response.content.decode()
    assert response.status_code == 400
    assert "not what you previewed" in body
    assert "Something else." in body  # the preview of what is now typed
    assert not Update.objects.exists()


def test_changing_the_update_keeps_what_was_typed(client, le_lead, action):
    client.force_login(le_lead)
    typed = {**WORDS, "easy_read": "We listened.\nWe changed.", "step": "edit"}
    body = client.post(f"/actions/{action.pk}/update", typed).content.decode()
    assert "Publish a &#34;you said, we did&#34; update" in body or "Publish a" in body
    assert "Call Jo on 07700 900123, she listened.</textarea>" in body
    assert "We listened.\nWe changed.</textarea>" in body
    assert "There is a problem" not in body
    assert not Update.objects.exists()


def test_the_preview_audio_is_for_those_who_publish(client, le_lead, lead, action):
    preview = services.preview_update(le_lead, action, **WORDS)
    client.force_login(lead)
    url = f"/actions/{action.pk}/update/preview/{preview.digest}/audio"
    assert client.get(url).status_code == 403
    client.force_login(le_lead)
    assert client.get(url).status_code == 404  # not made yet: the task has not run


def test_each_easy_read_point_has_a_picture_of_what_it_is_about(client, le_lead, action):
    # Found by issue 21's sixth fresh-eyes trial: every point had one of two pictures
    # (a speech bubble or a tick), never one of what the point says.
    from coproduce.change.presenters import easy_read_points

    points = easy_read_points(
        [
            "You told us:",
            "Nobody answered the phone at night.",
            "Nobody explained my plan.",
            "What we did:",
            "Two more staff now work on the night team.",
            "We changed it.",
        ],
        "en",
    )
    assert [p.picture for p in points] == ["said", "phone", "said", "did", "people", "did"]
    # A plan is a calendar, not the tick of "done" (helper-85), in Welsh too.
    planned = easy_read_points(["What we plan to do:", "We will change it."], "en")
    assert [p.picture for p in planned] == ["plan", "plan"]
    doing = easy_read_points(["Beth rydym yn ei wneud:", "Rydym yn ei newid."], "cy")
    assert [p.picture for p in doing] == ["doing", "doing"]
    # The picture of what a point says most: the home treatment team is people, not a house.
    treatment = "Everyone on the home treatment caseload now has a lead practitioner and a team."
    assert easy_read_points([treatment], "en")[0].picture == "people"
    client.force_login(le_lead)
    words = {"you_said": "Nobody answered the phone.", "we_did": "A new crisis line team."}
    body = client.post(
        f"/actions/{action.pk}/update", sent_once({**words, "step": "preview"})
    ).content.decode()
    assert '<rect x="17" y="4" width="30" height="56" rx="6" fill="#005eb8"/>' in body  # phone


def test_a_contributor_reading_british_english_is_not_told_they_wait_for_a_translation(
    client, le_lead, action
):
    # Found by issue 21's seventh fresh-eyes trial: "for 1 contributor who reads British
    # English — They get it in English until a translation is entered."
    action.insight.voices.add(VoiceFactory.contactable(language="en-gb"))
    welsh = VoiceFactory.contactable(language="cy")
    client.force_login(le_lead)
    preview = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    assert "until a translation is entered" not in preview.content.decode()
    action.insight.voices.add(welsh)
    preview = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    assert "until a translation is entered" in preview.content.decode()


def test_the_preview_says_how_each_held_contributor_will_be_told(le_lead, action):
    """The preview counts contributors held for an open risk alert by the way they will be
    reached once it is acknowledged (helper-79 read only "1 of them")."""
    from coproduce.change.presenters import held_sentence
    from coproduce.voices.models import RiskAlert

    by_text = VoiceFactory.contactable(
        contact_channel=Voice.ContactChannel.SMS, contact_phone="07700900111"
    )
    by_email = VoiceFactory.contactable()
    action.insight.voices.add(by_text, by_email)
    for voice in (by_text, by_email):
        RiskAlert.objects.create(voice=voice, concerns=[RiskAlert.Concern.RISK_TO_LIFE])
    preview = services.preview_update(le_lead, action, you_said="a", we_did="b")
    assert preview.held == 2
    assert dict(preview.held_ways) == {"email": 1, "sms": 1}
    sentence = held_sentence(preview.held, preview.held_ways)
    assert sentence.startswith("2 of them, told 1 by email and 1 by text message, have a risk")


def test_the_preview_says_when_it_leaves_out_an_opening_you_told_us(client, le_lead, action):
    """helper-82: "You told us …" lost its opening in every version, unsaid."""
    client.force_login(le_lead)
    opening = "Every version already begins “You told us”"
    plain = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    assert opening not in plain.content.decode()
    told = {**WORDS, "you_said": "You told us that the waits were long.", "step": "preview"}
    body = client.post(f"/actions/{action.pk}/update", sent_once(told)).content.decode()
    assert opening in body
    assert "<strong>You said:</strong> The waits were long." in body


def test_the_preview_says_readers_of_another_language_wait_for_a_translation(
    client, le_lead, action
):
    """helper-83: the Welsh reader was told in English before a translation could be
    entered; the preview now says they wait for one."""
    client.force_login(le_lead)
    said = "Welsh. They wait up to 48 hours for the update in it"
    body = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    assert said not in body.content.decode()
    welsh = VoiceFactory.contactable(language="cy")
    services.add_voice_to_insight(le_lead, action.insight, welsh)
    body = client.post(f"/actions/{action.pk}/update", sent_once({**WORDS, "step": "preview"}))
    assert f"1 contributor reads {said}" in body.content.decode()
