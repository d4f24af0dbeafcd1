"""The web app coaches with the catalog its settings name (HINGECOACH_CATALOG): a coach's
edited copy changes what the API and the pages recommend, as ``--catalog`` does for
the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from django.test import Client
from tests.integration.conftest import token_client

SIXTEEN = {"athlete": {"age": 16}}


def kneeling_good_morning_load(client: Client) -> tuple[float, float]:
    response = client.post("/api/recommend", json.dumps(SIXTEEN), content_type="application/json")
    assert response.status_code == 200, response.content
    option = next(o for o in response.json()["options"] if o["exercise"] == "kneeling-good-morning")
    return option["prescription"]["load_kg"]["min"], option["prescription"]["load_kg"]["max"]


def adult_from_sixteen(folder: Path) -> None:
    path = folder / "thresholds.yaml"
    text = path.read_text(encoding="utf-8")
    assert "adult_from: 18" in text
    path.write_text(text.replace("adult_from: 18", "adult_from: 16", 1), encoding="utf-8")


def test_a_coachs_edited_catalog_changes_what_the_api_recommends(red, settings, catalog_copy):
    client = token_client(red.coach)
    assert kneeling_good_morning_load(client) == (7.5, 7.5)  # the shipped youth start
    adult_from_sixteen(catalog_copy)
    settings.HINGECOACH_CATALOG = str(catalog_copy)
    assert kneeling_good_morning_load(client) == (10, 10)  # the coach's adult start
    settings.HINGECOACH_CATALOG = None
    assert kneeling_good_morning_load(client) == (7.5, 7.5)


def test_a_coachs_renamed_exercise_shows_on_the_catalog_page(red, settings, catalog_copy):
    path = catalog_copy / "exercises" / "good-morning.yaml"
    text = path.read_text(encoding="utf-8")
    assert "name: Good Morning" in text
    path.write_text(
        text.replace("name: Good Morning", "name: Barbell Good Morning", 1), encoding="utf-8"
    )
    client = Client()
    client.force_login(red.coach)
    assert "Barbell Good Morning" not in client.get("/catalog/").content.decode()
    settings.HINGECOACH_CATALOG = str(catalog_copy)
    assert "Barbell Good Morning" in client.get("/catalog/").content.decode()
