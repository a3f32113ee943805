"""No suppressed count can be worked out by subtraction from what is published.

The attacker's way: take everything published about a month (each team's rounded counts
and share, and the all-teams point on the SPC chart), list every set of true counts
that would have published exactly that, and see whether the suppressed team's counts
are pinned down. They must not be: more than one possibility must remain.
"""

import datetime as dt
import itertools
from typing import Any

import pandas as pd
import pytest
from django.utils import timezone

from coproduce.evidence.evaluate import (
    SPECS,
    TOTAL_KEYS,
    publish,
    publish_rows,
    published_totals,
    spc_charts,
)
from coproduce.evidence.extract import write_extract
from coproduce.evidence.suite import open_extract, run_suite
from coproduce.lib.disclosure import Rules

RULES = Rules(suppress_at_most=7, round_to=5)
MONTHS = [dt.date(2026, m, 1) for m in range(1, 7)]
TARGET = MONTHS[3]


def experience(cells):
    """Rows of (team, month, responses, positive); one channel."""
    return pd.DataFrame(
        [
            {"team_key": t, "month": m, "channel": "web", "responses": r, "positive": p}
            for t, m, r, p in cells
        ]
    )


def published(cells):
    """Everything published from these rows: the teams' rows, the month's total (the
    tables' "All channels") and the SPC chart."""
    frame = experience(cells)
    empty_response = pd.DataFrame(
        {"month": [], "urgency": [], "seen_within_target": [], "referrals": []}
    )
    empty_continuity = pd.DataFrame({"month": [], "distinct_staff_sum": [], "episodes": []})
    charts = spc_charts(
        {"experience": frame, "continuity": empty_continuity, "response": empty_response},
        rules=RULES,
        run_length=7,
        change_at=None,
    )
    return (
        publish_rows(frame, SPECS["experience"], RULES),
        charts,
        published_totals(frame, "experience", RULES, ["month"]),
    )


def background():
    """Other months, large enough for a chart, the same for every candidate."""
    return [
        (team, month, 40 + 3 * i, 25 + i)
        for i, month in enumerate(m for m in MONTHS if m != TARGET)
        for team in ("a", "b")
    ]


def feasible(truth_a, truth_b):
    """Every (team a, team b) pair of (responses, positive) in the target month that
    publishes exactly what the truth publishes."""
    actual = published([*background(), ("a", TARGET, *truth_a), ("b", TARGET, *truth_b)])
    rows = {(r["team_key"], r["month"]): r for r in actual[0]}
    # Team b is hidden (a small count), so team a is hidden too: with the all-teams
    # point beside it, a's counts would give b's away.
    assert rows[("b", TARGET.isoformat())]["responses"] is None
    assert rows[("a", TARGET.isoformat())]["responses"] is None

    def near(value):  # what the attacker might guess for team a: around the truth
        return range(max(value - 3, RULES.suppress_at_most + 1), value + 4)

    found = set()
    for a_responses, a_positive in itertools.product(near(truth_a[0]), near(truth_a[1])):
        if a_positive > a_responses:
            continue
        for b_responses in range(1, RULES.suppress_at_most + 1):
            for b_positive in range(b_responses + 1):
                candidate = published(
                    [
                        *background(),
                        ("a", TARGET, a_responses, a_positive),
                        ("b", TARGET, b_responses, b_positive),
                    ]
                )
                if candidate == actual:
                    found.add(((a_responses, a_positive), (b_responses, b_positive)))
    return found


def test_two_teams_in_a_month_do_not_give_the_suppressed_team_away():
    truth = ((20, 12), (3, 2))
    found = feasible(*truth)
    assert truth in found
    b_possibilities = {b for _, b in found}
    assert len(b_possibilities) > 1, f"team b's counts are pinned: {b_possibilities}"
    assert len({responses for responses, _ in b_possibilities}) > 1


# At the scale of a trust: everything `coproduce evaluate` publishes by team, and the
# evidence pages publish for all teams together, from two years of synthetic history.


def possible(value, primary):
    """The true counts a published count can stand for, to someone who knows the rules:
    a rounded count its rounding range, 0 itself, a hidden one 1 to 7 (hidden to keep
    another cell safe: anything)."""
    if value is None:
        return (1, RULES.suppress_at_most) if primary else (0, 10**9)
    if value == 0:
        return (0, 0)
    return (max(value - 2, RULES.suppress_at_most + 1), value + 2)


def margins(by_team, all_teams, raw):
    """Every published total with the published parts that add up to it, each as (true
    count, published count): a metric's all-teams row and its teams' rows; the voices a
    team had in a month and those voices by channel."""
    for name, spec in SPECS.items():
        if "team_key" not in spec.keys:
            continue
        keys = [k for k in spec.keys if k != "team_key"]
        totals = {tuple(r[k] for k in keys): r for r in all_teams[name]}
        truths = {tuple(r[k] for k in keys): r for r in raw["all"][name]}
        parts: dict[tuple[object, ...], list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        for row, true in zip(by_team[name], raw["team"][name], strict=True):
            parts.setdefault(tuple(row[k] for k in keys), []).append((row, true))
        for key, members in parts.items():
            for column in spec.counts:
                yield (
                    f"{name}.{column} {key}",
                    (truths[key][column], totals[key][column]),
                    [(true[column], row[column]) for row, true in members],
                )
    for level in ("team", "all"):
        published = by_team if level == "team" else all_teams
        thread = {
            (r.get("team_key"), r["month"]): (t["voices"], r["voices"])
            for r, t in zip(published["thread"], raw[level]["thread"], strict=True)
        }
        channels: dict[tuple[object, ...], list[tuple[int, int | None]]] = {}
        for r, t in zip(
            published["voices_by_channel"], raw[level]["voices_by_channel"], strict=True
        ):
            channels.setdefault((r.get("team_key"), r["month"]), []).append(
                (t["voices"], r["voices"])
            )
        for key, cells in channels.items():
            yield f"voices by channel {level} {key}", thread[key], cells


def pinned(total, cells, possible=possible):
    """A hidden cell whose true count the total and the other cells pin down."""
    true_total, shown_total = total
    if shown_total is None:
        return []
    low, high = possible(shown_total, true_total <= RULES.suppress_at_most)
    ranges = [possible(shown, 1 <= true <= RULES.suppress_at_most) for true, shown in cells]
    found = []
    for i, (true, shown) in enumerate(cells):
        if shown is not None or not 1 <= true <= RULES.suppress_at_most:
            continue
        others_low = sum(r[0] for j, r in enumerate(ranges) if j != i)
        others_high = sum(r[1] for j, r in enumerate(ranges) if j != i)
        can_be = range(
            max(1, low - others_high), min(RULES.suppress_at_most, high - others_low) + 1
        )
        if len(can_be) <= 1:
            found.append((true, list(can_be)))
    return found


def test_no_hidden_count_can_be_worked_out_from_the_totals_at_a_trusts_scale(tmp_path, history):
    write_extract(tmp_path)
    extract = open_extract(tmp_path)
    raw, published = {}, {}
    for level, by_team in (("team", True), ("all", False)):
        results = run_suite(extract, as_of=timezone.localdate(), by_team=by_team)
        published[level] = publish(results, RULES)
        raw[level] = {
            name: [
                {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
                for row in results[name].to_dict("records")
            ]
            for name in SPECS
        }
    checked, hidden, leaks = 0, 0, []
    for what, total, cells in margins(published["team"], published["all"], raw):
        checked += 1
        hidden += sum(shown is None for _, shown in cells)
        leaks += [(what, found) for found in pinned(total, cells)]
    assert checked > 100  # the test saw totals...
    assert hidden > 20  # ...and hidden cells beside them
    assert not leaks, leaks[:5]


def test_the_margin_check_finds_a_hidden_count_that_exact_totals_would_give_away():
    def exact(value, primary):  # a publisher that hid small counts but rounded nothing
        if value is None:
            return (1, RULES.suppress_at_most) if primary else (0, 10**9)
        return (value, value)

    # 12 in all, 9 in one team: the other team's hidden count is 3, and the check says so.
    assert pinned((12, 12), [(9, 9), (3, None)], exact) == [(3, [3])]
    # Rounded as published (10 in all, 10 in one team), the hidden count could be 1 to 4.
    assert pinned((12, 10), [(9, 10), (3, None)]) == []
    # Two hidden cells share what is left: neither is pinned.
    assert pinned((16, 16), [(10, 10), (3, None), (3, None)], exact) == []


def test_reach_shares_come_from_the_shown_rounded_counts_and_a_hidden_group_takes_another():
    # Found by the fresh-eyes trial: reach shares were of the exact total, so they added
    # to 105% beside the rounded counts, and a lone hidden group could be narrowed down
    # from the total.
    from coproduce.evidence.evaluate import _disclosed_reach
    from coproduce.lib.disclosure import Rules

    def row(category, people, population_share):
        return {
            "dimension": "age_band",
            "category": category,
            "people": people,
            "of": 112,
            "population_share": population_share,
        }

    rows = [
        row("18_24", 41, 0.2),
        row("25_34", 3, 0.3),
        row("35_44", 12, 0.2),
        row("45_64", 56, 0.3),
    ]
    shown = _disclosed_reach(rows, Rules(suppress_at_most=7, round_to=5))
    assert [r["people"] for r in shown] == [40, None, None, 55]  # 12 goes with the 3
    assert {r["of"] for r in shown} == {95}
    assert sum(r["share"] for r in shown if r["share"] is not None) == pytest.approx(1, abs=0.002)
    assert shown[0]["share"] == round(40 / 95, 4)
    # Against local people in the groups shown too: 0.2 of 0.5 (18-24 and 45-64).
    assert shown[0]["population_share_of_shown"] == 0.4
    assert shown[0]["ratio"] == round(round(40 / 95, 4) / 0.4, 3)
    assert shown[1]["population_share"] == 0.3  # still said, for the hidden group
    assert shown[1]["share"] is shown[1]["ratio"] is None


def test_savings_are_worked_out_from_the_published_counts_not_rounded_rates():
    # Found by a fresh-eyes trial: 48,310 of 998,940 admissions (0.04836) was published as
    # 0.048 and multiplied out, moving the events avoided from about 1,318 to 956.
    from coproduce.evidence.evaluate import _disclosed_before_after
    from coproduce.lib.disclosure import Rules

    report = {
        "measures": [
            {
                "measure": "admissions within 30 days",
                "unit_cost": 15000,
                "before": {"events": 48310, "of": 998940},
                "after": {"events": 41030, "of": 875600},
            }
        ]
    }
    [measure] = _disclosed_before_after(report, Rules())["measures"]
    before, after = measure["before"], measure["after"]
    assert (before["events"], before["of"], after["events"], after["of"]) == (
        48310,
        998940,
        41030,
        875600,
    )
    expected = round(48310 / 998940 * 875600 - 41030)
    assert measure["events_avoided"] == expected
    assert abs(expected - round(0.048 * 875600 - 41030)) > 300  # the old way was far off
    assert measure["estimated_saving"] == expected * 15000


def test_no_set_of_counts_that_adds_up_to_a_published_total_has_one_hidden_cell():
    # Found at national scale by a fresh-eyes trial: hiding a second channel in a team's
    # month left that channel's month with one hidden team, which the all-teams figure
    # and the other teams gave away. Hiding goes on until no set has a lone hidden cell.
    from coproduce.evidence.evaluate import SPECS, publish_rows
    from coproduce.lib.disclosure import Rules

    month = dt.date(2026, 10, 1)
    frame = pd.DataFrame(
        {
            "team_key": [1, 1, 1, 2, 2, 2],
            "month": [month] * 6,
            "channel": ["web", "sms", "post"] * 2,
            "voices": [3, 20, 30, 40, 25, 50],
        }
    )
    rows = publish_rows(frame, SPECS["voices_by_channel"], Rules())
    hidden = {(r["team_key"], r["channel"]) for r in rows if r["voices"] is None}
    assert (1, "web") in hidden
    for team in (1, 2):  # each team's month: channels add up to the team's total
        assert len({c for t, c in hidden if t == team}) != 1
    for channel in ("web", "sms", "post"):  # each channel: teams add up to all teams
        assert len({t for t, c in hidden if c == channel}) != 1


def test_a_hidden_share_cannot_be_worked_out_from_its_months_total():
    # Found by the fourth fresh-eyes trial of issue 20: a share hidden because what it
    # leaves is small (on the response page, 26 of 33 seen in time: 7 not) was given
    # back by the month's total less the other cells ("6 or 7 not seen"). Now such a
    # share hides its numerator, and within a month a second cell's numerator goes with
    # it, so the total less the cells shown is always two cells together.
    frame = pd.DataFrame(
        [
            {"channel": "web", "responses": 40, "positive": 30},
            {"channel": "phone", "responses": 12, "positive": 10},  # 2 not good
            {"channel": "sms", "responses": 20, "positive": 12},
        ]
    ).assign(month=TARGET, team_key=None)
    rows = {r["channel"]: r for r in publish_rows(frame, SPECS["experience"], RULES)}
    assert rows["phone"]["share_good"] is None
    assert rows["phone"]["positive"] is None
    assert rows["sms"]["positive"] is None  # the smallest other, with its share
    assert rows["sms"]["share_good"] is None
    assert (rows["web"]["positive"], rows["web"]["share_good"]) == (30, 0.75)
    assert [r["responses"] for r in rows.values()] == [40, 10, 20]  # counts that reveal nothing
    [total] = published_totals(frame, "experience", RULES, ["month"])
    assert (total["positive"], total["responses"]) == (30 + 10 + 10, 70)
    # Referrals by urgency are published with no total beside them, so a hidden urgency
    # hides nothing else; its count seen in time is hidden with its share.
    response = pd.DataFrame(
        [
            {"urgency": "urgent", "referrals": 35, "seen": 30, "seen_within_target": 20},
            {"urgency": "very_urgent", "referrals": 33, "seen": 30, "seen_within_target": 26},
        ]
    ).assign(month=TARGET, team_key=None, median_hours_to_seen=1.0)
    urgent, very_urgent = publish_rows(response, SPECS["response"], RULES)
    assert (very_urgent["share_seen_within_target"], very_urgent["seen_within_target"]) == (
        None,
        None,
    )
    assert urgent["share_seen_within_target"] == 0.5714
    assert "response" not in TOTAL_KEYS


def test_evaluate_by_team_draws_the_same_charts_as_the_evidence_pages(tmp_path, history):
    # Found by the fourth fresh-eyes trial of issue 20: by team, each month's point was
    # built from every team's channels, each rounded to 0 or 5, and August read 37% (a
    # special cause) where the page and the true count gave 56% and 57%.
    from coproduce.evidence.evaluate import evaluate

    write_extract(tmp_path)
    today = timezone.localdate()
    by_team = evaluate(tmp_path, as_of=today, by_team=True, models=False)
    all_teams = evaluate(tmp_path, as_of=today, by_team=False, models=False)
    assert by_team["spc"].keys() == all_teams["spc"].keys()
    assert by_team["spc"]
    for name, chart in all_teams["spc"].items():
        assert by_team["spc"][name]["points"] == chart["points"], name


def test_a_teams_hidden_total_takes_a_second_teams_with_it():
    # Found by the fourth fresh-eyes trial of issue 20: `coproduce evaluate` by team gave
    # January's answers for teams 1 to 3 (60, 55, 35) and hid only team 4's.
    frame = experience(
        [("a", TARGET, 60, 40), ("b", TARGET, 55, 30), ("c", TARGET, 35, 20), ("d", TARGET, 5, 3)]
    )
    rows = {r["team_key"]: r for r in published_totals(frame, "experience", RULES)}
    assert rows["d"]["responses"] is None
    assert rows["c"]["responses"] is None  # the smallest other team's, with its share
    assert rows["c"]["share_good"] is None
    assert (rows["a"]["responses"], rows["b"]["responses"]) == (60, 55)


def test_admissions_within_30_days_count_only_months_whose_30_days_have_passed(tmp_path, history):
    # Found by issue 20's fourth fresh-eyes trial: "4.6% of 980" after the change took in
    # episodes begun last week, whose 30 days have not passed, as not admitted.
    from coproduce.evidence.evaluate import evaluate

    write_extract(tmp_path)
    today = timezone.localdate()
    change = (today.replace(day=1) - dt.timedelta(days=200)).replace(day=1)
    result = evaluate(tmp_path, as_of=today, by_team=False, models=False, change_date=change)
    [admissions] = [
        m for m in result["before_after"]["measures"] if m["measure"] == "admissions within 30 days"
    ]

    def thirty_days_passed(month: str) -> bool:  # the month's last day + 30 days
        first = dt.date.fromisoformat(month)
        next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return next_month + dt.timedelta(days=29) <= today

    counted = [
        r["episodes"]
        for r in result["metrics"]["caseload"]
        if change.isoformat() <= r["month"] and thirty_days_passed(r["month"])
    ]
    every = [
        r["episodes"] for r in result["metrics"]["caseload"] if change.isoformat() <= r["month"]
    ]
    assert sum(c or 0 for c in counted) < sum(c or 0 for c in every)
    # The period's episodes are those of the months counted, give or take rounding.
    assert abs(admissions["after"]["of"] - sum(c or 0 for c in counted)) <= 2.5 * len(counted)


def test_a_totals_hidden_share_hides_its_count_of_good_answers_too():
    # Found by issue 20's fifth fresh-eyes trial: `coproduce evaluate` by team gave a
    # team's December as 10 answers, 10 good and the share hidden (so 100% all the same).
    frame = experience([("a", TARGET, 20, 15), ("b", TARGET, 60, 30)])
    rows = {r["team_key"]: r for r in published_totals(frame, "experience", RULES)}
    assert (rows["a"]["responses"], rows["a"]["positive"], rows["a"]["share_good"]) == (
        20,
        None,
        None,
    )
    # ...and, a lone hidden count of its month, takes team b's with it.
    assert rows["b"]["positive"] is None


def test_by_team_a_teams_month_is_provisional_by_its_own_episodes(tmp_path, history):
    # Found by issue 20's fifth fresh-eyes trial: by team, October was not provisional for
    # a team with 28 of 32 episodes ended, because all teams together had 91% ended.
    from coproduce.evidence.evaluate import evaluate

    write_extract(tmp_path)
    result = evaluate(tmp_path, as_of=timezone.localdate(), by_team=True, models=False)
    rows = [r for r in result["metrics"]["caseload"] if r["episodes"] and r["closed"] is not None]
    # Published counts are rounded to 5, so a month is clearly open (under 9 in 10 ended)
    # only when it is however the two were rounded: 15 of 20 published can be 17 of 18
    # (the history is made relative to today, so which months these are changes by day).
    clearly_open = [r for r in rows if r["closed"] + 2.5 < 0.9 * (r["episodes"] - 2.5)]
    long_ago = (timezone.localdate() - dt.timedelta(days=240)).isoformat()
    ended = [r for r in rows if r["month"] < long_ago]  # every episode long over
    assert clearly_open
    assert ended
    assert all(r["provisional"] for r in clearly_open)
    assert not any(r["provisional"] for r in ended)
