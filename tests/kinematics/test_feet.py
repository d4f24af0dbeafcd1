"""The feet: a heel lift reads as the weight over the toes, and heel and toe points that
do not follow the foot leave both foot faults not assessed, never judged clean."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import Landmark, Track, analyze_track
from hingecoach.synthetic import ClipSpec, Truth, generate_clip

CATALOG = default_catalog()
FEET = ("weight-forward", "toes-lift")


def _depth(truth: Truth) -> np.ndarray:
    """Per frame, 0 standing to 1 at the deepest lean of the clip."""
    lean = np.nan_to_num(truth.angles["trunk"])
    return np.clip((lean - 20.0) / (np.max(lean) - 20.0), 0.0, 1.0)


def heels_lifted(track: Track, truth: Truth, degrees: float) -> Track:
    """Both feet rock forward about the toe by up to ``degrees`` in the deep part of
    each rep (the heels leave the floor) and everything above the ankle rides up
    with the ankle."""
    frames = []
    for f, share in zip(track.frames, _depth(truth), strict=True):
        if f is None:
            frames.append(None)
            continue
        xy = {name: np.array(mark[:2], dtype=float) for name, mark in f.landmarks.items()}
        shift = np.zeros(2)
        for side in ("left", "right"):
            toe = xy[f"{side}_foot_index"]
            forward = 1.0 if toe[0] > xy[f"{side}_heel"][0] else -1.0
            turn = np.radians(degrees * share) * forward  # image y points down
            c, s = np.cos(turn), np.sin(turn)
            rotation = np.array([[c, -s], [s, c]])
            for part in ("heel", "ankle"):
                moved = toe + rotation @ (xy[f"{side}_{part}"] - toe)
                if part == "ankle":
                    shift += (moved - xy[f"{side}_ankle"]) / 2
                xy[f"{side}_{part}"] = moved
        for name in xy:
            if not name.endswith(("heel", "ankle", "foot_index")):
                xy[name] = xy[name] + shift
        marks = {
            name: Landmark(float(p[0]), float(p[1]), f.landmarks[name].visibility)
            for name, p in xy.items()
        }
        outline = None if f.back_outline is None else np.asarray(f.back_outline) + shift
        frames.append(replace(f, landmarks=marks, back_outline=outline))
    return Track(clip=track.clip, frames=frames)


def feet_stretching(track: Track, truth: Truth, share: float) -> Track:
    """The heel point slides back and the toe point forward as the trunk leans, the foot
    reading up to ``share`` longer at the bottom: what the real pose model did to drawn
    feet that kept their length."""
    frames = []
    for f, depth in zip(track.frames, _depth(truth), strict=True):
        if f is None:
            frames.append(None)
            continue
        marks = dict(f.landmarks)
        for side in ("left", "right"):
            heel, toe = marks[f"{side}_heel"], marks[f"{side}_foot_index"]
            half = (toe.x - heel.x) * share * depth / 2
            marks[f"{side}_heel"] = heel._replace(x=heel.x - half)
            marks[f"{side}_foot_index"] = toe._replace(x=toe.x + half)
        frames.append(replace(f, landmarks=marks))
    return Track(clip=track.clip, frames=frames)


@pytest.mark.parametrize("seed", range(6))
def test_heels_off_the_floor_read_as_the_weight_over_the_toes(seed):
    side = ("left", "right")[seed % 2]
    track, truth = generate_clip(ClipSpec(seed=seed, reps=2, side=side))
    assert "weight-forward" not in analyze_track(track, "deadlift", catalog=CATALOG).faults
    report = analyze_track(heels_lifted(track, truth, 25.0), "deadlift", catalog=CATALOG)
    assert report.reps and all(
        "weight-forward" in {f.fault for f in rep.faults} for rep in report.reps
    )
    assert all(rep.measures["weight-forward"] >= 1.0 for rep in report.reps)


@pytest.mark.parametrize("seed", range(4))
def test_a_small_heel_lift_is_not_needed_for_a_clean_rep(seed):
    track, truth = generate_clip(ClipSpec(seed=seed, reps=2))
    report = analyze_track(heels_lifted(track, truth, 2.0), "deadlift", catalog=CATALOG)
    assert "weight-forward" not in report.faults


@pytest.mark.parametrize("seed", range(4))
def test_foot_points_that_stretch_the_foot_leave_the_foot_faults_not_assessed(seed):
    spec = ClipSpec(seed=seed, reps=2, faults=frozenset({"toes-lift"}))
    track, truth = generate_clip(spec)
    assert "toes-lift" in analyze_track(track, catalog=CATALOG).faults
    report = analyze_track(feet_stretching(track, truth, 0.25), catalog=CATALOG)
    why = {item.fault: item.why for item in report.not_assessed}
    assert set(FEET) <= set(why), why
    assert all("do not follow the foot" in why[fault] for fault in FEET)
    assert not set(FEET) & set(report.faults)
    assert all(not set(FEET) & set(rep.measures) for rep in report.reps)


@pytest.mark.parametrize("seed", range(4))
def test_feet_that_keep_their_length_are_still_judged(seed):
    spec = ClipSpec(seed=seed, reps=2, faults=frozenset({"toes-lift"}))
    track, truth = generate_clip(spec)
    report = analyze_track(feet_stretching(track, truth, 0.0), catalog=CATALOG)
    assert not set(FEET) & {item.fault for item in report.not_assessed}
    assert "toes-lift" in report.faults
