import importlib
import itertools
import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, AuditTrailIsAppendOnly


def test_it_records_who_did_what_to_which_record(lead, person):
    event = audit.record(lead, AuditEvent.Action.VIEWED, person)
    assert event.actor == lead
    assert event.record_type == "care.person"
    assert event.record_id == str(person.pk)
    assert event.occurred_at is not None


def test_it_refuses_an_event_with_no_signed_in_user(person):
    with pytest.raises(audit.Unattributed):
        audit.record(AnonymousUser(), AuditEvent.Action.VIEWED, person)
    with pytest.raises(audit.Unattributed):
        audit.record(None, AuditEvent.Action.VIEWED, person)
    assert not AuditEvent.objects.exists()


def test_it_cannot_be_changed_or_deleted(lead, person):
    event = audit.record(lead, AuditEvent.Action.VIEWED, person)
    event.detail = "tampered"
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    assert AuditEvent.objects.get().detail == ""


def test_it_holds_no_contents_of_the_record(lead, person):
    audit.record(lead, AuditEvent.Action.VIEWED, person)
    row = AuditEvent.objects.values().get()
    flat = " ".join(str(v) for v in row.values())
    assert person.family_name not in flat
    assert person.nhs_number not in flat


def tamper(sql, params=()):
    """Change the trail behind the application's back, as someone with database rights
    could (on PostgreSQL a superuser must first switch the append-only trigger off)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("RESET session_replication_role")


@pytest.fixture
def trail(lead, person):
    return [audit.record(lead, AuditEvent.Action.VIEWED, person, f"read {n}") for n in range(5)]


def test_each_event_is_chained_to_the_one_before(trail):
    assert trail[0].previous_hash == "0" * 64
    for before, after in itertools.pairwise(trail):
        assert after.previous_hash == before.entry_hash
    assert audit.verify() == (5, None)


def test_verify_names_an_event_changed_afterwards(trail):
    tamper("UPDATE accounts_auditevent SET detail = 'nothing to see' WHERE id = %s", [trail[2].pk])
    checked, broken = audit.verify()
    assert checked == 2
    assert broken.event_id == trail[2].pk
    assert "changed" in broken.reason


def test_verify_names_the_event_after_one_removed(trail):
    tamper("DELETE FROM accounts_auditevent WHERE id = %s", [trail[1].pk])
    checked, broken = audit.verify()
    assert (checked, broken.event_id) == (1, trail[2].pk)
    assert "removed" in broken.reason


def test_verify_sees_events_cut_from_the_end(trail):
    tamper("DELETE FROM accounts_auditevent WHERE id = %s", [trail[4].pk])
    checked, broken = audit.verify()
    assert (checked, broken.event_id) == (4, None)
    assert "end" in broken.reason


def test_the_database_itself_refuses_an_update_on_postgresql(trail):
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=trail[0].pk).update(detail="x")


def test_the_command_reports_a_whole_trail_and_names_a_break(trail):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "whole: 5 events checked" in out.getvalue()
    tamper("UPDATE accounts_auditevent SET record_id = '999' WHERE id = %s", [trail[3].pk])
    with pytest.raises(CommandError, match=f"broken at event {trail[3].pk}: its contents"):
        call_command("audit", "verify")


def test_events_written_together_are_chained_in_order_and_verify(trail, lead, person, team):
    together = audit.record_each(
        lead, AuditEvent.Action.VIEWED, [person, team, person], "caseload list"
    )
    assert [e.record_type for e in together] == ["care.person", "care.team", "care.person"]
    written = list(AuditEvent.objects.order_by("id"))
    assert written[-3:] == together
    for before, event in itertools.pairwise(written):
        assert event.previous_hash == before.entry_hash
    assert audit.verify() == (8, None)
    assert audit.record_each(lead, AuditEvent.Action.VIEWED, []) == []
    with pytest.raises(audit.Unattributed):
        audit.record_each(AnonymousUser(), AuditEvent.Action.VIEWED, [person])
    assert AuditEvent.objects.count() == 8


def test_the_database_and_the_chain_agree_on_awkward_details(lead, person):
    details = ["café, naïve 😊", "tab\tand\nnew line", "", "x" * 250, "unit\x1fseparator"]
    events = [audit.record(lead, AuditEvent.Action.VIEWED, person, d) for d in details]
    assert events[3].detail == "x" * 200
    assert [e.detail for e in AuditEvent.objects.order_by("id")] == [e.detail for e in events]
    assert audit.verify() == (5, None)
    if connection.vendor == "postgresql":  # written there by one call of the database's function
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_proc WHERE proname = 'coproduce_audit_append'")
            assert cursor.fetchone() == (1,)


@pytest.mark.django_db(transaction=True)
def test_events_written_at_once_from_many_threads_make_one_chain(lead, person):
    if connection.vendor != "postgresql":
        pytest.skip("many writers at once is PostgreSQL's case")
    failures = []

    def write():
        try:
            for n in range(10):
                audit.record(lead, AuditEvent.Action.VIEWED, person, f"read {n}")
            audit.record_each(lead, AuditEvent.Action.VIEWED, [person, person], "list")
        except Exception as error:
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert audit.verify() == (96, None)


def test_a_database_hash_that_is_not_the_chains_is_refused_loudly(lead, person):
    if connection.vendor != "postgresql":
        pytest.skip("the database's function is PostgreSQL's")
    function = importlib.import_module(
        "coproduce.accounts.migrations.0004_audit_append_function"
    ).FUNCTION
    with connection.cursor() as cursor:  # a function that joins the fields differently
        cursor.execute(function.replace("chr(31)", "chr(30)"))
    with pytest.raises(audit.HashesDisagree, match="the database's hash is not the chain's"):
        audit.record(lead, AuditEvent.Action.VIEWED, person)
    checked, broken = audit.verify()
    assert (checked, "changed" in broken.reason) == (0, True)
