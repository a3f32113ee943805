"""The formats a person may need what we send them in (NHS Accessible Information
Standard): asked for when they join the network or give feedback, honoured by messaging."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Format(models.TextChoices):
    """The format a person needs what we send them in."""

    STANDARD = "standard", _("Standard")
    LARGE_PRINT = "large_print", _("Large print")
    EASY_READ = "easy_read", _("Easy Read")
    AUDIO = "audio", _("Audio")
    BRAILLE = "braille", _("Braille-ready plain text")
    OTHER_LANGUAGE = "other_language", _("Another language")
    INTERPRETER = "interpreter", _("Interpreter needed")


# How a format is named in a page's address (``?format=large-print``): the same words for
# "you said, we did" updates and meeting papers.
READING_FORMATS = {
    "large-print": Format.LARGE_PRINT,
    "easy-read": Format.EASY_READ,
    "braille-ready": Format.BRAILLE,
}
SLUG = {fmt: slug for slug, fmt in READING_FORMATS.items()}
