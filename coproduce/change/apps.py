from django.apps import AppConfig


class ChangeConfig(AppConfig):
    name = "coproduce.change"
    label = "change"
    verbose_name = "Change: insights, actions and updates"

    def ready(self) -> None:
        from coproduce.change.receivers import forget_withdrawn_voice, tell_once_acknowledged
        from coproduce.voices.signals import alert_acknowledged, voice_withdrawn

        voice_withdrawn.connect(
            forget_withdrawn_voice, dispatch_uid="change.forget_withdrawn_voice"
        )
        alert_acknowledged.connect(
            tell_once_acknowledged, dispatch_uid="change.tell_once_acknowledged"
        )
