"""Start Django from outside a request (CLI, tests, scripts)."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hingecoach.web.settings")
    import django

    django.setup()


def prepare(*, verbosity: int = 0) -> None:
    """Apply migrations and collect static files when needed (idempotent, quick)."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("collectstatic", interactive=False, verbosity=verbosity)
