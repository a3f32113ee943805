"""The ``coproduce`` command: the project's verbs (serve, seed, token, …) and Django's own."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    arguments = sys.argv[1:] if argv is None else argv
    try:
        backup_folder_problem(arguments[0] if arguments else "")
        execute_from_command_line(["coproduce", *arguments])
    except ImproperlyConfigured as error:
        # The configuration is wrong (a setting missing or unreadable): say which, plainly,
        # not as a traceback an operator has to read to the end.
        sys.stderr.write(f"coproduce cannot start: {error}\n")
        sys.exit(2)


# The commands that start the service or back it up: a backup folder that cannot be
# written stops them (found when the service starts, not at 02:00). The others carry on.
REFUSED_WITHOUT_BACKUPS = {"serve", "backup", "migrate", "check"}


def backup_folder_problem(command: str) -> None:
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    problem = settings.BACKUP_DIR_PROBLEM
    if not problem:
        return
    if command in REFUSED_WITHOUT_BACKUPS:
        raise ImproperlyConfigured(problem)
    sys.stderr.write(
        f"coproduce: {problem}. Nightly backups will fail until it is fixed; "
        f"{command or 'this command'} carries on.\n"
    )


if __name__ == "__main__":
    main()
