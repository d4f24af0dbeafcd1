"""A page for an address opened with a method it does not take (405).

Many addresses of the coach pages only take a form's POST (reset a coach's password,
download the team's data, archive an athlete). Opened in the browser, Django answers an
empty 405, which the browser shows as a blank error. This middleware gives such an
answer a short page in the site's layout: what the address is for and a link back. The
API (``/api/``) keeps its own JSON errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

SETTINGS = ("teams:settings", "Settings")


class Purpose(NamedTuple):
    does: str
    back: tuple[str, str]  # URL name (given the address's own pk if it takes one), label
    with_pk: bool = False


ATHLETE = ("athletes:detail", "the athlete's page")
CLIP = ("clips:detail", "the clip")

PURPOSES = {
    "teams:data": Purpose("downloads the team's data (the button on Settings)", SETTINGS),
    "teams:token-create": Purpose("makes an API token (on Settings)", SETTINGS),
    "teams:token-revoke": Purpose("revokes an API token (on Settings)", SETTINGS),
    "teams:unit": Purpose("sets the team's unit for loads (on Settings)", SETTINGS),
    "accounts:reset": Purpose("makes a coach's password reset link (on Settings)", SETTINGS),
    "accounts:active": Purpose("lets a coach sign in, or stops them (on Settings)", SETTINGS),
    "athletes:archive": Purpose("archives an athlete or brings them back", ATHLETE, True),
    "athletes:checkin-link-create": Purpose("makes an athlete's check-in link", ATHLETE, True),
    "athletes:checkin-link-revoke": Purpose("revokes an athlete's check-in link", ATHLETE, True),
    "athletes:next-morning": Purpose("saves how a session felt the next morning", ATHLETE, True),
    "checkins:create": Purpose("makes an athlete's check-in link", ATHLETE, True),
    "clips:retry": Purpose("runs a clip's analysis again after a failure", CLIP, True),
    "clips:reanalyse": Purpose("runs a clip's analysis again", CLIP, True),
    "clips:save-test": Purpose("saves a clip's faults as the athlete's test", CLIP, True),
    "clips:reviewed": Purpose("marks a clip reviewed", CLIP, True),
    "blocks:end": Purpose("ends a training block", ("athletes:list", "the athletes")),
}
GENERAL = Purpose("takes what a form on the site sends", SETTINGS)


class NotAllowedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or request.path.startswith("/api/"):
            return response
        if response.content or request.method == "HEAD":
            return response
        page = HttpResponse(_page(request, response.get("Allow", "")), status=405)
        page["Allow"] = response.get("Allow", "")
        return page


def _page(request: HttpRequest, allow: str) -> str:
    match = request.resolver_match
    purpose = PURPOSES.get(match.view_name if match else "", GENERAL)
    name, label = purpose.back
    args = [match.kwargs["pk"]] if purpose.with_pk and match and "pk" in match.kwargs else []
    try:
        back = reverse(name, args=args)
    except NoReverseMatch:
        back, label = reverse(SETTINGS[0]), SETTINGS[1]
    context = {"does": purpose.does, "back": back, "label": label, "allow": allow}
    return render_to_string("405.html", context, request=request)
