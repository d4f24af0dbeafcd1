"""The static files app, without what the app never serves: django-ninja ships Redoc and
Swagger UI, and the API docs are the app's own page (``web/api/docs.py``); compressing
their megabytes made every first start slower."""

from types import ModuleType

from django.contrib.staticfiles.apps import StaticFilesConfig


class HingecoachStaticFiles(StaticFilesConfig):
    def __init__(self, app_name: str, app_module: ModuleType | None) -> None:
        super().__init__(app_name, app_module)
        self.ignore_patterns = [*StaticFilesConfig.ignore_patterns, "redoc.*", "swagger-ui*"]
