"""Helpers for the video tests: small clips made on the spot, rotation metadata, the CLI
in a subprocess, and a pose backend that replays a known track."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections.abc import Callable
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


Change = Callable[[int, float, np.ndarray], "np.ndarray | None"]


def rewrite_clip(source: Path, path: Path, change: Change) -> list[float]:
    """Write ``source`` to ``path`` (MPEG-4 at its frame rate) through ``change(index, t,
    image)``: the picture to keep for that frame, or None to drop it. Returns the kept
    frames' times in seconds."""
    capture = cv2.VideoCapture(str(source))
    fps = capture.get(cv2.CAP_PROP_FPS)
    writer: cv2.VideoWriter | None = None
    kept: list[float] = []
    index = 0
    while True:
        ok, image = capture.read()
        if not ok:
            break
        t = index / fps
        out = change(index, t, image)
        index += 1
        if out is None:
            continue
        if writer is None:
            size = (out.shape[1], out.shape[0])
            writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
        writer.write(out)
        kept.append(t)
    capture.release()
    assert writer is not None, f"{source} has no frame to keep"
    writer.release()
    return kept


def frame_from_end(source: Path, back: int) -> np.ndarray:
    """The picture ``back`` frames before the end of ``source``."""
    capture = cv2.VideoCapture(str(source))
    capture.set(cv2.CAP_PROP_POS_FRAMES, capture.get(cv2.CAP_PROP_FRAME_COUNT) - back)
    ok, image = capture.read()
    capture.release()
    assert ok, f"{source} has no frame {back} from its end"
    return image


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


def set_frame_times(path: Path, times_s: list[float]) -> Path:
    """Give each frame of a one-track MPEG-4 clip (as OpenCV writes it, the ``moov`` box
    after the frames) its own time, as a phone recording at a variable frame rate does:
    the sample-duration table (``stts``) is rewritten from ``times_s`` and the durations
    in ``mdhd``, ``tkhd``, ``mvhd`` and the edit list follow."""
    data = bytearray(path.read_bytes())
    moov = _box(data, 0, len(data), b"moov")
    trak = _box(data, moov[0] + 8, moov[1], b"trak")
    mdia = _box(data, trak[0] + 8, trak[1], b"mdia")
    mdhd = _box(data, mdia[0] + 8, mdia[1], b"mdhd")
    minf = _box(data, mdia[0] + 8, mdia[1], b"minf")
    stbl = _box(data, minf[0] + 8, minf[1], b"stbl")
    stts = _box(data, stbl[0] + 8, stbl[1], b"stts")
    scale = struct.unpack(">I", data[mdhd[0] + 20 : mdhd[0] + 24])[0]
    ticks = [round(t * scale) for t in times_s]
    durations = list(np.diff(ticks).astype(int).tolist())
    durations.append(durations[-1] if durations else round(scale / 30))
    body = struct.pack(">I", len(durations)) + b"".join(struct.pack(">II", 1, d) for d in durations)
    table = struct.pack(">I4sI", 12 + len(body), b"stts", 0) + body
    grow = len(table) - (stts[1] - stts[0])
    data[stts[0] : stts[1]] = table
    for start, _ in (moov, trak, mdia, minf, stbl):
        size = struct.unpack(">I", data[start : start + 4])[0]
        data[start : start + 4] = struct.pack(">I", size + grow)
    total = sum(durations)
    data[mdhd[0] + 24 : mdhd[0] + 28] = struct.pack(">I", total)
    moov = _box(data, 0, len(data), b"moov")
    mvhd = _box(data, moov[0] + 8, moov[1], b"mvhd")
    movie_scale = struct.unpack(">I", data[mvhd[0] + 20 : mvhd[0] + 24])[0]
    movie_total = struct.pack(">I", round(total * movie_scale / scale))
    data[mvhd[0] + 24 : mvhd[0] + 28] = movie_total
    trak = _box(data, moov[0] + 8, moov[1], b"trak")
    tkhd = _box(data, trak[0] + 8, trak[1], b"tkhd")
    data[tkhd[0] + 28 : tkhd[0] + 32] = movie_total
    edts = _find_box(data, trak[0] + 8, trak[1], b"edts")
    if edts is not None:
        elst = _box(data, edts[0] + 8, edts[1], b"elst")
        data[elst[0] + 16 : elst[0] + 20] = movie_total
    path.write_bytes(bytes(data))
    return path


def _box(data: bytearray, start: int, end: int, kind: bytes) -> tuple[int, int]:
    found = _find_box(data, start, end, kind)
    if found is None:
        raise ValueError(f"no {kind.decode()} box in the clip")
    return found


def _find_box(data: bytearray, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    """(start, end) of the first box of ``kind`` among the boxes from ``start`` to ``end``
    (32-bit sizes, version 0 headers: what OpenCV writes)."""
    at = start
    while at + 8 <= end:
        size, name = struct.unpack(">I4s", data[at : at + 8])
        if name == kind:
            return at, at + size
        at += max(size, 8)
    return None
