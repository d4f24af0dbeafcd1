"""Stay with one person when the pose model jumps to another.

MediaPipe Pose follows one person; when it loses them (a fast movement, someone walking
in front) its detector may pick up someone else, and the track would mix two bodies.
``PersonLock`` accepts a frame only if the body's centre (mid-hip) is within reach of
where the followed person was last seen: half a trunk length, plus six trunk lengths a
second of absence (faster than a person's hips travel in a hinge, a walk or a jump).
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
    _centre: np.ndarray | None = None
    _trunk: float = 0.0
    _last: int = -1
    _index: int = -1
    rejected: int = 0

    def accept(self, frame: Frame | None) -> Frame | None:
        """The frame if it shows the followed person (or starts following one), else
        None. Call once per analysed frame, in order."""
        self._index += 1
        body = _body(frame, self.min_visibility) if frame is not None else None
        if body is None:
            return frame
        centre, trunk = body
        absent_s = (self._index - self._last) / self.fps
        if self._centre is not None and absent_s <= self.release_s:
            reach = (BASE_REACH + SPEED * absent_s) * self._trunk
            if np.hypot(*(centre - self._centre)) > reach:
                self.rejected += 1
                return None
        self._centre, self._trunk, self._last = centre, trunk, self._index
        return frame


def _body(frame: Frame, min_visibility: float) -> tuple[np.ndarray, float] | None:
    chord = trunk_chord(frame.landmarks, min_visibility)
    if chord is None:
        return None
    trunk = float(np.hypot(*(chord[1] - chord[0])))
    return (chord[0], trunk) if trunk > 0 else None
