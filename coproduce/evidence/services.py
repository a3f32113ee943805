"""The trust's own evidence, for its pages: the operational database taken as an extract
(pseudonymised, into a temporary folder that is removed at once), evaluated on DuckDB
for the whole trust by month, disclosure control applied, and kept for a while."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.evidence import spc
from coproduce.evidence.analysis import FirstResponseCosts, read_population
from coproduce.evidence.evaluate import Recalculation, evaluate
from coproduce.evidence.extract import write_extract
from coproduce.evidence.metrics import PublishedExperience, experience_by_month
from coproduce.evidence.models import CostAssumption, LimitBaseline, LimitRecalculation
from coproduce.lib.disclosure import Rules
from coproduce.voices.extract import experience_rows

CACHE_KEY = "evidence:trust-evaluation"
# One evaluation at a time in a process: requests that arrive while the figures are being
# worked out wait for them rather than each working them out again.
_EVALUATING = threading.Lock()
# Figures kept past EVIDENCE_CACHE_SECONDS are shown while a thread works them out again
# (issue 25: each server process took about 7 s of both cores to work out the trust-year's
# figures, inside whichever request found them gone, once every 10 minutes). The thread
# of the latest refresh, and how many times people's changes have made the kept figures
# wrong: a refresh begun before such a change does not keep what it found.
_refresher: threading.Thread | None = None
_forgotten = 0
# After a refresh fails, the next is tried this long after (time.monotonic()), not at once.
RETRY_AFTER_SECONDS = 60
_next_try = 0.0

logger = logging.getLogger(__name__)


def experience_metric() -> list[PublishedExperience]:
    """The experience metric by month from stored voices, with disclosure control applied
    here (the same rules as every published figure), for the API to show as it is."""
    rules = Rules.from_settings()
    months = experience_by_month(experience_rows(), tz=ZoneInfo(settings.TIME_ZONE))
    today = timezone.localdate()
    return [month.published(rules, today=today) for month in months]


# The synthetic demo's change of model, relative to today: set by the tooling app, which
# only runs outside production (production declares its own in EVIDENCE_CHANGE_DATE).
DEMO_CHANGE_DATE: Callable[[dt.datetime], dt.date] | None = None


def declared_change_date() -> dt.date | None:
    if settings.EVIDENCE_CHANGE_DATE:
        return dt.date.fromisoformat(settings.EVIDENCE_CHANGE_DATE)
    if settings.PRODUCTION or DEMO_CHANGE_DATE is None:
        return None
    return DEMO_CHANGE_DATE(timezone.now())


def trust_evaluation(*, refresh: bool = False) -> dict[str, Any]:
    """The published evaluation of this trust, all teams together, by month."""
    cached = None if refresh else cache.get(CACHE_KEY)
    if cached is not None:
        if _due_again(cached):
            _refresh_in_background()
        return dict(cached)
    with _EVALUATING:
        cached = None if refresh else cache.get(CACHE_KEY)
        if cached is not None:
            return dict(cached)
        return _evaluate()


def forget_figures() -> None:
    """People changed what the figures are worked out from: the next page works them out."""
    global _forgotten
    _forgotten += 1
    cache.delete(CACHE_KEY)


def _due_again(cached: dict[str, Any]) -> bool:
    worked_out_at = cached.get("worked_out_at")
    return (
        settings.EVIDENCE_REFRESH_IN_BACKGROUND
        and worked_out_at is not None
        and (timezone.now() - worked_out_at).total_seconds() >= settings.EVIDENCE_CACHE_SECONDS
    )


def _refresh_in_background() -> None:
    """Work the figures out again in a thread of this process, unless they are being
    worked out already; the kept figures are shown meanwhile, and kept if it fails."""
    global _refresher
    if time.monotonic() < _next_try or not _EVALUATING.acquire(blocking=False):
        return
    forgotten = _forgotten

    def work() -> None:
        global _next_try
        try:
            _evaluate(keep=lambda: forgotten == _forgotten)
        except Exception:
            _next_try = time.monotonic() + RETRY_AFTER_SECONDS
            logger.exception(
                "The evidence figures could not be worked out again: the kept ones are "
                "shown, and it is tried again in %s s",
                RETRY_AFTER_SECONDS,
            )
        finally:
            _EVALUATING.release()
            connection.close()  # this thread's own

    _refresher = threading.Thread(target=work, name="evidence-figures", daemon=True)
    _refresher.start()


def _evaluate(keep: Callable[[], bool] = lambda: True) -> dict[str, Any]:
    population = (
        read_population(settings.EVIDENCE_POPULATION_CSV)
        if settings.EVIDENCE_POPULATION_CSV
        else None
    )
    with tempfile.TemporaryDirectory(prefix="coproduce-extract-") as folder:
        write_extract(Path(folder))
        result = evaluate(
            Path(folder),
            by_team=False,
            change_date=declared_change_date(),
            population=population,
            as_of=timezone.localdate(),
            run_length=settings.SPC_RUN_LENGTH,
            recalculations=recalculations(),
            fix_after=baselines(),
            first_response_costs=first_response_costs(),
        )
    result["worked_out_at"] = timezone.now()
    if keep():
        # Kept until worked out again in the background, where that is on.
        seconds = (
            None if settings.EVIDENCE_REFRESH_IN_BACKGROUND else settings.EVIDENCE_CACHE_SECONDS
        )
        cache.set(CACHE_KEY, result, seconds)
    return result


def recalculations() -> dict[str, list[Recalculation]]:
    """Each chart's recalculations, as people set them."""
    chosen: dict[str, list[Recalculation]] = {}
    for row in LimitRecalculation.objects.all():
        chosen.setdefault(row.chart, []).append(Recalculation(row.month, row.reason))
    return chosen


def baselines() -> dict[str, int]:
    """Each chart's baseline: its limits fixed after this many months, as people set it."""
    return dict(LimitBaseline.objects.values_list("chart", "months"))


@transaction.atomic
def fix_limits_after(user: User, *, chart: str, months: int) -> LimitBaseline:
    """``chart``'s limits are fixed after its first ``months`` months (of each part)."""
    baseline, created = LimitBaseline.objects.update_or_create(
        chart=chart, defaults={"months": months, "set_by": user}
    )
    audit.record(
        user,
        AuditEvent.Action.CREATED if created else AuditEvent.Action.CHANGED,
        baseline,
        f"{chart} fixed after {months} months",
    )
    transaction.on_commit(forget_figures)
    return baseline


@transaction.atomic
def remove_baseline(user: User, baseline: LimitBaseline) -> None:
    """The chart's limits are worked out from every month of each part again."""
    audit.record(user, AuditEvent.Action.CHANGED, baseline, f"removed: {baseline.chart} baseline")
    baseline.delete()
    transaction.on_commit(forget_figures)


@once
@transaction.atomic
def recalculate_limits(
    user: User, *, chart: str, month: dt.date, reason: str, submission: str = ""
) -> LimitRecalculation:
    """From ``month`` on, ``chart``'s limits are worked out afresh, for ``reason``. The
    figures are worked out again at once, so the page shows it. ``submission``: the
    form's one-time token."""
    if LimitRecalculation.objects.filter(chart=chart, month=month).exists():
        raise ValidationError(
            {"month": "This chart's limits are already recalculated from that month"}
        )
    declared = declared_change_date()
    if declared is not None and spc.first_whole_month(declared) == month:
        raise ValidationError(
            {
                "month": f"Every chart's limits already start afresh from {month:%B %Y}: it "
                "is the trust's declared change. Choose another month"
            }
        )
    # A part needs five months of its own: one closer to another start would displace it
    # (found by the third fresh-eyes trial: one set a month before the trust's change
    # left that change waiting on the chart, while the page said it applied).
    others = [
        (m, "the trust's declared change")
        for m in ([spc.first_whole_month(declared)] if declared else [])
    ] + [
        (m, "another recalculation of this chart")
        for m in LimitRecalculation.objects.filter(chart=chart).values_list("month", flat=True)
    ]
    for other, what in others:
        apart = abs((month.year - other.year) * 12 + month.month - other.month)
        if 0 < apart < spc.MONTHS_FOR_LIMITS:
            raise ValidationError(
                {
                    "month": f"That is {apart} {'month' if apart == 1 else 'months'} from "
                    f"{other:%B %Y}, when {what} starts the limits afresh: limits need at "
                    f"least {spc.MONTHS_FOR_LIMITS} months between one start and the next. "
                    "Choose another month"
                }
            )
    points = trust_evaluation().get("spc", {}).get(chart, {}).get("points") or []
    if points and month <= dt.date.fromisoformat(points[0]["month"][:10]):
        first = dt.date.fromisoformat(points[0]["month"][:10])
        raise ValidationError(
            {
                "month": f"The chart begins in {first:%B %Y}, so its limits already start "
                f"there. Choose a month after {first:%B %Y}"
            }
        )
    recalculation = LimitRecalculation.objects.create(
        chart=chart, month=month, reason=reason, set_by=user
    )
    audit.record(user, AuditEvent.Action.CREATED, recalculation, f"{chart} from {month:%Y-%m}")
    transaction.on_commit(forget_figures)
    return recalculation


@transaction.atomic
def remove_recalculation(user: User, recalculation: LimitRecalculation) -> None:
    """The chart's limits run on across that month again."""
    audit.record(
        user,
        AuditEvent.Action.CHANGED,
        recalculation,
        f"removed: {recalculation.chart} from {recalculation.month:%Y-%m}",
    )
    recalculation.delete()
    transaction.on_commit(forget_figures)


def first_response_costs() -> FirstResponseCosts:
    """The cost model's assumptions as last set on the evidence page, the illustrative
    defaults where none has been set."""
    latest: dict[str, float] = {}
    sources: dict[str, str] = {}
    for name, value, because in CostAssumption.objects.values_list("name", "value", "because"):
        latest.setdefault(name, value)  # newest first
        sources.setdefault(name, because)
    return dataclasses.replace(
        FirstResponseCosts(), **latest, sources=tuple(sorted(sources.items()))
    )


@transaction.atomic
def set_cost_assumptions(
    user: User, values: dict[str, float], because: str
) -> list[CostAssumption]:
    """Set the assumptions that changed, each a new row with who and why (the history is
    kept); the evidence is worked out again with them."""
    costs = first_response_costs()
    current = {name: getattr(costs, name) for name in CostAssumption.Name.values}
    changed = [
        CostAssumption.objects.create(name=name, value=value, because=because, set_by=user)
        for name, value in values.items()
        if name in CostAssumption.Name.values and abs(current[name] - value) > 1e-9
    ]
    if not changed:
        raise ValidationError({"because": "Nothing was changed: change a figure, or go back"})
    for assumption in changed:
        audit.record(user, AuditEvent.Action.CREATED, assumption, f"{assumption.name} set")
    transaction.on_commit(forget_figures)
    return changed
