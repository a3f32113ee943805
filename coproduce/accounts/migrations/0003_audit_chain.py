"""Chain the audit trail: each event carries the previous event's hash and its own.

Events already written are chained in the order they were written. On PostgreSQL a
trigger also refuses any UPDATE or DELETE of an event (the hash chain shows one made by
someone able to switch the trigger off)."""

from django.db import migrations, models

GENESIS = "0" * 64

TRIGGER = """
CREATE FUNCTION accounts_auditevent_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER accounts_auditevent_append_only
  BEFORE UPDATE OR DELETE ON accounts_auditevent
  FOR EACH ROW EXECUTE FUNCTION accounts_auditevent_append_only();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS accounts_auditevent_append_only ON accounts_auditevent;
DROP FUNCTION IF EXISTS accounts_auditevent_append_only();
"""


def chain_existing(apps, schema_editor):
    from coproduce.accounts.models import AuditEvent as Current

    AuditEvent = apps.get_model("accounts", "AuditEvent")
    AuditChainHead = apps.get_model("accounts", "AuditChainHead")
    previous = GENESIS
    count = 0
    for event in AuditEvent.objects.order_by("id"):
        event.previous_hash = previous
        event.entry_hash = Current.compute_hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            previous_hash=event.previous_hash, entry_hash=event.entry_hash
        )
        previous = event.entry_hash
        count += 1
    AuditChainHead.objects.create(pk=1, entry_hash=previous, events=count)


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_break_glass")]

    operations = [
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("entry_hash", models.CharField(default=GENESIS, max_length=64)),
                ("events", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="occurred_at",
            field=models.DateTimeField(db_index=True),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="entry_hash",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(max_length=64, unique=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="entry_hash",
            field=models.CharField(max_length=64, unique=True),
        ),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
