"""The six hinge faults, each a small named function over one rep.

Each returns a ``Verdict``: the measured value, the frame it was read at, the threshold,
whether the fault fired and how confident the verdict is; ``None`` when the rep lacks
the frames to judge it. What each value is and where its threshold comes from is in
``data/catalog/video-thresholds.yaml``; so are the windows the values are read over
(the rep's deep part, and standing around it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from hingecoach.core.kinematics.measures import Kinematics
from hingecoach.core.kinematics.numeric import Floats, Indices
from hingecoach.core.kinematics.reps import RepWindow, depth, upright_proxy
from hingecoach.core.kinematics.smoothing import running_median
from hingecoach.core.kinematics.thresholds import FaultId, FaultRule, Windows

MIN_OUTLINES = 3  # a median of the back's shape needs a few readings to outvote a bad one


@dataclass(frozen=True)
class Verdict:
    fault: FaultId
    frame: int
    value: float
    threshold: float
    fired: bool
    confidence: float


@dataclass(frozen=True)
class RepFrames:
    """One rep and the frames its faults are read over: ``deep`` (at least
    ``deep_share`` of its hip flexion) and ``upright`` (standing, around the rep);
    ``hold``: how many frames a position must last to count."""

    rep: RepWindow
    deep: Indices
    upright: Indices
    hold: int


def rep_frames(k: Kinematics, rep: RepWindow, windows: Windows, min_hip_seen: float) -> RepFrames:
    hip = rep_hip(k, rep)
    bend = depth(hip, k.lean, rep.start, rep.end, min_hip_seen)
    hold = max(1, round(windows.hold_s * k.fps))
    reach = round(windows.standing_reach_s * k.fps)
    first = max(0, rep.start - reach)
    around = hip[first : rep.end + reach + 1]
    if not np.isfinite(bend).any():
        empty = np.array([], dtype=int)
        return RepFrames(rep, empty, empty, hold)
    high, low = np.nanmax(bend), np.nanmin(bend)
    deep = rep.start + np.flatnonzero(bend >= low + windows.deep_share * (high - low))
    upright = first + np.flatnonzero(around >= np.nanmax(around) - windows.upright_band_deg)
    return RepFrames(rep, deep, upright, hold)


def rep_hip(k: Kinematics, rep: RepWindow) -> Floats:
    """The hip angle a rep is read with: measured, or stood in for by the trunk's lean
    where the legs could not be followed."""
    return k.hip if rep.legs_steady else upright_proxy(k.lean)


def _median_over(series: Floats, frames: Indices) -> float:
    values = series[frames] if len(frames) else np.array([])
    values = values[np.isfinite(values)]
    return float(np.median(values)) if len(values) else float("nan")


def _verdict(
    fault: FaultId, rule: FaultRule, frame: int, value: float, above: bool
) -> Verdict | None:
    if not np.isfinite(value):
        return None
    fired = value > rule.threshold if above else value < rule.threshold
    closeness = min(1.0, abs(value - rule.threshold) / rule.confidence_span)
    return Verdict(
        fault, frame, float(value), rule.threshold, bool(fired), round(0.5 + 0.5 * closeness, 2)
    )


def knee_dominant(k: Kinematics, f: RepFrames, rule: FaultRule) -> Verdict | None:
    """Knee flexion (180 - knee angle, degrees), median over the deep part of the rep:
    the hinge turns into a squat when it passes the threshold."""
    bend = _median_over(180.0 - k.knee, f.deep)
    return _verdict("knee-dominant", rule, f.rep.bottom, bend, above=True)


def no_counterbalance(k: Kinematics, f: RepFrames, rule: FaultRule) -> Verdict | None:
    """How far the hip travelled back (relative to the ankle, leg lengths) from standing
    to the bottom; the fault fires when it stays under the threshold."""
    travel = k.hip_back[f.rep.bottom] - _median_over(k.hip_back, f.upright)
    return _verdict("no-counterbalance", rule, f.rep.bottom, travel, above=False)


def weight_forward(k: Kinematics, f: RepFrames, rule: FaultRule) -> Verdict | None:
    """The centre of mass furthest toward the toes in the rep (0 heel, 1 toe), held for
    ``f.hold`` frames: the running median over them, so one frame with a wandering heel
    or toe landmark cannot fire it. Heels that rise ``rule.heel_lift_leg`` above the
    toe (``heel_rise``) leave the toes as the only support: the weight is over the toe
    (1), whatever the proxy, which places the heel from the ankle, reads."""
    part = running_median(k.weight[f.rep.start : f.rep.end + 1], f.hold)
    if not np.isfinite(part).any():
        return None
    i = int(np.nanargmax(part))
    frame, value = f.rep.start + i, float(part[i])
    if rule.heel_lift_leg is not None and heel_rise(k, f) > lift_bar(
        rule.heel_lift_leg, rule, k.leg
    ):
        frame, value = f.rep.bottom, max(value, 1.0)
    return _verdict("weight-forward", rule, frame, value, above=True)


def heel_rise(k: Kinematics, f: RepFrames) -> float:
    """How far the heel rose above the toe (leg lengths) from standing to the deep part
    of the rep, medians over each (NaN when either is unseen)."""
    above = (k.joints["toe"][:, 1] - k.joints["heel"][:, 1]) / k.leg
    return _median_over(above, f.deep) - _median_over(above, f.upright)


def toes_lift(k: Kinematics, f: RepFrames, rule: FaultRule) -> Verdict | None:
    """How far the toe rose (leg lengths) from standing to the deep part of the rep
    (medians over each), read twice: against the foot's own heel and ankle, and in the
    picture. The smaller rise counts. Each reading has its own way to be fooled: a pose
    model moves the heel and ankle points as the body leans, and a phone held in the
    hand moves the picture; a toe that really leaves the floor rises in both."""
    rises = [
        _median_over(series, f.deep) - _median_over(series, f.upright)
        for series in (k.toe_up, k.toe_height)
    ]
    if not np.isfinite(rises).all():  # both readings are needed
        return None
    bar = rule.model_copy(update={"threshold": lift_bar(rule.threshold, rule, k.leg)})
    return _verdict("toes-lift", bar, f.rep.bottom, min(rises), above=True)


def lift_bar(lift_leg: float, rule: FaultRule, leg_px: float) -> float:
    """The least lift (leg lengths) read as one: ``lift_leg``, or more where that comes
    to fewer than ``rule.min_lift_px`` pixels (a person small in the picture), which the
    pose model's foot points wander by without the foot moving."""
    if rule.min_lift_px is None or not np.isfinite(leg_px) or leg_px <= 0:
        return lift_leg
    return max(lift_leg, rule.min_lift_px / leg_px)


def lumbar_flexion(k: Kinematics, f: RepFrames, rule: FaultRule) -> Verdict | None:
    """How much more rounded the lower back is over the deep part of the rep than when
    standing before it (bend, degrees): the lordosis given up as the trunk leans."""
    rounder = _shape_over(k, f.deep) - _standing_bend(k, f)
    return _verdict("lumbar-flexion", rule, f.rep.bottom, rounder, above=True)


def lumbar_extension(k: Kinematics, f: RepFrames, rule: FaultRule) -> Verdict | None:
    """How much more hollow the lower back is than when standing before the rep
    (degrees), over the deep part or over the finish, whichever is more: over-arched at
    the bottom, or leaning back to finish the hips."""
    before = _standing_bend(k, f)
    finish = f.upright[f.upright > f.rep.bottom]
    windows = [(f.rep.bottom, f.deep)]
    if len(finish) and len(f.upright[f.upright < f.rep.bottom]):
        windows.append((int(finish[len(finish) // 2]), finish))
    hollows = [(before - _shape_over(k, frames), frame) for frame, frames in windows]
    hollows = [pair for pair in hollows if np.isfinite(pair[0])]
    if not hollows:
        return None
    value, frame = max(hollows)
    return _verdict("lumbar-extension", rule, frame, value, above=True)


def _standing_bend(k: Kinematics, f: RepFrames) -> float:
    """The person's own standing shape: standing before the rep, or after it when the
    clip starts at the bottom."""
    before = f.upright[f.upright < f.rep.bottom]
    return _shape_over(k, before if len(before) else f.upright)


def _shape_over(k: Kinematics, frames: Indices) -> float:
    """The lower back's bend over ``frames``, or NaN when fewer than ``MIN_OUTLINES`` of
    them had an outline of their own: the smoothing carries an outline over short gaps,
    so a lone frame's reading, however wild, would stand for the whole window."""
    if np.isfinite(k.lumbar_raw[frames]).sum() < MIN_OUTLINES:
        return float("nan")
    return _median_over(k.lumbar, frames)


FAULT_CHECKS: dict[FaultId, Callable[[Kinematics, RepFrames, FaultRule], Verdict | None]] = {
    "lumbar-flexion": lumbar_flexion,
    "lumbar-extension": lumbar_extension,
    "no-counterbalance": no_counterbalance,
    "weight-forward": weight_forward,
    "toes-lift": toes_lift,
    "knee-dominant": knee_dominant,
}
