"""Crisis and safety plans: every change keeps the old version."""

import pytest
from django.core.exceptions import ValidationError

from coproduce.care import plans
from coproduce.care.models import CrisisPlan, SafetyPlan
from coproduce.tooling.testing.factories import sent_once


def test_each_save_is_a_new_version_and_old_ones_are_kept(lead, person):
    first = plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "Not sleeping"})
    second = plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "Not eating"})
    assert (first.version, second.version) == (1, 2)
    assert plans.current(SafetyPlan, person) == second
    first.refresh_from_db()
    assert first.warning_signs == "Not sleeping"
    assert [p.version for p in plans.history(SafetyPlan, person)] == [2, 1]


def test_a_saved_version_cannot_be_changed(lead, person):
    plan = plans.save_new_version(lead, CrisisPlan, person, {"about_me": "Me"})
    plan.about_me = "Overwritten"
    with pytest.raises(ValidationError, match="never changed"):
        plan.save()


def test_crisis_and_safety_plans_are_numbered_separately(lead, person):
    plans.save_new_version(lead, CrisisPlan, person, {"about_me": "Me"})
    assert plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "x"}).version == 1


def test_the_edit_page_saves_a_new_version_from_the_form(client, lead, person):
    plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "Old"})
    client.force_login(lead)
    page = client.get(f"/people/{person.pk}/safety-plan/edit").content.decode()
    assert ">Old</textarea>" in page  # starts from the current version
    response = client.post(
        f"/people/{person.pk}/safety-plan/edit",
        sent_once({"warning_signs": "New", "reasons_for_living": "My niece"}),
    )
    assert response["Location"] == f"/people/{person.pk}/safety-plan"
    current = plans.current(SafetyPlan, person)
    assert current is not None
    assert current.reasons_for_living == "My niece"
    assert SafetyPlan.objects.count() == 2


def test_an_empty_plan_is_refused(client, lead, person):
    client.force_login(lead)
    response = client.post(f"/people/{person.pk}/crisis-plan/edit", sent_once({}))
    assert response.status_code == 400
    assert "Write at least one section of the plan" in response.content.decode()
    assert not CrisisPlan.objects.exists()


def test_old_versions_and_the_persons_own_copy_can_be_read(client, lead, person):
    plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "First"})
    plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "Second"})
    client.force_login(lead)
    old = client.get(f"/people/{person.pk}/safety-plan?version=1").content.decode()
    assert "First" in old
    assert "Not the current version" in old
    copy = client.get(f"/people/{person.pk}/safety-plan?copy=person").content.decode()
    assert "My safety plan" in copy
    assert "Second" in copy
    assert "116 123" in copy
    assert client.get(f"/people/{person.pk}/safety-plan?version=9").status_code == 404


def test_an_unknown_plan_kind_is_not_found(client, lead, person):
    client.force_login(lead)
    assert client.get(f"/people/{person.pk}/shopping-list").status_code == 404


def test_an_outsider_cannot_read_or_write_the_plans(client, outsider, person, lead):
    plans.save_new_version(lead, SafetyPlan, person, {"warning_signs": "Private"})
    client.force_login(outsider)
    assert client.get(f"/people/{person.pk}/safety-plan").status_code == 404
    assert (
        client.post(
            f"/people/{person.pk}/safety-plan/edit", sent_once({"warning_signs": "x"})
        ).status_code
        == 404
    )
    assert SafetyPlan.objects.count() == 1
