"""The athlete's private check-in page at ``/c/<token>/``: no account, one athlete only.

The page shows the athlete's first name, today's plan with its cues and a short
morning-after form. It shows nothing else: no other athlete, no team or coach, no link
into the app. An unknown, revoked or archived athlete's token is a plain 404 page.

No page here sends the link to another site in a Referer header. The 404 and 429 pages
say ``Referrer-Policy: no-referrer``; the plan page, which carries the form, says
``same-origin``: the same for every other site, but the browser then sends the real
``Origin`` with the form's POST. Under ``no-referrer`` browsers send ``Origin: null``,
which Django's CSRF check (on, as for every form) refuses.

Every answer is rate-limited per token and per client address (``RATE_LIMIT`` requests a
minute, ``web.common.ratelimit``), counted in the cache every worker shares.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from hingecoach.core.results import SessionItem
from hingecoach.web.athletes import selectors, services
from hingecoach.web.athletes.forms import CheckinForm
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.catalog import web_catalog
from hingecoach.web.common.display import prescribed_load, rest_text
from hingecoach.web.common.forms import run_service
from hingecoach.web.common.ratelimit import client_address, over_limit
from hingecoach.web.common.via import through_checkin_link
from hingecoach.web.teams.models import ApiToken

FORM_REFERRER = "same-origin"  # see the module's docstring: not no-referrer
RATE_LIMIT = 30  # requests per minute, per token and per client address
WINDOW_S = 60


@require_http_methods(["GET", "HEAD", "POST"])
@through_checkin_link
def checkin_page(request: HttpRequest, token: str) -> HttpResponse:
    if _over_limit(request, token):
        return _private(render(request, "checkin/429.html", status=429), retry=WINDOW_S)
    athlete = selectors.checkin_athlete_for_token(token=token)
    if athlete is None:
        return _private(render(request, "checkin/404.html", status=404))
    form = CheckinForm(request.POST if request.method == "POST" else None)
    if (
        form.is_bound
        and form.is_valid()
        and run_service(form, services.checkin_submit, athlete=athlete, **form.cleaned_data)
        is not None
    ):
        return _private(redirect(f"{request.path}?sent=1"))
    context = _page(athlete) | {"form": form, "sent": request.GET.get("sent") == "1"}
    return _private(render(request, "checkin/page.html", context), referrer=FORM_REFERRER)


def _page(athlete: Athlete) -> dict[str, Any]:
    """Only what the athlete's page shows: their first name, plan, cues and last session."""
    today = selectors.athlete_plan(athlete=athlete)
    unit = athlete.team.unit
    return {
        "first_name": (athlete.name.split() or ["there"])[0],
        "refer": today.refer,
        "eased": selectors.athlete_pain_flare(athlete=athlete) is not None,
        "items": [_item(item, unit) for item in today.session],
        "last": selectors.athlete_last_session(athlete=athlete),
    }


def _item(item: SessionItem, unit: str) -> dict[str, Any]:
    rx = item.prescription
    exercise = web_catalog().exercises.get(item.exercise)
    return {
        "name": item.name,
        "part": item.part,
        "theme": item.theme,
        "scheme": rx.scheme,  # the core's words already say "each side"
        "load": prescribed_load(rx, unit),
        "rest": rest_text(rx.rest_s),
        "cues": list(exercise.cues) if exercise else [],
    }


def _over_limit(request: HttpRequest, token: str) -> bool:
    """Count this request against the token and the client address."""
    keys = [f"checkin:token:{ApiToken.digest_of(token)}", f"checkin:addr:{client_address(request)}"]
    return over_limit(keys, limit=RATE_LIMIT, window_s=WINDOW_S)


def _private(
    response: HttpResponse, *, retry: int | None = None, referrer: str = "no-referrer"
) -> HttpResponse:
    """Health data for one person: never cached, indexed or named to another site."""
    patch_cache_control(response, no_store=True, private=True)
    response["Referrer-Policy"] = referrer
    response["X-Robots-Tag"] = "noindex, nofollow"
    if retry is not None:
        response["Retry-After"] = str(retry)
    return response
