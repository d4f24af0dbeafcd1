"""The region of interest: a rotated square of the image that the landmark model sees.

From two alignment points (the detector's mid-hip and its full-body point, or the
landmark model's two auxiliary points in the previous frame): the centre is the first
point, the side twice their distance widened by ``MARGIN``, and the rotation turns the
vector from the first point to the second upright (MediaPipe's alignment-points rule
with a target angle of 90 degrees, then a square of the long side scaled by 1.25).

Everything here is in image pixels; ``crop_matrix`` maps the model's input pixels to the
image, so the crop, the landmarks and the mask all use one transform.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MARGIN = 1.25
TARGET_ANGLE = math.pi / 2


@dataclass(frozen=True)
class Roi:
    """``centre`` (x, y) and ``side`` in image pixels; ``rotation`` in radians, positive
    when the person's up points to the right of the image's up."""

    centre: tuple[float, float]
    side: float
    rotation: float


def normalized_angle(angle: float) -> float:
    """``angle`` in [-pi, pi)."""
    return angle - 2 * math.pi * math.floor((angle + math.pi) / (2 * math.pi))


def roi_from_points(centre: np.ndarray, toward: np.ndarray, margin: float = MARGIN) -> Roi:
    """The region around ``centre`` whose up points from ``centre`` to ``toward``."""
    dx, dy = (float(v) for v in np.asarray(toward) - np.asarray(centre))
    rotation = normalized_angle(TARGET_ANGLE - math.atan2(-dy, dx))
    side = 2.0 * math.hypot(dx, dy) * margin
    return Roi((float(centre[0]), float(centre[1])), side, rotation)


def crop_matrix(roi: Roi, size: int) -> np.ndarray:
    """2x3 affine map from a ``size`` x ``size`` crop's pixels to the image's pixels."""
    scale = roi.side / size
    cos, sin = math.cos(roi.rotation) * scale, math.sin(roi.rotation) * scale
    half = size / 2.0
    cx, cy = roi.centre
    return np.array(
        [[cos, -sin, cx - cos * half + sin * half], [sin, cos, cy - sin * half - cos * half]]
    )


def to_image(points: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """(n, 2) crop pixels through ``matrix`` to image pixels."""
    return np.asarray(points, dtype=float) @ matrix[:, :2].T + matrix[:, 2]


def inverse(matrix: np.ndarray) -> np.ndarray:
    """The 2x3 affine map undoing ``matrix``."""
    return np.linalg.inv(np.vstack([matrix, [0.0, 0.0, 1.0]]))[:2]


def to_crop(points: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """(n, 2) image pixels back to crop pixels (the inverse of ``to_image``)."""
    return to_image(points, inverse(matrix))
