import pytest

from coproduce.tooling.testing.factories import PASSWORD


def test_it_signs_in_and_goes_where_it_was_asked(client, member):
    # A network member needs no second factor by default (staff do: test_second_factor).
    response = client.post(
        "/sign-in", {"username": member.username, "password": PASSWORD, "next": "/network/me"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/network/me"
    assert client.get("/network/me").status_code == 200


def test_it_refuses_a_wrong_password_with_a_clear_message(client, lead):
    response = client.post("/sign-in", {"username": "lead", "password": "wrong"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body
    assert 'href="#id_username"' in body
    assert "_auth_user_id" not in client.session


def test_it_names_each_missing_field(client, db):
    body = client.post("/sign-in", {}).content.decode()
    assert "Enter your username" in body
    assert "Enter your password" in body


def test_it_signs_out_on_post_only(client, lead):
    client.force_login(lead)
    assert client.get("/sign-out").status_code == 405
    response = client.post("/sign-out")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/caseload", "/voices", "/insights", "/evidence", "/outbox"])
def test_staff_pages_send_anonymous_users_to_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=")


def test_the_header_names_the_signed_in_user_and_role(client, lead):
    client.force_login(lead)
    body = client.get("/").content.decode()
    assert "Lena Lead (Practitioner)" in body
    assert "Sign out" in body


def test_the_admins_sections_for_signing_in_and_tasks_are_named_plainly(client, administrator):
    # Found by issue 21's seventh fresh-eyes trial: "AXES", "OTP_TOTP → TOTP devices",
    # "TASKS DATABASE BACKEND", where the README speaks of lock-outs and authenticator apps.
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    body = client.get("/admin/").content.decode()
    for plain in ("Sign-in lock-outs", "Authenticator apps", "Task queue", "Accounts and audit"):
        assert plain in body
    for library in ("Axes", "Otp_Totp", "Tasks Database Backend"):
        assert library not in body
