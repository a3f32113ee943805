from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "coproduce.accounts"
    label = "accounts"
    verbose_name = "Accounts and audit"


# The libraries' own sections of the admin, named in the words the README uses (issue
# 21's seventh trial read "AXES", "OTP_TOTP", "AUTH TOKEN", "TASKS DATABASE BACKEND").
from axes.apps import AppConfig as AxesConfig  # noqa: E402
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig  # noqa: E402
from django_tasks_db.apps import TasksAppConfig  # noqa: E402


class SignInLockOuts(AxesConfig):  # type: ignore[misc]  # axes ships no types
    verbose_name = "Sign-in lock-outs"


class AuthenticatorApps(TOTPConfig):  # type: ignore[misc]  # django-otp ships no types
    verbose_name = "Authenticator apps (the second step of signing in)"


class TaskQueue(TasksAppConfig):
    verbose_name = "Task queue (messages and other work done after a page answers)"
