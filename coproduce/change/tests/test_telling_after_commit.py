"""Publishing commits the update and how many are owed it; the audio, the fan-out and the
sending are tasks run after that commit. The fan-out commits chunk by chunk, so a crash
keeps what was done, and running it again (or twice at once) owes no one twice. The
update's staff page follows the counts as the tasks run."""

import datetime as dt
import io
import re
import shutil
import threading
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.change import delivery, services, tasks
from coproduce.change.models import OutboxMessage, Update
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import (
    VoiceFactory,
    called_back,
    confirm_and_publish,
    confirm_and_translate,
    confirming,
    sent_once,
)
from coproduce.tooling.testing.workers import IMMEDIATE
from coproduce.voices import services as voices_services
from coproduce.voices.models import RiskAlert, Voice


def contributors(le_lead, action, n):
    voices = [VoiceFactory.contactable(contact_email=f"person{k}@example.com") for k in range(n)]
    action.insight.voices.add(*voices)
    return voices


def handed_on():
    return sorted(
        (r.task_path.rsplit(".", 1)[1], r.args_kwargs["args"]) for r in DBTaskResult.objects.all()
    )


@pytest.mark.django_db(transaction=True)
def test_it_commits_the_update_and_hands_the_work_to_tasks_once_it_commits(le_lead, action):
    contributors(le_lead, action, 3)
    preview = services.preview_update(le_lead, action, you_said="a", we_did="b")
    previewed = handed_on()  # the preview's audio, made for the lead to hear
    assert previewed == [("make_preview_audio", [preview.digest, "a", "b", action.status])]
    with transaction.atomic():
        update = services.publish_update(
            le_lead, action, you_said="a", we_did="b", confirmed=preview.digest
        )
        assert handed_on() == previewed  # nothing is handed on before the commit
    assert update.owed_to == 3
    assert not OutboxMessage.objects.exists()  # the request made no message
    assert not Message.objects.exists()
    assert not delivery.audio_path(update, "en").exists()  # nor started espeak
    assert handed_on() == sorted(
        [*previewed, ("make_update_audio", [update.pk, "en"]), ("tell_contributors", [update.pk])]
    )


@pytest.mark.django_db(transaction=True)
def test_a_publish_rolled_back_tells_no_one(le_lead, action):
    contributors(le_lead, action, 2)

    def publish_then_fail():
        with transaction.atomic():
            confirm_and_publish(le_lead, action, you_said="a", we_did="b")
            raise RuntimeError("the request failed after publishing")

    with pytest.raises(RuntimeError):
        publish_then_fail()
    assert not Update.objects.exists()
    assert handed_on() == []


def test_publishing_asks_the_database_the_same_for_a_thousand_contributors_as_for_two(
    le_lead, action
):
    def queries_to_publish():
        with CaptureQueriesContext(connection) as asked:
            confirm_and_publish(le_lead, action, you_said="a", we_did="b")
        return len(asked)

    contributors(le_lead, action, 2)
    few = queries_to_publish()
    contributors(le_lead, action, 1000)
    assert queries_to_publish() == few


@pytest.mark.django_db(transaction=True)
def test_each_chunk_commits_on_its_own_so_a_crash_keeps_what_was_done_and_sent(
    le_lead, action, settings, monkeypatch, fake_notify
):
    """A real commit, then the tasks as the worker runs them: the fan-out dies in its
    third chunk of two. The two chunks before it were committed (each in a transaction
    of its own, not a savepoint) and sent; running the task again finishes the rest and
    sends no one the update twice."""
    settings.TASKS = IMMEDIATE
    monkeypatch.setattr(delivery, "CHUNK", 2)
    monkeypatch.setattr(delivery, "make_audio", lambda *args, **kwargs: None)  # not the point
    voices = contributors(le_lead, action, 7)
    real, made, nested = delivery._owed, [], []

    def dies_in_the_third_chunk(update, voice, renders=None):
        made.append(voice.pk)
        nested.append(len(connection.savepoint_ids))  # 0: the chunk's own transaction
        if len(made) == 5:
            raise RuntimeError("the worker died")
        return real(update, voice, renders)

    monkeypatch.setattr(delivery, "_owed", dies_in_the_third_chunk)
    with transaction.atomic():
        update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    assert set(nested) == {0}
    assert OutboxMessage.objects.count() == 4  # two whole chunks kept, the third not
    assert len(fake_notify.sent) == 4  # and each handed to Notify as it committed
    update.refresh_from_db()
    assert update.fanned_out_at is None  # the fan-out did not finish

    monkeypatch.setattr(delivery, "_owed", real)
    tasks.tell_contributors.enqueue(update.pk)  # run again, as after the crash
    owed = sorted(OutboxMessage.objects.values_list("voice", flat=True))
    assert owed == sorted(v.pk for v in voices)
    assert Message.objects.count() == 7
    references = [s.reference for s in fake_notify.sent]
    assert len(references) == len(set(references)) == 7  # each once: none twice, none missed
    update.refresh_from_db()
    assert update.fanned_out_at is not None
    assert update.owed_to == 7


def test_running_the_fan_out_again_makes_no_second_message(le_lead, action):
    contributors(le_lead, action, 3)
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    first = tasks.tell_contributors.call(update.pk)
    again = tasks.tell_contributors.call(update.pk)
    assert (first["queued"], again["queued"], again["already_owed"]) == (3, 0, 3)
    assert OutboxMessage.objects.count() == Message.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_fan_outs_at_once_make_one_message_for_each_contributor():
    """A task run twice at once (a retry while the first still runs): the second makes
    the same chunk, waits on the database's unique update and voice, is refused, rolls
    its chunk back whole (its messages too) and looks again: nothing is left."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the two cannot overlap")
    from coproduce.tooling.testing.factories import UserFactory

    le_lead = UserFactory(username="le_lead")
    insight = services.create_insight(le_lead, "s")
    action = services.record_action(
        le_lead, insight, description="d", owner=le_lead, due_on=timezone.localdate()
    )
    contributors(le_lead, action, 5)
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    second: list[object] = []

    def again():
        try:
            second.append(delivery.fan_out(update, enqueue=False))
        except Exception as error:  # the test reports what the second run met
            second.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        first = delivery.fan_out(update, enqueue=False)
        thread = threading.Thread(target=again)
        thread.start()
        time.sleep(1)  # the second is now waiting on this one's outbox to commit or not
    thread.join(timeout=30)
    [outcome] = second
    assert isinstance(outcome, delivery.FanOut), outcome
    assert (first.queued, outcome.queued) == (5, 0)
    assert OutboxMessage.objects.count() == Message.objects.count() == 5


def counts(page):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    found = {}
    for label in (
        "Told",
        "Waiting to be sent or posted",
        "Could not be told (the message failed)",
    ):
        found[label] = int(re.search(re.escape(label) + r" (\d+)", text).group(1))
    return found


def test_the_update_page_shows_how_far_telling_has_gone_as_the_tasks_run(client, le_lead, action):
    voices = contributors(le_lead, action, 3)
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    client.force_login(le_lead)
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert "Making the messages" in page
    assert "3 contributors" in page
    assert counts(page) == {
        "Told": 0,
        "Waiting to be sent or posted": 3,
        "Could not be told (the message failed)": 0,
    }

    tasks.tell_contributors.call(update.pk)
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert "Sending" in page
    assert counts(page)["Waiting to be sent or posted"] == 3

    told, failed, _ = (OutboxMessage.objects.get(voice=v).message for v in voices)
    Message.objects.filter(pk=told.pk).update(status=Message.Status.DELIVERED)
    Message.objects.filter(pk=failed.pk).update(status=Message.Status.FAILED)
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert counts(page) == {
        "Told": 1,
        "Waiting to be sent or posted": 1,
        "Could not be told (the message failed)": 1,
    }

    Message.objects.filter(status=Message.Status.QUEUED).update(status=Message.Status.SENT)
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert "Finished" in page
    assert counts(page)["Told"] == 2


def test_the_action_page_counts_contributors_whose_messages_are_not_made_yet_as_waiting(
    client, le_lead, action
):
    contributors(le_lead, action, 2)
    confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    client.force_login(le_lead)
    page = client.get(f"/actions/{action.pk}").content.decode()
    assert "Waiting to be sent or posted: 2" in page


def test_publishing_from_the_page_goes_to_the_update_page(client, le_lead, action):
    contributors(le_lead, action, 2)
    withdrawn = VoiceFactory.contactable()
    action.insight.voices.add(withdrawn)
    Voice.objects.filter(pk=withdrawn.pk).update(consent_contact=False)
    client.force_login(le_lead)
    response = client.post(
        f"/actions/{action.pk}/update",
        sent_once(confirming(action, you_said="Too many staff.", we_did="Named teams.")),
        follow=True,
    )
    update = Update.objects.get()
    assert response.redirect_chain[-1][0] == f"/updates/{update.pk}"
    assert "2 contributors will be told" in response.content.decode()


def test_only_those_who_manage_change_see_an_updates_progress(client, lead, le_lead, action):
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    client.force_login(lead)
    assert client.get(f"/updates/{update.pk}").status_code == 403


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="./scripts/test installs espeak-ng")
def test_a_translation_hands_its_audio_to_a_task(le_lead, action):
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    confirm_and_translate(le_lead, update, language="cy", you_said="c", we_did="d")
    assert not delivery.audio_path(update, "cy").exists()  # not made in the request
    assert tasks.make_update_audio.call(update.pk, "cy") is True  # but by the task
    assert delivery.audio_path(update, "cy").read_bytes()[:4] == b"RIFF"


def test_a_fan_out_that_stopped_part_way_is_finished_by_the_sweeper(le_lead, action, monkeypatch):
    """A worker died after two chunks, or no worker ran the task: ten minutes with nothing
    made, and ``coproduce finish-fan-outs`` makes the rest. A fan-out still making chunks,
    and an update just published, are left to their task."""
    from django.core.management import call_command

    contributors(le_lead, action, 5)
    stopped = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    going = confirm_and_publish(le_lead, action, you_said="c", we_did="d")
    never_run = confirm_and_publish(le_lead, action, you_said="e", we_did="f")
    just_now = confirm_and_publish(le_lead, action, you_said="g", we_did="h")
    real = delivery._owed

    def dies_in_the_second_chunk(update, voice, renders=None):
        if OutboxMessage.objects.filter(update=update).count() >= 2:
            raise RuntimeError("the worker died")
        return real(update, voice, renders)

    monkeypatch.setattr(delivery, "_owed", dies_in_the_second_chunk)
    for update in (stopped, going):
        with pytest.raises(RuntimeError):
            delivery.fan_out(update, chunk=2, enqueue=False)
    monkeypatch.setattr(delivery, "_owed", real)
    long_ago = timezone.now() - dt.timedelta(minutes=30)
    Update.objects.exclude(pk=just_now.pk).update(published_at=long_ago)
    OutboxMessage.objects.filter(update=stopped).update(queued_at=long_ago)

    call_command("finish-fan-outs", stdout=io.StringIO())

    made = {u.pk: u.outbox.count() for u in (stopped, going, never_run, just_now)}
    assert made == {stopped.pk: 5, going.pk: 2, never_run.pk: 5, just_now.pk: 0}
    assert Message.objects.count() == 5 + 2 + 5  # one for each contributor owed: none twice


@pytest.mark.django_db(transaction=True)
def test_the_publish_request_makes_no_contributors_message_and_sends_nothing(
    client, le_lead, action, fake_notify
):
    """The lead's "Confirm and publish", through Django's request handling, for a few
    hundred contributors: the request commits the update and how many are owed it, and
    hands the fan-out to a task; no message is made or sent inside it (issue 25)."""
    VoiceFactory.contactable()  # someone not linked to the action: never owed it
    voices = Voice.objects.bulk_create(
        [
            Voice(
                channel=Voice.Channel.WEB,
                text="(Synthetic) I saw a different person every day.",
                received_at=timezone.now(),
                consent_improvement=True,
                consent_contact=True,
                contact_channel=Voice.ContactChannel.EMAIL,
                contact_email=f"person{k}@example.com",
            )
            for k in range(300)
        ]
    )
    action.insight.voices.add(*voices)
    client.force_login(le_lead)
    words = {"you_said": "Too many staff.", "we_did": "Named teams."}
    with CaptureQueriesContext(connection) as asked:
        response = client.post(
            f"/actions/{action.pk}/update", sent_once(confirming(action, **words))
        )
    assert response.status_code == 302
    update = Update.objects.get()
    assert update.owed_to == 300
    assert not OutboxMessage.objects.exists()  # no contributor's message made in the request
    assert not Message.objects.exists()
    assert not fake_notify.sent  # nor anything sent
    inserts = [q["sql"] for q in asked if q["sql"].lstrip().upper().startswith("INSERT")]
    assert not [sql for sql in inserts if Message._meta.db_table in sql]
    assert ("tell_contributors", [update.pk]) in handed_on()  # the fan-out, for the worker


def test_a_contributor_with_an_open_risk_alert_is_told_only_once_it_is_acknowledged(
    client, le_lead, lead, action, django_capture_on_commit_callbacks
):
    """A fresh-eyes trial saw a routine update texted to someone whose message about risk,
    sent since from the same address, no one had answered yet."""
    calm, at_risk = contributors(le_lead, action, 2)
    later = VoiceFactory.contactable(contact_email=at_risk.contact_email, text="I can't go on")
    alert = RiskAlert.objects.create(voice=later, concerns=[RiskAlert.Concern.RISK_TO_LIFE])
    client.force_login(le_lead)
    preview = client.post(
        f"/actions/{action.pk}/update",
        sent_once({"you_said": "a", "we_did": "b", "step": "preview"}),
    ).content.decode()
    # And how they will be told then (helper-79 was not told).
    assert (
        "1 of them, told by email, has a risk alert the duty team has not yet acknowledged"
        in preview
    )
    update = confirm_and_publish(le_lead, action, you_said="a", we_did="b")
    tasks.tell_contributors.call(update.pk)
    assert [o.voice for o in OutboxMessage.objects.all()] == [calm]
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert "1 contributor is told only once the duty team acknowledges their risk alert" in page
    assert re.search(r"Held until their risk alert is acknowledged\s*</dt>\s*<dd[^>]*>\s*1", page)
    assert "Finished" not in page
    assert counts(page)["Told"] == 0
    assert delivery.progress(update).withdrawn == 0  # not counted as withdrawn
    action_page = client.get(f"/actions/{action.pk}").content.decode()
    assert "Held until the duty team acknowledges their risk alert: 1" in action_page
    # Everyone else told: the page says what it waits for (helper-79 read "Letters to
    # print" here, with none to print).
    Message.objects.update(status=Message.Status.DELIVERED)
    page = client.get(f"/updates/{update.pk}").content.decode()
    assert "Held for a risk alert" in page
    assert "Letters to print<" not in page

    # The duty worker reads, before acknowledging, that it sends the update held (helper-80
    # saw one go out seconds after, unaware).
    client.force_login(lead)
    alert_page = client.get(f"/alerts/{alert.pk}").content.decode()
    assert "1 “you said, we did” update about changes they gave feedback on is held" in alert_page
    assert "Acknowledging it sends it at once." in alert_page
    assert delivery.updates_held_for(calm) == 0  # told already

    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        called_back(le_lead, alert)
        voices_services.acknowledge_alert(le_lead, alert, "Rang them back; they are safe at home.")
    assert handed_on() == [("tell_contributors", [update.pk])]
    tasks.tell_contributors.call(update.pk)
    assert sorted(o.voice_id for o in OutboxMessage.objects.all()) == [calm.pk, at_risk.pk]
    assert delivery.progress(update).held == 0
    assert delivery.updates_held_for(later) == 0
