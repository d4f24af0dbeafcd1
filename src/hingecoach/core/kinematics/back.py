"""The shape of the lower back from the back's outline (lumbar-flexion, lumbar-extension).

Joint points alone cannot show a rounded or over-arched back: the shoulder-hip line stays
straight whatever the spine does. The pose adapter may give the back's outline (for
example the silhouette edge of the segmentation mask between shoulder and hip). Each
outline point is put in the trunk's own frame: ``u`` along the hip -> shoulder chord
(0 at the hip, 1 at the shoulder) and ``v`` across it, positive toward the back, both in
chord lengths.

The lumbar stretch of the outline (``u`` from ``lumbar_from`` to ``lumbar_to``: above the
buttocks and the sacrum, below the ribs) is fitted with a parabola, and its **bend** is
how far the surface's direction turns from the stretch's lower end to its upper end, in
degrees: positive when the lower back bulges backward (rounded), negative when it is
hollow (the lordosis). Offsets and tilts of the outline drop out of the fit, so the bend
does not care where the hip landmark sits across the body. Clothing, build and how the
mask is cut all add their own constant share to the bend, which is why the faults read
its change from the person's own standing shape, never its absolute value.
"""

from __future__ import annotations

import numpy as np

from hingecoach.core.kinematics.numeric import Floats, Mask

MIN_POINTS = 4
MIN_SPREAD = 0.5  # the points must cover at least half the stretch


def lumbar_bend(
    outlines: list[Floats | None],
    hip: Floats,
    shoulder: Floats,
    facing: float,
    stretch: tuple[float, float],
) -> Floats:
    """Per frame, the lumbar bend in degrees (NaN without a usable outline)."""
    out = np.full(len(outlines), np.nan)
    frames = [i for i, pts in enumerate(outlines) if pts is not None]
    if not frames:
        return out
    seen = [pts for pts in outlines if pts is not None]
    width = max(len(pts) for pts in seen)
    points = np.full((len(frames), width, 2), np.nan)
    for row, pts in enumerate(seen):
        points[row, : len(pts)] = pts
    out[frames] = bends(
        points, hip[frames], steady_shoulder(hip[frames], shoulder[frames]), facing, stretch
    )
    return out


def steady_shoulder(hip: Floats, shoulder: Floats) -> Floats:
    """The shoulder moved along the chord to the clip's median chord length: the lumbar
    stretch is a fixed stretch of the spine, but the shoulder point wanders along the
    trunk as the shoulder blades move (and as the model's guess of it moves) when the
    trunk leans, so a window sized by each frame's chord slid toward the buttocks and
    read their curve as a rounder back."""
    chord = shoulder - hip
    length = np.hypot(chord[:, 0], chord[:, 1])
    steady = np.nanmedian(length) if np.isfinite(length).any() else np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        moved: Floats = hip + chord * (steady / length)[:, None]
    return moved


def bends(
    points: Floats, hip: Floats, shoulder: Floats, facing: float, stretch: tuple[float, float]
) -> Floats:
    """(frames, points, 2) outlines (NaN-padded) -> (frames,) lumbar bends in degrees."""
    u, v = _trunk_frame(points, hip, shoulder, facing)
    low, high = stretch
    span = high - low
    keep = np.isfinite(u) & np.isfinite(v) & (u >= low) & (u <= high)
    x = np.where(keep, (u - low) / span, 0.0)
    coef, ok = _weighted_parabola(x, np.where(keep, v, 0.0), keep)
    out = np.full(len(points), np.nan)
    c1, c2 = coef[ok, 1], coef[ok, 2]
    out[ok] = np.degrees(np.arctan(c1 / span) - np.arctan((c1 + 2 * c2) / span))
    return out


def _trunk_frame(
    points: Floats, hip: Floats, shoulder: Floats, facing: float
) -> tuple[Floats, Floats]:
    chord = shoulder - hip
    length = np.hypot(chord[:, 0], chord[:, 1])[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        along = chord / length
        rel = (points - hip[:, None, :]) / length[:, :, None]
    backward = facing * np.stack([along[:, 1], -along[:, 0]], axis=-1)
    return (rel * along[:, None, :]).sum(axis=-1), (rel * backward[:, None, :]).sum(axis=-1)


def _weighted_parabola(x: Floats, v: Floats, keep: Mask) -> tuple[Floats, Mask]:
    """Least squares ``v = c0 + c1*x + c2*x**2`` per row over the kept points; returns the
    coefficients of the rows that had enough points spread far enough, and that mask."""
    w = keep.astype(float)
    m = [(w * x**k).sum(axis=1) for k in range(5)]
    normal = np.stack([np.stack(m[r : r + 3], axis=-1) for r in range(3)], axis=1)
    rhs = np.stack([(w * x**k * v).sum(axis=1) for k in range(3)], axis=-1)
    spread = np.where(keep, x, -np.inf).max(axis=1) - np.where(keep, x, np.inf).min(axis=1)
    ok = (keep.sum(axis=1) >= MIN_POINTS) & (spread >= MIN_SPREAD)
    coef = np.zeros((len(x), 3))
    if ok.any():
        coef[ok] = np.linalg.solve(normal[ok], rhs[ok][..., None])[..., 0]
    return coef, ok
