"""On a phone (390 px wide) nothing scrolls sideways but the hinge ladder's own box."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, PHONE, horizontal_overflow, open_athlete

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

# Demo athletes: the fundamental stage with ten weeks of sessions, a referral (red flag)
# and the pain-aware path.
ATHLETES = ["Isla Brown", "Grace Lee", "Ben Carter"]


@pytest.fixture
def phone(browsing, coach_state):
    return browsing.page(viewport=PHONE, signed_in=coach_state, is_mobile=True, has_touch=True)


def _too_wide(page) -> list[str]:
    """Why the page scrolls sideways on a phone, or nothing."""
    found = horizontal_overflow(page, PHONE["width"])
    if found["scrollWidth"] <= PHONE["width"]:
        return []
    return [
        f"{page.url}: scrollWidth {found['scrollWidth']} > {PHONE['width']}; "
        f"sticking out: {found['sticking_out']}"
    ]


def _open_form(page, athlete: str, link: str, heading: str) -> None:
    open_athlete(page, athlete)
    page.locator("#actions").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


def test_the_athlete_list_and_athlete_pages_fit_a_phone(phone):
    phone.goto("/athletes/")
    expect(phone.locator("#results .athlete-row")).not_to_have_count(0)
    problems = _too_wide(phone)
    for name in ATHLETES:
        open_athlete(phone, name)
        problems += _too_wide(phone)
    assert not problems, "\n".join(problems)


def test_the_ladder_scrolls_sideways_inside_its_own_box_on_a_phone(phone):
    open_athlete(phone, "Isla Brown")
    ladder = phone.locator(".ladder-wrap")
    box = ladder.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    wide, shown = ladder.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert wide > shown, "the ladder is wider than a phone and scrolls inside its box"
    expect(phone.get_by_text("Swipe sideways to see every column.").first).to_be_visible()


def test_the_test_form_catalog_and_settings_fit_a_phone(phone):
    _open_form(phone, "Isla Brown", "Record test", "Bodyweight hip hinge test")
    problems = _too_wide(phone)
    for path, heading in (("/catalog/", "The hinge ladder"), ("/team/settings/", "Settings")):
        phone.goto(path)
        expect(phone.get_by_role("heading", name=heading, level=1)).to_be_visible()
        problems += _too_wide(phone)
    assert not problems, "\n".join(problems)


def test_the_log_session_form_fits_a_phone(phone):
    _open_form(phone, "Isla Brown", "Log session", "Log session")
    problems = _too_wide(phone)
    assert not problems, "\n".join(problems)


PRINTOUTS = ["/print/cards/", "/print/cards/?layout=four&size=letter", "/print/cards/hip-bridge/"]


def _sheet_widths(page) -> list[float]:
    return page.locator(".sheet").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().width)"
    )


def test_the_card_printouts_fit_a_phone_and_still_print_at_paper_size(phone):
    problems = []
    for path in PRINTOUTS:
        phone.goto(path)
        expect(phone.locator(".sheet").first).to_be_visible()
        problems += _too_wide(phone)
        first, toolbar = (phone.locator(s).first.bounding_box() for s in (".sheet", ".toolbar"))
        assert first is not None and toolbar is not None
        assert first["y"] >= toolbar["y"] + toolbar["height"], "the toolbar covers the sheet"
        phone.emulate_media(media="print")
        paper_mm = 215.9 if "letter" in path else 210.0
        widths = _sheet_widths(phone)
        assert widths and all(abs(w - paper_mm * 96 / 25.4) < 1 for w in widths), (path, widths)
        phone.emulate_media(media="screen")
    assert not problems, "\n".join(problems)
