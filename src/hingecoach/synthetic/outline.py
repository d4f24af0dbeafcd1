"""The back's outline between hip and shoulder, as a segmentation mask's edge would give.

In the trunk's frame (``u`` from hip to shoulder, ``v`` toward the back, both in trunk
lengths) the surface stands ``back_depth`` behind the hip-shoulder line, plus a lower
half shaped ``lumbar * sin(pi * u / 0.5)`` (negative: the hollow of the lordosis,
positive: rounded) and an upper half bulging ``kyphosis * sin(pi * (u - 0.5) / 0.5)``.
A sine, not the detector's parabola, so the detector's fit is not exact by construction.
"""

from __future__ import annotations

import numpy as np

from hingecoach.synthetic.body import Body

POINTS = 24


def outline_world(body: Body, hip: np.ndarray, lean: np.ndarray, lumbar: np.ndarray,
                  kyphosis: float) -> np.ndarray:
    """(frames, POINTS, 2) outline points in metres (x forward, y up)."""
    u = np.linspace(0.0, 1.0, POINTS)
    depth = body.back_depth[0] + (body.back_depth[1] - body.back_depth[0]) * u
    lower = np.where(u <= 0.5, np.sin(np.pi * u / 0.5), 0.0)
    upper = np.where(u > 0.5, kyphosis * np.sin(np.pi * (u - 0.5) / 0.5), 0.0)
    v = depth + upper + lumbar[:, None] * lower
    rad = np.radians(lean)[:, None]
    along = np.stack([np.sin(rad), np.cos(rad)], axis=-1)
    backward = np.stack([-np.cos(rad), np.sin(rad)], axis=-1)
    offset = u[None, :, None] * along + v[:, :, None] * backward
    return hip[:, None, :] + body.trunk * offset
