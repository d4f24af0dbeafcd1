"""The static files app, without what the app never serves: django-ninja ships Redoc
beside the Swagger UI its API docs use, and compressing Redoc's megabytes made every
first start slower."""

from typing import ClassVar

from django.contrib.staticfiles.apps import StaticFilesConfig


class HingecoachStaticFiles(StaticFilesConfig):
    ignore_patterns: ClassVar[list[str]] = [*StaticFilesConfig.ignore_patterns, "redoc.*"]
