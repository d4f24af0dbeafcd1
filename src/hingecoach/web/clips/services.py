"""Writes for clips: upload, retrying a failed analysis, analysing a clip again as another
exercise, failing a stalled one, saving as a test, marking reviewed, erasing, purging.

The analysis itself runs in the worker (``analysis``, through ``tasks.analyse_clip``),
never in a web request. The athlete's records stay untouched: only a coach saving the
bodyweight-hip-hinge test's faults, each confirmed, writes a ``tests`` entry, and only
from a clip with a judged rep (DOMAIN.md section 5, ``evidence``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hingecoach.core.kinematics import DEFAULT_EXERCISE, AnalysisReport
from hingecoach.core.validation import quoted
from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import Athlete, HingeTest
from hingecoach.web.catalog import web_catalog
from hingecoach.web.clips import selectors
from hingecoach.web.clips.analysis import clip_fail, remove_files
from hingecoach.web.clips.evidence import (
    FaultEvidence,
    fault_evidence,
    save_refusal,
    unanswered,
)
from hingecoach.web.clips.models import Clip, clips_dir
from hingecoach.web.clips.task_results import task_result_abandon, task_results_prune

logger = logging.getLogger(__name__)

NOT_QUEUED = "The analysis could not be queued. Try again in a moment."
ALREADY_SAVED = "this clip was already saved as a test"


# --- upload and retry -------------------------------------------------------------------


def clip_upload(
    *,
    athlete: Athlete,
    upload: UploadedFile,
    extension: str,
    exercise: str = DEFAULT_EXERCISE,
    by: Any = None,
) -> Clip:
    """Store the file under MEDIA_ROOT/clips/ and queue its analysis. Clips past the
    retention (``CLIP_KEEP_DAYS``) are purged and stalled analyses failed on the way: no
    scheduler is needed."""
    clips_purge(older_than_days=settings.CLIP_KEEP_DAYS)
    clips_fail_stalled()
    clip = _clip_store(
        athlete=athlete, upload=upload, extension=extension, exercise=exercise, by=by
    )
    _enqueue(clip)
    clip.refresh_from_db()
    return clip


def clip_retry(*, clip: Clip) -> Clip:
    """Queue a failed (or stalled) clip's analysis again, as a new attempt, if its video
    is kept."""
    if clips_fail_stalled(pk=clip.pk):
        clip.refresh_from_db()
    if clip.status != Clip.Status.FAILED:
        raise ValidationError("only a clip whose analysis failed can be tried again")
    if not clip.video_path.is_file():
        raise ValidationError("the uploaded video is no longer kept: upload the clip again")
    return _requeue(clip, clip.exercise)


def clip_reanalyse(*, clip: Clip, exercise: str) -> Clip:
    """Analyse a finished (or failed) clip again as another exercise: the athlete chose
    the wrong one, or the upload kept the default. The new attempt's report replaces
    the old one; a clip saved as a test keeps the report its test was made from."""
    if exercise not in web_catalog().exercises:
        raise ValidationError({"exercise": f"unknown exercise {quoted(exercise)}"})
    if clip.test_id is not None:
        raise ValidationError(
            "this clip was saved as a test, so its report stays as it is: upload the "
            "clip again to read it as another exercise"
        )
    if clip.status not in (Clip.Status.DONE, Clip.Status.FAILED):
        raise ValidationError("the clip is still being analysed: wait for its report")
    if exercise == clip.exercise and clip.status == Clip.Status.DONE:
        raise ValidationError({"exercise": "the clip was already analysed as this exercise"})
    if not clip.video_path.is_file():
        raise ValidationError("the uploaded video is no longer kept: upload the clip again")
    return _requeue(clip, exercise)


def _requeue(clip: Clip, exercise: str) -> Clip:
    """Queue the clip's analysis again, as a new attempt, unless another request changed
    it a moment ago (its status or attempt moved, or it was saved as a test).

    The new report waits for the coach again, so a mark of reviewed goes. The exercise and
    the review are saved through the model, in the same transaction, so the audit trail
    records them (a queryset update passes it by)."""
    with transaction.atomic():
        requeued = Clip.objects.filter(
            pk=clip.pk, status=clip.status, attempt=clip.attempt, test__isnull=True
        ).update(
            status=Clip.Status.QUEUED,
            attempt=F("attempt") + 1,
            progress=0,
            progress_at=timezone.now(),
            error="",
            report=None,
            frames=[],
            annotated=False,
            analysed_at=None,
        )
        clip.refresh_from_db()
        if requeued:
            clip.exercise, clip.reviewed_at, clip.reviewed_by = exercise, None, None
            clip.save(update_fields=["exercise", "reviewed_at", "reviewed_by"])
    if requeued:  # else another request changed it a moment ago
        athletes.athlete_touch(athlete_id=clip.athlete_id)
        _enqueue(clip)
        clip.refresh_from_db()
    return clip


def _enqueue(clip: Clip) -> None:
    from hingecoach.web.clips.tasks import analyse_clip

    try:
        result = analyse_clip.enqueue(clip.pk, clip.attempt)
    except Exception:
        logger.exception("could not queue the analysis of clip %s", clip.pk)
        clip_fail(clip, NOT_QUEUED)
        return
    Clip.objects.filter(pk=clip.pk, attempt=clip.attempt).update(task_id=str(result.id))


def _clip_store(
    *, athlete: Athlete, upload: UploadedFile, extension: str, exercise: str, by: Any
) -> Clip:
    clip = Clip(
        athlete=athlete,
        uploaded_by=by,
        extension=extension,
        exercise=exercise,
        original_name=Path(upload.name or "").name[:255],
        size=upload.size or 0,
    )
    clips_dir().mkdir(parents=True, exist_ok=True)
    temp = clips_dir() / f".{clip.key}.upload"
    try:
        with temp.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        temp.replace(clip.video_path)
        clip.save()
        athletes.athlete_touch(athlete_id=athlete.pk)
    except BaseException:
        remove_files([temp, clip.video_path])
        raise
    return clip


# --- saving as a test -------------------------------------------------------------------


def clip_save_test(
    *, clip: Clip, date: dt.date, verdicts: Mapping[str, bool], notes: str = "", by: Any = None
) -> HingeTest:
    """A bodyweight-hip-hinge clip as a test on record, from the coach's verdict on each
    of the test's faults (``verdicts``: fault id to seen). Each must be given: one the
    clip judged, as the coach confirms or overrules it; one it could not judge, as the
    coach saw it. Nothing is read as absent (DOMAIN.md section 5)."""
    report = _testable_report(clip)
    evidence = fault_evidence(report=report, catalog=web_catalog())
    _check_verdicts(evidence, verdicts)
    faults = [item.fault for item in evidence if verdicts[item.fault]]
    by_eye = [item.fault for item in evidence if item.seen != verdicts[item.fault]]
    with transaction.atomic():
        test = athletes.test_record(
            athlete=clip.athlete,
            date=date,
            faults=faults,
            notes=notes,
            by=by,
            from_clip=True,
            by_eye=by_eye,
        )
        if not Clip.objects.filter(pk=clip.pk, test__isnull=True).update(test=test):
            raise ValidationError(ALREADY_SAVED)  # by another request, a moment ago
    clip.test = test
    return test


def _testable_report(clip: Clip) -> AnalysisReport:
    if clip.exercise != DEFAULT_EXERCISE:
        raise ValidationError("only a clip of the bodyweight hip hinge test can be saved as a test")
    if clip.status != Clip.Status.DONE or not clip.report:
        raise ValidationError("the clip has not been analysed")
    if clip.test_id is not None:
        raise ValidationError(ALREADY_SAVED)
    report = AnalysisReport.model_validate(clip.report)
    refusal = save_refusal(report=report)
    if refusal:
        raise ValidationError(refusal)
    return report


def _check_verdicts(evidence: list[FaultEvidence], verdicts: Mapping[str, bool]) -> None:
    known = {item.fault for item in evidence}
    unknown = [fault for fault in verdicts if fault not in known]
    if unknown:
        raise ValidationError(
            f"'{unknown[0]}' is not a fault of the test ({', '.join(sorted(known))})"
        )
    missing = {item.fault: unanswered(item) for item in evidence if item.fault not in verdicts}
    if missing:
        raise ValidationError(missing)


# --- marking reviewed --------------------------------------------------------------------

NOT_REVIEWABLE = "only an analysed clip can be marked reviewed: wait for its report"


def clip_mark_reviewed(*, clip: Clip, by: Any) -> Clip:
    """The coach has looked at an analysed clip and clears it from Today's clips to review
    without saving a test (one that could judge nothing, or a practice set). The clip and
    its report stay until they are purged. The audit trail records who and when."""
    if clip.status != Clip.Status.DONE:
        raise ValidationError(NOT_REVIEWABLE)
    if clip.test_id is not None:
        raise ValidationError("this clip was saved as a test: it is not waiting for review")
    if clip.reviewed_at is None:
        clip.reviewed_at = timezone.now()
        clip.reviewed_by = by if getattr(by, "is_authenticated", False) else None
        _save_review(clip)
    return clip


def clip_unmark_reviewed(*, clip: Clip) -> Clip:
    """Undo ``clip_mark_reviewed``: the clip waits on Today again (while it is recent)."""
    if clip.reviewed_at is not None:
        clip.reviewed_at, clip.reviewed_by = None, None
        _save_review(clip)
    return clip


def _save_review(clip: Clip) -> None:
    clip.save(update_fields=["reviewed_at", "reviewed_by"])
    athletes.athlete_touch(athlete_id=clip.athlete_id)


# --- erasing and purging ----------------------------------------------------------------


def athlete_clips_erase(*, athlete: Athlete) -> int:
    """Delete the athlete's clips and their files (call it when erasing the athlete).

    Inside a transaction the files go once it commits; outside one, at once."""
    clips = list(athlete.clips.all())
    return _delete(clips)


@dataclass(frozen=True)
class Purged:
    clips: int
    task_results: int


def clips_purge(*, older_than_days: int = 90) -> Purged:
    """Delete every clip uploaded more than ``older_than_days`` days ago, with its files;
    any file in the clips folder left without a clip for a day (e.g. an athlete erased
    by a path that did not call ``athlete_clips_erase``); and the task results that
    finished before then."""
    cutoff = timezone.now() - dt.timedelta(days=older_than_days)
    count = _delete(list(Clip.objects.filter(created__lt=cutoff)))
    remove_files(_orphan_files(older_than=timezone.now() - ORPHAN_AGE))
    return Purged(clips=count, task_results=task_results_prune(finished_before=cutoff))


ORPHAN_AGE = dt.timedelta(days=1)  # an upload being stored has a file before its row


def _orphan_files(*, older_than: dt.datetime) -> list[Path]:
    folder = clips_dir()
    if not folder.is_dir():
        return []
    keys = {str(key) for key in Clip.objects.values_list("key", flat=True)}
    limit = older_than.timestamp()
    return [
        path
        for path in folder.iterdir()
        if path.name.lstrip(".")[:36] not in keys and path.stat().st_mtime < limit
    ]


def _delete(clips: list[Clip]) -> int:
    paths = [path for clip in clips for path in clip.file_paths()]
    Clip.objects.filter(pk__in=[clip.pk for clip in clips]).delete()
    for athlete_id in {clip.athlete_id for clip in clips}:
        athletes.athlete_touch(athlete_id=athlete_id)
    transaction.on_commit(lambda: remove_files(paths))
    return len(clips)


# --- stalled analyses -------------------------------------------------------------------


def clips_fail_stalled(*, pk: int | None = None) -> int:
    """Fail each unfinished clip whose worker seems gone (``selectors.stalled_clips``).
    The video stays, to try again."""
    return sum(_fail_stalled(clip) for clip in list(selectors.stalled_clips(pk=pk)))


def _fail_stalled(clip: Clip) -> bool:
    message = selectors.stall_message(clip)
    # Only if nothing moved since it was read: a worker's progress wins the race.
    failed = Clip.objects.filter(
        pk=clip.pk, status=clip.status, attempt=clip.attempt, progress_at=clip.progress_at
    ).update(status=Clip.Status.FAILED, error=message, report=None, frames=[], annotated=False)
    if failed:
        athletes.athlete_touch(athlete_id=clip.athlete_id)
        task_result_abandon(task_id=clip.task_id, why=message)
    return bool(failed)
