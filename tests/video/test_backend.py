"""The pose backend's guards: the bundled model only, a clear error when it is missing,
and native logs kept off standard error."""

from __future__ import annotations

import os
import sys

import pytest

from hingecoach.video import BackendUnavailable, pose_backend
from hingecoach.video.pose_backend import (
    MODEL_COMPLEXITY,
    MODEL_FILES,
    mediapipe_model_dir,
    quiet_native_stderr,
)


def test_only_the_model_bundled_in_the_package_is_used():
    # model_complexity 0 and 2 download their model at run time; 1 is in the wheel.
    assert MODEL_COMPLEXITY == 1
    assert MODEL_FILES[0].endswith("pose_landmark_full.tflite")
    assert all((mediapipe_model_dir() / name).is_file() for name in MODEL_FILES)


def test_a_missing_pose_library_is_one_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "mediapipe", None)
    with pytest.raises(BackendUnavailable, match=r"\(mediapipe is not installed\): "
                                                 "install it with scripts/install-video"):
        mediapipe_model_dir()


def test_a_missing_model_file_is_one_clear_error(monkeypatch):
    monkeypatch.setattr(pose_backend, "MODEL_FILES", ("modules/pose_landmark/missing.tflite",))
    with pytest.raises(BackendUnavailable, match=r"missing\.tflite is missing from mediapipe"):
        mediapipe_model_dir()


def test_native_logs_are_silenced_and_standard_error_comes_back(capfd):
    with quiet_native_stderr():
        os.write(2, b"INFO: Created TensorFlow Lite XNNPACK delegate for CPU.\n")
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"
