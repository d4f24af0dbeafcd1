"""Which way the person faces, which side is toward the camera, side view or not."""

from __future__ import annotations

import pytest

from hingecoach.core.kinematics.arrays import track_arrays
from hingecoach.core.kinematics.side import camera_side, facing, width_ratio
from kinematics.builders import figure, frame, front_frame, track


def arrays(frames):
    return track_arrays(track(frames))


@pytest.mark.parametrize("sign", [1, -1])
def test_facing_follows_the_toes(sign):
    assert facing(arrays([frame(figure(), sign)] * 10), 0.5) == sign


@pytest.mark.parametrize(("sign", "side"), [(1, "right"), (-1, "left")])
@pytest.mark.parametrize("far_visibility", [0.3, 0.95])
def test_the_side_toward_the_camera_follows_the_facing(sign, side, far_visibility):
    a = arrays([frame(figure(40), sign, far_visibility=far_visibility)] * 10)
    assert camera_side(facing(a, 0.5)) == side


def test_a_near_leg_hidden_behind_a_plate_does_not_swap_the_side():
    """The model is surer of the far leg than of the near one for the whole clip."""
    a = arrays([frame(figure(40), 1, far_visibility=0.8, near_visibility=0.6)] * 20)
    assert camera_side(facing(a, 0.5)) == "right"


def test_a_side_view_has_left_and_right_points_nearly_on_top_of_each_other():
    assert width_ratio(arrays([frame(figure())] * 5)) < 0.1


def test_a_front_view_is_wide():
    assert width_ratio(arrays([front_frame()] * 5)) > 0.5
