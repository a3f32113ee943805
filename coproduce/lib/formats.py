"""The formats a person may need what we send them in (NHS Accessible Information
Standard): asked for when they join the network or give feedback, honoured by messaging."""

from __future__ import annotations

from django.db import models


class Format(models.TextChoices):
    """The format a person needs what we send them in."""

    STANDARD = "standard", "Standard"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy Read"
    AUDIO = "audio", "Audio"
    BRAILLE = "braille", "Braille-ready plain text"
    OTHER_LANGUAGE = "other_language", "Another language"
    INTERPRETER = "interpreter", "Interpreter needed"
