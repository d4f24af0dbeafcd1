"""Each fault is found on a generated clip that has it and not on a clean one; the lumbar
measure reads the back's outline the right way round whichever way the person faces."""

from __future__ import annotations

import math
from dataclasses import replace
from functools import cache

import numpy as np
import pytest

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import (
    FAULT_IDS,
    Landmark,
    Track,
    analyze_track,
    default_video_thresholds,
)
from hingecoach.core.kinematics.back import bends
from hingecoach.synthetic import ClipSpec, generate_clip
from kinematics.builders import figure, frame, lean_curve, track, world_to_image

CATALOG = default_catalog()

THRESHOLDS = default_video_thresholds()


@cache
def report_for(faults: tuple[str, ...], side: str, seed: int):
    spec = ClipSpec(faults=frozenset(faults), side=side, seed=seed, noise=0.002)
    return analyze_track(generate_clip(spec)[0], catalog=CATALOG)


@pytest.mark.parametrize("fault", FAULT_IDS)
@pytest.mark.parametrize("side", ["left", "right"])
def test_each_fault_is_found_in_every_rep_that_has_it(fault, side):
    report = report_for((fault,), side, 11)
    assert report.reps and all(fault in {f.fault for f in rep.faults} for rep in report.reps)
    assert fault in report.faults


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("seed", [11, 12])
def test_a_clean_hinge_shows_no_fault(side, seed):
    report = report_for((), side, seed)
    assert report.reps and report.faults == []
    assert set(report.reps[0].measures) == set(FAULT_IDS)


@pytest.mark.parametrize("fault", FAULT_IDS)
def test_a_finding_carries_its_frame_value_threshold_and_confidence(fault):
    rep = report_for((fault,), "left", 11).reps[0]
    (finding,) = [f for f in rep.faults if f.fault == fault]
    rule = THRESHOLDS.faults[fault]
    assert finding.threshold == rule.threshold and finding.measure == rule.measure
    assert rep.start_s <= finding.t_s <= rep.end_s
    assert 0.5 <= finding.confidence <= 1.0
    passed = (
        finding.value < rule.threshold
        if fault == "no-counterbalance"
        else (finding.value > rule.threshold)
    )
    assert passed and finding.value == pytest.approx(rep.measures[fault], abs=1e-3)


def outline(body: dict, bend: float, facing: int, points: int = 30) -> list[tuple[float, float]]:
    """A back surface a fifth of the trunk behind the hip-shoulder line of ``body``, with
    buttocks standing out below a quarter of the way up and a lower back (a quarter to
    two thirds of the way up) turning by ``bend`` degrees (negative: hollow), in pixels."""
    hip, shoulder = np.array(body["hip"]), np.array(body["shoulder"])
    chord = shoulder - hip
    along = chord / np.linalg.norm(chord)
    backward = np.array([-along[1], along[0]])
    curve = -math.tan(math.radians(bend) / 2) / 0.4  # v = curve * (u - 0.45)**2
    out = []
    for u in np.linspace(0, 1, points):
        glutes = 0.12 * math.cos(math.pi / 2 * u / 0.22) ** 2 if u < 0.22 else 0.0
        v = 0.2 + glutes + curve * (u - 0.45) ** 2
        p = hip + u * chord + v * np.linalg.norm(chord) * backward
        out.append(world_to_image((float(p[0]), float(p[1])), facing))
    return out


@pytest.mark.parametrize("facing", [1, -1])
@pytest.mark.parametrize("bend", [-30.0, -10.0, 0.0, 25.0])
def test_the_lumbar_bend_reads_rounded_as_positive_and_hollow_as_negative(facing, bend):
    body = {k: np.array([world_to_image(v, facing)]) for k, v in figure(60).items()}
    points = np.array([outline(figure(60), bend, facing)])
    (value,) = bends(points, body["hip"], body["shoulder"], facing, THRESHOLDS.back.stretch)
    assert value == pytest.approx(bend, abs=0.5)


def hand_built_back(standing: float, change: float) -> set[str]:
    """The lumbar faults of one hinge whose back bends ``standing`` degrees upright and
    ``change`` degrees more (rounder) at the bottom."""
    frames = []
    for lean in lean_curve(reps=1):
        bend = standing + change * lean / 70
        body = figure(lean, 15, 15 - 35 * math.sin(math.radians(lean)))
        frames.append(frame(body, 1, outline=outline(body, bend, 1)))
    report = analyze_track(track(frames), catalog=CATALOG)
    return {f.fault for f in report.reps[0].faults} & {"lumbar-flexion", "lumbar-extension"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [(30.0, {"lumbar-flexion"}), (-25.0, {"lumbar-extension"}), (5.0, set()), (-5.0, set())],
)
def test_a_hand_built_back_is_judged_by_its_change_from_standing(change, expected):
    assert hand_built_back(-20.0, change) == expected


@pytest.mark.parametrize("standing", [-45.0, -20.0, 0.0, 15.0])
def test_a_back_that_keeps_its_standing_shape_is_never_flagged(standing):
    """However hollow or flat a person stands (build, clothing, how the mask is cut)."""
    assert hand_built_back(standing, 0.0) == set()


def test_a_hand_held_phone_drifting_reads_as_no_fault():
    """The whole image drifts by about 1 % of the person's height, as a phone held in
    the hand does: no part of the body moved, so no fault may appear (read in the
    image, the toe's height turned 3 of these 30 clean clips into toe lifts)."""
    for seed in range(30):
        spec = ClipSpec(seed=seed, sway=0.01, noise=0.0, drop_rate=0.0)
        report = analyze_track(generate_clip(spec)[0], catalog=CATALOG)
        assert report.reps and report.faults == [], seed


def test_frames_whose_outline_is_unusable_read_nan_beside_those_that_are():
    body = {k: np.array([world_to_image(v, 1)] * 3) for k, v in figure(60).items()}
    good = outline(figure(60), -20.0, 1)
    points = np.array([good, [(np.nan, np.nan)] * len(good), good])
    values = bends(points, body["hip"], body["shoulder"], 1, THRESHOLDS.back.stretch)
    assert np.isnan(values[1]) and values[0] == pytest.approx(-20.0, abs=0.5) == values[2]


def shoulders_sliding_down(clip: Track, share: float) -> Track:
    """``clip`` with each shoulder point moved toward its hip by ``share`` of the trunk
    at a lean of 60 degrees or more (in proportion below), as the pose model's shoulder
    point moves when the shoulder blades slide and the arms hang in a hinge."""
    frames = []
    for each in clip.frames:
        marks = dict(each.landmarks) if each is not None else {}
        for side in ("left", "right"):
            if each is None:
                break
            hip, shoulder = marks[f"{side}_hip"], marks[f"{side}_shoulder"]
            dx, dy = shoulder.x - hip.x, shoulder.y - hip.y
            k = share * min(abs(math.degrees(math.atan2(dx, -dy))), 60.0) / 60.0
            marks[f"{side}_shoulder"] = Landmark(
                shoulder.x - k * dx, shoulder.y - k * dy, shoulder.visibility
            )
        frames.append(None if each is None else replace(each, landmarks=marks))
    return Track(clip=clip.clip, frames=frames)


def test_a_shoulder_point_sliding_down_the_trunk_is_not_read_as_a_rounded_back():
    """The lumbar stretch is a fixed part of the spine; sized by each frame's
    hip-shoulder distance it slid toward the buttocks as the shoulder point slid down,
    and read a clean hinge about 12 degrees rounder than it is (a false lumbar-flexion
    on the filmed mannequin of the speed benchmark)."""
    errors = []
    for seed in range(8):
        clip, truth = generate_clip(ClipSpec(seed=seed, noise=0.0, drop_rate=0.0))
        report = analyze_track(shoulders_sliding_down(clip, 0.15), catalog=CATALOG)
        assert "lumbar-flexion" not in report.faults, seed
        errors += [
            abs(rep.measures["lumbar-flexion"] - true.values["lumbar-flexion"])
            for rep, true in zip(report.reps, truth.reps, strict=True)
        ]
    assert np.median(errors) < 4.0


def test_one_frame_of_outline_at_the_bottom_is_not_enough_to_judge_the_lower_back():
    """Deep in the rep the back's outline is lost (a plate, an arm, the mask) but for
    one frame, which reads far rounder: smoothing bridges short gaps, so that lone
    frame used to decide the verdict alone (a false lumbar fault from the heavy model
    on the last, unfinished rep of a real deadlift clip)."""
    frames = []
    leans = lean_curve(reps=1)
    deep = [i for i, lean in enumerate(leans) if lean >= 0.9 * max(leans)]
    lone = deep[len(deep) // 2]
    for i, lean in enumerate(leans):
        body = figure(lean, 15, 15 - 35 * math.sin(math.radians(lean)))
        drawn = outline(body, 25.0 if i == lone else -20.0, 1)
        frames.append(frame(body, 1, outline=None if i in deep and i != lone else drawn))
    report = analyze_track(track(frames), catalog=CATALOG)
    assert report.reps and report.reps[0].faults == []
    assert "lumbar-flexion" not in report.reps[0].measures
