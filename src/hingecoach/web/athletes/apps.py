from django.apps import AppConfig


class AthletesConfig(AppConfig):
    name = "hingecoach.web.athletes"
    label = "athletes"
    verbose_name = "Athletes and their records"
