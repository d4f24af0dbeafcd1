"""Every page keeps to the app's Content-Security-Policy: no ``securitypolicyviolation``
event, no console message of a refused resource, no script error and no inline handler
or script waiting to be refused, on any page a head coach, a coach or an athlete's link
reaches (the share box, gym mode and the printouts included)."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import CHROMIUM, NO_CHROMIUM, loaded
from .site import PAGES, SitePage

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

# Runs before the page's own scripts (Playwright adds it outside the page's policy).
LISTEN = """
window.__refused = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__refused.push(`${event.violatedDirective}: ${event.blockedURI || "inline"} ` +
                        `(${event.sourceFile || ""}:${event.lineNumber || ""})`);
});
"""

# What the policy refuses only when it runs (a handler when its event fires, a
# ``javascript:`` link when followed): found in the page instead.
INLINE_JS = """() => [...document.querySelectorAll("*")].flatMap(el => [
  ...[...el.attributes].filter(a => a.name.startsWith("on")).map(a => `${el.tagName} ${a.name}`),
  ...(el.matches("script:not([src]):not([type='application/json'])") ? ["inline script"] : []),
  ...((el.getAttribute("href") || "").startsWith("javascript:") ? ["javascript: link"] : []),
])"""


@pytest.fixture
def watched(browsing, state_of):
    """Open a page as someone; the policy's refusals and script errors it raised."""

    def open_page(who: str) -> tuple[Any, list[str]]:
        page = browsing.page(signed_in=state_of(who))
        page.add_init_script(LISTEN)
        errors: list[str] = []
        page.on(
            "console",
            lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
        return page, errors

    return open_page


def test_the_policy_is_sent_with_every_page(browsing, site_records):
    page = browsing.page()
    response = page.goto(PAGES[-1].url(site_records))
    assert "script-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("site_page", PAGES, ids=[p.name for p in PAGES])
def test_no_page_breaks_the_content_security_policy(site_page: SitePage, watched, site_records):
    page, errors = watched(site_page.who)
    page.goto(site_page.url(site_records))
    loaded(page)
    page.wait_for_load_state("networkidle")
    refused = page.evaluate("window.__refused") + page.evaluate(INLINE_JS)
    assert refused + errors == [], f"{site_page.name}: {refused + errors}"
