"""Collective priorities: members rank insights, bad ballots are refused by name, results
are kept by round; and the golden thread from a voice and from an action."""

import datetime as dt
import html

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape

from coproduce.change import services
from coproduce.change.forms import quoted
from coproduce.change.models import Ballot
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import VoiceFactory, confirm_and_publish, sent_once
from coproduce.tooling.testing.html import table_rows


@pytest.fixture
def network_member(member):
    return Member.objects.create(
        user=member, kind=Member.Kind.SERVICE_USER, joined_on=timezone.localdate()
    )


@pytest.fixture
def insights(le_lead):
    return [services.create_insight(le_lead, f"Insight statement {n}") for n in range(3)]


@pytest.fixture
def priority_round(le_lead, insights):
    return services.open_round(le_lead, "Priorities for 2027", insights)


def others(n):
    return [
        Member.objects.create(kind=Member.Kind.CARER, joined_on=timezone.localdate())
        for _ in range(n)
    ]


def test_a_member_ranks_insights_on_the_ballot_page(
    client, member, network_member, priority_round, insights
):
    a, b, c = insights
    client.force_login(member)
    response = client.post(
        f"/priorities/{priority_round.pk}/ballot",
        {f"rank-{a.pk}": "2", f"rank-{b.pk}": "1", f"rank-{c.pk}": "2"},
    )
    assert response.status_code == 302
    ballot = Ballot.objects.get(member=network_member)
    assert ballot.ranking == [[b.pk], [a.pk, c.pk]]  # c and a level
    assert not ballot.abstained


def test_casting_again_replaces_the_ballot(network_member, priority_round, insights):
    a, b, _ = insights
    services.cast_ballot(network_member, priority_round, [[a.pk]])
    services.cast_ballot(network_member, priority_round, [[b.pk]])
    assert list(Ballot.objects.values_list("ranking", flat=True)) == [[[b.pk]]]


def test_an_abstention_is_counted_and_prefers_nothing(
    client, member, network_member, priority_round
):
    client.force_login(member)
    client.post(f"/priorities/{priority_round.pk}/ballot", {"abstain": "yes"})
    ballot = Ballot.objects.get(member=network_member)
    assert (ballot.abstained, ballot.ranking) == (True, [])
    result = services.count_round(priority_round)
    assert (result.ballots, result.abstentions) == (1, 1)


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"rank-999999": "1"}, "Insight 999999 is not one of the choices in this round"),
        # The insight is named by its words, which a member knows, not its number.
        ({"rank-{a}": "0"}, "Give {statement} a place from 1 to 3, or leave it blank"),
        ({"rank-{a}": "first"}, "Give {statement} a place from 1 to 3, or leave it blank"),
        ({"rank-{a}": ""}, "Give at least one insight a place, or choose to abstain"),
    ],
)
def test_a_ballot_naming_an_unknown_insight_or_a_bad_place_is_refused(
    client, member, network_member, priority_round, insights, post, message
):
    a = insights[0]
    client.force_login(member)
    data = {k.format(a=a.pk): v for k, v in post.items()}
    response = client.post(f"/priorities/{priority_round.pk}/ballot", data)
    assert response.status_code == 400
    assert escape(message.format(statement=quoted(a.statement))) in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_ballot_ranking_an_insight_twice_is_refused(
    client, member, network_member, priority_round, insights
):
    a = insights[0]
    client.force_login(member)
    response = client.post(f"/priorities/{priority_round.pk}/ballot", {f"rank-{a.pk}": ["1", "2"]})
    assert response.status_code == 400
    assert escape(f"{quoted(a.statement)} is ranked more than once") in (response.content.decode())
    assert not Ballot.objects.exists()


def test_the_service_refuses_repeated_and_unknown_items(network_member, priority_round, insights):
    a = insights[0]
    with pytest.raises(ValidationError, match="ranked more than once"):
        services.cast_ballot(network_member, priority_round, [[a.pk], [a.pk]])
    with pytest.raises(ValidationError, match="not one of the choices"):
        services.cast_ballot(network_member, priority_round, [[a.pk], [424242]])
    assert not Ballot.objects.exists()


def test_closing_keeps_the_result_and_refuses_later_ballots(le_lead, priority_round, insights):
    a, b, c = insights
    voters = others(3)
    services.cast_ballot(voters[0], priority_round, [[b.pk], [a.pk]])
    services.cast_ballot(voters[1], priority_round, [[b.pk], [c.pk]])
    services.cast_ballot(voters[2], priority_round, [])
    services.close_round(le_lead, priority_round)
    priority_round.refresh_from_db()
    # b beats both (2-0); a and c: one ballot each prefers them to the other → level.
    assert priority_round.result["places"] == [[b.pk], [a.pk, c.pk]]
    assert priority_round.result["method"] == "Schulze"
    assert (priority_round.result["ballots"], priority_round.result["abstentions"]) == (3, 1)
    with pytest.raises(ValidationError, match="closed"):
        services.cast_ballot(voters[0], priority_round, [[a.pk]])
    standing = services.standing(b)
    assert (standing.place, standing.of) == (1, 3)
    assert services.standing(c).place == 2


def test_results_by_round_stay_as_they_were(le_lead, insights):
    a, b, _ = insights
    voter = others(1)[0]
    first = services.open_round(le_lead, "2026", [a, b])
    services.cast_ballot(voter, first, [[a.pk]])
    services.close_round(le_lead, first)
    second = services.open_round(le_lead, "2027", [a, b])
    services.cast_ballot(voter, second, [[b.pk]])
    services.close_round(le_lead, second)
    first.refresh_from_db()
    assert first.result["places"][0] == [a.pk]
    assert services.standing(b).priority_round == second


def test_the_round_page_shows_the_method_and_only_leads_close_it(
    client, le_lead, member, network_member, priority_round
):
    client.force_login(member)
    page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert "Schulze method" in page
    assert "strongest chain" in page
    assert client.post(f"/priorities/{priority_round.pk}/close").status_code == 403
    client.force_login(le_lead)
    client.post(f"/priorities/{priority_round.pk}/close")
    priority_round.refresh_from_db()
    assert not priority_round.is_open


def test_an_open_round_page_lists_what_members_are_asked_to_rank_in_the_ballots_order(
    client, le_lead, member, network_member, priority_round, insights
):
    """A fresh-eyes trial: the lead could not check what members were asked to rank."""
    services.cast_ballot(network_member, priority_round, [[insights[2].pk]])
    for user in (le_lead, member):
        client.force_login(user)
        page = client.get(f"/priorities/{priority_round.pk}").content.decode()
        asked = page[page.index("What members are asked to rank") : page.index("<h2>Result")]
        at = [asked.index(f"Insight statement {n}") for n in range(3)]
        assert at == sorted(at)  # the ballot's order, not the one ballot's ranking


def test_a_closed_round_page_draws_the_result_as_it_was_counted(
    client, le_lead, priority_round, insights
):
    a, b, c = insights
    voters = others(services.RUNNING_TOTALS_FROM)  # enough for the lead to see it open
    services.cast_ballot(voters[0], priority_round, [[b.pk], [a.pk]])
    services.cast_ballot(voters[1], priority_round, [[b.pk], [c.pk]])
    for abstaining in voters[2:]:
        services.cast_ballot(abstaining, priority_round, [])
    client.force_login(le_lead)

    def result_shown():
        page = client.get(f"/priorities/{priority_round.pk}").content.decode()
        places = page.split('<ol class="nhsuk-list">')[1].split("</ol>")[0]
        return " ".join(places.split()), table_rows(page)

    while_open = result_shown()
    services.close_round(le_lead, priority_round)
    places, tables = result_shown()
    assert (places, tables) == while_open
    assert places.index(f'1.</strong> <span id="insight-{b.pk}"') < places.index(
        f'2 (level).</strong> <span id="insight-{a.pk}"'
    )
    assert tables[1] == ["–", "2", "2"]  # b, ranked first, preferred to a and to c by 2


def test_staff_cannot_cast_ballots(client, le_lead, priority_round):
    client.force_login(le_lead)
    assert client.get(f"/priorities/{priority_round.pk}/ballot").status_code == 403


def test_a_round_needs_two_insights(client, le_lead, insights):
    client.force_login(le_lead)
    response = client.post("/priorities", {"title": "x", "insights": [insights[0].pk]})
    assert response.status_code == 400
    assert "Select at least two insights" in response.content.decode()


def test_the_golden_thread_from_a_voice_and_from_an_action(client, le_lead, lead):
    voice = VoiceFactory.contactable()
    insight = services.create_insight(le_lead, "People see too many staff.", [voice])
    other = services.create_insight(le_lead, "Other")
    priority_round = services.open_round(le_lead, "2027", [insight, other])
    services.cast_ballot(others(1)[0], priority_round, [[insight.pk]])
    services.close_round(le_lead, priority_round)
    action = services.record_action(
        le_lead,
        insight,
        description="Named teams",
        owner=lead,
        due_on=timezone.localdate() + dt.timedelta(days=9),
    )
    confirm_and_publish(le_lead, action, you_said="Too many staff.", we_did="Named teams.")
    client.force_login(le_lead)

    from_voice = client.get(f"/voices/{voice.pk}").content.decode()
    assert "People see too many staff." in from_voice
    assert "1 of 2" in from_voice  # its priority
    assert "Named teams" in from_voice  # the action and the update
    assert "Queued" in from_voice or "Sent" in from_voice  # this contributor's message

    from_action = client.get(f"/actions/{action.pk}").content.decode()
    assert f"Voice {voice.pk}" in from_action
    assert "1 of the people who gave them asked to hear what changed" in from_action
    assert "Waiting to be sent or posted: 1" in from_action


def test_overdue_actions_are_listed_and_status_changes_are_audited(client, le_lead, lead):
    from coproduce.accounts.models import AuditEvent

    insight = services.create_insight(le_lead, "s")
    late = services.record_action(
        le_lead, insight, description="Late one.", owner=lead, due_on=timezone.localdate()
    )
    late.due_on = timezone.localdate() - dt.timedelta(days=2)
    late.save()
    client.force_login(le_lead)
    page = client.get("/actions").content.decode()
    overdue = page.split("<h2>Overdue</h2>")[1].split("<h2>")[0]
    assert "Late one" in overdue
    # A description's own full stop does not run into the colon ("Late one.: due").
    assert "Late one</a>: due" in overdue
    client.post(f"/actions/{late.pk}", {"status": "done"})
    late.refresh_from_db()
    assert late.status == "done"
    assert AuditEvent.objects.filter(record_id=str(late.pk), detail__contains="done").exists()
    assert (
        "Late one"
        not in client.get("/actions").content.decode().split("<h2>Overdue</h2>")[1].split("<h2>")[0]
    )
    assert client.post(f"/actions/{late.pk}", {"status": "finished"}).status_code == 400


def test_an_insight_records_the_members_and_staff_who_wrote_it_with_the_lead(
    client, le_lead, lead, member
):
    """Co-production writes insights with network members, not staff alone (a fresh-eyes
    trial found only staff offered, and the lead offered as her own co-writer)."""
    from coproduce.change.models import Insight

    client.force_login(le_lead)
    form = client.get("/insights").content.decode()
    assert f'value="{member.pk}"' in form
    assert f'value="{lead.pk}"' in form
    assert f'name="written_with" type="checkbox" value="{le_lead.pk}"' not in form
    client.post(
        "/insights",
        sent_once({"statement": "People wait too long.", "written_with": [lead.pk, member.pk]}),
    )
    insight = Insight.objects.get()
    assert set(insight.written_with.all()) == {lead, member}
    page = client.get(f"/insights/{insight.pk}").content.decode()
    assert "Lena Lead (Practitioner)" in page
    assert member.name_and_role in page


def test_the_action_page_links_to_its_insight(client, le_lead, lead):
    insight = services.create_insight(le_lead, "People <wait> too long.")
    action = services.record_action(
        le_lead, insight, description="d", owner=lead, due_on=timezone.localdate()
    )
    client.force_login(le_lead)
    page = client.get(f"/actions/{action.pk}").content.decode()
    assert f'<a href="/insights/{insight.pk}">People &lt;wait&gt; too long.</a>' in page


def test_closing_a_round_is_asked_again_before_it_is_done(client, le_lead, priority_round):
    client.force_login(le_lead)
    page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert f'href="/priorities/{priority_round.pk}/close"' in page
    assert f'action="/priorities/{priority_round.pk}/close"' not in page  # no one-click close
    confirm = client.get(f"/priorities/{priority_round.pk}/close")
    body = confirm.content.decode()
    assert "Are you sure you want to close this round?" in body
    assert "This cannot be undone" in body
    priority_round.refresh_from_db()
    assert priority_round.is_open  # asking is not closing
    assert client.post(f"/priorities/{priority_round.pk}").status_code == 405
    priority_round.refresh_from_db()
    assert priority_round.is_open
    client.post(f"/priorities/{priority_round.pk}/close")
    priority_round.refresh_from_db()
    assert not priority_round.is_open


def test_a_member_does_not_see_the_result_while_the_round_is_open(
    client, le_lead, member, network_member, priority_round, insights
):
    a, b, c = insights
    services.cast_ballot(network_member, priority_round, [[c.pk], [a.pk], [b.pk]])
    client.force_login(member)
    page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert "Result so far" not in page
    assert f'id="insight-{c.pk}"' not in page  # their own ballot is not shown back as a result
    assert "1 ballot in so far" in page
    assert services.round_result(priority_round) is None  # the service hides it too
    # One ballot's order is that member's ranking: the lead does not see it either.
    assert services.round_result(priority_round, running=True) is None
    client.force_login(le_lead)
    lead_page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert f'id="insight-{c.pk}"' not in lead_page
    assert "You see the result so far once 8 ballots are in" in lead_page
    for voter in others(services.RUNNING_TOTALS_FROM - 1):
        services.cast_ballot(voter, priority_round, [[a.pk], [b.pk]])
    assert services.round_result(priority_round, running=True) is not None
    assert services.round_result(priority_round) is None
    lead_page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert "Not shown to members" in lead_page
    assert f'id="insight-{c.pk}"' in lead_page
    services.close_round(le_lead, priority_round)
    client.force_login(member)
    page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert f'id="insight-{c.pk}"' in page


def test_the_lead_may_show_running_totals_only_once_eight_ballots_are_in(
    client, le_lead, member, network_member, priority_round, insights
):
    a, b, c = insights
    voters = others(services.RUNNING_TOTALS_FROM - 1)
    for voter in voters:
        services.cast_ballot(voter, priority_round, [[a.pk], [b.pk]])
    client.force_login(le_lead)
    response = client.post(
        f"/priorities/{priority_round.pk}/running-totals", {"show": "yes"}, follow=True
    )
    assert "once at least 8 ballots are in (7 so far)" in response.content.decode()
    priority_round.refresh_from_db()
    assert not priority_round.show_running_totals
    services.cast_ballot(network_member, priority_round, [[c.pk]])
    client.post(f"/priorities/{priority_round.pk}/running-totals", {"show": "yes"})
    priority_round.refresh_from_db()
    assert priority_round.show_running_totals
    assert services.round_result(priority_round) is not None
    client.force_login(member)
    page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert "Result so far" in page
    assert f'id="insight-{a.pk}"' in page


def test_members_cannot_show_running_totals(client, member, network_member, priority_round):
    client.force_login(member)
    response = client.post(f"/priorities/{priority_round.pk}/running-totals", {"show": "yes"})
    assert response.status_code == 403
    priority_round.refresh_from_db()
    assert not priority_round.show_running_totals


def test_a_round_closed_with_few_ballots_never_shows_members_one_members_counts(
    client, le_lead, member, network_member, priority_round, insights
):
    # Found by issue 21's fresh-eyes trial: closed with one ballot, the pairwise table
    # showed every member exactly how that one member ranked, and closing gave no warning.
    a, b, _ = insights
    services.cast_ballot(network_member, priority_round, [[b.pk], [a.pk]])
    client.force_login(le_lead)
    confirm = client.get(f"/priorities/{priority_round.pk}/close").content.decode()
    assert "Only 1 ballot is in." in confirm
    assert "with one ballot, the order is that member's own ranking" in html.unescape(confirm)
    client.post(f"/priorities/{priority_round.pk}/close")
    client.force_login(member)
    page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert "The counts behind the order are not shown" in page
    assert "Members who prefer the row's insight" not in html.unescape(page)
    client.force_login(le_lead)  # those who run the round still see how it was counted
    assert "Members who prefer the row" in html.unescape(
        client.get(f"/priorities/{priority_round.pk}").content.decode()
    )


def test_a_lead_changes_an_insights_words_and_members_are_told_they_were_changed(
    client, le_lead, member, network_member, priority_round, insights
):
    """There was no way to change an insight's words: a typo, a name found later, or a
    theme's draft stayed as it was, on ballots and actions."""
    from coproduce.accounts.models import AuditEvent

    first = insights[0]
    client.force_login(le_lead)
    form = client.get(f"/insights/{first.pk}/words").content.decode()
    assert "Insight statement 0" in form  # the words as they are, to change
    assert "Members have been asked to rank these words in" in form
    assert "Priorities for 2027" in form
    refused = client.post(
        f"/insights/{first.pk}/words", {"statement": "Ask John Smith on 07700 900123."}
    )
    assert refused.status_code == 400
    assert "leave out anything that could identify someone" in refused.content.decode()
    first.refresh_from_db()
    assert first.statement == "Insight statement 0"
    assert first.reworded_at is None
    assert client.post(f"/insights/{first.pk}/words", {"statement": ""}).status_code == 400
    saved = client.post(f"/insights/{first.pk}/words", {"statement": "Call-backs come late."})
    assert saved["Location"] == f"/insights/{first.pk}"
    first.refresh_from_db()
    assert first.statement == "Call-backs come late."
    assert first.reworded_at is not None
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CHANGED, record_id=str(first.pk), detail="reworded"
    ).exists()
    assert "last changed" in client.get(f"/insights/{first.pk}").content.decode()
    # Members see that the words changed after the round opened, on the round and ballot.
    client.force_login(member)
    for address in (f"/priorities/{priority_round.pk}", f"/priorities/{priority_round.pk}/ballot"):
        page = client.get(address).content.decode()
        assert page.count("after the round opened") == 1, address
    # Members cannot change an insight's words, by the page or by posting to it.
    assert client.get(f"/insights/{first.pk}/words").status_code == 403
    assert client.post(f"/insights/{first.pk}/words", {"statement": "X"}).status_code == 403
    first.refresh_from_db()
    assert first.statement == "Call-backs come late."


def test_an_insights_words_are_checked_by_the_service_whatever_the_route(le_lead, insights):
    """The check was in the web form alone: the theme route, the demo and the bench went
    round it."""
    with pytest.raises(ValidationError, match="could identify someone"):
        services.create_insight(le_lead, "Jane Doe, born 01/02/1980, waited all night.")
    with pytest.raises(ValidationError, match="could identify someone"):
        services.reword_insight(le_lead, insights[0], "Call 07700 900123 for Jane.")
    vouched = services.create_insight(le_lead, "The Rose ward is noisy.", identifies_no_one=True)
    assert vouched.statement == "The Rose ward is noisy."
    unchanged = services.reword_insight(le_lead, insights[1], "Insight statement 1")
    assert unchanged.reworded_at is None  # the same words are no change


def test_a_member_who_ranked_before_the_words_changed_is_told_and_a_closed_round_says_so(
    client, le_lead, member, network_member, priority_round, insights
):
    services.cast_ballot(network_member, priority_round, [[insights[0].pk]])
    services.reword_insight(le_lead, insights[0], "Call-backs come late at night.")
    client.force_login(member)
    for address in (f"/priorities/{priority_round.pk}", f"/priorities/{priority_round.pk}/ballot"):
        page = client.get(address).content.decode()
        assert "after you ranked them" in page, address
    services.close_round(le_lead, priority_round)
    services.reword_insight(le_lead, insights[1], "Nobody rings back.")
    page = client.get(f"/priorities/{priority_round.pk}").content.decode()
    assert "after the round closed: members ranked the earlier words" in page
    # Its ballot is not offered to fill in once it has closed (helper-83 was told only on
    # Save): the round's page says so.
    ballot = client.get(f"/priorities/{priority_round.pk}/ballot", follow=True)
    assert ballot.redirect_chain == [(f"/priorities/{priority_round.pk}", 302)]
    assert "This round has closed, so it takes no more rankings" in ballot.content.decode()


def test_words_changed_in_another_tab_are_not_overwritten(client, le_lead, insights):
    first = insights[0]
    client.force_login(le_lead)
    client.get(f"/insights/{first.pk}/words")
    services.reword_insight(le_lead, first, "Changed in the other tab.")
    late = client.post(
        f"/insights/{first.pk}/words",
        {"statement": "Changed in this tab.", "was": "Insight statement 0"},
    )
    assert late.status_code == 400
    page = late.content.decode()
    assert "Someone changed these words after you opened this page" in page
    assert "Changed in the other tab." in page
    assert 'name="was" value="Changed in the other tab."' in page  # a second save goes
    first.refresh_from_db()
    assert first.statement == "Changed in the other tab."
    again = client.post(
        f"/insights/{first.pk}/words",
        {"statement": "Changed in this tab.", "was": "Changed in the other tab."},
    )
    assert again.status_code == 302
    first.refresh_from_db()
    assert first.statement == "Changed in this tab."
    same = client.post(
        f"/insights/{first.pk}/words",
        {"statement": "Changed in this tab.", "was": "Changed in this tab."},
        follow=True,
    )
    assert "nothing was changed" in same.content.decode()
