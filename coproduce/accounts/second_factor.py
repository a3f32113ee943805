"""A second factor for staff: a six-digit code from an authenticator app (TOTP, RFC 6238).

A password alone opens nothing for the roles that need a second factor: until the code
is entered, every page sends the person to enter it (or, the first time, to set up their
app). NHS single sign-on (OpenID Connect) counts as both factors when the identity
provider says the sign-in was multi-factor (its ``acr``), as NHS CIS2's always is.

Codes are checked by django-otp, which also slows down guessing: each wrong code doubles
the wait before the next may be tried.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import Role, User

# Where the session says both factors were checked by the identity provider.
SIGNED_IN_WITH = "coproduce_signed_in_with"
STAFF = frozenset(Role) - {Role.NETWORK_MEMBER}
# Pages a person between their password and their code may open.
OPEN_BETWEEN_FACTORS = {"enter_code", "set_up_code", "sign_out", "healthz", "readyz", "metrics"}
# Open between the factors too, served as to someone not signed in (the trial of issue
# 21 found them all sending a person to the code page). Names from web.urls'
# public_urlpatterns; a test checks the two agree.
PUBLIC_PAGES = frozenset(
    {
        "home",
        "give_feedback",
        "give_feedback_again",
        "feedback_received",
        "withdraw_feedback",
        "stop_follow_up",
        "stop_updates",
        "list_updates",
        "show_update",
        "join_network",
        "joined_network",
        "update_audio",
    }
)


def needed(user: User | AnonymousUser) -> bool:
    """Whether this user must give a second factor (COPRODUCE_SECOND_FACTOR says who)."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    who = settings.SECOND_FACTOR
    return who == "everyone" or (who == "staff" and (user.role in STAFF or user.is_staff))


def verified(request: HttpRequest) -> bool:
    user = request.user
    return bool(getattr(user, "is_verified", lambda: False)()) or (
        request.session.get(SIGNED_IN_WITH) == "oidc"
    )


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def check_code(request: HttpRequest, device: TOTPDevice, code: str) -> str | None:
    """None when the code is right (and the session is now verified), else what is wrong."""
    allowed, detail = device.verify_is_allowed()
    if not allowed:
        until = (detail or {}).get("locked_until") or timezone.now()
        seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
        wait = "1 second" if seconds == 1 else f"{seconds} seconds"
        return f"After a wrong code, wait a moment: try again in {wait}, with the newest code"
    if not device.verify_token(code):
        return "The code is not right. Enter the newest 6-digit code from your app"
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    return None


def new_device(user: User) -> TOTPDevice:
    """A new, unconfirmed device (the person confirms it by entering a code from it)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def setup_key(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, to type into an app by hand."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def setup_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code, drawn here (no outside service)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


def demo_key(username: str) -> str:
    """The demo accounts' keys (hex), derived from the demo secret: demo only."""
    return hmac.new(
        settings.DEMO_SECRET_KEY.encode(), f"totp:{username}".encode(), hashlib.sha256
    ).hexdigest()[:40]


def current_code(device: TOTPDevice) -> str:
    """The code the device shows now (for tests)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@dataclass(frozen=True)
class NextCode:
    """The code a device will accept next, and in how many seconds (0: at once)."""

    code: str
    wait_seconds: int


def next_code(device: TOTPDevice, now: float | None = None) -> NextCode:
    """The code the device will accept next, for the demo's code page.

    A code may be used once: django-otp refuses any time step at or before the last one
    used (``last_t``), so someone signing in again within the same 30 seconds is refused
    the code an app shows then. The device accepts the steps either side of now within its
    ``tolerance``; the first of those after the last one used is the code to show. When
    none is left (a device with no tolerance), the code of the next unused step is shown
    with the seconds until it is accepted."""
    now = time.time() if now is None else now
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, 0)
    totp.time = now
    clock = totp.t()  # the step now, before the device's drift
    current = clock + device.drift
    wanted = max(current, device.last_t + 1)
    totp.drift = wanted - clock
    code = f"{totp.token():0{device.digits}d}"
    if wanted <= current + device.tolerance:
        return NextCode(code, 0)
    # Accepted once ``wanted`` is within tolerance of the clock's step.
    starts = device.t0 + (wanted - device.drift - device.tolerance) * device.step
    return NextCode(code, max(1, math.ceil(starts - now)))


def code_page(user: User, next_page: str) -> str:
    """Where a person who owes their second factor enters it (or sets it up), then goes on
    to ``next_page``."""
    where = "enter_code" if confirmed_device(user) else "set_up_code"
    return f"{reverse(where)}?{urlencode({'next': next_page})}"


class SecondFactorRequired:
    """Send a signed-in person who still owes their second factor to enter it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if needed(request.user) and not verified(request):
            if self._url_name(request) in PUBLIC_PAGES:
                # The public pages (feedback, crisis contacts, "you said, we did") stay
                # open, as to anyone not signed in: nothing of the account is used.
                request.user = AnonymousUser()
            elif request.path.startswith(("/api/", "/fhir/")):
                # A program is answered as one, not sent to a page for a person: with the
                # session not yet signed in, the API sees no one and says so (401/403),
                # and a token it was given still works (issue 21's seventh trial).
                request.user = AnonymousUser()
            elif not self._open(request):
                assert isinstance(request.user, User)  # noqa: S101 - needed() checked it
                return redirect(code_page(request.user, request.get_full_path()))
        return self.get_response(request)

    @classmethod
    def _open(cls, request: HttpRequest) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        return cls._url_name(request) in OPEN_BETWEEN_FACTORS

    @staticmethod
    def _url_name(request: HttpRequest) -> str | None:
        match = request.resolver_match
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                return None
        return match.url_name
