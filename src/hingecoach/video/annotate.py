"""The annotated video: each analysed frame with the near side's skeleton, the back
outline, the angles, the rep, and each fault marked around the moment it was read.

The clip is decoded a second time (decoding is cheap next to the pose model) with the
same frame step as the analysis, so every written frame has its landmarks. The codec
follows the output's suffix (the wheels carry no H.264 encoder): ``.mp4`` is MPEG-4
Part 2 (``mp4v``: fast; VLC, QuickTime and desktop players play it, web browsers do
not), ``.webm`` is VP8 (browsers play it in ``<video>``; far slower to encode, decision
11). Written to a temporary file the caller renames (``outputs``).
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path

import cv2
import numpy as np

from hingecoach.core.kinematics import AnalysisReport, Frame
from hingecoach.core.kinematics.report import FaultFinding
from hingecoach.video.decode import ROTATIONS, Reader, shrink
from hingecoach.video.errors import VideoError
from hingecoach.video.limits import DEFAULT_LIMITS
from hingecoach.video.pipeline import ClipAnalysis, Progress
from hingecoach.video.pose_backend import quiet_native_stderr

LONG_SIDE = 960
JPEG_QUALITY = 85
FAULT_HOLD_S = 0.6  # a fault's banner shows this long either side of its moment
CHAIN = ("foot_index", "heel", "ankle", "knee", "hip", "shoulder")
FAULT_PART = {
    "knee-dominant": "knee",
    "no-counterbalance": "hip",
    "weight-forward": "ankle",
    "toes-lift": "foot_index",
    "lumbar-flexion": "hip",
    "lumbar-extension": "hip",
}
BONE, JOINT, OUTLINE = (60, 200, 255), (255, 255, 255), (255, 160, 40)
FAULT, PANEL, TEXT, MUTED = (40, 40, 235), (30, 30, 30), (245, 245, 245), (170, 170, 170)
FONT = cv2.FONT_HERSHEY_SIMPLEX
CODECS = {".mp4": ("mp4v", "an MPEG-4"), ".webm": ("VP80", "a WebM (VP8)")}


def write_annotated(
    analysis: ClipAnalysis,
    out: Path,
    progress: Progress | None = None,
    long_side: int = LONG_SIDE,
    *,
    video_long_side: int | None = None,
    stills: Mapping[int, Path] | None = None,
) -> None:
    """Write ``out`` (.mp4 or .webm; the caller makes it final) from the analysed clip,
    its frames drawn at ``long_side`` and written at ``video_long_side`` (the same by
    default); ``stills`` maps track frames to JPEG paths to write them to on the way
    (each from the first analysed frame at or after it)."""
    targets = dict(stills or {})
    total = len(analysis.track.frames)
    with VideoOut(out, analysis.track.clip.fps) as video:
        for k, image in annotated_frames(analysis, long_side):
            for due in sorted(key for key in targets if key <= k):
                write_jpeg(image, targets.pop(due))
            if video_long_side is not None:
                image = shrink(image, min(1.0, video_long_side / max(image.shape[:2])))
            video.write(image)
            if progress is not None:
                progress("annotate", k + 1, total)
    if targets:
        raise OSError("the clip ended before every key frame was decoded")


def write_jpeg(image: np.ndarray, path: Path) -> None:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise OSError(f"could not encode the still {path.name}")
    path.write_bytes(data.tobytes())


def annotated_frames(
    analysis: ClipAnalysis,
    long_side: int = LONG_SIDE,
) -> Iterator[tuple[int, np.ndarray]]:
    """Each analysed frame, shrunk to ``long_side``, turned upright and annotated, with
    its index into the track (the track frame nearest it in time)."""
    info = analysis.video
    scale = min(1.0, long_side / max(info.width, info.height))
    draw = Overlay(analysis)
    total = len(analysis.track.frames)
    for index, raw in Reader(info, analysis.step, DEFAULT_LIMITS):
        k = analysis.track_index(index // analysis.step)
        if k >= total:
            break
        image = shrink(raw, scale)
        if info.rotation:
            image = cv2.rotate(image, ROTATIONS[info.rotation])
        draw(image, k)
        yield k, image


class VideoOut:
    """A video file written frame by frame, its codec chosen by the suffix (``CODECS``);
    opened at the first frame, whose size every frame must have."""

    def __init__(self, out: Path, fps: float) -> None:
        if out.suffix.lower() not in CODECS:
            raise VideoError(
                "--annotated", f"cannot write '{out}': an annotated video is a .mp4 or a .webm file"
            )
        self.out, self.fps = out, fps
        self.writer: cv2.VideoWriter | None = None

    def __enter__(self) -> VideoOut:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.writer is not None:
            self.writer.release()

    def write(self, image: np.ndarray) -> None:
        if self.writer is None:
            self.writer = self._open(image.shape[1], image.shape[0])
        self.writer.write(image)

    def _open(self, width: int, height: int) -> cv2.VideoWriter:
        fourcc, kind = CODECS[self.out.suffix.lower()]
        # FFmpeg prints a notice on standard error for every WebM file ("tag ... is not
        # supported"), harmless: the VP8 stream is written all the same.
        with quiet_native_stderr():
            writer = cv2.VideoWriter(
                str(self.out), cv2.VideoWriter.fourcc(*fourcc), self.fps, (width, height)
            )
        if not writer.isOpened():
            raise VideoError("--annotated", f"cannot write {kind} video to '{self.out}'")
        return writer


class Overlay:
    """Draws one analysed frame's annotations onto an image of the clip."""

    def __init__(self, analysis: ClipAnalysis) -> None:
        self.report: AnalysisReport = analysis.report
        self.frames = analysis.track.frames
        self.width = analysis.video.width
        self.faults = [(n, f) for n, rep in enumerate(self.report.reps, 1) for f in rep.faults]

    def __call__(self, image: np.ndarray, k: int) -> None:
        f = image.shape[1] / self.width
        size = max(0.45, image.shape[1] / 1600)
        frame = self.frames[k]
        if frame is not None:
            _skeleton(image, frame, self.report.side, f)
        t = self.report.series.t_s[k]
        _panel(image, self._readout(k), (8, 8), size)
        marks = [(n, fault) for n, fault in self.faults if abs(fault.t_s - t) <= FAULT_HOLD_S]
        if marks:
            self._fault_marks(image, marks, frame, f, size, t)
        if not self.report.assessable:
            _banner(image, [f"not assessable: {self.report.reason}"], size, MUTED)

    def _readout(self, k: int) -> list[str]:
        s = self.report.series
        t = s.t_s[k]
        lines = [
            f"t {t:5.2f} s   side {self.report.side or '-'}",
            f"hip {_deg(s.hip_deg[k])}  knee {_deg(s.knee_deg[k])}  trunk {_deg(s.trunk_deg[k])}",
        ]
        for n, rep in enumerate(self.report.reps, 1):
            if rep.start_s <= t <= rep.end_s:
                phase = "down" if t < rep.bottom_s else ("bottom" if t == rep.bottom_s else "up")
                lines.append(f"rep {n} ({phase})")
        return lines

    def _fault_marks(
        self,
        image: np.ndarray,
        marks: list[tuple[int, FaultFinding]],
        frame: Frame | None,
        f: float,
        size: float,
        t: float,
    ) -> None:
        lines = [
            f"rep {n}: {m.fault}  {m.value:.3g} (threshold {m.threshold:g})  "
            f"(confidence {m.confidence:.2f})"
            for n, m in marks
        ]
        _banner(image, lines, size, FAULT)
        side = self.report.side
        for _, m in marks:
            point = _point(frame, f"{side}_{FAULT_PART[m.fault]}", f) if frame else None
            if point is not None:
                cv2.circle(image, point, int(18 * size / 0.6), FAULT, 3, cv2.LINE_AA)
            if abs(m.t_s - t) < 1e-6:
                cv2.rectangle(image, (0, 0), (image.shape[1] - 1, image.shape[0] - 1), FAULT, 8)


def _deg(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.1f}"


def _point(frame: Frame, name: str, f: float) -> tuple[int, int] | None:
    mark = frame.landmarks.get(name)
    if mark is None or not np.isfinite([mark.x, mark.y]).all():
        return None
    return round(mark.x * f), round(mark.y * f)


def _skeleton(image: np.ndarray, frame: Frame, side: str | None, f: float) -> None:
    sides = [side] if side else ["left", "right"]
    for s in sides:
        points = [_point(frame, f"{s}_{part}", f) for part in CHAIN]
        for a, b in itertools.pairwise(points):
            if a and b:
                cv2.line(image, a, b, BONE, 3, cv2.LINE_AA)
        for p in points:
            if p:
                cv2.circle(image, p, 5, JOINT, -1, cv2.LINE_AA)
    if frame.back_outline is not None:
        outline = np.round(np.asarray(frame.back_outline) * f).astype(np.int32)
        cv2.polylines(image, [outline.reshape(-1, 1, 2)], False, OUTLINE, 2, cv2.LINE_AA)


def _panel(
    image: np.ndarray,
    lines: list[str],
    corner: tuple[int, int],
    size: float,
    colour: tuple[int, int, int] = TEXT,
) -> None:
    height = int(30 * size / 0.6)
    width = max(cv2.getTextSize(line, FONT, size, 1)[0][0] for line in lines) + 16
    x, y = corner
    cv2.rectangle(image, (x, y), (x + width, y + height * len(lines) + 8), PANEL, -1)
    for i, line in enumerate(lines):
        cv2.putText(
            image, line, (x + 8, y + height * (i + 1) - 4), FONT, size, colour, 1, cv2.LINE_AA
        )


def _banner(image: np.ndarray, lines: list[str], size: float, colour: tuple[int, int, int]) -> None:
    per_line = max(20, int(image.shape[1] / (20 * size)))
    lines = [part for line in lines for part in textwrap.wrap(line, per_line)]
    height = int(30 * size / 0.6)
    top = image.shape[0] - height * len(lines) - 16
    _panel(image, lines, (8, top), size, colour if colour != FAULT else TEXT)
    cv2.rectangle(image, (8, top), (14, image.shape[0] - 8), colour, -1)
