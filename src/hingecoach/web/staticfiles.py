"""The static files app, without what the app never serves: django-ninja ships Redoc and
Swagger UI, and the API docs are the app's own page (``web/api/docs.py``); compressing
their megabytes made every first start slower."""

from typing import ClassVar

from django.contrib.staticfiles.apps import StaticFilesConfig


class HingecoachStaticFiles(StaticFilesConfig):
    ignore_patterns: ClassVar[list[str]] = [*StaticFilesConfig.ignore_patterns, "redoc.*",
                                            "swagger-ui*"]
