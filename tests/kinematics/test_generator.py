"""The ground-truth generator: seeded, mirrored to the side filmed, labelled by the
magnitudes it injects (never by the detector), with unambiguous labels."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.core.kinematics.arrays import track_arrays
from hingecoach.synthetic import ClipSpec, generate_clip, generate_set
from hingecoach.synthetic.labels import BANDS
from hingecoach.synthetic.profile import RepTiming, Schedule, phase


def test_the_same_spec_gives_the_same_clip():
    a, _ = generate_clip(ClipSpec(seed=5))
    b, _ = generate_clip(ClipSpec(seed=5))
    assert a.frames[10].landmarks == b.frames[10].landmarks
    assert np.array_equal(a.frames[10].back_outline, b.frames[10].back_outline)


@pytest.mark.parametrize(("side", "toes_point"), [("left", -1), ("right", 1)])
def test_the_side_filmed_faces_the_camera(side, toes_point):
    clip, truth = generate_clip(ClipSpec(side=side, seed=2, drop_rate=0.0))
    a = track_arrays(clip)
    toe, heel = a.xy[f"{side}_foot_index"], a.xy[f"{side}_heel"]
    assert np.sign(np.median(toe[:, 0] - heel[:, 0])) == toes_point
    other = "right" if side == "left" else "left"
    assert truth.side == side
    assert a.vis[f"{side}_hip"].mean() >= a.vis[f"{other}_hip"].mean()


@pytest.mark.parametrize("fault", sorted(BANDS))
def test_an_injected_fault_labels_every_rep_and_nothing_else_unasked(fault):
    _, truth = generate_clip(ClipSpec(faults=frozenset({fault}), reps=3, seed=8))
    assert len(truth.reps) == 3
    implied = {"weight-forward"} if fault == "no-counterbalance" else set()
    assert all(rep.faults - implied == {fault} for rep in truth.reps)


def test_every_true_value_keeps_clear_of_its_label_boundary():
    for spec in generate_set(40, seed=3):
        _, truth = generate_clip(spec)
        for rep in truth.reps:
            for fault, value in rep.values.items():
                assert BANDS[fault].label(value) is not None


def test_a_value_inside_the_margin_has_no_label():
    band = BANDS["knee-dominant"]
    assert band.label(45.0) is None and band.label(60.0) is True and band.label(20.0) is False
    rng = np.random.default_rng(0)
    assert all(band.draw(rng, True) >= 52 for _ in range(50))


def test_walks_and_jumps_have_no_reps_and_dropped_frames_have_no_person():
    for kind in ("walk", "jump"):
        clip, truth = generate_clip(ClipSpec(kind=kind, seed=9, drop_rate=0.05))
        assert truth.reps == ()
        assert [f is None for f in clip.frames] == (~truth.present).tolist()


def test_a_clip_can_start_at_the_bottom():
    schedule = Schedule(0.5, (RepTiming(1.0, 0.4, 1.0, 0.5),), start_at_bottom=True)
    p, times = phase(schedule, 30.0)
    assert p[0] == 1.0 and times[0][0] == 0.0 and p[-1] == 0.0


def test_the_true_angles_follow_the_hinge():
    _, truth = generate_clip(ClipSpec(seed=10, reps=1))
    assert truth.angles["hip"][0] > 160 and truth.angles["hip"].min() < 120
    assert truth.angles["trunk"].max() > 40
