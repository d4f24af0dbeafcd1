"""Clips through the API: upload one for an athlete, list an athlete's clips, read a
clip's status and report.

An upload goes through the web upload's own checks (``ClipUploadForm``, the size held by
``SizeLimit`` while the body arrives); a refused file answers JSON like every other
failure: 413 too large, 415 not a video this app reads, 422 a field missing or wrong.
"""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.forms import ChoiceField
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from hingecoach.core.kinematics import DEFAULT_EXERCISE
from hingecoach.web.api.auth import BrowserSession, CoachToken
from hingecoach.web.api.errors import error_body
from hingecoach.web.api.schemas import ClipOut, ClipReportOut, ErrorOut
from hingecoach.web.athletes.selectors import athlete_get
from hingecoach.web.clips import selectors, services
from hingecoach.web.clips.forms import (
    EXTENSIONS,
    EXTENSIONS_TEXT,
    NOT_VIDEO,
    TOO_BIG,
    ClipUploadForm,
)
from hingecoach.web.clips.models import Clip
from hingecoach.web.clips.uploads import hold_size_limit, size_text
from hingecoach.web.requests import CoachRequest

router = Router(tags=["clips"])
ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    413: ErrorOut,
    415: ErrorOut,
    422: ErrorOut,
}
STATUS_OF_CODE = {TOO_BIG: 413, NOT_VIDEO: 415, "empty": 415}  # "empty": Django's own
NO_FILE = "no file was sent, or an empty one: send the clip as the multipart part 'file'"
NOT_A_FILE = (
    "the part 'file' came as text, without a file name: send the clip as a file "
    f"({EXTENSIONS_TEXT})"
)


def _upload_body() -> dict[str, Any]:
    field = cast(ChoiceField, ClipUploadForm.base_fields["exercise"])
    pairs = cast("list[tuple[str, str]]", field.choices)  # Django gives (value, label) pairs
    choices = [value for value, _ in pairs]
    limit = size_text(settings.CLIP_MAX_BYTES)
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {
                            "file": {
                                "type": "string",
                                "format": "binary",
                                "minLength": 1,
                                "description": f"A side-view video, at most {limit}: "
                                f"its name ends in {', '.join('.' + e for e in EXTENSIONS)} "
                                "and its "
                                "content is that of an MP4, MOV, WebM or AVI file "
                                "(else 415).",
                            },
                            "exercise": {
                                "type": "string",
                                "enum": choices,
                                "default": DEFAULT_EXERCISE,
                                "description": "The exercise filmed; only the bodyweight hip "
                                "hinge test's faults can be saved as a test.",
                            },
                        },
                    }
                }
            },
        }
    }


def clip_out(clip: Clip) -> dict[str, Any]:
    return {
        "id": clip.pk,
        "athlete_id": clip.athlete_id,
        "exercise": clip.exercise,
        "original_name": clip.original_name,
        "size": clip.size,
        "status": clip.status,
        "progress": clip.progress,
        "error": clip.error,
        "created": clip.created,
        "analysed_at": clip.analysed_at,
        "test_id": clip.test_id,
        "reviewed_at": clip.reviewed_at,
        "reviewed_by": clip.reviewed_by.get_username() if clip.reviewed_by else None,
    }


def _hold_limit(request: Any) -> None:
    hold_size_limit(request, settings.CLIP_MAX_BYTES)


@router.post(
    "/athletes/{athlete_id}/clips",
    response={201: ClipOut, **ERRORS},
    openapi_extra=_upload_body(),
    # a session's CSRF check reads the body: the size limit goes in before it
    auth=[CoachToken(), BrowserSession(before_body=_hold_limit)],
)
def upload_clip(request: CoachRequest, athlete_id: int):
    """Upload a clip (multipart/form-data) and queue its analysis; read
    `GET /api/clips/{clip_id}` until `status` is done or failed."""
    athlete = athlete_get(user=request.user, pk=athlete_id)  # (a token:) before the body
    limit = hold_size_limit(request, settings.CLIP_MAX_BYTES)
    data, files = request.POST, request.FILES
    if limit.refusal:
        return Status(413, error_body("file", limit.refusal))
    if "file" in data and "file" not in files:
        return Status(415, error_body("file", NOT_A_FILE))
    form = ClipUploadForm(data, files)
    if not form.is_valid():
        return _refusal(form)
    upload = form.cleaned_data["file"]
    clip = services.clip_upload(
        athlete=athlete,
        upload=upload,
        by=request.user,
        extension=form.extension(upload),
        exercise=form.cleaned_data["exercise"],
    )
    return Status(201, clip_out(clip))


def _refusal(form: ClipUploadForm) -> Status:
    field, errors = next(iter(form.errors.as_data().items()))
    code = errors[0].code or ""
    message = NO_FILE if code == "required" else " ".join(errors[0].messages)
    return Status(STATUS_OF_CODE.get(code, 422), error_body(field, message))


@router.get("/athletes/{athlete_id}/clips", response={200: list[ClipOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_clips(request: CoachRequest, athlete_id: int):
    """The athlete's clips, newest first (kept for `HINGECOACH_CLIP_KEEP_DAYS`)."""
    athlete = athlete_get(user=request.user, pk=athlete_id)
    return [clip_out(c) for c in selectors.athlete_clips(athlete=athlete)]


@router.get("/clips/{clip_id}", response={200: ClipReportOut, **ERRORS})
def get_clip(request: CoachRequest, clip_id: int):
    """A clip's status, progress and, once done, its analysis report."""
    clip = selectors.clip_seen(clip=selectors.clip_get(user=request.user, pk=clip_id))
    report = selectors.clip_report(clip=clip)
    return {**clip_out(clip), "report": report}
