"""The ``coproduce`` command: the project's verbs (serve, seed, token, …) and Django's own."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["coproduce", *(sys.argv[1:] if argv is None else argv)])
    except ImproperlyConfigured as error:
        # The configuration is wrong (a setting missing or unreadable): say which, plainly,
        # not as a traceback an operator has to read to the end.
        sys.stderr.write(f"coproduce cannot start: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
