from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from coproduce.accounts.models import AuditEvent, User

# Django's groups and per-model permissions are not how anyone's access is decided here
# (accounts.policy: roles and teams), so they are not offered to set.
admin.site.unregister(Group)


@admin.register(User)
class CoproduceUserAdmin(UserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "first_name", "last_name", "role_in_words", "is_active")
    list_filter = ("role", "is_active")
    list_select_related = ("line_partner",)
    # What a person may do comes from their role (accounts.policy), never from Django's
    # groups and per-model permissions, so those are not offered (a fresh-eyes trial
    # read the raw list of "auth | group | Can add group" as something to set).
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Name and email", {"fields": ("first_name", "last_name", "email")}),
        ("Role", {"fields": ("role",)}),
        (
            "Access",
            {
                "fields": ("is_active", "is_staff", "is_superuser"),
                "description": "What someone may see and do comes from their role and "
                "their teams. Staff status and superuser are for administrators only.",
            },
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    # Their name on the add page too: before, a new account read "Name not recorded"
    # until it was edited again (a fresh-eyes trial).
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Name and email", {"fields": ("first_name", "last_name", "email")}),
        ("Role", {"fields": ("role",)}),
    )

    @admin.display(description="Role", ordering="role")
    def role_in_words(self, user: User) -> str:
        """A partner's system account (NHS 111, the police) says so: its clinical role is
        only how it passes calls (ADR 0015), and a trial read it as a practitioner."""
        partner = getattr(user, "line_partner", None)
        role = user.get_role_display()
        return f"{role}: the system of {partner.name}" if partner is not None else role


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("occurred_at", "actor", "action", "record_type", "record_id")
    list_filter = ("action", "record_type")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


_admin_login = admin.site.login


def admin_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """The admin's own sign-in, which every admin page sends a person to who may not see
    it. Someone signed in without access gets the service's page saying whom to ask (not
    Django's "You are authenticated as … but are not authorized"); someone not signed in
    signs in the service's way, with the second factor, and comes back."""
    if request.user.is_authenticated and not request.user.is_staff:
        raise PermissionDenied
    if not request.user.is_authenticated:
        return redirect_to_login(request.GET.get("next") or "/admin/")
    return _admin_login(request, extra_context)


admin.site.login = admin_login  # type: ignore[method-assign]
