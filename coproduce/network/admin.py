"""The network's settings in the admin: payment rates, and meeting series and boards.
Members' records are not here: they are reached through the lived experience lead's
pages, which audit each read."""

from __future__ import annotations

from django.contrib import admin

from coproduce.network.models import MeetingSeries, PaymentRate


@admin.register(PaymentRate)
class PaymentRateAdmin(admin.ModelAdmin[PaymentRate]):
    list_display = ["kind", "unit", "amount", "active"]
    list_filter = ["kind", "active"]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(admin.ModelAdmin[MeetingSeries]):
    list_display = ["name", "kind", "lived_experience_seats", "ladder"]
