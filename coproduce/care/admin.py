"""Team configuration for administrators. Person records are never in the admin."""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import ForeignKey, ManyToManyField
from django.http import HttpRequest

from coproduce.accounts.admin import CoproduceUserAdmin
from coproduce.accounts.forms import staff_users
from coproduce.accounts.models import Role, User
from coproduce.accounts.policy import CLINICAL
from coproduce.care.models import Team
from coproduce.lib.forms import PlainWords


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "opens_at", "closes_at", "max_named_team", "review_days")
    filter_horizontal = ("staff",)
    fieldsets = (
        (None, {"fields": ("name", "welsh_name", "kind", "staff")}),
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

    # A team's staff and its peer worker are people on the staff: not network members,
    # administrators, a partner's system account (NHS 111, the police) or the service's
    # own accounts (a fresh-eyes trial found all of them offered).
    def formfield_for_manytomany(
        self, db_field: ManyToManyField[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        if db_field.name == "staff":
            kwargs["queryset"] = staff_users()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField[Any] | None:
        if db_field.name == "peer_worker":
            kwargs["queryset"] = staff_users()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# The teams someone works in, on their own account's page too: setting up a new member of
# staff is one page, not two (a fresh-eyes trial looked for it there).
NOT_ON_TEAMS = {Role.NETWORK_MEMBER, Role.ADMINISTRATOR}


class TeamsField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def __init__(self) -> None:
        super().__init__(
            queryset=Team.objects.all(),
            required=False,
            widget=FilteredSelectMultiple("teams", is_stacked=False),
            help_text="The teams they work in: their caseloads, the line, the Sanctuary. "
            "Network members and administrators are on none.",
        )


def _teams_checked(form: forms.ModelForm[User]) -> None:
    teams = form.cleaned_data.get("teams")
    if not teams:
        return
    if form.cleaned_data.get("role") in NOT_ON_TEAMS:
        form.add_error("teams", "Network members and administrators are not on teams' staff.")
    elif form.instance.pk and hasattr(form.instance, "line_partner"):
        form.add_error(
            "teams",
            "This is a partner organisation's system account (it passes calls to the line): "
            "it is not on teams' staff.",
        )


def _access_checked(form: forms.ModelForm[User]) -> None:
    """What someone may do comes from their role: staff and superuser status (the admin
    site, every record) only with the Administrator role, and a partner's system account
    keeps the clinical role it passes calls with (ADR 0015). A fresh-eyes trial made a
    support worker a superuser, and a partner's account an administrator."""
    role = form.cleaned_data.get("role")
    partner = bool(form.instance.pk) and hasattr(form.instance, "line_partner")
    for flag in ("is_staff", "is_superuser"):
        if form.cleaned_data.get(flag) and (role != Role.ADMINISTRATOR or partner):
            form.add_error(
                flag,
                # A partner's system can never be an administrator: only the first way out
                # is offered it (a fresh-eyes trial was told to give it the role).
                "A partner organisation's system account never has staff or superuser "
                "status: untick it."
                if partner
                else "Only administrators have staff or superuser status: untick it, or "
                "give the account the Administrator role.",
            )
    if partner and role not in CLINICAL:
        form.add_error(
            "role",
            "This is a partner organisation's system account: it keeps a clinical role, "
            "which is how it passes calls to the line.",
        )


class UserChangeWithTeams(PlainWords, UserChangeForm):  # type: ignore[type-arg]
    teams = TeamsField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["teams"].initial = list(self.instance.teams.all())

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        _teams_checked(self)
        _access_checked(self)
        return cleaned


class UserCreationWithTeams(PlainWords, AdminUserCreationForm):
    teams = TeamsField()

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        _teams_checked(self)
        return cleaned


admin.site.unregister(User)


@admin.register(User)
class UserWithTeamsAdmin(CoproduceUserAdmin):
    form = UserChangeWithTeams
    add_form = UserCreationWithTeams
    fieldsets = (*CoproduceUserAdmin.fieldsets, ("Teams", {"fields": ("teams",)}))  # type: ignore[assignment]
    add_fieldsets = (*CoproduceUserAdmin.add_fieldsets, ("Teams", {"fields": ("teams",)}))

    def save_related(
        self, request: HttpRequest, form: forms.ModelForm[User], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        form.instance.teams.set(form.cleaned_data.get("teams") or [])
