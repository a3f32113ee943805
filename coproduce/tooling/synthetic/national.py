"""``coproduce seed --profile national``: a synthetic extract for every crisis service in
England, written straight to Parquet (no database), with effects built in to be found.

All synthetic. Scale by episodes (default 2 million: about 2.5 million referrals, 25
million contacts and 3 million voices). The effects the seeds report are planted so the
evidence engine has something true to find:

- teams that adopt a lead practitioner model (half of them, from ``CHANGE_DATE``) give
  each episode fewer distinct staff;
- more distinct staff ⇒ a longer time on caseload and more disengagement (seed 002);
- after the change, admissions fall about 19% and A&E conveyance about 26% in the teams
  that changed (seed 001);
- teams run with a service-user network have more good or very good experience;
- response vehicles arrive in about 40 minutes (median; seed 004).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from coproduce.evidence.tables import AGE_BANDS, CONTACTS_ORDER, path_of, put_in_order, schema_of

START = dt.datetime(2024, 1, 1)  # noqa: DTZ001 - wall-clock times
END = dt.datetime(2026, 1, 1)  # noqa: DTZ001 - wall-clock times
CHANGE_DATE = dt.datetime(2025, 1, 1)  # noqa: DTZ001 - wall-clock times
REGIONS = (
    "East of England",
    "London",
    "Midlands",
    "North East and Yorkshire",
    "North West",
    "South East",
    "South West",
)
CHANNELS = ("web", "sms", "phone", "paper", "in_person", "fft_import", "community_listening")
CHANNEL_SHARE = (0.30, 0.25, 0.10, 0.10, 0.08, 0.12, 0.05)
URGENCY = ("emergency", "very_urgent", "urgent", "routine")
URGENCY_SHARE = (0.05, 0.25, 0.45, 0.25)
SOURCES = ("self", "carer", "nhs_111", "ambulance", "police", "gp", "ae_liaison")
SOURCE_SHARE = (0.20, 0.08, 0.22, 0.12, 0.08, 0.20, 0.10)
STAFF_PER_TEAM = 60
CONTACT_CHUNK = 250_000  # episodes whose contacts are made and written at a time

_US = 1_000_000


@dataclass
class NationalReport:
    rows: dict[str, int]


def _stamp(micros: np.ndarray, present: np.ndarray | None = None) -> pa.Array:
    """Microseconds after START as wall-clock times; empty where not ``present``."""
    values = np.datetime64(START, "us") + micros.astype("timedelta64[us]")
    return pa.array(values, type=pa.timestamp("us"), mask=None if present is None else ~present)


def _write(directory: Path, table: str, columns: dict[str, pa.Array | np.ndarray]) -> int:
    schema = schema_of(table)
    arrays = [pa.array(columns[field.name], type=field.type) for field in schema]
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path_of(directory, table))
    return len(arrays[0])


def _span(start: dt.datetime, end: dt.datetime) -> int:
    return int((end - start).total_seconds() * _US)


def write_national(
    directory: Path, *, episodes: int = 2_000_000, seed: int = 2026
) -> NationalReport:
    """Write a synthetic national extract into ``directory``; deterministic for a seed."""
    rng = np.random.default_rng(seed)
    directory.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    period = _span(START, END)
    change = _span(START, CHANGE_DATE)

    # Teams: about one per 10,000 episodes over two years, as in England.
    n_teams = max(4, episodes // 10_000)
    team_keys = np.arange(1, n_teams + 1, dtype=np.int64)
    changed = np.arange(n_teams) % 2 == 0  # adopt a lead practitioner model
    networked = np.arange(n_teams) % 3 != 2  # have a service-user network
    size = rng.gamma(4.0, 1.0, n_teams)
    weight = size / size.sum()
    rows["teams"] = _write(
        directory,
        "teams",
        {
            "team_key": team_keys,
            "team_name": [f"Crisis team {k:03d}" for k in team_keys],
            "region": [REGIONS[k % len(REGIONS)] for k in range(n_teams)],
            "arrival_target_minutes": np.full(n_teams, 45, dtype=np.int32),
        },
    )

    # Referrals: a quarter more than episodes (some go elsewhere or are declined).
    n_ref = int(episodes * 1.25)
    ref_team = rng.choice(n_teams, n_ref, p=weight)
    received = np.sort(rng.integers(0, period, n_ref))
    urgency = rng.choice(len(URGENCY), n_ref, p=URGENCY_SHARE)
    median_hours = np.array([1.0, 2.5, 12.0, 72.0])[urgency]
    seen_hours = rng.lognormal(np.log(median_hours), 0.6)
    seen = rng.random(n_ref) > 0.06
    seen_at = received + (seen_hours * 3600 * _US).astype(np.int64)
    person_pool = rng.integers(1, 2**62, int(n_ref * 0.8), dtype=np.int64)
    ref_person = person_pool[rng.integers(0, len(person_pool), n_ref)]
    ref_keys = rng.permutation(n_ref).astype(np.int64) + 1
    rows["referrals"] = _write(
        directory,
        "referrals",
        {
            "referral_key": ref_keys,
            "team_key": team_keys[ref_team],
            "person_key": ref_person,
            "urgency": np.array(URGENCY, dtype=object)[urgency],
            "source": np.array(SOURCES, dtype=object)[
                rng.choice(len(SOURCES), n_ref, p=SOURCE_SHARE)
            ],
            "received_at": _stamp(received),
            "seen_at": _stamp(seen_at, seen),
        },
    )

    # Episodes: accepted referrals.
    accepted = np.sort(rng.choice(n_ref, episodes, replace=False))
    e_team = ref_team[accepted]
    e_start = seen_at[accepted]
    after = changed[e_team] & (e_start >= change)
    staff_mean = np.where(after, 1.6, 3.8)
    distinct = np.minimum(1 + rng.poisson(staff_mean), 12)
    n_contacts = 1 + rng.poisson(11.5, episodes)
    distinct = np.minimum(distinct, n_contacts)
    stay_days = rng.gamma(2.0, (12.0 + 2.5 * distinct) / 2.0)
    stay = (stay_days * 86_400 * _US).astype(np.int64)
    closed = e_start + stay < period
    disengage_p = 1 / (1 + np.exp(-(-3.4 + 0.35 * distinct)))
    disengaged = closed & (rng.random(episodes) < disengage_p)
    admit_p = np.where(after, 0.08 * 0.81, 0.08)
    destination_draw = rng.random(episodes)
    destination = np.where(
        disengaged,
        "disengaged",
        np.where(
            destination_draw < admit_p,
            "admitted",
            np.where(
                destination_draw < 0.55,
                "gp",
                np.where(destination_draw < 0.85, "community_team", "no_further_care"),
            ),
        ),
    ).astype(object)
    age = rng.choice(len(AGE_BANDS), episodes, p=(0.06, 0.17, 0.22, 0.19, 0.16, 0.11, 0.09))
    episode_keys = rng.permutation(episodes).astype(np.int64) + 1
    rows["episodes"] = _write(
        directory,
        "episodes",
        {
            "episode_key": episode_keys,
            "team_key": team_keys[e_team],
            "person_key": ref_person[accepted],
            "referral_key": ref_keys[accepted],
            "age_band": np.array(AGE_BANDS, dtype=object)[age],
            "urgency": np.array(URGENCY, dtype=object)[urgency[accepted]],
            "accepted_at": _stamp(e_start),
            "closed_at": _stamp(e_start + stay, closed),
            "discharge_destination": pa.array(destination, mask=~closed),
            "disengaged": disengaged,
        },
    )

    # Contacts, a chunk of episodes at a time: spread over the stay, each with one of the
    # episode's distinct staff, the first of them (the lead) about half the time.
    schema = schema_of("contacts")
    writer = pq.ParquetWriter(path_of(directory, "contacts"), schema)
    staff_offset = rng.integers(0, STAFF_PER_TEAM, episodes)
    written = 0
    for first in range(0, episodes, CONTACT_CHUNK):
        part = slice(first, min(first + CONTACT_CHUNK, episodes))
        counts = n_contacts[part]
        which = np.repeat(np.arange(part.start, part.stop), counts)
        k = distinct[which]
        # Every distinct staff member sees the person at least once: the first k contacts
        # of each episode go to slots 0..k-1, the rest to the lead or anyone at random.
        position = np.arange(len(which)) - np.repeat(np.cumsum(counts) - counts, counts)
        random_slot = np.where(
            rng.random(len(which)) < 0.5, 0, rng.integers(0, 1 << 30, len(which)) % k
        )
        slot = np.where(position < k, position, random_slot)
        staff = team_keys[e_team[which]] * 1000 + (staff_offset[which] + slot) % STAFF_PER_TEAM
        open_until = np.where(closed[which], stay[which], np.maximum(period - e_start[which], 1))
        occurred = e_start[which] + (rng.random(len(which)) * open_until).astype(np.int64)
        occurred = np.where(position == 0, e_start[which], occurred)
        keys = np.arange(written + 1, written + len(which) + 1, dtype=np.int64)
        writer.write_table(
            pa.Table.from_arrays(
                [pa.array(keys), pa.array(episode_keys[which]), pa.array(staff), _stamp(occurred)],
                schema=schema,
            )
        )
        written += len(which)
    writer.close()
    put_in_order(directory, "contacts", CONTACTS_ORDER)
    rows["contacts"] = written

    # Dispatches of the response vehicle: referrals from the ambulance service and police.
    from_999 = np.isin(
        np.array(SOURCES, dtype=object)[rng.choice(len(SOURCES), n_ref, p=SOURCE_SHARE)],
        ["ambulance", "police"],
    ) & (rng.random(n_ref) < 0.6)
    sent = np.flatnonzero(from_999)
    d_after = changed[ref_team[sent]] & (received[sent] >= change)
    minutes = rng.lognormal(np.log(40), 0.35, len(sent))
    arrived = rng.random(len(sent)) > 0.02
    dispatched_at = received[sent] + (rng.gamma(2, 5, len(sent)) * 60 * _US).astype(np.int64)
    outcome_draw = rng.random(len(sent))
    ae_p = np.where(d_after, 0.20 * 0.74, 0.20)
    outcome = np.where(
        outcome_draw < ae_p,
        "conveyed_ae",
        np.where(
            outcome_draw < ae_p + 0.08,
            "police_needed",
            np.where(outcome_draw < 0.7, "stayed_home", "home_treatment"),
        ),
    ).astype(object)
    rows["dispatches"] = _write(
        directory,
        "dispatches",
        {
            "dispatch_key": np.arange(1, len(sent) + 1, dtype=np.int64),
            "referral_key": ref_keys[sent],
            "team_key": team_keys[ref_team[sent]],
            "dispatched_at": _stamp(dispatched_at),
            "arrived_at": _stamp(dispatched_at + (minutes * 60 * _US).astype(np.int64), arrived),
            "outcome": pa.array(outcome, mask=~arrived),
        },
    )

    # Voices: one and a half per episode, most rated on the Friends and Family Test scale.
    n_voices = int(episodes * 1.5)
    v_team = rng.choice(n_teams, n_voices, p=weight)
    v_received = np.sort(rng.integers(0, period, n_voices))
    rated = rng.random(n_voices) < 0.7
    good_p = np.where(networked[v_team], 0.72, 0.55)
    good = rng.random(n_voices) < good_p
    rating = np.where(good, rng.integers(1, 3, n_voices), rng.integers(3, 7, n_voices)).astype(
        np.int32
    )
    day = 86_400 * _US
    in_insight = rng.random(n_voices) < 0.3
    insight_at = v_received + (rng.gamma(2, 10, n_voices) * day).astype(np.int64)
    in_action = in_insight & (rng.random(n_voices) < 0.6)
    action_at = insight_at + (rng.gamma(2, 12, n_voices) * day).astype(np.int64)
    in_update = in_action & (rng.random(n_voices) < 0.7)
    update_at = action_at + (rng.gamma(2, 15, n_voices) * day).astype(np.int64)
    wants = rng.random(n_voices) < 0.4
    told = wants & in_update & (rng.random(n_voices) < 0.9)
    told_at = update_at + (rng.gamma(1, 2, n_voices) * day).astype(np.int64)
    rows["voices"] = _write(
        directory,
        "voices",
        {
            "voice_key": rng.permutation(n_voices).astype(np.int64) + 1,
            "team_key": team_keys[v_team],
            "received_at": _stamp(v_received),
            "channel": np.array(CHANNELS, dtype=object)[
                rng.choice(len(CHANNELS), n_voices, p=CHANNEL_SHARE)
            ],
            "rating": pa.array(rating, mask=~rated),
            "wants_outcome": wants,
            "insight_at": _stamp(insight_at, in_insight),
            "action_at": _stamp(action_at, in_action),
            "update_at": _stamp(update_at, in_update),
            "told_at": _stamp(told_at, told),
        },
    )

    # Actions and the network's reach.
    n_actions = max(10, n_voices // 200)
    a_created = rng.integers(0, period, n_actions)
    due = a_created + (rng.gamma(3, 20, n_actions) * day).astype(np.int64)
    status = rng.choice(
        np.array(["planned", "in_progress", "done"], dtype=object), n_actions, p=(0.2, 0.3, 0.5)
    )
    done = status == "done"
    due_dates = (np.datetime64(START, "us") + due.astype("timedelta64[us]")).astype("datetime64[D]")
    rows["actions"] = _write(
        directory,
        "actions",
        {
            "action_key": np.arange(1, n_actions + 1, dtype=np.int64),
            "created_at": _stamp(a_created),
            "due_on": pa.array(due_dates, type=pa.date32()),
            "done_at": _stamp(due - day, done),
            "status": status,
        },
    )
    n_members = max(20, episodes // 50)
    rows["reach"] = _write(
        directory,
        "reach",
        {
            "group": np.full(n_members, "member", dtype=object),
            "age_band": np.array(AGE_BANDS, dtype=object)[
                rng.choice(len(AGE_BANDS), n_members, p=(0.02, 0.10, 0.20, 0.22, 0.22, 0.16, 0.08))
            ],
            "ethnicity": np.array(["asian", "black", "mixed", "white", "other"], dtype=object)[
                rng.choice(5, n_members, p=(0.06, 0.02, 0.02, 0.88, 0.02))
            ],
            "deprivation_decile": rng.choice(
                np.arange(1, 11, dtype=np.int32), n_members, p=np.linspace(0.06, 0.14, 10) / 1.0
            ),
        },
    )
    return NationalReport(rows=rows)
