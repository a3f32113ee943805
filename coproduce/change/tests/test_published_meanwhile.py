"""One update, not two, when a lead confirms a preview after another update for the same
action went out (hazard H5). Found by a fresh-eyes trial: the publish page open in two
tabs, each previewed and confirmed, made two nearly identical updates and told every
contributor twice; a third went out the same day with no sign of the two before it."""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import AuditEvent, Role
from coproduce.change import services, tasks
from coproduce.change.models import OutboxMessage, Update
from coproduce.conftest import CheckedClient
from coproduce.lib.dates import in_words
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import (
    UserFactory,
    VoiceFactory,
    confirm_and_publish,
    sent_once,
)

WORDS = {"you_said": "Too many different staff.", "we_did": "Named teams, starting in May."}
AGAIN = {"you_said": "Too many different staff.", "we_did": "Named teams for everyone from May."}


def contributors(action: Any, n: int = 3) -> list[str]:
    voices = [VoiceFactory.contactable() for _ in range(n)]
    action.insight.voices.add(*voices)
    return [voice.contact_email for voice in voices]


def previewed(client: Any, action: Any, words: dict[str, str]) -> dict[str, str]:
    """Preview in one tab and tick the box: what that tab's "Confirm and publish" sends."""
    page = client.post(f"/actions/{action.pk}/update", sent_once({**words, "step": "preview"}))
    assert page.status_code == 200
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.text))
    return {
        **words,
        "step": "publish",
        "checked": "on",
        "preview": hidden["preview"],
        "submission": hidden["submission"],
    }


def test_the_second_of_two_tabs_is_refused_and_each_contributor_is_told_once(
    client, le_lead, action
):
    emails = contributors(action)
    client.force_login(le_lead)
    tab_a, tab_b = previewed(client, action, WORDS), previewed(client, action, AGAIN)
    first = client.post(f"/actions/{action.pk}/update", tab_a)
    update = Update.objects.get()
    assert first.status_code == 302
    assert first["Location"] == f"/updates/{update.pk}"

    second = client.post(f"/actions/{action.pk}/update", tab_b)
    body = second.text
    at = f"{timezone.localtime(update.published_at):%H:%M}"
    assert second.status_code == 409
    assert "<title>Error: Publish an update" in body
    assert (
        f"An update for this action was published at {at} by you, in another tab or window, "
        "while you were previewing this one. Your update was not published or sent."
    ) in body
    assert f'href="/updates/{update.pk}"' in body
    # What tab B typed is kept, to change and preview again.
    assert ">Too many different staff.</textarea>" in body
    assert ">Named teams for everyone from May.</textarea>" in body
    assert Update.objects.get() == update  # nothing more was published
    assert not AuditEvent.objects.filter(record_type="change.update").exclude(
        record_id=str(update.pk)
    )
    for published in Update.objects.all():
        tasks.tell_contributors.call(published.pk)
    assert OutboxMessage.objects.count() == len(emails)
    for email in emails:
        assert Message.objects.filter(to=email).count() == 1


def test_it_names_the_lead_who_published_meanwhile_and_writes_nothing(le_lead, action):
    contributors(action)
    preview = services.preview_update(le_lead, action, **WORDS)
    other_lead = UserFactory(
        username="fran", first_name="Fran", last_name="Okafor", role=Role.LIVED_EXPERIENCE_LEAD
    )
    theirs = confirm_and_publish(other_lead, action, **AGAIN)
    with pytest.raises(services.PublishedMeanwhile, match="by Fran Okafor") as refused:
        services.publish_update(le_lead, action, **WORDS, confirmed=preview.digest)
    assert refused.value.update == theirs
    assert list(Update.objects.all()) == [theirs]
    assert not AuditEvent.objects.filter(actor=le_lead, record_type="change.update").exists()


def test_a_later_update_after_a_fresh_preview_is_published_and_its_preview_says_when_they_were_last_told(  # noqa: E501
    client, le_lead, action
):
    """A deliberate second update ("done" after "in progress") goes out once previewed
    again, and that preview says when its contributors were last told."""
    emails = contributors(action)
    client.force_login(le_lead)
    first = client.post(f"/actions/{action.pk}/update", previewed(client, action, WORDS))
    assert first.status_code == 302
    earlier = Update.objects.get()
    tasks.tell_contributors.call(earlier.pk)

    done = {"you_said": WORDS["you_said"], "we_did": "Everyone now has a named team."}
    page = client.post(f"/actions/{action.pk}/update", sent_once({**done, "step": "preview"}))
    body = " ".join(page.text.split())
    assert f"They were last told on {in_words(earlier.published_at)}: " in body
    assert f'<a href="/updates/{earlier.pk}">update {earlier.pk}, “{WORDS["we_did"]}”</a>' in body
    assert "They have been sent 1 update about this action today." in body

    later = client.post(f"/actions/{action.pk}/update", previewed(client, action, done))
    assert later.status_code == 302
    assert Update.objects.count() == 2
    tasks.tell_contributors.call(Update.objects.exclude(pk=earlier.pk).get().pk)
    for email in emails:
        assert Message.objects.filter(to=email).count() == 2  # one for each update


@pytest.mark.django_db(transaction=True)
def test_two_confirms_at_once_publish_one_update(le_lead, action):
    """Two tabs' confirms at the same moment, each on its own connection: one waits for
    the other on the action's row and is refused (PostgreSQL)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the confirms cannot overlap")
    contributors(action)
    client = CheckedClient()
    client.force_login(le_lead)
    tabs = [previewed(client, action, WORDS), previewed(client, action, AGAIN)]
    start = threading.Barrier(len(tabs))
    answers: list[Any] = []

    def confirm(data: dict[str, str]) -> None:
        browser = CheckedClient()
        browser.cookies = client.cookies  # the same signed-in browser
        try:
            start.wait()
            answers.append(browser.post(f"/actions/{action.pk}/update", data))
        except Exception as error:  # the test reports what a confirm met
            answers.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(tab,)) for tab in tabs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(getattr(a, "status_code", a) for a in answers) == [302, 409], answers
    assert Update.objects.count() == 1
    told = DBTaskResult.objects.filter(task_path__endswith="tell_contributors")
    assert told.count() == 1  # the contributors are told once
