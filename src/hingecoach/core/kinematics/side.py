"""Which way the person faces, which side is toward the camera, and is it a side view.

Decided once per clip from every frame together, so one bad frame cannot flip it.
"""

from __future__ import annotations

import numpy as np

from hingecoach.core.kinematics.arrays import TrackArrays
from hingecoach.core.kinematics.geometry import distance
from hingecoach.core.kinematics.numeric import Floats
from hingecoach.core.kinematics.track import SIDES


def facing(arrays: TrackArrays, min_visibility: float) -> float:
    """+1 if the person faces image right, -1 if image left, 0 if it cannot be told.

    Votes: toes ahead of heels (both feet), then the nose ahead of the shoulders.
    """
    votes = []
    for side in SIDES:
        toe = arrays.seen(f"{side}_foot_index", min_visibility)
        heel = arrays.seen(f"{side}_heel", min_visibility)
        votes.append(_median(toe[:, 0] - heel[:, 0]))
    nose = arrays.seen("nose", min_visibility)
    shoulders = _mid(arrays, "shoulder", min_visibility)
    feet = np.nansum(votes) if np.isfinite(votes).any() else 0.0
    head = _median(nose[:, 0] - shoulders[:, 0])
    vote = feet if abs(feet) > 0 else (head if np.isfinite(head) else 0.0)
    return float(np.sign(vote))


def camera_side(facing_sign: float) -> str | None:
    """The side of the body toward the camera, which a side view ties to the facing: a
    person facing image left shows the camera their left side. Not from which chain of
    landmarks the model is surer of: a plate or the far leg can hide the near knee for
    long stretches. None when the facing cannot be told."""
    if facing_sign == 0:
        return None
    return "left" if facing_sign < 0 else "right"


def width_ratio(arrays: TrackArrays) -> float:
    """Median of (shoulder width + hip width across the image) / (2 x trunk length).

    Near 0 from the side, where left and right points overlap; about 0.7 from the
    front or back. Read from every position the model gives, however sure it is (the
    hidden side of a side view is still placed about right). NaN without the points.
    """
    sh = [arrays.xy[f"{s}_shoulder"] for s in SIDES]
    hp = [arrays.xy[f"{s}_hip"] for s in SIDES]
    across = np.abs(sh[0][:, 0] - sh[1][:, 0]) + np.abs(hp[0][:, 0] - hp[1][:, 0])
    trunk = distance((sh[0] + sh[1]) / 2, (hp[0] + hp[1]) / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _median(across / (2 * trunk))


def _mid(arrays: TrackArrays, part: str, min_visibility: float) -> Floats:
    left, right = (arrays.seen(f"{s}_{part}", min_visibility) for s in SIDES)
    return np.where(np.isnan(left), right, np.where(np.isnan(right), left, (left + right) / 2))


def _median(values: Floats) -> float:
    values = values[np.isfinite(values)]
    return float(np.median(values)) if len(values) else float("nan")
