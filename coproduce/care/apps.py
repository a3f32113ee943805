from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "coproduce.care"
    label = "care"
    verbose_name = "Crisis care"
