"""Plane geometry on (n, 2) arrays of image points (x right, y down), in degrees.

NaN in, NaN out: a frame without the points gives no angle.
"""

from __future__ import annotations

import numpy as np

from hingecoach.core.kinematics.numeric import Floats


def joint_angle(a: Floats, joint: Floats, c: Floats) -> Floats:
    """The angle at ``joint`` between the segments to ``a`` and to ``c``: 180 straight."""
    u = a - joint
    v = c - joint
    dot: Floats = (u * v).sum(axis=-1)
    cross = u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0]
    return np.degrees(np.abs(np.arctan2(cross, dot)))


def tilt(lower: Floats, upper: Floats, facing: float) -> Floats:
    """Signed angle of the segment ``lower`` -> ``upper`` from the vertical: 0 upright,
    positive when ``upper`` is ahead of ``lower`` (toward where the person faces,
    ``facing`` = +1 for image right, -1 for image left)."""
    d = upper - lower
    return np.degrees(np.arctan2(facing * d[..., 0], -d[..., 1]))


def distance(a: Floats, b: Floats) -> Floats:
    apart: Floats = np.hypot(*(a - b).T)
    return apart


def ahead(point: Floats, origin: Floats, facing: float) -> Floats:
    """How far ``point`` is ahead of ``origin`` horizontally (pixels; negative = behind)."""
    return facing * (point[..., 0] - origin[..., 0])


def height_above(point: Floats, origin: Floats) -> Floats:
    """How far ``point`` is above ``origin`` (pixels; image y grows downward)."""
    return origin[..., 1] - point[..., 1]
