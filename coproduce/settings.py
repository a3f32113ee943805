"""Settings for Coproduce, read from the environment.

One settings module for every place Coproduce runs. ``COPRODUCE_ENV`` says which:

- ``demo`` (the default): an embedded SQLite database under ``var/``, a fixed demo secret,
  static files served straight from the apps. Synthetic data only.
- ``production``: refuses to start without ``SECRET_KEY``, ``DATABASE_URL`` and
  ``ALLOWED_HOSTS``; secure cookies and HSTS; hashed, compressed static files.

A value that cannot be read is refused at start-up with a message naming it, rather than
being silently replaced by a default.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
import os
import tempfile
from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

# Lets typed generics such as ModelChoiceField[Insight] be written at run time.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, *, least: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if least is not None and value < least:
        raise ImproperlyConfigured(f"{name} must be {least} or more, not {raw!r}")
    return value


def env_seconds(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise ImproperlyConfigured(f"{name} must be a number of seconds above 0, not {raw!r}")
    return seconds


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


ENVIRONMENT = os.environ.get("COPRODUCE_ENV", "demo")
if ENVIRONMENT not in {"demo", "production"}:
    raise ImproperlyConfigured(f"COPRODUCE_ENV must be demo or production, not {ENVIRONMENT!r}")
PRODUCTION = ENVIRONMENT == "production"

DEMO_SECRET_KEY = "demo-only-secret-key-never-use-with-real-data-0f6c2b9e8d"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "" if PRODUCTION else DEMO_SECRET_KEY)
if PRODUCTION and (not SECRET_KEY or SECRET_KEY == DEMO_SECRET_KEY):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production")
if PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be a long random value in production (50 characters or more, such "
        "as python3 -c 'import secrets; print(secrets.token_urlsafe(50))' makes), "
        f"not one of {len(SECRET_KEY)} characters"
        + (" starting django-insecure" if SECRET_KEY.startswith("django-insecure") else "")
    )

# While rotating SECRET_KEY: the old key(s), so sessions signed with them still hold
# (docs/deploy.md, "Rotating secrets"); remove once the sessions have ended.
SECRET_KEY_FALLBACKS = env_list("COPRODUCE_SECRET_KEY_FALLBACKS", [])

DEBUG = env_bool("COPRODUCE_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("COPRODUCE_DEBUG must not be on in production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The service's public name and the trust running it, shown in the page shell.
SERVICE_NAME = os.environ.get("COPRODUCE_SERVICE_NAME", "Coproduce")
TRUST_NAME = os.environ.get("COPRODUCE_TRUST_NAME", "").strip() or (
    "" if PRODUCTION else "Demo NHS Foundation Trust"
)
# Shown on every confirmation page and crisis banner; the local crisis line of the trust.
# In production it must be the trust's own: a made-up number on a crisis banner is a harm.
LOCAL_CRISIS_LINE = os.environ.get("COPRODUCE_LOCAL_CRISIS_LINE", "").strip() or (
    "" if PRODUCTION else "0800 000 0000 (demo)"
)
# How long after publishing contributors who read another language wait for a "you said,
# we did" update in theirs (a translation is entered once it is published), before they
# are told in English.
TRANSLATION_WAIT_HOURS = int(os.environ.get("COPRODUCE_TRANSLATION_WAIT_HOURS", "48"))

# The trust's own public contact details (its feedback or PALS email, its postal address's
# lines and postcode), comma-separated: never masked in an update as if a person's.
PUBLIC_CONTACTS = env_list(
    "COPRODUCE_PUBLIC_CONTACTS",
    [] if PRODUCTION else ["feedback@demo-trust.example", "Trust Headquarters", "LS99 9ZZ"],
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_tasks",
    "coproduce.accounts.library_apps.TaskQueue",  # django_tasks_db
    "django_otp",
    "coproduce.accounts.library_apps.AuthenticatorApps",  # django_otp.plugins.otp_totp
    "coproduce.accounts.library_apps.SignInLockOuts",  # axes
    "coproduce.accounts",
    "coproduce.care",
    "coproduce.messaging",
    "coproduce.voices",
    "coproduce.firstresponse",
    "coproduce.network",
    "coproduce.change",
    "coproduce.evidence",
    "coproduce.improvement",
    "coproduce.privacy",
    "coproduce.api",
    "coproduce.web",
]
# Outside production only: the demo's seeding, the benchmarks and the fakes
# (coproduce.tooling, which the production package leaves out).
if not PRODUCTION:
    INSTALLED_APPS.append("coproduce.tooling")

MIDDLEWARE = [
    # Outermost, and only with COPRODUCE_SERVER_TIMING on: the Server-Timing header.
    "coproduce.web.monitoring.ServerTiming",
    # Then (first when Server-Timing is off): every log line of the request carries its
    # id; every answer is timed by page.
    "coproduce.web.monitoring.RequestIdAndTiming",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "coproduce.accounts.sessions.RefreshSession",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "coproduce.accounts.sessions.NeverStoreWhenSignedIn",
    "django_otp.middleware.OTPMiddleware",
    "coproduce.accounts.second_factor.SecondFactorRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coproduce.urls"
WSGI_APPLICATION = "coproduce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "coproduce.web.jinja.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "coproduce.web.shell.context",
            ],
        },
    },
    {
        # Django's own templates, for the admin site only; web/templates goes first, to add
        # to the admin's pages (its icon and coproduce/admin.css).
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "coproduce" / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The shared, public NHS feedback text (read in place, never copied into the project).
SHARED_DATA_DIR = Path(
    os.environ.get("COPRODUCE_SHARED_DATA_DIR", BASE_DIR.parent / "shared" / "data")
)
DATA_DIR = Path(os.environ.get("COPRODUCE_DATA_DIR", BASE_DIR / "var"))
# The trained text model (coproduce text train --out …); without it, a rule suggests.
TEXT_MODEL_DIR = Path(os.environ.get("COPRODUCE_TEXT_MODEL_DIR", DATA_DIR / "text-model"))
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'coproduce.sqlite3'}"
DATABASE_URL = os.environ.get("DATABASE_URL", "" if PRODUCTION else DEFAULT_DATABASE_URL)
if not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL must be set in the environment in production")
try:
    # Connections are kept a minute and checked before reuse, so a restarted database is
    # reconnected to at the next request.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # A crisis line writes while a lead reads: wait for locks instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles a query it guesses is costly (JIT), which took 25 ms of a 41 ms
    # worklist query in the web benchmark (issue 25): a web page's queries are short, so
    # compiling never pays. Asked per connection, so no change on the server is needed.
    database_options = DATABASES["default"].setdefault("OPTIONS", {})
    database_options["options"] = f"{database_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "sign_in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    # NCSC: length over complexity rules; refuse common and look-alike passwords.
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# django-axes first: it refuses a locked-out account before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After this many wrong passwords for one account from one address, the account is locked
# there for the cool-off time (an administrator can unlock it: coproduce axes_reset_username).
AXES_FAILURE_LIMIT = env_int("COPRODUCE_SIGN_IN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("COPRODUCE_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "coproduce.web.views.accounts.locked_out"
AXES_RESET_ON_SUCCESS = True
# Successful sign-ins are not kept by axes (the audit trail is ours); failures are.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# NHS staff single sign-on (NHS CIS2, or any OpenID Connect provider): on when a client id
# is set. Authorisation code flow with PKCE; the ID token signed RS256. Accounts are
# matched by email address and never made by sign-on; the sign-in's assurance level
# (acr) must be one of OIDC_ACCEPTED_ACR, and then counts as both factors.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email")
OIDC_ACCEPTED_ACR = env_list("OIDC_ACCEPTED_ACR", ["AAL2_OR_ABOVE", "AAL3_ANY"])
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"
LOGIN_REDIRECT_URL_FAILURE = "/sign-in?sso=failed"
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDS", 10)
if OIDC_RP_CLIENT_ID:
    _oidc_missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )
        if not globals()[name]
    ]
    if _oidc_missing:
        raise ImproperlyConfigured(
            f"Single sign-on needs {', '.join(_oidc_missing)} as well as OIDC_RP_CLIENT_ID"
        )
    AUTHENTICATION_BACKENDS.append("coproduce.accounts.oidc.NHSIdentityBackend")
# Who must give a second factor (an authenticator app's code) after their password:
# staff (every role but network members, who may still choose one), everyone, or off.
SECOND_FACTOR = os.environ.get("COPRODUCE_SECOND_FACTOR", "staff")
if SECOND_FACTOR not in {"staff", "everyone", "off"}:
    raise ImproperlyConfigured(
        f"COPRODUCE_SECOND_FACTOR must be staff, everyone or off, not {SECOND_FACTOR!r}"
    )
if PRODUCTION and SECOND_FACTOR == "off":
    raise ImproperlyConfigured("COPRODUCE_SECOND_FACTOR must not be off in production")
OTP_TOTP_ISSUER = SERVICE_NAME

# Sessions are short and end with the browser: a shared ward computer must not stay signed in.
SESSION_COOKIE_AGE = env_int("COPRODUCE_SESSION_SECONDS", 30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A session in use is saved again (its end moved on) once a minute, not on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = env_int("COPRODUCE_SESSION_REFRESH_SECONDS", 60)
if not 0 <= SESSION_REFRESH_SECONDS < SESSION_COOKIE_AGE:
    raise ImproperlyConfigured(
        "COPRODUCE_SESSION_REFRESH_SECONDS must be at least 0 and less than "
        f"COPRODUCE_SESSION_SECONDS ({SESSION_COOKIE_AGE}), not {SESSION_REFRESH_SECONDS}"
    )
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# A form sent without its CSRF cookie or token: our page, not Django's (the public feedback
# form is drawn again with the words kept).
CSRF_FAILURE_VIEW = "coproduce.web.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The reverse proxy that ends HTTPS in front of `coproduce serve` (waitress speaks plain
# HTTP): its IP address, or * when nothing but the proxy can reach the server. From it,
# and from nothing else, waitress believes X-Forwarded-Proto (so request.is_secure() is
# right: no redirect loop, HSTS sent, CSRF's origin check passes) and X-Forwarded-For (the
# client's address, which sign-in lock-outs count by); from anyone else it drops them.
# TRUSTED_PROXY_COUNT: how many proxies in a chain add to X-Forwarded-For.
TRUSTED_PROXY = os.environ.get("COPRODUCE_TRUSTED_PROXY", "").strip()
TRUSTED_PROXY_COUNT = env_int("COPRODUCE_TRUSTED_PROXY_COUNT", 1)
TRUSTED_PROXY_HEADERS = ["x-forwarded-proto", "x-forwarded-for"]
if TRUSTED_PROXY and TRUSTED_PROXY != "*":
    try:
        ipaddress.ip_address(TRUSTED_PROXY)
    except ValueError:
        raise ImproperlyConfigured(
            "COPRODUCE_TRUSTED_PROXY must be the proxy's IP address (such as 10.0.0.5) or *, "
            f"not {TRUSTED_PROXY!r}"
        ) from None
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured(
        f"COPRODUCE_TRUSTED_PROXY_COUNT must be 1 or more, not {TRUSTED_PROXY_COUNT}"
    )
if PRODUCTION and not TRUSTED_PROXY:
    raise ImproperlyConfigured(
        "COPRODUCE_TRUSTED_PROXY must be set in production: the IP address of the proxy that "
        "ends HTTPS in front of the service, or * if nothing else can reach it"
    )
if TRUSTED_PROXY:
    # Also for a server other than ours, which must then drop the header from anyone else.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Off where the proxy itself sends plain HTTP to HTTPS; HSTS is sent either way, on
    # every answer to a request that came by HTTPS.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # Except the operator's probes, which a monitor on the server may ask of the app
    # directly, over plain HTTP on loopback (they show no one's data).
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# No inline script without the per-request nonce; nothing loaded from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
# Public pages and messages to the public come in each of these; staff pages are English.
# To add a language: add it here, run `coproduce makemessages -l <code> -e jinja,py`,
# translate coproduce/locale/<code>/LC_MESSAGES/django.po, run `coproduce compilemessages`.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "coproduce" / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic writes for production; the demo serves from the apps instead.
STATIC_ROOT = (
    Path(os.environ.get("COPRODUCE_STATIC_ROOT", BASE_DIR / "staticfiles")) if PRODUCTION else None
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "coproduce.web.storage.StaticFiles"  # whitenoise's, with the local crisis line
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# In the demo, whitenoise serves straight from the apps' static folders (no collectstatic).
WHITENOISE_USE_FINDERS = not PRODUCTION

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The API takes JSON only (the OpenAPI document says so; forms are for the pages),
    # read by our parser, which answers 400 to JSON nested too deep to read.
    "DEFAULT_PARSER_CLASSES": ["coproduce.api.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"anon": "60/minute", "user": "600/minute"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Coproduce API",
    "DESCRIPTION": "Voices in, 'you said, we did' out, and the evidence of whether it works.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # 3.1: its schemas are JSON Schema, so tests validate every response with jsonschema.
    "OAS_VERSION": "3.1.0",
    # Names for choice sets whose field names other endpoints use for other choices.
    "ENUM_NAME_OVERRIDES": {
        "ProjectStatusEnum": "coproduce.improvement.models.Project.Status",
        "MeasureSourceEnum": "coproduce.improvement.models.Measure.Source",
        "ReferralSourceEnum": "coproduce.care.models.Referral.Source",
    },
}

# Logs never carry names, NHS numbers, addresses or free text: only record ids and events.
# As JSON lines (production's default: journald keeps them, a log system reads them) or
# plain lines; each line logged while answering a request carries its request id.
LOG_FORMAT = os.environ.get("COPRODUCE_LOG_FORMAT") or ("json" if PRODUCTION else "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"COPRODUCE_LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        },
    },
    "filters": {
        "refusals": {"()": "coproduce.lib.logs.RefusalsWithoutTraceback"},
        "request_id": {"()": "coproduce.lib.logs.WithRequestId"},
        "no_query": {"()": "coproduce.lib.logs.WithoutQueryStrings"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["refusals", "request_id", "no_query"],
        }
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("COPRODUCE_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs request bodies' field names at DEBUG only; keep it at INFO and above.
        "django": {"level": "INFO"},
        # Notify's client logs failed requests with Notify's message; ours log ids and codes.
        "notifications_python_client": {"level": "CRITICAL"},
        # WeasyPrint narrates each step of making a PDF; its warnings are enough.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes masks names and addresses, but says nothing a WARNING would not.
        "axes": {"level": "WARNING"},
    },
}

# Monitoring (docs/deploy.md). /metrics answers only these addresses or networks (the
# client's address as the trusted proxy gives it); everyone else is refused.
METRICS_ADDRESSES = []
for _address in env_list("COPRODUCE_METRICS_ADDRESSES", ["127.0.0.1", "::1"]):
    try:
        METRICS_ADDRESSES.append(ipaddress.ip_network(_address, strict=False))
    except ValueError:
        raise ImproperlyConfigured(
            "COPRODUCE_METRICS_ADDRESSES must be IP addresses or networks (such as "
            f"10.0.0.0/24), separated by commas, not {_address!r}"
        ) from None
# /readyz is unready when no task worker has beaten within this many seconds, or when a
# task or message has been due for longer than this many minutes without being taken up.
READY_WORKER_SECONDS = env_seconds("COPRODUCE_READY_WORKER_SECONDS", 120)
READY_QUEUE_MINUTES = env_int("COPRODUCE_READY_QUEUE_MINUTES", 10)
if READY_QUEUE_MINUTES < 1:
    raise ImproperlyConfigured(
        f"COPRODUCE_READY_QUEUE_MINUTES must be 1 or more, not {READY_QUEUE_MINUTES}"
    )
# The server processes of `coproduce serve` share request and sign-in metrics through
# files in this folder (prometheus-client's multiprocess mode; systemd's RuntimeDirectory).
# Without it, /metrics gives the answering process's own.
METRICS_FOLDER = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
if METRICS_FOLDER and not Path(METRICS_FOLDER).is_dir():
    raise ImproperlyConfigured(
        f"PROMETHEUS_MULTIPROC_DIR must be an existing folder, not {METRICS_FOLDER!r}"
    )

# Referrals from A&E liaison are to be seen within this many minutes whatever their
# urgency (the other response targets are in coproduce/care/targets.py).
AE_LIAISON_TARGET_MINUTES = env_int("COPRODUCE_AE_LIAISON_TARGET_MINUTES", 60)
# A second referral for the same person within this window is offered for merging.
DUPLICATE_REFERRAL_HOURS = env_int("COPRODUCE_DUPLICATE_REFERRAL_HOURS", 72)

# A risk alert not acknowledged within this many minutes is escalated to team leaders.
RISK_ALERT_ESCALATE_MINUTES = env_int("COPRODUCE_RISK_ALERT_ESCALATE_MINUTES", 15)

# Counts published about people (equality monitoring, who took part): 1 to this many are
# suppressed, and the rest rounded to the nearest ROUND_TO.
SUPPRESS_AT_MOST = env_int("COPRODUCE_SUPPRESS_AT_MOST", 7)
ROUND_TO = env_int("COPRODUCE_ROUND_TO", 5)

# The analytics extract's person and staff keys are HMAC-SHA256 pseudonyms under this
# secret. In production it must come from the environment; the demo has its own.
DEMO_EVIDENCE_PSEUDONYM_KEY = "demo-only-pseudonym-key-not-for-real-data"
EVIDENCE_PSEUDONYM_KEY = os.environ.get(
    "EVIDENCE_PSEUDONYM_KEY", "" if PRODUCTION else DEMO_EVIDENCE_PSEUDONYM_KEY
)
# Special-cause run length for SPC charts (NHS England's Making Data Count uses 7;
# some published tools use 6).
SPC_RUN_LENGTH = env_int("COPRODUCE_SPC_RUN_LENGTH", 7)
# The evidence pages: a declared change to evaluate (YYYY-MM-DD; the demo's is its
# history's), the local population to measure reach against (CSV: dimension, category,
# people) and how long the trust's evaluation is kept before it is worked out again.
EVIDENCE_CHANGE_DATE = os.environ.get("COPRODUCE_EVIDENCE_CHANGE_DATE", "")
# What changed on that day, in a sentence, for the evaluation of the change.
EVIDENCE_CHANGE_DESCRIPTION = os.environ.get("COPRODUCE_EVIDENCE_CHANGE_DESCRIPTION", "").strip()
EVIDENCE_POPULATION_CSV = os.environ.get(
    "COPRODUCE_EVIDENCE_POPULATION_CSV",
    "" if PRODUCTION else str(BASE_DIR / "coproduce" / "evidence" / "demo_population.csv"),
)
# Each server process keeps its own, in memory: the trust's figures and the evidence page
# drawn from them in "default"; drawn parts of pages in "fragments", apart, so that many
# people's headers can never push the figures out (working them out takes seconds).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "coproduce-default",
    },
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "coproduce-fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
EVIDENCE_CACHE_SECONDS = env_int("COPRODUCE_EVIDENCE_CACHE_SECONDS", 600)
# Figures older than that are shown while a thread of the server process works them out
# again, so no one waits for them; off, the first request to find them gone waits.
EVIDENCE_REFRESH_IN_BACKGROUND = env_bool("COPRODUCE_EVIDENCE_REFRESH_IN_BACKGROUND", True)
# Rendered fragments that are the same for everyone (a blank public form): how long kept.
FRAGMENT_CACHE_SECONDS = env_int("COPRODUCE_FRAGMENT_CACHE_SECONDS", 300)

# GOV.UK Notify: text messages and emails out, received texts and delivery receipts in.
# The demo and the tests point the real client at a local fake Notify (coproduce fake-notify).
# Key format: {key name}-{service id}-{secret}. The demo key works only with the fake.
DEMO_NOTIFY_API_KEY = (
    "coproduce_demo-6c8a8e52-1b0e-4f3a-9a3e-2f7c4d5b6a10-0d9c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
)
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "" if PRODUCTION else DEMO_NOTIFY_API_KEY)


def demo_port(name: str, default: int) -> int:
    """A port of the running demo (not production): from the environment, else from the
    file ``./scripts/demo`` writes while it runs (DATA_DIR/demo-ports, lines NAME=PORT), so
    a command run beside it in another terminal (``coproduce text-in``) reaches the demo
    that is running, on whatever ports it was started with."""
    raw = os.environ.get(name)
    if raw is None and DEMO_PORTS_FILE.is_file():
        for line in DEMO_PORTS_FILE.read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() == name:
                raw = value.strip()
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ImproperlyConfigured(f"{name} must be a port number, not {raw!r}")
    return int(raw)


DEMO_PORTS_FILE = DATA_DIR / "demo-ports"
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL") or (
    "https://api.notifications.service.gov.uk"
    if PRODUCTION
    else f"http://127.0.0.1:{demo_port('NOTIFY_PORT', 8025)}"
)
# The bearer token Notify sends with callbacks (set the same value in Notify's settings).
DEMO_NOTIFY_CALLBACK_TOKEN = "demo-callback-token-never-use-with-real-data"  # noqa: S105
NOTIFY_CALLBACK_TOKEN = os.environ.get(
    "NOTIFY_CALLBACK_TOKEN", "" if PRODUCTION else DEMO_NOTIFY_CALLBACK_TOKEN
)
# While rotating the token: the one Notify had, still accepted until Notify has the new.
NOTIFY_CALLBACK_TOKEN_PREVIOUS = os.environ.get("NOTIFY_CALLBACK_TOKEN_PREVIOUS", "")
# One text message template and one email template, each just ((body)) (and ((subject))):
# the wording lives in Coproduce, where it is tested and translated (ADR 0006).
NOTIFY_SMS_TEMPLATE_ID = os.environ.get(
    "NOTIFY_SMS_TEMPLATE_ID", "" if PRODUCTION else "4f1b3c1e-0d55-4d0c-a0a3-5b1f2b9d6e01"
)
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get(
    "NOTIFY_EMAIL_TEMPLATE_ID", "" if PRODUCTION else "9a2e7d4c-6b3f-4e8a-b1c2-d3e4f5a6b7c8"
)
# A letter template of ((subject)) and ((body)): "you said, we did" by post in the standard
# format. Without it, letters are printed and posted by the team (as other formats are).
NOTIFY_LETTER_TEMPLATE_ID = os.environ.get(
    "NOTIFY_LETTER_TEMPLATE_ID", "" if PRODUCTION else "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
)
if PRODUCTION:
    _missing = [
        name
        for name in (
            "NOTIFY_API_KEY",
            "NOTIFY_CALLBACK_TOKEN",
            "NOTIFY_SMS_TEMPLATE_ID",
            "NOTIFY_EMAIL_TEMPLATE_ID",
        )
        if not globals()[name]
    ]
    if _missing:
        raise ImproperlyConfigured(f"{', '.join(_missing)} must be set in the environment")
if len(NOTIFY_API_KEY) < 74:
    raise ImproperlyConfigured("NOTIFY_API_KEY must look like {key name}-{service id}-{secret}")
NOTIFY_TIMEOUT_SECONDS = env_int("NOTIFY_TIMEOUT_SECONDS", 10, least=1)
# A message Notify could not take is tried again after 1, 2, 4 … minutes, up to this many tries.
NOTIFY_MAX_ATTEMPTS = env_int("NOTIFY_MAX_ATTEMPTS", 8, least=1)
# Notify's documented limit is 3,000 messages a minute per API key. Every process that sends
# (task workers, the minute's sweeper, the server) keeps to it together: one schedule in the
# database (messaging.notify.Pace). Sends in flight at once, per process.
NOTIFY_RATE_LIMIT_PER_MINUTE = env_int("NOTIFY_RATE_LIMIT_PER_MINUTE", 3000, least=1)
NOTIFY_SEND_THREADS = env_int("NOTIFY_SEND_THREADS", 4, least=1)
# Retention (coproduce purge, and the nightly purge task): care records after the last
# episode closed, network members' details after they left, message addresses and
# wording after sending, failed sign-in records; the purge's local hour.
RETENTION_CARE_YEARS = env_int("COPRODUCE_RETENTION_CARE_YEARS", 20)
RETENTION_MEMBER_YEARS = env_int("COPRODUCE_RETENTION_MEMBER_YEARS", 6)
RETENTION_MESSAGE_DAYS = env_int("COPRODUCE_RETENTION_MESSAGE_DAYS", 90)
RETENTION_SIGN_IN_DAYS = env_int("COPRODUCE_RETENTION_SIGN_IN_DAYS", 30)
RETENTION_PURGE_HOUR = env_int("COPRODUCE_RETENTION_PURGE_HOUR", 2)


def writable_folder(name: str, required: bool) -> tuple[Path | None, str]:
    """The folder named by the environment variable ``name``, and what is wrong with it
    (empty if nothing): it must exist and be writable by this process, proved by making
    and removing a small file in it (os.access says yes to root for any folder, even one
    on a read-only disk). Not set where it is required is refused at once."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        if required:
            raise ImproperlyConfigured(f"{name} must be set in the environment in production")
        return None, ""
    folder = Path(raw)
    if not folder.exists():
        return folder, f"{name} is {raw}, which does not exist: make that folder"
    if not folder.is_dir():
        return folder, f"{name} is {raw}, which is not a folder"
    try:
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".coproduce-can-write-")
    except OSError as error:
        return folder, f"{name} is {raw}, which this process cannot write to ({error.strerror})"
    os.close(handle)
    os.unlink(probe)
    return folder.absolute(), ""


# Nightly backups (coproduce backup --nightly): the folder they are written to, checked
# now rather than when the first backup fails at night, and how many are kept there (the
# oldest beyond that are removed after each new one). Each file holds every record.
# A folder that cannot be written is refused by the commands that start the service or
# back it up (serve, backup, migrate, check: coproduce/cli.py); every other command (the
# worker, escalations, the minute's jobs) says so and carries on, so a failed backup disk
# never stops a risk alert's escalation.
BACKUP_DIR, BACKUP_DIR_PROBLEM = writable_folder("COPRODUCE_BACKUP_DIR", required=PRODUCTION)
BACKUP_KEEP = env_int("COPRODUCE_BACKUP_KEEP", 14)
if BACKUP_KEEP < 1:
    raise ImproperlyConfigured(f"COPRODUCE_BACKUP_KEEP must be 1 or more, not {BACKUP_KEEP}")
# Uploaded files (feedback exports to import) larger than this are refused, by the upload
# form and by the importer behind it and behind `coproduce import-fft`.
MAX_UPLOAD_MB = env_int("COPRODUCE_MAX_UPLOAD_MB", 10)
if MAX_UPLOAD_MB < 1:
    raise ImproperlyConfigured(f"COPRODUCE_MAX_UPLOAD_MB must be 1 or more, not {MAX_UPLOAD_MB}")
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
# Audio versions of updates (espeak-ng) and other files the service makes.
MEDIA_ROOT = Path(os.environ.get("COPRODUCE_MEDIA_DIR", DATA_DIR / "media"))
# The duty contact's phone and email for risk alerts come from each team (see Team).


# Follow-up invitations and reminders are never sent in these local hours (start, end).
def env_time(name: str, default: str) -> dt.time:
    raw = os.environ.get(name) or default
    try:
        return dt.time.fromisoformat(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a time like 20:00, not {raw!r}") from None


QUIET_HOURS = (
    env_time("COPRODUCE_QUIET_HOURS_START", "20:00"),
    env_time("COPRODUCE_QUIET_HOURS_END", "09:00"),
)
# One reminder, this many days after an invitation that had no answer.
FOLLOW_UP_REMINDER_DAYS = env_int("COPRODUCE_FOLLOW_UP_REMINDER_DAYS", 7)
# Where links in messages point (the public address of this service).
# Required in production: without it, links in texts and emails would point at 127.0.0.1.
PUBLIC_BASE_URL = os.environ.get("COPRODUCE_PUBLIC_BASE_URL", "").strip().rstrip("/") or (
    "" if PRODUCTION else f"http://127.0.0.1:{demo_port('PORT', 8000)}"
)
if PRODUCTION and not PUBLIC_BASE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "COPRODUCE_PUBLIC_BASE_URL must be set in production to the service's public "
        "address, starting https:// (such as https://crisis.example.nhs.uk): links in "
        f"messages point there. It is {PUBLIC_BASE_URL or 'not set'}"
    )

# `coproduce serve`'s number of server processes, unless --processes says otherwise.
SERVER_PROCESSES = env_int("COPRODUCE_SERVER_PROCESSES", 1)
if SERVER_PROCESSES < 1:
    raise ImproperlyConfigured(
        f"COPRODUCE_SERVER_PROCESSES must be 1 or more, not {SERVER_PROCESSES}"
    )
# Open connections each server process holds at once (waitress' connection_limit, whose
# own default of 100 made a crisis team's keep-alive browsers queue for a minute: issue
# 25). Each is an open file: `coproduce serve` raises its open-files limit to fit.
SERVER_CONNECTIONS = env_int("COPRODUCE_SERVER_CONNECTIONS", 2000)
if SERVER_CONNECTIONS < 1:
    raise ImproperlyConfigured(
        f"COPRODUCE_SERVER_CONNECTIONS must be 1 or more, not {SERVER_CONNECTIONS}"
    )
# A Server-Timing header on every answer (`app;dur=` milliseconds of Django's handling,
# `db;dur=` of its queries and their count), read by `coproduce bench web`. Off unless
# asked for: it tells a browser how long each page took.
SERVER_TIMING = env_bool("COPRODUCE_SERVER_TIMING", default=False)
# Checked here, after the settings every production start needs first.
if PRODUCTION and not TRUST_NAME:
    raise ImproperlyConfigured("COPRODUCE_TRUST_NAME must be set in production")
if PRODUCTION and (
    sum(c.isdigit() for c in LOCAL_CRISIS_LINE) < 3 or LOCAL_CRISIS_LINE.startswith("0800 000 0000")
):
    raise ImproperlyConfigured(
        "COPRODUCE_LOCAL_CRISIS_LINE must be set in production to the trust's own crisis line "
        f"(shown on every crisis banner), not {LOCAL_CRISIS_LINE or 'left empty'}"
    )

# Background work (messages, follow-up invitations): django-tasks with its database worker
# (`coproduce db_worker`). Tests may run tasks at once with the immediate backend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("COPRODUCE_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "notifications"],
    }
}
# A worker (the task worker, or the sweeper sending messages) beats this often while it
# holds work. One silent for longer than the second is lost (killed, or its host gone):
# every running task worker at each beat, and `coproduce recover-lost-work` every minute,
# take its messages back (Notify is asked first, so none is sent twice) and mark the task
# it was running failed (a chunk of messages or a fan-out is handed on again). So a lost
# worker's work is taken back within lost-after plus a beat while a task worker runs, and
# lost-after plus a minute by the scheduler alone: under two minutes.
WORKER_HEARTBEAT_SECONDS = env_seconds("COPRODUCE_WORKER_HEARTBEAT_SECONDS", 10)
WORKER_LOST_AFTER_SECONDS = env_seconds("COPRODUCE_WORKER_LOST_AFTER_SECONDS", 45)
if WORKER_LOST_AFTER_SECONDS < 3 * WORKER_HEARTBEAT_SECONDS:
    raise ImproperlyConfigured(
        "COPRODUCE_WORKER_LOST_AFTER_SECONDS must be at least three heartbeats "
        f"(3 × COPRODUCE_WORKER_HEARTBEAT_SECONDS = {3 * WORKER_HEARTBEAT_SECONDS:g}), "
        f"not {WORKER_LOST_AFTER_SECONDS:g}: a worker that misses one beat is not lost"
    )
