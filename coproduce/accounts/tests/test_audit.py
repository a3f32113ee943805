import pytest
from django.contrib.auth.models import AnonymousUser

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
