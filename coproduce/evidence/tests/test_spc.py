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


def test_limits_are_recalculated_from_a_change():
    values = [10, 12, 10, 12, 20, 22, 20, 22]
    result = chart(values, change_at=4)
    assert [p.mean for p in result.points] == [11] * 4 + [21] * 4
    assert flagged(result, "beyond_limits") == []
    with pytest.raises(ValueError, match="two points on each side"):
        chart(values, change_at=7)


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
