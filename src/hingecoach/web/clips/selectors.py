"""Reads for clips. Another team's clip is simply not found (404)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from hingecoach.core.kinematics import DEFAULT_EXERCISE, AnalysisReport
from hingecoach.core.kinematics.advice import FaultAdvice, fault_advice
from hingecoach.core.kinematics.filming import film_again
from hingecoach.web.athletes.models import HingeTest
from hingecoach.web.athletes.selectors import athletes_visible_to
from hingecoach.web.catalog import web_catalog
from hingecoach.web.clips.evidence import FaultEvidence, fault_evidence, save_refusal
from hingecoach.web.clips.models import Clip


def clip_get(*, user: User, pk: int) -> Clip:
    clip = (
        Clip.objects.select_related("athlete__team")
        .filter(pk=pk, athlete__in=athletes_visible_to(user))
        .first()
    )
    if clip is None:
        raise Http404("No such clip")
    return clip


STALLED = (
    "The analysis made no progress for {minutes} minutes: the background worker "
    "was probably stopped or restarted. Nothing was saved. Try again."
)
NOT_STARTED = (
    "The analysis has not started after {minutes} minutes: no background "
    "worker seems to be running. Try again; if the clip stays queued, ask "
    "whoever runs the server to restart it."
)


def stall_after() -> dt.timedelta:
    return dt.timedelta(minutes=settings.CLIP_STALL_MINUTES)


def stalled_clips(*, pk: int | None = None) -> QuerySet[Clip]:
    """Unfinished clips whose worker seems gone: running with no progress for
    ``CLIP_STALL_MINUTES``, or queued that long while no clip made progress (a busy
    worker's queue just waits its turn)."""
    cutoff = timezone.now() - stall_after()
    stalled = Clip.objects.filter(
        status__in=[Clip.Status.QUEUED, Clip.Status.RUNNING], progress_at__lt=cutoff
    )
    if pk is not None:
        stalled = stalled.filter(pk=pk)
    if Clip.objects.filter(status=Clip.Status.RUNNING, progress_at__gte=cutoff).exists():
        stalled = stalled.filter(status=Clip.Status.RUNNING)
    return stalled


def stall_message(clip: Clip) -> str:
    why = STALLED if clip.status == Clip.Status.RUNNING else NOT_STARTED
    return why.format(minutes=settings.CLIP_STALL_MINUTES)


def clip_seen(*, clip: Clip) -> Clip:
    """``clip`` as the coach should see it: a stalled analysis reads as failed, with why
    and "Try again". Only read: the row is marked failed by the next write that meets it
    (trying again, or any upload: ``services.clips_fail_stalled``), never by a page."""
    if clip.finished or clip.progress_at >= timezone.now() - stall_after():
        return clip
    if stalled_clips(pk=clip.pk).exists():
        clip.error = stall_message(clip)
        clip.status, clip.report, clip.frames, clip.annotated = Clip.Status.FAILED, None, [], False
    return clip


def clip_report(*, clip: Clip) -> AnalysisReport | None:
    return AnalysisReport.model_validate(clip.report) if clip.report else None


def clips_of(*, athlete: Any, limit: int = 5) -> list[Clip]:
    return list(athlete.clips.all()[:limit])


def athlete_clips(*, athlete: Any) -> Any:
    """Every clip of ``athlete`` kept, newest first (a queryset, for paging), with the
    coach who marked each reviewed."""
    return athlete.clips.select_related("reviewed_by")


def clip_fault_advice(*, report: AnalysisReport) -> list[FaultAdvice]:
    """For each fault seen: the catalog's fix, in the words that fit the clip's exercise,
    and the exercise to step down to."""
    return fault_advice(report, web_catalog())


def clip_files_missing(*, clip: Clip) -> bool:
    """An analysed clip whose annotated video or key frames are not in this data folder
    (an import brings the records, not the files)."""
    if clip.status != Clip.Status.DONE:
        return False
    if clip.annotated and not clip.annotated_path.is_file():
        return True
    return any(not clip.frame_path(n).is_file() for n in range(len(clip.frames)))


def clip_reanalysable(*, clip: Clip) -> bool:
    """Finished or failed, not saved as a test, its video still kept: it can be analysed
    again as another exercise (``services.clip_reanalyse``)."""
    return (
        clip.status in (Clip.Status.DONE, Clip.Status.FAILED)
        and clip.test_id is None
        and clip.video_path.is_file()
    )


def clip_is_test(*, clip: Clip) -> bool:
    """Only the bodyweight-hip-hinge test's faults can become a test on record."""
    return clip.exercise == DEFAULT_EXERCISE


def clip_test_refusal(*, report: AnalysisReport) -> str | None:
    """Why a clip with this report cannot be saved as a test, or None if it can."""
    return save_refusal(report=report)


def clip_fault_evidence(*, clip: Clip) -> list[FaultEvidence]:
    """The clip's verdict on each of the test's faults; empty where the clip cannot be
    saved as a test (another exercise, no report, no judged rep, saved already)."""
    report = clip_report(clip=clip)
    if (
        not clip_is_test(clip=clip)
        or report is None
        or clip.test_id is not None
        or save_refusal(report=report)
    ):
        return []
    return fault_evidence(report=report, catalog=web_catalog())


@dataclass(frozen=True)
class ByEye:
    name: str
    seen: bool


def saved_test_by_eye(*, test: HingeTest) -> list[ByEye]:
    """The faults of a test saved from a clip that the coach judged by eye."""
    faults = web_catalog().faults
    return [
        ByEye(faults[fault].name if fault in faults else fault, fault in test.faults)
        for fault in test.by_eye
    ]


def clip_kept_until(*, clip: Clip) -> dt.datetime:
    """When the clip is purged with its files (``CLIP_KEEP_DAYS`` after its upload)."""
    return clip.created + dt.timedelta(days=settings.CLIP_KEEP_DAYS)


def clip_film_again(*, report: AnalysisReport | None) -> str | None:
    """How to film a clip that can be judged, from why this one judged nothing; None
    where it judged something or the report has nothing to go on."""
    return None if report is None else film_again(report)


def clip_judged_nothing(*, report: AnalysisReport | None) -> bool:
    """The analysis gave no verdict on any fault: there is nothing in it to confirm."""
    return report is not None and (save_refusal(report=report) is not None or not report.judged)
