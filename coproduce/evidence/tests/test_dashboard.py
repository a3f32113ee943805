"""The evidence pages on a trust with two years of synthetic history: charts beside
tables and CSVs, no small number anywhere, the change report as a page and a PDF."""

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest
from django.core.cache import cache

from coproduce.evidence import services
from coproduce.evidence.dashboard import board_summary
from coproduce.tooling.testing.html import table_rows, template_macros
from coproduce.tooling.testing.pdf import assert_tagged_pdf
from coproduce.web.jinja import format_datetime


def numbers_in(rows):
    """Every whole number shown in a table cell (not dates, not decimals or percentages)."""
    found = []
    for row in rows:
        for cell in row:
            if re.fullmatch(r"[\d,]+", cell):
                found.append(int(cell.replace(",", "")))
    return found


def test_the_dashboard_shows_every_panel_without_a_small_number(client, analyst, history):
    assert history["episodes"] > 1000
    client.force_login(analyst)
    response = client.get("/evidence")
    assert response.status_code == 200
    summary = response.content.decode()
    pages = [summary]
    for theme, heading in [
        ("experience", "Experience"),
        ("continuity", "Continuity of care"),
        ("caseload", "Time on caseload"),
        ("response", "Response times"),
        ("outcomes", "Outcomes and the change we made"),
        ("coproduction", "Co-production health"),
        ("reach", "Reach"),
        ("first-response", "The First Response line and the Sanctuary"),
    ]:
        assert f'href="/evidence/{theme}">{heading}</a>' in summary  # the summary's card
        themed = client.get(f"/evidence/{theme}")
        assert themed.status_code == 200
        assert f"<h1>{heading}</h1>" in themed.content.decode()
        pages.append(themed.content.decode())
    assert client.get("/evidence/nothing-here").status_code == 404
    page = "".join(pages)
    # Each chart has a title and a description, and a table and CSV beside it.
    assert page.count('role="img"') >= 3
    assert "Process limits (upper and lower)" in page  # one key for the two limit lines
    assert "Upper process limit" not in page
    assert "hazard ratio of 0." in page  # more staff, slower discharge: the planted effect
    assert "Before and from" in page
    rows = table_rows(page)
    counts = numbers_in(rows)
    assert counts, "the tables show counts"
    assert not [n for n in counts if 1 <= n <= 7]
    assert all(n % 5 == 0 for n in counts)


def test_each_table_downloads_as_csv_with_hidden_figures_left_empty(client, analyst, history):
    client.force_login(analyst)
    response = client.get("/evidence/experience.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Month",
        "Channel",
        "Answers",
        "Good or very good (share, 0 to 1)",
        "Provisional (figures will change)",
    ]
    # Channels in the page's words, not the extract's codes (found by the third trial).
    channels = {r[1] for r in rows[1:]}
    assert not channels & {"fft_import", "sms", "web"}, channels
    # Each month's total follows its cells: the sum of the cells as published (found by
    # the third trial: totals did not add up), and the month still going on is marked.
    months: dict[str, list[list[str]]] = {}
    for r in rows[1:]:
        months.setdefault(r[0], []).append(r)
    for month, found in months.items():
        *cells, total = found
        assert total[1] == "All channels", month
        if all(c[2] for c in cells) and total[2]:
            assert int(total[2]) == sum(int(c[2]) for c in cells), month
    assert {r[4] for r in rows[1:]} == {"Yes", "No"}
    assert [r[0] for r in rows[1:] if r[4] == "Yes"] == [max(months)] * len(months[max(months)])
    answers = [int(r[2]) for r in rows[1:] if r[2]]
    assert answers
    assert not [a for a in answers if 1 <= a <= 7]
    survival = client.get("/evidence/survival.csv").content.decode().splitlines()
    assert survival[0] == (
        "day,1,1 (lower 95%),1 (upper 95%),2 to 3,2 to 3 (lower 95%),2 to 3 (upper 95%),"
        "4 or more,4 or more (lower 95%),4 or more (upper 95%)"
    )
    day_28 = survival[29].split(",")
    assert day_28[0] == "28"
    triples = [day_28[i : i + 3] for i in (1, 4, 7) if day_28[i]]
    assert triples
    for value, lower, upper in triples:
        assert float(lower) < float(value) < float(upper)
    assert client.get("/evidence/nothing.csv").status_code == 404
    # The reach and outcomes pages' tables download too (a fresh-eyes trial found 404s).
    outcomes = list(csv.reader(io.StringIO(client.get("/evidence/outcomes.csv").content.decode())))
    assert outcomes[0][:3] == ["Measure", "Rate before", "Of (before)"]
    assert "conveyance to A&E" in [r[0] for r in outcomes[1:]]
    # Those who gave feedback and are on our records, by age against the local people.
    reach = list(csv.reader(io.StringIO(client.get("/evidence/reach.csv").content.decode())))
    assert reach[0][:3] == ["Who", "Group", "People"]
    feedback = [r for r in reach[1:] if r[0] == "People who gave feedback"]
    assert {r[1] for r in feedback} >= {"Age 25 to 34", "Age 65 and over"}
    assert sum(int(r[2]) for r in feedback if r[2]) > 100
    assert not [r for r in feedback if r[2] and 1 <= int(r[2]) <= 7]


def test_the_reach_table_downloads_as_csv_with_hidden_figures_left_empty():
    from coproduce.evidence.dashboard import reach_csv

    row = {"group": "member", "dimension": "age_band", "population_share": 0.12}
    evaluation = {
        "reach_against_population": [
            row
            | {
                "category": "18_24",
                "people": 40,
                "share": 0.2,
                "population_share_of_shown": 0.12,
                "ratio": 1.67,
            },
            row | {"category": "=cmd", "people": None, "share": None, "ratio": None},
        ]
    }
    rows = list(csv.reader(io.StringIO(reach_csv(evaluation))))
    assert rows[0] == [
        "Who",
        "Group",
        "People",
        "Share of them",
        "Share of local people in the groups shown",
        "Share of all local people",
        "Ratio",
    ]
    assert rows[1] == ["Network members", "Age 18 to 24", "40", "0.2", "0.12", "0.12", "1.67"]
    assert rows[2][2:] == ["", "", "", "0.12", ""]
    assert not rows[2][1].startswith("=")


def test_the_change_report_is_a_page_and_a_tagged_pdf(client, analyst, history):
    client.force_login(analyst)
    page = client.get("/evidence/change").content.decode()
    assert "Evaluation of a change" in page
    assert "Admissions within 30 days" in page
    assert "How the savings are estimated" in page
    pdf = client.get("/evidence/change.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert_tagged_pdf(pdf.content)


def test_a_trust_with_too_little_history_says_so(client, analyst):
    client.force_login(analyst)
    page = "".join(
        client.get(f"/evidence/{theme}").content.decode() for theme in ("experience", "caseload")
    )
    assert (
        "Not enough episodes with contacts to draw the curves or estimate the models yet: "
        "needs at least 100." in page
    )
    assert "Error" not in page
    assert "Not enough months of figures yet to draw this chart: it needs at least 4." in page


def test_the_page_drawn_once_follows_each_new_working_out_of_the_figures(client, analyst):
    client.force_login(analyst)
    first = client.get("/evidence").content.decode()
    evaluation = services.trust_evaluation()
    shown = f"worked out on {format_datetime(evaluation['worked_out_at'])}"
    assert shown in first
    assert client.get("/evidence").content.decode().count(shown) == 1  # drawn from the kept page
    # New figures (as after the cache time): the page is drawn again from them.
    earlier = evaluation["worked_out_at"] - dt.timedelta(days=3)
    cache.set(services.CACHE_KEY, {**evaluation, "worked_out_at": earlier})
    again = client.get("/evidence").content.decode()
    assert f"worked out on {format_datetime(earlier)}" in again
    assert shown not in again


@pytest.mark.parametrize(
    "path", ["/evidence", "/evidence/change", "/evidence/experience.csv", "/evidence/change.pdf"]
)
def test_administrators_do_not_see_evidence_and_members_do(
    client, administrator, member, history, path
):
    client.force_login(administrator)
    assert client.get(path).status_code == 403
    client.force_login(member)
    assert client.get(path).status_code == 200


def test_every_published_share_is_worked_out_from_the_published_counts(history):
    """At the demo trust's scale, across every metric: a share tells nothing the rounded
    counts beside it do not, so it cannot be used to recover the exact counts (and from
    them, by subtraction, a hidden neighbour)."""
    from coproduce.evidence.evaluate import SPECS

    evaluation = services.trust_evaluation(refresh=True)
    checked = 0
    for name, spec in SPECS.items():
        for row in evaluation["metrics"][name]:
            for share_name, share in spec.shares.items():
                value = row.get(share_name)
                if value is None:
                    continue
                numerator, denominator = row[share.numerator], row[share.denominator]
                expected = round(numerator / denominator, 4)
                assert value == (round(1 - expected, 4) if share.complement else expected), (
                    name,
                    share_name,
                    row,
                )
                checked += 1
    assert checked > 50
    experience = evaluation["spc"]["experience_good"]["points"]
    assert all(round(p["value"], 4) == p["value"] for p in experience)  # no finer than a share


def test_the_reach_card_names_the_most_under_represented_group_it_may_show():
    def member(category, share, population_share, people=10):
        return {
            "group": "member",
            "dimension": "age_band",
            "category": category,
            "people": people,
            "share": share,
            "population_share": population_share,
            "ratio": None if share is None else share / population_share,
        }

    def card(rows):
        [item] = [
            i for i in board_summary({"reach_against_population": rows}) if i["theme"] == "reach"
        ]
        return item

    rows = [
        member("18_24", 0.05, 0.12),  # ratio 0.42: the most under-represented
        member("25_34", 0.15, 0.18),  # 0.83: not under (four fifths or more)
        member("65_plus", 0.10, 0.22),  # 0.45
        member("35_44", None, 0.17, people=None),  # hidden: not counted either way
        {**member("18_24", 0.01, 0.12), "group": "contributor"},  # not members
    ]
    item = card(rows)
    assert item["figure"] == "2 of 3"
    assert "age 18 to 24: 5% of members, 12% of local people" in item["sentence"]
    assert card([member("25_34", 0.2, 0.18)])["figure"] == "None"
    assert card([])["figure"] == "Not yet"


def _before_after(before: float, after: float) -> dict[str, Any]:
    return {
        "change_date": "2025-12-01",
        "measures": [
            {
                "measure": "conveyance to A&E",
                "before": {"rate": before, "of": 265},
                "after": {"rate": after, "of": 225},
                "relative_change": after / before - 1,
                "estimated_saving": 2800.0,
            }
        ],
    }


def test_the_outcomes_card_says_the_rate_changed_not_the_number():
    # Found by the fresh-eyes trial of issue 20: "12% fewer conveyances" read as a count.
    [item] = [
        i
        for i in board_summary({"before_after": _before_after(0.208, 0.182)})
        if i["theme"] == "outcomes"
    ]
    assert item["figure"] == "12% lower"
    assert item["sentence"].startswith("rate of conveyance to A&E")
    assert "(18.2% of visits with an outcome recorded, against 20.8% before)" in item["sentence"]
    assert "fewer" not in item["figure"] + item["sentence"]


def test_the_before_and_after_table_says_its_change_is_relative():
    macros = template_macros("evidence/macros.jinja")
    report = _before_after(0.208, 0.182) | {"assumptions": []}
    html = str(macros.before_after_table(report, dt.date(2025, 12, 1)))
    assert "Change in the rate" in html
    assert "12% lower (relative)" in html
    assert "down 12%" not in html


def test_the_coproduction_card_says_how_many_months_it_leaves_out():
    def card(thread):
        [item] = [
            i
            for i in board_summary({"metrics": {"thread": thread}})
            if i["theme"] == "coproduction"
        ]
        return item

    month = {"owed_outcome": 20, "told_outcome": 20, "share_told": 1.0}
    hidden = {"owed_outcome": None, "told_outcome": None, "share_told": None}
    told_hidden = {"owed_outcome": 10, "told_outcome": None, "share_told": None}
    none_asked = {"owed_outcome": 0, "told_outcome": 0, "share_told": None}
    item = card([month, hidden, told_hidden, none_asked])
    assert item["figure"] == "100%"
    assert item["sentence"] == (
        "of the people who asked to hear what changed have been told, in the months that "
        "can be shown; 2 months are not shown (too few people to show without identifying "
        "them)."
    )
    assert "1 month is not shown" in card([month, hidden])["sentence"]
    assert card([month])["sentence"] == (
        "of the people who asked to hear what changed have been told."
    )


def test_the_reach_card_reads_as_a_sentence():
    def member(category, share, population_share):
        return {
            "group": "member",
            "dimension": "age_band",
            "category": category,
            "people": 10,
            "share": share,
            "population_share": population_share,
            "ratio": share / population_share,
        }

    def card(rows):
        [item] = [
            i for i in board_summary({"reach_against_population": rows}) if i["theme"] == "reach"
        ]
        return f"{item['figure']} {item['sentence']}"

    two = card([member("18_24", 0.05, 0.12), member("65_plus", 0.1, 0.22), member("25_34", 1, 1)])
    assert two.startswith("2 of 3 groups whose figures may be shown are under-represented")
    one = card([member("18_24", 0.05, 0.12), member("25_34", 1, 1)])
    assert one.startswith("1 of 2 groups whose figures may be shown is under-represented")


def test_the_reach_page_names_the_under_represented_groups_before_its_tables(
    client, analyst, history, settings, tmp_path
):
    # Local people: many more of 65 and over than the synthetic contributors (about 1 in
    # 7), so that group is under-represented among those who gave feedback.
    population = tmp_path / "population.csv"
    population.write_text(
        "dimension,category,people\n"
        + "".join(
            f"age_band,{band},{people}\n"
            for band, people in [
                ("18_24", 1000),
                ("25_34", 1000),
                ("35_44", 1000),
                ("45_54", 1000),
                ("55_64", 1000),
                ("65_plus", 9000),
            ]
        )
    )
    settings.EVIDENCE_POPULATION_CSV = str(population)
    cache.clear()
    client.force_login(analyst)
    page = client.get("/evidence/reach").content.decode()
    summaries = re.findall(r'details__summary-text">([^<]*)<', page)
    [feedback] = [s for s in summaries if s.startswith("People who gave feedback by age")]
    assert re.fullmatch(
        r"People who gave feedback by age: 1 of the 6 groups that can be shown is "
        r"under-represented \(age 65 and over\)",
        feedback,
    )
    # In the table, the group is marked, not only its ratio given.
    table = page[page.index("People who gave feedback by age, against") :]
    row = table[table.index("Age 65 and over") : table.index("</tr>", table.index("Age 65"))]
    assert "Under-<wbr>represented" in row
    assert "How shares and ratios are worked out" in page


def test_the_tables_give_each_months_total_as_the_chart_draws_it(client, analyst, history):
    # Found by the third fresh-eyes trial of issue 20: the experience chart's value for
    # all channels was in no table, and a month's voices in one table (135) did not
    # match the sum of its channels in another (145).
    client.force_login(analyst)
    evaluation = services.trust_evaluation(refresh=True)
    points = {p["month"]: p["value"] for p in evaluation["spc"]["experience_good"]["points"]}
    totals = {r["month"]: r for r in evaluation["totals"]["experience"]}
    assert points
    for month, value in points.items():
        assert totals[month]["share_good"] == value, month
    page = client.get("/evidence/experience").content.decode()
    assert "All channels</th>" in page
    month = max(points)
    total = totals[month]
    assert f"{total['share_good']:.0%} of {total['responses']:,}" in page
    # Months whose figures will change are marked wherever they are shown: the month not
    # over, and (for figures by the month an episode began) months most of whose episodes
    # are still open (found by the fourth trial: only the chart marked them).
    still_open = evaluation["episodes_open_months"]
    assert still_open
    continuity = client.get("/evidence/continuity").content.decode()
    assert "(most episodes still open)" in continuity
    rows = list(csv.reader(io.StringIO(client.get("/evidence/continuity.csv").content.decode())))
    marked = {r[0] for r in rows[1:] if r[-1] == "Yes"}
    assert set(still_open) <= marked
    published = evaluation["metrics"]["continuity"]
    assert all(r["provisional"] == (r["month"] in marked) for r in published)
    voices = {r["month"]: r["voices"] for r in evaluation["totals"]["voices_by_channel"]}
    for row in evaluation["metrics"]["thread"]:
        if row["voices"] is not None:
            assert row["voices"] == voices[row["month"]], row["month"]


def test_a_csv_writes_a_true_zero_as_0_and_a_hidden_figure_as_blank():
    from coproduce.evidence.dashboard import csv_text

    row = {"month": "2026-01-01", "episodes": 40, "closed": 0, "median_days_to_discharge": None}
    evaluation = {
        "metrics": {
            "caseload": [
                row | {"disengagement_rate": 0.0, "admitted_within_30_days_rate": None},
            ]
        }
    }
    rows = list(csv.reader(io.StringIO(csv_text(evaluation, "caseload"))))
    assert rows[0] == [
        "Month",
        "Episodes",
        "Discharged",
        "Median days to discharge",
        "Disengaged (share, 0 to 1)",
        "Admitted within 30 days (share, 0 to 1)",
        "Provisional (figures will change)",
    ]
    assert rows[1] == ["2026-01-01", "40", "0", "", "0.0", "", "No"]


def test_the_theme_pages_say_each_figure_once_and_plainly(client, analyst, history):
    client.force_login(analyst)
    pages = {
        theme: client.get(f"/evidence/{theme}").content.decode()
        for theme in ("experience", "caseload", "response", "outcomes", "reach", "coproduction")
    }
    # The experience target is named the same in the chart's key, its icons and its figure.
    target = "72%, Cambridgeshire and Peterborough&#39;s result"
    assert f"Target: {target}</span>" in pages["experience"]  # the key
    assert f"Target: {target}.</span>" in pages["experience"]  # beside the assurance icon
    assert f"(target: {target})" in pages["experience"]  # the figure's sentence
    assert "> Target</span>" not in pages["experience"]
    # A folded table's summary says what it is once.
    summaries = re.findall(r'summary-text">([^<]*)<', "".join(pages.values()))
    assert "Experience rated good or very good, by month and channel: the figures as a table" in (
        summaries
    )
    assert not [s for s in summaries if s.count(":") > 1]
    assert (
        "Each cell: the share rated good or very good, of the number of answers."
        in (pages["experience"])
    )
    assert "read small months with care" in pages["experience"]
    assert "1 member of staff" in pages["caseload"]
    assert "> 1 staff" not in pages["caseload"]
    # Only pages with monthly tables say how many months their tables show.
    for theme, page in pages.items():
        says = "Tables by month show the last 12 months" in page
        assert says == (theme not in ("outcomes", "reach")), theme
        assert page.count("Not drawn: ") <= 1, theme
    assert (
        "How fast urgent referrals are seen, and how fast the response vehicle arrives."
        in (pages["response"])
    )
    assert "(share not shown)" not in pages["response"]
    assert "Seen within target (share, 0 to 1)" in (
        client.get("/evidence/response.csv").content.decode()
    )
    vehicle = client.get("/evidence/vehicle.csv").content.decode().splitlines()[0]
    assert "Arrived within target (share, 0 to 1)" in vehicle
    assert "Police not needed (share, 0 to 1)" in vehicle
    assert "Police not needed (share)" in pages["response"]  # the page's heading matches


def test_a_charts_month_labels_stay_clear_of_its_lowest_value_label(client, analyst, history):
    # Found by the fresh-eyes trial of issue 20: "50%" touched "Dec 2024" at both widths.
    client.force_login(analyst)
    page = "".join(
        client.get(f"/evidence/{theme}").content.decode() for theme in ("experience", "caseload")
    )
    charts = re.findall(r"<svg viewBox.*?</svg>", page, re.S)
    assert len(charts) >= 2
    for svg in charts:
        lowest = max(
            float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)" text-anchor="end"', svg)
        )
        months = [
            float(y)
            for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)" dominant-baseline="hanging"', svg)
        ]
        assert months
        # The value label's baseline is its bottom; a month label hangs from its y.
        assert min(months) - lowest >= 8


def test_the_change_report_says_what_changed_or_that_only_the_date_was_declared(
    client, analyst, history, settings
):
    client.force_login(analyst)
    page = client.get("/evidence/change").content.decode()
    assert "Only the date was declared, not what changed" in page
    assert "COPRODUCE_EVIDENCE_CHANGE_DESCRIPTION" in page
    # The experience part draws its chart beside its icons.
    assert 'aria-labelledby="report-experience-title report-experience-desc"' in page
    settings.EVIDENCE_CHANGE_DESCRIPTION = "every person has one lead practitioner."
    page = client.get("/evidence/change").content.decode()
    assert ": every person has one lead practitioner.</p>" in page
    assert "Only the date was declared" not in page


def test_the_home_page_says_what_the_evidence_covers(client, analyst):
    client.force_login(analyst)
    page = client.get("/").content.decode()
    assert "Experience ratings by month" not in page
    assert "Does the service work? Experience, continuity of care, time on caseload" in page


def test_a_card_says_when_the_months_after_its_figure_are_not_shown():
    # Found by a fresh-eyes trial: the card said "68% … in October 2026" on 3 December,
    # with nothing to say November was hidden.
    from coproduce.evidence.dashboard import board_summary

    point = {"value": 0.68, "provisional": False, "special": False}
    chart = {
        "points": [point | {"month": "2026-09-01"}, point | {"month": "2026-10-01"}],
        "variation": "common_cause",
        "variation_text": "Common cause variation",
        "assurance": "no_target",
        "assurance_text": "",
        "target": None,
    }
    for as_of, said in (("2026-12-03", True), ("2026-11-20", False)):
        evaluation = {"spc": {"experience_good": chart}, "metrics": {}, "as_of": as_of}
        card = {i["theme"]: i for i in board_summary(evaluation)}["experience"]
        assert ("November 2026: not shown, too few to publish" in card["sentence"]) is said
        assert "in October 2026" in card["sentence"]


def test_open_episodes_count_as_on_the_caseload_up_to_today_not_the_month_end(history):
    # Found by the third fresh-eyes trial of issue 20: with an episode begun this month,
    # open ones were censored at the first of next month, weeks still to come, moving
    # the curves and the hazard ratio.
    cache.clear()
    evaluation = services.trust_evaluation(refresh=True)
    assert evaluation["as_of"] == dt.datetime.now(dt.UTC).date().isoformat()


def test_the_thread_table_says_no_one_to_tell_yet_and_the_card_counts_as_it_does():
    # Found by the third fresh-eyes trial of issue 20: months with no one owed read "Not
    # shown", as if hidden, and the card's count of months not shown differed.
    from coproduce.evidence.dashboard import page_table

    def month(name, **figures):
        return {
            "month": name,
            "voices": 20,
            "in_an_insight": 20,
            "median_days_to_insight": 10.0,
            "median_days_insight_to_action": 5.0,
            "median_days_action_to_update": 5.0,
            "owed_outcome": 20,
            "told_outcome": 20,
            "share_told": 1.0,
        } | figures

    thread = [
        month("2026-01-01"),
        month("2026-02-01", share_told=None),  # the rest would be 1 to 7: hidden
        month(
            "2026-03-01",
            in_an_insight=0,
            median_days_to_insight=None,
            median_days_insight_to_action=None,
            median_days_action_to_update=None,
            owed_outcome=0,
            told_outcome=0,
            share_told=None,
        ),
    ]
    evaluation = {"metrics": {"thread": thread}, "as_of": "2026-03-20"}
    rows = page_table(evaluation, "thread")["rows"]
    # The month still going on is said to be, in the table as on the chart.
    assert [r[0] for r in rows] == ["January 2026", "February 2026", "March 2026 (not over yet)"]
    assert rows[1][-1] == "Not shown"
    assert rows[2][3:] == ["No insight yet"] * 3 + ["No one to tell yet"]
    [card] = [i for i in board_summary(evaluation) if i["theme"] == "coproduction"]
    assert "1 month is not shown" in card["sentence"]
