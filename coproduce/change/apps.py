from django.apps import AppConfig


class ChangeConfig(AppConfig):
    name = "coproduce.change"
    label = "change"
    verbose_name = "Change: insights, actions and updates"
