from django.apps import AppConfig


class ClipsConfig(AppConfig):
    name = "hingecoach.web.clips"
    label = "clips"
    verbose_name = "Clips"
