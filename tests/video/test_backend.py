"""The pose backend's guards: the bundled, checksummed models only, a clear error when
one is missing or changed or the runtime is not installed, native logs kept off
standard error, and the real models finding a person."""

from __future__ import annotations

import os
import shutil
import sys

import cv2
import pytest

from hingecoach.video import BackendUnavailable, BlazePose
from hingecoach.video.blazepose import models
from hingecoach.video.blazepose.models import DETECTOR, LANDMARK_MODELS, SHA256, model_path
from hingecoach.video.pose_backend import quiet_native_stderr


def test_every_bundled_model_file_matches_its_checksum():
    assert set(SHA256) == {DETECTOR, *LANDMARK_MODELS.values()}
    for name in SHA256:
        assert model_path(name).parent == models.MODEL_DIR


def test_a_changed_model_file_is_one_clear_error(tmp_path):
    changed = tmp_path / DETECTOR
    shutil.copyfile(models.MODEL_DIR / DETECTOR, changed)
    with changed.open("ab") as file:
        file.write(b"\0")
    with pytest.raises(
        BackendUnavailable,
        match=r"does not match its SHA-256 checksum: "
        r"reinstall hingecoach",
    ):
        model_path(DETECTOR, tmp_path)


def test_a_missing_model_file_is_one_clear_error(tmp_path):
    with pytest.raises(
        BackendUnavailable, match=r"the pose model file pose_landmark_full\.tflite is missing"
    ):
        model_path("pose_landmark_full.tflite", tmp_path)


def test_a_missing_runtime_is_one_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "ai_edge_litert.interpreter", None)
    with pytest.raises(
        BackendUnavailable,
        match=r"\(ai_edge_litert\.interpreter is not "
        r"installed\): reinstall hingecoach",
    ):
        models.interpreter(model_path(DETECTOR))


def test_an_unknown_model_is_refused_with_the_choices():
    with pytest.raises(
        BackendUnavailable,
        match=r"unknown pose model 'tiny' \(choose from "
        r"lite, full, heavy\)",
    ):
        BlazePose("tiny")


def test_native_logs_are_silenced_and_standard_error_comes_back(capfd):
    with quiet_native_stderr():
        os.write(2, b"INFO: Created TensorFlow Lite XNNPACK delegate for CPU.\n")
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"


@pytest.mark.video
@pytest.mark.parametrize("model", list(LANDMARK_MODELS))
def test_each_model_finds_the_person_and_the_back_in_a_real_frame(shared_clip, model):
    capture = cv2.VideoCapture(str(shared_clip))
    for _ in range(150):  # the man walking, side on
        ok, frame = capture.read()
    assert ok
    image = cv2.cvtColor(cv2.resize(frame, (884, 497)), cv2.COLOR_BGR2RGB)
    with quiet_native_stderr():
        pose = BlazePose(model)
    frame_seen = pose.landmarks(image)
    pose.close()
    assert frame_seen is not None and len(frame_seen.landmarks) == 33
    hip, shoulder = frame_seen.landmarks["left_hip"], frame_seen.landmarks["left_shoulder"]
    assert 0 <= hip.x < 884 and 0 <= shoulder.y < hip.y < 497
    assert hip.visibility > 0.5
    assert frame_seen.back_outline is not None and len(frame_seen.back_outline) >= 8
