"""A production start-up with its configuration wrong says what is wrong in one line."""

import os
import subprocess
import sys

import pytest


@pytest.mark.same_on_every_database  # the process never reaches a database
def test_a_missing_secret_is_named_in_one_line_not_a_traceback():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPRODUCE_", "DJANGO_"))}
    env["COPRODUCE_ENV"] = "production"
    done = subprocess.run(
        [sys.executable, "-c", "from coproduce.cli import main; main()", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        "coproduce cannot start: SECRET_KEY must be set in the environment in production"
    )
