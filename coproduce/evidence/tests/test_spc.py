"""SPC against hand-worked examples of the published definitions (NHS England, Making
Data Count: XmR limits at mean ± 2.66 x mean moving range, and the special-cause rules)."""

import pytest

from coproduce.evidence import spc
from coproduce.evidence.spc import Assurance, Improvement, Variation, xmr


def labels(n):
    return [f"m{i}" for i in range(n)]


def chart(values, **options):
    return xmr(labels(len(values)), values, **options)


def flagged(result, rule):
    return [i for i, p in enumerate(result.points) if getattr(p, rule)]


def test_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges():
    # Mean 11.6; moving ranges 2, 1, 2, 1 → mean 1.5; 2.66 x 1.5 = 3.99.
    mean, lower, upper = spc.process_limits([10, 12, 11, 13, 12])
    assert mean == pytest.approx(11.6)
    assert lower == pytest.approx(7.61)
    assert upper == pytest.approx(15.59)


def test_screening_drops_moving_ranges_above_3_267_times_their_mean():
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 40]
    # Moving ranges: eight of 1 and one of 30: mean 38 / 9 = 4.22; 3.267 x 4.22 = 13.8.
    _, lower, upper = spc.process_limits(values, screen=True)
    mean = sum(values) / len(values)
    assert (lower, upper) == pytest.approx((mean - 2.66, mean + 2.66))
    _, lower_unscreened, _ = spc.process_limits(values)
    assert lower_unscreened == pytest.approx(mean - 2.66 * 38 / 9)


def test_a_point_beyond_a_limit_is_special_cause():
    result = chart([10, 11, 10, 11, 10, 11, 10, 11, 10, 25])
    assert flagged(result, "beyond_limits") == [9]
    assert result.variation is Variation.IMPROVING_HIGH


def test_a_run_of_seven_on_one_side_of_the_mean_and_not_six():
    six_above = [1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 1, 1]
    assert flagged(chart(six_above), "run") == []
    assert flagged(chart(six_above, run_length=6), "run") == [4, 5, 6, 7, 8, 9]
    seven_above = [1, 1, 1, 5, 5, 5, 5, 5, 5, 5, 1, 1]
    assert flagged(chart(seven_above), "run") == [3, 4, 5, 6, 7, 8, 9]


def test_a_point_on_the_mean_breaks_a_run():
    # Six at 2, six at 4 and one at 3: the mean is 3, and the point on it stops the
    # seven points from 4 onwards being a run above.
    values = [2, 2, 2, 2, 2, 2, 4, 4, 4, 3, 4, 4, 4]
    result = chart(values)
    assert result.points[9].mean == 3
    assert result.points[9].side == 0
    assert flagged(result, "run") == []
    assert flagged(chart(values, run_length=6), "run") == [0, 1, 2, 3, 4, 5]


def test_seven_rising_is_a_trend_and_a_repeated_value_breaks_it():
    assert flagged(chart([5, 5, 1, 2, 3, 4, 5, 6, 7, 5]), "trend") == [2, 3, 4, 5, 6, 7, 8]
    assert flagged(chart([5, 5, 1, 2, 3, 3, 4, 5, 6, 5]), "trend") == []
    falling = chart([5, 9, 8, 7, 6, 5, 4, 3, 5, 5])
    assert flagged(falling, "trend") == [1, 2, 3, 4, 5, 6, 7]


def test_two_of_three_beyond_two_sigma_on_the_same_side():
    base = [10, 11, 10, 11, 10, 11, 10, 11]
    # Mean 10.99; moving ranges sum to 7 + 1.9 + 0.1 = 9 over 9: limits 10.99 ± 2.66,
    # two sigma at 10.99 + 1.773 = 12.763: 12.9 and 13.0 lie beyond it, inside the limit.
    result = chart([*base, 12.9, 13.0])
    p = result.points[8]
    assert p.mean == pytest.approx(10.99)
    assert p.upper == pytest.approx(13.65)
    assert flagged(result, "two_of_three") == [8, 9]
    assert flagged(result, "beyond_limits") == []
    # Mean 10.5, limits 10.5 ± 3.806: 13.2 and 7.8 are beyond two sigma (± 2.537) but on
    # opposite sides, so not special cause.
    opposite = chart([10, 11] * 6 + [13.2, 7.8])
    q = opposite.points[-1]
    assert q.mean == pytest.approx(10.5)
    assert q.upper - q.mean == pytest.approx(2.66 * 18.6 / 13)
    assert flagged(opposite, "two_of_three") == []


def test_limits_can_be_fixed_after_a_baseline():
    values = [10, 12, 10, 12, 20, 22, 20, 22]
    fixed = chart(values, fix_after=4)
    assert fixed.points[-1].mean == 11
    assert fixed.points[-1].upper == pytest.approx(11 + 2.66 * 2)
    assert flagged(fixed, "beyond_limits") == [4, 5, 6, 7]


def test_limits_are_recalculated_at_each_chosen_point():
    values = [10, 12, 10, 12, 20, 22, 20, 22, 30, 32, 30]
    result = chart(values, recalculate_at=[4, 8])
    assert [p.mean for p in result.points] == [11] * 4 + [21] * 4 + [
        pytest.approx(30.667, abs=0.001)
    ] * 3
    assert flagged(result, "beyond_limits") == []
    assert [p.moving_range for p in result.points][:5] == [None, 2, 2, 2, None]
    with pytest.raises(ValueError, match="two complete points on each side"):
        chart(values, recalculate_at=[10])
    with pytest.raises(ValueError, match="two complete points on each side"):
        chart(values, recalculate_at=[4, 5])


def test_icons_follow_which_way_is_better():
    rising = [10, 11, 10, 11, 10, 11, 10, 11, 10, 25]
    assert chart(rising, improvement=Improvement.DOWN).variation is Variation.CONCERN_HIGH
    assert chart(rising, improvement=Improvement.NEITHER).variation is Variation.NEITHER_HIGH
    falling = [10, 11, 10, 11, 10, 11, 10, 11, 10, -5]
    assert chart(falling, improvement=Improvement.DOWN).variation is Variation.IMPROVING_LOW
    assert chart([10, 11, 10, 11]).variation is Variation.COMMON


def test_assurance_compares_the_target_with_the_limits():
    steady = [80, 82, 81, 83, 82, 81]  # limits about 77.4 to 85.6
    assert chart(steady, target=70).assurance is Assurance.PASS
    assert chart(steady, target=90).assurance is Assurance.FAIL
    assert chart(steady, target=82).assurance is Assurance.HIT_AND_MISS
    assert chart(steady, target=90, improvement=Improvement.DOWN).assurance is Assurance.PASS
    assert chart(steady).assurance is Assurance.NONE


def test_bad_input_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="at least two points"):
        spc.process_limits([1])
    with pytest.raises(ValueError, match="differ in length"):
        xmr(["a", "b"], [1, 2, 3])


# Making Data Count's reference implementation (NHSRplotthedots) --------------------------
# Its published unit cases, restated here over values. Limits are fixed on a baseline of
# four points with mean 0 and mean moving range 1 (limits ± 2.66, two sigma ± 1.773),
# ending below the mean so that it joins no window above it; CLOSE lies between two sigma
# and the limit, NEAR on the same side inside two sigma.
BASELINE = [0.5, -0.5, 0.5, -0.5]
CLOSE, NEAR, BEYOND = 2.0, 0.5, 3.0


def against_baseline(values, **options):
    result = chart([*BASELINE, *values], fix_after=len(BASELINE), **options)
    assert (result.points[-1].mean, result.points[-1].upper) == (0, pytest.approx(2.66))
    return result


def flagged_after_baseline(result, rule):
    return [i - len(BASELINE) for i in flagged(result, rule) if i >= len(BASELINE)]


@pytest.mark.parametrize(
    ("close", "expected"),
    [
        ([1, 0, 1], [0, 2]),
        ([0, 1, 1], [1, 2]),
        ([1, 1, 0], [0, 1]),
        ([0, 0, 0], []),
        ([0, 0, 1, 0, 1, 0, 0], [2, 4]),
        ([0, 0, 1, 1, 0, 0, 0], [2, 3]),
        ([1, 0, 0, 1], []),
        ([1, 0, 0, 1, 1], [3, 4]),
    ],
)
def test_two_in_three_flags_the_close_points_as_the_reference_does(close, expected):
    result = against_baseline([CLOSE if c else NEAR for c in close])
    assert flagged_after_baseline(result, "two_of_three") == expected


def test_two_in_three_needs_all_three_points_on_one_side_of_the_mean():
    # Two close points above, the third below: the looser rule flagged these.
    result = against_baseline([CLOSE, CLOSE, -NEAR])
    assert flagged_after_baseline(result, "two_of_three") == []
    assert flagged_after_baseline(against_baseline([CLOSE, CLOSE, NEAR]), "two_of_three") == [0, 1]


def test_a_point_beyond_a_limit_is_not_close_to_it():
    result = against_baseline([BEYOND, CLOSE, NEAR])
    assert flagged_after_baseline(result, "beyond_limits") == [0]
    assert flagged_after_baseline(result, "two_of_three") == []


@pytest.mark.parametrize(
    ("sides", "expected"),
    [
        ([1] * 6, []),
        ([1] * 6 + [-1], []),
        ([1] * 8 + [-1], list(range(8))),
        ([-1] * 8 + [1], list(range(8))),
        ([-1, *[1] * 8, -1], list(range(1, 9))),
    ],
)
def test_runs_of_seven_on_one_side_as_the_reference_counts_them(sides, expected):
    result = against_baseline([NEAR * side for side in sides])
    assert flagged_after_baseline(result, "run") == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 2, 3, 4, 5, 6], []),
        ([1, 2, 3, 3, 4, 5, 6], []),
        ([1, 2, 3, 4, 5, 6, 7], list(range(7))),
        ([2, 1, 2, 3, 4, 5, 6, 7, 3], list(range(1, 8))),
        ([7, 6, 5, 4, 3, 2, 1], list(range(7))),
        ([2, 7, 6, 5, 4, 3, 2, 1, 3], list(range(1, 8))),
    ],
)
def test_trends_of_seven_as_the_reference_counts_them(values, expected):
    result = chart([v / 10 for v in values])
    assert flagged(result, "trend") == expected


def test_a_moving_range_exactly_at_the_screening_limit_is_screened_out():
    values: list[float] = [0, 1, 0, 1, 0, 1, 0]
    values.append(values[-1] + 3.267 * 6 / (6 - 2.267))
    ranges = spc.moving_ranges(values)
    assert max(ranges) == spc.SCREEN_FACTOR * (sum(ranges) / len(ranges))  # exactly at it
    mean, _, upper = spc.process_limits(values, screen=True)
    assert upper == pytest.approx(mean + 2.66)  # only the ranges of 1 are kept


def test_beyond_the_limits_outranks_a_trend_the_other_way():
    # Rising each month, but every point still below the lower limit: the reference
    # labels them low (beyond the limit), not by the trend's direction.
    result = against_baseline([-10, -9, -8, -7, -6, -5, -4])
    last = result.points[-1]
    assert (last.beyond_limits, last.trend, last.trend_direction) == (True, True, 1)
    assert last.kind is Variation.CONCERN_LOW
    assert result.variation is Variation.CONCERN_LOW
    assert against_baseline(
        [-10, -9, -8, -7, -6, -5, -4], improvement=Improvement.DOWN
    ).variation is (Variation.IMPROVING_LOW)


def test_a_trend_inside_the_limits_is_labelled_by_its_direction():
    rising = chart([5, 5, 1, 2, 3, 4, 5, 6, 7, 5])  # ends below its mean, rising
    assert rising.points[7].kind is Variation.IMPROVING_HIGH
    assert rising.points[8].kind is Variation.IMPROVING_HIGH


def test_each_point_carries_its_own_label():
    result = chart([10, 11, 10, 11, 10, 11, 10, 11, 10, 25, 10], improvement=Improvement.DOWN)
    assert [p.kind for p in result.points].count(Variation.CONCERN_HIGH) == 1
    assert result.points[9].kind is Variation.CONCERN_HIGH
    assert result.variation is Variation.COMMON  # the latest point is common cause


def test_a_period_not_yet_over_is_drawn_but_left_out_of_limits_and_rules():
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 25]
    whole = chart(values)
    partial = chart(values, provisional=1)
    assert partial.points[-1].provisional
    assert partial.points[-1].mean == pytest.approx(10.444, abs=0.001)  # the nine before
    assert not partial.points[-1].special
    assert partial.points[-1].kind is Variation.COMMON
    assert whole.variation is Variation.IMPROVING_HIGH
    assert partial.variation is Variation.COMMON  # from the latest complete point
    assert partial.points[-1].moving_range == 15
    with pytest.raises(ValueError, match="at least two complete points"):
        chart([1, 2, 3], provisional=2)


def test_the_drawn_chart_shows_each_kind_of_point_by_shape_and_the_provisional_month_hollow():
    from coproduce.evidence import charts
    from coproduce.evidence.evaluate import chart_dict

    months = [f"2026-{m:02d}-01" for m in range(1, 12)]
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 25, 10]
    drawn = xmr(months, values, improvement=Improvement.DOWN, provisional=1)
    chart = charts.spc_chart("Title", chart_dict(drawn) | {"recalculations": []}, percent=False)
    keys = [name for name, _, _ in chart.legend]
    assert keys.count("Process limits (upper and lower)") == 1
    assert "Special cause: concern" in keys
    assert "Month not over yet (provisional)" in keys
    concern = chart.markers[9]
    assert (concern.shape, concern.kind) == ("diamond", "concern")
    assert "special cause: concern" in concern.label
    last = chart.markers[-1]
    assert last.provisional
    assert "provisional" in last.label
    assert "not over yet" in chart.description


def _monthly_results(months, positive, responses):
    import pandas as pd

    experience = pd.DataFrame({"month": months, "responses": responses, "positive": positive})
    empty = pd.DataFrame({"month": [], "urgency": [], "seen_within_target": [], "referrals": []})
    continuity = pd.DataFrame({"month": [], "distinct_staff_sum": [], "episodes": []})
    return {"experience": experience, "continuity": continuity, "response": empty}


def test_the_month_still_going_on_is_provisional_and_recalculations_carry_their_reasons():
    import datetime as dt

    from coproduce.evidence.evaluate import Recalculation, spc_charts
    from coproduce.lib.disclosure import Rules

    months = [dt.date(2026, m, 1) for m in range(1, 13)]
    positive = [60, 62, 61, 63, 60, 62, 80, 82, 81, 83, 80, 90]
    results = _monthly_results(months, positive, [100] * 12)
    charts = spc_charts(
        results,
        rules=Rules(),
        run_length=7,
        change_at=None,
        complete_before=dt.date(2026, 12, 1),
        recalculations={
            "experience_good": [
                Recalculation(dt.date(2026, 7, 1), "Peer support on every shift"),
                Recalculation(dt.date(2026, 11, 1), "Too soon to draw"),
            ]
        },
    )
    chart = charts["experience_good"]
    assert [p["provisional"] for p in chart["points"]] == [False] * 11 + [True]
    assert chart["points"][-1]["special"] is False  # 90% would be beyond the limits
    # Recalculated in July, from the published (rounded) counts: 80, 80, 80, 85 and 80.
    assert chart["points"][6]["mean"] == pytest.approx(0.81)
    assert chart["recalculations"] == [
        {
            "month": "2026-07-01",
            "began": "2026-07-01",
            "reason": "Peer support on every shift",
            "applied": True,
            "waiting": "",
        },
        {
            "month": "2026-11-01",
            "began": "2026-11-01",
            "reason": "Too soon to draw",
            "applied": False,
            "waiting": "fewer than 5 months after it that can be shown yet",
        },
    ]


def test_months_whose_episodes_are_mostly_open_are_provisional_for_distinct_staff():
    # Found by the fresh-eyes trial: November's episodes, mostly still open, had seen
    # few staff so far and were flagged as a special-cause improvement in continuity.
    import datetime as dt

    import pandas as pd

    from coproduce.evidence.charts import spc_chart
    from coproduce.evidence.evaluate import spc_charts
    from coproduce.lib.disclosure import Rules

    months = [dt.date(2026, m, 1) for m in range(1, 12)]
    results = _monthly_results(months, [60] * 11, [100] * 11)
    staff = [4.0, 4.2, 3.9, 4.1, 4.0, 4.2, 3.8, 4.1, 4.0, 2.9, 1.6]
    results["continuity"] = pd.DataFrame(
        {"month": months, "distinct_staff_sum": [s * 40 for s in staff], "episodes": [40] * 11}
    )
    closed = [40] * 9 + [30, 6]  # October: 75% ended; November: 15%
    results["caseload"] = pd.DataFrame({"month": months, "episodes": [40] * 11, "closed": closed})
    charts = spc_charts(
        results, rules=Rules(), run_length=7, change_at=None, complete_before=dt.date(2026, 12, 1)
    )
    chart = charts["distinct_staff"]
    assert [p["provisional"] for p in chart["points"]] == [False] * 9 + [True, True]
    assert not any(p["special"] for p in chart["points"])
    assert chart["variation"] == "common_cause"
    assert chart["provisional_because"] == "episodes_open"
    drawn = spc_chart("Distinct staff", chart, percent=False)
    assert "The last 2 months are provisional" in drawn.description
    assert "Provisional: episodes still open" in [name for name, _, _ in drawn.legend]
    # Experience is not about episodes: its November is an ordinary, complete month.
    assert not any(p["provisional"] for p in charts["experience_good"]["points"])


def test_a_chart_that_cannot_be_drawn_says_why_in_words():
    # Found by the fresh-eyes trial: the response page never drew its chart (in most
    # months 1 to 7 very urgent referrals were seen late) and said nothing about it.
    import datetime as dt

    import pandas as pd

    from coproduce.evidence.dashboard import board_summary, not_drawn_words
    from coproduce.evidence.evaluate import spc_charts
    from coproduce.lib.disclosure import Rules

    months = [dt.date(2026, m, 1) for m in range(1, 13)]
    results = _monthly_results(months, [60] * 12, [100] * 12)
    results["response"] = pd.DataFrame(
        {
            "month": months,
            "urgency": ["very_urgent"] * 12,
            "seen_within_target": [37, 38, 36, 40, 39, 37, 38, 30, 36, 38, 37, 39],
            "referrals": [40] * 12,
        }
    )
    charts = spc_charts(results, rules=Rules(), run_length=7, change_at=None)
    not_drawn = charts.pop("not_drawn")
    assert "very_urgent_seen_in_4_hours" not in charts
    assert not_drawn["very_urgent_seen_in_4_hours"] == {
        "months": 12,
        "months_hidden": 10,  # April (none late) and August (10 late) may be shown
        "months_shown": 2,
    }
    evaluation = {
        "spc": charts,
        "spc_not_drawn": not_drawn,
        "disclosure": {"suppress_at_most": 7, "round_to": 5},
        "metrics": {},
    }
    words = not_drawn_words(evaluation, "very_urgent_seen_in_4_hours")
    assert words.startswith("Not drawn: in 10 of 12 months")
    assert "between 1 and 7" in words
    assert not_drawn_words(evaluation, "experience_good") == ""
    card = {i["theme"]: i for i in board_summary(evaluation)}["response"]
    assert (card["figure"], card["sentence"]) == ("Not shown", words)


def test_the_line_breaks_across_a_hidden_month_and_the_chart_says_so():
    # Found by the fresh-eyes trial: the experience line ran straight across a month
    # hidden for small numbers, drawing a figure that was never published.
    import datetime as dt

    from coproduce.evidence.charts import spc_chart
    from coproduce.evidence.evaluate import spc_charts
    from coproduce.lib.disclosure import Rules

    months = [dt.date(2026, m, 1) for m in range(1, 12)]
    responses = [100, 100, 100, 5, 100, 100, 100, 100, 100, 100, 100]  # April: too few
    results = _monthly_results(months, [60] * 11, responses)
    chart = spc_charts(results, rules=Rules(), run_length=7, change_at=None)["experience_good"]
    assert [p["month"][:7] for p in chart["points"]][2:4] == ["2026-03", "2026-05"]
    drawn = spc_chart("Experience", chart, percent=True)
    values = [line for line in drawn.lines if line.name == "Value"]
    assert [len(line.points.split()) for line in values] == [3, 7]
    assert "No point for Apr 2026: the figure would reveal a small number" in drawn.description
    assert "the mean and limits are worked out without them." in drawn.description
    assert [name for name, _, _ in drawn.legend].count("Value") == 1


def test_a_share_charts_limits_are_drawn_within_0_and_100_percent():
    # Found by issue 20's fourth fresh-eyes trial: the very urgent chart's axis ran to 120%
    # because its upper limit (107%) was drawn as it was worked out.
    import datetime as dt

    from coproduce.evidence.charts import spc_chart

    points = [
        {
            "month": dt.date(2026, m, 1).isoformat(),
            "value": v,
            "mean": 0.8,
            "lower": 0.45,
            "upper": 1.07,
            "special": False,
            "kind": "common",
            "provisional": False,
            "rules": [],
        }
        for m, v in zip(range(1, 7), [0.7, 0.9, 0.8, 0.95, 0.75, 0.8], strict=True)
    ]
    chart = {"points": points, "variation_text": "Common cause", "target": 0.9}
    drawn = spc_chart("Seen in 4 hours", chart, percent=True)
    assert max(float(label.rstrip("%")) for _, label in drawn.y_ticks) <= 100
    assert "process limits 45% to 100%" in drawn.description
