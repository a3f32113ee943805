from django.apps import AppConfig


class ToolingConfig(AppConfig):
    name = "coproduce.tooling"
    label = "synthetic"  # the label this app had as `coproduce.synthetic`

    def ready(self) -> None:
        # The demo's evidence has a change of model a fixed number of months ago; tell
        # the evidence engine, which otherwise reads it from configuration only.
        from coproduce.evidence import services
        from coproduce.tooling.synthetic.history import change_date

        services.DEMO_CHANGE_DATE = change_date
