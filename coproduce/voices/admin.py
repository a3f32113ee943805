"""The enquiry-category framework, configured by administrators. Voices themselves are
read and reviewed on the Voices pages, never in the admin."""

from django.contrib import admin

from coproduce.voices.models import EnquiryCategory, ServiceFramework


@admin.register(EnquiryCategory)
class EnquiryCategoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "framework", "active")
    list_filter = ("framework", "active")
    search_fields = ("name", "keywords")
    fields = ("name", "description", "framework", "source_label", "keywords", "active")
    readonly_fields = ("source_label",)


@admin.register(ServiceFramework)
class ServiceFrameworkAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("team", "framework")
    list_filter = ("framework",)
    fields = ("team", "framework")
