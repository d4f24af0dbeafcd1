"""A head coach downloads the team's data from Settings, and the file loads into an empty
database with the real command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from hingecoach.web.demo import TEAM_NAME

from .pages import CHROMIUM, NO_CHROMIUM

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


def _fresh_home_environment(home) -> dict[str, str]:
    keep = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("HINGECOACH_") and key != "DATABASE_URL"
    }
    return {**keep, "HINGECOACH_HOME": str(home)}


def test_a_head_coach_downloads_the_team_and_it_imports_elsewhere(browsing, head_state, tmp_path):
    page = browsing.page(signed_in=head_state)
    page.goto("/team/settings/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download team data").click()
    today = dt.date.today().isoformat()
    assert download.value.suggested_filename == f"demo-strength-club-hingecoach-{today}.json"
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["team"]["name"]) == (
        "hingecoach-export",
        1,
        TEAM_NAME,
    )
    names = {r["fields"]["name"] for r in data["records"] if r["model"] == "athletes.athlete"}
    assert "Noah Singh" in names

    imported = subprocess.run(
        [sys.executable, "-m", "hingecoach", "import", str(saved)],
        env=_fresh_home_environment(tmp_path / "new-home"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(f"imported {len(data['records'])} records from ")


def test_a_coach_who_is_not_head_sees_no_download(page):
    page.goto("/team/settings/")
    assert page.get_by_role("button", name="Download team data").count() == 0
