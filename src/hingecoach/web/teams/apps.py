from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "hingecoach.web.teams"
    label = "teams"
    verbose_name = "Teams and coaches"
