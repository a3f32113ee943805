"""Display shapes for the change loop's pages, so templates stay dumb."""

from __future__ import annotations

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
    picture: str  # "said" (a speech bubble) or "did" (a tick)
    heading: bool


def easy_read_points(lines: list[str], language: str) -> list[Point]:
    """A picture for every point (Easy Read: one idea a line, a picture beside each): a
    speech bubble for what people said, a tick for what was done. A version a person
    wrote has no headings, and every line gets the speech bubble."""
    with translation.override(language):
        said, did = translation.gettext("You told us:"), translation.gettext("What we did:")
    picture, points = "said", []
    for line in lines:
        heading = line in {said, did}
        if heading:
            picture = "said" if line == said else "did"
        points.append(Point(line, picture, heading))
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
    you_said: str, we_did: str, easy_read: str, language: str = "en"
) -> PublicVersions:
    """The update on the public page (read in ``language``) in Easy Read and
    Braille-ready text, and what its audio version says."""
    words = YouSaidWeDid(you_said, we_did, language, "", easy_read=easy_read)
    return PublicVersions(
        easy_read=easy_read_points(formats.easy_read_lines(words), language),
        audio_script=formats.audio_script(words),
        braille=formats.braille_page(you_said, we_did, language),
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
