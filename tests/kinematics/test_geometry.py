"""Angles of known geometry, in image coordinates (y grows downward)."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.core.kinematics.geometry import ahead, distance, height_above, joint_angle, tilt


def pts(*xy: tuple[float, float]) -> np.ndarray:
    return np.array(xy, dtype=float)


def test_a_straight_limb_is_180_degrees():
    assert joint_angle(pts((0, 0)), pts((0, 10)), pts((0, 20))) == pytest.approx([180.0])


def test_a_right_angle_is_90_degrees_whichever_way_it_bends():
    a, joint = pts((0, 0), (0, 0)), pts((0, 10), (0, 10))
    c = pts((10, 10), (-10, 10))
    assert joint_angle(a, joint, c) == pytest.approx([90.0, 90.0])


def test_a_45_degree_bend_reads_135():
    angle = joint_angle(pts((0, -10)), pts((0, 0)), pts((10, 10)))
    assert angle == pytest.approx([135.0])


def test_tilt_is_zero_upright_and_positive_leaning_toward_the_facing_side():
    hip, upright = pts((100, 100)), pts((100, 0))
    forward_right = pts((100 + 100 * np.sin(np.radians(30)), 100 - 100 * np.cos(np.radians(30))))
    assert tilt(hip, upright, facing=1) == pytest.approx([0.0])
    assert tilt(hip, forward_right, facing=1) == pytest.approx([30.0])
    assert tilt(hip, forward_right, facing=-1) == pytest.approx([-30.0])


def test_a_trunk_flat_forward_is_90_degrees_from_vertical():
    assert tilt(pts((0, 0)), pts((-50, 0)), facing=-1) == pytest.approx([90.0])


def test_missing_points_give_nan_not_an_angle():
    angle = joint_angle(pts((np.nan, 0)), pts((0, 10)), pts((0, 20)))
    assert np.isnan(angle).all()


def test_distances_heights_and_ahead_follow_the_image_axes():
    assert distance(pts((0, 0)), pts((3, 4))) == pytest.approx([5.0])
    assert height_above(pts((0, 50)), pts((0, 80))) == pytest.approx([30.0])
    assert ahead(pts((120, 0)), pts((100, 0)), facing=1) == pytest.approx([20.0])
    assert ahead(pts((120, 0)), pts((100, 0)), facing=-1) == pytest.approx([-20.0])
