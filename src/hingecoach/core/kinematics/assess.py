"""Can the clip, and each fault, support a verdict? Each check says why not, in words.

Clip-level checks (in order): frame rate, a person at all, darkness, enough frames with a
person, a side view, the body in frame. Fault-level: the back outline for the lumbar
faults, the feet for weight-forward and toes-lift (seen, and their heel and toe points
following the foot), and toes-lift for a person too small in the picture for its
threshold to clear what the foot points wander by.
"""

from __future__ import annotations

import numpy as np

from hingecoach.core.kinematics.arrays import TrackArrays
from hingecoach.core.kinematics.filming import (
    BACK_OUTLINE,
    FEET_NOT_VISIBLE,
    FOOT_POINTS_ADRIFT,
    TOO_SMALL,
)
from hingecoach.core.kinematics.numeric import Floats, Indices
from hingecoach.core.kinematics.side import width_ratio
from hingecoach.core.kinematics.smoothing import jump_scatter
from hingecoach.core.kinematics.thresholds import FaultId, VideoThresholds
from hingecoach.core.kinematics.track import ClipInfo

TRUNK = ("shoulder", "hip")
DEEP_SHARE = 0.75  # of the most the trunk leans: the bottom of the reps
LEGS = ("knee", "ankle")


def clip_problem(arrays: TrackArrays, clip: ClipInfo, th: VideoThresholds) -> str | None:
    rules = th.clip
    if clip.fps < rules.min_fps:
        return f"frame rate {clip.fps:g} fps is below the {rules.min_fps:g} fps needed"
    if not arrays.present.any():
        return "no person found in the clip"
    if clip.brightness is not None and clip.brightness < rules.min_brightness:
        return (
            f"clip too dark: mean brightness {clip.brightness:.2f}, "
            f"at least {rules.min_brightness:.2f} needed"
        )
    seen_s = arrays.present.sum() / clip.fps
    if seen_s < rules.min_person_s:
        return (
            f"too few frames: a person is seen in {int(arrays.present.sum())} frames "
            f"({seen_s:.2f} s), at least {rules.min_person_s:g} s needed"
        )
    ratio = width_ratio(arrays)
    if np.isfinite(ratio) and ratio > rules.front_view_width_ratio:
        return (
            "filmed from the front or back, not the side: the shoulders and hips are "
            f"{ratio:.2f} trunk lengths wide in the image "
            f"(a side view is under {rules.front_view_width_ratio:g})"
        )
    return None


def framing_problem(
    arrays: TrackArrays, side: str, clip: ClipInfo, th: VideoThresholds
) -> str | None:
    """The near side's shoulder and hip must be seen inside the image, and its knee
    and ankle placed inside it, in enough of the frames with a person. A knee or ankle
    the model places in the image but is unsure of is hidden (a bar, plates), not out
    of frame: the reps are then followed by the trunk and each fault that needs the
    legs says whether it could be read."""
    shares = {
        part: in_frame_share(arrays, f"{side}_{part}", clip, th.tracking.min_visibility)
        for part in TRUNK
    }
    shares |= {part: in_frame_share(arrays, f"{side}_{part}", clip, 0.0) for part in LEGS}
    worst = min(shares, key=shares.__getitem__)
    if shares[worst] >= th.clip.min_in_frame_share:
        return None
    how = "out of frame or hidden" if worst in TRUNK else "out of frame"
    return (
        f"too little of the body in frame: the {side} {worst} is {how} "
        f"in {1 - shares[worst]:.0%} of the frames with a person "
        f"(at most {1 - th.clip.min_in_frame_share:.0%} allowed)"
    )


def in_frame_share(arrays: TrackArrays, name: str, clip: ClipInfo, min_vis: float) -> float:
    """The share of frames with a person in which ``name`` lies inside the image with
    at least ``min_vis`` visibility."""
    xy = arrays.xy[name][arrays.present]
    if len(xy) == 0:
        return 0.0
    inside = (
        (xy[:, 0] >= 0) & (xy[:, 0] <= clip.width) & (xy[:, 1] >= 0) & (xy[:, 1] <= clip.height)
    )
    return float((inside & (arrays.vis[name][arrays.present] >= min_vis)).mean())


def fault_gaps(
    arrays: TrackArrays, side: str, frames: Indices, lumbar_raw: Floats, th: VideoThresholds
) -> dict[FaultId, str]:
    """Faults the clip cannot judge, with why; ``frames``: the frames that matter
    (the reps' frames, or every frame with a person when there is no rep);
    ``lumbar_raw``: the lower back's bend per frame, before any smoothing."""
    gaps: dict[FaultId, str] = {}
    outline = _outline_gap(arrays, frames, th.clip.min_outline_share) or _outline_scatter_gap(
        lumbar_raw[frames], th.clip.max_outline_scatter_deg
    )
    if outline:
        gaps["lumbar-flexion"] = gaps["lumbar-extension"] = outline
    feet = _feet_gap(arrays, side, frames, th) or _foot_stretch_gap(arrays, side, th)
    if feet:
        gaps["weight-forward"] = gaps["toes-lift"] = feet
    return gaps


def lift_too_small(leg_px: float, fired: set[FaultId], th: VideoThresholds) -> dict[FaultId, str]:
    """toes-lift, when its threshold comes to fewer pixels than the foot points can show
    (``min_lift_px``) and no rep lifted past that: a smaller lift, which the fault
    names, could not be told from the points' wandering, so no verdict is given
    (``fired``: the faults seen in some rep)."""
    rule = th.faults["toes-lift"]
    if rule.min_lift_px is None or "toes-lift" in fired or not np.isfinite(leg_px):
        return {}
    shown = rule.threshold * leg_px
    if shown >= rule.min_lift_px:
        return {}
    return {
        "toes-lift": (
            f"the person is {TOO_SMALL} to read the toes lifting: the "
            f"smallest lift that counts ({rule.threshold:g} leg lengths, about 2 cm) is "
            f"{shown:.0f} px here, and the pose model's foot points wander by up to "
            f"{rule.min_lift_px:g} px without the foot moving; no rep lifted further. "
            "Film closer, or with the feet larger in the frame"
        )
    }


def _outline_gap(arrays: TrackArrays, frames: Indices, need: float) -> str | None:
    has = np.array([arrays.outlines[i] is not None for i in frames], dtype=bool)
    if not has.any():
        return f"{BACK_OUTLINE} not visible: the pose backend gave no outline of the back"
    if has.mean() < need:
        return f"{BACK_OUTLINE} visible in only {has.mean():.0%} of the frames ({need:.0%} needed)"
    return None


def outline_scatter(bends: Floats) -> float:
    """The typical frame-to-frame jump of the bend, degrees: a robust standard deviation
    of one frame's reading (median absolute difference of neighbours, x 1.48 / sqrt 2);
    NaN with fewer than 3 neighbouring pairs."""
    return jump_scatter(np.abs(np.diff(bends)))


def _outline_scatter_gap(bends: Floats, most: float) -> str | None:
    scatter = outline_scatter(bends)
    if not np.isfinite(scatter) or scatter <= most:
        return None
    return (
        f"{BACK_OUTLINE} too unsteady to judge: the lower back's shape jumps about "
        f"{scatter:.0f} degrees from frame to frame (at most {most:g} allowed; loose "
        "clothing, a busy background or a small figure?)"
    )


def _feet_gap(arrays: TrackArrays, side: str, frames: Indices, th: VideoThresholds) -> str | None:
    need = th.clip.min_feet_share
    seen = np.ones(len(frames), dtype=bool)
    for part in ("heel", "foot_index"):
        seen &= arrays.vis[f"{side}_{part}"][frames] >= th.tracking.min_visibility
    if len(frames) and seen.mean() >= need:
        return None
    share = seen.mean() if len(frames) else 0.0
    return (
        f"{FEET_NOT_VISIBLE}: the {side} heel and toe are seen in only "
        f"{share:.0%} of the frames ({need:.0%} needed)"
    )


def foot_stretch(arrays: TrackArrays, side: str, frames: Indices, th: VideoThresholds) -> float:
    """The heel-to-toe length over the deepest lean (at least ``DEEP_SHARE`` of the most
    the trunk leans in ``frames``) divided by its length standing (the trunk within
    ``standing_lean_deg`` of vertical), medians of each; NaN when either is missing.
    A foot seen from the side keeps its length when its toes or its heel come up."""
    vis = th.tracking.min_visibility
    point = {part: arrays.seen(f"{side}_{part}", vis)[frames] for part in TRUNK}
    dx, dy = (point["shoulder"] - point["hip"]).T
    lean = np.degrees(np.arctan2(np.abs(dx), -dy))
    foot = arrays.seen(f"{side}_heel", vis)[frames] - arrays.seen(f"{side}_foot_index", vis)[frames]
    length = np.hypot(foot[:, 0], foot[:, 1])
    known = np.isfinite(lean) & np.isfinite(length)
    if not known.any():
        return float("nan")
    deep = known & (lean >= DEEP_SHARE * np.max(lean[known]))
    standing = known & (lean < th.tracking.standing_lean_deg)
    if not deep.any() or not standing.any() or not deep[~standing].any():
        return float("nan")
    return float(np.median(length[deep & ~standing]) / np.median(length[standing]))


def _foot_stretch_gap(arrays: TrackArrays, side: str, th: VideoThresholds) -> str | None:
    """Over every frame with a person: standing is seen more often than in the reps."""
    ratio = foot_stretch(arrays, side, np.flatnonzero(arrays.present), th)
    most = th.clip.max_foot_stretch
    if not np.isfinite(ratio) or abs(ratio - 1.0) <= most:
        return None
    return (
        f"the {side} {FOOT_POINTS_ADRIFT}: the foot reads "
        f"{abs(ratio - 1.0):.0%} {'longer' if ratio > 1 else 'shorter'} at the bottom than "
        f"standing (a foot keeps its length; at most {most:.0%} allowed), so neither the "
        "toes nor the heels lifting can be read"
    )
