"""Annotated key frames of an analysed clip: the bottom of each rep and each fault's
moment (or a few evenly spaced frames when the clip holds no rep), as JPEG files.

Uses the video adapter's decoder and overlay (OpenCV); imported by the worker only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2

from hingecoach.video import DEFAULT_LIMITS, ClipAnalysis
from hingecoach.video.annotate import Overlay
from hingecoach.video.decode import ROTATIONS, Reader, shrink

MAX_FRAMES = 6
OVERVIEW_FRAMES = 3
LONG_SIDE = 960
JPEG_QUALITY = 85


@dataclass(frozen=True)
class KeyFrame:
    k: int  # index into the analysed track
    t_s: float
    label: str


def key_frames(analysis: ClipAnalysis) -> list[KeyFrame]:
    """Up to ``MAX_FRAMES`` moments worth a look, in time order, one per track frame."""
    report = analysis.report
    wanted: list[tuple[float, str]] = []
    for n, rep in enumerate(report.reps, 1):
        wanted.append((rep.bottom_s, f"rep {n}: bottom"))
        wanted += [(f.t_s, f"rep {n}: {f.fault}") for f in rep.faults]
    times = report.series.t_s
    if not wanted and times:
        wanted = [(times[(len(times) - 1) * i // (OVERVIEW_FRAMES + 1)], "overview")
                  for i in range(1, OVERVIEW_FRAMES + 1)]
    chosen: dict[int, KeyFrame] = {}
    for t_s, label in wanted:
        k = _nearest(times, t_s)
        if k not in chosen and len(chosen) < MAX_FRAMES:
            chosen[k] = KeyFrame(k, times[k], label)
    return sorted(chosen.values(), key=lambda frame: frame.k)


def _nearest(times: list[float], t_s: float) -> int:
    return min(range(len(times)), key=lambda k: abs(times[k] - t_s))


def write_key_frames(analysis: ClipAnalysis, frames: list[KeyFrame], out: list[Path]) -> None:
    """Decode the clip again and write each key frame, annotated, to its path in ``out``."""
    info = analysis.video
    scale = min(1.0, LONG_SIDE / max(info.width, info.height))
    targets = {frame.k: path for frame, path in zip(frames, out, strict=True)}
    draw = Overlay(analysis)
    for index, raw in Reader(info, analysis.step, DEFAULT_LIMITS):
        k = index // analysis.step
        if k in targets:
            image = shrink(raw, scale)
            if info.rotation:
                image = cv2.rotate(image, ROTATIONS[info.rotation])
            draw(image, k)
            _write_jpeg(image, targets.pop(k))
        if not targets:
            break
    if targets:
        raise OSError("the clip ended before every key frame was decoded")


def _write_jpeg(image: object, path: Path) -> None:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise OSError(f"could not encode the key frame {path.name}")
    path.write_bytes(data.tobytes())
