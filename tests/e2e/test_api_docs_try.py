"""The API documentation's "Try it" forms send real requests from the page (no script but
the app's own, under its Content-Security-Policy) and show the API's JSON, errors as the
API gives them."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, loaded

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


def try_form(page: Any, operation_id: str) -> Any:
    """The operation's section, its "Try it" form opened."""
    section = page.locator(f"#op-{operation_id}")
    section.locator("summary", has_text="Try it").click()
    return section


def answer(section: Any) -> tuple[str, Any]:
    """The status line once the answer came, and the answer's JSON."""
    status = section.locator(".api-status")
    expect(status).not_to_contain_text("Sending")
    expect(status).not_to_be_empty()
    return status.inner_text(), json.loads(section.locator(".api-json").inner_text())


@pytest.fixture
def docs(page):
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.goto("/api/docs")
    loaded(page)
    yield page
    assert not refused, refused


def test_listing_athletes_from_the_docs_shows_the_json_page_of_athletes(docs):
    section = try_form(docs, "list_athletes")
    section.get_by_label("limit").fill("2")
    section.get_by_role("button", name="Send GET").click()
    status, body = answer(section)
    assert status == "GET /api/athletes?limit=2: 200 OK"
    assert body["count"] >= 5 and len(body["items"]) == 2
    assert {"id", "name", "stage"} <= set(body["items"][0])


def test_a_bad_recommend_body_shows_the_apis_json_error(docs):
    section = try_form(docs, "recommend_case")
    section.get_by_label("Request body (JSON)").fill('{"athlete": {"age": -3}}')
    section.get_by_role("button", name="Send POST").click()
    status, body = answer(section)
    # the reason phrase is the server's Python's (3.13 says "Unprocessable Content")
    assert status == f"POST /api/recommend: 422 {HTTPStatus(422).phrase}"
    assert set(body) >= {"field", "message"} and body["field"].startswith("athlete")


def test_unreadable_json_and_an_unknown_athlete_show_their_json_errors(docs):
    section = try_form(docs, "recommend_case")
    section.get_by_label("Request body (JSON)").fill('{"athlete": ')
    section.get_by_role("button", name="Send POST").click()
    status, body = answer(section)
    assert status.startswith("POST /api/recommend: 4") and body["field"]
    athlete = try_form(docs, "get_athlete")
    athlete.get_by_label("athlete_id").fill("999999")
    athlete.get_by_role("button", name="Send GET").click()
    status, body = answer(athlete)
    assert status == "GET /api/athletes/999999: 404 Not Found"
    assert body["field"] == "id"


def test_a_pasted_token_is_sent_alone_and_a_wrong_one_is_refused(docs):
    docs.get_by_label("API token").fill("not-a-real-token")
    section = try_form(docs, "list_athletes")
    section.get_by_role("button", name="Send GET").click()
    status, body = answer(section)
    assert status == "GET /api/athletes: 401 Unauthorized"
    assert body["field"] == "Authorization"
