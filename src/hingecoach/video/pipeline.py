"""``analyze_clip``: decode -> resize -> pose -> kinematics, for one clip.

Frames stream through one at a time (only the landmarks are kept), so memory does not
grow with the frame size. The pose model sees every ``step``-th frame, resized
(``Sampling``); its landmarks are scaled back to the clip's own pixels, so the report's
angles and sizes do not depend on the sampling. The track handed to the kinematics has
the analysed frame rate (a 30 fps clip analysed at every 2nd frame is a 15 fps track).
A clip recorded at a variable frame rate has its track resampled from the frames' own
times onto an even grid at that rate (``timing``), so its times are true times.

A person small in the frame (a third of a landscape frame's height, say) would fill
fewer pixels of the resized image than the landmark model's input holds: before the
pass, the person is looked for in the clip's first seconds and sized, and when they are
too small the clip is analysed nearer full size (``Sampling.detail_long_side``,
``sized_for_person``).

The pose model follows one person, the one its detector finds first: in a gym that may
be someone standing beside the athlete. So when the person followed never leans into a
hinge and no rep is found, the clip is analysed a second time with that person hidden
(``second_look``), and the second result is kept if it holds more reps.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import cv2
import numpy as np

from hingecoach.core.catalog import Catalog
from hingecoach.core.kinematics import (
    DEFAULT_EXERCISE,
    AnalysisReport,
    ClipInfo,
    Frame,
    Landmark,
    Track,
    VideoThresholds,
    analyze_track,
    default_video_thresholds,
)
from hingecoach.core.kinematics.analyze import check_exercise
from hingecoach.core.kinematics.arrays import track_arrays
from hingecoach.core.kinematics.side import facing
from hingecoach.video.blazepose.backend import REDETECT_EVERY
from hingecoach.video.blazepose.both_ways import Restartable, both_ways
from hingecoach.video.decode import Reader, VideoInfo, luma, prepare, probe
from hingecoach.video.limits import DEFAULT_LIMITS, DEFAULT_SAMPLING, Limits, Sampling
from hingecoach.video.outline import behind_chord, trunk_chord
from hingecoach.video.person import Box, PersonLock, body_boxes, body_length, leans_forward
from hingecoach.video.pose_backend import (
    DEFAULT_MODEL,
    BlazePose,
    PoseBackend,
    quiet_native_stderr,
)
from hingecoach.video.prefetch import Prefetch
from hingecoach.video.timing import on_even_grid, true_times

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called after each analysed frame; ``total`` is the
header's estimate (0 when unknown) and may be passed by ``done``."""


@dataclass
class StageTimes:
    """Seconds spent in each stage (wall clock): loading the pose model, decoding,
    resizing, the pose model, the kinematics. Decoding and resizing run in a worker
    thread beside the pose model, so those stages overlap."""

    model: float = 0.0
    decode: float = 0.0
    resize: float = 0.0
    pose: float = 0.0
    kinematics: float = 0.0


@dataclass(frozen=True)
class ClipAnalysis:
    """The report, and what the annotated video and the benchmarks need besides it.
    ``second_look``: the report and track come from the second pass, with the person
    the model followed first hidden. ``times``: each analysed frame's true time (s) when
    the clip's frames are not evenly spaced (the track is then on an even grid at
    ``track.clip.fps``, not one frame per analysed frame; ``track_index`` maps them);
    None when analysed frame k is track frame k."""

    report: AnalysisReport
    track: Track
    video: VideoInfo
    step: int
    scale: float
    decoded: int
    times: StageTimes = field(default_factory=StageTimes)
    second_look: bool = False
    frame_times: np.ndarray | None = None

    def track_index(self, analysed: int) -> int:
        """The track frame showing analysed frame ``analysed`` (nearest in time)."""
        if self.frame_times is None:
            return analysed
        nearest = round(float(self.frame_times[analysed]) * self.track.clip.fps)
        return min(nearest, len(self.track.frames) - 1)


def analyze_clip(
    path: Path | str,
    exercise: str = DEFAULT_EXERCISE,
    progress: Progress | None = None,
    *,
    sampling: Sampling = DEFAULT_SAMPLING,
    limits: Limits = DEFAULT_LIMITS,
    backend: PoseBackend | None = None,
    model: str = DEFAULT_MODEL,
    quiet: bool = True,
    catalog: Catalog,
    thresholds: VideoThresholds | None = None,
    both_ways: bool = False,
) -> ClipAnalysis:
    """Analyse one clip. VideoError for a file that is not a video to analyse; a clip
    without a person in side view comes back ``assessable: false`` with the reason.
    ``backend``: a fresh pose backend for this clip (default: ``BlazePose`` with the
    landmark ``model`` lite, full or heavy, closed after); it sees the clip twice when a
    second look is taken.

    ``quiet``: silence native libraries' logs while the pose model runs by pointing file
    descriptor 2 at /dev/null, for the whole process (a caller that draws progress on
    standard error writes to a duplicate of it made beforehand, as ``hingecoach
    analyze`` does; a server whose other threads log to standard error may pass False).
    ``exercise`` must be in ``catalog``, which the caller chooses (``--catalog``, the web
    app's setting), as it chooses ``thresholds`` (default: the shipped video thresholds).

    ``both_ways``: track from the frame where the model is surest of the person, backward
    and forward (``blazepose.both_ways``), instead of forward with scheduled detection;
    it holds every analysed frame in memory, and needs a backend that can ``reset`` and
    has a ``tracker`` (``BlazePose``; the default one then detects only when lost)."""
    check_exercise(exercise, catalog)
    info = probe(path, limits)
    rules = thresholds or default_video_thresholds()
    run = _Run(
        info,
        sampling.step_for(info.fps),
        sampling.scale_for(info.width, info.height),
        limits,
        exercise,
        catalog,
        rules,
        StageTimes(),
        progress,
        both_ways,
    )
    with quiet_native_stderr() if quiet else contextlib.nullcontext():
        started = time.perf_counter()
        pose = (
            backend
            if backend is not None
            else BlazePose(
                model,
                fps=info.fps / run.step,
                redetect_every=0 if run.both_ways else REDETECT_EVERY,
                decoding=run.decoding,
                search=rules.adapter,
            )
        )
        run.times.model = time.perf_counter() - started
        try:
            return _with_second_look(sized_for_person(run, pose, sampling), pose)
        finally:
            if backend is None:
                pose.close()


@dataclass(frozen=True)
class _Run:
    """What every pass over one clip shares."""

    info: VideoInfo
    step: int
    scale: float
    limits: Limits
    exercise: str
    catalog: Catalog
    rules: VideoThresholds
    times: StageTimes
    progress: Progress | None
    both_ways: bool = False
    # Set while the worker thread decodes (``Prefetch``), read by the default backend.
    decoding: threading.Event = field(default_factory=threading.Event)


def sized_for_person(run: _Run, pose: PoseBackend, sampling: Sampling) -> _Run:
    """``run`` at ``sampling``'s detail scale when the person, found in the clip's first
    ``person_search_s``, is smaller than ``min_person_px`` at its own scale; unchanged
    otherwise, or when the backend cannot forget whom it saw (no ``reset``)."""
    info = run.info
    detail = sampling.detail_scale_for(info.width, info.height)
    reset = getattr(pose, "reset", None)
    if detail <= run.scale or not callable(reset):
        return run
    size = _person_size(run, pose, round(sampling.person_search_s * info.fps / run.step))
    reset()
    if np.isfinite(size) and size < sampling.min_person_px:
        return replace(run, scale=detail)
    return run


def _person_size(run: _Run, pose: PoseBackend, most: int, found: int = 3) -> float:
    """The median body length (``body_length``, resized pixels) over the first ``found``
    frames with a person among the first ``most`` analysed; NaN when nobody is seen."""
    reader = Reader(run.info, run.step, run.limits)
    sizes: list[float] = []
    for count, (image, _) in enumerate(_prepared(reader, run, None), start=1):
        started = time.perf_counter()
        frame = pose.landmarks(image)
        run.times.pose += time.perf_counter() - started
        if frame is not None:
            sizes.append(body_length(frame))
        if len(sizes) >= found or count >= most:
            break
    run.times.decode += reader.seconds
    sizes = [size for size in sizes if np.isfinite(size)]
    return float(np.median(sizes)) if sizes else float("nan")


def _with_second_look(run: _Run, pose: PoseBackend) -> ClipAnalysis:
    """One pass; a second with the followed person hidden if they never hinged."""
    first = _analysed(run, pose)
    if first.report.reps or not _someone_else_may_hinge(first.track, run.rules):
        return first
    hidden = _per_analysed_frame(first, body_boxes(list(first.track.frames)))
    total = math.ceil(run.info.declared_frames / run.step)
    progress = run.progress
    if progress is not None:
        run = replace(run, progress=lambda stage, done, _: progress(stage, total + done, 2 * total))
    second = _analysed(run, pose, hidden)
    if len(second.report.reps) > len(first.report.reps):
        return replace(second, second_look=True)
    return first


def _per_analysed_frame(analysis: ClipAnalysis, boxes: list[Box | None]) -> list[Box | None]:
    """Boxes per track frame as boxes per analysed frame (they differ when the track
    was put on an even time grid)."""
    if analysis.frame_times is None or not boxes:
        return boxes
    last = len(boxes) - 1
    return [boxes[min(analysis.track_index(k), last)] for k in range(len(analysis.frame_times))]


def _someone_else_may_hinge(track: Track, rules: VideoThresholds) -> bool:
    """The followed person was seen and never leaned into a hinge (0.3 s or more past
    the rep's lean)."""
    min_frames = max(2, round(0.3 * track.clip.fps))
    return any(frame is not None for frame in track.frames) and not leans_forward(
        list(track.frames), rules.reps.min_trunk_lean_deg, min_frames, rules.tracking.min_visibility
    )


def _analysed(
    run: _Run,
    pose: PoseBackend,
    hidden: list[Box | None] | None = None,
) -> ClipAnalysis:
    frames, brightness, reader = _pose_frames(run, pose, hidden)
    started = time.perf_counter()
    info = run.info
    fps = info.fps / run.step
    frame_times = true_times(reader.stamps_ms[: len(frames)], fps, run.rules.adapter)
    if frame_times is not None:
        frames = on_even_grid(frames, frame_times, fps, run.rules.tracking.max_gap_s)
    clip = ClipInfo(fps=fps, width=info.width, height=info.height, brightness=brightness)
    track = checked_outlines(Track(clip=clip, frames=frames), run.rules.tracking.min_visibility)
    report = analyze_track(track, run.exercise, run.rules, catalog=run.catalog)
    run.times.kinematics += time.perf_counter() - started
    return ClipAnalysis(
        report,
        track,
        info,
        run.step,
        run.scale,
        reader.decoded,
        run.times,
        frame_times=frame_times,
    )


def _pose_frames(
    run: _Run,
    pose: PoseBackend,
    hidden: list[Box | None] | None,
) -> tuple[list[Frame | None], float | None, Reader]:
    """The pose model on every analysed frame, while a worker thread decodes and
    resizes the next ones (``Prefetch``); ``hidden``: a box per analysed frame (clip
    pixels) painted over before the model sees it."""
    info, times = run.info, run.times
    reader = Reader(info, run.step, run.limits)
    rules = run.rules
    lock = PersonLock(
        fps=info.fps / run.step,
        min_visibility=rules.tracking.min_visibility,
        max_lean_speed_deg_s=rules.reps.max_lean_speed_deg_s,
        facing_nose_trunk=rules.tracking.facing_nose_trunk,
    )
    total = math.ceil(info.declared_frames / run.step)
    frames: list[Frame | None] = []
    brightness: list[float] = []
    if run.both_ways and isinstance(pose, Restartable):
        images, brightness = _held(reader, run, hidden)
        started = time.perf_counter()
        tracked = both_ways(pose, images)
        times.pose += time.perf_counter() - started
        height, width = images[0].shape[:2] if images else (info.height, info.width)
        frames = [
            lock.accept(rescaled(f, info.width / width, info.height / height)) for f in tracked
        ]
        times.decode += reader.seconds
        return frames, (float(np.mean(brightness)) if brightness else None), reader
    for image, light in Prefetch(_prepared(reader, run, hidden), working=run.decoding):
        started = time.perf_counter()
        found = pose.landmarks(image)
        times.pose += time.perf_counter() - started
        height, width = image.shape[:2]
        frames.append(lock.accept(rescaled(found, info.width / width, info.height / height)))
        brightness.append(light)
        if run.progress is not None:
            run.progress("analyse", len(frames), total)
    times.decode += reader.seconds
    return frames, (float(np.mean(brightness)) if brightness else None), reader


def _held(
    reader: Reader,
    run: _Run,
    hidden: list[Box | None] | None,
) -> tuple[list[np.ndarray], list[float]]:
    """Every analysed image and its brightness, held in memory (for ``both_ways``)."""
    held = list(_prepared(reader, run, hidden))
    return [image for image, _ in held], [light for _, light in held]


def _prepared(
    reader: Reader,
    run: _Run,
    hidden: list[Box | None] | None,
) -> Iterator[tuple[np.ndarray, float]]:
    for index, raw in reader:
        started = time.perf_counter()
        image = prepare(raw, run.scale, run.info.rotation)
        light = luma(image)
        box = hidden[index // run.step] if hidden and index // run.step < len(hidden) else None
        if box is not None:
            hide(image, box, image.shape[1] / run.info.width, image.shape[0] / run.info.height)
        run.times.resize += time.perf_counter() - started
        yield image, light


def hide(image: np.ndarray, box: Box, fx: float, fy: float) -> None:
    """Paint ``box`` (clip pixels) over in the image's mean colour, in place."""
    height, width = image.shape[:2]
    left, top = max(0, int(box[0] * fx)), max(0, int(box[1] * fy))
    right, bottom = min(width, int(np.ceil(box[2] * fx))), min(height, int(np.ceil(box[3] * fy)))
    if right > left and bottom > top:
        image[top:bottom, left:right] = [int(c) for c in cv2.mean(image)[:3]]


def rescaled(frame: Frame | None, fx: float, fy: float) -> Frame | None:
    """The frame's points in the clip's pixels (the pose model saw a resized image)."""
    if frame is None or (fx == 1.0 and fy == 1.0):
        return frame
    marks = {
        name: Landmark(m.x * fx, m.y * fy, m.visibility) for name, m in frame.landmarks.items()
    }
    outline = None
    if frame.back_outline is not None:
        outline = np.asarray(frame.back_outline, dtype=float) * np.array([fx, fy])
    return Frame(landmarks=marks, back_outline=outline)


def checked_outlines(track: Track, min_visibility: float) -> Track:
    """Drop each back outline that lies on the chest's side of the trunk for the facing
    the kinematics choose once for the whole clip (a frame whose own facing vote was
    wrong measured the front of the body, not the back)."""
    if not any(f is not None and f.back_outline is not None for f in track.frames):
        return track
    clip_facing = facing(track_arrays(track), min_visibility)
    frames = [
        frame
        if frame is None
        or frame.back_outline is None
        or _on_back(frame, clip_facing, min_visibility)
        else replace(frame, back_outline=None)
        for frame in track.frames
    ]
    return Track(clip=track.clip, frames=frames)


def _on_back(frame: Frame, clip_facing: float, min_visibility: float) -> bool:
    chord = trunk_chord(frame.landmarks, min_visibility)
    outline = np.asarray(frame.back_outline, dtype=float)
    return chord is not None and behind_chord(outline, chord[0], chord[1], clip_facing)
