from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hingecoach.web.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from hingecoach.web.audit import registry

        registry.register_models()
