from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "hingecoach.web.today"
    label = "today"
    verbose_name = "Today: who needs the coach"
