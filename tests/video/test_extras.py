"""The one test collected when the video extras are missing: it says so."""

from __future__ import annotations

import pytest

from .conftest import MISSING, SKIP_REASON


def test_the_video_extras_and_the_bundled_pose_model_are_installed():
    if MISSING:
        pytest.skip(SKIP_REASON)
    from hingecoach.video.pose_backend import MODEL_FILES, mediapipe_model_dir

    root = mediapipe_model_dir()
    assert all((root / name).is_file() for name in MODEL_FILES)
