"""The pose backend: one RGB image in, one ``Frame`` (named landmarks in that image's
pixels, and the back's outline) out, or None when no person is found.

The kinematics never see the backend; anything that fills a ``Frame`` can replace
MediaPipe. ``MediaPipePose`` uses the legacy ``mp.solutions.pose`` API of
``mediapipe==0.10.21`` (scripts/install-video), the last release that bundles a pose
model: ``model_complexity=1`` runs ``pose_landmark_full.tflite`` from the installed
package; 0 and 2 would try to download their model at run time, so they are refused.
It tracks one person: the one its detector finds first (and again after losing them).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from hingecoach.core.kinematics import Frame, Landmark
from hingecoach.video.errors import BackendUnavailable
from hingecoach.video.outline import back_edge, frame_facing, trunk_chord

MODEL_COMPLEXITY = 1
MODEL_FILES = ("modules/pose_landmark/pose_landmark_full.tflite",
               "modules/pose_detection/pose_detection.tflite")
INSTALL_HINT = "install it with scripts/install-video"
MIN_VISIBILITY = 0.5


class PoseBackend(Protocol):
    """What the pipeline needs from a pose model. One instance follows one clip (it may
    track across frames); ``close`` frees it."""

    name: str

    def landmarks(self, frame_rgb: np.ndarray) -> Frame | None:
        """Landmarks (MediaPipe's lower-case names) in ``frame_rgb``'s pixels."""
        ...

    def close(self) -> None: ...


@contextmanager
def quiet_native_stderr() -> Iterator[None]:
    """Point file descriptor 2 at /dev/null while native code runs: TensorFlow Lite and
    absl log to it directly (no Python setting silences them) and the CLI promises a
    clean standard error. Python's own ``sys.stderr`` is flushed first and restored."""
    sys.stderr.flush()
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def mediapipe_model_dir() -> Path:
    """The installed mediapipe package folder, after checking the bundled model files."""
    try:
        with quiet_native_stderr():
            import mediapipe
    except ImportError as exc:
        missing = exc.name or "mediapipe"
        raise BackendUnavailable(f"the pose model cannot be loaded ({missing} is not "
                                 f"installed): {INSTALL_HINT}") from None
    root = Path(mediapipe.__file__).parent
    for relative in MODEL_FILES:
        if not (root / relative).is_file():
            raise BackendUnavailable(f"the pose model file {relative} is missing from "
                                     f"mediapipe {mediapipe.__version__}: {INSTALL_HINT}")
    return root


class MediaPipePose:
    """MediaPipe Pose (BlazePose full, CPU, offline) with the segmentation mask."""

    name = "mediapipe-pose-full"

    def __init__(self, min_visibility: float = MIN_VISIBILITY) -> None:
        mediapipe_model_dir()
        with quiet_native_stderr():
            from mediapipe.python.solutions import pose as mp_pose

            self._pose: Any = mp_pose.Pose(
                static_image_mode=False, model_complexity=MODEL_COMPLEXITY,
                smooth_landmarks=True, enable_segmentation=True, smooth_segmentation=False,
                min_detection_confidence=0.5, min_tracking_confidence=0.5)
        self._names = [mark.name.lower() for mark in mp_pose.PoseLandmark]
        self._min_visibility = min_visibility
        self._facing = 0.0

    def landmarks(self, frame_rgb: np.ndarray) -> Frame | None:
        result = self._pose.process(frame_rgb)
        if result.pose_landmarks is None:
            return None
        height, width = frame_rgb.shape[:2]
        marks = {name: Landmark(p.x * width, p.y * height, p.visibility)
                 for name, p in zip(self._names, result.pose_landmarks.landmark, strict=True)}
        return Frame(landmarks=marks, back_outline=self._outline(marks, result))

    def _outline(self, marks: dict[str, Landmark], result: Any) -> np.ndarray | None:
        facing = frame_facing(marks, self._min_visibility) or self._facing
        self._facing = facing
        chord = trunk_chord(marks, self._min_visibility)
        if result.segmentation_mask is None or chord is None:
            return None
        return back_edge(result.segmentation_mask, chord[0], chord[1], facing)

    def close(self) -> None:
        with quiet_native_stderr():
            self._pose.close()
