"""The back's outline between hip and shoulder, as a segmentation mask's edge would give.

In the trunk's frame (``u`` from hip to shoulder, ``v`` toward the back, both in trunk
lengths) the surface stands ``back_depth`` behind the hip-shoulder line, plus:

- the buttocks, standing out ``glutes`` at the hip joint's level and curving in to
  nothing at ``u = 0.22`` (the top of the sacrum);
- the lower back, a sine arch over ``u`` from 0.15 to 0.75 whose height is set so that
  the surface turns by the asked **bend** (degrees; negative hollow, positive rounded)
  between ``u = 0.25`` and ``u = 0.65``, the generator's own definition of the lumbar
  bend;
- the upper back bulging ``kyphosis * sin(pi * (u - 0.5) / 0.5)`` above the middle.

A sine, not the detector's parabola, and buttocks the detector has to leave out, so the
detector's reading is not exact by construction.
"""

from __future__ import annotations

import numpy as np

from hingecoach.synthetic.body import Body

POINTS = 32
LUMBAR = (0.15, 0.75)  # where the sine arch of the lower back runs
BEND_BETWEEN = (0.25, 0.65)  # where its bend is defined (symmetric inside the arch)
SACRUM_TOP = 0.22


def arch_height(bend_deg: np.ndarray) -> np.ndarray:
    """The sine arch's height (trunk lengths) whose tangent turns by ``bend_deg``
    between the ``BEND_BETWEEN`` points: slope there is +-height * k * cos(phase)."""
    start, end = LUMBAR
    k = np.pi / (end - start)
    phase = k * (BEND_BETWEEN[0] - start)
    return np.tan(np.radians(bend_deg) / 2) / (k * np.cos(phase))


def outline_world(
    body: Body, hip: np.ndarray, lean: np.ndarray, bend: np.ndarray, kyphosis: float
) -> np.ndarray:
    """(frames, POINTS, 2) outline points in metres (x forward, y up)."""
    u = np.linspace(0.0, 1.0, POINTS)
    depth = body.back_depth[0] + (body.back_depth[1] - body.back_depth[0]) * u
    glutes = np.where(u < SACRUM_TOP, body.glutes * np.cos(np.pi / 2 * u / SACRUM_TOP) ** 2, 0.0)
    start, end = LUMBAR
    lower = np.where((u >= start) & (u <= end), np.sin(np.pi * (u - start) / (end - start)), 0.0)
    upper = np.where(u > 0.5, kyphosis * np.sin(np.pi * (u - 0.5) / 0.5), 0.0)
    v = depth + glutes + upper + arch_height(bend)[:, None] * lower
    rad = np.radians(lean)[:, None]
    along = np.stack([np.sin(rad), np.cos(rad)], axis=-1)
    backward = np.stack([-np.cos(rad), np.sin(rad)], axis=-1)
    offset = u[None, :, None] * along + v[:, :, None] * backward
    return hip[:, None, :] + body.trunk * offset
