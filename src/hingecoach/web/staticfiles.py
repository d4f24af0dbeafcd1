"""The static files app, without what the app never serves: django-ninja ships Redoc
beside the Swagger UI its API docs use, and compressing Redoc's megabytes made every
first start slower."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class HingecoachStaticFiles(StaticFilesConfig):
    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "redoc.*"]
