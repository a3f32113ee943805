"""What the First Response line and the Sanctuary prevented (issue 22): each figure on
small hand-made rows, with the small-number rules, the empty case and the cost model;
then the extract, the evaluation and the page on a few calls and visits in the database."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.care.models import Team
from coproduce.evidence import firstresponse, firstresponse_pages, services
from coproduce.evidence.analysis import FirstResponseCosts
from coproduce.evidence.extract import write_extract
from coproduce.evidence.firstresponse import CallRow, Rating, VisitRow, summarise
from coproduce.evidence.models import CostAssumption
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.lib.disclosure import Rules
from coproduce.tooling.testing.factories import (
    PersonFactory,
    TeamFactory,
    UserFactory,
    VoiceFactory,
)
from coproduce.tooling.testing.html import table_rows

RULES = Rules(suppress_at_most=7, round_to=5)
MONDAY = dt.datetime(2026, 3, 2)  # noqa: DTZ001 - a Monday, wall-clock as in the extract


def call(
    when,
    outcomes=("support",),
    *,
    caller=None,
    ended=True,
    inside_sanctuary=None,
):
    return CallRow(
        started_at=when,
        outcomes=tuple(outcomes),
        ended=ended,
        caller=caller,
        inside_own_hours=True,
        inside_sanctuary_hours=inside_sanctuary,
    )


def visit(when, left="home_safe", guest=None, inside=True):
    return VisitRow(arrived_at=when, left=left, guest=guest, inside_own_hours=inside)


def figures(calls=(), visits=(), ratings=()):
    return summarise(
        list(calls),
        list(visits),
        list(ratings),
        rules=RULES,
        line_hours="24 hours",
        sanctuary_hours="18:00 to 01:00",
        line_open=range(24),
        sanctuary_open=[18, 19, 20, 21, 22, 23, 0],
    )


def test_calls_by_hour_and_weekday_hide_a_small_cell_and_the_weekday_it_would_reveal():
    calls = [call(MONDAY.replace(hour=20, minute=m)) for m in range(12)]
    calls += [call(MONDAY.replace(hour=21, minute=m)) for m in range(9)]
    calls += [call(MONDAY + dt.timedelta(days=1, hours=3, minutes=m)) for m in range(3)]
    line = figures(calls)["line"]["by_hour"]
    monday, tuesday = line["days"][0], line["days"][1]
    assert monday["weekday"] == "Monday"
    assert monday["hours"][20] == 10  # 12, rounded to the nearest 5
    assert monday["hours"][21] == 10  # 9, rounded
    assert monday["hours"][3] == 0  # a zero reveals no one
    assert monday["total"] == 20  # built from its rounded cells
    # Tuesday's 3 calls at 03:00 are its only calls: the cell and the day's total hide.
    assert tuesday["hours"][3] is None
    assert tuesday["total"] is None
    assert not [v for d in line["days"] for v in d["hours"] if v is not None and 0 < v <= 7]


def test_the_busiest_hours_are_said_in_words_from_the_cells_shown():
    calls = [call(MONDAY.replace(hour=21, minute=m)) for m in range(20)]
    calls += [call(MONDAY.replace(hour=22, minute=m)) for m in range(30)]
    calls += [call(MONDAY.replace(hour=23, minute=m)) for m in range(10)]
    calls += [call(MONDAY.replace(hour=9, minute=m)) for m in range(10)]
    by_hour = figures(calls)["line"]["by_hour"]
    words = firstresponse_pages.busiest_words(by_hour, "calls")
    assert words == (
        "The busiest 3 hours for calls were 21:00 to 00:00, on the figures that can be shown."
    )
    only = figures(calls[20:50])["line"]["by_hour"]
    assert firstresponse_pages.busiest_words(only, "calls").startswith(
        "The busiest hour for calls was 22:00 to 23:00"
    )
    assert firstresponse_pages.busiest_words(figures()["line"]["by_hour"], "calls") == ""


def test_a_lone_small_cell_takes_the_next_smallest_with_it():
    calls = [call(MONDAY.replace(hour=20, minute=m)) for m in range(12)]
    calls += [call(MONDAY.replace(hour=22, minute=m)) for m in range(30)]
    calls += [call(MONDAY.replace(hour=2, minute=m)) for m in range(2)]
    monday = figures(calls)["line"]["by_hour"]["days"][0]
    assert monday["hours"][2] is None
    assert monday["hours"][20] is None  # the smallest other cell, or 2 = total - 20 - 30
    assert monday["hours"][22] == 30
    assert monday["total"] == 40  # 0 + 10 + 30


def test_the_share_of_calls_inside_the_sanctuarys_hours_is_said_or_hidden():
    inside = [call(MONDAY.replace(hour=20), inside_sanctuary=True) for _ in range(20)]
    outside = [call(MONDAY.replace(hour=10), inside_sanctuary=False) for _ in range(10)]
    shown = figures(inside + outside)["line"]["inside_sanctuary_hours"]
    assert shown == {"count": 20, "of": 30, "share": round(20 / 30, 4)}
    # 3 outside: what the share leaves is a small number, so it is hidden.
    hidden = figures(inside + outside[:3])["line"]["inside_sanctuary_hours"]
    assert hidden["share"] is None
    # The page says either side may be the small one, not that 20 calls are too few.
    words = firstresponse_pages.share_sentence(hidden, "calls began in its hours", "None")
    assert words.startswith("Not shown: how many calls began in its hours.")
    assert "Either those who did or those who did not" in words
    # No Sanctuary with opening hours: nothing to compare with.
    none = figures([call(MONDAY, inside_sanctuary=None)] * 10)["line"]["inside_sanctuary_hours"]
    assert none == {"count": 0, "of": 0, "share": None}


def test_calls_and_visits_that_ended_without_ae_police_or_ambulance():
    calls = (
        [call(MONDAY, ("support",)) for _ in range(10)]
        + [call(MONDAY, ("safe_at_home", "call_back")) for _ in range(10)]
        + [call(MONDAY, ("sanctuary",)) for _ in range(10)]
        + [call(MONDAY, ("support", "a_and_e")) for _ in range(5)]
        + [call(MONDAY, ("police",)) for _ in range(5)]
        + [call(MONDAY, (), ended=False) for _ in range(3)]  # still open: not counted
    )
    line = figures(calls)["line"]
    assert line["without_acute"] == {"count": 30, "of": 40, "share": 0.75}
    assert line["home_or_sanctuary"] == {"count": 20, "of": 40, "share": 0.5}
    visits = (
        [visit(MONDAY, "home_safe") for _ in range(10)]
        + [visit(MONDAY, "with_friend") for _ in range(10)]
        + [visit(MONDAY, "crisis_team") for _ in range(10)]
        + [visit(MONDAY, "a_and_e") for _ in range(10)]
        + [visit(MONDAY, "") for _ in range(2)]  # still here
    )
    sanctuary = figures(visits=visits)["sanctuary"]
    assert sanctuary["without_acute"] == {"count": 30, "of": 40, "share": 0.75}
    assert sanctuary["home_or_sanctuary"] == {"count": 20, "of": 40, "share": 0.5}
    assert sanctuary["inside_own_hours"]["of"] == 40  # 42 rounded


def test_repeat_callers_and_returning_guests_are_counted_by_their_key():
    calls = [call(MONDAY, caller=f"once-{i}") for i in range(10)]
    calls += [call(MONDAY, caller=f"again-{i}") for i in range(10) for _ in range(2)]
    calls += [call(MONDAY) for _ in range(10)]  # gave neither a number nor a name
    repeat = figures(calls)["line"]["repeat"]
    assert repeat["recognised"] == 20
    assert repeat["returned"] == {"count": 10, "of": 20, "share": 0.5}
    assert repeat["contacts_by_returners"] == {"count": 20, "of": 30, "share": round(20 / 30, 4)}
    assert repeat["not_recognised"] == 10
    # Two callers came back: their count hides, and so does the share of calls that were
    # theirs (100% of them would say that every caller recognised came back).
    few = figures([call(MONDAY, caller=k) for k in ("a", "a", "b", "b")] + calls[:10])["line"][
        "repeat"
    ]
    assert few["returned"]["count"] is None
    assert few["contacts_by_returners"] == {"count": None, "of": None, "share": None}
    # Three guests came back: too few to show.
    visits = [visit(MONDAY, guest=f"g{i}") for i in range(20)]
    visits += [visit(MONDAY, guest=f"g{i}") for i in range(3)]
    returned = figures(visits=visits)["sanctuary"]["repeat"]["returned"]
    assert returned["count"] is None
    assert returned["share"] is None


def test_experience_is_the_share_good_or_very_good_for_each_service():
    ratings = [Rating("line", 1)] * 10 + [Rating("line", 2)] * 10 + [Rating("line", 4)] * 10
    ratings += [Rating("sanctuary", 1)] * 3
    found = figures(ratings=ratings)
    assert found["line"]["experience"] == {
        "count": 20,
        "of": 30,
        "share": round(20 / 30, 4),
        "answers": 30,
    }
    sanctuary = found["sanctuary"]["experience"]
    assert sanctuary["share"] is None
    assert sanctuary["answers"] is None


def test_nothing_recorded_is_said_not_drawn_as_an_empty_chart():
    empty = firstresponse.evaluated(figures(), as_of=dt.date(2026, 3, 31))
    assert empty["first_day"] is None
    assert empty["line"]["by_hour"]["total"] == 0
    assert empty["line"]["without_acute"] == {"count": 0, "of": 0, "share": None}
    assert empty["spc"] == {}
    assert empty["spc_not_drawn"]["line_without_acute"]["months"] == 0
    assert empty["cost_model"] is None
    evaluation = {"first_response": empty, "as_of": "2026-03-31"}
    assert firstresponse_pages.card(evaluation)["figure"] == "Not yet"
    assert firstresponse_pages.context(evaluation) == {"first_response": None}


def monthly_calls(months, per_month=30, without=20, each=None):
    calls = []
    for m in range(months):
        if each:
            without = each[m]
        start = dt.datetime(2025, 1 + m, 5, 20)  # noqa: DTZ001 - wall-clock
        calls += [call(start, ("safe_at_home",)) for _ in range(without)]
        calls += [call(start, ("a_and_e",)) for _ in range(per_month - without)]
    return calls


def test_how_calls_ended_by_month_is_an_spc_chart():
    each = [15, 20, 15, 10, 15, 20, 15, 10]
    found = firstresponse.evaluated(
        figures(monthly_calls(8, each=each)), as_of=dt.date(2025, 12, 15)
    )
    chart = found["spc"]["line_without_acute"]
    assert [p["value"] for p in chart["points"]] == [round(n / 30, 4) for n in each]
    assert chart["variation"] == "common_cause"
    assert found["line"]["monthly"][0] == {
        "month": "2025-01-01",
        "contacts": 30,
        "ended": 30,
        "share_without_acute": 0.5,
        "share_home": 0.5,
    }
    # No visits: the Sanctuary's chart is not drawn, and the page says why.
    assert "sanctuary_home" not in found["spc"]
    words = firstresponse_pages.not_drawn_words(found, "sanctuary_home", 7)
    assert words.startswith("Not enough months")


def test_a_month_whose_share_would_reveal_a_small_number_has_no_point():
    # 3 of each month's calls went to A&E: every share hidden, so no chart, and why.
    found = firstresponse.evaluated(
        figures(monthly_calls(6, per_month=30, without=27)), as_of=dt.date(2025, 12, 15)
    )
    assert "line_without_acute" not in found["spc"]
    assert found["spc_not_drawn"]["line_without_acute"]["months_hidden"] == 6
    words = firstresponse_pages.not_drawn_words(found, "line_without_acute", 7)
    assert "in 6 of 6 months" in words
    assert "between 1 and 7" in words
    # It names the small side, not the month's 30 calls.
    assert "the number of calls that ended with A&E, the police or an ambulance" in words


def test_the_cost_model_counts_avoided_events_less_the_running_costs():
    found = figures(monthly_calls(1, per_month=110, without=100))  # 100 ended well
    costs = FirstResponseCosts(
        otherwise_ae=0.3,
        otherwise_admitted=0.1,
        ae_attendance=400,
        admission=10_000,
        line_per_year=365_000,
        sanctuary_per_year=36_500,
    )
    model = firstresponse.cost_model(found, costs)
    assert model["days"] == 1
    line, sanctuary = model["rows"]
    assert line["ended_well"] == 100
    assert line["ae_avoided"] == 30
    assert line["admissions_avoided"] == 10
    assert line["gross_saving"] == 30 * 400 + 10 * 10_000
    assert line["running_cost"] == 1_000  # a day of £365,000 a year
    assert line["net_saving"] == 112_000 - 1_000
    assert sanctuary["ended_well"] == 0
    assert sanctuary["net_saving"] == -100
    # Each assumption is stated with its figure.
    said = " ".join(model["assumptions"])
    for figure in ("30%", "10%", "£400", "£10,000", "£365,000", "£36,500", "1 days"):
        assert figure in said


# The database: calls, visits and voices, the extract, the evaluation and the page.


@pytest.fixture
def line_and_sanctuary(db):
    line = TeamFactory(name="First Response", kind=Team.Kind.CRISIS_LINE)
    sanctuary = TeamFactory(
        name="The Sanctuary",
        kind=Team.Kind.SANCTUARY,
        opens_at=dt.time(18),
        closes_at=dt.time(1),
        capacity=8,
    )
    handler = UserFactory(role=Role.PRACTITIONER)
    tz = timezone.get_current_timezone()
    known = PersonFactory(given_name="Zebedee", family_name="Quintrell")
    start = timezone.localdate() - dt.timedelta(days=20)
    for day in range(20):
        evening = dt.datetime.combine(start + dt.timedelta(days=day), dt.time(20), tzinfo=tz)
        Call.objects.create(
            team=line,
            handler=handler,
            started_at=evening,
            ended_at=evening + dt.timedelta(minutes=20),
            outcomes=["sanctuary"] if day % 2 else ["safe_at_home"],
            called="Robin",
            phone="07700 900123",
            phone_key="07700900123" if day < 12 else "",
            persons_words="I could not sleep and the walls were closing in",
        )
        morning = evening.replace(hour=9)
        Call.objects.create(
            team=line,
            handler=handler,
            started_at=morning,
            ended_at=morning + dt.timedelta(minutes=10),
            outcomes=["a_and_e"] if day < 10 else ["support"],
            person=known,
        )
        SanctuaryVisit.objects.create(
            team=sanctuary,
            welcomed_by=handler,
            called="Robin",
            arrived_at=evening + dt.timedelta(minutes=40),
            came=SanctuaryVisit.Came.LINE,
            left_at=evening + dt.timedelta(hours=3),
            left=SanctuaryVisit.Left.HOME_SAFE,
        )
    for rating in [1] * 12 + [4] * 8:
        VoiceFactory(team=line, rating=rating)
    return line, sanctuary


def test_the_extract_holds_only_published_aggregates_of_the_line_and_the_sanctuary(
    line_and_sanctuary, tmp_path
):
    write_extract(tmp_path)
    text = (tmp_path / firstresponse.FILE_NAME).read_text()
    for private in ("Robin", "Zebedee", "Quintrell", "07700", "walls were closing"):
        assert private not in text
    found = json.loads(text)
    counts = re.findall(r'"(?:count|of|recognised|total)": (\d+)', text)
    assert not [c for c in counts if 1 <= int(c) <= 7]
    assert found["line"]["hours"] == "24 hours"
    assert found["sanctuary"]["hours"] == "18:00 to 01:00"
    assert found["sanctuary"]["open_hours"] == [0, 18, 19, 20, 21, 22, 23]
    line = found["line"]
    assert line["without_acute"] == {"count": 30, "of": 40, "share": 0.75}
    assert line["inside_sanctuary_hours"] == {"count": 20, "of": 40, "share": 0.5}
    # The known person (20 calls) and the number (12 calls) are the two repeat callers:
    # too few callers to show.
    assert line["repeat"]["recognised"] is None
    # 12 of 20 good or very good, published as 10 of 20.
    assert line["experience"] == {"count": 10, "of": 20, "share": 0.5, "answers": 20}
    # Every guest came in the Sanctuary's hours: none left out, so it is shown.
    assert found["sanctuary"]["inside_own_hours"] == {"count": 20, "of": 20, "share": 1.0}


def test_the_page_answers_whether_the_hours_match_and_shows_no_small_number(
    client, line_and_sanctuary
):
    cache.delete(services.CACHE_KEY)
    leader = UserFactory(role=Role.TEAM_LEADER)
    client.force_login(leader)
    summary = client.get("/evidence").content.decode()
    assert 'href="/evidence/first-response">The First Response line and the Sanctuary</a>' in (
        summary
    )
    assert "75%</span> of calls to the line ended without A&amp;E" in summary
    response = client.get("/evidence/first-response")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>The First Response line and the Sanctuary</h1>" in page
    assert (
        "50% of 40 calls to the line began between 18:00 and 01:00, when the Sanctuary is open."
        in page
    )
    assert "75% of 40 calls with an ending recorded ended without A&amp;E" in page
    assert page.count('class="coproduce-chart coproduce-heat-map"') == 2
    assert "20:00 open" in page  # the hours open are said, not only marked by colour
    assert "Calls to the line by hour and weekday" in page  # the heat map's table
    # Under a month or two of calls: each chart says why it is not drawn, never empty.
    assert page.count("at least 4") >= 4
    assert 'id="chart-line_without_acute' not in page
    assert "Running the line costs £500,000 a year" in page
    rows = table_rows(page)
    counts = [int(c.replace(",", "")) for r in rows for c in r if re.fullmatch(r"[\d,]+", c)]
    assert counts
    assert not [n for n in counts if 1 <= n <= 7]
    hours = list(csv.reader(io.StringIO(client.get("/evidence/line-hours.csv").content.decode())))
    assert hours[0] == ["Weekday", "Hour", "Open", "Sanctuary open", "Calls"]
    assert len(hours) == 1 + 7 * 24
    assert {r[2] for r in hours[1:]} == {"Yes"}  # the line: 24 hours
    assert {r[1] for r in hours[1:] if r[3] == "Yes"} == {
        "00:00",
        "18:00",
        "19:00",
        "20:00",
        "21:00",
        "22:00",
        "23:00",
    }
    assert "20:00 to 21:00 (open)" in page  # the table marks the Sanctuary's hours
    assert "10:00 to 11:00 (open)" not in page
    months = client.get("/evidence/sanctuary-months.csv").content.decode().splitlines()
    assert months[0].startswith("Month,Visits,")
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    assert client.get("/evidence/first-response").status_code == 403


def test_a_trust_with_no_calls_says_so_on_the_page(client, db):
    cache.delete(services.CACHE_KEY)
    client.force_login(UserFactory(role=Role.TEAM_LEADER))
    page = client.get("/evidence/first-response").content.decode()
    assert "No calls to the line or visits to the Sanctuary have been recorded yet" in page
    assert "<svg" not in page.split("<h1>")[1].split("The other themes")[0]


def test_the_cost_model_assumptions_are_set_with_the_evaluation_and_refused_out_of_range(
    line_and_sanctuary, tmp_path
):
    folder = tmp_path / "extract"
    write_extract(folder)
    out = tmp_path / "figures.json"
    call_command(
        "evaluate",
        "--extract",
        str(folder),
        "--out",
        str(out),
        "--no-models",
        "--first-response-otherwise-ae",
        "0.5",
        "--first-response-line-per-year",
        "0",
        "--ignore-saved-limits",
    )
    model = json.loads(out.read_text())["first_response"]["cost_model"]
    line = model["rows"][0]
    assert line["ae_avoided"] == 15  # half of the 30 that ended well
    assert line["running_cost"] == 0
    assert "50% would otherwise have gone to A&E" in model["assumptions"][0]
    with pytest.raises(CommandError, match="--first-response-otherwise-ae is a share"):
        call_command(
            "evaluate",
            "--extract",
            str(folder),
            "--out",
            str(out),
            "--first-response-otherwise-ae",
            "26",
        )


def test_a_team_leader_sets_the_cost_assumptions_on_the_page_and_the_model_uses_them(
    client, line_and_sanctuary, django_capture_on_commit_callbacks
):
    """Issue 22: the cost model's "assumptions stated and editable" (found by a fresh-eyes
    trial: the page said only `coproduce evaluate` could change them). Each change is kept
    with who and why; bad figures are named and nothing is saved; a role that may not
    set them is refused."""
    cache.delete(services.CACHE_KEY)
    leader = UserFactory(role=Role.TEAM_LEADER)
    client.force_login(leader)
    theme = client.get("/evidence/first-response").content.decode()
    assert 'href="/evidence/first-response/costs"' in theme
    before = services.trust_evaluation()["first_response"]["cost_model"]["rows"][0]
    form = client.get("/evidence/first-response/costs").content.decode()
    assert 'value="26"' in form  # the illustrative default, as a percentage
    assert 'value="15,000"' in form  # money as people write it
    sent = {
        "otherwise_ae": "150",
        "otherwise_admitted": "5",
        "ae_attendance": "£-4",
        "admission": "£15,000",
        "line_per_year": "500000",
        "sanctuary_per_year": "400000",
        "because": "ok",
    }
    refused = client.post("/evidence/first-response/costs", sent)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "cannot be above 100%" in page
    assert "cannot be below £0" in page
    assert "like £15,000" not in page  # the admission's figure was valid
    assert "Say where the new figures come from in a short sentence" in page
    assert not CostAssumption.objects.exists()
    sent |= {
        "otherwise_ae": "13",
        "ae_attendance": "£400",
        "because": "Our audit of 200 callers in October",
    }
    with django_capture_on_commit_callbacks(execute=True):  # the figures worked out again
        saved = client.post("/evidence/first-response/costs", sent)
    assert saved["Location"] == "/evidence/first-response#cost"
    [changed] = CostAssumption.objects.all()  # only the figure that changed
    assert (changed.name, changed.value, changed.set_by) == ("otherwise_ae", 0.13, leader)
    after = services.trust_evaluation()["first_response"]["cost_model"]["rows"][0]
    assert after["ae_avoided"] < before["ae_avoided"]
    theme = client.get("/evidence/first-response").content.decode()
    assert "13% would otherwise have gone to A&amp;E" in theme
    # Its source is the one given, not the illustrative default's (found by a re-check).
    assert "Set locally: Our audit of 200 callers in October." in theme
    assert "echoes the 26% fall" not in theme
    assert "Illustrative: set them to the services&#39; budgets." in theme
    assert (
        "Our audit of 200 callers in October"
        in client.get("/evidence/first-response/costs").content.decode()
    )
    client.force_login(UserFactory(role=Role.PRACTITIONER))
    assert client.get("/evidence/first-response/costs").status_code == 403
