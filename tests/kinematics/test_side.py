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
def test_the_better_seen_side_is_the_side_toward_the_camera(sign, side):
    a = arrays([frame(figure(40), sign, far_visibility=0.3)] * 10)
    assert camera_side(a, facing(a, 0.5)) == side


@pytest.mark.parametrize(("sign", "side"), [(1, "right"), (-1, "left")])
def test_when_both_sides_are_seen_alike_the_facing_decides(sign, side):
    a = arrays([frame(figure(40), sign, far_visibility=0.95)] * 10)
    assert camera_side(a, facing(a, 0.5)) == side


def test_the_side_is_picked_once_for_the_whole_clip():
    frames = [frame(figure(), 1, far_visibility=0.3)] * 20
    frames += [frame(figure(), 1, far_visibility=0.99, near_visibility=0.9)] * 3
    a = arrays(frames)
    assert camera_side(a, facing(a, 0.5)) == "right"


def test_a_side_view_has_left_and_right_points_nearly_on_top_of_each_other():
    assert width_ratio(arrays([frame(figure())] * 5)) < 0.1


def test_a_front_view_is_wide():
    assert width_ratio(arrays([front_frame()] * 5)) > 0.5
