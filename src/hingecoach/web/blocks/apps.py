from django.apps import AppConfig


class BlocksConfig(AppConfig):
    name = "hingecoach.web.blocks"
    label = "blocks"
    verbose_name = "Training blocks"
