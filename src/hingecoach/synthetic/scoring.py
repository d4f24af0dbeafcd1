"""Scoring analysis reports against the generator's truth: angle errors, rep counts and
timing, per-fault precision and recall, and the not-assessable verdicts.

Faults are scored per rep: a detected rep is matched to the true rep whose bottom lies
inside it (the nearest bottom if several); a fault found in an unmatched detected rep is
a false positive, a fault of an unmatched true rep a miss. A fault the report lists as
not assessed is not scored for that clip (counted apart).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from hingecoach.core.kinematics import FAULT_IDS, AnalysisReport, Track
from hingecoach.core.kinematics.arrays import track_arrays
from hingecoach.core.kinematics.geometry import joint_angle
from hingecoach.synthetic.clips import ClipSpec
from hingecoach.synthetic.truth import RepTruth, Truth

ANGLES = {"hip": "hip_deg", "knee": "knee_deg", "trunk": "trunk_deg"}


@dataclass
class FaultCount:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    not_assessed: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else float("nan")


def _lists() -> defaultdict:
    return defaultdict(list)


@dataclass
class Scorecard:
    """Accumulates clip after clip; every list holds one entry per clip (or frame/rep)."""

    clips: int = 0
    angle_errors: dict[tuple[str, float], list[np.ndarray]] = field(default_factory=_lists)
    rep_counts: dict[str, list[bool]] = field(default_factory=_lists)
    non_hinge_reps: dict[str, list[int]] = field(default_factory=_lists)
    timing: dict[str, list[float]] = field(default_factory=_lists)
    faults: dict[str, FaultCount] = field(default_factory=lambda: defaultdict(FaultCount))
    faults_by_noise: dict[tuple[str, float], FaultCount] = field(
        default_factory=lambda: defaultdict(FaultCount)
    )
    faults_by_hold: dict[tuple[str, bool], FaultCount] = field(
        default_factory=lambda: defaultdict(FaultCount)
    )
    verdicts: dict[str, list[bool]] = field(default_factory=_lists)
    values: dict[str, list[tuple[float, float]]] = field(default_factory=_lists)
    raw_errors: dict[tuple[str, float], list[np.ndarray]] = field(default_factory=_lists)
    by_scene: dict[tuple[str, str], list] = field(default_factory=_lists)
    faults_by_scene: dict[tuple[str, str], FaultCount] = field(
        default_factory=lambda: defaultdict(FaultCount)
    )

    def add(self, spec: ClipSpec, truth: Truth, report: AnalysisReport) -> None:
        self.clips += 1
        self.verdicts[_situation(spec)].append(report.assessable == truth.assessable)
        if not (truth.assessable and report.assessable):
            return
        self.verdicts["side toward the camera"].append(report.side == truth.side)
        if spec.kind != "hinge":
            self.non_hinge_reps[spec.kind].append(len(report.reps))
            return
        self._angles(spec, truth, report)
        right = len(report.reps) == len(truth.reps)
        if spec.scene != "plain":
            self._scene(spec.scene, truth, report, right)
        else:
            self.rep_counts[f"{spec.tempo} tempo"].append(right)
            if spec.start_at_bottom:
                self.rep_counts["starts at the bottom"].append(right)
        skipped: set[str] = {item.fault for item in report.not_assessed}
        if truth.feet_seen:
            key = "lumbar judged only with a full, steady outline"
            self.verdicts[key].append(truth.lumbar_seen == ("lumbar-flexion" not in skipped))
        self._faults(truth.reps, report, skipped, spec.noise, spec.sway > 0, spec.scene)

    def _scene(self, scene: str, truth: Truth, report: AnalysisReport, right: bool) -> None:
        """Per real-footage scene: the rep count within one and exact, the share of the
        frames with a person that report a hip angle, the angle errors."""
        self.by_scene[(scene, "exact")].append(right)
        self.by_scene[(scene, "within one")].append(abs(len(report.reps) - len(truth.reps)) <= 1)
        hips = np.array([v is not None for v in report.series.hip_deg])
        seen = truth.present[: len(hips)]
        self.by_scene[(scene, "hip seen")].append(float(hips[seen].mean()) if seen.any() else 0.0)
        for name, error in angle_errors(truth, report).items():
            self.by_scene[(scene, name)].append(error)

    def _angles(self, spec: ClipSpec, truth: Truth, report: AnalysisReport) -> None:
        if spec.scene != "plain":
            return
        for name, error in angle_errors(truth, report).items():
            self.angle_errors[(name, spec.noise)].append(error)

    def _faults(
        self,
        true_reps: tuple[RepTruth, ...],
        report: AnalysisReport,
        skipped: set[str],
        noise: float,
        hand_held: bool,
        scene: str = "plain",
    ) -> None:
        pairs, lone_found, lone_true = match_reps(true_reps, report)
        for truth_rep, found in pairs:
            for fault, value in found.measures.items():
                self.values[fault].append((truth_rep.values[fault], value))
            self.timing["start"].append(found.start_s - truth_rep.start_s)
            self.timing["bottom"].append(found.bottom_s - truth_rep.bottom_s)
            self.timing["end"].append(found.end_s - truth_rep.end_s)
        calls = [({f.fault for f in r.faults}, t.faults) for t, r in pairs]
        calls += [({f.fault for f in r.faults}, frozenset()) for r in lone_found]
        calls += [(set(), t.faults) for t in lone_true]
        for fault in FAULT_IDS:
            if fault in skipped:
                target = (
                    self.faults[fault] if scene == "plain" else self.faults_by_scene[(fault, scene)]
                )
                target.not_assessed += 1
                continue
            counts = (
                (
                    self.faults[fault],
                    self.faults_by_noise[(fault, noise)],
                    self.faults_by_hold[(fault, hand_held)],
                )
                if scene == "plain"
                else (self.faults_by_scene[(fault, scene)],)
            )
            for count in counts:
                for found, true in calls:
                    on, real = fault in found, fault in true
                    count.tp += on and real
                    count.fp += on and not real
                    count.fn += real and not on
                    count.tn += not on and not real

    def add_raw(self, spec: ClipSpec, truth: Truth, track: Track) -> None:
        """Angle errors of the raw landmarks (no gap bridging, no smoothing) on the true
        side: what the input alone would give, for comparison."""
        if not truth.assessable or spec.kind != "hinge":
            return
        arrays = track_arrays(track)
        p = {
            part: arrays.seen(f"{truth.side}_{part}", 0.5)
            for part in ("shoulder", "hip", "knee", "ankle")
        }
        up = p["hip"] + np.array([0.0, -1.0])
        raw = {
            "hip": joint_angle(p["shoulder"], p["hip"], p["knee"]),
            "knee": joint_angle(p["hip"], p["knee"], p["ankle"]),
            "trunk": joint_angle(p["shoulder"], p["hip"], up),
        }
        for name, measured in raw.items():
            error = np.abs(measured - truth.angles[name])
            self.raw_errors[(name, spec.noise)].append(error[np.isfinite(error)])

    def errors(self, angle: str, noise: float | None = None, raw: bool = False) -> np.ndarray:
        source = self.raw_errors if raw else self.angle_errors
        chunks = [
            e
            for (name, level), errs in source.items()
            for e in errs
            if name == angle and (noise is None or level == noise)
        ]
        return np.concatenate(chunks) if chunks else np.array([])


def angle_errors(truth: Truth, report: AnalysisReport) -> dict[str, np.ndarray]:
    """Per angle, the absolute error of each frame the report gives it for."""
    out = {}
    for name, key in ANGLES.items():
        measured = np.array([np.nan if v is None else v for v in getattr(report.series, key)])
        error = np.abs(measured - truth.angles[name][: len(measured)])
        out[name] = error[np.isfinite(error)]
    return out


def _situation(spec: ClipSpec) -> str:
    if spec.view == "front":
        return "front view called not assessable"
    if spec.framing == "feet-cut":
        return "feet out of frame called not assessable"
    return f"{spec.kind} from the side called assessable"


def match_reps(true_reps: tuple[RepTruth, ...], report: AnalysisReport):
    """Pairs (true rep, detected rep), unmatched detected reps, unmatched true reps."""
    pairs, used = [], set()
    for found in report.reps:
        inside = [
            k
            for k, t in enumerate(true_reps)
            if k not in used and found.start_s - 0.2 <= t.bottom_s <= found.end_s + 0.2
        ]
        if inside:
            k = min(inside, key=lambda k: abs(true_reps[k].bottom_s - found.bottom_s))
            used.add(k)
            pairs.append((true_reps[k], found))
    lone_found = [r for r in report.reps if all(r is not f for _, f in pairs)]
    lone_true = [t for k, t in enumerate(true_reps) if k not in used]
    return pairs, lone_found, lone_true
