"""The athlete's page in two kinds of part.

Kept in the shared cache until what they show changes (``hingecoach.web.common.pagecache``):
the head, the recommendation and today's plan, the pain and TSK-11 line, the training
block, clips, recent sessions, check-in links, the latest tests, the ladder and the
profile. Their stamp: the athlete's data version (every write to the athlete's records,
blocks, clips or check-in links gives a new one: ``athletes.services.athlete_touch``),
the catalog, the date, the team's unit and the time zone. Their forms carry ``CSRF_SLOT``
where the token goes, and a check-in link to share leaves ``SHARE_SLOT``: each view puts
its own request's token there, and the link with its QR code drawn for the address the
request reached (``_for_request``).

Rendered fresh on every view: what depends on the coach or the request (messages, what a
record changed, the pain-now form sent back with an error, a new link shown once, the
archive and erase card) and the page around the parts.
"""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from hingecoach.core import Plan, Recommendation
from hingecoach.web.athletes import selectors
from hingecoach.web.athletes.forms import NextMorningForm, PainForm
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common import pagecache
from hingecoach.web.common.ladder import ladder_grid

PARTS = {
    "head": "athletes/_head.html",
    "actions": "athletes/_actions.html",
    "advice": "athletes/_advice_body.html",
    "pain_status": "athletes/_pain_status.html",
    "tests": "athletes/_tests.html",
    "ladder": "athletes/_ladder.html",
    "profile": "athletes/_profile.html",
    "more": "athletes/_more.html",  # print buttons, block, film, clips, recent sessions
    "checkin_links": "athletes/_checkin_links.html",
}
TESTS_SHOWN = 6
RECENT_SESSIONS = 5
RECENT_CHECKINS = 5
# Stands for the request's CSRF token in kept HTML: letters only, so escaping keeps it.
CSRF_SLOT = "hingecoachCsrfTokenSlotQx7"
SHARE_SLOT = "hingecoachCheckinShareSlotQx7"  # where {% checkin_share %} draws the link


def kept_parts(
    athlete: Athlete, rec: Recommendation, today: Plan, stamp: str, request: HttpRequest
) -> dict[str, SafeString]:
    """The parts of ``PARTS`` as HTML with ``request``'s CSRF token (and the check-in link
    to share, if there is one), rendered once per change of what they show. ``stamp``:
    ``selectors.athlete_stamp``, the one ``rec`` and ``today`` were read under."""
    kept = pagecache.slot(
        f"athlete:{athlete.pk}:page",
        pagecache.stamp(stamp, athlete.team.unit, settings.TIME_ZONE),
        lambda: _render(athlete, rec, today, request),
    )
    return _for_request(kept, athlete, request)


def _for_request(
    kept: dict[str, str], athlete: Athlete, request: HttpRequest
) -> dict[str, SafeString]:
    """Kept parts with this request's CSRF token and the link to share drawn for the
    address this request reached (one query, only when there is a link to show)."""
    token = get_token(request)
    filled = {name: html.replace(CSRF_SLOT, token) for name, html in kept.items()}
    if SHARE_SLOT in filled["checkin_links"]:
        shared = render_to_string(
            "athletes/_share_fresh.html", {"athlete": athlete, "request": request}
        )
        filled["checkin_links"] = filled["checkin_links"].replace(SHARE_SLOT, shared)
    return {name: mark_safe(html) for name, html in filled.items()}


def _render(
    athlete: Athlete, rec: Recommendation, today: Plan, request: HttpRequest
) -> dict[str, str]:
    context = _context(athlete, rec, today) | _more(athlete, request)
    return {name: render_to_string(template, context) for name, template in PARTS.items()}


def _more(athlete: Athlete, request: HttpRequest) -> dict[str, Any]:
    """The other apps' parts' context; ``request`` is there for the address."""
    return {
        "request": request,
        "csrf_token": CSRF_SLOT,
        "share_slot": SHARE_SLOT,
        "sessions": list(selectors.athlete_sessions(athlete=athlete)[:RECENT_SESSIONS]),
        "morning_form": NextMorningForm(),
        **checkins_context(athlete),
    }


def checkins_context(athlete: Athlete, new_url: str | None = None) -> dict[str, Any]:
    """The athlete's private check-in links and what came back through them."""
    return {
        "checkin_links": list(selectors.checkin_links_active(athlete=athlete)),
        "checkins": list(selectors.athlete_checkins(athlete=athlete)[:RECENT_CHECKINS]),
        "new_checkin_url": new_url,
        "morning_max": web_catalog().thresholds.pain.next_morning_max,
    }


def _context(athlete: Athlete, rec: Recommendation, today: Plan) -> dict[str, Any]:
    return {
        "athlete": athlete,
        "team": athlete.team,
        "rec": rec,
        "plan": today,
        "latest_pain": selectors.athlete_pain_reports(athlete=athlete).first(),
        "tsk": selectors.athlete_latest_tsk(athlete=athlete),
        "tests": list(selectors.athlete_tests(athlete=athlete)[:TESTS_SHOWN]),
        "ladder": ladder_grid(
            web_catalog(),
            mastered=selectors.athlete_mastered(athlete=athlete),
            today=[o.exercise for o in rec.options],
            avoid=[a.exercise for a in rec.avoid],
        ),
    }


@functools.cache
def blank_pain_field() -> SafeString:
    """The empty pain-now field (eleven radio buttons): the same HTML for every athlete
    and every request, so rendered once per process. A form sent back with an error is
    rendered afresh."""
    return render_to_string("includes/field.html", {"field": PainForm()["nrs"]})
