"""The catalog's ladder and the settings page, seen by a signed-in coach."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


def test_the_catalog_shows_the_hinge_ladder(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Catalog").click()
    expect(page.get_by_role("heading", name="The hinge ladder", level=1)).to_be_visible()
    rdl = page.locator(".ladder .rung-name", has_text=re.compile(r"^Romanian Deadlift$"))
    expect(rdl).to_be_visible()
    shoot(page, "catalog-ladder")


def test_settings_show_who_is_signed_in(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    expect(page.locator("#main")).to_contain_text("Signed in as coach")
    expect(page.get_by_role("heading", name="API tokens")).to_be_visible()
    shoot(page, "settings")


def test_the_favicon_a_browser_asks_for_is_served_from_the_static_files(page):
    """Asked for at /favicon.ico by any page without the icon link (a printout, a PDF)."""
    answer = page.request.get("/favicon.ico")
    assert answer.status == 200
    assert urlsplit(answer.url).path.startswith("/static/hingecoach/favicon.")
    assert answer.body()[:4] == b"\x00\x00\x01\x00"  # an icon file's header
