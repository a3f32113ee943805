"""The trust's evidence figures, once older than ``EVIDENCE_CACHE_SECONDS``, are shown
while a thread works them out again: no request waits the seconds a trust-year takes
(issue 25). The suite turns the background off (conftest); these tests turn it on and
wait for the thread."""

import datetime as dt

import pytest
from django.core.cache import cache

from coproduce.evidence import services


@pytest.fixture
def background(settings):
    settings.EVIDENCE_REFRESH_IN_BACKGROUND = True
    settings.EVIDENCE_CACHE_SECONDS = 600
    services._refresher = None
    services._next_try = 0.0
    yield
    if services._refresher is not None:
        services._refresher.join(60)


def kept_as_if_worked_out(ago: dt.timedelta) -> dict[str, object]:
    figures = services.trust_evaluation()
    earlier = {**figures, "worked_out_at": figures["worked_out_at"] - ago}
    cache.set(services.CACHE_KEY, earlier, None)
    return earlier


@pytest.mark.django_db(transaction=True)  # the thread reads the database on its own connection
def test_old_figures_are_shown_at_once_and_worked_out_again_behind(background):
    old = kept_as_if_worked_out(dt.timedelta(hours=1))
    shown = services.trust_evaluation()
    assert shown["worked_out_at"] == old["worked_out_at"]  # no wait: the kept figures
    refresher = services._refresher
    assert refresher is not None
    # Asked again while it works: the old figures again, and no second thread.
    services.trust_evaluation()
    assert services._refresher is refresher
    refresher.join(60)
    assert not refresher.is_alive()
    newer = services.trust_evaluation()
    assert newer["worked_out_at"] > old["worked_out_at"]
    assert services._refresher is refresher  # fresh figures start no thread


@pytest.mark.django_db(transaction=True)
def test_figures_within_their_time_start_no_thread(background):
    kept_as_if_worked_out(dt.timedelta(seconds=30))
    services.trust_evaluation()
    assert services._refresher is None


@pytest.mark.django_db(transaction=True)
def test_a_refresh_that_fails_keeps_the_old_figures_and_says_so(background, monkeypatch, caplog):
    old = kept_as_if_worked_out(dt.timedelta(hours=1))

    def fails(*args, **kwargs):
        raise RuntimeError("the extract could not be written")

    monkeypatch.setattr(services, "write_extract", fails)
    services.trust_evaluation()
    failed = services._refresher
    failed.join(60)
    assert services.trust_evaluation()["worked_out_at"] == old["worked_out_at"]
    assert "could not be worked out again" in caplog.text
    assert services._refresher is failed  # not tried again at once, by every request
    assert services._EVALUATING.acquire(blocking=False)  # the lock was given back
    services._EVALUATING.release()
    services._next_try = 0.0  # a minute later: tried again
    services.trust_evaluation()
    assert services._refresher is not failed


@pytest.mark.django_db(transaction=True)
def test_figures_changed_by_people_during_a_refresh_are_not_overwritten(background, monkeypatch):
    kept_as_if_worked_out(dt.timedelta(hours=1))
    real = services.write_extract  # type: ignore[attr-defined]

    def people_change_something_meanwhile(folder):
        services.forget_figures()  # as fixing a chart's limits does, on commit
        return real(folder)

    monkeypatch.setattr(services, "write_extract", people_change_something_meanwhile)
    services.trust_evaluation()
    services._refresher.join(60)
    # What the refresh found is not kept: the next page works the figures out afresh.
    assert cache.get(services.CACHE_KEY) is None


def test_the_suite_works_figures_out_in_the_request(settings):
    """The suite's setting (conftest), so no thread outlives its test; production's default
    is on (settings.py), which test_deploy_files checks the template documents."""
    assert settings.EVIDENCE_REFRESH_IN_BACKGROUND is False
