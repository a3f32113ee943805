"""The evidence pages: does the service work? Figures for the whole trust by month,
with disclosure control applied, each chart beside its table and a CSV download."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from markupsafe import Markup

from coproduce.accounts.policy import Capability, can, requires
from coproduce.evidence import charts, dashboard, firstresponse_pages, services, spc
from coproduce.evidence.forms import BaselineForm, CostAssumptionsForm, RecalculationForm
from coproduce.evidence.models import CostAssumption, LimitBaseline, LimitRecalculation
from coproduce.evidence.services import trust_evaluation
from coproduce.evidence.tables import URGENCY_TARGET_HOURS
from coproduce.web.views.care import add_errors
from coproduce.web.views.render import (
    page,
    posted,
    signed_in_user,
    submission_token,
    tagged_pdf,
)

MONTHS_SHOWN = 12
PAGE_CACHE_KEY = "evidence:page"


SPC_CHARTS = {
    # context name: (evaluation's chart, title, as a percentage)
    "experience": ("experience_good", "Experience rated good or very good, by month", True),
    "continuity": ("distinct_staff", "Distinct staff per episode (mean), by month", False),
    "response": (
        "very_urgent_seen_in_4_hours",
        f"Very urgent referrals seen within {URGENCY_TARGET_HOURS['very_urgent']} hours, by month",
        True,
    ),
}


def _context(evaluation: dict[str, Any]) -> dict[str, Any]:
    spc = evaluation["spc"]
    survival = evaluation.get("time_on_caseload", {})
    context: dict[str, Any] = {}
    for name, (key, title, percent) in SPC_CHARTS.items():
        found = spc.get(key)
        target = dashboard.target_words(key, found.get("target")) if found else ""
        context[f"{name}_spc"] = {**found, "target_words": target} if found else None
        context[f"{name}_chart"] = (
            charts.spc_chart(title, found, percent=percent, target=target) if found else None
        )
    return {
        **context,
        "not_drawn": {
            name: dashboard.not_drawn_words(evaluation, key)
            for name, (key, _, _) in SPC_CHARTS.items()
        },
        "evaluation": evaluation,
        "survival_chart": (
            charts.survival_chart(
                "Still on the caseload, by days since acceptance", survival["kaplan_meier"]
            )
            if survival.get("kaplan_meier")
            else None
        ),
        "survival": survival,
        "survival_table": dashboard.survival_table(evaluation),
        "tables": {
            name: dashboard.page_table(evaluation, name, last=MONTHS_SHOWN)
            for name in dashboard.TABLES
        },
        "before_after": evaluation.get("before_after"),
        "change_day": (
            dt.date.fromisoformat(evaluation["before_after"]["change_date"])
            if evaluation.get("before_after")
            else None
        ),
        "change_description": settings.EVIDENCE_CHANGE_DESCRIPTION,
        "reach": [
            {
                **row,
                "group_words": dashboard.group_words(row["dimension"], row["category"]),
                "under_represented": dashboard.under_represented(row),
            }
            for row in evaluation.get("reach_against_population") or []
        ],
        "summary": dashboard.board_summary(evaluation),
        "themes": dashboard.THEMES,
        "suppress_at_most": evaluation["disclosure"]["suppress_at_most"],
        "round_to": evaluation["disclosure"]["round_to"],
        "months_shown": MONTHS_SHOWN,
        **firstresponse_pages.context(evaluation),
    }


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def show_evidence(request: HttpRequest) -> HttpResponse:
    """The figures, charts and tables, drawn once for each working-out of the figures and
    kept beside them: the page's content is the same for everyone who may see it."""
    evaluation = trust_evaluation()
    body = _drawn_once(evaluation, "summary", "evidence/evidence_body.jinja", {})
    return page(
        request,
        "evidence/evidence.jinja",
        "Evidence",
        body=body,
        may_recalculate=can(signed_in_user(request), Capability.RECALCULATE_CHART_LIMITS),
    )


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def show_evidence_theme(request: HttpRequest, theme: str) -> HttpResponse:
    """One theme's charts and tables, drawn once for each working-out of the figures."""
    if theme not in dashboard.THEMES:
        raise Http404
    title, question = dashboard.THEMES[theme]
    extra = {"theme": theme, "title": title, "question": question}
    body = _drawn_once(trust_evaluation(), theme, "evidence/theme_body.jinja", extra)
    return page(
        request,
        "evidence/evidence.jinja",
        title,
        body=body,
        may_recalculate=(
            theme in {"experience", "continuity", "response"}
            and can(signed_in_user(request), Capability.RECALCULATE_CHART_LIMITS)
        ),
        may_set_costs=(
            theme == firstresponse_pages.THEME
            and can(signed_in_user(request), Capability.RECALCULATE_CHART_LIMITS)
        ),
    )


def _drawn_once(
    evaluation: dict[str, Any], part: str, template: str, extra: dict[str, Any]
) -> Markup:
    """A page's content, the same for everyone who may see it, drawn once for each
    working-out of the figures and kept beside them."""
    key = f"{PAGE_CACHE_KEY}:{part}:{evaluation['worked_out_at'].isoformat()}"
    body = cache.get(key)
    if body is None:
        body = render_to_string(template, {**_context(evaluation), **extra})
        cache.set(key, body, settings.EVIDENCE_CACHE_SECONDS)
    return Markup(body)  # noqa: S704 - our template's output


@requires(Capability.RECALCULATE_CHART_LIMITS)
@require_http_methods(["GET", "POST"])
def chart_limits(request: HttpRequest) -> HttpResponse:
    """Where each chart's limits are worked out afresh, and why; and setting a new one."""
    form = RecalculationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.recalculate_limits(
                signed_in_user(request), **form.cleaned_data, submission=submission_token(request)
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Saved. The chart's limits start afresh from that month.")
            return redirect("chart_limits")
    return _limits_page(request, form, BaselineForm())


def _limits_page(
    request: HttpRequest, form: RecalculationForm, baseline_form: BaselineForm
) -> HttpResponse:
    declared = services.declared_change_date()
    return page(
        request,
        "evidence/limits.jinja",
        "Recalculate a chart's limits",
        form=form,
        baseline_form=baseline_form,
        summary_form=form if form.is_bound else baseline_form,
        recalculations=LimitRecalculation.objects.select_related("set_by"),
        declared_change=declared,
        declared_change_starts=declared and spc.first_whole_month(declared),
        declared_by_setting=bool(settings.EVIDENCE_CHANGE_DATE),
        baselines=LimitBaseline.objects.select_related("set_by"),
    )


@requires(Capability.RECALCULATE_CHART_LIMITS)
@require_http_methods(["POST"])
def fix_chart_limits(request: HttpRequest) -> HttpResponse:
    """A chart's limits fixed after a baseline of months; set again, it replaces it."""
    form = BaselineForm(posted(request))
    if form.is_valid():
        services.fix_limits_after(signed_in_user(request), **form.cleaned_data)
        messages.success(request, "Saved. The chart's limits are fixed after that many months.")
        return redirect("chart_limits")
    return _limits_page(request, RecalculationForm(), form)


@requires(Capability.RECALCULATE_CHART_LIMITS)
@require_http_methods(["POST"])
def remove_chart_baseline(request: HttpRequest, baseline_id: int) -> HttpResponse:
    baseline = get_object_or_404(LimitBaseline, pk=baseline_id)
    services.remove_baseline(signed_in_user(request), baseline)
    messages.success(request, f"Removed: {baseline}. Its limits use every month again.")
    return redirect("chart_limits")


@requires(Capability.RECALCULATE_CHART_LIMITS)
@require_http_methods(["GET", "POST"])
def remove_chart_limits(request: HttpRequest, recalculation_id: int) -> HttpResponse:
    """Asked again before it is done: the chart's story changes with it."""
    recalculation = get_object_or_404(LimitRecalculation, pk=recalculation_id)
    if request.method == "GET":
        return page(
            request,
            "evidence/remove_limits.jinja",
            f"Remove the recalculation: {recalculation}",
            recalculation=recalculation,
        )
    services.remove_recalculation(signed_in_user(request), recalculation)
    messages.success(request, f"Removed: {recalculation}. Its limits run on across that month.")
    return redirect("chart_limits")


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def evidence_csv(request: HttpRequest, name: str) -> HttpResponse:
    evaluation = trust_evaluation()
    if name == "survival":
        text = dashboard.survival_csv(evaluation)
    elif name == "reach":
        text = dashboard.reach_csv(evaluation)
    elif name == "outcomes":
        text = dashboard.outcomes_csv(evaluation)
    elif name in dashboard.TABLES:
        text = dashboard.csv_text(evaluation, name)
    elif name in firstresponse_pages.CSV_NAMES:
        text = firstresponse_pages.csv_text(evaluation, name)
    else:
        text = None
    if text is None:
        raise Http404
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="evidence-{name}.csv"'
    return response


def _with_change() -> dict[str, Any]:
    evaluation = trust_evaluation()
    if not evaluation.get("before_after"):
        raise Http404("No change has been declared to evaluate.")
    return evaluation


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def change_report(request: HttpRequest) -> HttpResponse:
    context = _context(_with_change())
    return page(request, "evidence/change_report.jinja", "Evaluation of a change", **context)


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def change_report_pdf(request: HttpRequest) -> HttpResponse:
    """The same one-page report as a tagged PDF (PDF/UA-1), by WeasyPrint."""
    evaluation = _with_change()
    change = evaluation["before_after"]["change_date"]
    return tagged_pdf(
        request,
        "evidence/change_report_print.jinja",
        _context(evaluation),
        f"evaluation-of-change-{change}.pdf",
    )


@requires(Capability.RECALCULATE_CHART_LIMITS)
@require_http_methods(["GET", "POST"])
def first_response_costs(request: HttpRequest) -> HttpResponse:
    """The First Response cost model's assumptions, set with where they come from; each
    change kept, and the evidence worked out again with them."""
    form = CostAssumptionsForm(
        posted(request), initial=CostAssumptionsForm.initial_for(services.first_response_costs())
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_cost_assumptions(
                signed_in_user(request), form.values(), form.cleaned_data["because"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Saved. The cost model uses the new figures.")
            return redirect(reverse("show_evidence_theme", args=["first-response"]) + "#cost")
    return page(
        request,
        "evidence/first_response_costs.jinja",
        "The First Response cost model's assumptions",
        form=form,
        history=CostAssumption.objects.select_related("set_by")[:50],
    )
