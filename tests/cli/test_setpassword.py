"""``hingecoach setpassword``: a coach's password set from the command line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .runner import hingecoach

pytestmark = pytest.mark.cli
FIRST = "first-passphrase-for-cole"
SECOND = "second-passphrase-for-cole"
CHECK = (
    "from hingecoach.web.setup import setup_django; setup_django(); "
    "from django.contrib.auth import get_user_model; "
    "print(get_user_model().objects.get(username='cole').check_password('{}'))"
)


def _env(home, password: str = "") -> dict[str, str]:
    env = {"HINGECOACH_HOME": str(home), "HINGECOACH_PASSWORD": password}
    return {k: v for k, v in env.items() if v} | {"DATABASE_URL": ""}


@pytest.fixture
def home(tmp_path):
    made = hingecoach(
        "createcoach", "--username", "cole", "--team", "Riverside", env=_env(tmp_path, FIRST)
    )
    assert made.code == 0, made.err
    return tmp_path


def test_setpassword_sets_the_password_a_coach_signs_in_with(home):
    result = hingecoach("setpassword", "cole", env=_env(home, SECOND))
    assert (result.code, result.out.strip()) == (0, "password set for 'cole'")
    out = subprocess.run(
        [sys.executable, "-c", CHECK.format(SECOND)],
        text=True,
        capture_output=True,
        env={**os.environ, **_env(home)},
        check=True,
    )
    assert out.stdout.strip() == "True"


def test_setpassword_names_an_unknown_coach(home):
    result = hingecoach("setpassword", "nobody", env=_env(home, SECOND))
    assert result.code == 2
    assert result.err.strip() == "username: no coach signs in as 'nobody'"


def test_setpassword_refuses_a_weak_password(home):
    result = hingecoach("setpassword", "cole", env=_env(home, "12345678"))
    assert result.code == 2
    assert "password: This password is too common." in result.err
