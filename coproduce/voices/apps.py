from django.apps import AppConfig


class VoicesConfig(AppConfig):
    name = "coproduce.voices"
    label = "voices"
    verbose_name = "Voices"

    def ready(self) -> None:
        from django_tasks_db.compat import task_finished, task_started

        from coproduce.care.signals import episode_closed
        from coproduce.voices import workers
        from coproduce.voices.receivers import schedule_follow_up

        episode_closed.connect(schedule_follow_up, dispatch_uid="voices.schedule_follow_up")
        # The task worker beats while it runs a task, so a lost one's task is marked failed.
        task_started.connect(workers.task_started, dispatch_uid="voices.worker_task_started")
        task_finished.connect(workers.task_finished, dispatch_uid="voices.worker_task_finished")
