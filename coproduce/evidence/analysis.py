"""Models over the suite's per-episode rows: survival, disengagement, before and after,
the cost model and reach. Estimates come with 95% confidence intervals.

- Kaplan-Meier curves of time on caseload by continuity band (distinct staff 1, 2-3,
  4 or more); episodes still open at the end of the extract are censored there.
- Cox proportional hazards (lifelines) for time to discharge with distinct staff as the
  exposure, adjusted for age band and urgency. A hazard ratio below 1 means more staff,
  slower discharge: a longer time on caseload.
- Logistic regression (statsmodels) for disengagement among closed episodes, same
  exposure and adjustment; the odds ratio per extra member of staff.
- Before and after a declared change date: rates in each period and the relative change.
- Cost model: avoided events x configurable unit costs, with the assumptions shown.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from coproduce.evidence.suite import Tables, continuity_by_episode

MODEL_SAMPLE = 200_000  # episodes the regression models are fitted on (seeded sample)


def episode_rows(t: Tables) -> pd.DataFrame:
    """One row per episode with contacts: its times, bands and distinct staff."""
    e = t["episodes"]
    per = continuity_by_episode(t)
    joined = e.join(per, "episode_key").select(
        "team_key",
        "accepted_at",
        "closed_at",
        "age_band",
        "urgency",
        "disengaged",
        "distinct_staff",
    )
    return joined.to_pandas()


def continuity_band(distinct_staff: pd.Series) -> pd.Series:
    return pd.cut(distinct_staff, [0, 1, 3, np.inf], labels=["1", "2 to 3", "4 or more"]).astype(
        str
    )


def _durations(rows: pd.DataFrame, end: dt.datetime) -> tuple[pd.Series, pd.Series]:
    accepted = pd.to_datetime(rows["accepted_at"])
    closed = pd.to_datetime(rows["closed_at"])
    stop = closed.fillna(pd.Timestamp(end))
    days = (stop - accepted).dt.total_seconds() / 86_400
    return days.clip(lower=0.001), closed.notna()


def kaplan_meier(
    rows: pd.DataFrame, end: dt.datetime, days: int = 90, small: int = 0
) -> dict[str, Any]:
    """Share still on the caseload at each day 0…``days``, by continuity band.

    With ``small`` (the largest count that may not be published), each curve steps down
    only once more than ``small`` discharges have gathered since its last step, and ends
    (None) once no more than ``small`` episodes are still on the caseload: a step of one
    discharge among 134 is a count of one, read straight off the curve."""
    from lifelines import KaplanMeierFitter

    durations, events = _durations(rows, end)
    bands = continuity_band(rows["distinct_staff"])
    timeline = np.arange(0, days + 1)
    curves: dict[str, Any] = {}
    for band in ("1", "2 to 3", "4 or more"):
        chosen = bands == band
        if chosen.sum() == 0:
            continue
        fitter = KaplanMeierFitter().fit(durations[chosen], events[chosen], timeline=timeline)
        interval = fitter.confidence_interval_survival_function_
        median = fitter.median_survival_time_
        columns = [
            fitter.survival_function_.iloc[:, 0].to_numpy(),
            interval.iloc[:, 0].to_numpy(),
            interval.iloc[:, 1].to_numpy(),
        ]
        if small:
            columns = _coarsened(
                columns, durations[chosen].to_numpy(), events[chosen].to_numpy(), timeline, small
            )
        on_caseload, lower, upper = (
            [None if v is None else round(float(v), 2) for v in column] for column in columns
        )
        curves[band] = {
            "episodes": int(chosen.sum()),
            "median_days": None if not np.isfinite(median) else round(float(median), 2),
            "day": timeline.tolist(),
            "on_caseload": on_caseload,
            "lower": lower,
            "upper": upper,
        }
    return curves


def _coarsened(
    columns: list[Any], durations: Any, events: Any, timeline: Any, small: int
) -> list[list[float | None]]:
    """Each column held at its last published value until more than ``small`` events have
    gathered since, and ended once no more than ``small`` are still at risk."""
    out: list[list[float | None]] = [[] for _ in columns]
    published = [column[0] for column in columns]
    events_then = 0
    for at, day in enumerate(timeline):
        at_risk = int((durations > day).sum())
        events_by_now = int(((durations <= day) & events).sum())
        if at_risk <= small:
            for column in out:
                column.append(None)
            continue
        if events_by_now - events_then > small:
            published = [column[at] for column in columns]
            events_then = events_by_now
        for column, value in zip(out, published, strict=True):
            column.append(value)
    return out


def _design(rows: pd.DataFrame) -> pd.DataFrame:
    """Distinct staff and the adjustments, each adjustment against its most common level.
    (Against the first level instead, a level of a handful of episodes, such as an
    urgency almost never used, left the others nearly the same as the constant, and the
    disengagement model did not converge on the demo trust: found by a fresh-eyes trial.)"""
    parts = [rows["distinct_staff"].astype(float).rename("distinct_staff")]
    for name in ("age_band", "urgency"):
        levels = rows[name].fillna("unknown")
        dummies = pd.get_dummies(levels, prefix=name, dtype=float)
        reference = f"{name}_{levels.value_counts().idxmax()}"
        parts.append(dummies.drop(columns=reference))
    return pd.concat(parts, axis=1)


def _sample(rows: pd.DataFrame, seed: int) -> pd.DataFrame:
    if len(rows) <= MODEL_SAMPLE:
        return rows
    return rows.sample(n=MODEL_SAMPLE, random_state=seed)


@dataclass(frozen=True)
class Estimate:
    name: str
    estimate: float
    lower: float
    upper: float
    p_value: float
    episodes: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "estimate": round(self.estimate, 4),
            "lower_95": round(self.lower, 4),
            "upper_95": round(self.upper, 4),
            "p_value": float(f"{self.p_value:.3g}"),
            "episodes": self.episodes,
        }


def cox_distinct_staff(rows: pd.DataFrame, end: dt.datetime, seed: int = 2026) -> Estimate:
    """Hazard ratio for discharge per extra member of staff, adjusted."""
    from lifelines import CoxPHFitter

    sample = _sample(rows, seed)
    durations, events = _durations(sample, end)
    frame = _design(sample)
    frame["days"] = durations.to_numpy()
    frame["closed"] = events.to_numpy()
    fitter = CoxPHFitter(penalizer=0.0001).fit(frame, "days", "closed")
    summary = fitter.summary.loc["distinct_staff"]
    return Estimate(
        "hazard ratio for discharge, per extra member of staff",
        float(summary["exp(coef)"]),
        float(summary["exp(coef) lower 95%"]),
        float(summary["exp(coef) upper 95%"]),
        float(summary["p"]),
        len(frame),
    )


def logistic_disengagement(rows: pd.DataFrame, seed: int = 2026) -> Estimate:
    """Odds ratio for disengaging per extra member of staff, among closed episodes."""
    import statsmodels.api as sm

    closed = rows[rows["closed_at"].notna()]
    sample = _sample(closed, seed)
    outcome = sample["disengaged"].astype(float).to_numpy()
    design = _design(sample)
    # A band with too few episodes, or in which everyone (or no one) disengaged, cannot
    # be estimated (its odds run to infinity): it joins the reference group instead.
    for column in list(design.columns[1:]):
        inside = outcome[design[column].to_numpy() == 1]
        if len(inside) < 10 or inside.min() == inside.max():
            design = design.drop(columns=column)
    design = sm.add_constant(design, has_constant="add")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence is checked below, not warned about
        result = sm.Logit(outcome, design).fit(disp=False, maxiter=200)
    if not result.mle_retvals.get("converged", False):
        raise ValueError("the logistic model did not converge")
    coef = result.params["distinct_staff"]
    lower, upper = result.conf_int().loc["distinct_staff"]
    return Estimate(
        "odds ratio for disengaging, per extra member of staff",
        float(np.exp(coef)),
        float(np.exp(lower)),
        float(np.exp(upper)),
        float(result.pvalues["distinct_staff"]),
        len(sample),
    )


@dataclass(frozen=True)
class UnitCosts:
    """Pounds per event avoided. Illustrative defaults: set the local figures."""

    ae_conveyance: float = 400.0
    admission: float = 15_000.0
    police_attendance: float = 600.0


def before_after(
    caseload: pd.DataFrame,
    vehicle: pd.DataFrame,
    change: dt.date,
    costs: UnitCosts,
) -> dict[str, Any]:
    """Rates before and from ``change`` (by month the episode or dispatch began), the
    relative change, and what the change saved if the earlier rates had held."""

    def split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        months = pd.to_datetime(frame["month"]).dt.date
        return frame[months < change], frame[months >= change]

    measures = []
    for name, frame, events, base, cost in (
        (
            "admissions within 30 days",
            caseload,
            "admitted_within_30_days",
            "episodes",
            costs.admission,
        ),
        (
            "conveyance to A&E",
            vehicle,
            "conveyed_ae",
            "outcome_recorded",
            costs.ae_conveyance,
        ),
        (
            "police needed",
            vehicle,
            "police_needed",
            "outcome_recorded",
            costs.police_attendance,
        ),
    ):
        before, after = split(frame)
        b_events, b_base = int(before[events].sum()), int(before[base].sum())
        a_events, a_base = int(after[events].sum()), int(after[base].sum())
        b_rate = b_events / b_base if b_base else None
        a_rate = a_events / a_base if a_base else None
        avoided = (b_rate * a_base - a_events) if b_rate is not None else None
        measures.append(
            {
                "measure": name,
                "before": {"events": b_events, "of": b_base, "rate": b_rate},
                "after": {"events": a_events, "of": a_base, "rate": a_rate},
                "relative_change": (a_rate / b_rate - 1) if b_rate and a_rate is not None else None,
                "events_avoided": avoided,
                "unit_cost": cost,
                "estimated_saving": avoided * cost if avoided is not None else None,
            }
        )
    return {
        "change_date": change.isoformat(),
        "measures": measures,
        "assumptions": [
            "The rate before the change would have held after it without the change.",
            "Each event avoided saves its unit cost; unit costs are set locally "
            f"(A&E conveyance £{costs.ae_conveyance:,.0f}, admission £{costs.admission:,.0f}, "
            f"police attendance £{costs.police_attendance:,.0f}).",
            "Nothing else changed at the same time (no comparison group is used).",
        ],
    }


class PopulationError(ValueError):
    pass


def read_population(path: str) -> pd.DataFrame:
    """The local population by dimension and category (CSV: dimension, category, people).

    Every dimension must add up to the same total, with no negative or missing counts
    and no category given twice; otherwise the table is refused, naming what is wrong.
    """
    try:
        table = pd.read_csv(path, dtype={"dimension": str, "category": str})
    except (OSError, ValueError) as error:
        raise PopulationError(f"{path}: cannot be read ({error})") from error
    missing = {"dimension", "category", "people"} - set(table.columns)
    if missing:
        raise PopulationError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    people = pd.to_numeric(table["people"], errors="coerce")
    bad = table[people.isna() | (people < 0)]
    if len(bad):
        raise PopulationError(
            f"{path}: people must be a whole number of 0 or more ({len(bad)} rows, "
            f"first at line {int(bad.index[0]) + 2})"
        )
    table["people"] = people.astype(int)
    repeated = table.duplicated(["dimension", "category"])
    if repeated.any():
        raise PopulationError(f"{path}: {int(repeated.sum())} categories given twice")
    totals = table.groupby("dimension")["people"].sum()
    if totals.nunique() > 1:
        listed = ", ".join(f"{d} {n:,}" for d, n in totals.items())
        raise PopulationError(f"{path}: the dimensions do not add up to the same total ({listed})")
    return table


def reach_against(
    reach: pd.DataFrame, population: pd.DataFrame, group: str = "member"
) -> list[dict[str, Any]]:
    """Each category's share of the group and of the population, their ratio and gap."""
    ours = reach[(reach["group"] == group) & reach["category"].notna()]
    rows = []
    for dimension, local in population.groupby("dimension"):
        mine = ours[ours["dimension"] == dimension]
        total_ours = int(mine["people"].sum())
        total_pop = int(local["people"].sum())
        if total_ours == 0:
            continue  # not recorded for this group (e.g. contributors' ethnicity)
        for category, people in zip(local["category"], local["people"], strict=True):
            count = int(mine.loc[mine["category"] == category, "people"].sum())
            share_ours = count / total_ours if total_ours else None
            share_pop = people / total_pop if total_pop else None
            rows.append(
                {
                    "dimension": dimension,
                    "category": category,
                    "people": count,
                    "of": total_ours,
                    "share": share_ours,
                    "population_share": share_pop,
                    "ratio": share_ours / share_pop
                    if share_ours is not None and share_pop
                    else None,
                    "gap": share_ours - share_pop
                    if share_ours is not None and share_pop is not None
                    else None,
                }
            )
    return rows


@dataclass(frozen=True)
class FirstResponseCosts:
    """The cost model of the First Response line and the Sanctuary: each figure an
    assumption, stated with the figures and set locally (``coproduce evaluate``'s
    ``--first-response-*`` options). Illustrative defaults."""

    # Of the calls and visits that ended without A&E, police or admission, the share that
    # would otherwise have gone to A&E, and the share that would have been admitted.
    otherwise_ae: float = 0.26
    otherwise_admitted: float = 0.05
    ae_attendance: float = UnitCosts.ae_conveyance
    admission: float = UnitCosts.admission
    line_per_year: float = 500_000.0
    sanctuary_per_year: float = 400_000.0

    # Where each figure set locally comes from (name, in the person's words), shown in
    # place of the illustrative default's source (``evidence.services``).
    sources: tuple[tuple[str, str], ...] = ()

    def _source(self, names: tuple[str, ...], illustrative: str) -> str:
        said = [because for name, because in self.sources if name in names]
        return f"Set locally: {'; '.join(dict.fromkeys(said))}." if said else illustrative

    def assumptions(self, days: int) -> list[str]:
        return [
            f"Of the calls and visits that ended without A&E, police or admission, "
            f"{self.otherwise_ae:.0%} would otherwise have gone to A&E. "
            + self._source(
                ("otherwise_ae",),
                "Illustrative: it echoes the 26% fall in A&E visits that Cambridgeshire "
                "and Peterborough's First Response Service reported (seed 001); set it from "
                "a local audit of what callers and guests say they would have done.",
            ),
            f"Of the same calls and visits, {self.otherwise_admitted:.0%} would otherwise "
            "have led to an admission. "
            + self._source(
                ("otherwise_admitted",),
                "Illustrative: the same service reported 19% fewer mental health "
                "admissions, which is not a share of calls; set it locally.",
            ),
            f"An A&E attendance costs £{self.ae_attendance:,.0f} and an admission "
            f"£{self.admission:,.0f}. "
            + self._source(
                ("ae_attendance", "admission"),
                "The unit costs the outcomes' cost model uses, set locally from the "
                "trust's reference costs.",
            ),
            f"Running the line costs £{self.line_per_year:,.0f} a year and the Sanctuary "
            f"£{self.sanctuary_per_year:,.0f} a year, counted for the {days:,} days the "
            "figures cover. "
            + self._source(
                ("line_per_year", "sanctuary_per_year"),
                "Illustrative: set them to the services' budgets.",
            ),
            "Counts are the published ones (rounded to the nearest 5, small ones not "
            "shown); no comparison group is used, so the saving is an estimate, not a "
            "measurement.",
        ]
