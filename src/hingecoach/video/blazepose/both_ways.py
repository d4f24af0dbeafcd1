"""Tracking both ways in time from the frame where the model is surest of the person.

A recorded clip can be read in any order. Instead of following the person forward from
the first frame and re-detecting on a schedule to repair drift, the landmark model is
tried on one frame a second (each a fresh detection), the frame where it is surest
becomes the seed, and the person is tracked from the seed back to the first frame and
on to the last, the detector running only where they are lost. ``benchmarks/README.md``
measures it against the schedule (decision 0018).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from hingecoach.core.kinematics import Frame
from hingecoach.video.blazepose.tracker import PoseTracker, sureness

SEED_EVERY = 15  # analysed frames between the frames tried as seeds (1 s at 15 fps)


@runtime_checkable
class Restartable(Protocol):
    """A pose backend with its tracker in view that can forget the person (``BlazePose``)."""

    @property
    def tracker(self) -> PoseTracker: ...

    def reset(self) -> None: ...

    def landmarks(self, frame_rgb: np.ndarray) -> Frame | None: ...


def surest_frame(pose: Restartable, images: Sequence[np.ndarray], every: int = SEED_EVERY) -> int:
    """The index of the tried frame whose fresh detection the model is surest of."""
    best, best_index = -1.0, 0
    for index in range(0, len(images), max(1, every)):
        pose.reset()
        found = sureness(pose.tracker.track(images[index]))
        if found > best:
            best, best_index = found, index
    return best_index


def both_ways(pose: Restartable, images: Sequence[np.ndarray]) -> list[Frame | None]:
    """Per image, the person's frame (``BlazePose.landmarks``) tracked from the surest
    frame backward to the first image and forward to the last."""
    if not images:
        return []
    seed = surest_frame(pose, images)
    pose.reset()
    backward = [pose.landmarks(images[i]) for i in range(seed, -1, -1)]
    pose.reset()
    forward = [pose.landmarks(images[i]) for i in range(seed, len(images))]
    return backward[:0:-1] + forward
