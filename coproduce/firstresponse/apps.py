from django.apps import AppConfig


class FirstResponseConfig(AppConfig):
    name = "coproduce.firstresponse"
    label = "firstresponse"
    verbose_name = "First Response Service: the line and the Sanctuary"
