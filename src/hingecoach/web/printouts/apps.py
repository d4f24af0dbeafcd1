from django.apps import AppConfig


class PrintoutsConfig(AppConfig):
    name = "hingecoach.web.printouts"
    label = "printouts"
    verbose_name = "Printouts"
