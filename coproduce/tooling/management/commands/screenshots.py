"""``coproduce screenshots --out DIR``: every role's main pages of a running demo, as
full-page pictures at phone and desktop width, and one page that shows them all, so
anyone can look over the whole service in a minute.

Each role signs in once (a second-factor code is taken once) and its browser is reused
for every width. Debian's Chromium only, never a downloaded browser.
"""

from __future__ import annotations

import functools
import time
import urllib.error
import urllib.request
from html import escape
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.tooling.synthetic.demo import DEMO_PASSWORD
from coproduce.tooling.testing.browser import CHROMIUM, CHROMIUM_ARGS, sign_in, too_wide
from coproduce.tooling.testing.tour import TOUR


def widths(raw: str) -> list[int]:
    try:
        found = [int(w) for w in raw.split(",")]
    except ValueError:
        found = []
    if not found or any(not 200 <= w <= 4000 for w in found):
        raise CommandError(f"--widths takes widths in pixels (200 to 4000), like 390,1280: {raw!r}")
    return found


class Command(BaseCommand):
    help = "Full-page screenshots of every role's main pages of a running demo, with an index"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="folder for the pictures")
        parser.add_argument(
            "--base-url",
            default=settings.PUBLIC_BASE_URL,
            help="the running demo's address (default: %(default)s, the address "
            "./scripts/demo serves on, read from var/demo-ports while it runs)",
        )
        parser.add_argument("--widths", default="390,1280", help="default: %(default)s")

    def handle(self, *args: Any, **options: Any) -> None:
        site = options["base_url"].rstrip("/")
        sizes = widths(options["widths"])
        out: Path = options["out"]
        if not Path(CHROMIUM).exists():
            raise CommandError(f"{CHROMIUM} is missing: install Debian's chromium package.")
        try:
            urllib.request.urlopen(f"{site}/healthz", timeout=5)  # noqa: S310 (http only)
        except (urllib.error.URLError, OSError) as error:
            raise CommandError(
                f"No demo answers at {site} ({error}). Start it with ./scripts/demo, "
                "or give its address with --base-url."
            ) from error
        out.mkdir(parents=True, exist_ok=True)
        from playwright.sync_api import Error, sync_playwright

        started = time.monotonic()
        shots: dict[str, list[tuple[str, int, str, list[str]]]] = {}
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for role, (username, steps) in TOUR.items():
                context = chromium.new_context(viewport={"width": sizes[0], "height": 900})
                page = context.new_page()
                failed: list[str] = []
                page.on("response", functools.partial(note_failure, failed=failed))
                if username:
                    sign_in(page, site, username, DEMO_PASSWORD, check=lambda page: None)
                shots[role] = []
                for width in sizes:
                    page.set_viewport_size({"width": width, "height": 900})
                    for name, step in steps:
                        failed.clear()
                        notes: list[str] = []
                        try:
                            step(page, site)
                            page.wait_for_load_state("load")
                        except (Error, LookupError) as error:
                            notes.append(f"not reached: {str(error).splitlines()[0]}")
                        notes += failed
                        over = too_wide(page)
                        if over["over"] > 0:
                            notes.append(f"{over['over']} px wider than the screen")
                        file = f"{role}-{name}-{width}.png"
                        if not notes or not notes[0].startswith("not reached"):
                            page.screenshot(path=out / file, full_page=True)
                        shots[role].append((name, width, file, notes))
                        self.stdout.write(
                            f"{role} {name} at {width} px" + "".join(f" – {n}" for n in notes)
                        )
                context.close()
            chromium.close()
        index = out / "index.html"
        index.write_text(render_index(site, shots))
        count = sum(1 for pages in shots.values() for *_, notes in pages if not notes[:1])
        self.stdout.write(
            f"{count} pictures in {time.monotonic() - started:.0f} s. Open {index.resolve()}"
        )


def note_failure(response: Any, *, failed: list[str]) -> None:
    """A page that answered with an error (not found, forbidden, server error)."""
    if response.request.resource_type == "document" and response.status >= 400:
        failed.append(f"{response.status} at {response.url}")


def render_index(site: str, shots: dict[str, list[tuple[str, int, str, list[str]]]]) -> str:
    parts = [
        '<!doctype html><html lang="en"><meta charset="utf-8">',
        "<title>Coproduce: every role's main pages</title>",
        "<style>body{font-family:sans-serif;margin:1rem}figure{display:inline-block;"
        "vertical-align:top;margin:0 1rem 1rem 0}img{border:1px solid #999;max-height:"
        "640px}figcaption{max-width:30rem}.note{color:#b00}</style>",
        f"<h1>Every role's main pages</h1><p>From {escape(site)}. Pictures are full pages; "
        "open one to see it at full size.</p>",
    ]
    for role, pages in shots.items():
        parts.append(f'<h2 id="{role}">{escape(role.replace("-", " ").capitalize())}</h2>')
        for name, width, file, notes in pages:
            picture = (
                f'<a href="{file}"><img src="{file}" alt="" loading="lazy"></a>'
                if not notes[:1] or not notes[0].startswith("not reached")
                else ""
            )
            caption = f"{escape(name)} at {width} px" + "".join(
                f'<br><span class="note">{escape(n)}</span>' for n in notes
            )
            parts.append(f"<figure>{picture}<figcaption>{caption}</figcaption></figure>")
    return "\n".join(parts) + "\n"
