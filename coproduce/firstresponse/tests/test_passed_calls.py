"""Calls NHS 111 (option 2) and the police pass to the line: waiting at the top of the
line, at risk first, until a handler takes one in a click (ADR 0015, hazard H49)."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from coproduce.accounts.models import AuditEvent, Role
from coproduce.firstresponse import services
from coproduce.firstresponse.models import Call, LinePartner, PassedCall
from coproduce.firstresponse.services import CallDetails, Passing
from coproduce.firstresponse.tests.conftest import ago
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import (
    EpisodeFactory,
    TeamFactory,
    UserFactory,
    line_partner,
)
from coproduce.tooling.testing.workers import IMMEDIATE

AT_RISK = "She says she wants to end her life tonight and has tablets saved."
CALM = "Cannot sleep and would like someone to talk to about her week."


@pytest.fixture
def nhs_111(line):
    return line_partner("nhs_111", line, "nhs111")


def passing(line, **overrides):
    given = {
        "passed_by": "nhs_111",
        "partner_reference": "111-0001",
        "line": line,
        "reason": CALM,
        "urgency": "2",
        "phone": "07700 900123",
        "called": "Sam",
        "area": "Wisbech",
    }
    return Passing(**(given | overrides))


def test_a_partner_passes_a_call_and_it_waits_on_the_line(nhs_111, line, handler):
    result = services.pass_call(nhs_111.user, passing(line))
    passed = PassedCall.objects.get()
    assert result.created
    assert result.passed == passed
    assert (passed.passed_by, passed.called, passed.area, passed.phone_key) == (
        "nhs_111",
        "Sam",
        "Wisbech",
        "07700900123",
    )
    assert passed.is_waiting
    assert services.passed_calls_waiting(handler) == [passed]
    assert AuditEvent.objects.filter(
        actor=nhs_111.user,
        action=AuditEvent.Action.CREATED,
        record_type="firstresponse.passedcall",
        record_id=str(passed.pk),
    ).exists()


def test_the_same_partner_reference_is_taken_once(nhs_111, line):
    first = services.pass_call(nhs_111.user, passing(line))
    again = services.pass_call(nhs_111.user, passing(line, reason="Sent again by a retry."))
    assert not again.created
    assert again.passed == first.passed
    assert PassedCall.objects.count() == 1
    assert PassedCall.objects.get().reason == CALM
    # Another reference is another call.
    services.pass_call(nhs_111.user, passing(line, partner_reference="111-0002"))
    assert PassedCall.objects.count() == 2


def test_every_fault_is_named_at_once_and_nothing_is_written(nhs_111, line):
    with pytest.raises(ValidationError) as refused:
        services.pass_call(
            nhs_111.user,
            passing(
                line,
                reason=" ",
                urgency="9",
                phone="call me",
                nhs_number="1234567890",
                called="x" * 61,
            ),
        )
    assert set(refused.value.message_dict) == {"reason", "urgency", "phone", "nhs_number", "called"}
    assert not PassedCall.objects.exists()


def test_an_account_not_registered_as_a_partner_is_refused(line, handler):
    with pytest.raises(services.NotAPartner, match="not registered"):
        services.pass_call(handler, passing(line))
    assert not PassedCall.objects.exists()


def test_a_partner_passes_only_as_itself_and_to_its_own_lines(nhs_111, line):
    with pytest.raises(services.NotAPartner, match="NHS 111"):
        services.pass_call(nhs_111.user, passing(line, passed_by="police"))
    other_line = TeamFactory(name="Another line", kind="crisis_line")
    with pytest.raises(services.NotAPartner, match="this line"):
        services.pass_call(nhs_111.user, passing(other_line))
    with pytest.raises(ValidationError) as refused:
        services.pass_call(nhs_111.user, passing(TeamFactory(name="Home treatment")))
    assert "line" in refused.value.message_dict
    assert not PassedCall.objects.exists()


def test_an_nhs_number_known_to_another_team_is_withheld_from_the_partner_and_audited(
    nhs_111, line
):
    person = EpisodeFactory(team=TeamFactory(name="Another team")).person
    result = services.pass_call(nhs_111.user, passing(line, nhs_number=person.nhs_number))
    assert result.identity_withheld
    assert result.passed.person == person
    assert AuditEvent.objects.filter(
        actor=nhs_111.user, action=AuditEvent.Action.REFUSED, record_id=str(person.pk)
    ).exists()


def test_an_nhs_number_no_one_has_is_kept_as_given_and_no_record_is_made(nhs_111, line):
    result = services.pass_call(nhs_111.user, passing(line, nhs_number="943 476 5919"))
    assert not result.identity_withheld
    assert (result.passed.nhs_number, result.passed.person) == ("9434765919", None)


def test_words_at_risk_are_screened_at_once_and_shown_first(nhs_111, line, handler):
    calm = services.pass_call(nhs_111.user, passing(line, urgency="1")).passed
    risky = services.pass_call(
        nhs_111.user, passing(line, partner_reference="111-0002", reason=AT_RISK, urgency="3")
    ).passed
    assert "risk_to_life" in risky.risk_concerns
    assert calm.risk_concerns == []
    assert services.passed_calls_waiting(handler) == [risky, calm]
    assert services.passed_calls_at_risk(handler) == [risky]


def test_the_worklist_reads_only_the_passed_calls_at_risk_and_audits_none_when_none_are(
    nhs_111, line, handler
):
    services.pass_call(nhs_111.user, passing(line, urgency="1"))
    viewed = AuditEvent.objects.filter(actor=handler, action=AuditEvent.Action.VIEWED)
    assert services.passed_calls_at_risk(handler) == []
    assert not viewed.exists()
    risky = services.pass_call(
        nhs_111.user, passing(line, partner_reference="111-0002", reason=AT_RISK)
    ).passed
    assert services.passed_calls_at_risk(handler) == [risky]
    assert viewed.filter(detail="passed calls waiting", record_id=str(line.pk)).count() == 1


def test_waiting_calls_are_ordered_by_urgency_then_the_longest_waiting(nhs_111, line, handler):
    made = {}
    for ref, urgency, minutes in (("a", "3", 30), ("b", "1", 5), ("c", "3", 50)):
        passed = services.pass_call(
            nhs_111.user, passing(line, partner_reference=ref, urgency=urgency)
        ).passed
        passed.passed_at = ago(minutes=minutes)
        passed.save(update_fields=["passed_at"])
        made[ref] = passed
    assert services.passed_calls_waiting(handler) == [made["b"], made["c"], made["a"]]


def test_a_handler_takes_a_passed_call_as_their_open_call_with_its_details(nhs_111, line, handler):
    passed = services.pass_call(nhs_111.user, passing(line, reason=AT_RISK)).passed
    call = services.take_passed_call(handler, passed.pk)
    passed.refresh_from_db()
    assert passed.call == call
    assert passed.taken_at is not None
    assert call.is_open
    assert call.handler == handler
    assert (call.caller, call.called, call.phone, call.area) == (
        "nhs_111",
        "Sam",
        "07700 900123",
        "Wisbech",
    )
    assert "risk_to_life" in call.risk_concerns
    assert services.passed_calls_waiting(handler) == []
    assert services.calls_to_call_back(handler) == [call]
    # The partner's risk stays with the call when the handler writes the person's words.
    services.record_call(handler, call, CallDetails(caller="nhs_111", persons_words=CALM))
    call.refresh_from_db()
    assert "risk_to_life" in call.risk_concerns


def test_a_passed_call_is_taken_once(nhs_111, line, handler):
    colleague = UserFactory(username="colleague2", first_name="Cal", role=Role.PRACTITIONER)
    line.staff.add(colleague)
    passed = services.pass_call(nhs_111.user, passing(line)).passed
    call = services.take_passed_call(handler, passed.pk)
    assert services.take_passed_call(handler, passed.pk) == call  # a double click
    with pytest.raises(ValidationError, match="took this call"):
        services.take_passed_call(colleague, passed.pk)
    assert Call.objects.count() == 1


def test_a_passed_call_is_reached_only_through_the_handlers_line(nhs_111, line, outsider):
    passed = services.pass_call(nhs_111.user, passing(line)).passed
    assert services.passed_calls_waiting(outsider) == []
    with pytest.raises(Http404):
        services.take_passed_call(outsider, passed.pk)
    passed.refresh_from_db()
    assert passed.is_waiting


def test_the_person_is_linked_on_taking_only_if_the_handler_may_see_them(nhs_111, line, handler):
    known = EpisodeFactory(team=line).person
    elsewhere = EpisodeFactory(team=TeamFactory(name="Another team")).person
    mine = services.pass_call(nhs_111.user, passing(line, nhs_number=known.nhs_number)).passed
    theirs = services.pass_call(
        nhs_111.user,
        passing(line, partner_reference="111-0002", nhs_number=elsewhere.nhs_number),
    ).passed
    assert services.take_passed_call(handler, mine.pk).person == known
    assert services.take_passed_call(handler, theirs.pk).person is None


# The pages ------------------------------------------------------------------------------


def test_the_line_shows_passed_calls_first_and_takes_one_in_a_click(client, nhs_111, line, handler):
    passed = services.pass_call(nhs_111.user, passing(line, reason=AT_RISK)).passed
    passed.passed_at = ago(minutes=12)
    passed.save(update_fields=["passed_at"])
    client.force_login(handler)
    page = client.get("/line").content.decode()
    assert "Calls passed to the line (1)" in page
    assert page.index("Calls passed to the line") < page.index("Open calls")
    assert "East of England NHS 111" in page
    assert "12 minutes" in page
    assert "Words may signal risk" in page
    response = client.post(f"/line/passed/{passed.pk}/take")
    call = Call.objects.get()
    assert response["Location"] == f"/line/calls/{call.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Passed by NHS 111 (option 2)" in page
    assert 'value="Sam"' in page
    assert "Calls passed to the line" not in client.get("/line").content.decode()


def test_a_call_taken_by_a_colleague_is_said_so_on_the_line(client, nhs_111, line, handler):
    colleague = UserFactory(username="colleague2", first_name="Cal", role=Role.PRACTITIONER)
    line.staff.add(colleague)
    passed = services.pass_call(nhs_111.user, passing(line)).passed
    services.take_passed_call(colleague, passed.pk)
    client.force_login(handler)
    response = client.post(f"/line/passed/{passed.pk}/take", follow=True)
    assert "took this call" in response.content.decode()
    assert Call.objects.count() == 1


def test_a_passed_call_at_risk_is_on_the_duty_worklist(client, nhs_111, line, handler):
    services.pass_call(nhs_111.user, passing(line, reason=AT_RISK))
    police = line_partner("police", line, "police")
    services.pass_call(
        police.user,
        passing(line, passed_by="police", partner_reference="P-1", reason=AT_RISK, called="Lee"),
    )
    client.force_login(handler)
    page = client.get("/worklist").content.decode()
    assert "Passed at risk: not yet taken" in page
    # Mid-sentence, as a person would write it (a fresh-eyes trial read "by The police").
    assert "Lee, passed by the police at" in page
    assert "Sam, passed by NHS 111 (option 2) at" in page
    assert 'Take<span class="nhsuk-u-visually-hidden"> the call passed by the police' in (
        client.get("/line").content.decode()
    )


@pytest.mark.django_db(transaction=True)
def test_two_posts_of_the_same_reference_at_once_make_one_passed_call():
    """A partner's retry while the first post is still being saved: the second waits on
    the database's unique reference, is refused its copy, and is answered with the first."""
    import threading
    import time

    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: the two cannot overlap")
    line = TeamFactory(name="First Response line", kind="crisis_line")
    partner = LinePartner.objects.create(
        user=UserFactory(role=Role.PRACTITIONER), organisation="police", name="Police"
    )
    partner.lines.add(line)
    second: list[object] = []

    def again():
        try:
            second.append(services.pass_call(partner.user, passing(line, passed_by="police")))
        except Exception as error:  # the test reports what the second post met
            second.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        first = services.pass_call(partner.user, passing(line, passed_by="police"))
        thread = threading.Thread(target=again)
        thread.start()
        time.sleep(1)  # the second is now waiting on this one's reference
    thread.join(timeout=30)
    assert PassedCall.objects.count() == 1
    [outcome] = second
    assert isinstance(outcome, services.Passed), outcome
    assert outcome.passed == first.passed
    assert not outcome.created


def test_the_duty_contacts_are_told_at_once_of_a_passed_call_at_risk(
    nhs_111, line, settings, fake_notify, django_capture_on_commit_callbacks
):
    """Not left waiting on the line's page for a handler to look: the duty phone and
    email are told, where to read and never what, once however often it is passed
    (found by a fresh-eyes trial: an emergency passed call "at risk" alerted no one)."""
    settings.TASKS = IMMEDIATE
    line.duty_phone, line.duty_email = "07700900111", "duty@example.nhs.uk"
    line.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.pass_call(nhs_111.user, passing(line, partner_reference="calm"))
    assert not Message.objects.filter(kind=Message.Kind.DUTY_ALERT).exists()
    with django_capture_on_commit_callbacks(execute=True):
        risky = services.pass_call(nhs_111.user, passing(line, reason=AT_RISK)).passed
        again = services.pass_call(nhs_111.user, passing(line, reason=AT_RISK))
    assert not again.created
    told = Message.objects.filter(kind=Message.Kind.DUTY_ALERT)
    assert sorted(told.values_list("channel", flat=True)) == ["email", "sms"]
    for message in told:
        assert f"passed call {risky.pk}" in message.body
        assert "/line" in message.body
        assert "tablets" not in message.body
    assert sorted(s.type for s in fake_notify.sent) == ["email", "sms"]
