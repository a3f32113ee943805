"""Team configuration for administrators. Person records are never in the admin."""

from django.contrib import admin

from coproduce.care.models import Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "opens_at", "closes_at", "max_named_team", "review_days")
    filter_horizontal = ("staff",)
    fieldsets = (
        (None, {"fields": ("name", "kind", "staff")}),
        ("Opening hours (leave both empty for 24 hours)", {"fields": ("opens_at", "closes_at")}),
        (
            "Lead practitioner model",
            {"fields": ("max_named_team", "review_days", "disengaged_after_days")},
        ),
        (
            "Follow-up and response",
            {"fields": ("follow_up_after_days", "peer_worker", "arrival_target_minutes")},
        ),
        ("Duty contact for risk alerts", {"fields": ("duty_phone", "duty_email")}),
    )
