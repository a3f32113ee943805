"""The tables take messaging's name, once voices has let go of them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("messaging", "0001_initial"),
        ("voices", "0013_messages_and_workers_leave_voices"),
    ]

    operations = [
        migrations.AlterModelTable(name="message", table=None),
        migrations.AlterModelTable(name="worker", table=None),
    ]
