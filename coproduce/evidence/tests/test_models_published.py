"""Time on caseload: curves and models are published only for groups above the
disclosure threshold, and a model that cannot be estimated says why in plain words."""

import datetime as dt
import itertools
import random

import pandas as pd

from coproduce.evidence.evaluate import _models
from coproduce.lib.disclosure import Rules

END = dt.datetime(2026, 6, 1)  # noqa: DTZ001 - wall clock, as the extract's


def episodes(n, *, staff, disengaged=lambda i: i % 3 == 0, seed=1):
    rng = random.Random(seed)  # noqa: S311 - synthetic
    rows = []
    for i in range(n):
        accepted = dt.datetime(2026, 1, 1) + dt.timedelta(days=rng.randrange(100))  # noqa: DTZ001
        stays = dt.timedelta(days=rng.randrange(3, 60))
        rows.append(
            {
                "team_key": "t",
                "accepted_at": accepted,
                "closed_at": accepted + stays if accepted + stays < END else None,
                "age_band": rng.choice(["18-24", "25-64"]),
                "urgency": rng.choice(["urgent", "very_urgent"]),
                "disengaged": disengaged(i),
                "distinct_staff": staff(i),
            }
        )
    return pd.DataFrame(rows)


def test_a_band_of_few_episodes_has_no_curve_no_median_and_a_note():
    rows = episodes(200, staff=lambda i: 5 if i < 3 else 1 + i % 3)  # three with 4 or more
    published = _models(rows, END, Rules())
    assert set(published["kaplan_meier"]) == {"1", "2 to 3"}
    assert any("4 or more staff" in note for note in published["notes"])
    assert all(c["episodes"] % 5 == 0 for c in published["kaplan_meier"].values())


def test_too_few_of_one_outcome_says_how_many_are_needed_in_plain_words():
    rows = episodes(200, staff=lambda i: 1 + i % 4, disengaged=lambda i: i < 5)
    published = _models(rows, END, Rules())
    assert published["disengagement"] is None
    [note] = [n for n in published["notes"] if "disengagement" in n]
    assert "needs at least 20 that ended in disengagement" in note
    assert published["cox"] is not None


def test_a_model_the_figures_cannot_give_is_left_out_without_an_error_name(monkeypatch):
    from coproduce.evidence import analysis

    def cannot(*args, **kwargs):
        raise ValueError("Singular matrix")

    monkeypatch.setattr(analysis, "cox_distinct_staff", cannot)
    published = _models(episodes(200, staff=lambda i: 1 + i % 4), END, Rules())
    assert published["cox"] is None
    [note] = [n for n in published["notes"] if "time on the caseload" in n]
    assert "could not be settled from these figures" in note
    assert "ValueError" not in " ".join(published["notes"])
    assert "Singular" not in " ".join(published["notes"])


def test_groups_are_named_in_words():
    from coproduce.evidence.dashboard import group_words

    assert group_words("age_band", "18_24") == "Age 18 to 24"
    assert group_words("age_band", "65_plus") == "Age 65 and over"
    assert group_words("age_band", "under_18") == "Age under 18"
    assert group_words("deprivation_decile", "1") == "Deprivation decile 1 (most deprived)"
    assert group_words("ethnicity", "asian") == "Ethnicity: Asian"


def test_the_board_summary_says_not_yet_in_words_where_there_is_no_chart():
    from coproduce.evidence.dashboard import board_summary

    items = {i["theme"]: i for i in board_summary({"spc": {}, "metrics": {}})}
    assert set(items) == {
        "experience",
        "continuity",
        "response",
        "caseload",
        "outcomes",
        "coproduction",
        "reach",
        "first-response",
    }
    for item in items.values():
        assert item["figure"] == "Not yet"
        assert "{" not in item["sentence"]


def test_the_summary_does_not_say_no_one_asked_when_the_counts_are_only_hidden():
    from coproduce.evidence.dashboard import board_summary

    def told(rows):
        [item] = [
            i
            for i in board_summary({"spc": {}, "metrics": {"thread": rows}})
            if i["theme"] == "coproduction"
        ]
        return item

    hidden = told([{"owed_outcome": None, "told_outcome": None}])
    assert "Too few people" in hidden["sentence"]
    shown = told(
        [
            {"owed_outcome": 20, "told_outcome": 15, "share_told": 0.75},
            {"owed_outcome": None, "told_outcome": None},
        ]
    )
    assert shown["figure"] == "75%"
    assert told([])["sentence"] == "No one has yet asked to hear what changed."


def test_a_survival_curve_never_steps_by_a_count_that_may_not_be_shown():
    # 60 episodes, one discharged each day: published as they are, each step is one
    # discharge read straight off the curve (1 - 1/60), and so are the last few left.
    import datetime as dt

    import pandas as pd

    from coproduce.evidence import analysis

    end = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    accepted = pd.Timestamp(end) - pd.Timedelta(days=200)
    rows = pd.DataFrame(
        {
            "accepted_at": [accepted] * 60,
            "closed_at": [accepted + pd.Timedelta(days=1 + n, hours=1) for n in range(60)],
            "distinct_staff": [1] * 60,
        }
    )
    raw = analysis.kaplan_meier(rows, end)["1"]["on_caseload"]
    assert raw[2] == round(1 - 1 / 60, 2)  # the leak the rule closes: a step of one
    curve = analysis.kaplan_meier(rows, end, small=7)["1"]["on_caseload"]
    shown = [v for v in curve if v is not None]
    steps = [round((a - b) * 60) for a, b in itertools.pairwise(shown) if a != b]
    assert steps
    assert min(steps) > 7  # each step is more than 7 discharges
    assert curve[-1] is None  # the curve ends before only 7 are left on the caseload
    assert curve.index(None) == 54  # from day 54 only 7 are left


def test_ratios_are_said_as_the_change_they_mean():
    # Found by the fresh-eyes trial: "hazard ratio" and "odds ratio" alone meant nothing
    # to a board member.
    from coproduce.evidence.dashboard import interval_in_words, ratio_in_words

    assert ratio_in_words(0.87) == "13% lower"
    assert ratio_in_words(1.08) == "8% higher"
    assert ratio_in_words(1.001) == "no different"
    assert interval_in_words(0.83, 0.91) == "9% to 17% lower"
    assert interval_in_words(1.02, 1.15) == "2% to 15% higher"
    assert interval_in_words(0.97, 1.05) == "3% lower to 5% higher"


def test_a_rarely_used_level_does_not_stop_the_disengagement_model_converging():
    # Found by a fresh-eyes trial: on the demo trust (1,459 closed episodes, 233
    # disengaged) the model "could not be worked out": the reference urgency was one used
    # for 4 episodes. Each adjustment is now against its most common level.
    import numpy as np
    import pandas as pd

    from coproduce.evidence import analysis

    rng = np.random.default_rng(7)
    n = 1500
    staff = rng.integers(1, 9, n)
    urgency = rng.choice(["routine", "urgent", "very_urgent"], n, p=[0.2, 0.5, 0.3])
    urgency[:4] = "emergency"  # first in the alphabet, almost never used
    disengaged = rng.random(n) < 1 / (1 + np.exp(-(-3.2 + 0.4 * staff)))
    disengaged[:4] = False  # none of those four disengaged: its odds run to zero
    rows = pd.DataFrame(
        {
            "distinct_staff": staff,
            "age_band": rng.choice(["18_24", "25_34", "35_44"], n),
            "urgency": urgency,
            "closed_at": pd.Timestamp("2026-06-01"),
            "disengaged": disengaged,
        }
    )
    estimate = analysis.logistic_disengagement(rows)
    assert 1.2 < estimate.estimate < 1.8
