"""The background analysis of a clip, run by the worker (``tasks.analyse_clip``), never
in a web request.

Every failure ends as ``status=failed`` with a plain message for the coach (the
traceback goes to the log only), no half-written file (the key frames and the annotated
video are written to temporary files and renamed together) and the athlete's records
untouched. Every write is for one ``attempt``: once a coach retries a clip, a worker
still busy with an older attempt (one thought dead) changes neither its row nor its
files.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.utils import timezone

from hingecoach.web.athletes.services import athlete_touch
from hingecoach.web.catalog import web_catalog, web_video_thresholds
from hingecoach.web.clips.models import Clip

logger = logging.getLogger(__name__)

PROGRESS_STEP = 5  # write the progress to the row every this many percent
HEARTBEAT_S = 10  # and at least this often (CLIP_STALL_MINUTES is minutes)
ANALYSE_SHARE = 50  # the pose model's share of the bar; the video and key frames the rest
UNEXPECTED = (
    "The analysis stopped unexpectedly, so this clip has no report. Try again; "
    "if it happens again, film a new clip."
)
INTERRUPTED = "The analysis was interrupted (the server stopped). Try again."
NO_POSE_MODEL = (
    "The pose model is not installed on this server, so clips cannot be "
    "analysed yet (reinstall hingecoach: pip install -e .)."
)


def clip_analyse(*, clip_id: int, attempt: int = 0) -> None:
    """Run ``attempt`` of a queued clip's analysis; the result or a plain failure ends
    up on its row."""
    if not Clip.objects.filter(pk=clip_id, status=Clip.Status.QUEUED, attempt=attempt).update(
        status=Clip.Status.RUNNING, progress=0, progress_at=timezone.now()
    ):
        return  # erased meanwhile, already taken, or retried since
    clip = Clip.objects.filter(pk=clip_id).first()
    if clip is None:
        return
    athlete_touch(athlete_id=clip.athlete_id)  # the athlete's page shows the status
    try:
        report, frames = _run(clip)
    except BaseException as exc:
        # An interrupted run (the worker told to stop) keeps the video to try again.
        clip_fail(clip, _plain_error(exc, clip), keep_video=not isinstance(exc, Exception))
        if not isinstance(exc, Exception):
            raise
        return
    _finish(clip, report, frames)


def _run(clip: Clip) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from hingecoach.video import analyze_clip
    from hingecoach.video.media import key_frames, write_media
    from hingecoach.video.outputs import staged

    progress = _ProgressWriter(clip)
    analysis = analyze_clip(
        clip.video_path,
        clip.exercise,
        progress,
        catalog=web_catalog(),
        thresholds=web_video_thresholds(),
    )
    chosen = key_frames(analysis)
    targets = [*(clip.frame_path(n) for n in range(len(chosen))), clip.annotated_path]
    with staged(targets) as temps:
        write_media(analysis, chosen, temps[:-1], temps[-1], progress)
        progress.set(100)
    frames = [{"label": frame.label, "t_s": round(frame.t_s, 2)} for frame in chosen]
    return analysis.report.model_dump(mode="json"), frames


def _finish(clip: Clip, report: dict[str, Any], frames: list[dict[str, Any]]) -> None:
    saved = (
        _current(clip)
        .filter(status=Clip.Status.RUNNING)
        .update(
            status=Clip.Status.DONE,
            progress=100,
            report=report,
            frames=frames,
            error="",
            annotated=True,
            analysed_at=timezone.now(),
        )
    )
    if saved:
        athlete_touch(athlete_id=clip.athlete_id)
    elif not Clip.objects.filter(pk=clip.pk).exists():
        remove_files(clip.file_paths())  # the athlete was erased while the clip was analysed


def _current(clip: Clip) -> Any:
    """The clip's row, if ``clip.attempt`` is still its current attempt."""
    return Clip.objects.filter(pk=clip.pk, attempt=clip.attempt)


class _ProgressWriter:
    """The pipeline's ``progress(stage, done, total)``: the analysis fills the bar up to
    ``ANALYSE_SHARE``, the annotated video and key frames the rest. Written every
    ``PROGRESS_STEP`` %, and at least every ``HEARTBEAT_S`` while frames go by (the bar
    may stand still, e.g. while the pipeline takes a second look): ``progress_at`` is
    how a stalled worker is told from a busy one."""

    def __init__(self, clip: Clip) -> None:
        self.clip = clip
        self.written = 0
        self.written_at = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        share = min(done, total) / total
        if stage == "analyse":
            self.set(int(ANALYSE_SHARE * share))
        elif stage == "annotate":
            self.set(ANALYSE_SHARE + int((99 - ANALYSE_SHARE) * share))

    def set(self, percent: int) -> None:
        moved = percent >= self.written + PROGRESS_STEP or (percent == 100 > self.written)
        if moved or time.monotonic() - self.written_at >= HEARTBEAT_S:
            self.written = max(self.written, percent)
            self.written_at = time.monotonic()
            _current(self.clip).update(progress=self.written, progress_at=timezone.now())


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


def clip_fail(clip: Clip, message: str, *, keep_video: bool = True) -> None:
    """Mark the clip's current attempt failed; without ``keep_video`` its files go too."""
    failed = _current(clip).update(
        status=Clip.Status.FAILED, error=message, report=None, frames=[], annotated=False
    )
    if failed:
        athlete_touch(athlete_id=clip.athlete_id)
    if failed and not keep_video:
        remove_files(clip.file_paths())


def remove_files(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
