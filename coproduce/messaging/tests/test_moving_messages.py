"""Messages move from voices to messaging with their rows, and their links to voices
and alerts survive the move (voices 0012, ADR 0013), both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("voices", "0011_worker_heartbeats"), ("change", "0005_update_fan_out_progress")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_messages_keep_their_voice_and_alert_across_the_move_and_back():
    old = migrate(BEFORE)
    Voice = old.get_model("voices", "Voice")
    RiskAlert = old.get_model("voices", "RiskAlert")
    Message = old.get_model("voices", "Message")
    voice = Voice.objects.create(channel="sms", text="Words", received_at=timezone.now())
    other = Voice.objects.create(channel="web", text="Other", received_at=timezone.now())
    alert = RiskAlert.objects.create(voice=voice, concerns=["risk_to_life"])
    reply = Message.objects.create(kind="crisis_reply", channel="sms", body="R", voice=voice)
    duty = Message.objects.create(kind="duty_alert", channel="email", body="D", alert=alert)
    loose = Message.objects.create(kind="thanks_reply", channel="sms", body="L")

    new = migrate(latest())
    Voice = new.get_model("voices", "Voice")
    RiskAlert = new.get_model("voices", "RiskAlert")
    Message = new.get_model("messaging", "Message")
    assert Message._meta.db_table == "messaging_message"
    assert Message.objects.count() == 3  # every row came across
    assert list(Voice.objects.get(pk=voice.pk).messages.values_list("pk", flat=True)) == [reply.pk]
    assert list(RiskAlert.objects.get(pk=alert.pk).messages.values_list("pk", flat=True)) == [
        duty.pk
    ]
    assert not Voice.objects.get(pk=other.pk).messages.exists()
    assert Message.objects.get(pk=loose.pk).body == "L"

    back = migrate(BEFORE)
    Message = back.get_model("voices", "Message")
    assert Message.objects.get(pk=reply.pk).voice_id == voice.pk
    assert Message.objects.get(pk=duty.pk).alert_id == alert.pk
    assert Message.objects.get(pk=loose.pk).voice_id is None
    migrate(latest())
