"""Plane geometry on (n, 2) arrays of image points (x right, y down), in degrees.

NaN in, NaN out: a frame without the points gives no angle.
"""

from __future__ import annotations

import numpy as np


def joint_angle(a: np.ndarray, joint: np.ndarray, c: np.ndarray) -> np.ndarray:
    """The angle at ``joint`` between the segments to ``a`` and to ``c``: 180 straight."""
    u = a - joint
    v = c - joint
    dot = (u * v).sum(axis=-1)
    cross = u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0]
    return np.degrees(np.abs(np.arctan2(cross, dot)))


def tilt(lower: np.ndarray, upper: np.ndarray, facing: float) -> np.ndarray:
    """Signed angle of the segment ``lower`` -> ``upper`` from the vertical: 0 upright,
    positive when ``upper`` is ahead of ``lower`` (toward where the person faces,
    ``facing`` = +1 for image right, -1 for image left)."""
    d = upper - lower
    return np.degrees(np.arctan2(facing * d[..., 0], -d[..., 1]))


def distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.hypot(*(a - b).T)


def ahead(point: np.ndarray, origin: np.ndarray, facing: float) -> np.ndarray:
    """How far ``point`` is ahead of ``origin`` horizontally (pixels; negative = behind)."""
    return facing * (point[..., 0] - origin[..., 0])


def height_above(point: np.ndarray, origin: np.ndarray) -> np.ndarray:
    """How far ``point`` is above ``origin`` (pixels; image y grows downward)."""
    return origin[..., 1] - point[..., 1]
