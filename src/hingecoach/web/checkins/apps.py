from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hingecoach.web.checkins"
    label = "checkins"
    verbose_name = "Sharing check-in links"
