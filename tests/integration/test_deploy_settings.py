"""Production settings: Django's deployment checks pass, secrets come from the environment."""

from __future__ import annotations

import os
import secrets
import stat
import subprocess
import sys


def _django_admin(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        **os.environ,
        "HINGECOACH_HOME": str(tmp_path),
        "HINGECOACH_SECURE": "1",
        "HINGECOACH_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_SETTINGS_MODULE": "hingecoach.web.settings",
    }
    env.pop("HINGECOACH_DEBUG", None)
    result = _django_admin(["check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_a_secret_in_the_environment_a_private_key_file_is_made_once(tmp_path):
    env = {
        **os.environ,
        "HINGECOACH_HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "hingecoach.web.settings",
    }
    env.pop("HINGECOACH_SECRET_KEY", None)
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    second = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert first == second and len(first.strip()) >= 50
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600
