"""The extract from the operational database: pseudonymised, banded, nothing to identify
anyone, and a figure that matches what was recorded."""

import datetime as dt

import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from coproduce.evidence.extract import age_band, write_extract
from coproduce.evidence.suite import contacts_in_file_order, open_extract, run_suite
from coproduce.evidence.tables import CONTACTS_ORDER, SCHEMA, check_extract
from coproduce.tooling.testing.factories import (
    ContactFactory,
    EpisodeFactory,
    PersonFactory,
    VoiceFactory,
)


@pytest.fixture
def records(db):
    person = PersonFactory(given_name="Zebedee", family_name="Quintrell", phone="07700900123")
    episode = EpisodeFactory(person=person, accepted_at=timezone.now() - dt.timedelta(days=3))
    for day in (2, 1):
        ContactFactory(episode=episode, occurred_at=timezone.now() - dt.timedelta(days=day))
    VoiceFactory(
        rating=1, text="Zebedee Quintrell says the night nurse was kind", team=episode.team
    )
    withdrawn = VoiceFactory(rating=5, team=episode.team)
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    return person, episode


def everything_in(folder):
    values: list[str] = []
    for table in SCHEMA:
        for column in pq.read_table(folder / f"{table}.parquet").to_pylist():
            values.extend(str(v) for v in column.values() if v is not None)
    return " ".join(values)


def test_the_extract_holds_no_one_identifiable(tmp_path, records):
    person, episode = records
    report = write_extract(tmp_path)
    check_extract(tmp_path)
    assert report.rows["episodes"] == 1
    assert report.rows["contacts"] == 2
    assert report.rows["voices"] == 1  # the withdrawn voice is left out
    text = everything_in(tmp_path)
    for secret in [
        "Zebedee",
        "Quintrell",
        person.nhs_number,
        "07700900123",
        "night nurse",
        str(person.date_of_birth),
    ]:
        assert secret not in text
    [row] = pq.read_table(tmp_path / "episodes.parquet").to_pylist()
    assert row["episode_key"] != episode.pk
    assert row["age_band"] == age_band(person.date_of_birth, episode.accepted_at.date())


def test_the_extract_gives_the_figures_recorded(tmp_path, records):
    write_extract(tmp_path)
    results = run_suite(open_extract(tmp_path), by_team=False)
    [continuity] = results["continuity"].to_dict("records")
    assert (continuity["episodes"], continuity["contacts"]) == (1, 2)
    [experience] = results["experience"].to_dict("records")
    assert (experience["responses"], experience["positive"]) == (1, 1)


def test_contacts_are_written_by_episode_and_time(tmp_path, db):
    # Recorded out of order: interleaved between episodes and later-first in time, so the
    # order they were saved in (and their pseudonyms' order) is not the extract's order.
    now = timezone.now()
    episodes = [EpisodeFactory(accepted_at=now - dt.timedelta(days=20)) for _ in range(3)]
    for day in (3, 9, 1, 6):
        for episode in episodes:
            ContactFactory(episode=episode, occurred_at=now - dt.timedelta(days=day))
    write_extract(tmp_path)
    rows = pq.read_table(tmp_path / "contacts.parquet").to_pylist()
    keys = [tuple(row[name] for name in CONTACTS_ORDER) for row in rows]
    assert len(keys) == 12
    assert keys == sorted(keys)
    assert contacts_in_file_order(open_extract(tmp_path).tables["contacts"])


def test_pseudonyms_change_with_the_secret_and_stay_with_it(tmp_path, records):
    def person_keys(folder, secret):
        with override_settings(EVIDENCE_PSEUDONYM_KEY=secret):
            write_extract(folder)
        return pq.read_table(folder / "episodes.parquet").column("person_key").to_pylist()

    first = person_keys(tmp_path / "a", "one secret")
    assert person_keys(tmp_path / "b", "one secret") == first
    assert person_keys(tmp_path / "c", "another secret") != first


@override_settings(EVIDENCE_PSEUDONYM_KEY="")
def test_an_extract_without_a_secret_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="EVIDENCE_PSEUDONYM_KEY must be set"):
        call_command("extract", out=tmp_path / "x")
    assert not (tmp_path / "x" / "episodes.parquet").exists()


@pytest.mark.parametrize(
    ("born", "on", "band"),
    [
        (dt.date(2008, 6, 2), dt.date(2026, 6, 1), "under_18"),
        (dt.date(2008, 6, 1), dt.date(2026, 6, 1), "18_24"),
        (dt.date(1961, 1, 1), dt.date(2026, 1, 1), "65_plus"),
        (dt.date(1961, 1, 2), dt.date(2026, 1, 1), "55_64"),
    ],
)
def test_age_bands_turn_on_the_birthday(born, on, band):
    assert age_band(born, on) == band


def test_contributors_reach_is_their_age_band_once_each(tmp_path, records):
    person, episode = records
    for _ in range(2):
        VoiceFactory(rating=2, person=person, team=episode.team)
    write_extract(tmp_path)
    reach = pq.read_table(tmp_path / "reach.parquet").to_pylist()
    contributors = [r for r in reach if r["group"] == "contributor"]
    band = age_band(person.date_of_birth, timezone.localdate())
    assert contributors == [
        {"group": "contributor", "age_band": band, "ethnicity": None, "deprivation_decile": None}
    ]


def test_the_evidence_counts_overdue_actions_as_the_actions_page_does(tmp_path, le_lead):
    from coproduce.change import services
    from coproduce.change.models import Action

    today = timezone.localdate()
    insight = services.create_insight(le_lead, "People wait too long for a call back.")
    for days, status in [(-3, "planned"), (-1, "in_progress"), (-5, "done"), (0, "planned")]:
        action = services.record_action(
            le_lead, insight, description="d", owner=le_lead, due_on=today
        )
        Action.objects.filter(pk=action.pk).update(
            due_on=today + dt.timedelta(days=days), status=status
        )
    write_extract(tmp_path)
    results = run_suite(open_extract(tmp_path), by_team=False, as_of=today)
    assert results["actions"]["overdue"].sum() == len(services.overdue_actions(today)) == 2
