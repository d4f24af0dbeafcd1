"""axe-core (bundled by axe-playwright-python: nothing fetched) on every page at phone and
laptop width: no serious or critical violation of a WCAG 2.2 A/AA rule, and one ``main``
landmark per page. Each run's violations and a screenshot go to ``test-output/axe/``.

Which pages: every page of ``site.PAGES``, and the pages only a POST shows (a form's
errors, a one-time link, the sign-in lock-out), reached by the walks in ``WALKS``. The
URL conf is checked against both: a URL pattern that neither opens fails
``test_every_url_pattern_is_checked_by_axe`` unless ``NOT_PAGES`` says why it has no
page to check. A new page: add it to ``site.PAGES`` (or a walk), not to ``NOT_PAGES``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from playwright.sync_api import expect

from .pages import CHROMIUM, COACH, DESKTOP, HEAD, NO_CHROMIUM, PASSWORD, PHONE, SCREENSHOTS, loaded
from .site import ATHLETE, PAGES, SAMPLE_RECORDS, SitePage

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

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
    return [
        f"{v['id']} ({v['impact']}): {n['target']} {n.get('failureSummary', '')[:160]}"
        for v in found
        if v["impact"] in BLOCKING or v["id"] in LANDMARKS
        for n in v["nodes"]
    ]


def save_report(name: str, found: list[dict[str, Any]]) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    summary = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "nodes": len(v["nodes"]),
            "first": [
                {"target": n["target"], "why": n.get("failureSummary", "")} for n in v["nodes"][:12]
            ],
        }
        for v in found
    ]
    (REPORTS / f"{name}.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


@pytest.fixture
def open_as(browsing, state_of):
    def open_page(who: str, viewport: dict[str, int]) -> Any:
        phone = viewport == PHONE
        return browsing.page(
            viewport=viewport, signed_in=state_of(who), is_mobile=phone, has_touch=phone
        )

    return open_page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.e2e
@needs_chromium
@pytest.mark.parametrize("site_page", PAGES, ids=[p.name for p in PAGES])
def test_axe_finds_no_serious_violation(
    site_page: SitePage, width: str, open_as, axe, site_records
):
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


# --- pages only a POST shows -----------------------------------------------------------


@dataclass(frozen=True)
class Stop:
    """A page a walk checks: its name in the reports and the URL pattern it is shown at."""

    name: str
    route: str


SIGN_IN_REFUSED = Stop("sign-in-refused", "login/")
SIGN_IN_LOCKED = Stop("sign-in-locked", "login/")
INVITE_REFUSED = Stop("invite-refused", "account/coaches/invite/")
INVITE_LINK = Stop("invite-link", "account/coaches/invite/")
RESET_LINK = Stop("reset-link", "account/coaches/<int:pk>/reset/")
SET_PASSWORD_REFUSED = Stop("set-password-refused", "account/set-password/<uidb64>/<token>/")
PASSWORD_SET = Stop("password-set", "login/")
PASSWORD_CHANGE_REFUSED = Stop("password-change-refused", "account/password/")
PASSWORD_CHANGED = Stop("password-changed", "team/settings/")
COACH_DEACTIVATED = Stop("coach-deactivated", "team/settings/")
API_DOCS_TRIED = Stop("api-docs-tried", "api/docs")


class Walk:
    """Pages opened one after another; axe runs at each ``stop``, problems kept for the end."""

    def __init__(self, axe: Axe, width: str) -> None:
        self.axe, self.width, self.problems = axe, width, []
        self.seen: list[str] = []

    def stop(self, page: Any, stop: Stop) -> None:
        loaded(page)
        expect(page.locator("h1").first).to_be_visible()
        assert resolve(urlsplit(page.url).path).route == stop.route, (stop, page.url)
        found = violations(self.axe, page)
        name = f"{stop.name}-{self.width}"
        save_report(name, found)
        page.screenshot(path=REPORTS / f"{name}.png", animations="disabled")
        self.problems += [f"{stop.name}: {line}" for line in blocking(found)]
        self.seen.append(stop.name)


def _sign_in_attempt(page: Any, username: str, password: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    loaded(page)


def walk_to_the_lock_out(walk: Walk, open_as: Callable[..., Any]) -> None:
    """Wrong passwords for one username until django-axes locks it (the app's limit is 5)."""
    page = open_as(ATHLETE, WIDTHS[walk.width])
    page.goto("/login/")
    username = f"locked-out-{walk.width}"
    _sign_in_attempt(page, username, "not-the-password")
    expect(page.locator(".form-errors, .errorlist").first).to_be_visible()
    walk.stop(page, SIGN_IN_REFUSED)
    locked = page.get_by_role("heading", name="Too many sign-in attempts")
    for _ in range(6):
        if locked.count():
            break
        _sign_in_attempt(page, username, "not-the-password")
    expect(locked).to_be_visible()
    walk.stop(page, SIGN_IN_LOCKED)


def walk_a_new_coachs_account(walk: Walk, open_as: Callable[..., Any]) -> None:
    """Invite (refused, then made), a reset link, the new coach choosing a password
    (refused, then set), changing it (refused, then changed), and deactivating them."""
    viewport, username = WIDTHS[walk.width], f"a11y-coach-{walk.width}"
    head = open_as(HEAD, viewport)
    head.goto("/account/coaches/invite/")
    head.get_by_role("button", name="Make the link").click()
    walk.stop(head, INVITE_REFUSED)
    head.get_by_label("Username").fill(username)
    head.get_by_role("button", name="Make the link").click()
    expect(head.get_by_role("heading", name=f"{username} is invited")).to_be_visible()
    walk.stop(head, INVITE_LINK)
    head.goto("/team/settings/")
    head.get_by_role("button", name=f"Password link for {username}").click()
    walk.stop(head, RESET_LINK)
    link = head.get_by_label("One-time link").input_value()

    coach = open_as(ATHLETE, viewport)
    coach.goto(link)
    new_password, newer_password = f"{PASSWORD}-{walk.width}", f"{PASSWORD}-{walk.width}-2"
    _choose_password(coach, new_password, "a different one entirely")
    walk.stop(coach, SET_PASSWORD_REFUSED)
    _choose_password(coach, new_password, new_password)
    expect(coach.locator(".messages")).to_contain_text("Password set")
    walk.stop(coach, PASSWORD_SET)
    _sign_in_attempt(coach, username, new_password)
    coach.goto("/account/password/")
    _change_password(coach, "not-my-password", newer_password)
    walk.stop(coach, PASSWORD_CHANGE_REFUSED)
    _change_password(coach, new_password, newer_password)
    expect(coach.locator(".messages")).to_contain_text("Your password was changed.")
    walk.stop(coach, PASSWORD_CHANGED)

    head.goto("/team/settings/")
    head.get_by_role("button", name=f"Deactivate {username}").click()
    expect(head.locator(".messages")).to_contain_text(f"{username} can no longer sign in")
    walk.stop(head, COACH_DEACTIVATED)


def _choose_password(page: Any, first: str, again: str) -> None:
    page.get_by_label("New password", exact=True).fill(first)
    page.get_by_label("New password confirmation").fill(again)
    page.get_by_role("button", name="Save password").click()


def _change_password(page: Any, old: str, new: str) -> None:
    page.get_by_label("Old password").fill(old)
    page.get_by_label("New password", exact=True).fill(new)
    page.get_by_label("New password confirmation").fill(new)
    page.get_by_role("button", name="Change password").click()


def walk_the_api_docs_try_it_forms(walk: Walk, open_as: Callable[..., Any]) -> None:
    """Every "Try it" form open (closed, axe skips them), one answer and one error shown."""
    page = open_as(COACH, WIDTHS[walk.width])
    page.goto("/api/docs")
    loaded(page)
    page.evaluate("document.querySelectorAll('details.api-try').forEach(d => d.open = true)")
    for operation in ("list_athletes", "get_athlete"):
        section = page.locator(f"#op-{operation}")
        section.get_by_role("button", name="Send GET").click()
        expect(section.locator(".api-json")).to_be_visible()
    walk.stop(page, API_DOCS_TRIED)


WALKS = {
    "lock-out": (walk_to_the_lock_out, [SIGN_IN_REFUSED, SIGN_IN_LOCKED]),
    "coach-account": (
        walk_a_new_coachs_account,
        [
            INVITE_REFUSED,
            INVITE_LINK,
            RESET_LINK,
            SET_PASSWORD_REFUSED,
            PASSWORD_SET,
            PASSWORD_CHANGE_REFUSED,
            PASSWORD_CHANGED,
            COACH_DEACTIVATED,
        ],
    ),
    "api-docs-try": (walk_the_api_docs_try_it_forms, [API_DOCS_TRIED]),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.e2e
@needs_chromium
@pytest.mark.parametrize("walk_name", WALKS)
def test_axe_finds_no_serious_violation_after_a_post(walk_name: str, width: str, open_as, axe):
    walk_through, stops = WALKS[walk_name]
    walk = Walk(axe, width)
    walk_through(walk, open_as)
    assert walk.seen == [stop.name for stop in stops]
    assert not walk.problems, f"{walk_name} at {width} width:\n" + "\n".join(walk.problems)


# --- every URL pattern is checked, or excluded with a reason ----------------------------

# URL patterns with no page of their own for axe to check. Only what answers something
# other than an HTML page belongs here: a file, JSON, a fragment htmx swaps into a page
# that is checked, or a POST that answers with a redirect to a page that is checked.
AFTER_POST = "POST, then a redirect to the athlete's page"
NOT_PAGES = {
    "": "a redirect to Today",
    "favicon.ico": "a redirect to the icon among the static files",
    "api/docs/": "a redirect to the API page, /api/docs",
    "logout/": "POST, then a redirect to the sign-in page",
    "checkins/athlete/<int:pk>/new/": "POST, then a redirect to the athlete's page",
    "blocks/<int:pk>/end/": "POST, then a redirect to the athlete's page",
    "blocks/<int:pk>/sheet.pdf": "a PDF file",
    "athletes/<int:pk>/archive/": "POST, then a redirect to the athlete list",
    "athletes/<int:pk>/test/preview/": "a fragment htmx swaps into the test form",
    "athletes/<int:pk>/export.<str:fmt>": "a file download (CSV or JSON)",
    "athletes/<int:pk>/checkin-links/": "POST, then a redirect to the athlete's page",
    "athletes/<int:pk>/checkin-links/<int:link_pk>/revoke/": AFTER_POST,
    "athletes/<int:pk>/sessions/<int:session_pk>/morning/": AFTER_POST,
    "team/tokens/new/": "POST, then a redirect to Settings (the new token shown there)",
    "team/tokens/<int:pk>/revoke/": "POST, then a redirect to Settings",
    "team/unit/": "POST, then a redirect to Settings",
    "team/data.json": "POST: a file download (the team's data as JSON)",
    "account/coaches/<int:pk>/active/": "POST, then a redirect to Settings (a walk checks it)",
    "print/cards.pdf": "a PDF file",
    "print/cards/<slug:exercise_id>.pdf": "a PDF file",
    "print/athletes/<int:pk>/sheet.pdf": "a PDF file",
    "print/athletes/<int:pk>/cards.pdf": "a PDF file",
    "print/poster.pdf": "a PDF file",
    "print/poster.svg": "an SVG file",
    "clips/<int:pk>/progress/": "a fragment htmx swaps into the clip's page",
    "clips/<int:pk>/frames/<int:n>.jpg": "a JPEG image",
    "clips/<int:pk>/video.webm": "a video file",
    "clips/<int:pk>/retry/": "POST, then a redirect to the clip's page",
    "clips/<int:pk>/reanalyse/": "POST, then a redirect to the clip's page",
    "clips/<int:pk>/test/": "POST; a refusal shows the clip's page again (checked there)",
    "clips/<int:pk>/reviewed/": "POST, then a redirect to the clip's page",
    "athletes/<int:pk>/live/sessions/": "JSON for the live page's script (POST starts a set)",
    "athletes/<int:pk>/live/sessions/<uuid:key>/pictures/": "JSON: a picture's landmarks",
    "athletes/<int:pk>/live/sessions/<uuid:key>/end/": "JSON: the set's last rep",
    "athletes/<int:pk>/live/sessions/<uuid:key>/summary/": "JSON: the set's cues",
}


def url_patterns(patterns: list[Any] | None = None, prefix: str = "") -> Iterator[str]:
    """Every route of the URL conf, as ``ResolverMatch.route`` spells it."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


# The JSON API: every path under it answers JSON, whatever is asked (its docs page, which
# is HTML, is in site.PAGES).
JSON_API, API_DOCS = "api/", "api/docs"


def _excluded(route: str) -> bool:
    return route in NOT_PAGES or (route.startswith(JSON_API) and route != API_DOCS)


def test_every_url_pattern_is_checked_by_axe():
    routes = set(url_patterns())
    opened = {resolve(urlsplit(p.url(SAMPLE_RECORDS)).path).route for p in PAGES}
    shown_after_a_post = {stop.route for _, stops in WALKS.values() for stop in stops}
    unchecked = sorted(r for r in routes - opened - shown_after_a_post if not _excluded(r))
    assert not unchecked, (
        "URL patterns no axe run opens: add a page to site.PAGES (or, for "
        f"a non-page, a reason to NOT_PAGES): {unchecked}"
    )
    stale = sorted(set(NOT_PAGES) - routes)
    assert not stale, f"NOT_PAGES names URL patterns that no longer exist: {stale}"
    both = sorted(r for r in opened if _excluded(r))
    assert not both, f"pages both checked and excluded (drop them from NOT_PAGES): {both}"
