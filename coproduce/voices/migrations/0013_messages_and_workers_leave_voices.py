"""Voices lets go of messages and workers; their rows stay, now messaging's (ADR 0013)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("voices", "0012_messages_linked_from_voices"),
        ("change", "0006_outbox_message_from_messaging"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Message"),
                migrations.DeleteModel(name="Worker"),
            ],
        ),
    ]
