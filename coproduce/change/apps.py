from django.apps import AppConfig


class ChangeConfig(AppConfig):
    name = "coproduce.change"
    label = "change"
    verbose_name = "Change: insights, actions and updates"

    def ready(self) -> None:
        from coproduce.change.receivers import forget_withdrawn_voice
        from coproduce.voices.signals import voice_withdrawn

        voice_withdrawn.connect(
            forget_withdrawn_voice, dispatch_uid="change.forget_withdrawn_voice"
        )
