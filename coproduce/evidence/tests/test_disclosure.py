"""Disclosure control: no small number is ever published, directly or by subtraction."""

import random

import pandas as pd
import pytest

from coproduce.evidence.evaluate import SPECS, publish_rows
from coproduce.lib.disclosure import Rules

RULES = Rules(suppress_at_most=7, round_to=5)


@pytest.mark.parametrize(
    ("count", "published"),
    [(0, 0), (1, None), (7, None), (8, 10), (12, 10), (13, 15), (1234, 1235)],
)
def test_counts_of_1_to_7_are_suppressed_and_others_rounded_to_5(count, published):
    assert RULES.count(count) == published


def test_the_thresholds_are_configurable():
    assert Rules(suppress_at_most=4, round_to=1).count(5) == 5
    assert Rules(suppress_at_most=4, round_to=10).count(15) == 20


def test_actions_are_counted_exactly_as_they_are_not_people():
    """A fresh-eyes trial found 45 actions on the evidence page against 39 on /actions."""
    frame = pd.DataFrame(
        {"status": ["done", "in_progress", "planned"], "actions": [18, 8, 13], "overdue": [0, 3, 8]}
    )
    rows = publish_rows(frame, SPECS["actions"], RULES)
    assert [(r["actions"], r["overdue"]) for r in rows] == [(18, 0), (8, 3), (13, 8)]
    people = pd.DataFrame(
        {"group": ["member"], "dimension": ["age_band"], "category": ["18-24"], "people": [13]}
    )
    assert publish_rows(people, SPECS["reach"], RULES)[0]["people"] == 15  # people still rounded


def test_a_total_is_built_from_its_cells_rounded():
    # 12 and 12 round to 10 each: the total beside them is 20, not 24 rounded to 25, so
    # the cells shown add up to it.
    assert RULES.total([12, 12]) == 20
    # A hidden cell counts as it rounds (3 to 7 as 5, 1 or 2 as 0): subtracting the cells
    # shown gives back 5 or 0, never the count.
    assert RULES.total([3, 40]) == 45
    assert RULES.total([2, 40]) == 40
    assert RULES.total([0, 0]) == 0
    assert RULES.total([3, 2]) is None  # a true total of 5 is itself small
    # Many tiny cells: the true total (9) may be shown, but built it reads 0 or 5, which
    # would say "no one" or show a count that is never shown; hidden instead.
    assert RULES.total([1] * 9) is None
    assert RULES.total([3, 3, 3]) == 15


def test_a_share_of_a_total_is_worked_out_from_the_totals_as_published():
    # 9 of 13 by text and 9 of 13 on the web: 10 of 15 each as published, so 20 of 30
    # all told; from the true counts it would be 18 of 26 rounded, 20 of 25.
    assert RULES.share_of_totals([9, 9], [13, 13]) == 0.6667
    assert RULES.share_of_totals([1, 1], [20, 20]) is None  # 2 good: small
    assert RULES.share_of_totals([18, 19], [20, 20]) is None  # 3 not good: small
    assert RULES.share_of_totals([0, 0], [0, 0]) is None


def test_a_share_is_hidden_when_numerator_denominator_or_the_rest_is_small():
    assert RULES.share(50, 100) == 0.5
    assert RULES.share(3, 100) is None  # 3% of 100 reveals 3
    assert RULES.share(97, 100) is None  # reveals the 3 who were not
    assert RULES.share(5, 6) is None
    assert RULES.share(0, 100) == 0.0
    assert RULES.share(0, 0) is None


def test_one_suppressed_cell_takes_the_smallest_other_with_it():
    hide, hide_total = RULES.cells([40, 3, 12, 30])
    assert hide == [False, True, True, False]
    assert not hide_total


def test_when_every_other_cell_is_zero_the_total_is_hidden_instead():
    hide, hide_total = RULES.cells([0, 4, 0])
    assert hide == [False, True, False]
    assert hide_total


def test_two_suppressed_cells_need_nothing_more():
    assert RULES.cells([40, 3, 2, 30]) == ([False, True, True, False], False)


def frame(cells):
    return pd.DataFrame(
        {
            "team_key": [1] * len(cells),
            "month": ["2025-03-01"] * len(cells),
            "channel": [f"c{i}" for i in range(len(cells))],
            "responses": cells,
            "positive": [c // 2 for c in cells],
        }
    )


def test_published_rows_hide_whole_rows_with_their_shares():
    rows = publish_rows(frame([40, 3, 12, 30]), SPECS["experience"], RULES)
    assert [r["responses"] for r in rows] == [40, None, None, 30]
    assert [r["share_good"] for r in rows] == [0.5, None, None, 0.5]


def test_suppression_never_leaks_a_small_number():
    """Random breakdowns: no published count is 1-7, and no hidden cell can be worked out
    from the team's total (the sum of its cells) less the cells that are shown: a lone
    hidden cell hides its whole group."""
    generator = random.Random(7)  # noqa: S311 - test data, not secrets
    for _ in range(500):
        cells = [
            generator.choice([0, 0, 1, 2, 5, 7, 8, 9, 20, 150])
            for _ in range(generator.randint(1, 6))
        ]
        rows = publish_rows(frame(cells), SPECS["experience"], RULES)
        shown = [r["responses"] for r in rows]
        assert not any(v is not None and 1 <= v <= 7 for v in shown)
        hidden = [c for c, v in zip(cells, shown, strict=True) if v is None and c > 0]
        whole_group_hidden = all(v is None for v in shown)  # so its total is hidden too
        assert len(hidden) != 1 or whole_group_hidden, (cells, shown)
        for row in rows:
            if row["share_good"] is not None:
                assert row["responses"] is not None
