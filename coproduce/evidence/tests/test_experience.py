import datetime as dt
from zoneinfo import ZoneInfo

from coproduce.evidence.metrics import (
    ANSWERS,
    POSITIVE,
    PublishedExperience,
    experience_by_month,
    good_or_very_good,
)
from coproduce.lib.disclosure import Rules
from coproduce.tooling.testing.factories import VoiceFactory
from coproduce.tooling.testing.html import table_rows
from coproduce.voices.extract import ExperienceRow
from coproduce.voices.models import Rating

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


def row(when, rating):
    return ExperienceRow(when, rating, "web", None)


def test_it_counts_good_and_very_good_over_all_answers_including_dont_know():
    rows = [
        row(dt.datetime(2026, 3, d, 12, tzinfo=UTC), r)
        for d, r in [(1, 1), (2, 2), (3, 2), (4, 3), (5, 5), (6, 6), (7, 1)]
    ]
    [march] = experience_by_month(rows, tz=LONDON)
    assert (march.month, march.responses, march.positive) == (dt.date(2026, 3, 1), 7, 4)


def test_the_metric_counts_by_the_ffts_own_codes():
    assert set(Rating.values) == ANSWERS
    assert {Rating.VERY_GOOD, Rating.GOOD} == POSITIVE
    assert good_or_very_good([1, 2, 2, 3, 5, 6, 1, None, 0, 9]) == (4, 7)


def test_it_puts_a_late_evening_answer_in_the_local_month():
    # 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
    rows = [row(dt.datetime(2026, 5, 31, 23, 30, tzinfo=UTC), 1)] * 5
    [month] = experience_by_month(rows, tz=LONDON)
    assert month.month == dt.date(2026, 6, 1)


def test_a_month_is_published_by_the_disclosure_rules():
    rows = [row(dt.datetime(2026, 1, 10, tzinfo=UTC), 1)] * 4 + [
        row(dt.datetime(2026, 2, 10, tzinfo=UTC), 1)
    ] * 5
    rules = Rules(suppress_at_most=4, round_to=1)
    january, february = (m.published(rules) for m in experience_by_month(rows, tz=LONDON))
    assert january == PublishedExperience(
        dt.date(2026, 1, 1),
        None,
        None,
        None,
        suppressed=True,
        hidden=("responses", "positive", "share_positive"),
        why_hidden="Fewer than 5 answers this month.",
    )
    assert february == PublishedExperience(dt.date(2026, 2, 1), 5, 5, 1.0, suppressed=False)


def test_it_ignores_ratings_off_the_scale():
    rows = [row(dt.datetime(2026, 1, 10, tzinfo=UTC), 9)]
    assert experience_by_month(rows, tz=LONDON) == []


def test_the_evidence_page_shows_the_metric_from_stored_voices(client, analyst):
    when = dt.datetime(2026, 4, 15, 12, tzinfo=UTC)
    for rating in [1, 1, 2, 2, 2, 1, 1, 2, 1, 2, 1, 2, 3, 4, 5, 6, 6, 5, 4, 3]:
        VoiceFactory(rating=rating, received_at=when, channel="web")
    VoiceFactory(rating=None, received_at=when)  # no rating: not an answer
    client.force_login(analyst)
    page = client.get("/evidence/experience").content
    rows = table_rows(page)
    # 12 of 20 good: published from the rounded counts, 10 of 20 (so the share cannot
    # pin the exact counts behind it). A column a channel, a row a month.
    assert ["April 2026", "50% of 20"] in rows
    assert (
        '<th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric" '
        'role="columnheader">Web form</th>' in page.decode()
    )


def test_the_evidence_page_hides_small_numbers(client, analyst):
    for rating in [1, 1, 2, 4, 5, 6]:
        VoiceFactory(rating=rating, received_at=dt.datetime(2026, 4, 15, 12, tzinfo=UTC))
    client.force_login(analyst)
    rows = table_rows(client.get("/evidence/experience").content)
    assert ["April 2026", "Not shown"] in rows


def test_administrators_do_not_see_evidence(client, administrator):
    client.force_login(administrator)
    assert client.get("/evidence").status_code == 403


def test_the_evidence_service_publishes_the_monthly_figure_with_small_numbers_hidden(db):
    from coproduce.evidence.services import experience_metric

    when = dt.datetime(2026, 4, 15, 12, tzinfo=UTC)
    for _ in range(5):
        VoiceFactory(rating=1, received_at=when)  # 5 answers: hidden
    for rating in [1] * 7 + [2] * 5 + [4] * 8:
        VoiceFactory(rating=rating, received_at=when.replace(month=5))  # 12 of 20
    april, may = experience_metric()
    assert april.hidden == ("responses", "positive", "share_positive")
    assert (april.responses, april.positive, april.share_positive) == (None, None, None)
    assert may == PublishedExperience(
        dt.date(2026, 5, 1), 20, 10, 0.5, suppressed=False
    )  # 0.5: from the rounded counts
