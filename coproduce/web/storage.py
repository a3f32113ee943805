"""Production's static files: whitenoise's hashed, compressed files, and the trust's local
crisis line written into the pages nginx serves itself (``proxy/``: the service not
available, an upload too large). Those pages are static, shown while the app cannot
answer, so the line (``COPRODUCE_LOCAL_CRISIS_LINE``) goes in as ``collectstatic``
collects them, before they are hashed and compressed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage  # type: ignore[import-untyped]

from coproduce.web.jinja import call_link

MARK = "<!-- coproduce: local crisis line -->"
PAGES = ("proxy/unavailable.html", "proxy/too-large.html")


def with_local_line(page: str, line: str) -> str:
    """The page with the trust's line in it, its number a link that calls it."""
    return page.replace(MARK, f"<li>Call our crisis line on {call_link(line)}.</li>", 1)


class StaticFiles(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    def post_process(
        self, paths: dict[str, Any], dry_run: bool = False, **options: Any
    ) -> Iterator[Any]:
        if not dry_run:
            for name in PAGES:
                if name in paths:
                    source_storage, source_path = paths[name]
                    with source_storage.open(source_path) as source:
                        page = source.read().decode()
                    # From the source each time, so a changed line is written in afresh.
                    Path(self.path(name)).write_text(
                        with_local_line(page, settings.LOCAL_CRISIS_LINE)
                    )
        yield from super().post_process(paths, dry_run=dry_run, **options)
