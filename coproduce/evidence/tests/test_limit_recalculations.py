"""A person sets where a chart's limits start afresh, with the reason; the charts and the
page follow it; bad input is refused with what is wrong and nothing saved."""

import datetime as dt
import html

import pytest
from django.core.cache import cache
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.evidence import services
from coproduce.evidence.models import LimitBaseline, LimitRecalculation
from coproduce.tooling.testing.factories import UserFactory, sent_once
from coproduce.tooling.testing.html import template_macros

LAST_YEAR = timezone.localdate().year - 1


def setting(**fields):
    return sent_once(
        {"chart": "distinct_staff", "month": f"3/{LAST_YEAR}", "reason": "Lead practitioners"}
        | fields
    )


def test_an_analyst_sets_a_recalculation_and_it_is_audited(client, analyst):
    client.force_login(analyst)
    data = setting(reason="  Lead practitioner   model in every team ")
    response = client.post("/evidence/limits", data)
    assert response.status_code == 302
    response = client.post("/evidence/limits", data)  # posted again: taken once
    saved = LimitRecalculation.objects.get()
    assert (saved.chart, saved.month, saved.reason, saved.set_by) == (
        "distinct_staff",
        dt.date(LAST_YEAR, 3, 1),
        "Lead practitioner model in every team",
        analyst,
    )
    event = AuditEvent.objects.get(record_type="evidence.limitrecalculation")
    assert (event.actor, event.action) == (analyst, AuditEvent.Action.CREATED)
    page = client.get("/evidence/limits").content.decode()
    assert "Lead practitioner model in every team" in page
    assert f"March {LAST_YEAR}" in page
    assert services.recalculations()["distinct_staff"][0].reason == saved.reason


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"month": "13/2025"}, "Enter the month as month/year, like 3/2026"),
        ({"month": "March"}, "Enter the month as month/year, like 3/2026"),
        ({"month": ""}, "Enter the month the new limits start from"),
        ({"month": f"1/{timezone.localdate().year + 1}"}, "The month cannot be in the future"),
        ({"reason": "   "}, "Say what changed in the service from that month"),
        ({"reason": "x" * 301}, "The reason must be 300 characters or fewer"),
        ({"chart": "made_up"}, "Select chart from the list"),
        # Reasons that show nothing (found by a fresh-eyes trial: each was saved, blank).
        ({"reason": "\u200b\u200b\u200b"}, "Say what changed in the service from that month"),
        ({"reason": "\u00a0\u3000\u2028\ufeff"}, "Say what changed in the service"),
        ({"reason": "\u0301\u0301"}, "in words"),
    ],
)
def test_bad_input_is_refused_saying_what_is_wrong(client, analyst, fields, message):
    client.force_login(analyst)
    response = client.post("/evidence/limits", setting(**fields))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LimitRecalculation.objects.exists()


def test_the_same_month_twice_for_a_chart_is_refused(client, db):
    client.force_login(UserFactory(role=Role.TEAM_LEADER))
    client.post("/evidence/limits", setting())
    response = client.post("/evidence/limits", setting(reason="Another"))
    assert "already recalculated from that month" in response.content.decode()
    assert LimitRecalculation.objects.count() == 1


def test_removing_one_is_audited_and_the_figures_are_worked_out_again(
    client, analyst, django_capture_on_commit_callbacks
):
    client.force_login(analyst)
    client.post("/evidence/limits", setting())
    cache.set(services.CACHE_KEY, {"worked_out": "before"})
    saved = LimitRecalculation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/evidence/limits/{saved.pk}/remove")
    assert not LimitRecalculation.objects.exists()
    assert cache.get(services.CACHE_KEY) is None
    removed = AuditEvent.objects.filter(
        record_type="evidence.limitrecalculation", action=AuditEvent.Action.CHANGED
    ).get()
    assert removed.detail.startswith("removed:")


def test_only_analysts_and_team_leaders_may(client, le_lead):
    for user in (UserFactory(role=Role.PRACTITIONER), le_lead):
        client.force_login(user)
        assert client.get("/evidence/limits").status_code == 403
        assert client.post("/evidence/limits", setting()).status_code == 403
    assert not LimitRecalculation.objects.exists()


def test_the_month_of_the_trusts_declared_change_is_refused(client, analyst, settings):
    # Found by the fresh-eyes trial: it was saved, a second recalculation at the same point.
    settings.EVIDENCE_CHANGE_DATE = f"{LAST_YEAR}-03-01"
    client.force_login(analyst)
    response = client.post("/evidence/limits", setting())
    assert response.status_code == 400
    assert f"already start afresh from March {LAST_YEAR}" in response.content.decode()
    assert "declared change. Choose another month" in response.content.decode()
    assert not LimitRecalculation.objects.exists()


def test_a_month_at_or_before_the_charts_first_is_refused(client, analyst):
    # Found by the fresh-eyes trial: a month before any figures was saved, and did nothing.
    first = f"{LAST_YEAR}-06-01"
    cache.set(services.CACHE_KEY, {"spc": {"distinct_staff": {"points": [{"month": first}]}}})
    client.force_login(analyst)
    for month in (f"3/{LAST_YEAR}", f"6/{LAST_YEAR}"):
        response = client.post("/evidence/limits", setting(month=month))
        assert response.status_code == 400
        assert f"The chart begins in June {LAST_YEAR}" in response.content.decode()
    assert not LimitRecalculation.objects.exists()
    assert client.post("/evidence/limits", setting(month=f"7/{LAST_YEAR}")).status_code == 302


def test_removing_asks_first_and_a_link_alone_removes_nothing(client, analyst):
    client.force_login(analyst)
    client.post("/evidence/limits", setting(reason="Lead practitioners in every team"))
    saved = LimitRecalculation.objects.get()
    page = client.get("/evidence/limits").content.decode()
    assert f'href="/evidence/limits/{saved.pk}/remove"' in page
    asked = client.get(f"/evidence/limits/{saved.pk}/remove")
    assert asked.status_code == 200
    assert f"Remove the recalculation from March {LAST_YEAR}?" in asked.content.decode()
    assert "Lead practitioners in every team" in asked.content.decode()
    assert LimitRecalculation.objects.exists()


def test_a_chart_is_fixed_after_a_baseline_audited_and_the_chart_follows(client, analyst):
    client.force_login(analyst)
    for months, message in (
        ("4", "A baseline needs at least 5 months"),
        ("61", "at most 60 months"),
        ("twelve", "Enter the number of months as a whole number"),
        ("", "Enter how many months the baseline has"),
    ):
        response = client.post(
            "/evidence/limits/baseline",
            {"baseline-chart": "experience_good", "baseline-months": months},
        )
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not LimitBaseline.objects.exists()
    data = {"baseline-chart": "experience_good", "baseline-months": "12"}
    assert client.post("/evidence/limits/baseline", data).status_code == 302
    data["baseline-months"] = "18"  # set again: replaces it
    assert client.post("/evidence/limits/baseline", data).status_code == 302
    assert services.baselines() == {"experience_good": 18}
    actions = list(
        AuditEvent.objects.filter(record_type="evidence.limitbaseline")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [AuditEvent.Action.CREATED, AuditEvent.Action.CHANGED]
    page = client.get("/evidence/limits").content.decode()
    assert "fixed after 18 months" in page
    assert 'id="id_baseline-chart' in page
    client.post(f"/evidence/limits/baseline/{LimitBaseline.objects.get().pk}/remove")
    assert not LimitBaseline.objects.exists()


def test_a_baseline_fixes_the_limits_on_its_first_months():
    from coproduce.evidence.charts import spc_chart
    from coproduce.evidence.evaluate import spc_charts
    from coproduce.lib.disclosure import Rules

    from .test_spc import _monthly_results

    months = [dt.date(2025, m, 1) for m in range(1, 13)] + [
        dt.date(2026, m, 1) for m in range(1, 7)
    ]
    positive = [60, 62, 61, 63, 60, 62, 61, 60, 62, 63, 61, 62, 70, 71, 72, 73, 74, 75]
    results = _monthly_results(months, positive, [100] * 18)
    moving = spc_charts(results, rules=Rules(), run_length=7, change_at=None)["experience_good"]
    fixed = spc_charts(
        results, rules=Rules(), run_length=7, change_at=None, fix_after={"experience_good": 12}
    )["experience_good"]
    # Fixed on the first year (60 to 65 after rounding to 5), the rise in 2026 is beyond
    # the limits; with every month in the limits it pulls the mean up with it.
    assert fixed["points"][0]["mean"] < moving["points"][0]["mean"]
    assert all(p["special"] for p in fixed["points"][12:])
    drawn = spc_chart("Experience", fixed, percent=True)
    assert "The limits are fixed on the first 12 months (the baseline)" in drawn.description


def test_the_trusts_declared_change_is_listed_with_the_recalculations(client, analyst, settings):
    # Found by the fresh-eyes trial of issue 20: the page said "None yet" while every
    # chart said its limits were recalculated at the declared change.
    settings.EVIDENCE_CHANGE_DATE = f"{LAST_YEAR}-03-01"
    client.force_login(analyst)
    page = client.get("/evidence/limits").content.decode()
    assert f"The trust's declared change: every chart, from March {LAST_YEAR}." in page
    # Who sets it, in words (the trial read a settings variable's name as jargon).
    assert "Your administrator sets it in the service's settings, not on this page." in page
    assert "None yet" not in page
    assert "No chart has a recalculation of its own." in page


def test_a_chart_fixed_after_a_baseline_says_so_under_it():
    from coproduce.evidence.evaluate import spc_charts
    from coproduce.lib.disclosure import Rules

    from .test_spc import _monthly_results

    months = [dt.date(2025, m, 1) for m in range(1, 13)] + [dt.date(2026, 1, 1)]
    results = _monthly_results(months, [60 + m % 3 for m in range(13)], [100] * 13)
    macros = template_macros("evidence/macros.jinja")
    for fix_after, said in (
        (12, "The limits are fixed on the first 12 months (the baseline); later months are"),
        (18, "The limits are trial limits, from 13 months: they are worked out again each "),
    ):
        chart = spc_charts(
            results,
            rules=Rules(),
            run_length=7,
            change_at=None,
            fix_after={"experience_good": fix_after},
        )["experience_good"]
        assert said in str(macros.icons(chart))


def test_a_change_that_began_partway_through_a_month_starts_the_limits_the_month_after(
    client, analyst, settings
):
    # Found by the fresh-eyes trial of issue 20: a change on 17 March started the limits
    # at April (a month's point is all before or all after), but the page said March.
    from coproduce.evidence.evaluate import spc_charts
    from coproduce.lib.disclosure import Rules

    from .test_spc import _monthly_results

    months = [dt.date(2025, m, 1) for m in range(1, 13)]
    results = _monthly_results(months, [60 + m % 3 for m in range(12)], [100] * 12)
    chart = spc_charts(results, rules=Rules(), run_length=7, change_at=dt.date(2025, 6, 17))[
        "experience_good"
    ]
    [recalculation] = chart["recalculations"]
    assert recalculation["month"] == "2025-07-01"
    assert recalculation["began"] == "2025-06-17"
    assert chart["months_in_limits"] == 6  # July to December
    said = str(template_macros("evidence/macros.jinja").icons(chart))
    assert (
        "Limits recalculated from July 2025 (the first whole month after the change, which "
        "began on 17 June 2025)"
    ) in said

    settings.EVIDENCE_CHANGE_DATE = f"{LAST_YEAR}-03-17"
    client.force_login(analyst)
    page = client.get("/evidence/limits").content.decode()
    assert (
        f"every chart, from April {LAST_YEAR} (the first whole month after the change, "
        f"which began on 17 March {LAST_YEAR})."
    ) in page
    # So April, not March, is the month a chart's own recalculation may not repeat.
    refused = client.post("/evidence/limits", setting(month=f"4/{LAST_YEAR}"))
    assert refused.status_code == 400
    assert f"already start afresh from April {LAST_YEAR}" in refused.content.decode()


def test_a_recalculation_too_close_to_another_start_is_refused(client, analyst, settings):
    # Found by the third fresh-eyes trial of issue 20: one set a month before the trust's
    # declared change left that change "not recalculated yet" on the chart, while the
    # limits page said it applied to every chart.
    settings.EVIDENCE_CHANGE_DATE = f"{LAST_YEAR}-03-01"
    client.force_login(analyst)
    refused = client.post("/evidence/limits", setting(month=f"2/{LAST_YEAR}"))
    assert refused.status_code == 400
    assert (
        f"That is 1 month from March {LAST_YEAR}, when the trust's declared change starts the "
        "limits afresh: limits need at least 5 months between one start and the next."
    ) in html.unescape(refused.content.decode())
    assert client.post("/evidence/limits", setting(month=f"8/{LAST_YEAR}")).status_code == 302
    again = client.post("/evidence/limits", setting(month=f"11/{LAST_YEAR}"))
    assert "3 months from August" in again.content.decode()
    assert list(LimitRecalculation.objects.values_list("month", flat=True)) == [
        dt.date(LAST_YEAR, 8, 1)
    ]


def test_trial_limits_are_said_under_the_chart_and_a_long_reason_wraps():
    # Found by the third fresh-eyes trial of issue 20: "trial limits" was only in the
    # chart's description for screen readers, and a reason of one long word widened the
    # page to 2,837 px at 390.
    from coproduce.evidence.evaluate import Recalculation, spc_charts
    from coproduce.lib.disclosure import Rules

    from .test_spc import _monthly_results

    months = [dt.date(2025, m, 1) for m in range(1, 13)] + [dt.date(2026, 1, 1)]
    results = _monthly_results(months, [60 + m % 3 for m in range(13)], [100] * 13)
    chart = spc_charts(
        results,
        rules=Rules(),
        run_length=7,
        change_at=None,
        recalculations={"experience_good": [Recalculation(dt.date(2025, 6, 1), "A" * 300)]},
    )["experience_good"]
    said = str(template_macros("evidence/macros.jinja").icons(chart))
    assert "The limits are trial limits, from 8 months" in said
    assert '<ul class="nhsuk-body-s coproduce-long-words">' in said
