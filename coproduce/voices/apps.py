from django.apps import AppConfig


class VoicesConfig(AppConfig):
    name = "coproduce.voices"
    label = "voices"
    verbose_name = "Voices"
