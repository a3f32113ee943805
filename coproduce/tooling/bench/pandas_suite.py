"""The metric suite as an analyst would write it in pandas: the benchmark's comparison.

Same definitions and the same figures as :mod:`coproduce.evidence.suite` (a test holds
them equal on a small extract); it reads the Parquet files with pandas and groups in
memory. Only ``coproduce bench evidence`` uses it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from coproduce.evidence.metrics import ANSWERS, POSITIVE
from coproduce.evidence.suite import ORDER, SUITE_COLUMNS, _sorted
from coproduce.evidence.tables import ARRIVAL_TARGET_MINUTES, URGENCY_TARGET_HOURS, path_of


def _read(directory: Path, table: str) -> pd.DataFrame:
    """The columns of ``table`` that the suite reads (the same as the DuckDB run)."""
    return pd.read_parquet(path_of(directory, table), columns=SUITE_COLUMNS[table])


def _month(series: pd.Series) -> pd.Series:
    return series.dt.to_period("M").dt.start_time.dt.date


EPOCH = pd.Timestamp(0)
SECOND = pd.Timedelta(seconds=1)


def _between(start: pd.Series, end: pd.Series) -> pd.Series:
    """Whole seconds from start to end (each floored to its second, as the suite does)."""
    return (end - EPOCH) // SECOND - (start - EPOCH) // SECOND


def run_pandas_suite(directory: Path) -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {}
    voices = _read(directory, "voices")
    voices["month"] = _month(voices["received_at"])
    rated = voices[voices["rating"].isin(ANSWERS)].assign(good=lambda f: f["rating"].isin(POSITIVE))
    out["experience"] = (
        rated.groupby(["team_key", "month", "channel"], dropna=False)
        .agg(responses=("good", "size"), positive=("good", "sum"))
        .reset_index()
    )
    out["voices_by_channel"] = (
        voices.groupby(["team_key", "month", "channel"], dropna=False)
        .size()
        .rename("voices")
        .reset_index()
    )
    day = 86_400
    wants_update = voices["wants_outcome"] & voices["update_at"].notna()
    thread = voices.assign(
        in_an_insight=voices["insight_at"].notna(),
        d_insight=_between(voices["received_at"], voices["insight_at"]) / day,
        d_action=_between(voices["insight_at"], voices["action_at"]) / day,
        d_update=_between(voices["action_at"], voices["update_at"]) / day,
        owed_outcome=wants_update,
        told_outcome=wants_update & voices["told_at"].notna(),
    )
    out["thread"] = (
        thread.groupby(["team_key", "month"], dropna=False)
        .agg(
            voices=("channel", "size"),
            in_an_insight=("in_an_insight", "sum"),
            median_days_to_insight=("d_insight", "median"),
            median_days_insight_to_action=("d_action", "median"),
            median_days_action_to_update=("d_update", "median"),
            owed_outcome=("owed_outcome", "sum"),
            told_outcome=("told_outcome", "sum"),
        )
        .reset_index()
    )
    del voices, rated, thread

    episodes = _read(directory, "episodes")
    episodes["month"] = _month(episodes["accepted_at"])
    stay = _between(episodes["accepted_at"], episodes["closed_at"])
    episodes["days"] = stay / day
    episodes["closed"] = episodes["closed_at"].notna()
    episodes["admitted_30"] = (episodes["discharge_destination"] == "admitted") & (stay <= 30 * day)
    out["caseload"] = (
        episodes.groupby(["team_key", "month"])
        .agg(
            episodes=("episode_key", "size"),
            closed=("closed", "sum"),
            median_days_to_discharge=("days", "median"),
            disengaged=("disengaged", "sum"),
            admitted_within_30_days=("admitted_30", "sum"),
        )
        .reset_index()
    )

    contacts = _read(directory, "contacts")
    per_staff = contacts.groupby(["episode_key", "staff_key"]).size().rename("n").reset_index()
    per_staff["n2"] = per_staff["n"] ** 2
    per_episode = per_staff.groupby("episode_key").agg(
        contacts=("n", "sum"),
        distinct_staff=("n", "size"),
        sum_squares=("n2", "sum"),
        most_with_one=("n", "max"),
    )
    contacts = contacts.sort_values(["episode_key", "occurred_at", "contact_key"])
    same = (contacts["staff_key"] == contacts["staff_key"].shift()) & (
        contacts["episode_key"] == contacts["episode_key"].shift()
    )
    per_episode["same_as_previous"] = same.groupby(contacts["episode_key"]).sum()
    del contacts, per_staff, same
    joined = episodes[["episode_key", "team_key", "month"]].join(
        per_episode, on="episode_key", how="inner"
    )
    n = joined["contacts"].astype(float)
    multi = joined["contacts"] >= 2
    joined["upc"] = joined["most_with_one"] / n
    joined["coc"] = ((joined["sum_squares"] - joined["contacts"]) / (n * (n - 1))).where(multi, 0.0)
    joined["secon"] = (joined["same_as_previous"] / (n - 1)).where(multi, 0.0)
    joined["multi"] = multi
    out["continuity"] = (
        joined.groupby(["team_key", "month"])
        .agg(
            episodes=("episode_key", "size"),
            contacts=("contacts", "sum"),
            distinct_staff_sum=("distinct_staff", "sum"),
            upc_sum=("upc", "sum"),
            multi_contact_episodes=("multi", "sum"),
            coc_sum=("coc", "sum"),
            secon_sum=("secon", "sum"),
        )
        .reset_index()
    )
    del episodes, joined

    referrals = _read(directory, "referrals")
    targeted = referrals[referrals["urgency"].isin(list(URGENCY_TARGET_HOURS))].copy()
    hours = _between(targeted["received_at"], targeted["seen_at"]) / 3600
    targeted["month"] = _month(targeted["received_at"])
    targeted["hours"] = hours
    targeted["seen"] = targeted["seen_at"].notna()
    targeted["within"] = targeted["seen"] & (hours <= targeted["urgency"].map(URGENCY_TARGET_HOURS))
    out["response"] = (
        targeted.groupby(["team_key", "month", "urgency"])
        .agg(
            referrals=("seen", "size"),
            seen=("seen", "sum"),
            seen_within_target=("within", "sum"),
            median_hours_to_seen=("hours", "median"),
        )
        .reset_index()
    )
    del referrals, targeted

    dispatches = _read(directory, "dispatches")
    teams = _read(directory, "teams")
    d = dispatches.merge(teams, on="team_key")
    minutes = _between(d["dispatched_at"], d["arrived_at"]) / 60
    d["month"] = _month(d["dispatched_at"])
    d["minutes"] = minutes
    d["arrived"] = d["arrived_at"].notna()
    target = d["arrival_target_minutes"].fillna(ARRIVAL_TARGET_MINUTES)
    d["within"] = d["arrived"] & (minutes <= target)
    d["recorded"] = d["outcome"].notna()
    d["ae"] = d["outcome"] == "conveyed_ae"
    d["police"] = d["outcome"] == "police_needed"
    out["vehicle"] = (
        d.groupby(["team_key", "month"])
        .agg(
            dispatches=("arrived", "size"),
            arrived=("arrived", "sum"),
            arrived_within_target=("within", "sum"),
            median_minutes_to_arrive=("minutes", "median"),
            outcome_recorded=("recorded", "sum"),
            conveyed_ae=("ae", "sum"),
            police_needed=("police", "sum"),
        )
        .reset_index()
    )

    reach = _read(directory, "reach")
    long = pd.concat(
        [
            pd.DataFrame(
                {"group": reach["group"], "dimension": "age_band", "category": reach["age_band"]}
            ),
            pd.DataFrame(
                {"group": reach["group"], "dimension": "ethnicity", "category": reach["ethnicity"]}
            ),
            pd.DataFrame(
                {
                    "group": reach["group"],
                    "dimension": "deprivation_decile",
                    "category": reach["deprivation_decile"].astype("Int64").astype("string"),
                }
            ),
        ]
    )
    out["reach"] = (
        long.groupby(["group", "dimension", "category"], dropna=False)
        .size()
        .rename("people")
        .reset_index()
    )
    return {name: _sorted(frame, ORDER[name]) for name, frame in out.items()}
