"""Setting up staff in the admin: who may be on a team, and the teams on someone's own
account page (a fresh-eyes trial found the police's system account, network members and
administrators offered as a team's staff and an action's owner, and no team field on the
account page)."""

import re

import pytest

from coproduce.accounts import audit
from coproduce.accounts.models import Role, User
from coproduce.care.models import Team
from coproduce.change.forms import ActionForm
from coproduce.firstresponse.models import LinePartner
from coproduce.tooling.testing.factories import TeamFactory, UserFactory


@pytest.fixture
def signed_in_admin(client, administrator):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    return administrator


@pytest.fixture
def not_staff(db):
    police = UserFactory(username="police", first_name="Cambridgeshire Constabulary")
    line = TeamFactory(kind=Team.Kind.CRISIS_LINE)
    LinePartner.objects.create(
        user=police, organisation=LinePartner.Organisation.POLICE, name="Constabulary"
    ).lines.add(line)
    return {
        "police": police,
        "member": UserFactory(role=Role.NETWORK_MEMBER, first_name="Network"),
        "administrator": UserFactory(role=Role.ADMINISTRATOR, first_name="Admin"),
        "gone": UserFactory(is_active=False, first_name="Left"),
    }


def offered(html, name):
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, name
    return {int(v) for v in re.findall(r'<option value="(\d+)"', select.group(1))}


def test_a_teams_staff_and_peer_worker_are_chosen_from_people_on_the_staff(
    client, signed_in_admin, team, lead, not_staff
):
    support = UserFactory(role=Role.SUPPORT_WORKER)
    page = client.get(f"/admin/care/team/{team.pk}/change/").content.decode()
    for field in ("staff", "peer_worker"):
        choices = offered(page, field)
        assert {lead.pk, support.pk} <= choices
        assert not {u.pk for u in not_staff.values()} & choices, field


def test_an_actions_owner_is_someone_on_the_staff(lead, not_staff):
    owners = set(ActionForm().fields["owner"].queryset.values_list("pk", flat=True))  # type: ignore[attr-defined]
    assert lead.pk in owners
    assert not {u.pk for u in not_staff.values()} & owners


def test_a_new_member_of_staff_is_put_on_their_teams_from_their_account_page(
    client, signed_in_admin, team
):
    other = TeamFactory()
    add = client.get("/admin/accounts/user/add/").content.decode()
    assert offered(add, "teams") >= {team.pk, other.pk}
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "username": "new.practitioner",
            "usable_password": "true",
            "password1": "a long enough passphrase 2026",
            "password2": "a long enough passphrase 2026",
            "first_name": "Nia",
            "last_name": "Jones",
            "email": "nia.jones@example.nhs.uk",
            "role": Role.PRACTITIONER,
            "teams": [team.pk, other.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    made = User.objects.get(username="new.practitioner")
    assert set(made.teams.all()) == {team, other}
    assert made.name_and_role == "Nia Jones (Practitioner)"  # named on the add page too

    change = f"/admin/accounts/user/{made.pk}/change/"
    page = client.get(change).content.decode()
    assert re.search(rf'<option value="{team.pk}" selected', page)
    form = {
        "username": made.username,
        "first_name": "Nia",
        "last_name": "Jones",
        "email": "",
        "is_active": "on",
        "role": Role.PRACTITIONER,
        "teams": [other.pk],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "05/12/2026",
        "date_joined_1": "08:00:00",
    }
    response = client.post(change, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(made.teams.all()) == [other]

    # A network member on a team's staff is refused, by name, and nothing is changed.
    refused = client.post(change, {**form, "role": Role.NETWORK_MEMBER, "teams": [team.pk]})
    assert refused.status_code == 200
    assert "Network members and administrators are not on teams&#x27; staff" in (
        refused.content.decode()
    )
    made.refresh_from_db()
    assert made.role == Role.PRACTITIONER
    assert list(made.teams.all()) == [other]


def test_a_partners_system_account_is_refused_a_team_from_its_account_page(
    client, signed_in_admin, team, not_staff
):
    police = not_staff["police"]
    refused = client.post(
        f"/admin/accounts/user/{police.pk}/change/",
        {
            "username": police.username,
            "first_name": police.first_name,
            "last_name": police.last_name,
            "email": "",
            "is_active": "on",
            "role": police.role,
            "teams": [team.pk],
            "date_joined_0": "05/12/2026",
            "date_joined_1": "08:00:00",
        },
    )
    assert refused.status_code == 200
    assert "partner organisation&#x27;s system account" in refused.content.decode()
    assert not police.teams.exists()


def test_the_account_list_says_a_partners_system_and_no_raw_permissions_are_offered(
    client, signed_in_admin, not_staff
):
    police = not_staff["police"]
    listing = client.get("/admin/accounts/user/").content.decode()
    partner_name = police.line_partner.name
    assert f"Practitioner: the system of {partner_name}" in listing
    change = client.get(f"/admin/accounts/user/{police.pk}/change/").content.decode()
    assert 'name="user_permissions"' not in change
    assert 'name="groups"' not in change
    assert "comes from their role and their teams" in change


def test_accounts_that_never_sign_in_with_a_password_offer_none_and_are_filtered_by_kind(
    client, signed_in_admin, not_staff
):
    """A trial found "Set password" on NHS 111's system account, no way to list partners'
    systems, and the service's own accounts with "-" for a role."""
    police = not_staff["police"]
    scheduler = audit.scheduled_work()
    page = client.get(f"/admin/accounts/user/{police.pk}/change/").content.decode()
    assert "password/" not in page
    assert "With an API token, never a password" in page
    assert "coproduce token --user police" in page
    refused = client.get(f"/admin/accounts/user/{police.pk}/password/")
    assert refused.status_code == 403
    assert client.get(f"/admin/accounts/user/{scheduler.pk}/password/").status_code == 403
    person = not_staff["member"]
    assert "password/" in client.get(f"/admin/accounts/user/{person.pk}/change/").content.decode()

    def listed(kind):
        html = client.get(f"/admin/accounts/user/?kind={kind}").content.decode()
        return set(re.findall(r"/admin/accounts/user/(\d+)/change/", html))

    assert listed("partner") == {str(police.pk)}
    assert listed("service") == {str(scheduler.pk)}
    assert str(police.pk) not in listed("person")
    assert str(person.pk) in listed("person")
    listing = client.get("/admin/accounts/user/?kind=service").content.decode()
    assert "The service&#x27;s own account: the service&#x27;s scheduled work" in listing


def test_only_administrators_have_staff_or_superuser_status_and_a_partner_stays_clinical(
    client, signed_in_admin, team, not_staff
):
    # A fresh-eyes trial made a support worker a superuser (the whole admin site was
    # theirs), and a partner's system account an administrator.
    worker = User.objects.create(username="sw", first_name="Sam", role=Role.SUPPORT_WORKER)
    form = {
        "username": worker.username,
        "first_name": "Sam",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "role": Role.SUPPORT_WORKER,
        "date_joined_0": "05/12/2026",
        "date_joined_1": "08:00:00",
    }
    refused = client.post(f"/admin/accounts/user/{worker.pk}/change/", form)
    assert refused.status_code == 200
    assert "Only administrators have staff or superuser status" in refused.content.decode()
    worker.refresh_from_db()
    assert not worker.is_staff
    assert not worker.is_superuser
    made_admin = client.post(
        f"/admin/accounts/user/{worker.pk}/change/", {**form, "role": Role.ADMINISTRATOR}
    )
    assert made_admin.status_code == 302
    police = not_staff["police"]
    refused = client.post(
        f"/admin/accounts/user/{police.pk}/change/",
        {
            **form,
            "username": police.username,
            "first_name": police.first_name,
            "is_staff": "",
            "is_superuser": "",
            "role": Role.ADMINISTRATOR,
        },
    )
    assert refused.status_code == 200
    assert "keeps a clinical role" in refused.content.decode()
    police.refresh_from_db()
    assert police.role != Role.ADMINISTRATOR
    # Staff status for it is refused with the one way out it has (helper-66 was told to
    # give it the Administrator role, which is refused too).
    staff = client.post(
        f"/admin/accounts/user/{police.pk}/change/",
        {
            **form,
            "username": police.username,
            "first_name": police.first_name,
            "is_superuser": "",
            "role": Role.PRACTITIONER,
        },
    ).content.decode()
    assert "system account never has staff or superuser status: untick it." in staff
    assert "give the account the Administrator role" not in staff
    police.refresh_from_db()
    assert not police.is_staff
    assert client.get("/admin/auth/group/add/").status_code == 404
