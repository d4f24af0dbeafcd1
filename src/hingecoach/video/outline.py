"""The outline of the back from a person segmentation mask (``Frame.back_outline``).

At ``STATIONS`` points along the hip -> shoulder chord a ray is cast across the chord,
toward the person's back, and the mask's edge is found where the mask value falls
through one half (interpolated between samples, so the edge is sub-pixel). The points
are in the mask's pixels, from hip level to shoulder level, like the generator's
outline that the kinematics were tuned on (``hingecoach.synthetic.outline``).

Which way is "back" needs which way the person faces: ``frame_facing`` votes with the
toes against the heels, then the nose against the shoulders. The pipeline later checks
every outline against the facing chosen once for the whole clip (``behind_chord``).
"""

from __future__ import annotations

from collections.abc import Mapping

import cv2
import numpy as np

from hingecoach.core.kinematics import Landmark

STATIONS = 40
REACH = 0.6  # how far behind the chord to look for the edge, in chord lengths
SAMPLE_PX = 1.5
MIN_POINTS = 8
MIN_CHORD_PX = 12.0
EDGE = 0.5


def trunk_chord(
    landmarks: Mapping[str, Landmark],
    min_visibility: float,
) -> tuple[np.ndarray, np.ndarray] | None:
    """(hip, shoulder) points: the mean of left and right where both are seen (the body's
    middle plane), else the side that is seen; None when neither is."""
    ends = []
    for part in ("hip", "shoulder"):
        seen = [
            np.array(landmarks[f"{side}_{part}"][:2])
            for side in ("left", "right")
            if f"{side}_{part}" in landmarks
            and landmarks[f"{side}_{part}"].visibility >= min_visibility
        ]
        if not seen:
            return None
        ends.append(np.mean(seen, axis=0))
    return ends[0], ends[1]


def frame_facing(landmarks: Mapping[str, Landmark], min_visibility: float) -> float:
    """+1 facing image right, -1 image left, 0 unknown, from this frame alone."""

    def seen(name: str) -> Landmark | None:
        mark = landmarks.get(name)
        return mark if mark is not None and mark.visibility >= min_visibility else None

    feet = 0.0
    for side in ("left", "right"):
        toe, heel = seen(f"{side}_foot_index"), seen(f"{side}_heel")
        if toe and heel:
            feet += toe.x - heel.x
    if feet:
        return float(np.sign(feet))
    nose = seen("nose")
    shoulders = [m.x for m in (seen("left_shoulder"), seen("right_shoulder")) if m]
    if nose and shoulders:
        return float(np.sign(nose.x - np.mean(shoulders)))
    return 0.0


def backward_normal(hip: np.ndarray, shoulder: np.ndarray, facing: float) -> np.ndarray:
    """Unit vector across the chord toward the back (the kinematics' convention)."""
    along = (shoulder - hip) / np.hypot(*(shoulder - hip))
    return facing * np.array([along[1], -along[0]])


def back_edge(
    mask: np.ndarray,
    hip: np.ndarray,
    shoulder: np.ndarray,
    facing: float,
    to_mask: np.ndarray | None = None,
) -> np.ndarray | None:
    """(m, 2) points of the back's edge in the chord's pixels, or None if fewer than
    ``MIN_POINTS`` stations found one (chord outside the mask, edge out of reach).

    ``to_mask``: a 2x3 affine map from the chord's pixels to the mask's, for a mask
    that covers only part of the image (the landmark model's crop): the rays are
    sampled in the crop itself, never warped onto the whole image (0 outside it)."""
    length = float(np.hypot(*(shoulder - hip)))
    if facing == 0 or not np.isfinite(length) or length < MIN_CHORD_PX:
        return None
    normal = backward_normal(hip, shoulder, facing)
    steps = np.linspace(0.0, REACH * length, max(8, int(REACH * length / SAMPLE_PX)))
    base = hip + np.linspace(0.0, 1.0, STATIONS)[:, None] * (shoulder - hip)
    rays = base[:, None, :] + steps[None, :, None] * normal
    if to_mask is not None:
        rays = rays @ to_mask[:, :2].T + to_mask[:, 2]
    values = cv2.remap(
        mask.astype(np.float32, copy=False),
        rays[..., 0].astype(np.float32),
        rays[..., 1].astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=0.0,
    )
    depth = _edge_depth(values, steps)
    found = np.isfinite(depth)
    if found.sum() < MIN_POINTS:
        return None
    return base[found] + depth[found, None] * normal


def _edge_depth(values: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """Per ray, the distance at which the mask first falls through ``EDGE`` (NaN when the
    ray starts outside the person or never leaves them)."""
    inside = values >= EDGE
    leaves = ~inside
    first_out = np.argmax(leaves, axis=1)
    ok = inside[:, 0] & leaves.any(axis=1)
    rows = np.flatnonzero(ok)
    out = np.full(len(values), np.nan)
    j = first_out[rows]
    a, b = values[rows, j - 1], values[rows, j]
    share = np.clip((a - EDGE) / np.maximum(a - b, 1e-6), 0.0, 1.0)
    out[rows] = steps[j - 1] + share * (steps[j] - steps[j - 1])
    return out


def behind_chord(outline: np.ndarray, hip: np.ndarray, shoulder: np.ndarray, facing: float) -> bool:
    """Whether the outline lies on the back's side of the chord for ``facing``: an
    outline taken on the chest's side (a frame whose own facing vote was wrong) fails."""
    if facing == 0 or not np.isfinite(np.concatenate([hip, shoulder])).all():
        return False
    offsets = (outline - hip) @ backward_normal(hip, shoulder, facing)
    return bool(np.median(offsets) > 0)
