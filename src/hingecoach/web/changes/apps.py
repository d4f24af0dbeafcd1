from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "hingecoach.web.changes"
    label = "changes"
    verbose_name = "What changed after a record"
