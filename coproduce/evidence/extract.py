"""``coproduce extract``: the operational database as a pseudonymised analytics extract.

Every key that could lead back to a person's record (people, staff, referrals,
episodes, contacts, dispatches, voices) is replaced by a keyed hash: HMAC-SHA256 under
``EVIDENCE_PSEUDONYM_KEY`` from the environment, cut to 63 bits so that it joins as a
whole number. The same key gives the same pseudonyms, so extracts taken a month apart
can be compared; without it, no pseudonym can be turned back into a record. Ages are
bands; there are no names, NHS numbers, dates of birth, addresses or free text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from coproduce.evidence import firstresponse
from coproduce.evidence.tables import (
    AGE_BANDS,
    CONTACTS_ORDER,
    SCHEMA,
    URGENCY_CODES,
    path_of,
    put_in_order,
    schema_of,
)

BATCH = 20_000


def pseudonym(key: bytes, kind: str, value: object) -> int:
    digest = hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def age_band(born: dt.date, on: dt.date) -> str:
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    for band, upper in zip(AGE_BANDS, (18, 25, 35, 45, 55, 65), strict=False):
        if age < upper:
            return band
    return AGE_BANDS[-1]


@dataclass
class ExtractReport:
    rows: dict[str, int]


class _Writer:
    """Rows of one table, written to Parquet in batches."""

    def __init__(self, directory: Path, table: str) -> None:
        self.table = table
        self.schema = schema_of(table)
        self.writer = pq.ParquetWriter(path_of(directory, table), self.schema)
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> int:
        self.flush()
        self.writer.close()
        return self.count


def _key() -> bytes:
    secret = settings.EVIDENCE_PSEUDONYM_KEY
    if not secret:
        raise ImproperlyConfigured(
            "EVIDENCE_PSEUDONYM_KEY must be set in the environment to take an extract"
        )
    return secret.encode()


def write_extract(directory: Path) -> ExtractReport:
    """Write every table of the extract into ``directory`` (created if need be)."""
    from coproduce.care.models import Contact, Dispatch, Episode, Referral, Team
    from coproduce.change.models import Action, OutboxMessage
    from coproduce.network.models import EqualityMonitoring
    from coproduce.voices.models import Voice

    key = _key()
    tz = ZoneInfo(settings.TIME_ZONE)
    directory.mkdir(parents=True, exist_ok=True)

    def local(moment: dt.datetime | None) -> dt.datetime | None:
        return None if moment is None else moment.astimezone(tz).replace(tzinfo=None)

    def hashed(kind: str) -> Callable[[object], int | None]:
        return lambda value: None if value is None else pseudonym(key, kind, value)

    person, staff = hashed("person"), hashed("staff")
    referral, episode = hashed("referral"), hashed("episode")

    def write(table: str, rows: Iterable[dict[str, Any]]) -> int:
        writer = _Writer(directory, table)
        try:
            for row in rows:
                writer.add(row)
        finally:
            count = writer.close()
        return count

    counts: dict[str, int] = {}
    counts["teams"] = write(
        "teams",
        (
            {
                "team_key": team.pk,
                "team_name": team.name,
                "region": settings.TRUST_NAME,
                "arrival_target_minutes": team.arrival_target_minutes,
            }
            for team in Team.objects.order_by("pk")
        ),
    )
    counts["referrals"] = write(
        "referrals",
        (
            {
                "referral_key": referral(pk),
                "team_key": team_id,
                "person_key": person(person_id),
                "urgency": URGENCY_CODES.get(urgency, urgency),
                "source": source,
                "received_at": local(received_at),
                "seen_at": local(seen_at),
            }
            for pk, team_id, person_id, urgency, source, received_at, seen_at in _rows(
                Referral.objects.order_by("pk").values_list(
                    "pk", "team_id", "person_id", "urgency", "source", "received_at", "seen_at"
                )
            )
        ),
    )
    counts["episodes"] = write(
        "episodes",
        (
            {
                "episode_key": episode(pk),
                "team_key": team_id,
                "person_key": person(person_id),
                "referral_key": referral(referral_id),
                "age_band": age_band(born, accepted_at.astimezone(tz).date()),
                "urgency": URGENCY_CODES.get(urgency, urgency) if urgency else None,
                "accepted_at": local(accepted_at),
                "closed_at": local(closed_at),
                "discharge_destination": destination or None,
                "disengaged": disengaged_at is not None or destination == "disengaged",
            }
            for (
                pk,
                team_id,
                person_id,
                referral_id,
                born,
                urgency,
                accepted_at,
                closed_at,
                destination,
                disengaged_at,
            ) in _rows(
                Episode.objects.order_by("pk").values_list(
                    "pk",
                    "team_id",
                    "person_id",
                    "referral_id",
                    "person__date_of_birth",
                    "referral__urgency",
                    "accepted_at",
                    "closed_at",
                    "discharge_destination",
                    "disengaged_at",
                )
            )
        ),
    )
    counts["contacts"] = write(
        "contacts",
        (
            {
                "contact_key": pseudonym(key, "contact", pk),
                "episode_key": episode(episode_id),
                "staff_key": staff(staff_id),
                "occurred_at": local(occurred_at),
            }
            for pk, episode_id, staff_id, occurred_at in _rows(
                Contact.objects.order_by("pk").values_list(
                    "pk", "episode_id", "staff_id", "occurred_at"
                )
            )
        ),
    )
    put_in_order(directory, "contacts", CONTACTS_ORDER)
    counts["dispatches"] = write(
        "dispatches",
        (
            {
                "dispatch_key": pseudonym(key, "dispatch", pk),
                "referral_key": referral(referral_id),
                "team_key": team_id,
                "dispatched_at": local(dispatched_at),
                "arrived_at": local(arrived_at),
                "outcome": outcome or None,
            }
            for pk, referral_id, team_id, dispatched_at, arrived_at, outcome in _rows(
                Dispatch.objects.order_by("pk").values_list(
                    "pk",
                    "referral_id",
                    "referral__team_id",
                    "dispatched_at",
                    "arrived_at",
                    "outcome",
                )
            )
        ),
    )
    counts["voices"] = write("voices", _voice_rows(Voice, OutboxMessage, key, local))
    counts["actions"] = write(
        "actions",
        (
            {
                "action_key": pk,
                "created_at": local(created_at),
                "due_on": due_on,
                "done_at": local(done_at),
                "status": status,
            }
            for pk, created_at, due_on, status, done_at in _action_rows(Action)
        ),
    )
    members = (
        {
            "group": "member",
            "age_band": None if band == "not_said" else band,
            "ethnicity": None if group == "not_said" else group,
            "deprivation_decile": decile,
        }
        for band, group, decile in EqualityMonitoring.objects.order_by("pk").values_list(
            "age_band", "ethnic_group", "deprivation_decile"
        )
    )
    counts["reach"] = write("reach", itertools.chain(members, _contributor_rows(Voice, tz)))
    if set(counts) != set(SCHEMA):
        raise RuntimeError(f"the extract missed {sorted(set(SCHEMA) - set(counts))}")
    write_first_response(directory, key, local)
    return ExtractReport(rows=counts)


def _hours_words(team: Any) -> str:
    if team is None or team.is_24_7:
        return "24 hours"
    return f"{team.opens_at:%H:%M} to {team.closes_at:%H:%M}"


def _open_hours(team: Any) -> list[int]:
    """The hours of the day in which ``team`` is open (at half past each)."""
    return [h for h in range(24) if team is None or team.is_open_at(dt.time(h, 30))]


def write_first_response(
    directory: Path, key: bytes, local: Callable[[dt.datetime | None], dt.datetime | None]
) -> dict[str, Any]:
    """The First Response line's and the Sanctuary's figures, aggregate only with
    disclosure control applied (``evidence.firstresponse.summarise``), as
    ``first_response.json``: callers and guests are recognised by a pseudonym of their
    person or number here and nothing of them leaves."""
    from coproduce.care.models import Team
    from coproduce.firstresponse.models import Call, SanctuaryVisit
    from coproduce.lib.disclosure import Rules
    from coproduce.voices.models import Voice

    teams = {team.pk: team for team in Team.objects.all()}
    of_kind = {
        kind: next((t for t in sorted(teams.values(), key=lambda t: t.pk) if t.kind == kind), None)
        for kind in (Team.Kind.CRISIS_LINE, Team.Kind.SANCTUARY)
    }
    sanctuary = of_kind[Team.Kind.SANCTUARY]
    sanctuary_hours = None if sanctuary is None or sanctuary.is_24_7 else sanctuary

    def caller(person_id: int | None, phone_key: str | None) -> int | None:
        if person_id is not None:
            return pseudonym(key, "person", person_id)
        return pseudonym(key, "phone", phone_key) if phone_key else None

    calls = []
    for team_id, started_at, ended_at, outcomes, person_id, phone_key in _rows(
        Call.objects.order_by("pk").values_list(
            "team_id", "started_at", "ended_at", "outcomes", "person_id", "phone_key"
        )
    ):
        started = local(started_at)
        assert started is not None  # noqa: S101 - a call always has a start
        calls.append(
            firstresponse.CallRow(
                started_at=started,
                outcomes=tuple(outcomes or ()),
                ended=ended_at is not None,
                caller=caller(person_id, phone_key),
                inside_own_hours=teams[team_id].is_open_at(started.time()),
                inside_sanctuary_hours=(
                    sanctuary_hours.is_open_at(started.time()) if sanctuary_hours else None
                ),
            )
        )
    visits = []
    for team_id, arrived_at, left, person_id, phone_key in _rows(
        SanctuaryVisit.objects.order_by("pk").values_list(
            "team_id", "arrived_at", "left", "person_id", "call__phone_key"
        )
    ):
        arrived = local(arrived_at)
        assert arrived is not None  # noqa: S101 - a visit always has an arrival
        visits.append(
            firstresponse.VisitRow(
                arrived_at=arrived,
                left=left or "",
                guest=caller(person_id, phone_key),
                inside_own_hours=teams[team_id].is_open_at(arrived.time()),
            )
        )
    services = {str(Team.Kind.CRISIS_LINE): "line", str(Team.Kind.SANCTUARY): "sanctuary"}
    ratings = [
        firstresponse.Rating(services[str(kind)], rating)
        for kind, rating in Voice.objects.filter(
            rating__isnull=False, withdrawn_at__isnull=True, team__kind__in=list(services)
        ).values_list("team__kind", "rating")
        if rating is not None
    ]
    summary = firstresponse.summarise(
        calls,
        visits,
        ratings,
        rules=Rules.from_settings(),
        line_hours=_hours_words(of_kind[Team.Kind.CRISIS_LINE]),
        sanctuary_hours=_hours_words(sanctuary) if sanctuary else "",
        line_open=_open_hours(of_kind[Team.Kind.CRISIS_LINE]),
        sanctuary_open=_open_hours(sanctuary) if sanctuary else [],
    )
    (directory / firstresponse.FILE_NAME).write_text(json.dumps(summary, indent=1))
    return summary


def _contributor_rows(voice_model: Any, tz: ZoneInfo) -> Iterator[dict[str, Any]]:
    """One row per person on our records who gave a voice (not withdrawn): their age band
    when they first spoke. Ethnicity and deprivation are not recorded for them."""
    from django.db.models import Min

    people = (
        voice_model.objects.filter(withdrawn_at__isnull=True, person__isnull=False)
        .values("person_id", "person__date_of_birth")
        .annotate(first=Min("received_at"))
        .order_by("person_id")
    )
    for row in people.iterator(chunk_size=BATCH):
        yield {
            "group": "contributor",
            "age_band": age_band(row["person__date_of_birth"], row["first"].astimezone(tz).date()),
            "ethnicity": None,
            "deprivation_decile": None,
        }


def _rows(queryset: Any) -> Iterator[Any]:
    return iter(queryset.iterator(chunk_size=BATCH))


def _action_rows(action_model: Any) -> Iterator[tuple[Any, ...]]:
    from coproduce.change.models import Action

    for action in action_model.objects.order_by("pk").prefetch_related("updates"):
        done_at = None
        if action.status == Action.Status.DONE:
            published = [update.published_at for update in action.updates.all()]
            done_at = min(published) if published else None
        yield action.pk, action.created_at, action.due_on, action.status, done_at


def _voice_rows(
    voice_model: Any,
    outbox_model: Any,
    key: bytes,
    local: Callable[[dt.datetime | None], dt.datetime | None],
) -> Iterator[dict[str, Any]]:
    """Each voice with the first time its thread reached an insight, an action, an update
    and the person (a message sent or a letter posted)."""
    from django.db.models import Min

    told: dict[int, dt.datetime] = {}
    for voice_id, sent_at, posted_at in outbox_model.objects.values_list(
        "voice_id", "message__sent_at", "posted_at"
    ).iterator(chunk_size=BATCH):
        when = sent_at or posted_at
        if when is not None and (voice_id not in told or when < told[voice_id]):
            told[voice_id] = when
    voices = (
        voice_model.objects.filter(withdrawn_at__isnull=True)
        .order_by("pk")
        .annotate(
            first_insight=Min("insights__created_at"),
            first_action=Min("insights__actions__created_at"),
            first_update=Min("insights__actions__updates__published_at"),
        )
        .values_list(
            "pk",
            "team_id",
            "received_at",
            "channel",
            "rating",
            "consent_contact",
            "first_insight",
            "first_action",
            "first_update",
        )
    )
    for pk, team_id, received_at, channel, rating, wants, insight, action, update in _rows(voices):
        yield {
            "voice_key": pseudonym(key, "voice", pk),
            "team_key": team_id,
            "received_at": local(received_at),
            "channel": channel,
            "rating": rating,
            "wants_outcome": bool(wants),
            "insight_at": local(insight),
            "action_at": local(action),
            "update_at": local(update),
            "told_at": local(told.get(pk)),
        }
