"""Blocks in a real browser, on a phone and a laptop: assign a block from the athlete's
page, see week 1, run it in gym mode, and see the week marked done."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .pages import (
    CHROMIUM,
    DESKTOP,
    NO_CHROMIUM,
    PHONE,
    SCREENSHOTS,
    add_athlete,
    horizontal_overflow,
    loaded,
    message,
)

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]
DEVICES = {
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
    "laptop": {"viewport": DESKTOP},
}


def snap(page, name: str) -> None:
    """The block's card as the coach sees it, whole, at this width (the viewport stretched
    to the page's height, so the sticky top bar covers none of it)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    page.locator("#block").screenshot(path=SCREENSHOTS / f"{name}.png", animations="disabled")
    page.set_viewport_size(size)


def fits(page) -> None:
    found = horizontal_overflow(page, page.viewport_size["width"])
    assert found["scrollWidth"] <= page.viewport_size["width"], found


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_a_coach_assigns_a_block_runs_week_1_in_gym_mode_and_sees_it_done(
    browsing, coach_state, device
):
    page = browsing.page(signed_in=coach_state, **DEVICES[device])
    name = f"Bea Block {device.title()}"
    add_athlete(page, name=name, born="1990-04-12")
    card = page.locator("#block")
    expect(card).to_contain_text("No block running")
    card.get_by_label("Weeks").fill("4")
    snap(page, f"block-00-assign-{device}")
    card.get_by_role("button", name="Assign the block").click()
    expect(message(page)).to_have_text(f"4-week block assigned to {name}.")
    expect(card.locator(".block-when")).to_contain_text("Week 1 of 4")
    expect(card.locator(".block-when")).to_contain_text("0 of 4 done")
    expect(card.locator('.block-week[aria-current="step"]')).to_contain_text("1")
    expect(card.locator("article.option").first).to_be_visible()
    fits(page)
    snap(page, f"block-01-week-1-{device}")

    card.get_by_role("link", name="Run week 1 in gym mode").click()
    expect(page.get_by_role("heading", name=re.compile("Gym mode"))).to_contain_text("block week 1")
    loaded(page)
    fits(page)
    page.locator(".gym-step:visible .set-done span").first.click()
    page.get_by_role("button", name="Skip rest").click()
    page.screenshot(path=SCREENSHOTS / f"block-02-gym-week-1-{device}.png", animations="disabled")
    while page.get_by_role("button", name="Next").is_visible():
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Save the session").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(card.locator(".block-when")).to_contain_text("1 of 4 done")
    expect(card.locator(".block-week.done")).to_have_count(1)
    expect(card.locator(".block-week.done")).to_contain_text("1")
    expect(card.locator("h3", has_text="Week 1's session")).to_contain_text("done")
    fits(page)
    snap(page, f"block-03-week-1-done-{device}")

    # The same week again, and the pain flares: the block steps back.
    card.get_by_role("link", name="Run week 1 in gym mode").click()
    loaded(page)
    page.locator(".gym-step:visible .set-done span").first.click()
    page.get_by_role("button", name="Skip rest").click()
    while page.get_by_role("button", name="Next").is_visible():
        page.get_by_role("button", name="Next").click()
    page.get_by_label("Pain during the session").select_option("7")
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    back = card.locator(".block-back")
    expect(back.locator("> h3")).to_contain_text("Stepped back: pain flared after the session on")
    expect(back.locator("article.option").first).to_be_visible()
    expect(back.get_by_role("link", name="Run this session in gym mode")).to_have_attribute(
        "href", re.compile(r"/week/1/gym/\?session=after-flare$")
    )
    expect(card.locator(".block-week.done")).to_have_count(1)
    fits(page)
    snap(page, f"block-04-stepped-back-{device}")
