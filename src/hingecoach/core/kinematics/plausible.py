"""Frames where the pose model put the body where it cannot be.

Seen from the side, a trunk, a thigh, a shin and a foot keep their length in the picture
while a person hinges, squats, walks or jumps: they swing in the plane the camera looks
at. When the model puts a foot on someone walking behind, or guesses at a leg hidden by
a plate, a leg's lengths jump: that leg's points below the hip are taken as not seen in
that frame, so that the frame is bridged or left out instead of read as a moving foot.
When the trunk itself shrinks or stretches (the model drawing a whole skeleton over a
person only partly in view), nothing in the frame is trusted. A trunk does shorten in the
picture as it leans (the shoulders round toward the camera, the hip point slides), so
it is judged against frames that lean about as far, never against the whole clip: a
lifter who spends most of a set at the bottom must keep the frames where they stand.

A lifter standing or hinging keeps the shoulders above or beside the hips, leans back
only a little, and keeps the knee below the hip and above the ankle: a skeleton turned
upside down or lying back (the model fitting a drawn figure, say) is not them, and
nothing of such a frame is trusted; a leg bent where no leg bends is not seen.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from hingecoach.core.kinematics.arrays import TrackArrays
from hingecoach.core.kinematics.geometry import distance, tilt
from hingecoach.core.kinematics.numeric import Floats, Mask
from hingecoach.core.kinematics.smoothing import running_median
from hingecoach.core.kinematics.thresholds import Tracking

# Each leg segment, and the points not trusted when its length is off: the segment's
# lower end and everything hanging below it. A foot of the wrong length distrusts the
# ankle too: the model moves the three foot points together (onto a passer-by's feet).
LEG_SEGMENTS = (
    (("hip", "knee"), ("knee", "ankle", "heel", "foot_index")),
    (("knee", "ankle"), ("ankle", "heel", "foot_index")),
    (("heel", "foot_index"), ("ankle", "heel", "foot_index")),
)
BELOW_HIP = ("knee", "ankle", "heel", "foot_index")


def off_length(
    arrays: TrackArrays, a: str, b: str, most_change: float, min_visibility: float
) -> Mask:
    """Per frame: is the segment from ``a`` to ``b`` longer or shorter than its median
    over the clip by more than ``most_change`` (a share of that median)?"""
    length = distance(arrays.seen(a, min_visibility), arrays.seen(b, min_visibility))
    typical = np.nanmedian(length) if np.isfinite(length).any() else 0.0
    if not typical > 0:
        return np.zeros(arrays.frames, dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.abs(length / typical - 1.0) > most_change


def spikes(points: Floats, most: float) -> Mask:
    """Per frame: is the point more than ``most`` pixels from where it was seen just
    before and just after, while those two lie within ``most`` of each other? A body
    does not go somewhere and come straight back between two frames; a pose model
    that put the point on something else for a frame (a drawn figure, a passer-by) does."""
    out = np.zeros(len(points), dtype=bool)
    seen = np.flatnonzero(np.isfinite(points).all(axis=1))
    if len(seen) < 3:
        return out
    before, here, after = points[seen[:-2]], points[seen[1:-1]], points[seen[2:]]
    away = np.minimum(distance(here, before), distance(here, after))
    out[seen[1:-1]] = (away > most) & (distance(before, after) <= most)
    return out


def without_spikes(arrays: TrackArrays, side: str, tracking: Tracking) -> TrackArrays:
    """The near side's points unseen in the frames where each one spikes (``spikes``,
    ``max_jump_trunk`` trunk lengths)."""
    seen = tracking.min_visibility
    trunk = distance(arrays.seen(f"{side}_shoulder", seen), arrays.seen(f"{side}_hip", seen))
    if not np.isfinite(trunk).any():
        return arrays
    most = tracking.max_jump_trunk * float(np.nanmedian(trunk))
    vis = dict(arrays.vis)
    for name in [n for n in arrays.vis if n.startswith(side)]:
        vis[name] = np.where(spikes(arrays.seen(name, seen), most), 0.0, vis[name])
    return replace(arrays, vis=vis)


def off_trunk(
    arrays: TrackArrays, side: str, facing: float, frames: int, tracking: Tracking
) -> Mask:
    """Per frame: is the trunk (hip to shoulder) longer or shorter by more than
    ``max_trunk_change`` than the median of the ``frames`` frames whose trunk leans
    nearest its own? How long the lifter stays at any lean does not move the yardstick
    of another."""
    seen = tracking.min_visibility
    hip, shoulder = arrays.seen(f"{side}_hip", seen), arrays.seen(f"{side}_shoulder", seen)
    length = distance(shoulder, hip)
    known = np.flatnonzero(np.isfinite(length))
    out = np.zeros(arrays.frames, dtype=bool)
    if len(known) == 0:
        return out
    order = known[np.argsort(tilt(hip, shoulder, facing)[known], kind="stable")]
    typical = np.full(arrays.frames, np.nan)
    typical[order] = running_median(length[order], max(frames, 3))
    with np.errstate(invalid="ignore", divide="ignore"):
        out[known] = np.abs(length[known] / typical[known] - 1.0) > tracking.max_trunk_change
    return out


def impossible_trunk(arrays: TrackArrays, side: str, facing: float, tracking: Tracking) -> Mask:
    """Per frame: does the trunk lean forward past ``max_trunk_forward_deg`` or back past
    ``max_trunk_back_deg`` from vertical? No lifter standing or hinging does."""
    seen = tracking.min_visibility
    lean = tilt(arrays.seen(f"{side}_hip", seen), arrays.seen(f"{side}_shoulder", seen), facing)
    with np.errstate(invalid="ignore"):
        return (lean > tracking.max_trunk_forward_deg) | (lean < -tracking.max_trunk_back_deg)


def impossible_leg(arrays: TrackArrays, side: str, tracking: Tracking) -> TrackArrays:
    """The track with the knee and below unseen where the thigh points more than
    ``max_thigh_deg`` from straight down (the knee above the hip), and the ankle and
    below where the shin leans more than ``max_shin_deg`` from vertical (the knee level
    with the ankle or under it)."""
    seen = tracking.min_visibility
    hip, knee, ankle = (arrays.seen(f"{side}_{p}", seen) for p in ("hip", "knee", "ankle"))
    with np.errstate(invalid="ignore"):
        thigh = np.abs(tilt(knee, hip, 1.0)) > tracking.max_thigh_deg
        shin = np.abs(tilt(ankle, knee, 1.0)) > tracking.max_shin_deg
    arrays = without_leg(arrays, side, thigh)
    return without_leg(arrays, side, shin, ("ankle", "heel", "foot_index"))


def plausible(
    arrays: TrackArrays, side: str, tracking: Tracking, *, facing: float, fps: float
) -> TrackArrays:
    """The track without the near side's one-frame spikes, with a misplaced or
    impossibly bent segment's lower points unseen (``LEG_SEGMENTS``,
    ``impossible_leg``), and every point unseen where the trunk is misplaced or
    impossibly tilted. ``facing``: +1 the person faces image right, -1 left."""
    seen = tracking.min_visibility
    arrays = without_spikes(arrays, side, tracking)
    for (a, b), below in LEG_SEGMENTS:
        off = off_length(arrays, f"{side}_{a}", f"{side}_{b}", tracking.max_segment_change, seen)
        arrays = without_leg(arrays, side, off, below)
    arrays = impossible_leg(arrays, side, tracking)
    # The impossible frames go first, so that they cannot lend their trunk's length to
    # the frames whose lean is nearest theirs.
    upside_down = impossible_trunk(arrays, side, facing, tracking)
    arrays = unseen(arrays, upside_down)
    frames = round(tracking.trunk_reference_s * fps)
    return unseen(arrays, off_trunk(arrays, side, facing, frames, tracking))


def unseen(arrays: TrackArrays, frames: Mask) -> TrackArrays:
    """The track with every point and the back outline unseen in ``frames`` (a mask)."""
    if not frames.any():
        return arrays
    vis = {name: np.where(frames, 0.0, v) for name, v in arrays.vis.items()}
    outlines = [
        None if off else outline for off, outline in zip(frames, arrays.outlines, strict=True)
    ]
    return replace(arrays, vis=vis, outlines=outlines)


def without_leg(
    arrays: TrackArrays, side: str, frames: Mask, parts: tuple[str, ...] = BELOW_HIP
) -> TrackArrays:
    """The track with the near leg's ``parts`` (default: all below the hip) unseen in
    ``frames`` (a mask)."""
    if not frames.any():
        return arrays
    vis = dict(arrays.vis)
    for part in parts:
        vis[f"{side}_{part}"] = np.where(frames, 0.0, vis[f"{side}_{part}"])
    return replace(arrays, vis=vis)
