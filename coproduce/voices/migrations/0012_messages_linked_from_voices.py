"""A voice's replies, an alert's messages and an invitation's messages are linked from
voices, not from the message: messaging no longer knows voices (ADR 0013). The links
are copied from the message's old columns before those go."""

import django.db.models.deletion
from django.db import migrations, models

LINKS = [("voice", "Voice"), ("alert", "RiskAlert"), ("invitation", "FollowUpInvitation")]
BATCH = 5000


def copy_links(apps, schema_editor):
    Message = apps.get_model("voices", "Message")
    for field, model_name in LINKS:
        through = apps.get_model("voices", model_name).messages.through
        owner = f"{model_name.lower()}_id"
        rows = Message.objects.filter(**{f"{field}__isnull": False}).values_list(
            "pk", f"{field}_id"
        )
        batch = []
        for message_id, owner_id in rows.iterator(chunk_size=BATCH):
            batch.append(through(message_id=message_id, **{owner: owner_id}))
            if len(batch) == BATCH:
                through.objects.bulk_create(batch)
                batch = []
        through.objects.bulk_create(batch)


def copy_links_back(apps, schema_editor):
    Message = apps.get_model("voices", "Message")
    for field, model_name in LINKS:
        through = apps.get_model("voices", model_name).messages.through
        owner = f"{model_name.lower()}_id"
        for message_id, owner_id in through.objects.values_list("message_id", owner).iterator():
            Message.objects.filter(pk=message_id).update(**{f"{field}_id": owner_id})


class Migration(migrations.Migration):

    dependencies = [
        ("voices", "0011_worker_heartbeats"),
        ("messaging", "0001_initial"),
    ]

    operations = [
        # The old links' reverse names give way to the new fields (the database is as it was).
        *(
            migrations.SeparateDatabaseAndState(
                state_operations=[
                    migrations.AlterField(
                        model_name="message",
                        name=field,
                        field=models.ForeignKey(
                            blank=True,
                            null=True,
                            on_delete=django.db.models.deletion.SET_NULL,
                            related_name="+",
                            to=f"voices.{model_name.lower()}",
                        ),
                    )
                ]
            )
            for field, model_name in LINKS
        ),
        *(
            migrations.AddField(
                model_name=model_name.lower(),
                name="messages",
                field=models.ManyToManyField(
                    blank=True,
                    related_name=f"{field}s",
                    related_query_name=field,
                    to="messaging.message",
                ),
            )
            for field, model_name in LINKS
        ),
        migrations.RunPython(copy_links, copy_links_back),
        migrations.RemoveField(model_name="message", name="voice"),
        migrations.RemoveField(model_name="message", name="alert"),
        migrations.RemoveField(model_name="message", name="invitation"),
    ]
