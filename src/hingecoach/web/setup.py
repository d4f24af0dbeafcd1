"""Start Django from outside a request (CLI, tests, scripts)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

STAMP = ".hingecoach-static-stamp"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hingecoach.web.settings")
    import django

    django.setup()


def prepare(*, verbosity: int = 0) -> None:
    """Apply migrations, and collect static files when they changed (idempotent, quick)."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    stamp_file = Path(settings.STATIC_ROOT) / STAMP
    stamp = static_sources_stamp()
    if not stamp_file.exists() or stamp_file.read_text() != stamp:
        call_command("collectstatic", interactive=False, verbosity=verbosity)
        stamp_file.write_text(stamp)


def static_sources_stamp() -> str:
    """A digest of every static source file's path, size and modification time.

    Collecting (and compressing) the static files takes seconds; listing them takes
    milliseconds, so the collection runs only when something changed.
    """
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda pair: pair[0]):
            info = os.stat(storage.path(path))
            digest.update(f"{path}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()
