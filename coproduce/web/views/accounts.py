from __future__ import annotations

import unicodedata
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView, LogoutView, redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice
from markupsafe import Markup

from coproduce.accounts import oidc, second_factor
from coproduce.accounts.models import User
from coproduce.lib.forms import PlainWords, PlainWordsForm
from coproduce.web.views.render import page, posted


class SignInForm(PlainWords, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your administrator.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except forms.ValidationError as error:
            # Point the error summary at the username field, not the page.
            self.add_error("username", error)
            return self.cleaned_data


class SignIn(LoginView):
    template_name = "accounts/sign_in.jinja"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}

    def get_success_url(self) -> str:
        """After the password, the code page, always: the page asked for may be a public
        one, open to anyone, which would never ask for the code."""
        url = super().get_success_url()
        user = self.request.user
        if (
            isinstance(user, User)
            and second_factor.needed(user)
            and not second_factor.verified(self.request)
        ):
            return second_factor.code_page(user, url)
        return url

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "sso_enabled": oidc.enabled(),
            "sso_failed": self.request.GET.get("sso") == "failed",
        }


class SignOut(LogoutView):
    """Signs out and says so on the page it lands on (a fresh-eyes trial landed on the
    home page with no sign that it had worked)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            messages.success(request, "You have signed out.")
        return response


class CodeForm(PlainWordsForm):
    code = forms.CharField(
        max_length=12,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdecimal() and len(code) == 6):
            raise forms.ValidationError("Enter the code as 6 digits, like 123456")
        # Digits as any keyboard types them (full-width ones too): the app's are 0-9.
        return "".join(str(unicodedata.decimal(c)) for c in code)


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return reverse("home")


def _between_factors(request: HttpRequest) -> User | None:
    """The signed-in user who still owes a second factor, or None (nothing to do here)."""
    user = request.user
    if not isinstance(user, User) or not second_factor.needed(user):
        return None
    if second_factor.verified(request):
        return None
    return user


@require_http_methods(["GET", "POST"])
def enter_code(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: the code from the person's authenticator app."""
    user = _between_factors(request)
    if user is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return redirect(_next(request))
    device = second_factor.confirmed_device(user)
    if device is None:
        return redirect(f"{reverse('set_up_code')}?{urlencode({'next': _next(request)})}")
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        problem = second_factor.check_code(request, device, form.cleaned_data["code"])
        if problem is None:
            return redirect(_next(request))
        form.add_error("code", problem)
    return page(
        request,
        "accounts/code.jinja",
        "Enter the code from your authenticator app",
        form=form,
        next=_next(request),
        demo_code=second_factor.next_code(device) if settings.ENVIRONMENT == "demo" else None,
    )


@require_http_methods(["GET", "POST"])
def set_up_code(request: HttpRequest) -> HttpResponse:
    """First sign-in with a password: link an authenticator app to the account."""
    user = _between_factors(request)
    if user is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return redirect(_next(request))
    if second_factor.confirmed_device(user) is not None:
        return redirect(f"{reverse('enter_code')}?{urlencode({'next': _next(request)})}")
    form = CodeForm(posted(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if request.method == "POST" and device is not None and form.is_valid():
        problem = second_factor.check_code(request, device, form.cleaned_data["code"])
        if problem is None:
            messages.success(request, "Your authenticator app is set up.")
            return redirect(_next(request))
        form.add_error("code", problem)
    if device is None:
        device = second_factor.new_device(user)
    return page(
        request,
        "accounts/set_up_code.jinja",
        "Set up an authenticator app",
        form=form,
        next=_next(request),
        qr_svg=Markup(second_factor.setup_qr_svg(device)),  # noqa: S704 - drawn here by qrcode
        key=second_factor.setup_key(device),
        # The demo shows the code here too (found by a fresh-eyes trial: a new demo
        # account could not get past this page without an authenticator app).
        demo_code=second_factor.next_code(device) if settings.ENVIRONMENT == "demo" else None,
    )


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> Any:
    """django-axes' answer after too many wrong passwords: the sign-in page, saying why."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = SignInForm(request)
    form.errors["username"] = form.error_class(
        [
            f"This account is locked for {minutes} minutes after "
            f"{settings.AXES_FAILURE_LIMIT} wrong passwords. Try again later, or ask your "
            "administrator to unlock it"
        ]
    )
    return page(
        request, "accounts/sign_in.jinja", "Sign in", status=429, form=form, next=_next(request)
    )
