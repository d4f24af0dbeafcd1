"""Stay with one person when the pose model jumps to another.

The pose backend follows one person; when it loses them (a fast movement, someone walking
in front) its detector may pick up someone else, and the track would mix two bodies.
``PersonLock`` accepts a frame only if the body's centre (mid-hip) is within reach of
where the followed person was last seen: half a trunk length, plus six trunk lengths a
second of absence (faster than a person's hips travel in a hinge, a walk or a jump);
and only if the pose carries on from theirs: the trunk's lean has not changed faster
than ``max_lean_speed_deg_s`` allows over the time between, and the body has not turned
round (the nose, clearly ahead of the shoulders in both frames, on the other side). A
passer-by crossing in front, hips within reach, stands upright and faces their own way.
After ``release_s`` without them, it follows whoever is found. The frames of the other
person become "no person found" frames, which the kinematics bridge or leave out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hingecoach.core.kinematics import Frame
from hingecoach.video.outline import trunk_chord

BASE_REACH = 0.5  # trunk lengths
SPEED = 6.0  # trunk lengths a second


@dataclass
class PersonLock:
    fps: float
    min_visibility: float = 0.5
    release_s: float = 1.0
    max_lean_speed_deg_s: float = 600.0
    facing_nose_trunk: float = 0.25
    _centre: np.ndarray | None = None
    _trunk: float = 0.0
    _lean: float = 0.0
    _facing: float = 0.0
    _last: int = -1
    _index: int = -1
    rejected: int = 0

    def accept(self, frame: Frame | None) -> Frame | None:
        """The frame if it shows the followed person (or starts following one), else
        None. Call once per analysed frame, in order."""
        self._index += 1
        body = self._body(frame) if frame is not None else None
        if body is None:
            return frame
        centre, trunk, lean, facing = body
        absent_s = (self._index - self._last) / self.fps
        released = self._centre is None or absent_s > self.release_s
        if not released:
            reach = (BASE_REACH + SPEED * absent_s) * self._trunk
            tipped = abs(lean - self._lean) > self.max_lean_speed_deg_s * absent_s
            if np.hypot(*(centre - self._centre)) > reach or tipped or facing * self._facing < 0:
                self.rejected += 1
                return None
        self._centre, self._trunk, self._lean, self._last = centre, trunk, lean, self._index
        self._facing = facing if released else (facing or self._facing)
        return frame

    def _body(self, frame: Frame) -> tuple[np.ndarray, float, float, float] | None:
        """Mid-hip, trunk length, the trunk's lean from vertical (degrees, signed in the
        image) and which way the person faces (-1 left, 1 right, 0 unclear)."""
        chord = trunk_chord(frame.landmarks, self.min_visibility)
        if chord is None:
            return None
        trunk = float(np.hypot(*(chord[1] - chord[0])))
        if trunk <= 0:
            return None
        return chord[0], trunk, _lean(chord), self._facing_of(frame, chord[1], trunk)

    def _facing_of(self, frame: Frame, shoulders: np.ndarray, trunk: float) -> float:
        nose = frame.landmarks.get("nose")
        if nose is None or nose.visibility < self.min_visibility:
            return 0.0
        ahead = (nose.x - float(shoulders[0])) / trunk
        return float(np.sign(ahead)) if abs(ahead) >= self.facing_nose_trunk else 0.0


def leans_forward(
    frames: list[Frame | None], min_lean_deg: float, min_frames: int, min_visibility: float = 0.5
) -> bool:
    """Whether the trunk (hip to shoulder) leans at least ``min_lean_deg`` from vertical
    in at least ``min_frames`` frames: the followed person may be hinging. Someone who
    stands and watches, or walks through, never does."""
    leaning = 0
    for frame in frames:
        chord = trunk_chord(frame.landmarks, min_visibility) if frame is not None else None
        if chord is None:
            continue
        leaning += abs(_lean(chord)) >= min_lean_deg
    return leaning >= min_frames


def _lean(chord: tuple[np.ndarray, np.ndarray]) -> float:
    """The trunk's lean from vertical in degrees, hip to shoulder, signed as it tips in
    the image (positive to the right)."""
    dx, dy = chord[1] - chord[0]
    return float(np.degrees(np.arctan2(dx, -dy)))


def body_length(frame: Frame) -> float:
    """Shoulder to hip to knee to ankle along the longer side, in the frame's pixels: the
    person's size whatever their pose (a hinge folds the height, not the segments)."""
    marks = frame.landmarks
    chains = []
    for side in ("left", "right"):
        names = [f"{side}_{part}" for part in ("shoulder", "hip", "knee", "ankle")]
        if not all(name in marks for name in names):
            continue
        xy = np.array([(marks[name].x, marks[name].y) for name in names], dtype=float)
        chains.append(float(np.hypot(*np.diff(xy, axis=0).T).sum()))
    return max(chains, default=float("nan"))


Box = tuple[float, float, float, float]  # left, top, right, bottom


def body_boxes(frames: list[Frame | None], margin: float = 0.15) -> list[Box | None]:
    """Per frame, a box around every landmark of the person, widened by ``margin`` of
    its larger side on each side; a frame without them gets the box of the nearest frame
    with them (None only when no frame has anyone)."""
    own = [_box(frame, margin) if frame is not None else None for frame in frames]
    known = [i for i, box in enumerate(own) if box is not None]
    if not known:
        return own
    nearest = np.searchsorted(known, np.arange(len(own)))
    boxes: list[Box | None] = []
    for i, after in enumerate(nearest):
        candidates = [known[k] for k in (after - 1, after) if 0 <= k < len(known)]
        boxes.append(own[min(candidates, key=lambda j: abs(j - i))])
    return boxes


def _box(frame: Frame, margin: float) -> Box | None:
    xy = np.array([mark[:2] for mark in frame.landmarks.values()], dtype=float)
    xy = xy[np.isfinite(xy).all(axis=1)]
    if len(xy) == 0:
        return None
    (left, top), (right, bottom) = xy.min(axis=0), xy.max(axis=0)
    pad = margin * max(right - left, bottom - top)
    return left - pad, top - pad, right + pad, bottom + pad
