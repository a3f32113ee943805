"""Bulk import of Friends and Family Test exports (CSV).

All or nothing: every row is checked first, and if any row is wrong nothing is saved and
the report says what is wrong on which line. Rows already imported (same response id)
are skipped and reported, so an overlapping export can be imported safely.

Columns are matched by name, case-insensitively, with the names FFT exports use:

- date: ``Date`` or ``Response date`` (31/10/2026 or 2026-10-31) — required
- answer: ``FFT categorical answer``, ``Rating`` or ``FFT score`` (1 to 6, or the words,
  e.g. "Very good") — required
- comment: ``Comment``, ``FFT answer`` or ``Free text`` — optional
- service: ``Service`` or ``Team``, the name of one of our services — optional
- response id: ``Response ID``, ``Comment ID`` or ``Respondent ID`` — optional
- may quote: ``May quote`` or ``Consent to publish`` (yes/no) — optional, default no
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.care.models import Team
from coproduce.voices import risk, services
from coproduce.voices.forms import FEEDBACK_MAX_CHARACTERS
from coproduce.voices.models import Rating, Voice

MAX_ROWS = 20_000
COLUMNS = {
    "date": ("date", "response date"),
    "rating": ("fft categorical answer", "rating", "fft score"),
    "comment": ("comment", "fft answer", "free text"),
    "service": ("service", "team"),
    "response_id": ("response id", "comment id", "respondent id"),
    "may_quote": ("may quote", "consent to publish"),
}
REQUIRED = ("date", "rating")
RATING_WORDS = {label.lower(): value for value, label in Rating.choices}
RATING_WORDS.update({"dont know": Rating.DONT_KNOW, "don't know": Rating.DONT_KNOW})
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


@dataclass
class Row:
    line: int
    problems: list[str] = field(default_factory=list)
    skipped: str = ""
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    filename: str
    rows: list[Row] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)
    imported: int = 0
    # The same file, byte for byte, was imported before: nothing was imported again.
    imported_before: bool = False

    @property
    def ok(self) -> bool:
        return not self.file_problems and not any(r.problems for r in self.rows)

    @property
    def rows_with_problems(self) -> list[Row]:
        return [r for r in self.rows if r.problems]

    @property
    def skipped(self) -> list[Row]:
        return [r for r in self.rows if r.skipped]


def _source(response_id: str) -> str:
    return f"FFT response {response_id}" if response_id else "FFT import"


def _parse_date(raw: str) -> dt.datetime | None:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            parsed = dt.datetime.strptime(raw.strip(), pattern)  # noqa: DTZ007 - made aware below
        except ValueError:
            continue
        return timezone.make_aware(parsed.replace(hour=parsed.hour or 12))
    return None


def _parse_rating(raw: str) -> int | None:
    value = raw.strip().lower()
    if value.isdigit() and int(value) in Rating.values:
        return int(value)
    return RATING_WORDS.get(value)


def check(data: bytes, filename: str) -> Report:
    """Read and check every row; nothing is saved."""
    report = Report(filename)
    # The same limit as the upload form's (COPRODUCE_MAX_UPLOAD_MB), for the command too.
    if len(data) > settings.MAX_UPLOAD_BYTES:
        report.file_problems.append(
            f"The file is larger than {settings.MAX_UPLOAD_BYTES // 1_000_000} MB, the most "
            "that can be imported at once. Split it and import each part."
        )
        return report
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.file_problems.append(
            "The file is not saved as UTF-8 text. Save it as 'CSV UTF-8' and try again."
        )
        return report
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    where: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for name in names:
            if name in header:
                where[key] = header.index(name)
                break
    missing = [key for key in REQUIRED if key not in where]
    if missing:
        wanted = " and ".join(f"a {COLUMNS[k][0].title()!r} column" for k in missing)
        report.file_problems.append(f"The file needs {wanted}.")
        return report
    teams = {t.name.lower(): t for t in Team.objects.all()}
    seen: set[str] = set()
    already = {
        s.removeprefix("FFT response ")
        for s in Voice.objects.filter(source_detail__startswith="FFT response ").values_list(
            "source_detail", flat=True
        )
    }
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(report.rows) >= MAX_ROWS:
            report.file_problems.append(
                f"The file has more than {MAX_ROWS:,} rows: split it into files of at most "
                f"{MAX_ROWS:,} rows and import each."
            )
            break

        def cell(key: str, cells: list[str] = cells) -> str:
            index = where.get(key)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        row = Row(line)
        received_at = _parse_date(cell("date"))
        if received_at is None:
            row.problems.append(f"Date {cell('date')!r} is not a date like 31/10/2026")
        elif received_at > timezone.now():
            row.problems.append(f"Date {cell('date')!r} is in the future")
        rating = _parse_rating(cell("rating"))
        if rating is None:
            row.problems.append(
                f"Answer {cell('rating')!r} is not a Friends and Family Test answer "
                "(1 to 6, or words like 'Very good')"
            )
        comment = cell("comment")
        if len(comment) > FEEDBACK_MAX_CHARACTERS:
            row.problems.append(
                f"The comment is longer than {FEEDBACK_MAX_CHARACTERS:,} characters"
            )
        if "\x00" in comment:
            row.problems.append("The comment has characters that cannot be read")
        team = None
        if cell("service"):
            team = teams.get(cell("service").lower())
            if team is None:
                row.problems.append(f"Service {cell('service')!r} is not one of our services")
        may_quote = cell("may_quote").lower()
        if may_quote not in YES | NO:
            row.problems.append(f"May quote {cell('may_quote')!r} must be yes or no")
        response_id = cell("response_id")
        if response_id and response_id in seen:
            row.problems.append(f"Response {response_id!r} appears twice in this file")
        elif response_id in already:
            row.skipped = f"Response {response_id!r} was imported before"
        if response_id:
            seen.add(response_id)
        row.values = {
            "channel": Voice.Channel.FFT_IMPORT,
            "text": comment,
            "rating": rating,
            "team": team,
            "received_at": received_at,
            # The Friends and Family Test is asked so that services improve.
            "consent_improvement": True,
            "consent_quote": may_quote in YES,
            "source_detail": _source(response_id),
        }
        report.rows.append(row)
    if not report.rows and not report.file_problems:
        report.file_problems.append("The file has no rows under its header.")
    return report


def import_file(user: User, data: bytes, filename: str) -> Report:
    """Check, then save every row in one transaction, or none if anything is wrong.

    A file is imported once, however often it is sent (a double click, two people at
    once, the command run twice): its digest is the import's one-time token
    (``accounts.submissions``), so a second import of the same bytes finds it taken and
    makes nothing, even at the same moment, and even for a file without response ids."""
    report = check(data, filename)
    if not report.ok:
        return report
    kept = [row for row in report.rows if not row.skipped]
    # Screened in batches before the transaction, so it is not held while the encoder reads.
    screens = risk.screen_many([row.values["text"] for row in kept])
    imported = services.receive_voices(
        user,
        [(row.values, screened) for row, screened in zip(kept, screens, strict=True)],
        f"FFT import: {len(kept)} of {len(report.rows)} rows",
        submission="fft-" + hashlib.sha256(data).hexdigest()[:40],
    )
    report.imported = imported or 0
    report.imported_before = imported is None
    return report
