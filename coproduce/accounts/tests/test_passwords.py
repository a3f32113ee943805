"""Passwords as production stores them: the suite itself hashes quickly (conftest), so
this asks a fresh process with the project's own settings."""

from coproduce.web.tests.test_shell import run_django


def test_production_hashes_passwords_with_pbkdf2_at_django_s_full_strength():
    result = run_django(
        "from django.contrib.auth.hashers import make_password, get_hasher;"
        "print(make_password('a-long-test-password-42'));"
        "print(get_hasher().iterations)",
        COPRODUCE_ENV="demo",
    )
    assert result.returncode == 0, result.stderr
    hashed, iterations = result.stdout.split()
    algorithm, rounds, _salt, _hash = hashed.split("$")
    assert algorithm == "pbkdf2_sha256"
    assert int(rounds) == int(iterations) >= 1_000_000


def test_the_suite_hashes_quickly_but_only_the_suite():
    from django.contrib.auth.hashers import get_hasher

    assert get_hasher().algorithm == "md5"
