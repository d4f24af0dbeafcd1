"""Frames where the pose model put the body where it cannot be.

Seen from the side, a trunk, a thigh, a shin and a foot keep their length in the picture
while a person hinges, squats, walks or jumps: they swing in the plane the camera looks
at. When the model puts a foot on someone walking behind, or guesses at a leg hidden by
a plate, a leg's lengths jump: that leg's points below the hip are taken as not seen in
that frame, so that the frame is bridged or left out instead of read as a moving foot.
When the trunk itself shrinks or stretches (the model drawing a whole skeleton over a
person only partly in view), nothing in the frame is trusted.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from hingecoach.core.kinematics.arrays import TrackArrays
from hingecoach.core.kinematics.geometry import distance
from hingecoach.core.kinematics.thresholds import Tracking

LEG_SEGMENTS = (("hip", "knee"), ("knee", "ankle"), ("heel", "foot_index"))
BELOW_HIP = ("knee", "ankle", "heel", "foot_index")


def off_length(arrays: TrackArrays, a: str, b: str, most_change: float,
               min_visibility: float) -> np.ndarray:
    """Per frame: is the segment from ``a`` to ``b`` longer or shorter than its median
    over the clip by more than ``most_change`` (a share of that median)?"""
    length = distance(arrays.seen(a, min_visibility), arrays.seen(b, min_visibility))
    typical = np.nanmedian(length) if np.isfinite(length).any() else 0.0
    if not typical > 0:
        return np.zeros(arrays.frames, dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.abs(length / typical - 1.0) > most_change


def plausible(arrays: TrackArrays, side: str, tracking: Tracking) -> TrackArrays:
    """The track with the near leg below the hip unseen where the leg is misplaced, and
    every point unseen where the trunk is."""
    seen = tracking.min_visibility
    leg_off = np.zeros(arrays.frames, dtype=bool)
    for a, b in LEG_SEGMENTS:
        leg_off |= off_length(arrays, f"{side}_{a}", f"{side}_{b}",
                              tracking.max_segment_change, seen)
    body_off = off_length(arrays, f"{side}_shoulder", f"{side}_hip",
                          tracking.max_trunk_change, seen)
    if not body_off.any():
        return without_leg(arrays, side, leg_off)
    vis = {name: np.where(body_off, 0.0, v) for name, v in arrays.vis.items()}
    outlines = [None if off else outline
                for off, outline in zip(body_off, arrays.outlines, strict=True)]
    return without_leg(replace(arrays, vis=vis, outlines=outlines), side, leg_off)


def without_leg(arrays: TrackArrays, side: str, frames: np.ndarray) -> TrackArrays:
    """The track with the near leg below the hip unseen in ``frames`` (a mask)."""
    if not frames.any():
        return arrays
    vis = dict(arrays.vis)
    for part in BELOW_HIP:
        vis[f"{side}_{part}"] = np.where(frames, 0.0, vis[f"{side}_{part}"])
    return replace(arrays, vis=vis)
