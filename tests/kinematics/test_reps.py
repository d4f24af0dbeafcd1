"""Rep segmentation on hand-made signals, and no reps for walking or jumping."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import analyze_track, default_video_thresholds
from hingecoach.core.kinematics.reps import Motion, find_reps, zigzag
from hingecoach.synthetic import ClipSpec, generate_clip
from kinematics.builders import hinge_frames, lean_curve, track

CATALOG = default_catalog()

RULES = default_video_thresholds().reps
LEG = 100.0


def reps_of(lean, ankle=None, fps=30.0):
    lean = np.asarray(lean, dtype=float)
    ankle = np.zeros((len(lean), 2)) if ankle is None else ankle
    motion = Motion(
        lean=lean,
        hip_angle=180.0 - 1.2 * lean,
        hip=np.zeros((len(lean), 2)),
        ankle=ankle,
        ankle_placed=ankle,
        shoulder=np.zeros((len(lean), 2)),
        leg=LEG,
        fps=fps,
    )
    return find_reps(motion, RULES)


def test_zigzag_turns_only_on_a_big_enough_swing():
    signal = np.array([0, 5, 3, 40, 38, 41, 10, 12, 9])
    assert zigzag(signal, 20) == [("peak", 5)]


def test_two_hinges_are_two_reps_with_their_bottoms_at_the_deepest_lean():
    lean = lean_curve(reps=2)
    reps = reps_of(lean)
    assert len(reps) == 2
    for rep in reps:
        assert rep.start < rep.bottom < rep.end
        assert lean[rep.bottom] == pytest.approx(max(lean[rep.start : rep.end + 1]), abs=1)


def test_rep_boundaries_sit_near_standing():
    lean = lean_curve(reps=1)
    (rep,) = reps_of(lean)
    assert lean[rep.start] < 6 and lean[rep.end] < 6


def test_a_clip_that_starts_at_the_bottom_and_stands_up_once_is_one_rep():
    (rep,) = reps_of(lean_curve(reps=1, start_at_bottom=True))
    assert rep.start == 0


def test_a_clip_that_ends_at_the_bottom_still_counts_the_rep_to_its_end():
    lean = lean_curve(reps=2)[:-40]
    reps = reps_of(lean)
    assert len(reps) == 2 and reps[-1].end == len(lean) - 1


def test_jitter_does_not_split_a_rep():
    lean = np.array(lean_curve(reps=3))
    assert len(reps_of(lean + np.random.default_rng(3).normal(0, 3, len(lean)))) == 3


def test_leaning_less_than_30_degrees_is_not_a_rep():
    assert reps_of(lean_curve(reps=2, depth=25)) == []


def test_feet_that_move_a_fifth_of_the_leg_make_it_no_rep():
    lean = lean_curve(reps=1)
    ankle = np.zeros((len(lean), 2))
    ankle[len(lean) // 2 :, 0] = 0.2 * LEG
    assert reps_of(lean, ankle) == []


def test_feet_that_shift_a_little_still_count():
    lean = lean_curve(reps=1)
    ankle = np.zeros((len(lean), 2))
    ankle[len(lean) // 2 :, 0] = 0.05 * LEG
    assert len(reps_of(lean, ankle)) == 1


def test_a_hand_built_hinge_clip_is_counted_through_the_whole_analysis():
    report = analyze_track(track(hinge_frames(lean_curve(reps=3))), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 3
    assert all(rep.hip_rom_deg > 60 and rep.max_trunk_deg > 60 for rep in report.reps)
    assert all(rep.tempo.down_s > 0.5 and rep.tempo.up_s > 0.5 for rep in report.reps)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_walking_past_the_camera_is_no_rep(seed):
    report = analyze_track(generate_clip(ClipSpec(kind="walk", seed=seed))[0], catalog=CATALOG)
    assert report.assessable and report.reps == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_jump_is_no_rep_though_the_trunk_leans_past_30_degrees(seed):
    track_, truth = generate_clip(ClipSpec(kind="jump", seed=seed))
    assert truth.angles["trunk"].max() > 30
    report = analyze_track(track_, catalog=CATALOG)
    assert report.assessable and report.reps == []


def test_a_rep_with_too_few_standing_frames_to_judge_by_is_not_judged_for_flight():
    """Feet behind plates (the ankle thrown about), three reps; at each lockout the
    frame's top cuts the head off and the model puts the shoulder half a trunk low,
    while the trunk reads upright in only four frames, two of them still. Two frames
    cannot say where standing is: the reps stand, not taken for flights."""
    fps, trunk = 30.0, 60.0
    rest = [20.0] * 8 + [5.0] * 4 + [20.0] * 8
    down = list(np.linspace(20.0, 70.0, 20)) + list(np.linspace(70.0, 20.0, 20))
    lean = np.array(rest + (down + rest) * 3)
    low = lean < 30
    rng = np.random.default_rng(0)
    ankle = rng.uniform(-0.1, 0.1, (len(lean), 2)) * LEG
    hip = np.zeros((len(lean), 2))
    shoulder = np.column_stack(
        [trunk * np.sin(np.radians(lean)), -trunk * np.cos(np.radians(lean)) + 0.5 * trunk * low]
    )
    motion = Motion(
        lean=lean,
        hip_angle=180.0 - 1.2 * lean,
        hip=hip,
        ankle=ankle,
        ankle_placed=ankle,
        shoulder=shoulder,
        leg=LEG,
        fps=fps,
    )
    reps = find_reps(motion, RULES)
    assert len(reps) == 3 and not any(rep.legs_steady for rep in reps)
