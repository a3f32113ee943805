"""Backup and restore: a round trip gives back every row, and bad files are refused."""

import gzip
import json

import pytest
from django.core.management import CommandError, call_command

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.care.models import Contact, Person
from coproduce.change.models import Update
from coproduce.privacy import backup
from coproduce.tooling.synthetic.demo import seed_demo
from coproduce.tooling.testing.factories import PersonFactory


def snapshot():
    return {
        "people": sorted(Person.objects.values_list("pk", "nhs_number", "family_name")),
        "contacts": Contact.objects.count(),
        "updates": sorted(Update.objects.values_list("pk", "you_said")),
        "audit": list(AuditEvent.objects.order_by("pk").values_list("pk", "entry_hash")),
        "users": sorted(User.objects.values_list("username", "password")),
    }


@pytest.fixture
def demo(db):
    seed_demo()


def test_a_backup_restores_every_row_and_the_audit_trail_still_checks(demo, tmp_path):
    before = snapshot()
    file = tmp_path / "coproduce.backup.gz"
    call_command("backup", out=file, stdout=None)
    # Something changes after the backup; the restore puts the backup's state back.
    Person.objects.filter(pk=before["people"][0][0]).update(family_name="Changed")
    call_command("restore", file, replace=True)
    assert snapshot() == before
    assert audit.verify()[1] is None
    # New records carry on after the restored ones (sequences were reset).
    newest = max(pk for pk, *_ in before["people"])
    assert PersonFactory().pk > newest


def test_a_restore_into_a_database_with_data_is_refused_without_replace(demo, tmp_path):
    file = tmp_path / "b.gz"
    backup.backup(file)
    PersonFactory(family_name="Saved since")
    with pytest.raises(CommandError, match=r"already holds data .* add --replace"):
        call_command("restore", file)
    assert Person.objects.filter(family_name="Saved since").exists()


def rewrite(file, change):
    with gzip.open(file, "rt") as source:
        manifest = json.loads(source.readline())
        data = source.read()
    manifest, data = change(manifest, data)
    with gzip.open(file, "wt") as out:
        out.write(json.dumps(manifest) + "\n" + data)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda m, d: (m, d.replace("Robin", "Rubin", 1)), "does not match its checksum"),
        (
            lambda m, d: (
                {"manifest": {**m["manifest"], "migrations": {"care": "0099_future"}}},
                d,
            ),
            "another version of the database",
        ),
        (lambda m, d: ({"manifest": {**m["manifest"], "format": "other/9"}}, d), "format"),
    ],
)
def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(
    demo, tmp_path, damage, message
):
    PersonFactory(given_name="Robin")
    file = tmp_path / "b.gz"
    backup.backup(file)
    rewrite(file, damage)
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        call_command("restore", file, replace=True)
    assert snapshot() == before


def test_a_file_that_is_not_a_backup_is_named(db, tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("not a backup")
    with pytest.raises(CommandError, match=r"notes\.txt is not a Coproduce backup"):
        call_command("restore", file)
    with pytest.raises(CommandError, match="There is no file"):
        call_command("restore", tmp_path / "missing.gz")


def test_a_backup_into_a_folder_that_does_not_exist_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="There is no folder"):
        call_command("backup", out=tmp_path / "missing" / "b.gz")
