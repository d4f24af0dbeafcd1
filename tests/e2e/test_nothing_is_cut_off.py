"""Controls stay inside what holds them: the top navigation on a phone, the TSK-11 item
buttons inside their card at laptop widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .pages import CHROMIUM, NO_CHROMIUM, PHONE, loaded, open_athlete

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

# Boxes of the elements matched by a selector that stick out of ``container`` (or the
# viewport when there is none), for the message.
OUTSIDE_JS = """([selector, container]) => {
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const holder = container ? el.closest(container).getBoundingClientRect()
                             : {left: 0, right: window.innerWidth};
    if (box.left < holder.left - 0.5 || box.right > holder.right + 0.5) {
      out.push(`${el.textContent.trim().slice(0, 20)}: ${Math.round(box.left)}..` +
               `${Math.round(box.right)} outside ${Math.round(holder.left)}..` +
               `${Math.round(holder.right)}`);
    }
  }
  return out;
}"""


def sticking_out(page, selector: str, container: str | None = None) -> list[str]:
    loaded(page)
    return page.evaluate(OUTSIDE_JS, [selector, container])


def test_every_item_of_the_top_navigation_is_on_a_phones_screen(browsing, coach_state):
    phone = browsing.page(viewport=PHONE, signed_in=coach_state, is_mobile=True, has_touch=True)
    phone.goto("/athletes/")
    nav = phone.get_by_role("navigation", name="Main")
    for name in ("Today", "Athletes", "Catalog", "Settings"):
        expect(nav.get_by_role("link", name=name)).to_be_in_viewport(ratio=1)
    expect(nav.get_by_role("button", name="Sign out")).to_be_in_viewport(ratio=1)
    assert sticking_out(phone, ".nav a, .nav button") == []


@pytest.mark.parametrize("width", [1024, 1180, 1280, 1366])
def test_the_tsk11_item_buttons_stay_inside_their_card(browsing, coach_state, width):
    page = browsing.page(viewport={"width": width, "height": 900}, signed_in=coach_state)
    open_athlete(page, "Chloe Martin")
    page.locator("#actions").get_by_role("link", name="TSK-11").click()
    expect(page.get_by_role("heading", name="TSK-11", level=1)).to_be_visible()
    assert sticking_out(page, ".tsk-items label.check", "form.card") == []


def test_the_audit_trail_stays_inside_its_box_on_a_phone(browsing, head_state):
    phone = browsing.page(viewport=PHONE, signed_in=head_state, is_mobile=True, has_touch=True)
    phone.goto("/team/audit/")
    expect(phone.get_by_role("heading", name="Who changed what")).to_be_visible()
    wrap = phone.get_by_role("region", name="Audit entries")
    wide, shown = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert wide <= shown, f"the table is {wide} px wide in a {shown} px box"
    assert not sticking_out(phone, "table.audit td", ".table-wrap")
