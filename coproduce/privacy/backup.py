"""Backing up the whole operational database to one file, and restoring it.

The file is gzip-compressed JSON: a manifest (format, when, the migration each app is at,
how many rows of each kind, the audit trail's last hash, a SHA-256 of the data) and the
data itself, as Django serialises it (so the same file restores into SQLite or
PostgreSQL). A restore refuses a file that is damaged, from another version of the
schema, or into a database that already holds data (unless asked to replace it), and
afterwards checks the row counts and the audit trail's hash chain.

Sessions are not backed up (everyone signs in again after a restore); content types and
permissions are made by the migrations.
"""

from __future__ import annotations

import datetime as dt
import errno
import gzip
import hashlib
import io
import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import GENESIS, AuditChainHead

FORMAT = "coproduce-backup/1"
LEFT_OUT = ["contenttypes", "auth.permission", "sessions"]


class RestoreRefused(Exception):
    pass


@dataclass(frozen=True)
class Summary:
    rows: int
    kinds: int
    path: Path


def _migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for applied in MigrationRecorder(connection).applied_migrations():
        app, name = applied
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def _data() -> str:
    out = io.StringIO()
    call_command(
        "dumpdata",
        exclude=LEFT_OUT,
        natural_foreign=True,
        stdout=out,
        database=DEFAULT_DB_ALIAS,
    )
    return out.getvalue()


def backup(path: Path) -> Summary:
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One consistent moment for every table read, while the service writes on
            # (PostgreSQL's default gives each query its own moment). Only as the first
            # statement of a transaction of its own (as the command runs it); inside a
            # caller's transaction, that transaction's moment holds.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        data = _data()
        head = AuditChainHead.objects.filter(pk=1).first()
        counts = dict(Counter(row["model"] for row in json.loads(data)))
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "made_at": timezone.now().isoformat(),
            "migrations": _migrations(),
            "counts": counts,
            "audit_head": head.entry_hash if head else None,
            "sha256": hashlib.sha256(data.encode()).hexdigest(),
        }
    _write(path, manifest, data)
    return Summary(sum(counts.values()), len(counts), path)


def _write(path: Path, manifest: dict[str, Any], data: str) -> None:
    """Write to a temporary file beside ``path``, readable only by its owner (mkstemp
    makes it 0600), flushed to the disk, then renamed: a half-written backup never has
    the final name, and one that fails is removed."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".coproduce-backup-", suffix=".part")
    tmp = Path(name)
    try:
        with os.fdopen(handle, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw) as zipped:
                out = io.TextIOWrapper(zipped, encoding="utf-8")
                json.dump({"manifest": manifest}, out)
                out.write("\n")
                out.write(data)
                out.flush()
                out.detach()
            raw.flush()
            os.fsync(raw.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


# Nightly backups in COPRODUCE_BACKUP_DIR: named by when they were made (UTC), so their
# names sort in time order; nothing else in the folder is ever removed.
NIGHTLY = re.compile(r"coproduce-\d{8}T\d{6}Z\.json\.gz")


def nightly_backups(folder: Path) -> list[Path]:
    """The nightly backups in ``folder``, oldest first."""
    return sorted(
        (p for p in folder.iterdir() if NIGHTLY.fullmatch(p.name) and p.is_file()),
        key=lambda p: p.name,
    )


def latest(folder: Path) -> Path:
    found = nightly_backups(folder)
    if not found:
        raise RestoreRefused(
            f"There is no backup in {folder} (files named coproduce-YYYYMMDDTHHMMSSZ.json.gz)."
        )
    return found[-1]


def nightly(folder: Path) -> Summary:
    """A new backup in ``folder``, named for this moment in UTC."""
    made = dt.datetime.now(dt.UTC)
    path = folder / f"coproduce-{made:%Y%m%dT%H%M%SZ}.json.gz"
    if path.exists():
        raise FileExistsError(errno.EEXIST, "a backup made this second is already there", path)
    return backup(path)


def prune(folder: Path, keep: int) -> tuple[list[Path], list[Path]]:
    """Remove the oldest nightly backups in ``folder`` beyond ``keep`` (never another
    file); the ones kept and the ones removed."""
    found = nightly_backups(folder)
    removed = found[:-keep]
    for old in removed:
        old.unlink()
    return found[-keep:], removed


def read(path: Path) -> tuple[dict[str, Any], str]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            first = source.readline()
            data = source.read()
        manifest = json.loads(first)["manifest"]
    except FileNotFoundError:
        raise RestoreRefused(f"There is no file {path}.") from None
    except (OSError, EOFError, ValueError, KeyError):
        raise RestoreRefused(f"{path} is not a Coproduce backup, or it is damaged.") from None
    if manifest.get("format") != FORMAT:
        raise RestoreRefused(f"{path} is a backup in a format this version cannot read.")
    if hashlib.sha256(data.encode()).hexdigest() != manifest["sha256"]:
        raise RestoreRefused(f"{path} is damaged: its data does not match its checksum.")
    return manifest, data


def _holds_data() -> list[str]:
    """What this database holds beyond what its migrations made: content types and
    permissions, and the audit trail's head at its start (no events yet), are not data."""
    return [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label not in {"contenttypes", "sessions"}
        and model._meta.label != "auth.Permission"
        and (
            model._default_manager.exclude(entry_hash=GENESIS, events=0).exists()
            if model is AuditChainHead
            else model._default_manager.exists()
        )
    ]


def restore(path: Path, replace: bool = False) -> Summary:
    manifest, data = read(path)
    now = _migrations()
    if manifest["migrations"] != now:
        differ = sorted(
            app
            for app in set(now) | set(manifest["migrations"])
            if now.get(app) != manifest["migrations"].get(app)
        )
        raise RestoreRefused(
            "The backup was made at another version of the database ("
            + ", ".join(differ)
            + " differ). Restore it with the version of Coproduce that made it."
        )
    held = _holds_data()
    if held and not replace:
        raise RestoreRefused(
            f"This database already holds data ({', '.join(sorted(set(held))[:5])} …). "
            "Restore into an empty database, or add --replace to overwrite it."
        )
    with transaction.atomic():
        if held:
            _flush()
        # Saved one by one as read: a row's links are looked up as it is read.
        objects = []
        for obj in serializers.deserialize("json", data, handle_forward_references=True):
            obj.save()
            objects.append(obj)
        for obj in objects:
            if obj.deferred_fields:
                obj.save_deferred_fields()
        _reset_sequences({type(obj.object) for obj in objects})
        counts = Counter(obj.object._meta.label_lower for obj in objects)
        if dict(counts) != manifest["counts"]:
            raise RestoreRefused("The restored rows do not match the backup's counts.")
        _, broken = audit.verify()
        if broken is not None:
            raise RestoreRefused(f"The restored audit trail is broken at event {broken.event_id}.")
    return Summary(sum(counts.values()), len(counts), path)


def _flush() -> None:
    """Empty every table. On PostgreSQL, checks deferred until the end of the transaction
    are made first (TRUNCATE refuses to run while any are pending), then deferred again
    for the rows to come, which may point forward to rows not yet loaded."""
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _reset_sequences(models: set[type[Any]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
