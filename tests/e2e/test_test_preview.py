"""The test form's preview answers a date it cannot preview in the panel, naming the field
and why, instead of keeping the last preview up."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, add_athlete, loaded

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


def test_a_future_date_replaces_the_preview_with_the_reason(page):
    add_athlete(page, name="Pere Preview", born="1990-03-04")
    page.locator("#actions").get_by_role("link", name="Record test").click()
    loaded(page)
    page.get_by_label("Back rounds").check()
    preview = page.locator("#preview")
    expect(preview.locator(".badge")).to_have_count(1)
    future = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    page.get_by_label("Date", exact=True).fill(future)
    page.get_by_label("Date", exact=True).dispatch_event("change")
    expect(preview.locator(".error")).to_have_text(f"Date: {future} is in the future")
    expect(preview.locator(".badge")).to_have_count(0)
    page.get_by_label("Date", exact=True).fill(dt.date.today().isoformat())
    page.get_by_label("Date", exact=True).dispatch_event("change")
    expect(preview.locator(".badge")).to_have_count(1)
    expect(preview.locator(".error")).to_have_count(0)
