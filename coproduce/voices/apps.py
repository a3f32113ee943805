from django.apps import AppConfig


class VoicesConfig(AppConfig):
    name = "coproduce.voices"
    label = "voices"
    verbose_name = "Voices"

    def ready(self) -> None:
        from django.core import checks

        from coproduce.voices.checks import encoder_written

        checks.register(encoder_written)

        from coproduce.care.signals import episode_closed
        from coproduce.voices.receivers import schedule_follow_up

        episode_closed.connect(schedule_follow_up, dispatch_uid="voices.schedule_follow_up")
