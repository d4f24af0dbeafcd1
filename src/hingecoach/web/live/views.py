"""Live mode's pages and JSON endpoints. Thin: read with selectors, write with services.

Every view starts with ``athlete_get``, so another team's athlete (or session) is a 404.
The JSON endpoints answer every refusal as ``{"field", "message"}`` with a 4xx status:
signed out, a failed CSRF check, a picture too large or sent too fast, bad input.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie

from hingecoach.core.errors import HingecoachError
from hingecoach.core.kinematics import DEFAULT_EXERCISE
from hingecoach.core.validation import quoted
from hingecoach.video.errors import BackendUnavailable, VideoError
from hingecoach.video.live import LIVE_FPS
from hingecoach.web.athletes.models import Athlete
from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.clips.forms import ClipExerciseForm
from hingecoach.web.live import selectors, services
from hingecoach.web.live.models import LiveSession
from hingecoach.web.live.words import answer_json, cue_words
from hingecoach.web.requests import CoachRequest

MAX_PICTURE_BYTES = 256 * 1024
# Pictures a second one session may send: the track needs LIVE_FPS; a little slack for
# a browser's timer bunching two.
MAX_RATE = 2 * LIVE_FPS


def _error(field: str, message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"field": field, "message": message}, status=status)


def _json_endpoint(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, CSRF-checked on POST, the athlete read for this coach; every refusal
    as JSON."""

    @csrf_exempt  # checked below, so that a failure is JSON too
    @wraps(view)
    def wrapped(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _error("session", "you are signed out: sign in again", 401)
        if (
            request.method == "POST"
            and CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, _no_view, (), {})
            is not None
        ):
            return _error("csrf", "the page is out of date: reload it", 403)
        try:
            athlete = athlete_get(user=cast(CoachRequest, request).user, pk=pk)
            return view(request, athlete, **kwargs)
        except Http404:
            return _error("athlete", "no such athlete or live session", 404)
        except ValidationError as exc:
            field, message = _first(exc)
            return _error(field, message)
        except VideoError as exc:
            return _error(exc.field, exc.message)
        except BackendUnavailable as exc:  # the server's install, not the picture
            return _error("pose", str(exc), 503)
        except HingecoachError as exc:
            return _error(getattr(exc, "field", "frame"), str(exc))

    return wrapped


def _no_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse()  # the CSRF check never calls the view; it only needs one


def _first(exc: ValidationError) -> tuple[str, str]:
    if hasattr(exc, "error_dict"):
        field, errors = next(iter(exc.message_dict.items()))
        return field, errors[0]
    return "body", exc.messages[0]


@login_required
@ensure_csrf_cookie
def live_page(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = athlete_get(user=request.user, pk=pk)
    return render(
        request,
        "live/live.html",
        {"athlete": athlete, "fps": LIVE_FPS, "exercise": _exercise_field()},
    )


@login_required
def film_page(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = athlete_get(user=request.user, pk=pk)
    return render(request, "live/film.html", {"athlete": athlete, "exercise": _exercise_field()})


def _exercise_field() -> Any:
    """The "exercise filmed" choice both pages show, the test first chosen."""
    form = ClipExerciseForm(initial={"exercise": DEFAULT_EXERCISE}, auto_id="live-%s")
    form.fields["exercise"].label = "Exercise filmed"
    return form["exercise"]


@_json_endpoint
def session_start(request: HttpRequest, athlete: Athlete) -> HttpResponse:
    if request.method != "POST":
        return _error("method", "use POST", 405)
    exercise = _exercise_asked(request)
    session = services.live_session_start(athlete=athlete, exercise=exercise, by=request.user)
    return JsonResponse(
        {"session": str(session.key), "fps": LIVE_FPS, "max_bytes": MAX_PICTURE_BYTES}, status=201
    )


@_json_endpoint
def picture_add(request: HttpRequest, athlete: Athlete, key: str) -> HttpResponse:
    if request.method != "POST":
        return _error("method", "use POST", 405)
    session = selectors.live_session_get(athlete=athlete, key=key)
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_PICTURE_BYTES:
        return _error(
            "frame", f"the picture is {length} bytes, over the {MAX_PICTURE_BYTES} byte limit", 413
        )
    if _too_fast(str(session.key)):
        return _error("frame", f"more than {MAX_RATE:g} pictures a second", 429)
    try:
        t_ms = float(request.GET.get("t_ms", ""))
    except ValueError:
        given = quoted(request.GET.get("t_ms", ""))
        return _error("t_ms", f"{given} is not a number of milliseconds")
    answer = services.live_picture_add(session=session, data=request.body, t_ms=t_ms)
    return JsonResponse(answer_json(answer, t_ms))


def _exercise_asked(request: HttpRequest) -> str:
    """The exercise a session is started for: ``{"exercise": id}`` as JSON, or a form's
    ``exercise``; the test when none is given. ValidationError names the field."""
    if request.content_type == "application/json" and request.body.strip():
        try:
            asked = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise ValidationError("the request is not JSON") from None
        if not isinstance(asked, dict):
            raise ValidationError('the request must be a JSON object like {"exercise": ...}')
    else:
        asked = request.POST
    form = ClipExerciseForm({"exercise": asked.get("exercise") or DEFAULT_EXERCISE})
    if not form.is_valid():
        raise ValidationError({"exercise": form.errors["exercise"]})
    exercise: str = form.cleaned_data["exercise"]
    return exercise


def _too_fast(key: str) -> bool:
    """Count this picture against the session's second (the file cache is shared by
    every worker on this host)."""
    name = f"live:{key}:{int(time.time())}"
    cache.add(name, 0, timeout=5)
    try:
        return cache.incr(name) > MAX_RATE
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=5)
        return False


@_json_endpoint
def session_end(request: HttpRequest, athlete: Athlete, key: str) -> HttpResponse:
    """The set is over: count a rep the last pictures cut short, then the summary."""
    if request.method != "POST":
        return _error("method", "use POST", 405)
    session = selectors.live_session_get(athlete=athlete, key=key)
    services.live_session_end(session=session)
    return _summary(session)


@_json_endpoint
def session_summary(request: HttpRequest, athlete: Athlete, key: str) -> HttpResponse:
    return _summary(selectors.live_session_get(athlete=athlete, key=key))


def _summary(session: LiveSession) -> JsonResponse:
    cues = selectors.live_cues(session=session)
    return JsonResponse({"reps": len(cues), "cues": [cue_words(cue) for cue in cues]})
