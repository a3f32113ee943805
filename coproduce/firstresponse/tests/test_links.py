"""How a call joins the rest of care (issue 22): a referral through care's pathway, a
caller recorded as a person, earlier calls linked with an audit trail and undone only
by a team leader, corrections that keep what the call said before, and the duty
contacts told of a caller at risk who hung up (hazard log H48)."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.accounts.models import AuditEvent, Role
from coproduce.care import referrals
from coproduce.care.models import Person, Referral
from coproduce.firstresponse import links, services
from coproduce.firstresponse.links import ReferralAsk
from coproduce.firstresponse.models import Call, CallCorrection, CallLink, SanctuaryVisit
from coproduce.firstresponse.services import CallDetails
from coproduce.firstresponse.tests.conftest import ago
from coproduce.messaging.models import Message
from coproduce.tooling.testing.factories import EpisodeFactory, TeamFactory, UserFactory
from coproduce.tooling.testing.workers import IMMEDIATE

PLAN: dict[str, Any] = {
    "caller": "person",
    "called": "Jo",
    "persons_words": "I could not sleep and wanted to talk to someone.",
    "next_steps": "The crisis team will ring Jo in the morning.",
    "outcomes": ["support", "crisis_team"],
}
NEW_NUMBER = "9434765919"


def start(user, minutes_ago=10, **fields):
    call = services.start_call(user)
    call.started_at = ago(minutes=minutes_ago)
    call.save(update_fields=["started_at"])
    if fields:
        Call.objects.filter(pk=call.pk).update(**fields)
        call.refresh_from_db()
    return call


def ended(user, line, minutes_ago=60, **fields):
    return Call.objects.create(
        team=line,
        handler=user,
        started_at=ago(minutes=minutes_ago),
        ended_at=ago(minutes=minutes_ago - 5),
        caller="person",
        next_steps="Ring again if it gets worse.",
        outcomes=["support"],
        **fields,
    )


@pytest.fixture
def known(line):
    """A person on the line's caseload: the handler may see them."""
    return EpisodeFactory(team=line).person


@pytest.fixture
def leader(line):
    user = UserFactory(username="leader", role=Role.TEAM_LEADER)
    line.staff.add(user)
    return user


def ask(team, **kwargs):
    return ReferralAsk(team_id=team.pk, urgency=Referral.Urgency.URGENT, **kwargs)


# A referral to the crisis team ------------------------------------------------------------


def test_ending_with_crisis_team_refers_a_known_person_through_the_pathway(handler, known, team):
    call = start(handler)
    call = links.end_call_and_refer(
        handler, call, CallDetails(**PLAN, nhs_number=known.nhs_number), ask(team)
    )
    referral = Referral.objects.get()
    assert call.referral == referral
    assert not call.is_open
    assert (referral.person, referral.team) == (known, team)
    assert referral.source == Referral.Source.OTHER_TEAM
    assert "a call to the line" in referral.referrer
    assert PLAN["persons_words"] in referral.reason
    assert referral.respond_by is not None  # the pathway's response clock
    assert links.referral_from_the_line(referral)
    assert links.call_of_referral(handler, referral) == call
    assert AuditEvent.objects.filter(
        actor=handler,
        record_type="firstresponse.call",
        record_id=str(call.pk),
        detail__startswith="referred to the crisis team",
    ).exists()
    assert AuditEvent.objects.filter(
        actor=handler, action="created", record_type="care.referral", record_id=str(referral.pk)
    ).exists()


def test_an_anonymous_caller_is_not_referred_and_nothing_is_lost(handler, team):
    call = start(handler)
    services.record_call(handler, call, CallDetails(called="Jo", persons_words="Hello"))
    with pytest.raises(ValidationError) as refused:
        links.end_call_and_refer(handler, call, CallDetails(**PLAN), ask(team))
    assert "needs the person's record" in refused.value.message_dict["referral"][0]
    call.refresh_from_db()
    assert call.is_open  # the end is refused with the referral
    assert call.called == "Jo"
    assert not Referral.objects.exists()


def test_the_referrals_questions_are_named_when_missing(handler, known):
    call = start(handler)
    with pytest.raises(ValidationError) as refused:
        links.end_call_and_refer(
            handler,
            call,
            CallDetails(**{**PLAN, "next_steps": ""}, nhs_number=known.nhs_number),
            ReferralAsk(team_id=None, urgency="9"),
        )
    errors = refused.value.message_dict
    assert "crisis team" in errors["referral_team"][0]
    assert "urgent" in errors["referral_urgency"][0]
    assert "next steps" in errors["next_steps"][0]  # the call's own faults at once too
    call.refresh_from_db()
    assert call.is_open
    assert not Referral.objects.exists()


def test_a_team_that_is_not_a_crisis_team_is_refused(handler, known, line):
    call = start(handler)
    with pytest.raises(ValidationError) as refused:
        links.end_call_and_refer(
            handler, call, CallDetails(**PLAN, nhs_number=known.nhs_number), ask(line)
        )
    assert "referral_team" in refused.value.message_dict
    assert not Referral.objects.exists()


def test_a_recent_referral_is_not_duplicated_without_a_reason(handler, known, team):
    referrals.receive_referral(
        handler,
        person=known,
        team=team,
        source="gp",
        urgency="2",
        reason="From the GP",
        physical_health_need=False,
        received_at=ago(hours=1),
    )
    call = start(handler)
    details = CallDetails(**PLAN, nhs_number=known.nhs_number)
    with pytest.raises(ValidationError) as refused:
        links.end_call_and_refer(handler, call, details, ask(team))
    assert "received recently" in refused.value.message_dict["not_a_duplicate_because"][0]
    assert Referral.objects.count() == 1
    call.refresh_from_db()
    assert call.is_open
    because = "She has a new crisis tonight since the GP referred her."
    links.end_call_and_refer(handler, call, details, ask(team, not_a_duplicate_because=because))
    assert Referral.objects.count() == 2


# A new person --------------------------------------------------------------------------


def person_details(**kwargs):
    fields: dict[str, Any] = {
        "nhs_number": NEW_NUMBER,
        "given_name": "Jo",
        "family_name": "Example",
        "date_of_birth": dt.date(1990, 5, 17),
    } | kwargs
    return referrals.PersonDetails(**fields)


def test_the_caller_is_recorded_as_a_new_person_by_cares_own_rule(handler, line):
    call = start(handler, called="Jo")
    person = links.record_new_person(handler, call, person_details())
    call.refresh_from_db()
    assert call.person == person
    link = CallLink.objects.get(call=call)
    assert (link.person, link.linked_by) == (person, handler)
    assert AuditEvent.objects.filter(
        actor=handler, action="created", record_type="care.person", record_id=str(person.pk)
    ).exists()


def test_an_anonymous_caller_recorded_as_a_person_can_then_be_referred(handler, team):
    call = start(handler, called="Jo")
    links.record_new_person(handler, call, person_details())
    call.refresh_from_db()
    links.end_call_and_refer(handler, call, CallDetails(**PLAN, nhs_number=NEW_NUMBER), ask(team))
    referral = Referral.objects.get()
    assert referral.person.nhs_number == NEW_NUMBER
    assert Call.objects.get().referral == referral


def test_a_new_person_with_a_wrong_nhs_number_is_refused_naming_it(handler):
    call = start(handler, called="Jo")
    with pytest.raises(ValidationError) as refused:
        links.record_new_person(handler, call, person_details(nhs_number="1234567890"))
    assert "nhs_number" in refused.value.message_dict
    call.refresh_from_db()
    assert call.person is None
    assert call.called == "Jo"
    assert not Person.objects.exists()


def test_a_known_persons_wrong_date_of_birth_is_refused(handler, known):
    call = start(handler)
    with pytest.raises(ValidationError) as refused:
        links.record_new_person(
            handler,
            call,
            person_details(nhs_number=known.nhs_number, date_of_birth=dt.date(1970, 1, 1)),
        )
    assert "date_of_birth" in refused.value.message_dict
    call.refresh_from_db()
    assert call.person is None


def test_a_number_known_to_another_team_is_not_revealed_and_the_call_stays_anonymous(handler):
    elsewhere = EpisodeFactory(team=TeamFactory(name="Another team")).person
    call = start(handler)
    with pytest.raises(ValidationError) as refused:
        links.record_new_person(handler, call, person_details(nhs_number=elsewhere.nhs_number))
    message = refused.value.message_dict["nhs_number"][0]
    assert "known to another team" in message
    assert elsewhere.family_name not in message
    call.refresh_from_db()
    assert call.person is None
    assert AuditEvent.objects.filter(
        actor=handler, action="refused", record_id=str(elsewhere.pk)
    ).exists()


def test_a_role_that_may_not_record_people_is_told_who_can(line):
    peer = UserFactory(username="peer", role=Role.LIVED_EXPERIENCE_LEAD)
    line.staff.add(peer)
    call = Call.objects.create(team=line, handler=peer, started_at=ago(minutes=5))
    with pytest.raises(ValidationError, match="practitioner, support worker or team leader"):
        links.record_new_person(peer, call, person_details())
    assert not Person.objects.exists()


def test_a_call_already_about_someone_is_not_given_a_new_person(handler, known):
    call = start(handler)
    services.record_call(handler, call, CallDetails(nhs_number=known.nhs_number))
    with pytest.raises(ValidationError, match="already about a person"):
        links.record_new_person(handler, call, person_details())
    assert Person.objects.count() == 1


# Earlier calls linked ------------------------------------------------------------------


def test_earlier_calls_are_linked_only_as_the_handler_confirms_with_who_when_and_why(
    handler, line, known
):
    first = ended(handler, line, 600, phone_key="07700900321", called="Jo")
    second = ended(handler, line, 300, phone_key="07700900321")
    other_number = ended(handler, line, 200, phone_key="07700900999")
    call = start(handler, phone_key="07700900321", person=known)
    assert links.calls_to_link(handler, call) == [second, first]  # shown before linking
    made = links.link_earlier_calls(
        handler, call, call_ids=[first.pk], because="Same name, number and story as before."
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.person == known
    assert second.person is None  # not chosen: never merged silently
    assert [(m.call, m.linked_by, m.because) for m in made] == [
        (first, handler, "Same name, number and story as before.")
    ]
    assert made[0].linked_at is not None
    assert AuditEvent.objects.filter(
        actor=handler,
        record_type="firstresponse.call",
        record_id=str(first.pk),
        detail=f"linked to person {known.pk}",
    ).exists()
    other_number.refresh_from_db()
    assert other_number.person is None


def test_a_chosen_earlier_call_from_another_number_can_be_linked(handler, line, known):
    earlier = ended(handler, line, 600, phone_key="07700900999")
    call = start(handler, phone_key="07700900321", person=known)
    links.link_earlier_calls(
        handler,
        call,
        call_ids=[],
        other_call_id=earlier.pk,
        because="She rang from a friend's phone that night.",
    )
    earlier.refresh_from_db()
    assert earlier.person == known


@pytest.mark.parametrize(
    ("chosen", "other", "because", "field"),
    [
        ([], None, "Same name and the same number.", "calls"),
        ("first", None, "ok", "because"),
        ([99999], None, "Same name and the same number.", "calls"),
        ([], "elsewhere", "Same name and the same number.", "other_call"),
    ],
    ids=["no call chosen", "no reason", "a call not offered", "a call on another line"],
)
def test_linking_is_refused_naming_the_field_and_links_nothing(
    handler, line, known, chosen, other, because, field
):
    first = ended(handler, line, 600, phone_key="07700900321")
    other_line = TeamFactory(name="Another line", kind="crisis_line")
    elsewhere = ended(UserFactory(), other_line, 500)
    call = start(handler, phone_key="07700900321", person=known)
    with pytest.raises(ValidationError) as refused:
        links.link_earlier_calls(
            handler,
            call,
            call_ids=[first.pk] if chosen == "first" else chosen,
            other_call_id=elsewhere.pk if other == "elsewhere" else None,
            because=because,
        )
    assert field in refused.value.message_dict
    assert not CallLink.objects.exists()
    first.refresh_from_db()
    assert first.person is None


def test_only_a_team_leader_undoes_a_link_with_a_reason_and_the_link_is_kept(
    handler, leader, line, known
):
    first = ended(handler, line, 600, phone_key="07700900321")
    call = start(handler, phone_key="07700900321", person=known)
    [link] = links.link_earlier_calls(
        handler, call, call_ids=[first.pk], because="Same name, number and story."
    )
    with pytest.raises(ValidationError, match="Only a team leader"):
        links.undo_link(handler, link, "It was her sister calling, not her.")
    with pytest.raises(ValidationError) as refused:
        links.undo_link(leader, link, "no")
    assert "undone_because" in refused.value.message_dict
    first.refresh_from_db()
    assert first.person == known
    links.undo_link(leader, links.link_for(leader, link.pk), "It was her sister calling, not her.")
    first.refresh_from_db()
    link.refresh_from_db()
    assert first.person is None
    assert (link.undone_by, link.undone_because) == (leader, "It was her sister calling, not her.")
    assert CallLink.objects.filter(pk=link.pk).exists()
    assert AuditEvent.objects.filter(
        actor=leader, record_id=str(first.pk), detail=f"link {link.pk} undone"
    ).exists()


# The person's record -------------------------------------------------------------------


def test_the_persons_record_lists_their_calls_and_visits_audited_and_opens_only_own_lines(
    handler, line, sanctuary, known, outsider
):
    call = ended(handler, line, person=known)
    visit = SanctuaryVisit.objects.create(
        team=sanctuary, welcomed_by=handler, person=known, arrived_at=ago(hours=3), came="line"
    )
    seen = links.calls_and_visits_of(handler, known)
    assert (seen.calls, seen.visits) == ([call], [visit])
    assert call.pk in seen.reachable
    for record in (call, visit):
        assert AuditEvent.objects.filter(
            actor=handler, action="viewed", record_id=str(record.pk), detail="person page"
        ).exists()
    assert links.calls_and_visits_of(outsider, known).reachable == frozenset()


# Correcting an ended call --------------------------------------------------------------


def corrected(call, **changes):
    fields = {
        "caller": call.caller,
        "called": call.called,
        "persons_words": call.persons_words,
        "next_steps": call.next_steps,
        "outcomes": call.outcomes,
    } | changes
    return CallDetails(**fields)


def test_the_handler_corrects_an_ended_call_and_what_it_said_before_is_kept(handler, line):
    call = ended(handler, line, called="Jo")
    correction = links.correct_call(
        handler,
        call,
        corrected(call, next_steps="Jo will ring her sister tonight."),
        "I typed the wrong next steps at the end.",
    )
    call.refresh_from_db()
    assert call.next_steps == "Jo will ring her sister tonight."
    assert correction.before == {"next_steps": "Ring again if it gets worse."}
    assert correction.after == {"next_steps": "Jo will ring her sister tonight."}
    assert correction.corrected_by == handler
    assert correction.changes() == [
        ("Next steps", "Ring again if it gets worse.", "Jo will ring her sister tonight.")
    ]
    assert AuditEvent.objects.filter(
        actor=handler, record_id=str(call.pk), detail="corrected: next_steps"
    ).exists()
    with pytest.raises(ValidationError, match="never changed"):
        correction.save()


def test_corrected_words_are_read_afresh_and_the_call_is_back_on_the_worklist(handler, line):
    call = ended(handler, line, minutes_ago=30, called="Jo", persons_words="I feel low.")
    call.risk_concerns, call.risk_read_at, call.risk_read_by = (
        ["risk_to_life"],
        ago(minutes=5),
        handler,
    )
    call.risk_read_note = "Read: a low mood, no risk said."
    call.save()
    assert services.calls_to_call_back(handler) == []
    links.correct_call(
        handler,
        call,
        corrected(call, persons_words="I want to end my life tonight, I have the tablets."),
        "I typed the wrong words at the end of the call.",
    )
    call.refresh_from_db()
    assert call.risk_concerns
    assert (call.risk_read_at, call.risk_read_by, call.risk_read_note) == (None, None, "")
    assert services.calls_to_call_back(handler) == [call]


def test_flagged_words_not_yet_read_stay_flagged_when_corrected_to_harmless_ones(
    handler, leader, line
):
    """A trial found that correcting flagged words to harmless ones took the call off the
    duty worklist before anyone had said what they judged: a flag leaves it only by
    someone reading the words (the words before are in the correction)."""
    words = "I want to end my life tonight, I have the tablets."
    call = ended(handler, line, minutes_ago=30, called="Jo", persons_words=words)
    call.risk_concerns, call.risk_reason = ["risk_to_life"], "meaning: end my life"
    call.save()
    assert services.calls_to_call_back(handler) == [call]
    links.correct_call(
        leader,
        call,
        corrected(call, persons_words="They said they had a good day."),
        "I typed the wrong words.",
    )
    call.refresh_from_db()
    assert call.persons_words == "They said they had a good day."
    assert call.risk_concerns == ["risk_to_life"]
    assert call.risk_reason.startswith("in their words before")
    assert call.risk_reason.endswith("corrected them: meaning: end my life")
    assert services.calls_to_call_back(handler) == [call]
    assert call.corrections.get().before["persons_words"] == words
    # Corrected again, the reason is not said twice over; read, the call leaves.
    links.correct_call(
        leader,
        call,
        corrected(call, persons_words="They had a good day."),
        "Made the words shorter.",
    )
    call.refresh_from_db()
    assert call.risk_reason.count("before") == 1
    assert call.risk_concerns == ["risk_to_life"]
    services.read_call_risk(handler, call, "Read the words before the correction; plan agreed.")
    assert services.calls_to_call_back(handler) == []
    # Once read, a correction to harmless words clears the flag, as it always did.
    links.correct_call(
        handler, call, corrected(call, persons_words="A quiet chat."), "Tidied the words."
    )
    call.refresh_from_db()
    assert call.risk_concerns == []


def test_a_team_leader_may_correct_another_handlers_call(handler, leader, line):
    call = ended(handler, line)
    links.correct_call(
        leader, call, corrected(call, called="Sam"), "The caller gave a different name."
    )
    call.refresh_from_db()
    assert call.called == "Sam"


@pytest.mark.parametrize(
    ("changes", "because", "field"),
    [
        ({"next_steps": "Better steps agreed."}, "", "because"),
        ({"outcomes": [], "next_steps": "Some steps."}, "A reason given here.", "outcomes"),
        ({}, "A reason but nothing changed.", "because"),
        ({"outcomes": ["support", "crisis_team"]}, "They were referred after all.", "outcomes"),
        ({"ended_at": "before"}, "The end time was wrong.", "ended_time"),
    ],
    ids=[
        "no reason",
        "no outcome",
        "nothing changed",
        "a referral by correction",
        "end before start",
    ],
)
def test_a_correction_is_refused_naming_the_field_and_nothing_changes(
    handler, line, changes, because, field
):
    call = ended(handler, line)
    if changes.get("ended_at") == "before":
        changes = {"ended_at": call.started_at - dt.timedelta(minutes=5)}
    with pytest.raises(ValidationError) as refused:
        links.correct_call(handler, call, corrected(call, **changes), because)
    assert field in refused.value.message_dict
    assert not CallCorrection.objects.exists()
    call.refresh_from_db()
    assert call.next_steps == "Ring again if it gets worse."


def test_a_correction_cannot_unlink_a_linked_person(handler, line, known):
    call = ended(handler, line)
    CallLink.objects.create(
        call=call, person=known, linked_by=handler, linked_at=ago(minutes=1), because="Same."
    )
    Call.objects.filter(pk=call.pk).update(person=known)
    call.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        links.correct_call(handler, call, corrected(call), "Taking the person off it.")
    assert "only a team leader" in refused.value.message_dict["nhs_number"][0]
    call.refresh_from_db()
    assert call.person == known


def test_another_handler_may_not_correct_a_call_nor_anyone_an_open_one(handler, line):
    colleague = UserFactory(username="colleague2", role=Role.PRACTITIONER)
    line.staff.add(colleague)
    call = ended(handler, line)
    with pytest.raises(ValidationError, match="handler or a team leader"):
        links.correct_call(colleague, call, corrected(call, called="X"), "A reason of words.")
    still_open = start(handler)
    with pytest.raises(ValidationError, match="still open"):
        links.correct_call(handler, still_open, CallDetails(**PLAN), "A reason of words.")
    assert not CallCorrection.objects.exists()


# A caller at risk who hung up (hazard log H47) ---------------------------------------------


def test_the_duty_contacts_are_told_by_text_and_email_once_a_call(
    handler, line, settings, fake_notify, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    line.duty_phone = "07700900111"
    line.duty_email = "duty@example.nhs.uk"
    line.save()
    call = start(handler)
    with django_capture_on_commit_callbacks(execute=True):
        services.end_call(
            handler,
            call,
            CallDetails(
                called="Jo",
                phone="07700 900321",
                persons_words="Nobody cares",
                hung_up_at_risk=True,
            ),
        )
    told = Message.objects.filter(kind=Message.Kind.DUTY_ALERT)
    assert sorted(told.values_list("channel", flat=True)) == ["email", "sms"]
    for message in told:
        assert f"call {call.pk}" in message.body
        assert "/worklist" in message.body
        assert "Jo" not in message.body  # where to read, not what
        assert "Nobody" not in message.body
        assert "07700" not in message.body
    assert sorted(s.type for s in fake_notify.sent) == ["email", "sms"]  # really sent
    call.refresh_from_db()
    assert call.duty_told_at is not None
    # Corrected later, still hung up at risk: not told twice.
    with django_capture_on_commit_callbacks(execute=True):
        links.correct_call(
            handler,
            call,
            corrected(call, hung_up_at_risk=True, area="Ely"),
            "The area was missing.",
        )
    assert told.count() == 2
    assert len(fake_notify.sent) == 2
    assert all("Call back:" in m.body for m in told)
    # No number: the duty contacts are not told to call back (a fresh-eyes trial).
    unreachable = start(handler)
    with django_capture_on_commit_callbacks(execute=True):
        services.end_call(handler, unreachable, CallDetails(called="Jo", hung_up_at_risk=True))
    said = told.filter(body__contains=f"call {unreachable.pk}")
    assert said.count() == 2
    for message in said:
        assert "Call back" not in message.body
        assert "left no number to call back. Read the call and note what was done" in message.body


def test_a_call_ended_with_a_plan_tells_no_duty_contact(handler, line):
    line.duty_phone = "07700900111"
    line.save()
    services.end_call(handler, start(handler), CallDetails(**{**PLAN, "outcomes": ["support"]}))
    assert not Message.objects.exists()
    assert Call.objects.get().duty_told_at is None


def test_a_correction_that_says_they_hung_up_at_risk_tells_the_duty_contacts(handler, line):
    line.duty_email = "duty@example.nhs.uk"
    line.save()
    call = ended(handler, line)
    links.correct_call(
        handler, call, corrected(call, hung_up_at_risk=True), "They hung up at the end, at risk."
    )
    assert Message.objects.filter(kind=Message.Kind.DUTY_ALERT, channel="email").count() == 1
    assert timezone.now() - Call.objects.get().duty_told_at < dt.timedelta(minutes=1)


# Erasing a care record ---------------------------------------------------------------


def test_erasing_a_persons_care_record_takes_their_links_corrections_and_referral(
    handler, leader, line, team
):
    from coproduce.privacy.retention import erase_care_record

    call = start(handler, called="Jo", phone="07700 900321", phone_key="07700900321")
    person = links.record_new_person(handler, call, person_details())
    call.refresh_from_db()
    links.end_call_and_refer(handler, call, CallDetails(**PLAN, nhs_number=NEW_NUMBER), ask(team))
    call.refresh_from_db()
    links.correct_call(
        handler, call, corrected(call, area="Ely", nhs_number=NEW_NUMBER), "The area was left out."
    )
    erase_care_record(leader, person)
    call.refresh_from_db()
    assert (call.person, call.referral, call.called, call.phone) == (None, None, "", "")
    assert not CallLink.objects.exists()
    assert not CallCorrection.objects.exists()
    assert not Person.objects.exists()
    assert not Referral.objects.exists()


def test_a_correction_cannot_untick_the_referral_the_call_made(handler, known, team):
    """The referral is live with its team; a correction that took "Referred to the crisis
    team" off the call would leave the call saying one thing and the referral another
    (found by a fresh-eyes trial)."""
    call = links.end_call_and_refer(
        handler, start(handler), CallDetails(**PLAN, nhs_number=known.nhs_number), ask(team)
    )
    details = corrected(call, nhs_number=known.nhs_number, outcomes=["support"])
    with pytest.raises(ValidationError) as refused:
        links.correct_call(handler, call, details, "The area was missed off the call.")
    assert "stays ticked" in refused.value.message_dict["outcomes"][0]
    call.refresh_from_db()
    assert Call.Outcome.CRISIS_TEAM in call.outcomes
    assert not CallCorrection.objects.exists()
    kept = corrected(call, nhs_number=known.nhs_number, area="March")
    links.correct_call(handler, call, kept, "The area was missed off the call.")
    call.refresh_from_db()
    assert (call.area, call.referral.pk) == ("March", Referral.objects.get().pk)
