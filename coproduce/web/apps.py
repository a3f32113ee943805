from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "coproduce.web"
    label = "web"

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_login_failed

        from coproduce.web import monitoring

        # Counted for /metrics: wrong passwords, and sign-ins refused by a lock-out.
        user_login_failed.connect(monitoring.sign_in_failed, dispatch_uid="metrics-failed")
        user_locked_out.connect(monitoring.locked_out, dispatch_uid="metrics-locked-out")
