"""Messages and workers move from voices to messaging with their rows (ADR 0013).

State only here: the tables stay as they are until voices has let go of them, and are
then renamed (0002)."""

import uuid

from django.db import migrations, models

MESSAGE_FIELDS = [
    ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
    (
        "kind",
        models.CharField(
            choices=[
                ("crisis_reply", "Reply with crisis contacts"),
                ("thanks_reply", "Thank-you reply"),
                ("duty_alert", "Risk alert to the duty contact"),
                ("alert_escalation", "Risk alert escalation"),
                ("follow_up_invitation", "Follow-up invitation"),
                ("follow_up_reminder", "Follow-up reminder"),
                ("you_said_we_did", "You said, we did"),
            ],
            max_length=32,
        ),
    ),
    (
        "channel",
        models.CharField(
            choices=[("sms", "Text message"), ("email", "Email"), ("letter", "Letter")],
            max_length=8,
        ),
    ),
    ("to", models.CharField(blank=True, max_length=600)),
    ("subject", models.CharField(blank=True, max_length=200)),
    ("body", models.TextField()),
    (
        "status",
        models.CharField(
            choices=[
                ("queued", "Queued"),
                ("sending", "Sending"),
                ("sent", "Sent to Notify"),
                ("delivered", "Delivered"),
                ("failed", "Failed"),
                ("cancelled", "Cancelled"),
            ],
            db_index=True,
            default="queued",
            max_length=16,
        ),
    ),
    ("attempts", models.PositiveSmallIntegerField(default=0)),
    ("next_attempt_at", models.DateTimeField(blank=True, db_index=True, null=True)),
    ("claimed_at", models.DateTimeField(blank=True, null=True)),
    ("claimed_by", models.CharField(blank=True, max_length=100)),
    ("last_error", models.CharField(blank=True, max_length=200)),
    ("notify_id", models.CharField(blank=True, max_length=64, null=True, unique=True)),
    ("created_at", models.DateTimeField(auto_now_add=True)),
    ("sent_at", models.DateTimeField(blank=True, null=True)),
    ("completed_at", models.DateTimeField(blank=True, null=True)),
]

WORKER_FIELDS = [
    ("id", models.CharField(max_length=100, primary_key=True, serialize=False)),
    ("host", models.CharField(max_length=255)),
    ("pid", models.PositiveIntegerField()),
    ("started_at", models.DateTimeField()),
    ("beat_at", models.DateTimeField(db_index=True)),
    ("task_id", models.UUIDField(blank=True, null=True)),
]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("voices", "0011_worker_heartbeats"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Message",
                    fields=MESSAGE_FIELDS,
                    options={"ordering": ["-created_at"], "db_table": "voices_message"},
                ),
                migrations.CreateModel(
                    name="Worker",
                    fields=WORKER_FIELDS,
                    options={"ordering": ["-beat_at"], "db_table": "voices_worker"},
                ),
            ],
        ),
    ]
