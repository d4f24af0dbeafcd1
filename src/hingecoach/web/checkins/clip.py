"""An athlete's clip through their check-in link, at ``/c/<token>/clip/``: no account.

The clip goes through the clips app's own upload form and service (the same size
limit, file checks and background analysis as a coach's upload) with no coach as its
uploader, so it waits on the coach's Today page as a clip to review. Nothing here
makes a test: only a coach confirming the report does (DOMAIN.md section 5).

Like the check-in page, the answers are private (never cached, indexed or named to
another site; ``same-origin`` referrers so the form's POST carries its Origin for the
CSRF check), and uploads are limited per link (``UPLOADS`` in ``WINDOW_S``), counted
in the shared cache.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.selectors import checkin_athlete_for_token
from hingecoach.web.clips import services as clips
from hingecoach.web.clips.forms import ClipUploadForm
from hingecoach.web.clips.uploads import SizeLimit
from hingecoach.web.common.ratelimit import over_limit
from hingecoach.web.common.via import through_checkin_link
from hingecoach.web.teams.models import ApiToken

UPLOADS = 5  # clips per link per window
WINDOW_S = 3600
NAME_PREFIX = "check-in · "  # how the coach's clip list tells an athlete's clip apart


@csrf_exempt  # the CSRF check reads the body: _upload checks it once the limit is in place
@require_http_methods(["GET", "HEAD", "POST"])
@through_checkin_link
def checkin_clip(request: HttpRequest, token: str) -> HttpResponse:
    athlete = checkin_athlete_for_token(token=token)  # before a byte of the body is read
    if athlete is None:
        return _private(render(request, "checkin/404.html", status=404), "no-referrer")
    if request.method == "POST" and _over_limit(token):
        return _private(render(request, "checkin/429.html", status=429), "no-referrer")
    limit = SizeLimit(request, settings.CLIP_MAX_BYTES)
    request.upload_handlers = [limit, *request.upload_handlers]
    return _private(_upload(request, athlete, limit), "same-origin")


@csrf_protect
def _upload(request: HttpRequest, athlete: Athlete, limit: SizeLimit) -> HttpResponse:
    posted = request.method == "POST"
    form = ClipUploadForm(
        request.POST if posted else None, request.FILES if posted else None, refusal=limit.refusal
    )
    _for_the_athlete(form)
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        extension = form.extension(upload)
        upload.name = NAME_PREFIX + (upload.name or f"clip.{extension}")
        clips.clip_upload(
            athlete=athlete,
            upload=upload,
            extension=extension,
            exercise=form.cleaned_data["exercise"],
            by=None,
        )
        return redirect(f"{request.path}?sent=1")
    first_name = (athlete.name.split() or ["there"])[0]
    return render(
        request,
        "checkins/clip.html",
        {
            "form": form,
            "first_name": first_name,
            "sent": request.GET.get("sent") == "1",
            "back": request.path.removesuffix("clip/"),
        },
    )


def _for_the_athlete(form: ClipUploadForm) -> None:
    """The exercise field in the athlete's words (the coach's form speaks of tests)."""
    field = form.fields["exercise"]
    field.label = "What you filmed"
    field.help_text = "Your coach can change it if you are not sure."


def _over_limit(token: str) -> bool:
    return over_limit(
        [f"checkin-clip:{ApiToken.digest_of(token)}"], limit=UPLOADS, window_s=WINDOW_S
    )


def _private(response: HttpResponse, referrer: str) -> HttpResponse:
    patch_cache_control(response, no_store=True, private=True)
    response["Referrer-Policy"] = referrer
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
