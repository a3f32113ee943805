"""No suppressed count can be worked out by subtraction from what is published.

The attacker's way: take everything published about a month (each team's rounded counts
and share, and the all-teams point on the SPC chart), list every set of true counts
that would have published exactly that, and see whether the suppressed team's counts
are pinned down. They must not be: more than one possibility must remain.
"""

import datetime as dt
import itertools

import pandas as pd

from coproduce.evidence.evaluate import SPECS, publish_rows, spc_charts
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
    """Everything published from these rows: the teams' rows and the SPC chart."""
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
    return publish_rows(frame, SPECS["experience"], RULES), charts


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
    shown_a = rows[("a", TARGET.isoformat())]
    assert shown_a["responses"] is not None  # team a is published, rounded
    assert rows[("b", TARGET.isoformat())]["responses"] is None  # team b is suppressed

    def near(value):  # what a published rounded count can stand for
        return range(max(value - 2, 0), value + 3)

    found = set()
    for a_responses, a_positive in itertools.product(
        near(shown_a["responses"]), near(shown_a["positive"])
    ):
        for b_responses in range(1, RULES.suppress_at_most + 1):
            for b_positive in range(b_responses + 1):
                if a_positive > a_responses:
                    continue
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
