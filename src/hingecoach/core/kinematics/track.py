"""The input of the video kinematics: a clip's landmark track, whatever the pose backend.

A pose adapter (MediaPipe today, anything tomorrow) fills these plain dataclasses and
nothing else: per decoded frame, named 2D landmarks in image pixels (x to the right,
y downward, origin at the top-left corner) with a visibility from 0 to 1, or ``None``
when no person was found in that frame; optionally the outline of the back between
shoulder and hip (for example the silhouette edge of the segmentation mask), which the
lumbar faults need.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from hingecoach.core.errors import HingecoachError

if TYPE_CHECKING:
    from hingecoach.core.kinematics.numeric import Floats

SIDES = ("left", "right")
CHAIN = ("shoulder", "hip", "knee", "ankle", "heel", "foot_index")
LANDMARKS: tuple[str, ...] = ("nose", *(f"{s}_{p}" for p in CHAIN for s in SIDES))
"""The landmark names the kinematics read (MediaPipe's names, lower case); others are
ignored, so an adapter may pass every landmark its model gives."""

Point = tuple[float, float]


class TrackError(HingecoachError):
    """A landmark track is malformed (named part and value): a bug in the adapter."""


class Landmark(NamedTuple):
    """One landmark in image pixels; ``visibility`` is the model's 0-1 confidence."""

    x: float
    y: float
    visibility: float = 1.0


@dataclass(frozen=True, slots=True)
class Frame:
    """One decoded frame in which a person was found.

    ``back_outline``: points (pixels) along the back's surface from about shoulder level
    to about hip level, in either order, as a sequence of (x, y) or an (m, 2) numpy
    array, or ``None`` when the backend cannot give it.
    At least 8 points are needed to judge the lumbar spine; 20 to 40 are better.
    """

    landmarks: Mapping[str, Landmark]
    back_outline: Sequence[Point] | Floats | None = None


@dataclass(frozen=True, slots=True)
class ClipInfo:
    """What the decoder says about the clip.

    ``brightness``: mean luma of the frames from 0 (black) to 1 (white), if the adapter
    measured it; a clip darker than the threshold file allows is not assessable.
    """

    fps: float
    width: int
    height: int
    brightness: float | None = None

    def __post_init__(self) -> None:
        if not (math.isfinite(self.fps) and self.fps > 0):
            raise TrackError(f"clip.fps: {self.fps!r} is not a positive frame rate")
        for name in ("width", "height"):
            value = getattr(self, name)
            if not (isinstance(value, int) and value > 0):
                raise TrackError(f"clip.{name}: {value!r} is not a positive whole number")
        if self.brightness is not None and not 0 <= self.brightness <= 1:
            raise TrackError(f"clip.brightness: {self.brightness!r} is not in 0..1")


@dataclass(frozen=True, slots=True)
class Track:
    """Every frame the decoder gave, in order (read until it stopped, not the header's
    frame count); ``None`` for a frame with no person."""

    clip: ClipInfo
    frames: Sequence[Frame | None]

    @property
    def duration_s(self) -> float:
        return len(self.frames) / self.clip.fps
