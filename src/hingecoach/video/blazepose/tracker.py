"""One person through a clip, frame by frame: the landmark model on the region the
previous frame's auxiliary landmarks give; when there is none, or the pose flag says the
person was lost, the detector finds them again in the same frame (MediaPipe's live
graph waits for the next frame). ``redetect_every`` also runs the detector on a
schedule, and on the first frames after a person is found (a first detection is the
least sure), and takes its region when the landmark model is surer there (drift
repair); ``benchmarks/README.md`` measures what it gives.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from hingecoach.video.blazepose.detector import FULL_BODY, MID_HIP, Detection, PersonDetector
from hingecoach.video.blazepose.landmarks import AUXILIARY, BODY, LandmarkModel, PoseResult
from hingecoach.video.blazepose.roi import Roi, roi_from_points
from hingecoach.video.blazepose.smoothing import (
    BODY_FILTER,
    REGION_FILTER,
    PointFilter,
    VisibilityFilter,
    object_size,
)

SETTLE_FRAMES = 2  # a person just found is checked again on this many frames
SWITCH_MARGIN = 0.1  # how much surer the detector's region must be to replace a settled track
# Regions turned further apart than this are two different poses (a track that carried a
# standing body into a deadlift's set-up, say), not one pose wobbling.
TURN_APART = math.radians(15)


def detection_roi(detection: Detection) -> Roi:
    return roi_from_points(detection.keypoints[MID_HIP], detection.keypoints[FULL_BODY])


def landmarks_roi(result: PoseResult) -> Roi:
    centre, toward = result.points[AUXILIARY]
    return roi_from_points(centre, toward)


def sureness(result: PoseResult | None) -> float:
    """How sure the landmark model is of a pose: its flag times the body's mean
    visibility."""
    if result is None:
        return 0.0
    return result.flag * float(np.mean(result.visibility[:BODY]))


class PoseTracker:
    """One clip's person, frame by frame (``track``). ``rate``: frames a second, for the
    smoothing (0: none); ``redetect_every``: analysed frames between scheduled
    detections (0: only when the person is lost)."""

    def __init__(
        self,
        detector: PersonDetector,
        landmarks: LandmarkModel,
        rate: float = 15.0,
        redetect_every: int = 0,
    ) -> None:
        self._detector = detector
        self._landmarks = landmarks
        self._redetect_every = redetect_every
        self._rate = rate
        self._filters = (
            PointFilter(BODY_FILTER, rate),
            PointFilter(REGION_FILTER, rate),
            VisibilityFilter(),
        )
        self._roi: Roi | None = None
        self._last_seen: Roi | None = None
        self._frame = -1
        self._since_found = 0
        self.detections = 0

    def reset(self) -> None:
        self._roi, self._last_seen, self._frame, self._since_found = None, None, -1, 0
        for each in self._filters:
            each.reset()

    def _smoothed(self, result: PoseResult | None) -> PoseResult | None:
        if not self._rate:
            return result
        if result is None:
            for each in self._filters:
                each.reset()
            return None
        body, region, visibility = self._filters
        size = object_size(result.points[:BODY])
        points = result.points.copy()
        points[:BODY] = body(points[:BODY], size)
        points[AUXILIARY] = region(points[AUXILIARY], size)
        seen = result.visibility.copy()
        seen[:BODY] = visibility(seen[:BODY])
        return replace(result, points=points, visibility=seen)

    def track(self, image_rgb: np.ndarray) -> PoseResult | None:
        """The followed person's pose in this frame, or None."""
        self._frame += 1
        result = self._landmarks.run(image_rgb, self._roi) if self._roi is not None else None
        self._since_found += 1
        if result is None:
            result = self._detected(image_rgb)
            self._since_found = 0
        elif self._since_found <= SETTLE_FRAMES and self._redetect_every:
            result = self._surer(image_rgb, result, margin=0.0)
        elif self._redetect_every and self._frame % self._redetect_every == 0:
            result = self._surer(image_rgb, result, margin=SWITCH_MARGIN)
        result = self._smoothed(result)
        self._roi = landmarks_roi(result) if result is not None else None
        self._last_seen = self._roi or self._last_seen
        return result

    def _detected(self, image_rgb: np.ndarray) -> PoseResult | None:
        """A person found afresh; looked for near where the one followed was last seen
        too, however long ago (only when the whole image shows no one)."""
        self.detections += 1
        seen = self._last_seen
        found = self._detector.detect(
            image_rgb, last_seen=(seen.centre, seen.side) if seen is not None else None
        )
        return self._landmarks.run(image_rgb, detection_roi(found[0])) if found else None

    def _surer(
        self,
        image_rgb: np.ndarray,
        tracked: PoseResult,
        margin: float,
    ) -> PoseResult:
        """The tracked pose, or the one in the region of the detection nearest it when
        the model is surer there by more than ``margin``."""
        self.detections += 1
        own = landmarks_roi(tracked)
        found = self._detector.detect(image_rgb, near=(own.centre, own.side))
        if not found:
            return tracked
        hip = tracked.points[AUXILIARY][0]
        nearest = min(found, key=lambda d: float(np.hypot(*(d.keypoints[MID_HIP] - hip))))
        if np.hypot(*(nearest.keypoints[MID_HIP] - hip)) > own.side / 4:
            return tracked  # someone else
        region = detection_roi(nearest)
        fresh = self._landmarks.run(image_rgb, region)
        if turned_apart(region, own) > TURN_APART:
            margin = 0.0  # two different poses, not a wobble of one: the surer wins
        if fresh is not None and sureness(fresh) > sureness(tracked) + margin:
            return fresh
        return tracked


def turned_apart(a: Roi, b: Roi) -> float:
    """How far apart two regions' rotations are, in radians (0 to pi)."""
    return abs((a.rotation - b.rotation + math.pi) % (2 * math.pi) - math.pi)
