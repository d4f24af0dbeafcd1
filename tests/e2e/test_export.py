"""A coach downloads an athlete's whole record from the athlete's page."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .pages import CHROMIUM, NO_CHROMIUM, open_athlete

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

NAME = "Noah Singh"  # a demo athlete with two tests and eight weekly sessions


def test_a_coach_exports_an_athlete_as_json_and_as_csv(page):
    open_athlete(page, NAME)
    pk = page.url.rstrip("/").rsplit("/", 1)[-1]

    with page.expect_download() as as_json:
        page.get_by_role("link", name="Export JSON").click()
    assert as_json.value.url.endswith(f"/athletes/{pk}/export.json")
    exported = json.loads(as_json.value.path().read_text(encoding="utf-8"))
    assert exported["athlete"]["name"] == NAME
    assert len(exported["sessions"]) == 8

    with page.expect_download() as as_csv:
        page.get_by_role("link", name="Export CSV").click()
    assert as_csv.value.url.endswith(f"/athletes/{pk}/export.csv")
    assert as_csv.value.suggested_filename == "noah-singh-hingecoach.csv"
    rows = list(csv.DictReader(io.StringIO(as_csv.value.path().read_text(encoding="utf-8"))))
    assert sum(row["record"] == "session" for row in rows) == 8
    assert {row["value"] for row in rows if row["record"] == "test"} == {"failed", "passed"}
