"""Display shapes for the change loop's pages, so templates stay dumb."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils import translation

from coproduce.change.delivery import PRINTED, Copy
from coproduce.lib.formats import Format
from coproduce.messaging import formats
from coproduce.messaging.formats import YouSaidWeDid

WAYS = {
    "sms": "Text message",
    "email": "Email",
    "letter": "Letter, sent by Notify",
    PRINTED: "Letter, printed and posted by the team",
}


# How someone is reached, in the middle of a sentence ("told by text message").
BY = {
    "sms": "by text message",
    "email": "by email",
    "letter": "by a letter Notify posts",
    PRINTED: "by a letter the team prints and posts",
}


def we_did_heading(status: str) -> str:
    """The heading over what was done, in the active language, as true as the action's
    status: "We did" only once it is done (helper-77 and helper-80 read "We did" beside
    "Status: Planned" on the public list)."""
    if status == "planned":
        return translation.gettext("What we plan to do")
    if status == "in_progress":
        return translation.gettext("What we are doing")
    return translation.gettext("We did")


def held_sentence(held: int, ways: tuple[tuple[str, int], ...]) -> str:
    """What the preview says of the contributors held for an open risk alert: how many,
    and how each will be told once it is acknowledged ("1 of them, told by text message,
    has …")."""
    if len(ways) == 1:
        by = BY.get(ways[0][0], ways[0][0])
    else:
        by = " and ".join(f"{n} {BY.get(way, way)}" for way, n in ways)
    has = "has" if held == 1 else "have"
    return (
        f"{held} of them, told {by}, {has} a risk alert the duty team has not yet "
        "acknowledged. The update goes to them only once it is: a routine update should "
        "not reach someone whose message about risk no one has answered yet."
    )


# As they read in the middle of a sentence ("Text message, Easy Read, for …").
FORMAT_NAMES: dict[str, str] = {
    Format.STANDARD.value: "standard",
    Format.LARGE_PRINT.value: "large print",
    Format.EASY_READ.value: "Easy Read",
    Format.AUDIO.value: "audio",
    Format.BRAILLE.value: "Braille-ready text",
    Format.OTHER_LANGUAGE.value: "standard (another language)",
    Format.INTERPRETER.value: "standard (interpreter needed)",
}


@dataclass(frozen=True)
class Point:
    """One line of an Easy Read version, with the picture beside it."""

    text: str
    # A key of PICTURES, or "said" (a speech bubble), "did" (a tick), "plan" (a calendar)
    # or "doing" (arrows going round).
    picture: str
    heading: bool


# Easy Read puts beside each point a picture of what it is about. A point gets the
# picture whose words (in English) it says most, the first of these on a tie; one that
# says none gets its part's: a speech bubble for what people said, a tick for what was
# done.
def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


PICTURES: dict[str, frozenset[str]] = {
    "phone": _listed(
        "phone phoned phones call called calls calling ring rang line lines text texts "
        "texted 111 999 answer answered"
    ),
    "clock": _listed(
        "wait waited waiting hour hours minutes time late night nights evening evenings "
        "quick quickly slow days weeks sooner"
    ),
    "home": _listed("home house flat room rooms living"),
    "letter": _listed(
        "letter letters leaflet leaflets email emails information read written words "
        "language languages english interpreter translated"
    ),
    "people": _listed(
        "staff nurse nurses team teams worker workers doctor doctors people person peer "
        "practitioner practitioners everyone handler handlers someone family carer carers "
        "mum dad partner"
    ),
    "heart": _listed("kind kindness listened listen listening care cared safe cuppa"),
}
_POINT_WORDS = re.compile(r"[a-z0-9]+")


def picture_for(line: str, part: str) -> str:
    """The picture beside one point: what it is about, else its part's ("said", "did")."""
    said = _POINT_WORDS.findall(line.lower())
    counts = {name: sum(w in words for w in said) for name, words in PICTURES.items()}
    best = max(counts, key=lambda name: counts[name])  # the first of the most said
    return best if counts[best] else part


def easy_read_points(lines: list[str], language: str) -> list[Point]:
    """A picture for every point (Easy Read: one idea a line, a picture beside each, of
    what it is about): ``picture_for``. Headings take their part's picture: a speech
    bubble for what people said, a tick for what was done, a calendar for what is
    planned and arrows for what is being done (helper-85: a plan had the green tick of
    "done" beside it). A version a person wrote has no headings, and its lines are
    pictured as what people said."""
    with translation.override(language):
        parts = {translation.gettext("You told us:"): "said"} | {
            formats.we_did_label(status): part
            for status, part in (("planned", "plan"), ("in_progress", "doing"), ("done", "did"))
        }
    part, points = "said", []
    for line in lines:
        heading = line in parts
        if heading:
            part = parts[line]
        points.append(Point(line, part if heading else picture_for(line, part), heading))
    return points


def language_name(code: str) -> str:
    try:
        return str(translation.get_language_info(code)["name"])
    except KeyError:
        return code


@dataclass(frozen=True)
class PublicVersions:
    easy_read: list[Point]
    audio_script: str
    braille: str


def public_versions(
    you_said: str, we_did: str, easy_read: str, language: str = "en", status: str = "done"
) -> PublicVersions:
    """The update on the public page (read in ``language``) in Easy Read and
    Braille-ready text, and what its audio version says, for an action of ``status``."""
    words = YouSaidWeDid(you_said, we_did, language, "", easy_read=easy_read, status=status)
    return PublicVersions(
        easy_read=easy_read_points(formats.easy_read_lines(words), language),
        audio_script=formats.audio_script(words),
        braille=formats.braille_page(you_said, we_did, language, status),
    )


@dataclass(frozen=True)
class ContributorVersion:
    copy: Copy
    way: str
    format: str
    language: str
    printed: bool
    easy_read: list[Point]

    @property
    def title(self) -> str:
        n = self.copy.contributors
        people = f"{n} contributor who reads" if n == 1 else f"{n} contributors who read"
        return f"{self.way}, {self.format}, for {people} {self.language}"


def contributor_version(copy: Copy) -> ContributorVersion:
    printed = copy.way == PRINTED
    return ContributorVersion(
        copy=copy,
        way=WAYS.get(copy.way, copy.way),
        format=FORMAT_NAMES.get(copy.format, copy.format),
        language=language_name(copy.language),
        printed=printed,
        easy_read=easy_read_points(list(copy.lines), copy.words_language)
        if printed and copy.format == Format.EASY_READ
        else [],
    )
