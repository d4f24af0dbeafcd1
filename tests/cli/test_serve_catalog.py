"""``hingecoach --catalog DIR serve`` (or ``HINGECOACH_CATALOG=DIR``) serves the web app
with the coach's edited catalog: the real command, a fresh data folder, a signed-in coach
reading a page over a real socket."""

from __future__ import annotations

import http.cookiejar
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .runner import hingecoach
from .server import free_port, serving

pytestmark = pytest.mark.cli
PASSWORD = "a-long-passphrase-for-cole"
RENAMED = "Hip Hinge Good Morning"


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "HINGECOACH_CATALOG"}}
    return {**env, "HINGECOACH_HOME": str(home), **extra}


def _ladder_page(port: int) -> str:
    """The catalog's ladder page as the coach 'cole' sees it after signing in."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    base = f"http://127.0.0.1:{port}"
    form = opener.open(f"{base}/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {"username": "cole", "password": PASSWORD, "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        f"{base}/login/", urllib.parse.urlencode(fields).encode(), headers={"Referer": base}
    )
    opener.open(request, timeout=30).read()
    return opener.open(f"{base}/catalog/", timeout=30).read().decode()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    made = hingecoach(
        "createcoach",
        "--username",
        "cole",
        "--team",
        "Riverside",
        env={"HINGECOACH_HOME": str(tmp_path), "HINGECOACH_PASSWORD": PASSWORD, "DATABASE_URL": ""},
    )
    assert made.code == 0, made.err
    return tmp_path


@pytest.fixture
def renamed_catalog(catalog_copy: Path) -> Path:
    path = catalog_copy / "exercises" / "good-morning.yaml"
    text = path.read_text(encoding="utf-8")
    assert "name: Good Morning\n" in text
    path.write_text(text.replace("name: Good Morning\n", f"name: {RENAMED}\n", 1), "utf-8")
    return catalog_copy


@pytest.mark.parametrize("how", ["option", "environment"])
def test_serve_coaches_with_the_catalog_it_is_given(home, renamed_catalog, how):
    before = ("--catalog", str(renamed_catalog)) if how == "option" else ()
    extra = {"HINGECOACH_CATALOG": str(renamed_catalog)} if how == "environment" else {}
    with serving(home, (*before, "serve"), _env(home, **extra)) as port:
        page = _ladder_page(port)
    assert RENAMED in page


def test_serve_without_a_catalog_uses_the_shipped_one(home):
    with serving(home, ("serve",), _env(home)) as port:
        page = _ladder_page(port)
    assert "Good Morning" in page and RENAMED not in page


def test_serve_refuses_a_broken_catalog_before_starting(home, catalog_copy):
    (catalog_copy / "thresholds.yaml").write_text("adults: [", encoding="utf-8")
    result = hingecoach(
        "--catalog", str(catalog_copy), "serve", "--port", str(free_port()), env=_env(home)
    )
    assert result.code == 2 and len(result.err_lines) == 1
    assert result.err.startswith("thresholds.yaml: invalid YAML at line 1")
