"""Clips that cannot support a verdict say so, and why; faults a clip cannot judge are
listed as not assessed instead of being guessed."""

from __future__ import annotations

import pytest

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import FAULT_IDS, Landmark, analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from kinematics.builders import (
    disturb,
    figure,
    frame,
    front_frame,
    hinge_frames,
    lean_curve,
    track,
)

CATALOG = default_catalog()


def refused(report) -> str:
    assert report.assessable is False
    assert report.side is None and report.reps == [] and report.faults == []
    assert [item.fault for item in report.not_assessed] == list(FAULT_IDS)
    assert all(item.why == report.reason for item in report.not_assessed)
    return report.reason


def test_a_clip_with_no_person_is_not_assessable():
    report = analyze_track(track([None] * 90), catalog=CATALOG)
    assert refused(report) == "no person found in the clip"
    assert report.series.hip_deg == [None] * 90 and len(report.series.t_s) == 90


def test_a_front_view_is_not_assessable():
    reason = refused(analyze_track(track([front_frame()] * 90), catalog=CATALOG))
    assert reason.startswith("filmed from the front or back, not the side")


def test_a_generated_front_view_hinge_is_not_assessable():
    clip, _ = generate_clip(ClipSpec(view="front", seed=4))
    assert refused(analyze_track(clip, catalog=CATALOG)).startswith("filmed from the front or back")


def test_too_few_frames_is_not_assessable():
    reason = refused(analyze_track(track([frame(figure())] * 12 + [None] * 30), catalog=CATALOG))
    assert reason == (
        "too few frames: a person is seen in 12 frames (0.40 s), at least 0.5 s needed"
    )


def test_a_person_partly_out_of_frame_is_not_assessable():
    low = hinge_frames(lean_curve(reps=1), origin=(900.0, 1150.0))
    reason = refused(analyze_track(track(low), catalog=CATALOG))
    assert reason.startswith("too little of the body in frame: the right ankle is out of frame")


def test_generated_feet_below_the_image_are_not_assessable():
    clip, _ = generate_clip(ClipSpec(framing="feet-cut", seed=5))
    reason = refused(analyze_track(clip, catalog=CATALOG))
    assert reason.startswith("too little of the body in frame")


def test_a_dark_clip_is_not_assessable():
    reason = refused(analyze_track(track([frame(figure())] * 60, brightness=0.04), catalog=CATALOG))
    assert reason == "clip too dark: mean brightness 0.04, at least 0.10 needed"


def test_a_clip_with_too_low_a_frame_rate_is_not_assessable():
    reason = refused(analyze_track(track([frame(figure())] * 60, fps=5.0), catalog=CATALOG))
    assert reason == "frame rate 5 fps is below the 10 fps needed"


def test_unsure_landmarks_everywhere_make_it_not_assessable():
    faint = hinge_frames(lean_curve(reps=1), near_visibility=0.2, far_visibility=0.2)
    assert refused(analyze_track(track(faint), catalog=CATALOG)).startswith(
        "cannot tell which way the person faces: the feet and head are not seen clearly"
    )


def test_standing_still_is_assessable_with_no_rep():
    report = analyze_track(track([frame(figure())] * 60), catalog=CATALOG)
    assert report.assessable and report.reps == [] and report.faults == []


def test_short_tracking_gaps_are_bridged_and_long_ones_left_null():
    frames = hinge_frames(lean_curve(reps=2))
    frames[40:44] = [None] * 4
    frames[100:130] = [None] * 30
    report = analyze_track(track(frames), catalog=CATALOG)
    hip = report.series.hip_deg
    assert None not in hip[40:44]
    assert hip[100:130] == [None] * 30
    assert len(report.reps) == 2


def test_without_a_back_outline_the_lumbar_faults_are_not_assessed():
    report = analyze_track(track(hinge_frames(lean_curve(reps=1))), catalog=CATALOG)
    assert report.assessable
    why = "back outline not visible: the pose backend gave no outline of the back"
    assert {item.fault: item.why for item in report.not_assessed} == {
        "lumbar-flexion": why,
        "lumbar-extension": why,
    }
    assert all("lumbar-flexion" not in rep.measures for rep in report.reps)


def test_an_outline_seen_in_too_few_frames_is_not_enough():
    clip, _ = generate_clip(ClipSpec(outline="partial", seed=6))
    report = analyze_track(clip, catalog=CATALOG)
    why = {item.fault: item.why for item in report.not_assessed}
    assert why["lumbar-flexion"].startswith("back outline visible in only 2")


def test_feet_not_seen_leave_weight_and_toes_not_assessed():
    frames = hinge_frames(lean_curve(reps=1))
    for f in frames:
        for name in ("right_heel", "right_foot_index"):
            mark = f.landmarks[name]
            f.landmarks[name] = Landmark(mark.x, mark.y, 0.1)  # type: ignore[index]
    report = analyze_track(track(frames), catalog=CATALOG)
    skipped = {item.fault for item in report.not_assessed}
    assert {"weight-forward", "toes-lift"} <= skipped
    assert report.reps and all("toes-lift" not in rep.measures for rep in report.reps)


def test_an_unknown_exercise_is_refused():
    from hingecoach.core.errors import CaseError

    with pytest.raises(CaseError, match="exercise: unknown exercise 'kneeling-squat-dance'"):
        analyze_track(track([None]), exercise="kneeling-squat-dance", catalog=CATALOG)


@pytest.mark.parametrize("faults", [(), ("knee-dominant",)])
def test_a_fault_a_rep_cannot_measure_is_said_not_assessed_never_read_as_clean(faults):
    """A bar hiding the knee through the bottom of the second rep: a clean clip says
    knee-dominant was not measured there; a clip that showed it in rep 1 has its verdict."""
    spec = ClipSpec(faults=frozenset(faults), reps=2, noise=0.0, drop_rate=0.0, seed=5)
    clip, truth = generate_clip(spec)
    bottom = truth.reps[1].bottom_s
    disturb(clip, ("knee",), bottom - 0.6, bottom + 0.6)
    report = analyze_track(clip, catalog=CATALOG)
    assert len(report.reps) == 2
    assert report.reps[1].bottom_s == pytest.approx(bottom, abs=0.3)  # from the lean
    assert "knee-dominant" in report.reps[0].measures
    assert "knee-dominant" not in report.reps[1].measures
    assert {f.fault for f in report.reps[1].faults} == set()
    why = {item.fault: item.why for item in report.not_assessed}
    if faults:
        assert report.faults == ["knee-dominant"] and "knee-dominant" not in why
    else:
        assert report.faults == []
        assert why["knee-dominant"].startswith("could not be measured in rep 2: the hip, knee")


def test_a_rep_whose_legs_are_never_seen_is_no_rep_and_no_crash():
    spec = ClipSpec(reps=5, start_at_bottom=True, noise=0.0, drop_rate=0.0, seed=8)
    clip, truth = generate_clip(spec)
    disturb(clip, ("knee",), 0.0, truth.reps[0].end_s)
    report = analyze_track(clip, catalog=CATALOG)
    assert report.assessable and len(report.reps) == 4
    assert all(rep.bottom_s > truth.reps[0].end_s for rep in report.reps)


def test_an_ankle_put_on_someone_else_for_a_moment_does_not_refuse_the_rep():
    spec = ClipSpec(reps=2, noise=0.0, drop_rate=0.0, seed=9)
    clip, truth = generate_clip(spec)
    rep = truth.reps[0]
    leg_px = clip.clip.height * 0.25  # well past a tenth of the leg
    disturb(clip, ("ankle",), rep.bottom_s, rep.bottom_s + 0.1, shift=(leg_px, 0.0))
    assert len(analyze_track(clip, catalog=CATALOG).reps) == 2
