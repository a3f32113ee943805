"""Partners registered to pass calls to the line (ADR 0015), set up by administrators.
Calls and passed calls themselves are read on the line's pages, never in the admin."""

from django.contrib import admin

from coproduce.firstresponse.models import LinePartner


@admin.register(LinePartner)
class LinePartnerAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "organisation", "user")
    list_filter = ("organisation",)
    fields = ("name", "organisation", "user", "lines")
    filter_horizontal = ("lines",)
