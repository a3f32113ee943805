"""The Schulze method against hand-worked examples from its published definition."""

import json

import pytest

from coproduce.change.ranking import BallotError, Result, schulze


def ballots(*groups):
    """("ACBED", 5) → five ballots A > C > B > E > D."""
    out = []
    for order, count in groups:
        out += [[[c] for c in order]] * count
    return out


def test_it_ranks_the_worked_example_of_45_voters():
    # Schulze (2011), section 3.1: 45 voters, 5 candidates; the winner is E, and the
    # order E > A > C > B > D.
    result = schulze(
        list("ABCDE"),
        ballots(
            ("ACBED", 5),
            ("ADECB", 5),
            ("BEDAC", 8),
            ("CABED", 3),
            ("CAEBD", 7),
            ("CBADE", 2),
            ("DCEBA", 7),
            ("EBADC", 8),
        ),
    )
    # The pairwise preferences, worked by hand from the ballots.
    assert result.d["A"] == {"A": 0, "B": 20, "C": 26, "D": 30, "E": 22}
    assert result.d["B"] == {"A": 25, "B": 0, "C": 16, "D": 33, "E": 18}
    assert result.d["E"] == {"A": 23, "B": 27, "C": 21, "D": 31, "E": 0}
    # The strongest paths.
    assert result.p["A"] == {"A": 0, "B": 28, "C": 28, "D": 30, "E": 24}
    assert result.p["E"] == {"A": 25, "B": 28, "C": 28, "D": 31, "E": 0}
    assert result.p["D"] == {"A": 25, "B": 28, "C": 28, "D": 0, "E": 24}
    assert result.places == [["E"], ["A"], ["C"], ["B"], ["D"]]
    assert (result.ballots, result.abstentions) == (45, 0)


def test_a_circle_of_wins_is_broken_by_the_strongest_chain():
    # 4: A>B>C, 3: B>C>A, 2: C>A>B. A beats B 6-3, B beats C 7-2, C beats A 5-4.
    # Strongest chains: A→C via B is min(6, 7) = 6 against C→A 5; B→A via C is
    # min(7, 5) = 5 against A→B 6; so A > B > C.
    result = schulze(list("ABC"), ballots(("ABC", 4), ("BCA", 3), ("CAB", 2)))
    assert (result.p["A"]["C"], result.p["C"]["A"]) == (6, 5)
    assert (result.p["A"]["B"], result.p["B"]["A"]) == (6, 5)
    assert result.places == [["A"], ["B"], ["C"]]


def test_ties_abstentions_and_insights_left_out():
    # One ballot X > Y, one Y > X: X and Y are level, both above Z (left out of both
    # ballots, so below every ranked insight). One member abstains.
    result = schulze(["X", "Y", "Z"], [[["X"], ["Y"]], [["Y"], ["X"]], []])
    assert result.places == [["X", "Y"], ["Z"]]
    assert result.place_of("X") == result.place_of("Y") == 1
    assert result.place_of("Z") == 3
    assert (result.ballots, result.abstentions) == (3, 1)
    assert (result.d["X"]["Z"], result.d["Z"]["X"]) == (2, 0)


def test_the_result_lists_each_place_with_ties_sharing_it():
    result = schulze(["X", "Y", "Z"], [[["X"], ["Y"]], [["Y"], ["X"]], []])
    assert result.ranked() == [(1, True, "X"), (1, True, "Y"), (3, False, "Z")]
    assert result.order == ["X", "Y", "Z"]


def test_a_kept_result_reads_back_as_the_same_value():
    result = schulze([7, 8, 9], [[[9], [7]], [[8, 9]], [[7], [8], [9]], []])
    kept = json.loads(json.dumps(result.stored()))  # as the database's JSON keeps it
    assert kept["method"] == "Schulze"
    assert Result.from_stored(kept) == result


def test_insights_ranked_level_on_a_ballot_prefer_neither():
    result = schulze(["X", "Y", "Z"], [[["X", "Y"], ["Z"]]])
    assert (result.d["X"]["Y"], result.d["Y"]["X"]) == (0, 0)
    assert (result.d["X"]["Z"], result.d["Y"]["Z"]) == (1, 1)
    assert result.places == [["X", "Y"], ["Z"]]


def test_only_abstentions_leave_everything_level():
    result = schulze(["X", "Y"], [[], []])
    assert result.places == [["X", "Y"]]
    assert result.abstentions == 2


@pytest.mark.parametrize(
    ("ballot", "message"),
    [
        ([["X"], ["X"]], "X is ranked more than once"),
        ([["X", "X"]], "X is ranked more than once"),
        ([["X"], ["W"]], "W is not one of the choices"),
    ],
)
def test_a_ballot_with_repeated_or_unknown_items_is_refused(ballot, message):
    with pytest.raises(BallotError, match=message):
        schulze(["X", "Y"], [ballot])
