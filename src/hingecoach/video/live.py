"""Live mode's side of the video adapter: one small camera picture (a JPEG the browser
sends) in, the person's landmarks out; and the pictures so far back into a ``Track``
for the core's rep and fault rules (``core.kinematics.live``).

Each picture is a fresh start for the pose tracker: its detector finds the person again
in every picture. The web server may answer one session's pictures from different
worker processes, so nothing about a session is kept in a process between two pictures;
what must last (each picture's landmarks) is stored by the caller, as ``frame_json``.
The pose model itself is loaded once per process and shared by its threads, one picture
at a time.

The track runs at ``LIVE_FPS``, the lowest frame rate the kinematics accept: a picture
taken ``t_ms`` after the session started is frame ``round(t_ms * LIVE_FPS / 1000)``, and
the frames between two pictures hold no person (the kinematics bridge gaps up to a
quarter of a second, so about four pictures a second keep a hinge whole).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from hingecoach.core.kinematics import ClipInfo, Frame, Landmark, Track
from hingecoach.core.kinematics.thresholds_file import default_video_thresholds
from hingecoach.video.blazepose.backend import LANDMARK_NAMES
from hingecoach.video.decode import luma
from hingecoach.video.errors import VideoError
from hingecoach.video.pipeline import checked_outlines
from hingecoach.video.pose_backend import DEFAULT_MODEL, BlazePose, quiet_native_stderr

__all__ = [
    "LANDMARK_NAMES",
    "LIVE_FPS",
    "LivePose",
    "Picture",
    "decode_picture",
    "frame_from_json",
    "frame_index",
    "frame_json",
    "live_pose",
    "live_track",
]

LIVE_FPS = default_video_thresholds().clip.min_fps
MAX_SIDE = 640  # pixels: a picture larger than this on either side is refused
FIELD = "frame"


@dataclass(frozen=True)
class Picture:
    """What one camera picture showed: the person (None: no one found), its size in
    pixels and its mean brightness (0-1)."""

    frame: Frame | None
    width: int
    height: int
    brightness: float


def decode_picture(data: bytes) -> np.ndarray:
    """The RGB image in a JPEG or PNG; VideoError naming the ``frame`` field otherwise."""
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR) if data else None
    if image is None:
        raise VideoError(FIELD, "the picture is not a JPEG or PNG image")
    height, width = image.shape[:2]
    if max(width, height) > MAX_SIDE:
        raise VideoError(
            FIELD, f"the picture is {width}x{height} pixels, larger than {MAX_SIDE} on a side"
        )
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


class LivePose:
    """The pose model for live pictures: loaded on first use, one per process."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self._model = model
        self._pose: BlazePose | None = None
        self._lock = threading.Lock()

    def picture(self, data: bytes) -> Picture:
        image = decode_picture(data)
        height, width = image.shape[:2]
        with self._lock:
            if self._pose is None:
                # LiteRT logs to file descriptor 2 as it loads; silenced only then, as
                # the server's other threads write their own logs there.
                with quiet_native_stderr():
                    self._pose = BlazePose(self._model, fps=LIVE_FPS, smooth=False)
            self._pose.close()  # forget the last picture's person: see the module's docstring
            found = self._pose.landmarks(image)
        return Picture(found, width, height, luma(image))


_shared: LivePose | None = None
_shared_lock = threading.Lock()


def live_pose() -> LivePose:
    """This process's ``LivePose``."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LivePose()
        return _shared


def frame_index(t_ms: float) -> int:
    """The track frame a picture taken ``t_ms`` after the start belongs to."""
    return round(t_ms * LIVE_FPS / 1000)


def frame_json(frame: Frame | None) -> dict[str, Any] | None:
    """A frame as JSON: ``points`` ([x, y, visibility] in ``LANDMARK_NAMES`` order,
    pixels) and the back's ``outline`` ([x, y] pixels, or null)."""
    if frame is None:
        return None
    points = [
        [round(m.x, 2), round(m.y, 2), round(m.visibility, 3)]
        for m in (frame.landmarks[name] for name in LANDMARK_NAMES)
    ]
    outline = None
    if frame.back_outline is not None:
        outline = np.round(np.asarray(frame.back_outline, dtype=float), 2).tolist()
    return {"points": points, "outline": outline}


def frame_from_json(data: dict[str, Any] | None) -> Frame | None:
    if data is None:
        return None
    marks = {
        name: Landmark(*point) for name, point in zip(LANDMARK_NAMES, data["points"], strict=True)
    }
    outline = data.get("outline")
    return Frame(
        landmarks=marks, back_outline=np.asarray(outline, dtype=float) if outline else None
    )


def live_track(
    frames: Sequence[tuple[int, dict[str, Any] | None, float]],
    width: int,
    height: int,
    first: int = 0,
    *,
    min_visibility: float | None = None,
) -> Track:
    """The track of a live session from frame ``first`` on, from its stored pictures
    (each (frame index, frame JSON, brightness), in order, none before ``first``):
    frames no picture fell on hold no person. ``min_visibility``: the video thresholds'
    (default: the shipped file's)."""
    last = frames[-1][0] if frames else first - 1
    track: list[Frame | None] = [None] * (last + 1 - first)
    for index, data, _ in frames:
        track[index - first] = frame_from_json(data)
    brightness = float(np.mean([light for _, _, light in frames])) if frames else None
    clip = ClipInfo(fps=LIVE_FPS, width=width, height=height, brightness=brightness)
    if min_visibility is None:
        min_visibility = default_video_thresholds().tracking.min_visibility
    return checked_outlines(Track(clip=clip, frames=track), min_visibility)
