"""``BlazePose``: the pose backend on LiteRT (``PoseBackend``): BlazePose GHUM lite,
full or heavy with the person detector, tracking one person, with the segmentation mask
read for the back's outline."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from hingecoach.core.kinematics import Frame, Landmark
from hingecoach.core.kinematics.thresholds import AdapterRules
from hingecoach.video.blazepose.detector import PersonDetector
from hingecoach.video.blazepose.landmarks import BODY, LandmarkModel, PoseResult
from hingecoach.video.blazepose.models import (
    DETECTOR,
    LANDMARK_MODELS,
    SharedCores,
    interpreter,
    model_path,
)
from hingecoach.video.blazepose.tracker import PoseTracker
from hingecoach.video.errors import BackendUnavailable
from hingecoach.video.outline import back_edge, frame_facing, trunk_chord

LANDMARK_NAMES = (
    "nose",
    "left_eye_inner",
    "left_eye",
    "left_eye_outer",
    "right_eye_inner",
    "right_eye",
    "right_eye_outer",
    "left_ear",
    "right_ear",
    "mouth_left",
    "mouth_right",
    "left_shoulder",
    "right_shoulder",
    "left_elbow",
    "right_elbow",
    "left_wrist",
    "right_wrist",
    "left_pinky",
    "right_pinky",
    "left_index",
    "right_index",
    "left_thumb",
    "right_thumb",
    "left_hip",
    "right_hip",
    "left_knee",
    "right_knee",
    "left_ankle",
    "right_ankle",
    "left_heel",
    "right_heel",
    "left_foot_index",
    "right_foot_index",
)
DEFAULT_MODEL = "full"
# Analysed frames between scheduled checks (1.5 times a second at 15): every 10th holds
# the same scenes and real clips as every 5th for about an eighth less CPU
# (benchmarks/README.md, "Video pipeline"; decision 0018).
REDETECT_EVERY = 10
MIN_VISIBILITY = 0.5


class BlazePose:
    """BlazePose GHUM on LiteRT (CPU, offline) with the segmentation mask.
    ``decoding``: set while a decoder works beside the models (``Prefetch.working``);
    the models then run on one thread instead of two (``SharedCores``). ``search``: the
    video thresholds' ``adapter`` section, for the detector's search around a person lost
    (default: the shipped file's)."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        fps: float = 15.0,
        smooth: bool = True,
        redetect_every: int = REDETECT_EVERY,
        min_visibility: float = MIN_VISIBILITY,
        decoding: threading.Event | None = None,
        search: AdapterRules | None = None,
    ) -> None:
        if model not in LANDMARK_MODELS:
            raise BackendUnavailable(
                "", f"unknown pose model '{model}' (choose from {', '.join(LANDMARK_MODELS)})"
            )
        self.name = f"blazepose-{model}-litert"

        def load(name: str) -> Any:
            path = model_path(name)
            return interpreter(path) if decoding is None else SharedCores(path, decoding)

        detector = PersonDetector(load(DETECTOR), search=search)
        landmarks = LandmarkModel(load(LANDMARK_MODELS[model]))
        self.tracker = PoseTracker(detector, landmarks, fps if smooth else 0.0, redetect_every)
        self._min_visibility = min_visibility
        self._facing = 0.0

    def landmarks(self, frame_rgb: np.ndarray) -> Frame | None:
        result = self.tracker.track(frame_rgb)
        if result is None:
            return None
        marks = {
            name: Landmark(float(x), float(y), float(v))
            for name, (x, y), v in zip(
                LANDMARK_NAMES, result.points[:BODY], result.visibility[:BODY], strict=True
            )
        }
        return Frame(landmarks=marks, back_outline=self._outline(marks, result))

    def _outline(self, marks: dict[str, Landmark], result: PoseResult) -> np.ndarray | None:
        facing = frame_facing(marks, self._min_visibility) or self._facing
        self._facing = facing
        chord = trunk_chord(marks, self._min_visibility)
        if chord is None:
            return None
        return back_edge(result.mask, chord[0], chord[1], facing, result.to_mask)

    def reset(self) -> None:
        """Forget the person followed (the next frame starts with a detection)."""
        self.tracker.reset()
        self._facing = 0.0

    def close(self) -> None:
        self.reset()
