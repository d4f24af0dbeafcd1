from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "hingecoach.web.live"
    label = "live"
    verbose_name = "Live mode"
