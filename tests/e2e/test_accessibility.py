"""axe-core (bundled by axe-playwright-python: nothing fetched) on every page at phone and
laptop width: no serious or critical violation of a WCAG 2.2 A/AA rule, and one ``main``
landmark per page. Each run's violations and a screenshot go to ``test-output/axe/``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .pages import CHROMIUM, DESKTOP, NO_CHROMIUM, PHONE, SCREENSHOTS, loaded
from .site import PAGES, SitePage

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANDMARKS = ["landmark-one-main", "landmark-no-duplicate-main"]
OPTIONS = {"runOnly": {"type": "rule", "values": None}, "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}
REPORTS = SCREENSHOTS.parent / "axe"
WIDTHS = {"phone": PHONE, "laptop": DESKTOP}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _rules(axe: Axe, page: Any) -> list[str]:
    """The WCAG 2.2 A/AA rules of the bundled axe-core, and the landmark rules."""
    page.evaluate(axe.axe_script)
    return page.evaluate("""tags => axe.getRules(tags).map(r => r.ruleId)""", WCAG_22_AA)


def violations(axe: Axe, page: Any) -> list[dict[str, Any]]:
    """axe's violations on the page as it is now, each rule with its impact and nodes."""
    rules = sorted({*_rules(axe, page), *LANDMARKS})
    options = {**OPTIONS, "runOnly": {"type": "rule", "values": rules}}
    return list(axe.run(page, options=options).response["violations"])


def blocking(found: list[dict[str, Any]]) -> list[str]:
    """Serious and critical violations, and a missing main landmark, one line a node."""
    return [f"{v['id']} ({v['impact']}): {n['target']} {n.get('failureSummary', '')[:160]}"
            for v in found if v["impact"] in BLOCKING or v["id"] in LANDMARKS
            for n in v["nodes"]]


def save_report(name: str, found: list[dict[str, Any]]) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    summary = [{"rule": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]),
                "first": [{"target": n["target"], "why": n.get("failureSummary", "")}
                          for n in v["nodes"][:12]]} for v in found]
    (REPORTS / f"{name}.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


@pytest.fixture
def open_as(browsing, state_of):
    def open_page(who: str, viewport: dict[str, int]) -> Any:
        phone = viewport == PHONE
        return browsing.page(viewport=viewport, signed_in=state_of(who), is_mobile=phone,
                             has_touch=phone)
    return open_page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("site_page", PAGES, ids=[p.name for p in PAGES])
def test_axe_finds_no_serious_violation(site_page: SitePage, width: str, open_as, axe,
                                        site_records):
    page = open_as(site_page.who, WIDTHS[width])
    response = page.goto(site_page.url(site_records))
    assert response is not None and response.status in {200, 404}, response
    loaded(page)
    expect(page.locator("h1").first).to_be_visible()
    found = violations(axe, page)
    save_report(f"{site_page.name}-{width}", found)
    page.screenshot(path=REPORTS / f"{site_page.name}-{width}.png", animations="disabled")
    problems = blocking(found)
    assert not problems, f"{site_page.name} at {width} width:\n" + "\n".join(problems)
