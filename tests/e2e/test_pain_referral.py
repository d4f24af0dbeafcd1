"""Pain now at 7/10 refers the athlete to a clinician, in place on the athlete's page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, add_athlete, loaded, shoot, stage_badge

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


def test_pain_seven_shows_the_referral_banner_without_a_reload(page):
    add_athlete(page, name="Pia Referral", born="1988-09-02")
    expect(page.locator(".banner.refer")).to_have_count(0)
    loaded(page)
    page.evaluate("window.notReloaded = true")

    checkin = page.locator("section.checkin")
    checkin.get_by_label("7", exact=True).check()
    checkin.get_by_role("button", name="Save pain now").click()

    banner = page.locator(".banner.refer")
    expect(banner).to_have_attribute("role", "alert")
    expect(banner.get_by_role("heading")).to_have_text("Refer to a clinician: load nothing")
    expect(banner).to_contain_text("Pain right now is 7/10")
    expect(page.locator("section.checkin")).to_contain_text("Pain now: 7/10")
    expect(stage_badge(page)).to_have_text("Refer")
    actions = page.locator("#actions")
    expect(actions.get_by_role("link", name="Log session")).to_have_count(0)
    expect(actions.get_by_role("link", name="Record test")).to_be_visible()
    expect(page.get_by_role("heading", name="Recommendation")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True, "the page reloaded instead of swapping"
    shoot(page, "athlete-referral-banner")
