from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from coproduce.accounts.models import SYSTEM_ACCOUNTS, AuditEvent, User

# Django's groups and per-model permissions are not how anyone's access is decided here
# (accounts.policy: roles and teams), so they are not offered to set.
admin.site.unregister(Group)


class KindOfAccount(admin.SimpleListFilter):
    """People, partners' systems (NHS 111, the police: they pass calls by API token) and
    the service's own accounts (the public, scheduled work): a trial could not tell them
    apart in the list."""

    title = "kind of account"
    parameter_name = "kind"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("person", "People"),
            ("partner", "A partner's system"),
            ("service", "The service's own"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> QuerySet[User]:
        service = Q(username__in=SYSTEM_ACCOUNTS)
        if self.value() == "person":
            return queryset.filter(line_partner__isnull=True).exclude(service)
        if self.value() == "partner":
            return queryset.filter(line_partner__isnull=False)
        if self.value() == "service":
            return queryset.filter(service)
        return queryset


def signs_in_with_a_password(user: User) -> bool:
    return user.username not in SYSTEM_ACCOUNTS and getattr(user, "line_partner", None) is None


@admin.register(User)
class CoproduceUserAdmin(UserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "first_name", "last_name", "role_in_words", "is_active")
    list_filter = (KindOfAccount, "role", "is_active")
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

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        """A partner's system or the service's own account never signs in with a
        password, so its page offers none to set (a trial found "Set password" there):
        it says how it does work instead."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or signs_in_with_a_password(obj):
            return fieldsets
        # The first (the username and password) becomes the username and how it signs in.
        return ((None, {"fields": ("username", "how_it_signs_in")}), *fieldsets[1:])

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "how_it_signs_in")

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Refused for an account that never signs in with one: a password would let a
        person sign in to the pages as NHS 111's system, with its role on the line."""
        user = self.get_object(request, id)
        if user is not None and not signs_in_with_a_password(user):
            raise PermissionDenied("This account never signs in with a password.")
        return super().user_change_password(request, id, form_url)

    @admin.display(description="How it signs in")
    def how_it_signs_in(self, user: User) -> str:
        if user.username in SYSTEM_ACCOUNTS:
            return "Never: the service records its own work under this account (it cannot sign in)."
        return (
            "With an API token, never a password: "
            f"coproduce token --user {user.username} makes one (see the README)."
        )

    @admin.display(description="Role", ordering="role")
    def role_in_words(self, user: User) -> str:
        """A partner's system account (NHS 111, the police) says so: its clinical role is
        only how it passes calls (ADR 0015), and a trial read it as a practitioner. The
        service's own accounts, which have no role, say what they are (not "-")."""
        if user.username in SYSTEM_ACCOUNTS:
            return f"The service's own account: {SYSTEM_ACCOUNTS[user.username].lower()}"
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
