"""The libraries' own apps, named in the admin in the words the README uses. Kept out of
``apps.py``: with a second AppConfig there, Django would no longer pick the accounts
app's own by itself."""

from axes.apps import AppConfig as AxesConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from django_tasks_db.apps import TasksAppConfig


class SignInLockOuts(AxesConfig):  # type: ignore[misc]  # axes ships no types
    verbose_name = "Sign-in lock-outs"


class AuthenticatorApps(TOTPConfig):  # type: ignore[misc]  # django-otp ships no types
    verbose_name = "Authenticator apps (the second step of signing in)"


class TaskQueue(TasksAppConfig):
    verbose_name = "Task queue (messages and other work done after a page answers)"
