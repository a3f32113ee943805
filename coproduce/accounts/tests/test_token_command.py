import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token


def run_token(*args):
    from io import StringIO

    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue().strip()


def test_it_prints_the_same_token_each_time(lead):
    first = run_token("--user", "lead")
    assert first == Token.objects.get(user=lead).key
    assert run_token("--user", "lead") == first


def test_it_rotates_on_request(lead):
    first = run_token("--user", "lead")
    assert run_token("--user", "lead", "--rotate") != first


def test_it_names_an_unknown_user(db):
    with pytest.raises(CommandError, match="No active user is called 'nobody'"):
        run_token("--user", "nobody")
