"""A clip's advice speaks the words of the clip's own exercise: a knee-bending deadlift
is not told to keep a soft, fixed knee."""

from __future__ import annotations

from hingecoach.core.catalog import default_catalog
from hingecoach.core.kinematics import analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.web.clips.selectors import clip_fault_advice

CATALOG = default_catalog()


def squatted(exercise: str):
    track, _ = generate_clip(
        ClipSpec(faults=frozenset({"knee-dominant"}), noise=0.0, drop_rate=0.0, seed=4)
    )
    return analyze_track(track, exercise, catalog=CATALOG)


def test_the_fix_for_a_squatted_deadlift_is_the_deadlifts_own():
    catalog = default_catalog()
    advice = {a.fault: a for a in clip_fault_advice(report=squatted("deadlift"))}
    assert advice["knee-dominant"].fix == catalog.fault_words("knee-dominant", "deadlift")[1]
    assert advice["knee-dominant"].fix != catalog.faults["knee-dominant"].fix


def test_the_test_keeps_the_general_fix():
    catalog = default_catalog()
    advice = {a.fault: a for a in clip_fault_advice(report=squatted("bodyweight-hip-hinge"))}
    assert (
        advice["knee-dominant"].fix
        == catalog.fault_words("knee-dominant", "bodyweight-hip-hinge")[1]
    )
