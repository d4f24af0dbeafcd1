"""Each fault is found on a generated clip that has it and not on a clean one; the lumbar
measure reads the back's outline the right way round whichever way the person faces."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pytest

from hingecoach.core.kinematics import FAULT_IDS, analyze_track, default_video_thresholds
from hingecoach.core.kinematics.back import sagittas
from hingecoach.synthetic import ClipSpec, generate_clip
from kinematics.builders import figure, frame, lean_curve, track, world_to_image

THRESHOLDS = default_video_thresholds()


@cache
def report_for(faults: tuple[str, ...], side: str, seed: int):
    spec = ClipSpec(faults=frozenset(faults), side=side, seed=seed, noise=0.002)
    return analyze_track(generate_clip(spec)[0])


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
    passed = finding.value < rule.threshold if fault == "no-counterbalance" else (
        finding.value > rule.threshold)
    assert passed and finding.value == pytest.approx(rep.measures[fault], abs=1e-3)


def outline(body: dict, bulge: float, facing: int, points: int = 20) -> list[tuple[float, float]]:
    """A back surface a fifth of the trunk behind the hip-shoulder line of ``body`` with a
    lower half bowed ``bulge`` trunk lengths backward (negative: hollow), in pixels."""
    hip, shoulder = np.array(body["hip"]), np.array(body["shoulder"])
    chord = shoulder - hip
    along = chord / np.linalg.norm(chord)
    backward = np.array([-along[1], along[0]])
    out = []
    for u in np.linspace(0, 1, points):
        lower = math.sin(math.pi * u / 0.5) if u <= 0.5 else 0.0
        p = hip + u * chord + (0.2 + bulge * lower) * np.linalg.norm(chord) * backward
        out.append(world_to_image((float(p[0]), float(p[1])), facing))
    return out


@pytest.mark.parametrize("facing", [1, -1])
@pytest.mark.parametrize("bulge", [-0.06, -0.02, 0.0, 0.04])
def test_the_lumbar_sagitta_reads_a_bulge_as_positive_and_a_hollow_as_negative(facing, bulge):
    body = {k: np.array([world_to_image(v, facing)]) for k, v in figure(60).items()}
    points = np.array([outline(figure(60), bulge, facing)])
    (value,) = sagittas(points, body["hip"], body["shoulder"], facing)
    assert value == pytest.approx(bulge, abs=0.004)


@pytest.mark.parametrize(("bulge", "expected"), [
    (0.04, {"lumbar-flexion"}), (-0.09, {"lumbar-extension"}), (-0.02, set())])
def test_a_hand_built_back_is_judged_from_its_outline(bulge, expected):
    frames = []
    for lean in lean_curve(reps=1):
        shape = -0.02 + (bulge + 0.02) * lean / 70
        body = figure(lean, 15, 15 - 35 * math.sin(math.radians(lean)))
        frames.append(frame(body, 1, outline=outline(body, shape, 1)))
    report = analyze_track(track(frames))
    assert {f.fault for f in report.reps[0].faults} & {"lumbar-flexion", "lumbar-extension"} == (
        expected)
