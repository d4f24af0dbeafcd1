"""The shape of the lower back from the back's outline (lumbar-flexion, lumbar-extension).

Joint points alone cannot show a rounded or over-arched back: the shoulder-hip line stays
straight whatever the spine does. The pose adapter may give the back's outline (for
example the silhouette edge of the segmentation mask between shoulder and hip). Each
outline point is put in the trunk's own frame: ``u`` along the hip -> shoulder chord
(0 at the hip, 1 at the shoulder) and ``v`` across it, positive toward the back, both in
chord lengths. The lumbar half (u from 0 to 0.5) is fitted with a parabola
``v = c0 + c1*x + c2*x**2`` (x = u / 0.5); its sagitta ``-c2 / 4`` is how far the middle of
the lower back stands off the straight line through its ends: positive when the lower back
bulges backward (rounded, flexion), negative when it is hollow (the normal lordosis, and
more so when over-arched). Offsets and tilts of the outline drop out with c0 and c1.
"""

from __future__ import annotations

import numpy as np

LUMBAR_END = 0.5
MIN_POINTS = 4


def lumbar_sagitta(outlines: list[np.ndarray | None], hip: np.ndarray, shoulder: np.ndarray,
                   facing: float) -> np.ndarray:
    """Per frame, the lumbar sagitta in chord lengths (NaN without a usable outline)."""
    out = np.full(len(outlines), np.nan)
    frames = [i for i, pts in enumerate(outlines) if pts is not None]
    if not frames:
        return out
    width = max(len(outlines[i]) for i in frames)
    points = np.full((len(frames), width, 2), np.nan)
    for row, i in enumerate(frames):
        points[row, : len(outlines[i])] = outlines[i]
    out[frames] = sagittas(points, hip[frames], shoulder[frames], facing)
    return out


def sagittas(points: np.ndarray, hip: np.ndarray, shoulder: np.ndarray,
             facing: float) -> np.ndarray:
    """(frames, points, 2) outlines (NaN-padded) -> (frames,) lumbar sagittas."""
    chord = shoulder - hip
    length = np.hypot(chord[:, 0], chord[:, 1])[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        along = chord / length
        rel = (points - hip[:, None, :]) / length[:, :, None]
    backward = facing * np.stack([along[:, 1], -along[:, 0]], axis=-1)
    u = (rel * along[:, None, :]).sum(axis=-1)
    v = (rel * backward[:, None, :]).sum(axis=-1)
    keep = np.isfinite(u) & np.isfinite(v) & (u >= 0) & (u <= LUMBAR_END)
    x = np.where(keep, u / LUMBAR_END, 0.0)
    v = np.where(keep, v, 0.0)
    w = keep.astype(float)
    m = [(w * x**k).sum(axis=1) for k in range(5)]
    normal = np.stack([np.stack(m[r: r + 3], axis=-1) for r in range(3)], axis=1)
    rhs = np.stack([(w * x**k * v).sum(axis=1) for k in range(3)], axis=-1)
    spread = np.where(keep, x, -np.inf).max(axis=1) - np.where(keep, x, np.inf).min(axis=1)
    ok = (keep.sum(axis=1) >= MIN_POINTS) & (spread >= 0.5)
    out = np.full(len(points), np.nan)
    if ok.any():
        coef = np.linalg.solve(normal[ok], rhs[ok][..., None])[..., 0]
        out[ok] = -coef[:, 2] / 4
    return out
