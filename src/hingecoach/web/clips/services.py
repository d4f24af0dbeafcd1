"""Writes for clips: upload, the background analysis, saving as a test, erasing, purging.

The analysis runs in the worker (``tasks.analyse_clip``), never in a web request. Every
failure ends as ``status=failed`` with a plain message for the coach (the traceback
goes to the log only), no half-written file (key frames are written to temporary files
and renamed together) and the athlete's records untouched: only a coach saving the
bodyweight-hip-hinge test's faults writes a ``tests`` entry (DOMAIN.md section 6).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from hingecoach.core.kinematics import DEFAULT_EXERCISE
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, HingeTest
from hingecoach.web.clips.models import Clip, clips_dir

logger = logging.getLogger(__name__)

PROGRESS_STEP = 5  # write the progress to the row every this many percent
ANALYSE_SHARE = 90  # the pose model's share of the bar; the key frames take the rest
UNEXPECTED = ("The analysis stopped unexpectedly, so this clip has no report. Try again; "
              "if it happens again, film a new clip.")
INTERRUPTED = "The analysis was interrupted (the server stopped). Upload the clip again."
NO_POSE_MODEL = ("The pose model is not installed on this server, so clips cannot be "
                 "analysed yet (scripts/install-video).")


# --- upload -----------------------------------------------------------------------------

def clip_upload(*, athlete: Athlete, upload: UploadedFile, extension: str,
                exercise: str = DEFAULT_EXERCISE, by: Any = None) -> Clip:
    """Store the file under MEDIA_ROOT/clips/ and queue its analysis. Clips past the
    retention (``CLIP_KEEP_DAYS``) are purged on the way: no scheduler is needed."""
    clips_purge(older_than_days=settings.CLIP_KEEP_DAYS)
    clip = _clip_store(athlete=athlete, upload=upload, extension=extension,
                       exercise=exercise, by=by)
    from hingecoach.web.clips.tasks import analyse_clip

    try:
        analyse_clip.enqueue(clip.pk)
    except Exception:
        logger.exception("could not queue the analysis of clip %s", clip.pk)
        _fail(clip.pk, "The analysis could not be queued. Try again in a moment.")
    clip.refresh_from_db()
    return clip


def _clip_store(*, athlete: Athlete, upload: UploadedFile, extension: str, exercise: str,
                by: Any) -> Clip:
    clip = Clip(athlete=athlete, uploaded_by=by, extension=extension, exercise=exercise,
                original_name=Path(upload.name or "").name[:255], size=upload.size or 0)
    clips_dir().mkdir(parents=True, exist_ok=True)
    temp = clips_dir() / f".{clip.key}.upload"
    try:
        with temp.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        temp.replace(clip.video_path)
        clip.save()
    except BaseException:
        _remove([temp, clip.video_path])
        raise
    return clip


# --- the analysis (in the worker) -------------------------------------------------------

def clip_analyse(*, clip_id: int) -> None:
    """Analyse a queued clip; the result or a plain failure ends up on its row."""
    if not Clip.objects.filter(pk=clip_id, status=Clip.Status.QUEUED).update(
            status=Clip.Status.RUNNING, progress=0):
        return  # erased meanwhile, or already taken
    clip = Clip.objects.filter(pk=clip_id).first()
    if clip is None:
        return
    try:
        report, frames = _run(clip)
    except BaseException as exc:
        _fail(clip_id, _plain_error(exc, clip), keep_video=False)
        if not isinstance(exc, Exception):
            raise
        return
    _finish(clip, report, frames)


def _run(clip: Clip) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from hingecoach.video import analyze_clip
    from hingecoach.video.outputs import staged
    from hingecoach.web.clips.keyframes import key_frames, write_key_frames

    progress = _ProgressWriter(clip.pk)
    analysis = analyze_clip(clip.video_path, clip.exercise, progress)
    chosen = key_frames(analysis)
    with staged([clip.frame_path(n) for n in range(len(chosen))]) as temps:
        write_key_frames(analysis, chosen, temps)
        progress.set(100)
    frames = [{"label": frame.label, "t_s": round(frame.t_s, 2)} for frame in chosen]
    return analysis.report.model_dump(mode="json"), frames


def _finish(clip: Clip, report: dict[str, Any], frames: list[dict[str, Any]]) -> None:
    saved = Clip.objects.filter(pk=clip.pk, status=Clip.Status.RUNNING).update(
        status=Clip.Status.DONE, progress=100, report=report, frames=frames, error="",
        analysed_at=timezone.now())
    if not saved:  # the athlete was erased while the clip was analysed
        _remove(clip.file_paths())


class _ProgressWriter:
    """The pipeline's ``progress(stage, done, total)``: written every ``PROGRESS_STEP`` %."""

    def __init__(self, clip_id: int) -> None:
        self.clip_id = clip_id
        self.written = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "analyse" and total > 0:
            self.set(min(ANALYSE_SHARE, ANALYSE_SHARE * done // total))

    def set(self, percent: int) -> None:
        if percent >= self.written + PROGRESS_STEP or (percent == 100 > self.written):
            self.written = percent
            Clip.objects.filter(pk=self.clip_id).update(progress=percent)


def _plain_error(exc: BaseException, clip: Clip) -> str:
    from hingecoach.video import BackendUnavailable, VideoError

    if isinstance(exc, VideoError):
        shown = clip.original_name or "the clip"
        return exc.message.replace(str(clip.video_path), shown)
    if isinstance(exc, BackendUnavailable):
        return NO_POSE_MODEL
    if not isinstance(exc, Exception):
        return INTERRUPTED
    logger.exception("the analysis of clip %s failed", clip.pk)
    return UNEXPECTED


def _fail(clip_id: int, message: str, *, keep_video: bool = True) -> None:
    Clip.objects.filter(pk=clip_id).update(status=Clip.Status.FAILED, error=message,
                                           report=None, frames=[])
    clip = Clip.objects.filter(pk=clip_id).first()
    if clip is not None and not keep_video:
        _remove(clip.file_paths())


# --- saving as a test -------------------------------------------------------------------

def clip_save_test(*, clip: Clip, date: dt.date, faults: list[str], notes: str = "",
                   by: Any = None) -> HingeTest:
    """The coach's confirmed faults of a bodyweight-hip-hinge clip, as a test on record."""
    if clip.exercise != DEFAULT_EXERCISE:
        raise ValidationError("only a clip of the bodyweight hip hinge test can be saved "
                              "as a test")
    if clip.status != Clip.Status.DONE:
        raise ValidationError("the clip has not been analysed")
    if clip.test_id is not None:
        raise ValidationError("this clip was already saved as a test")
    with transaction.atomic():
        test = athletes.test_record(athlete=clip.athlete, date=date, faults=faults,
                                    notes=notes, by=by)
        clip.test = test
        clip.save(update_fields=["test"])
    return test


# --- erasing and purging ----------------------------------------------------------------

def athlete_clips_erase(*, athlete: Athlete) -> int:
    """Delete the athlete's clips and their files (call it when erasing the athlete).

    Inside a transaction the files go once it commits; outside one, at once."""
    clips = list(athlete.clips.all())
    return _delete(clips)


def clips_purge(*, older_than_days: int = 90) -> int:
    """Delete every clip uploaded more than ``older_than_days`` days ago, with its files,
    and any file in the clips folder left without a clip for a day (e.g. an athlete
    erased by a path that did not call ``athlete_clips_erase``)."""
    cutoff = timezone.now() - dt.timedelta(days=older_than_days)
    count = _delete(list(Clip.objects.filter(created__lt=cutoff)))
    _remove(_orphan_files(older_than=timezone.now() - ORPHAN_AGE))
    return count


ORPHAN_AGE = dt.timedelta(days=1)  # an upload being stored has a file before its row


def _orphan_files(*, older_than: dt.datetime) -> list[Path]:
    folder = clips_dir()
    if not folder.is_dir():
        return []
    keys = {str(key) for key in Clip.objects.values_list("key", flat=True)}
    limit = older_than.timestamp()
    return [path for path in folder.iterdir()
            if path.name.lstrip(".")[:36] not in keys and path.stat().st_mtime < limit]


def _delete(clips: list[Clip]) -> int:
    paths = [path for clip in clips for path in clip.file_paths()]
    Clip.objects.filter(pk__in=[clip.pk for clip in clips]).delete()
    transaction.on_commit(lambda: _remove(paths))
    return len(clips)


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
