"""The athlete list filters in place (htmx): new results, the same page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


def _htmx_list_response(response) -> bool:
    request = response.request
    return "/athletes/?" in request.url and request.headers.get("hx-request") == "true"


def _assert_partial(response) -> None:
    """The server sent only the results, not a whole page."""
    assert response.ok
    assert "<html" not in response.text().lower()


def test_searching_the_list_swaps_the_results_without_a_full_reload(page):
    page.goto("/athletes/")
    rows = page.locator("#results .athlete-row")
    expect(rows).not_to_have_count(0)
    everyone = rows.count()
    page.evaluate("window.notReloaded = true")

    with page.expect_response(_htmx_list_response) as answer:
        page.get_by_label("Search").fill("Isla")
    assert "q=Isla" in answer.value.url
    _assert_partial(answer.value)

    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Isla Brown")
    expect(page.locator("#results .count")).to_have_text("1 athlete")
    expect(page).to_have_url(re.compile(r"/athletes/\?.*q=Isla"))
    assert page.evaluate("window.notReloaded") is True, "the list page reloaded"

    page.get_by_label("Search").fill("")
    expect(rows).to_have_count(everyone)
    assert page.evaluate("window.notReloaded") is True


def test_filtering_by_stage_shows_only_that_stage(page):
    page.goto("/athletes/")
    page.evaluate("window.notReloaded = true")

    with page.expect_response(_htmx_list_response) as answer:
        page.get_by_label("Stage").select_option(label="Refer")
    _assert_partial(answer.value)

    results = page.locator("#results")
    expect(results).not_to_contain_text("Ava Novak")
    expect(results).to_contain_text("Grace Lee")
    for badge in results.locator(".athlete-row .badge").all():
        expect(badge).to_have_text("Refer")
    expect(page).to_have_url(re.compile(r"stage=refer"))
    assert page.evaluate("window.notReloaded") is True, "the list page reloaded"
