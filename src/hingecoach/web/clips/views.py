"""Pages for clips. Thin: read with selectors, write with services.

Every view starts with ``athlete_get`` or ``clip_get``, so another team's athlete or
clip is a 404 for every page, GET or POST.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotAllowed,
)
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django_htmx.http import HttpResponseClientRefresh

from hingecoach.web.athletes.models import Athlete, HingeTest
from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.clips import selectors, services
from hingecoach.web.clips.forms import ClipExerciseForm, ClipTestForm, ClipUploadForm
from hingecoach.web.clips.models import Clip, clips_dir
from hingecoach.web.clips.ranges import ranged_file_response
from hingecoach.web.clips.uploads import SizeLimit
from hingecoach.web.common.display import exercise_name
from hingecoach.web.common.forms import run_service
from hingecoach.web.requests import CoachRequest


@csrf_exempt  # the CSRF check reads the body: _upload checks it, once the limit is in place
@login_required
def clip_upload(request: CoachRequest, pk: int) -> HttpResponse:
    athlete = athlete_get(user=request.user, pk=pk)  # before a byte of the body is read
    limit = SizeLimit(request, settings.CLIP_MAX_BYTES)
    request.upload_handlers = [limit, *request.upload_handlers]
    return _upload(request, athlete, limit)


@csrf_protect
def _upload(request: CoachRequest, athlete: Athlete, limit: SizeLimit) -> HttpResponse:
    posted = request.method == "POST"
    form = ClipUploadForm(
        request.POST if posted else None, request.FILES if posted else None, refusal=limit.refusal
    )
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        clip = services.clip_upload(
            athlete=athlete,
            upload=upload,
            by=request.user,
            extension=form.extension(upload),
            exercise=form.cleaned_data["exercise"],
        )
        return redirect("clips:detail", pk=clip.pk)
    return render(request, "clips/upload.html", {"athlete": athlete, "form": form})


@login_required
def clip_detail(request: CoachRequest, pk: int) -> HttpResponse:
    clip = selectors.clip_get(user=request.user, pk=pk)
    return _detail_page(request, selectors.clip_seen(clip=clip))


def _detail_page(
    request: HttpRequest, clip: Clip, form: ClipTestForm | None = None, *, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "clip": clip,
        "athlete": clip.athlete,
        "is_test": selectors.clip_is_test(clip=clip),
        "files_missing": selectors.clip_files_missing(clip=clip),
        "clips_folder": clips_dir(),
    }
    report = selectors.clip_report(clip=clip)
    if report is not None:
        context["report"] = report
        context["advice"] = selectors.clip_fault_advice(report=report)
        context["refusal"] = selectors.clip_test_refusal(report=report)
        context["form"] = form or _test_form(clip)
    if clip.test is not None:
        context["by_eye"] = selectors.saved_test_by_eye(test=clip.test)
    context["kept_until"] = selectors.clip_kept_until(clip=clip)
    context["judged_nothing"] = selectors.clip_judged_nothing(report=report)
    context["film_again"] = selectors.clip_film_again(report=report)
    if selectors.clip_reanalysable(clip=clip):
        context["exercise_form"] = ClipExerciseForm(initial={"exercise": clip.exercise})
    return render(request, "clips/detail.html", context, status=status)


def _test_form(clip: Clip, data: Any = None) -> ClipTestForm:
    return ClipTestForm(
        data,
        evidence=selectors.clip_fault_evidence(clip=clip),
        initial={"notes": f"From the clip {clip.original_name}"},
    )


@login_required
def clip_progress(request: CoachRequest, pk: int) -> HttpResponse:
    """htmx, every second while the clip is analysed: the bar; once finished (or found
    stalled), a reload."""
    clip = selectors.clip_seen(clip=selectors.clip_get(user=request.user, pk=pk))
    if clip.finished:
        return HttpResponseClientRefresh()
    response = render(request, "clips/_progress.html", {"clip": clip})
    patch_cache_control(response, no_store=True)
    return response


@login_required
def clip_frame(request: CoachRequest, pk: int, n: int) -> FileResponse:
    clip = selectors.clip_get(user=request.user, pk=pk)
    path = clip.frame_path(n)
    if clip.status != Clip.Status.DONE or n >= len(clip.frames) or not path.is_file():
        raise Http404("No such frame")
    response = FileResponse(path.open("rb"), content_type="image/jpeg")
    patch_cache_control(response, private=True, max_age=3600)
    return response


@login_required
def clip_video(request: CoachRequest, pk: int) -> HttpResponseBase:
    """The annotated video (WebM), in byte ranges as a ``<video>`` element asks for it."""
    clip = selectors.clip_get(user=request.user, pk=pk)
    path = clip.annotated_path
    if clip.status != Clip.Status.DONE or not clip.annotated or not path.is_file():
        raise Http404("No annotated video")
    response = ranged_file_response(request, path, content_type="video/webm")
    patch_cache_control(response, private=True, max_age=3600)
    return response


@login_required
def clip_retry(request: CoachRequest, pk: int) -> HttpResponse:
    clip = selectors.clip_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.clip_retry(clip=clip)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "The clip is queued for analysis again.")
    return redirect("clips:detail", pk=clip.pk)


@login_required
def clip_reanalyse(request: CoachRequest, pk: int) -> HttpResponse:
    clip = selectors.clip_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ClipExerciseForm(request.POST)
    if not form.is_valid():
        problem = " ".join(str(error) for error in form.errors["exercise"])
        messages.error(request, f"Exercise: {problem}")
        return redirect("clips:detail", pk=clip.pk)
    exercise = form.cleaned_data["exercise"]
    try:
        services.clip_reanalyse(clip=clip, exercise=exercise)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"The clip is queued for analysis as {exercise_name(exercise)}.")
    return redirect("clips:detail", pk=clip.pk)


REVIEWED = "Marked reviewed: the clip is off Today's list. It stays here until it is deleted."
REVIEW_UNDONE = "No longer marked reviewed: the clip waits on Today again."


@login_required
def clip_reviewed(request: CoachRequest, pk: int) -> HttpResponse:
    """POST ``reviewed=yes`` marks the clip reviewed, ``reviewed=no`` undoes it."""
    clip = selectors.clip_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    undo = request.POST.get("reviewed") == "no"
    try:
        if undo:
            services.clip_unmark_reviewed(clip=clip)
        else:
            services.clip_mark_reviewed(clip=clip, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, REVIEW_UNDONE if undo else REVIEWED)
    return redirect("clips:detail", pk=clip.pk)


@login_required
def clip_save_test(request: CoachRequest, pk: int) -> HttpResponse:
    clip = selectors.clip_get(user=request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = _test_form(clip, request.POST)
    if form.is_valid():
        test = run_service(
            form,
            services.clip_save_test,
            clip=clip,
            by=request.user,
            date=form.cleaned_data["date"],
            notes=form.cleaned_data["notes"],
            verdicts=form.verdicts(),
        )
        if test is not None:
            messages.success(request, _saved(test))
            return redirect("athletes:detail", pk=clip.athlete.pk)
    return _detail_page(request, clip, form, status=400)


def _saved(test: HingeTest) -> str:
    by_eye = selectors.saved_test_by_eye(test=test)
    said = [f"“{item.name}” was {'seen' if item.seen else 'not seen'}" for item in by_eye]
    confirmed = f" You confirmed by eye that {_and(said)}." if said else ""
    return f"Test recorded from the clip: {'passed' if test.passed else 'failed'}.{confirmed}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
