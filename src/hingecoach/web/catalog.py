"""The catalog the web app coaches with: the folder in the ``HINGECOACH_CATALOG`` setting
(a coach's edited copy, from the environment variable of that name), else the shipped one.

Every view, form and selector asks here, never the core's default, so the web app and
``hingecoach --catalog`` answer from the same files. The core reuses the validated catalog
while its files are unchanged, so asking on every request costs a few file stats.
"""

from __future__ import annotations

from django.conf import settings

from hingecoach.core import Catalog, default_catalog, load_catalog


def web_catalog() -> Catalog:
    folder = getattr(settings, "HINGECOACH_CATALOG", None)
    return load_catalog(folder) if folder else default_catalog()
