from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "coproduce.messaging"
    label = "messaging"
    verbose_name = "Messaging: texts, emails and letters through GOV.UK Notify"

    def ready(self) -> None:
        from django.core import checks
        from django_tasks_db.compat import task_finished, task_started

        from coproduce.messaging import workers
        from coproduce.messaging.checks import rate_limit_sensible

        checks.register(rate_limit_sensible)

        # The task worker beats while it runs a task, so a lost one's task is marked failed.
        task_started.connect(workers.task_started, dispatch_uid="messaging.worker_task_started")
        task_finished.connect(workers.task_finished, dispatch_uid="messaging.worker_task_finished")
