"""``analyze_track``: from a landmark track to the analysis report (DOMAIN.md section 5)."""

from __future__ import annotations

from typing import TypedDict

import numpy as np

from hingecoach.core.catalog import Catalog
from hingecoach.core.errors import CaseError
from hingecoach.core.kinematics.arrays import TrackArrays, track_arrays
from hingecoach.core.kinematics.assess import (
    clip_problem,
    fault_gaps,
    framing_problem,
    lift_too_small,
)
from hingecoach.core.kinematics.faults import (
    FAULT_CHECKS,
    Verdict,
    rep_frames,
    rep_hip,
)
from hingecoach.core.kinematics.filming import LEGS_NOT_FOLLOWED, NOT_SEEN_CLEARLY
from hingecoach.core.kinematics.measures import Kinematics, measure
from hingecoach.core.kinematics.numeric import Floats, Indices
from hingecoach.core.kinematics.plausible import likelier_facing, plausible, without_leg
from hingecoach.core.kinematics.report import (
    AnalysisReport,
    ClipSummary,
    FaultFinding,
    NotAssessed,
    Rep,
    Series,
    Tempo,
)
from hingecoach.core.kinematics.reps import Motion, RepWindow, find_reps, strays
from hingecoach.core.kinematics.side import camera_side, facing
from hingecoach.core.kinematics.thresholds import FAULT_IDS, FaultId, VideoThresholds
from hingecoach.core.kinematics.thresholds_file import default_video_thresholds
from hingecoach.core.kinematics.track import Track

DEFAULT_EXERCISE = "bodyweight-hip-hinge"
NEEDS: dict[FaultId, str] = {
    "lumbar-flexion": f"the back's outline was {NOT_SEEN_CLEARLY} standing and at the bottom",
    "lumbar-extension": f"the back's outline was {NOT_SEEN_CLEARLY} standing and at the bottom",
    "no-counterbalance": f"the hip and ankle were {NOT_SEEN_CLEARLY} standing and at the bottom",
    "weight-forward": f"the joints and the heel were {NOT_SEEN_CLEARLY} during the rep",
    "toes-lift": f"the toe was {NOT_SEEN_CLEARLY} standing and at the bottom",
    "knee-dominant": (
        f"the hip, knee and ankle were {NOT_SEEN_CLEARLY} at the bottom (a bar "
        "or plate in front of the knee?)"
    ),
}


class ReportHead(TypedDict):
    """What every report starts with, assessable or not."""

    clip: ClipSummary
    exercise: str


LEGS_LOST = (
    f"{LEGS_NOT_FOLLOWED} (a bar or plates in front of them?), so "
    "the rep was counted by the trunk alone"
)
# The lower back is not a leg: say why it goes unjudged with them (decision 0013).
BACK_BEHIND_PLATES = (
    f"{LEGS_NOT_FOLLOWED} (a bar or plates in front of them?), and what hides "
    "them stands at the hips at the lockout, where the lower back's standing shape is "
    "read, so the rep was counted by the trunk alone and its back not judged"
)
LOST_WHY: dict[FaultId, str] = {
    "lumbar-flexion": BACK_BEHIND_PLATES,
    "lumbar-extension": BACK_BEHIND_PLATES,
}


def analyze_track(
    track: Track,
    exercise: str = DEFAULT_EXERCISE,
    thresholds: VideoThresholds | None = None,
    *,
    catalog: Catalog,
    known_facing: float | None = None,
) -> AnalysisReport:
    """Analyse one clip's landmark track. Never guesses: a clip that cannot support a
    verdict comes back ``assessable: false`` with the reason. ``exercise`` must be in
    ``catalog``. ``known_facing``: which way the person faces (+1 image right, -1 left)
    when the caller settled it earlier (a set still being filmed); else it is read from
    the track."""
    check_exercise(exercise, catalog)
    th = thresholds or default_video_thresholds()
    arrays = track_arrays(track)
    head: ReportHead = {"clip": clip_summary(track), "exercise": exercise}
    problem = clip_problem(arrays, track.clip, th)
    facing_sign = known_facing
    if facing_sign is None:
        facing_sign = facing(arrays, th.tracking.min_visibility)
        if facing_sign:
            facing_sign = likelier_facing(arrays, facing_sign, th.tracking)
    side = camera_side(facing_sign)
    if not problem and (side is None or facing_sign == 0):
        problem = (
            "cannot tell which way the person faces: the feet and head are not seen "
            "clearly (dark, blurred or hidden?)"
        )
    if not problem and side is not None:
        problem = framing_problem(arrays, side, track.clip, th)
    if problem or side is None:
        return not_assessable(head, str(problem), len(track.frames), track.clip.fps)
    arrays = plausible(arrays, side, th.tracking, facing=facing_sign, fps=track.clip.fps)
    problem = unreadable(arrays, side, th)
    if problem:
        return not_assessable(head, problem, len(track.frames), track.clip.fps)
    arrays, k, reps = reps_and_kinematics(arrays, side, facing_sign, track.clip.fps, th)
    gaps = fault_gaps(arrays, side, _frames_that_matter(arrays, reps), k.lumbar_raw, th)
    rep_models = [rep_report(k, rep, arrays, gaps, th) for rep in reps]
    seen = {f.fault for rep in rep_models for f in rep.faults}
    gaps = {**lift_too_small(k.leg, seen, th), **gaps}
    gaps = {**unmeasured(rep_models, reps, gaps), **gaps}
    return AnalysisReport(
        **head,
        assessable=True,
        reason=None,
        side=side,
        series=series(k, reps),
        reps=rep_models,
        faults=[fault for fault in FAULT_IDS if fault in seen],
        not_assessed=[NotAssessed(fault=f, why=gaps[f]) for f in FAULT_IDS if f in gaps],
    )


def reps_and_kinematics(
    arrays: TrackArrays,
    side: str,
    facing_sign: float,
    fps: float,
    th: VideoThresholds,
) -> tuple[TrackArrays, Kinematics, list[RepWindow]]:
    """The reps, and the track and kinematics their faults are read from: measured
    again without the frames where a planted rep's foot was placed elsewhere (on a
    passer-by's legs, say). A rep whose legs were followed but never seen is no rep."""
    k = measure(arrays, side, facing_sign, fps, th.tracking, th.back)
    motion = Motion(
        k.lean,
        k.hip,
        k.joints["hip"],
        k.joints["ankle"],
        arrays.seen(f"{side}_ankle", th.tracking.min_visibility),
        k.joints["shoulder"],
        k.leg,
        fps,
    )
    reps = find_reps(motion, th.reps)
    stray = strays(motion, reps, th.reps)
    if stray.any():
        arrays = without_leg(arrays, side, stray)
        k = measure(arrays, side, facing_sign, fps, th.tracking, th.back)
    kept = [
        rep
        for rep in reps
        if not rep.legs_steady or np.isfinite(k.hip[rep.start : rep.end + 1]).any()
    ]
    return arrays, k, kept


def unreadable(arrays: TrackArrays, side: str, th: VideoThresholds) -> str | None:
    """Why the clip cannot be read when, of the frames with a person, too few keep the
    near shoulder and hip once the impossible and misplaced poses are set aside
    (``plausible``): the model followed something other than a lifter's body."""
    present = int(arrays.present.sum())
    seen = th.tracking.min_visibility
    kept = (arrays.vis[f"{side}_shoulder"] >= seen) & (arrays.vis[f"{side}_hip"] >= seen)
    share = float(kept[arrays.present].mean()) if present else 0.0
    if share >= th.clip.min_readable_share:
        return None
    return (
        "too little of the body could be read: the pose found fits a standing or "
        f"hinging body in only {share:.0%} of the frames with a person "
        f"(at least {th.clip.min_readable_share:.0%} needed; a drawn figure, a busy "
        "background or a person too small in the picture?)"
    )


def check_exercise(exercise: str, catalog: Catalog, field_name: str = "exercise") -> None:
    if exercise not in catalog.exercises:
        raise CaseError(field_name, f"unknown exercise {exercise!r}")


def unmeasured(
    reps: list[Rep], windows: list[RepWindow], gaps: dict[FaultId, str]
) -> dict[FaultId, str]:
    """Faults the clip as a whole could judge but some rep could not (what they need was
    hidden there, by a bar or an arm, say), and no rep showed: said, so that no verdict
    reads as clean. A fault seen in another rep has its verdict already."""
    out: dict[FaultId, str] = {}
    seen = {f.fault for rep in reps for f in rep.faults}
    for fault in FAULT_IDS:
        missing = [n for n, rep in enumerate(reps) if fault not in rep.measures]
        if fault in gaps or fault in seen or not missing:
            continue
        why: dict[str, list[int]] = {}
        for n in missing:
            lost = LOST_WHY.get(fault, LEGS_LOST)
            why.setdefault(NEEDS[fault] if windows[n].legs_steady else lost, []).append(n)
        out[fault] = "could not be measured " + "; ".join(
            f"in {_which(ns, len(reps))}: {reason}" for reason, ns in why.items()
        )
    return out


def _which(reps: list[int], total: int) -> str:
    if len(reps) == total:
        return "any rep"
    return ("rep " if len(reps) == 1 else "reps ") + ", ".join(str(n + 1) for n in reps)


def clip_summary(track: Track) -> ClipSummary:
    clip = track.clip
    return ClipSummary(
        fps=clip.fps,
        frames=len(track.frames),
        duration_s=round(track.duration_s, 3),
        width=clip.width,
        height=clip.height,
    )


def not_assessable(head: ReportHead, reason: str, frames: int, fps: float) -> AnalysisReport:
    empty: list[float | None] = [None] * frames
    blank = Series(
        t_s=_times(frames, fps),
        hip_deg=empty,
        knee_deg=empty,
        trunk_deg=empty,
        shin_deg=empty,
        hip_back_leg=empty,
        weight_foot=empty,
    )
    return AnalysisReport(
        **head,
        assessable=False,
        reason=reason,
        side=None,
        series=blank,
        reps=[],
        faults=[],
        not_assessed=[NotAssessed(fault=f, why=reason) for f in FAULT_IDS],
    )


def series(k: Kinematics, reps: list[RepWindow]) -> Series:
    """The per-frame measures. The hip angle needs shoulder, hip and knee only, so it
    stays wherever they were seen; the measures that need the ankle or the foot are
    null through a rep whose legs could not be followed."""
    lost = np.zeros(len(k.t), dtype=bool)
    for rep in reps:
        lost[rep.start : rep.end + 1] |= not rep.legs_steady

    def legs(values: Floats, digits: int) -> list[float | None]:
        return _json(np.where(lost, np.nan, values), digits)

    return Series(
        t_s=[round(float(t), 3) for t in k.t],
        hip_deg=_json(k.hip, 1),
        knee_deg=legs(k.knee, 1),
        trunk_deg=_json(np.abs(k.lean), 1),
        shin_deg=legs(k.shin, 1),
        hip_back_leg=legs(k.hip_back, 3),
        weight_foot=legs(k.weight, 3),
    )


def rep_report(
    k: Kinematics,
    rep: RepWindow,
    arrays: TrackArrays,
    gaps: dict[FaultId, str],
    th: VideoThresholds,
) -> Rep:
    hip = rom_hip(k, rep, th.reps.min_hip_seen_share)[rep.start : rep.end + 1]
    frames = rep_frames(k, rep, th.windows, th.reps.min_hip_seen_share)
    # Whatever hides the legs (plates, a bar) stands at the hips at the lockout, where the
    # lower back's standing shape is read: no fault is read from such a rep.
    read = [f for f in FAULT_IDS if f not in gaps] if rep.legs_steady else []
    verdicts = [FAULT_CHECKS[f](k, frames, th.faults[f]) for f in read]
    quality = float(arrays.present[rep.start : rep.end + 1].mean())
    return Rep(
        start_s=_t(k, rep.start),
        bottom_s=_t(k, rep.bottom),
        end_s=_t(k, rep.end),
        hip_rom_deg=round(float(np.nanmax(hip) - np.nanmin(hip)), 1),
        max_trunk_deg=round(float(np.nanmax(k.lean[rep.start : rep.end + 1])), 1),
        tempo=Tempo(
            down_s=round(_t(k, rep.bottom) - _t(k, rep.start), 3),
            up_s=round(_t(k, rep.end) - _t(k, rep.bottom), 3),
        ),
        measures={v.fault: round(v.value, 4) + 0.0 for v in verdicts if v is not None},
        faults=[
            finding(k, v, th, quality, _outline_share(arrays, rep))
            for v in verdicts
            if v is not None and v.fired
        ],
    )


def rom_hip(k: Kinematics, rep: RepWindow, min_seen: float) -> Floats:
    """The hip angle a rep's range of motion is read from: measured where the knee was
    seen through most of the rep (``min_seen`` of its frames), even when the ankles
    were not; else the stand-in the rep was found with."""
    measured = k.hip[rep.start : rep.end + 1]
    return k.hip if np.isfinite(measured).mean() >= min_seen else rep_hip(k, rep)


def finding(
    k: Kinematics, v: Verdict, th: VideoThresholds, quality: float, outline_share: float
) -> FaultFinding:
    if v.fault.startswith("lumbar"):
        quality *= outline_share
    return FaultFinding(
        fault=v.fault,
        t_s=_t(k, v.frame),
        value=round(v.value, 3),
        threshold=v.threshold,
        confidence=round(v.confidence * quality, 2),
        measure=th.faults[v.fault].measure,
    )


def _outline_share(arrays: TrackArrays, rep: RepWindow) -> float:
    frames = range(rep.start, rep.end + 1)
    return sum(arrays.outlines[i] is not None for i in frames) / len(frames)


def _frames_that_matter(arrays: TrackArrays, reps: list[RepWindow]) -> Indices:
    if not reps:
        return np.flatnonzero(arrays.present)
    return np.concatenate([np.arange(r.start, r.end + 1) for r in reps])


def _t(k: Kinematics, frame: int) -> float:
    return round(float(k.t[frame]), 3)


def _times(frames: int, fps: float) -> list[float]:
    return [round(i / fps, 3) for i in range(frames)]


def _json(values: Floats, digits: int) -> list[float | None]:
    return [None if v != v else v for v in np.round(values, digits).tolist()]
