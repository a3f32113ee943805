from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "coproduce.synthetic"
    label = "synthetic"
