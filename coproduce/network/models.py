"""Members of the co-production network: open to everyone, reached how they choose."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Member(models.Model):
    class Kind(models.TextChoices):
        SERVICE_USER = "service_user", "Person who uses services"
        CARER = "carer", "Carer or family member"
        STAFF = "staff", "Member of staff"
        PEER = "peer", "Peer worker"

    class Reach(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "Phone"
        EMAIL = "email", "Email"
        TEXT = "text", "Text message"
        POST = "post", "Post"

    class Format(models.TextChoices):
        STANDARD = "standard", "Standard"
        LARGE_PRINT = "large_print", "Large print"
        EASY_READ = "easy_read", "Easy Read"
        AUDIO = "audio", "Audio"
        BRAILLE = "braille", "Braille-ready plain text"
        OTHER_LANGUAGE = "other_language", "Another language"
        INTERPRETER = "interpreter", "Interpreter needed"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_member",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    reach_by = models.CharField(max_length=16, choices=Reach.choices, default=Reach.EMAIL)
    format = models.CharField(max_length=32, choices=Format.choices, default=Format.STANDARD)
    joined_on = models.DateField()

    class Meta:
        ordering = ["joined_on"]

    def __str__(self) -> str:
        return f"Member {self.pk}"
