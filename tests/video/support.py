"""Helpers for the video tests: small clips made on the spot, rotation metadata, the CLI
in a subprocess, and a pose backend that replays a known track."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np

from hingecoach.core.kinematics import ClipInfo, Frame, Landmark, Track

ROOT = Path(__file__).resolve().parents[2]
# The tkhd display matrices (16.16 fixed point, w in 2.30) that phones write for a clip
# to be shown turned clockwise by 90, 180 or 270 degrees.
ONE, W = 1 << 16, 1 << 30
MATRIX = {
    90: (0, ONE, 0, -ONE, 0, 0, 0, 0, W),
    180: (-ONE, 0, 0, 0, -ONE, 0, 0, 0, W),
    270: (0, -ONE, 0, ONE, 0, 0, 0, 0, W),
}


FOURCC = {".mp4": "mp4v", ".mov": "mp4v", ".webm": "VP80"}


def write_clip(
    path: Path, frames: int = 30, size: tuple[int, int] = (320, 180), fps: float = 30.0
) -> Path:
    """A landscape clip (MPEG-4 in .mp4 or .mov, VP8 in .webm): a red band on the left, a
    green band on the top, and a white square moving right (so frames differ)."""
    width, height = size
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*FOURCC[path.suffix]), fps, size)
    for i in range(frames):
        image = np.zeros((height, width, 3), np.uint8)
        image[:, : width // 4] = (0, 0, 255)
        image[: height // 4, :] = (0, 255, 0)
        x = (i * 4) % (width - 20)
        image[height // 2 : height // 2 + 20, x : x + 20] = 255
        writer.write(image)
    writer.release()
    return path


def set_rotation(path: Path, degrees: int) -> Path:
    """Write the display matrix of ``degrees`` into the clip's track header, as a phone
    filming in portrait does."""
    data = bytearray(path.read_bytes())
    at = data.find(b"tkhd")
    version = data[at + 4]
    times = 8 + 8 + 4 + 4 + 8 if version == 1 else 4 + 4 + 4 + 4 + 4
    offset = at + 4 + 4 + times + 8 + 2 + 2 + 2 + 2
    data[offset : offset + 36] = struct.pack(">9i", *MATRIX[degrees])
    path.write_bytes(bytes(data))
    return path


def run_cli(
    *args: str, env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """``python -m hingecoach ARGS`` from the repository root (``prefix``: a wrapper such
    as ``unshare -rn``)."""
    environment = {**os.environ, "COLUMNS": "120", **(env or {})}
    environment.pop("HINGECOACH_CATALOG", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "hingecoach", *args],
        cwd=ROOT,
        env=environment,
        text=True,
        capture_output=True,
        timeout=300,
    )


def scaled_track(track: Track, factor: float) -> Track:
    """The same track filmed ``factor`` times smaller or larger."""

    def scale(frame: Frame | None) -> Frame | None:
        if frame is None:
            return None
        marks = {
            n: Landmark(m.x * factor, m.y * factor, m.visibility)
            for n, m in frame.landmarks.items()
        }
        outline = None if frame.back_outline is None else np.asarray(frame.back_outline) * factor
        return Frame(landmarks=marks, back_outline=outline)

    clip = ClipInfo(
        fps=track.clip.fps,
        width=round(track.clip.width * factor),
        height=round(track.clip.height * factor),
    )
    return Track(clip=clip, frames=[scale(f) for f in track.frames])


class ReplayBackend:
    """A pose backend that returns a known track's frames, in the pixels of the image it
    is given (which the pipeline may have resized): every ``step``-th frame, in order."""

    name = "replay"

    def __init__(self, track: Track, step: int) -> None:
        self.track = track
        self.step = step
        self.calls = 0
        self.sizes: set[tuple[int, int]] = set()
        self.closed = False

    def landmarks(self, frame_rgb: np.ndarray) -> Frame | None:
        height, width = frame_rgb.shape[:2]
        self.sizes.add((width, height))
        frame = self.track.frames[self.calls * self.step]
        self.calls += 1
        if frame is None:
            return None
        fx, fy = width / self.track.clip.width, height / self.track.clip.height
        marks = {n: Landmark(m.x * fx, m.y * fy, m.visibility) for n, m in frame.landmarks.items()}
        outline = (
            None
            if frame.back_outline is None
            else np.asarray(frame.back_outline) * np.array([fx, fy])
        )
        return Frame(landmarks=marks, back_outline=outline)

    def close(self) -> None:
        self.closed = True
