"""The one test collected when the video dependencies are missing: it says so."""

from __future__ import annotations

import pytest

from .conftest import MISSING, SKIP_REASON


def test_the_video_dependencies_and_the_bundled_pose_models_are_installed():
    if MISSING:
        pytest.skip(SKIP_REASON)
    from hingecoach.video.blazepose.models import DETECTOR, LANDMARK_MODELS, model_path

    for name in (DETECTOR, *LANDMARK_MODELS.values()):
        assert model_path(name).stat().st_size > 1_000_000
