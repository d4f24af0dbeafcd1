"""``analyze_track``: from a landmark track to the analysis report (DOMAIN.md section 5)."""

from __future__ import annotations

import numpy as np

from hingecoach.core.catalog import default_catalog
from hingecoach.core.errors import CaseError
from hingecoach.core.kinematics.arrays import TrackArrays, track_arrays
from hingecoach.core.kinematics.assess import clip_problem, fault_gaps, framing_problem
from hingecoach.core.kinematics.faults import FAULT_CHECKS, Verdict, rep_frames
from hingecoach.core.kinematics.measures import Kinematics, measure
from hingecoach.core.kinematics.report import (
    AnalysisReport,
    ClipSummary,
    FaultFinding,
    NotAssessed,
    Rep,
    Series,
    Tempo,
)
from hingecoach.core.kinematics.reps import RepWindow, find_reps
from hingecoach.core.kinematics.side import camera_side, facing
from hingecoach.core.kinematics.thresholds import FAULT_IDS, FaultId, VideoThresholds
from hingecoach.core.kinematics.thresholds_file import default_video_thresholds
from hingecoach.core.kinematics.track import Track

DEFAULT_EXERCISE = "bodyweight-hip-hinge"
NEEDS: dict[FaultId, str] = {
    "lumbar-flexion": "the back's outline was not seen clearly standing and at the bottom",
    "lumbar-extension": "the back's outline was not seen clearly standing and at the bottom",
    "no-counterbalance": "the hip and ankle were not seen clearly standing and at the bottom",
    "weight-forward": "the joints and the heel were not seen clearly during the rep",
    "toes-lift": "the toe was not seen clearly standing and at the bottom",
    "knee-dominant": ("the hip, knee and ankle were not seen clearly at the bottom (a bar "
                      "or plate in front of the knee?)"),
}


def analyze_track(track: Track, exercise: str = DEFAULT_EXERCISE,
                  thresholds: VideoThresholds | None = None) -> AnalysisReport:
    """Analyse one clip's landmark track. Never guesses: a clip that cannot support a
    verdict comes back ``assessable: false`` with the reason."""
    if exercise not in default_catalog().exercises:
        raise CaseError("exercise", f"unknown exercise {exercise!r}")
    th = thresholds or default_video_thresholds()
    arrays = track_arrays(track)
    head = {"clip": clip_summary(track), "exercise": exercise}
    problem = clip_problem(arrays, track.clip, th)
    facing_sign = facing(arrays, th.tracking.min_visibility)
    side = camera_side(facing_sign)
    if not problem and (side is None or facing_sign == 0):
        problem = ("cannot tell which way the person faces: the feet and head are not seen "
                   "clearly (dark, blurred or hidden?)")
    if not problem and side is not None:
        problem = framing_problem(arrays, side, track.clip, th)
    if problem or side is None:
        return not_assessable(head, str(problem), len(track.frames), track.clip.fps)
    k = measure(arrays, side, facing_sign, track.clip.fps, th.tracking, th.back)
    reps = [rep for rep in find_reps(k.lean, k.hip, k.joints["ankle"], k.leg,
                                     track.clip.fps, th.reps)
            if np.isfinite(k.hip[rep.start: rep.end + 1]).any()]  # legs never seen: no rep
    gaps = fault_gaps(arrays, side, _frames_that_matter(arrays, reps), k.lumbar_raw, th)
    rep_models = [rep_report(k, rep, arrays, gaps, th) for rep in reps]
    gaps = {**unmeasured(rep_models, gaps), **gaps}
    seen = {f.fault for rep in rep_models for f in rep.faults}
    return AnalysisReport(
        **head, assessable=True, reason=None, side=side, series=series(k), reps=rep_models,
        faults=[fault for fault in FAULT_IDS if fault in seen],
        not_assessed=[NotAssessed(fault=f, why=gaps[f]) for f in FAULT_IDS if f in gaps],
    )


def unmeasured(reps: list[Rep], gaps: dict[FaultId, str]) -> dict[FaultId, str]:
    """Faults the clip as a whole could judge but some rep could not (what they need was
    hidden there, by a bar or an arm, say), and no rep showed: said, so that no verdict
    reads as clean. A fault seen in another rep has its verdict already."""
    out: dict[FaultId, str] = {}
    seen = {f.fault for rep in reps for f in rep.faults}
    for fault in FAULT_IDS:
        missing = [n for n, rep in enumerate(reps, 1) if fault not in rep.measures]
        if fault in gaps or fault in seen or not missing:
            continue
        which = "any rep" if len(missing) == len(reps) else (
            "rep " + ", ".join(map(str, missing)))
        out[fault] = f"could not be measured in {which}: {NEEDS[fault]}"
    return out


def clip_summary(track: Track) -> ClipSummary:
    clip = track.clip
    return ClipSummary(fps=clip.fps, frames=len(track.frames),
                       duration_s=round(track.duration_s, 3), width=clip.width,
                       height=clip.height)


def not_assessable(head: dict, reason: str, frames: int, fps: float) -> AnalysisReport:
    empty: list[float | None] = [None] * frames
    blank = Series(t_s=_times(frames, fps), hip_deg=empty, knee_deg=empty, trunk_deg=empty,
                   shin_deg=empty, hip_back_leg=empty, weight_foot=empty)
    return AnalysisReport(
        **head, assessable=False, reason=reason, side=None, series=blank, reps=[], faults=[],
        not_assessed=[NotAssessed(fault=f, why=reason) for f in FAULT_IDS],
    )


def series(k: Kinematics) -> Series:
    return Series(t_s=[round(float(t), 3) for t in k.t],
                  hip_deg=_json(k.hip, 1), knee_deg=_json(k.knee, 1),
                  trunk_deg=_json(np.abs(k.lean), 1), shin_deg=_json(k.shin, 1),
                  hip_back_leg=_json(k.hip_back, 3), weight_foot=_json(k.weight, 3))


def rep_report(k: Kinematics, rep: RepWindow, arrays: TrackArrays,
               gaps: dict[FaultId, str], th: VideoThresholds) -> Rep:
    hip = k.hip[rep.start: rep.end + 1]
    frames = rep_frames(k, rep, th.windows, th.reps.min_hip_seen_share)
    verdicts = [FAULT_CHECKS[f](k, frames, th.faults[f]) for f in FAULT_IDS if f not in gaps]
    quality = float(arrays.present[rep.start: rep.end + 1].mean())
    return Rep(
        start_s=_t(k, rep.start), bottom_s=_t(k, rep.bottom), end_s=_t(k, rep.end),
        hip_rom_deg=round(float(np.nanmax(hip) - np.nanmin(hip)), 1),
        max_trunk_deg=round(float(np.nanmax(k.lean[rep.start: rep.end + 1])), 1),
        tempo=Tempo(down_s=round(_t(k, rep.bottom) - _t(k, rep.start), 3),
                    up_s=round(_t(k, rep.end) - _t(k, rep.bottom), 3)),
        measures={v.fault: round(v.value, 4) + 0.0 for v in verdicts if v is not None},
        faults=[finding(k, v, th, quality, _outline_share(arrays, rep))
                for v in verdicts if v is not None and v.fired],
    )


def finding(k: Kinematics, v: Verdict, th: VideoThresholds, quality: float,
            outline_share: float) -> FaultFinding:
    if v.fault.startswith("lumbar"):
        quality *= outline_share
    return FaultFinding(fault=v.fault, t_s=_t(k, v.frame), value=round(v.value, 3),
                        threshold=v.threshold, confidence=round(v.confidence * quality, 2),
                        measure=th.faults[v.fault].measure)


def _outline_share(arrays: TrackArrays, rep: RepWindow) -> float:
    frames = range(rep.start, rep.end + 1)
    return sum(arrays.outlines[i] is not None for i in frames) / len(frames)


def _frames_that_matter(arrays: TrackArrays, reps: list[RepWindow]) -> np.ndarray:
    if not reps:
        return np.flatnonzero(arrays.present)
    return np.concatenate([np.arange(r.start, r.end + 1) for r in reps])


def _t(k: Kinematics, frame: int) -> float:
    return round(float(k.t[frame]), 3)


def _times(frames: int, fps: float) -> list[float]:
    return [round(i / fps, 3) for i in range(frames)]


def _json(values: np.ndarray, digits: int) -> list[float | None]:
    return [None if v != v else v for v in np.round(values, digits).tolist()]
