"""What the e2e tests do on the app's pages, named as a coach would say it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

CHROMIUM = Path("/usr/bin/chromium")
NO_CHROMIUM = f"{CHROMIUM} is not installed (apt-get install -y chromium)"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

COACH, HEAD, PASSWORD = "coach", "headcoach", "hinge-demo-2026"  # made by `hingecoach demo`
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CORRECTIVE_SERIES = ["Kneeling Hip Hinge", "Kneeling Good Morning", "Good Morning"]


def shoot(page: Any, name: str) -> None:
    """Whole-page screenshots at desktop and phone widths: ``<name>-desktop.png``, ``-phone``.

    The viewport is stretched to the page's height (rather than ``full_page=True``) so the
    sticky top bar and sticky form buttons sit where a reader expects them, not mid-page.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    loaded(page)
    size = page.viewport_size
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.evaluate("window.scrollTo(0, 0)")
        height = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size(
            {"width": viewport["width"], "height": max(height, viewport["height"])}
        )
        page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", animations="disabled")
    page.set_viewport_size(size)


def sign_in(page: Any, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def loaded(page: Any) -> None:
    """Wait for the page's load event: htmx is a deferred script, and a control it drives
    (or a stylesheet-sized box) is not ready when the first heading is."""
    page.wait_for_load_state("load")


def message(page: Any) -> Any:
    return page.locator(".messages .message")


def stage_badge(page: Any) -> Any:
    return page.locator("#stage-badge .badge")


def add_athlete(page: Any, *, name: str, born: str, goal: str = "technique") -> None:
    """From the athlete list: fill the new-athlete form and land on the athlete's page."""
    page.goto("/athletes/")
    page.get_by_role("link", name="+ New athlete").click()
    page.get_by_label("Name").fill(name)
    page.get_by_label("Date of birth").fill(born)
    page.get_by_label("Goal").select_option(label=goal)
    page.get_by_role("button", name="Add athlete").click()
    expect(message(page)).to_have_text(f"{name} added.")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def open_athlete(page: Any, name: str) -> None:
    page.goto("/athletes/")
    page.locator("#results").get_by_role("link", name=re.compile(re.escape(name))).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def option(page: Any, exercise: str) -> Any:
    """A recommended option's card on the athlete's page."""
    return page.locator("#advice article.option").filter(
        has=page.get_by_role("heading", name=exercise, exact=True)
    )


def reason_of_rule(scope: Any, rule: str) -> Any:
    """The reasons (list items) that name ``rule`` as the rule that fired."""
    return scope.locator(".reasons li").filter(
        has=scope.page.locator(".rule", has_text=re.compile(f"^{re.escape(rule)}$"))
    )


# What sticks out past the right edge, outside the ladder's own scroll box (for messages).
OVERFLOW_JS = """(width) => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.parentElement && el.parentElement.closest('.ladder-wrap')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      const id = el.id ? '#' + el.id : '';
      const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
      out.push(`${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(box.right)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, sticking_out: out.slice(0, 8)};
}"""


def horizontal_overflow(page: Any, width: int) -> dict[str, Any]:
    """The page's scroll width, and what sticks out past ``width`` (for the message)."""
    loaded(page)
    return page.evaluate(OVERFLOW_JS, width)
