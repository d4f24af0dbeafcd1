"""Decoding a clip with OpenCV: check it before any work, then read every frame in display
orientation until the decoder stops (the header's frame count is only an estimate).

Phones store a portrait clip as landscape frames plus a rotation in the metadata;
OpenCV's automatic rotation is off by default in some builds and on in others, so it is
turned off here and the rotation read from ``CAP_PROP_ORIENTATION_META`` is applied by
hand (after resizing, where it costs least).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from hingecoach.video.errors import VideoError
from hingecoach.video.limits import Limits

MIN_FPS, MAX_FPS = 1.0, 480.0
ROTATIONS = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
FPS_PROBE_FRAMES = 16


@dataclass(frozen=True)
class VideoInfo:
    """What the header says, in display orientation (a portrait phone clip is tall)."""

    path: Path
    fps: float
    width: int
    height: int
    declared_frames: int
    rotation: int
    codec: str = ""

    @property
    def declared_duration_s(self) -> float:
        return self.declared_frames / self.fps


def open_capture(path: Path) -> cv2.VideoCapture:
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    if not capture.isOpened():
        capture.release()
        raise VideoError(
            "CLIP", f"'{path}' is not a readable video (no video stream could be opened)"
        )
    capture.set(cv2.CAP_PROP_ORIENTATION_AUTO, 0)
    return capture


def probe(path: Path | str, limits: Limits) -> VideoInfo:
    """Check the file against ``limits`` and read its header; VideoError if it is not a
    video to analyse. Decodes one frame, so an empty or garbled stream fails here."""
    path = Path(path)
    size = _file_size(path)
    if size == 0:
        raise VideoError("CLIP", f"'{path}' is empty (0 bytes), not a video")
    if size > limits.max_bytes:
        raise VideoError(
            "CLIP",
            f"'{path}' is {file_size_text(size)}, over the "
            f"{file_size_text(limits.max_bytes)} limit",
        )
    capture = open_capture(path)
    try:
        info = _header(path, capture)
        if not capture.grab():
            raise VideoError(
                "CLIP", f"'{path}' is not a readable video (no frame could be decoded)"
            )
    finally:
        capture.release()
    _check(info, limits)
    return info


def _file_size(path: Path) -> int:
    try:
        if path.is_dir():
            raise VideoError("CLIP", f"'{path}' is a folder, not a video file")
        return path.stat().st_size
    except FileNotFoundError:
        raise VideoError("CLIP", f"no such file '{path}'") from None
    except PermissionError:
        raise VideoError("CLIP", f"cannot read '{path}': permission denied") from None


def _header(path: Path, capture: cv2.VideoCapture) -> VideoInfo:
    rotation = int(capture.get(cv2.CAP_PROP_ORIENTATION_META)) % 360
    width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH))
    height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
    if rotation in (90, 270):
        width, height = height, width
    fps = float(capture.get(cv2.CAP_PROP_FPS))
    if not MIN_FPS <= fps <= MAX_FPS:
        fps = _fps_from_timestamps(path)
    if width <= 0 or height <= 0 or fps <= 0:
        raise VideoError("CLIP", f"'{path}' is not a readable video (no frame size or frame rate)")
    frames = max(0, int(capture.get(cv2.CAP_PROP_FRAME_COUNT)))
    return VideoInfo(
        path,
        fps,
        width,
        height,
        frames,
        rotation if rotation in ROTATIONS else 0,
        codec_name(capture),
    )


def codec_name(capture: cv2.VideoCapture) -> str:
    """The stream's FourCC in lower case (``'h264'``, ``'vp90'``, ``'ansi'``), or ``''``."""
    code = int(capture.get(cv2.CAP_PROP_FOURCC)) & 0xFFFFFFFF
    text = code.to_bytes(4, "little").decode("latin-1")
    return text.strip("\x00 ").lower() if text.isprintable() else ""


def _fps_from_timestamps(path: Path) -> float:
    """The frame rate from the first frames' timestamps, for a header without a usable
    one (some variable-rate WebM files from browsers say 1000)."""
    capture = open_capture(path)
    stamps: list[float] = []
    try:
        while len(stamps) < FPS_PROBE_FRAMES and capture.grab():
            stamps.append(capture.get(cv2.CAP_PROP_POS_MSEC))
    finally:
        capture.release()
    span_ms = stamps[-1] - stamps[0] if len(stamps) > 1 else 0.0
    return (len(stamps) - 1) * 1000.0 / span_ms if span_ms > 0 else 0.0


def _check(info: VideoInfo, limits: Limits) -> None:
    if info.codec not in limits.codecs:
        what = f"its picture stream is '{info.codec}'" if info.codec else "no codec was found"
        raise VideoError(
            "CLIP",
            f"'{info.path}' is not a camera video ({what}; H.264, HEVC, VP8, "
            "VP9, AV1, MPEG-4 or Motion JPEG expected)",
        )
    if info.declared_frames and info.declared_duration_s > limits.max_duration_s:
        raise VideoError(
            "CLIP",
            f"'{info.path}' lasts {clock(info.declared_duration_s)}, over the "
            f"{clock(limits.max_duration_s)} limit",
        )
    if max(info.width, info.height) > limits.max_long_side:
        raise VideoError(
            "CLIP",
            f"'{info.path}' is {info.width}x{info.height} pixels, over the "
            f"{limits.max_long_side} px limit on the long side",
        )


def file_size_text(size: int) -> str:
    """``3_500_000`` -> ``'3.3 MiB'``; ``2 * 1024**3`` -> ``'2 GiB'``."""
    value, unit = float(size), "bytes"
    for bigger in ("KiB", "MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def clock(seconds: float) -> str:
    """``4.25`` -> ``'4.2 s'``; ``75.5`` -> ``'1:16'``; ``7200`` -> ``'2:00:00'``."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass
class Reader:
    """Every ``step``-th frame of the clip (BGR, as stored: not yet oriented), with its
    index; frames in between are decoded but not converted (``grab`` without
    ``retrieve``). After the loop, ``decoded`` holds how many frames the decoder gave;
    VideoError if that shows a damaged file or a clip past the duration limit.
    ``stamps_ms``: the container's time of each frame yielded (``CAP_PROP_POS_MSEC``),
    unchecked (``timing.true_times`` checks them)."""

    info: VideoInfo
    step: int
    limits: Limits
    decoded: int = 0
    seconds: float = 0.0
    stamps_ms: list[float] = field(default_factory=list)

    def __iter__(self) -> Iterator[tuple[int, np.ndarray]]:
        capture = open_capture(self.info.path)
        ceiling = int(self.limits.max_duration_s * self.info.fps) + 1
        try:
            while True:
                started = time.perf_counter()
                frame = self._next(capture)
                self.seconds += time.perf_counter() - started
                if frame is None:
                    break
                if self.decoded > ceiling:
                    raise VideoError(
                        "CLIP",
                        f"'{self.info.path}' runs past the "
                        f"{clock(self.limits.max_duration_s)} limit",
                    )
                yield self.decoded - 1, frame
        finally:
            capture.release()
        self._check_complete()

    def _next(self, capture: cv2.VideoCapture) -> np.ndarray | None:
        while capture.grab():
            self.decoded += 1
            if (self.decoded - 1) % self.step == 0:
                self.stamps_ms.append(float(capture.get(cv2.CAP_PROP_POS_MSEC)))
                ok, frame = capture.retrieve()
                return frame if ok else None
        return None

    def _check_complete(self) -> None:
        declared = self.info.declared_frames
        if self.decoded == 0:
            raise VideoError(
                "CLIP", f"'{self.info.path}' is not a readable video (no frame could be decoded)"
            )
        if declared and self.decoded < self.limits.min_decoded_share * declared:
            raise VideoError(
                "CLIP",
                f"'{self.info.path}' is damaged: the decoder stopped after "
                f"{self.decoded} of the {declared} frames its header declares",
            )


def prepare(frame_bgr: np.ndarray, scale: float, rotation: int) -> np.ndarray:
    """Shrink, then orient: the RGB image the pose model sees."""
    if rotation:
        frame_bgr = cv2.rotate(shrink(frame_bgr, scale), ROTATIONS[rotation])
    else:
        frame_bgr = shrink(frame_bgr, scale)
    return cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2RGB)


def shrink(frame: np.ndarray, scale: float) -> np.ndarray:
    """Resize by ``scale`` (at most 1): halve with a Gaussian pyramid while more than
    half is to go, then bilinear, which averages well down to one half. As sharp as area
    averaging at a fraction of its cost for non-integer factors (measured: 1.5 against
    11 ms a frame at 1768x994)."""
    if scale >= 1.0:
        return frame
    height, width = frame.shape[:2]
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    while frame.shape[1] > 2 * size[0] and frame.shape[0] > 2 * size[1]:
        frame = cv2.pyrDown(frame)
    return cv2.resize(frame, size, interpolation=cv2.INTER_LINEAR)


def luma(frame_rgb: np.ndarray) -> float:
    """Mean brightness 0-1 (Rec. 601 weights)."""
    r, g, b, _ = cv2.mean(frame_rgb)
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255.0
