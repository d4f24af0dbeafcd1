"""Shared test configuration.

Deliberately small: unit tests build their own cases with the helpers in
``tests/unit/builders.py``; nothing here loads the world.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import settings

# A quick profile for local runs: `pytest --hypothesis-profile=quick`.
settings.register_profile("quick", max_examples=25, deadline=None)


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped catalog folder that a test may break."""
    shipped = Path(str(resources.files("hingecoach") / "data" / "catalog"))
    target = tmp_path / "catalog"
    shutil.copytree(shipped, target)
    return target


@pytest.fixture(autouse=True)
def _quick_web_settings(settings):
    """For every test that touches the web app: plain static storage (no collected
    manifest needed) and a fast password hasher (real hashing is slow by design)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
