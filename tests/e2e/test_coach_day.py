"""A coach's day in a real browser: Today, a novice run through gym mode on a phone (with
the connection lost before saving), what changed, and the check-in link's QR code."""

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
    open_athlete,
    shoot,
)

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]


@pytest.fixture
def phone(browsing, coach_state):
    return browsing.page(viewport=PHONE, signed_in=coach_state, is_mobile=True, has_touch=True)


def snap(page, name: str) -> None:
    """The screen as the person sees it now (one viewport, not the whole page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", animations="disabled")


def fits(page) -> None:
    found = horizontal_overflow(page, page.viewport_size["width"])
    assert found["scrollWidth"] <= page.viewport_size["width"], found


def test_today_says_who_needs_the_coach_on_a_laptop_and_a_phone(page, phone):
    page.goto("/")
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()
    page.get_by_role("link", name="Whole team").click()
    rows = page.locator(".attention li")
    expect(rows.first).to_be_visible()
    expect(page.locator(".flag-refer").first).to_contain_text("Refer: load nothing")
    shoot(page, "day-01-today")
    phone.goto("/today/?who=team")
    expect(phone.get_by_role("heading", name="Who needs you")).to_be_visible()
    fits(phone)
    name = phone.locator(".attention li .attn-name strong").first.inner_text()
    phone.locator(".attention li .attn-main").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(name)


def next_step(page) -> None:
    page.get_by_role("button", name="Next").click()


def test_a_novice_runs_the_series_and_the_test_in_gym_mode_on_a_phone(phone, browsing):
    add_athlete(phone, name="Gina Gym", born="1995-03-02")
    phone.locator("#actions").get_by_role("link", name="Gym mode").click()
    expect(phone.get_by_role("heading", name=re.compile("Gym mode"))).to_be_visible()
    loaded(phone)
    fits(phone)
    progress = phone.locator("[data-progress]")
    expect(progress).to_contain_text("Step 1 of")
    expect(phone.locator(".gym-step:visible h2")).to_have_text("Kneeling Hip Hinge")
    snap(phone, "day-02-gym-step-1-phone")

    phone.locator(".gym-step:visible .set-done span").first.click()
    expect(phone.locator("[data-timer]")).to_be_visible()
    snap(phone, "day-03-gym-rest-timer-phone")
    phone.get_by_role("button", name="Skip rest").click()
    phone.locator(".gym-step:visible .mastered span").click()
    next_step(phone)
    expect(phone.locator(".gym-step:visible h2")).to_have_text("Kneeling Good Morning")
    next_step(phone)
    expect(phone.locator(".gym-step:visible h2")).to_have_text("Good Morning")
    phone.locator(".gym-step:visible .set-done span").first.click()
    next_step(phone)

    expect(phone.locator(".gym-step:visible .gym-part")).to_have_text("The test")
    verdict = phone.locator("[data-verdict]")
    expect(verdict).to_contain_text("Not answered")
    questions = phone.locator(".gym-step:visible .fault-q")
    for n in range(questions.count() - 1):
        questions.nth(n).get_by_text("Not seen").click()
    expect(verdict).to_contain_text("1 fault(s) still to answer")
    questions.last.get_by_text("Not seen").click()
    expect(verdict).to_have_text("Passed: no fault seen.")
    snap(phone, "day-04-gym-test-phone")
    next_step(phone)
    expect(phone.locator(".gym-step:visible .gym-part")).to_have_text(
        "Loaded work after a passed test"
    )

    # Sets entered so far survive a reload: they are kept on the phone.
    phone.reload()
    loaded(phone)
    expect(progress).to_contain_text("restored from this phone")
    expect(verdict).to_have_text("Passed: no fault seen.")
    phone.locator(".gym-step:visible .set-done span").first.click()
    while phone.get_by_role("button", name="Next").is_visible():
        next_step(phone)
    expect(phone.get_by_role("heading", name="Finish and save")).to_be_visible()

    phone.context.set_offline(True)
    phone.get_by_role("button", name="Save the session").click()
    expect(phone.locator("[data-status]")).to_contain_text("No connection")
    snap(phone, "day-05-gym-offline-phone")
    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Gina Gym")
    expect(phone.locator("#what-changed")).to_contain_text("What the gym session changed")
    expect(phone.locator("#what-changed")).to_contain_text("Fundamental")
    snap(phone, "day-06-what-changed-phone")
    phone.set_viewport_size(DESKTOP)
    snap(phone, "day-06-what-changed-desktop")
    phone.set_viewport_size(PHONE)
    expect(phone.locator(".tests li").first).to_contain_text("passed")


def test_a_check_in_link_is_shared_by_qr_code(page, phone):
    open_athlete(page, "Isla Brown")
    page.get_by_role("button", name=re.compile("Create (a|another) check-in link")).click()
    link = page.locator("#checkin-url")
    expect(link).to_have_value(re.compile(r"^http://127\.0\.0\.1:\d+/c/[\w-]+/$"))
    expect(page.locator("svg.qr-code")).to_be_visible()
    page.get_by_role("button", name="Copy", exact=True).click()
    expect(page.locator("[data-copy-status]")).not_to_be_empty()
    url = link.input_value()
    page.reload()
    expect(page.locator("#checkin-url")).to_have_value(url)
    page.locator("#checkin-links").scroll_into_view_if_needed()
    snap(page, "day-07-checkin-qr-desktop")
    phone.goto(url)
    expect(phone.get_by_role("heading", name="Hi Isla")).to_be_visible()
    assert "each side each side" not in phone.content()
