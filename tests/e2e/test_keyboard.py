"""The core loop with the keyboard alone (Tab, Shift+Tab, Enter, Space): sign in, find an
athlete, record a test, read the new recommendation. Every stop of the focus shows a
ring that stands out from what is behind it (3:1, WCAG 1.4.11)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .pages import (
    CHROMIUM,
    COACH,
    NO_CHROMIUM,
    PASSWORD,
    SCREENSHOTS,
    add_athlete,
    loaded,
    message,
)

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

NAME = "Kira Keys"
MOST_TABS = 60

# The focused element's ring (or its label's, for an input drawn as its label), and the
# contrast of the ring's colour with the first opaque background behind it.
RING_JS = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = el => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0.9) return c;
    }
    return [255, 255, 255];
  };
  const focused = document.activeElement;
  const hidden = getComputedStyle(focused).opacity === "0";
  const el = hidden ? focused.closest("label") || focused.nextElementSibling : focused;
  const style = getComputedStyle(el);
  const [a, b] = [lum(rgb(style.outlineColor)), lum(behind(el))];
  return {what: `${focused.tagName.toLowerCase()} ${(focused.textContent || focused.name
                 || "").trim().slice(0, 30)}`,
          style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


def ring_problem(page: Any) -> str | None:
    if page.evaluate("() => document.activeElement === document.body"):
        return None  # past the last control: the focus is in the browser's own bar
    ring = page.evaluate(RING_JS)
    if ring["style"] == "none" or ring["width"] < 2 or ring["contrast"] < 3:
        return f"{ring['what']}: {ring}"
    return None


class Keyboard:
    """Moves the focus with Tab and checks the ring at every stop."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.faint: list[str] = []

    def tab_to(self, target: Any, *, back: bool = False) -> None:
        for _ in range(MOST_TABS):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            problem = ring_problem(self.page)
            if problem:
                self.faint.append(problem)
            if target.evaluate("el => el === document.activeElement"):
                return
        raise AssertionError(f"{MOST_TABS} presses of Tab never reached {target}")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)


def test_a_coach_records_a_test_and_reads_the_new_advice_with_the_keyboard_alone(
    browsing, coach_state
):
    add_athlete(browsing.page(signed_in=coach_state), name=NAME, born="1990-02-03")
    page = browsing.page()
    keys = Keyboard(page)
    page.goto("/login/")
    loaded(page)
    keys.tab_to(page.get_by_label("Username"))
    keys.type(COACH)
    keys.tab_to(page.get_by_label("Password"))
    keys.type(PASSWORD)
    keys.press("Enter")
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()

    loaded(page)
    keys.tab_to(page.get_by_role("navigation", name="Main").get_by_role("link", name="Athletes"))
    keys.press("Enter")
    expect(page.get_by_role("heading", name="Athletes", level=1)).to_be_visible()
    loaded(page)
    keys.tab_to(page.get_by_role("searchbox"))
    keys.type(NAME)
    row = page.locator("#results").get_by_role("link", name=re.compile(NAME))
    expect(page.locator("#results .athlete-row")).to_have_count(1)
    keys.tab_to(row)
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)

    loaded(page)
    keys.tab_to(page.locator("#actions").get_by_role("link", name="Record test"))
    keys.press("Enter")
    expect(page.get_by_role("heading", name="Bodyweight hip hinge test")).to_be_visible()
    loaded(page)
    back_rounds = page.get_by_label("Back rounds")
    keys.tab_to(back_rounds)
    keys.press("Space")
    expect(back_rounds).to_be_checked()
    expect(page.locator("#preview")).to_contain_text("If you save this test")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "keyboard-focus-on-a-fault.png", animations="disabled")
    keys.press("Space")  # seen again: the back held, so no fault at all
    expect(back_rounds).not_to_be_checked()
    no_fault = page.get_by_label("No fault seen: the test is passed")
    keys.tab_to(no_fault)
    keys.press("Space")
    expect(no_fault).to_be_checked()
    keys.tab_to(page.get_by_role("button", name="Save test"))
    keys.press("Enter")

    expect(message(page)).to_have_text("Test recorded: passed.")
    changed = page.locator("#what-changed")
    expect(changed).to_contain_text("Corrective")
    expect(changed).to_contain_text("Fundamental")
    expect(page.locator("#stage-badge .badge")).to_have_text("Fundamental")
    assert not keys.faint, "focus rings too faint to see:\n" + "\n".join(keys.faint)
