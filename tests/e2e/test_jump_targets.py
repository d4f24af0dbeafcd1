"""After an action the page jumps to what changed (``#block``, ``#checkin-links``): its
heading is on screen and not under the top bar, on a phone and a laptop."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, DESKTOP, NO_CHROMIUM, PHONE, add_athlete, message

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]
DEVICES = {
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
    "laptop": {"viewport": DESKTOP},
}

# Which element the reader sees at each corner of the heading (inset by 2 px): the heading
# itself, or whatever covers it.
SEEN = """h => {
  const r = h.getBoundingClientRect();
  const points = [[r.left + 2, r.top + 2], [r.left + 2, r.bottom - 2]];
  return points.map(([x, y]) => {
    const on = document.elementFromPoint(x, y);
    return on && h.contains(on) ? 'heading' : (on ? on.outerHTML.slice(0, 60) : 'off screen');
  });
}"""


def fully_seen(heading: Any) -> None:
    expect(heading).to_be_visible()
    assert heading.evaluate(SEEN) == ["heading", "heading"], heading.evaluate(SEEN)


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_the_heading_an_action_jumps_to_is_not_under_the_top_bar(browsing, coach_state, device):
    page = browsing.page(signed_in=coach_state, **DEVICES[device])
    name = f"Jo Jump {device.title()}"
    add_athlete(page, name=name, born="1992-06-07")

    page.locator("#block").get_by_role("button", name="Assign the block").click()
    expect(message(page)).to_contain_text("block assigned")
    assert page.url.endswith("#block")
    fully_seen(page.get_by_role("heading", name="Training block"))

    page.get_by_role("button", name="Create a check-in link").click()
    expect(page.locator("#checkin-links .token-list")).to_be_visible()
    assert page.url.endswith("#checkin-links")
    fully_seen(page.get_by_role("heading", name="Athlete's check-in link"))
