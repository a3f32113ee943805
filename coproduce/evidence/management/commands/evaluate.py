"""``coproduce evaluate --extract DIR [--backend duckdb|pyspark] --out metrics.json``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.evidence.analysis import (
    FirstResponseCosts,
    PopulationError,
    UnitCosts,
    read_population,
)
from coproduce.evidence.evaluate import evaluate
from coproduce.evidence.services import declared_change_date
from coproduce.evidence.tables import ExtractError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"{text!r} is not a date: write it as YYYY-MM-DD") from error


class Command(BaseCommand):
    help = (
        "Evaluate an analytics extract: every metric by team and month, SPC charts, time on "
        "caseload models, before and after a change, reach; small numbers suppressed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--extract", type=Path, required=True)
        parser.add_argument("--backend", choices=["duckdb", "pyspark"], default="duckdb")
        parser.add_argument("--out", type=Path, required=True, help="the metrics JSON to write")
        parser.add_argument(
            "--change-date",
            help="a declared change (YYYY-MM-DD): before/after and SPC recalculation; by "
            "default the trust's (COPRODUCE_EVIDENCE_CHANGE_DATE), as on the page, unless "
            "--ignore-saved-limits",
        )
        parser.add_argument("--population", help="local population CSV: dimension,category,people")
        parser.add_argument("--as-of", help="the day actions are counted overdue at (YYYY-MM-DD)")
        parser.add_argument("--cost-ae", type=float, default=UnitCosts.ae_conveyance)
        parser.add_argument("--cost-admission", type=float, default=UnitCosts.admission)
        parser.add_argument("--cost-police", type=float, default=UnitCosts.police_attendance)
        first = FirstResponseCosts
        parser.add_argument(
            "--first-response-otherwise-ae",
            type=float,
            default=first.otherwise_ae,
            help="share (0 to 1) of calls and visits ending without A&E, police or "
            "admission that would otherwise have gone to A&E",
        )
        parser.add_argument(
            "--first-response-otherwise-admitted",
            type=float,
            default=first.otherwise_admitted,
            help="share (0 to 1) of them that would otherwise have been admitted",
        )
        parser.add_argument(
            "--first-response-line-per-year",
            type=float,
            default=first.line_per_year,
            help="what the First Response line costs to run a year, in pounds",
        )
        parser.add_argument(
            "--first-response-sanctuary-per-year",
            type=float,
            default=first.sanctuary_per_year,
            help="what the Sanctuary costs to run a year, in pounds",
        )
        parser.add_argument(
            "--no-models", action="store_true", help="skip the survival and regression models"
        )
        parser.add_argument(
            "--ignore-saved-limits",
            action="store_true",
            help="leave out the charts' recalculations and baselines people set in the app "
            "(Evidence > Recalculate a chart's limits); by default they apply, as on the page",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for share in ("otherwise_ae", "otherwise_admitted"):
            if not 0 <= options[f"first_response_{share}"] <= 1:
                option = f"--first-response-{share.replace('_', '-')}"
                raise CommandError(f"Refused: {option} is a share, from 0 to 1")
        for cost in ("line_per_year", "sanctuary_per_year"):
            if options[f"first_response_{cost}"] < 0:
                option = f"--first-response-{cost.replace('_', '-')}"
                raise CommandError(f"Refused: {option} is a cost in pounds, 0 or more")
        population = None
        if options["population"]:
            try:
                population = read_population(options["population"])
            except PopulationError as error:
                raise CommandError(f"Refused: {error}") from error
        try:
            result = evaluate(
                options["extract"],
                backend=options["backend"],
                change_date=_date(options["change_date"])
                if options["change_date"]
                else None
                if options["ignore_saved_limits"]
                else declared_change_date(),
                costs=UnitCosts(
                    options["cost_ae"], options["cost_admission"], options["cost_police"]
                ),
                first_response_costs=FirstResponseCosts(
                    otherwise_ae=options["first_response_otherwise_ae"],
                    otherwise_admitted=options["first_response_otherwise_admitted"],
                    ae_attendance=options["cost_ae"],
                    admission=options["cost_admission"],
                    line_per_year=options["first_response_line_per_year"],
                    sanctuary_per_year=options["first_response_sanctuary_per_year"],
                ),
                population=population,
                as_of=_date(options["as_of"]) if options["as_of"] else None,
                run_length=settings.SPC_RUN_LENGTH,
                models=not options["no_models"],
                **({} if options["ignore_saved_limits"] else self._saved_limits()),
            )
        except ExtractError as error:
            lines = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(
                f"Refused: the extract in {options['extract']} would give wrong figures.\n{lines}"
            ) from error
        options["out"].write_text(json.dumps(result, indent=1, default=str))
        self.stdout.write(f"Wrote {options['out']} ({options['backend']}).")

    def _saved_limits(self) -> dict[str, Any]:
        """The recalculations and baselines set in the app, so the file agrees with the
        page; none where this database has no evidence tables yet (said so)."""
        from django.db import DatabaseError

        from coproduce.evidence import services

        try:
            return {"recalculations": services.recalculations(), "fix_after": services.baselines()}
        except DatabaseError:
            self.stderr.write(
                "No saved recalculations or baselines: this database has no evidence tables "
                "(run coproduce migrate); charts use the declared change date only."
            )
            return {}
