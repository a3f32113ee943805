"""The metric suite on hand-made extracts: each index worked out by hand."""

import datetime as dt
import random

import pandas as pd
import pytest

from coproduce.evidence.suite import contacts_in_file_order, continuity, open_extract, run_suite
from coproduce.evidence.tables import CONTACTS_ORDER
from coproduce.tooling.testing.extracts import at, write_extract_tables

TEAM = {"team_key": 1, "team_name": "Crisis team", "arrival_target_minutes": 45}


def episode(key, **extra):
    return {
        "episode_key": key,
        "team_key": 1,
        "person_key": 100 + key,
        "age_band": "25_34",
        "accepted_at": at(1),
        "disengaged": False,
        **extra,
    }


def contacts_for(episode_key, staff, first_key=1, day=2):
    return [
        {
            "contact_key": first_key + i,
            "episode_key": episode_key,
            "staff_key": s,
            "occurred_at": at(day + i),
        }
        for i, s in enumerate(staff)
    ]


@pytest.fixture
def suite(tmp_path):
    def run(**tables):
        tables.setdefault("teams", [TEAM])
        return run_suite(
            open_extract(write_extract_tables(tmp_path / "x", **tables)), as_of=dt.date(2025, 4, 1)
        )

    return run


def test_continuity_indices_by_hand(suite):
    # Staff A A B A C: N = 5, n = (3, 1, 1): Σn² = 11.
    # COC = (11 - 5) / (5 x 4) = 0.3; UPC = 3 / 5 = 0.6; SECON = 1 same of 4 = 0.25.
    a, b, c = 11, 12, 13
    result = suite(episodes=[episode(1)], contacts=contacts_for(1, [a, a, b, a, c]))["continuity"]
    [row] = result.to_dict("records")
    assert (row["episodes"], row["contacts"], row["distinct_staff_sum"]) == (1, 5, 3)
    assert row["coc_sum"] == pytest.approx(0.3)
    assert row["upc_sum"] == pytest.approx(0.6)
    assert row["secon_sum"] == pytest.approx(0.25)


def test_sequence_follows_time_not_the_order_rows_were_written(suite):
    a, b = 11, 12
    shuffled = [
        {"contact_key": 1, "episode_key": 1, "staff_key": a, "occurred_at": at(5)},
        {"contact_key": 2, "episode_key": 1, "staff_key": b, "occurred_at": at(2)},
        {"contact_key": 3, "episode_key": 1, "staff_key": a, "occurred_at": at(4)},
        {"contact_key": 4, "episode_key": 1, "staff_key": b, "occurred_at": at(3)},
    ]
    # In time: B B A A → two same-staff successions of three.
    [row] = suite(episodes=[episode(1)], contacts=shuffled)["continuity"].to_dict("records")
    assert row["secon_sum"] == pytest.approx(2 / 3)


def contact(key, episode_key, day, staff=11, hour=12):
    return {
        "contact_key": key,
        "episode_key": episode_key,
        "staff_key": staff,
        "occurred_at": at(day, hour),
    }


@pytest.mark.parametrize(
    ("rows", "in_order"),
    [
        ([contact(1, 1, 2), contact(2, 1, 3), contact(3, 2, 2)], True),
        ([], True),
        ([contact(5, 1, 2)], True),
        # Episodes out of order; times out of order within an episode.
        ([contact(1, 2, 2), contact(2, 1, 3)], False),
        ([contact(1, 1, 3), contact(2, 1, 2)], False),
        # The same time: the contact key decides, and must rise.
        ([contact(1, 1, 2), contact(2, 1, 2)], True),
        ([contact(2, 1, 2), contact(1, 1, 2)], False),
        # One row out of place far down the file.
        ([contact(k, 1 + k // 4, 1 + k % 4) for k in range(40)] + [contact(99, 1, 1)], False),
    ],
)
def test_the_file_order_is_checked_row_by_row(tmp_path, rows, in_order):
    episodes = [episode(k) for k in sorted({row["episode_key"] for row in rows})]
    folder = write_extract_tables(tmp_path / "x", teams=[TEAM], episodes=episodes, contacts=rows)
    assert contacts_in_file_order(open_extract(folder).tables["contacts"]) is in_order


def test_counting_in_file_order_gives_the_figures_of_the_ordered_window(tmp_path):
    # 60 episodes of 1-9 contacts among 3 staff, with ties in time between staff; the
    # extract in order (the file's order is used) and shuffled (the window is).
    chance = random.Random(7)  # noqa: S311 - test data, not a secret
    rows, key = [], 0
    for episode_key in range(1, 61):
        for _ in range(chance.randint(1, 9)):
            key += 1
            day, hour = chance.randint(2, 5), chance.choice([9, 12])
            rows.append(contact(key, episode_key, day, chance.choice([11, 12, 13]), hour))
    assert any(  # ties in time with different staff, where the key decides
        a["episode_key"] == b["episode_key"]
        and a["occurred_at"] == b["occurred_at"]
        and a["staff_key"] != b["staff_key"]
        for a in rows
        for b in rows
        if a is not b
    )
    episodes = [episode(k, accepted_at=at(1 + k % 2)) for k in range(1, 61)]
    ordered = sorted(rows, key=lambda row: tuple(row[name] for name in CONTACTS_ORDER))
    shuffled = chance.sample(rows, len(rows))

    def extract(name, contacts):
        folder = tmp_path / name
        return open_extract(
            write_extract_tables(folder, teams=[TEAM], episodes=episodes, contacts=contacts)
        )

    in_order, out_of_order = extract("in-order", ordered), extract("shuffled", shuffled)
    assert contacts_in_file_order(in_order.tables["contacts"])
    assert not contacts_in_file_order(out_of_order.tables["contacts"])

    def figures(extract, in_file_order):
        frame = continuity(extract.tables, True, in_file_order).to_pandas()
        return frame.sort_values(["team_key", "month"]).reset_index(drop=True)

    by_file_order = figures(in_order, in_file_order=True)
    pd.testing.assert_frame_equal(by_file_order, figures(in_order, in_file_order=False))
    pd.testing.assert_frame_equal(by_file_order, figures(out_of_order, in_file_order=False))
    assert by_file_order["secon_sum"].sum() > 0
    # run_suite chooses the way itself: the same figures from both files.
    pd.testing.assert_frame_equal(
        run_suite(in_order)["continuity"], run_suite(out_of_order)["continuity"]
    )


def test_one_contact_counts_for_upc_but_not_coc_or_secon(suite):
    [row] = suite(episodes=[episode(1)], contacts=contacts_for(1, [11]))["continuity"].to_dict(
        "records"
    )
    assert (row["multi_contact_episodes"], row["coc_sum"], row["secon_sum"], row["upc_sum"]) == (
        0,
        0,
        0,
        1,
    )


def test_experience_counts_good_and_very_good_over_all_ratings(suite):
    voices = [
        {
            "voice_key": i,
            "team_key": 1,
            "received_at": at(3),
            "channel": "web",
            "rating": r,
            "wants_outcome": False,
        }
        for i, r in enumerate([1, 2, 2, 3, 5, 6, None], start=1)
    ]
    [row] = suite(voices=voices)["experience"].to_dict("records")
    assert (row["responses"], row["positive"]) == (6, 3)


def test_response_within_target_by_urgency(suite):
    def referral(key, urgency, hours):
        return {
            "referral_key": key,
            "team_key": 1,
            "person_key": key,
            "urgency": urgency,
            "received_at": at(3, 8),
            "seen_at": None if hours is None else at(3, 8) + dt.timedelta(hours=hours),
        }

    referrals = [
        referral(1, "very_urgent", 3.9),
        referral(2, "very_urgent", 4.5),
        referral(3, "very_urgent", None),
        referral(4, "urgent", 23),
        referral(5, "routine", 100),
    ]
    rows = {r["urgency"]: r for r in suite(referrals=referrals)["response"].to_dict("records")}
    assert set(rows) == {"urgent", "very_urgent"}
    very = rows["very_urgent"]
    assert (very["referrals"], very["seen"], very["seen_within_target"]) == (3, 2, 1)
    assert very["median_hours_to_seen"] == pytest.approx(4.2)
    assert rows["urgent"]["seen_within_target"] == 1


def test_vehicle_arrival_against_the_teams_target_and_outcomes(suite):
    referrals = [
        {
            "referral_key": k,
            "team_key": 1,
            "person_key": k,
            "urgency": "urgent",
            "received_at": at(3),
        }
        for k in (1, 2, 3)
    ]
    dispatches = [
        {
            "dispatch_key": 1,
            "referral_key": 1,
            "team_key": 1,
            "dispatched_at": at(3, 9),
            "arrived_at": at(3, 9, 40),
            "outcome": "stayed_home",
        },
        {
            "dispatch_key": 2,
            "referral_key": 2,
            "team_key": 1,
            "dispatched_at": at(3, 9),
            "arrived_at": at(3, 9, 50),
            "outcome": "conveyed_ae",
        },
        {
            "dispatch_key": 3,
            "referral_key": 3,
            "team_key": 1,
            "dispatched_at": at(3, 9),
            "arrived_at": None,
            "outcome": None,
        },
    ]
    [row] = suite(referrals=referrals, dispatches=dispatches)["vehicle"].to_dict("records")
    assert (row["dispatches"], row["arrived"], row["arrived_within_target"]) == (3, 2, 1)
    assert row["median_minutes_to_arrive"] == pytest.approx(45)
    assert (row["outcome_recorded"], row["conveyed_ae"], row["police_needed"]) == (2, 1, 0)


def test_admission_within_30_days_and_disengagement(suite):
    episodes = [
        episode(1, closed_at=at(20), discharge_destination="admitted"),
        episode(2, closed_at=at(1, month=5), discharge_destination="admitted"),  # after 61 days
        episode(3, closed_at=at(10), discharge_destination="disengaged", disengaged=True),
        episode(4),
    ]
    [row] = suite(episodes=episodes)["caseload"].to_dict("records")
    assert (row["episodes"], row["closed"], row["admitted_within_30_days"], row["disengaged"]) == (
        4,
        3,
        1,
        1,
    )
    assert row["median_days_to_discharge"] == pytest.approx(19)


def test_thread_pace_and_contributors_told(suite):
    voices = [
        {
            "voice_key": 1,
            "team_key": 1,
            "received_at": at(1),
            "channel": "sms",
            "wants_outcome": True,
            "insight_at": at(11),
            "action_at": at(21),
            "update_at": at(31),
            "told_at": at(31, 13),
        },
        {
            "voice_key": 2,
            "team_key": 1,
            "received_at": at(1),
            "channel": "web",
            "wants_outcome": True,
            "insight_at": at(5),
            "action_at": at(25),
            "update_at": at(31),
        },
        {
            "voice_key": 3,
            "team_key": 1,
            "received_at": at(1),
            "channel": "web",
            "wants_outcome": False,
        },
    ]
    [row] = suite(voices=voices)["thread"].to_dict("records")
    assert (row["voices"], row["in_an_insight"], row["owed_outcome"], row["told_outcome"]) == (
        3,
        2,
        2,
        1,
    )
    assert row["median_days_to_insight"] == pytest.approx(7)
    assert row["median_days_insight_to_action"] == pytest.approx(15)


def test_overdue_actions_at_a_given_day(suite):
    actions = [
        {"action_key": 1, "created_at": at(1), "due_on": dt.date(2025, 3, 20), "status": "planned"},
        {
            "action_key": 2,
            "created_at": at(1),
            "due_on": dt.date(2025, 5, 1),
            "status": "in_progress",
        },
        {"action_key": 3, "created_at": at(1), "due_on": dt.date(2025, 3, 2), "status": "done"},
    ]
    rows = {r["status"]: r for r in suite(actions=actions)["actions"].to_dict("records")}
    assert rows["planned"]["overdue"] == 1
    assert rows["in_progress"]["overdue"] == 0
    assert rows["done"]["overdue"] == 0
