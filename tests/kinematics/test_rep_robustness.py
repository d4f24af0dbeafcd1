"""Rep counting on what a real phone clip of a deadlift set showed the pose model doing:
a trunk drawn shorter while bent through a set spent mostly at the bottom, lockouts
lost in long gaps, an upside-down or lying-back skeleton, an ankle drifting behind a
plate, legs drawn short with a shrug or a quick lowering at the lockout, and a clip that
ends on a descent. Each is rebuilt on hand-made tracks, through the whole analysis."""

from __future__ import annotations

import math

import numpy as np

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import Frame, Landmark, analyze_track
from kinematics.builders import figure, frame, hinge_frames, lean_curve, track

CATALOG = default_catalog()
FPS = 30.0
SIDES = ("left", "right")


def held_at_the_bottom(reps: int, hold_s: float = 3.0, rest_s: float = 0.6) -> list[float]:
    """Trunk lean per frame: ``reps`` hinges to 70 degrees, each held ``hold_s`` at the
    bottom, with ``rest_s`` standing before and after each."""
    rest, move = [2.0] * int(rest_s * FPS), int(0.7 * FPS)
    leans = list(rest)
    for _ in range(reps):
        leans += [2.0 + 68.0 * (1 - math.cos(math.pi * i / move)) / 2 for i in range(move)]
        leans += [70.0] * int(hold_s * FPS)
        leans += [70.0 - 68.0 * (1 - math.cos(math.pi * i / move)) / 2 for i in range(move)]
        leans += rest
    return leans


def moved(seen: Frame, parts: tuple[str, ...], to) -> Frame:
    """``seen`` with both sides' ``parts`` put where ``to(landmark, side)`` says."""
    marks = dict(seen.landmarks)
    for side in SIDES:
        for part in parts:
            marks[f"{side}_{part}"] = to(marks[f"{side}_{part}"], side)
    return Frame(landmarks=marks, back_outline=seen.back_outline)


def scaled_from_hip(seen: Frame, parts: tuple[str, ...], share: float) -> Frame:
    """``parts`` drawn ``share`` as far from the hip as they are."""

    def to(mark: Landmark, side: str) -> Landmark:
        hip = seen.landmarks[f"{side}_hip"]
        return Landmark(
            hip.x + share * (mark.x - hip.x), hip.y + share * (mark.y - hip.y), mark.visibility
        )

    return moved(seen, parts, to)


def test_a_set_spent_mostly_at_the_bottom_keeps_its_standing_frames():
    """The model draws the trunk shorter the more it leans (two thirds of its standing
    length at 70 degrees); held at the bottom, the bent frames are most of the clip."""
    leans = held_at_the_bottom(3)
    frames = [
        scaled_from_hip(f, ("shoulder",), 1.0 - 0.35 * math.sin(math.radians(lean)))
        for f, lean in zip(hinge_frames(leans), leans, strict=True)
    ]
    assert np.mean(np.array(leans) > 45) > 0.6
    report = analyze_track(track(frames, fps=FPS), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 3
    standing = [i for i, lean in enumerate(leans) if lean < 5]
    assert all(report.series.trunk_deg[i] is not None for i in standing)


def test_lockouts_lost_in_long_gaps_leave_the_reps_apart():
    """The person is lost whenever the trunk comes up past 40 degrees between reps: the
    gaps are longer than a bridge may be, so the reps either side stay apart."""
    leans = lean_curve(reps=3, fps=FPS)
    frames: list[Frame | None] = list(hinge_frames(leans))
    bottoms = [i for i in range(1, len(leans) - 1) if leans[i - 1] < leans[i] >= leans[i + 1]]
    for i, lean in enumerate(leans):
        if lean < 40 and bottoms[0] < i < bottoms[-1]:
            frames[i] = None
    report = analyze_track(track(frames, fps=FPS), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 3


def test_a_skeleton_turned_upside_down_for_a_moment_is_no_rep():
    """For three standing frames between two reps the model turns the skeleton over:
    the nose and shoulders below the hips, the knees above them."""
    leans = lean_curve(reps=2, fps=FPS)
    frames = hinge_frames(leans)
    between = len(leans) // 2
    upside_down = hinge_frames([2.0])[0]
    flipped = moved(
        upside_down,
        ("shoulder", "knee", "ankle", "heel", "foot_index"),
        lambda mark, side: Landmark(
            mark.x, 2 * upside_down.landmarks[f"{side}_hip"].y - mark.y, mark.visibility
        ),
    )
    nose = upside_down.landmarks["nose"]
    hip_y = upside_down.landmarks["right_hip"].y
    flipped.landmarks["nose"] = Landmark(nose.x, 2 * hip_y - nose.y, nose.visibility)
    for i in range(between - 1, between + 2):
        frames[i] = flipped
    report = analyze_track(track(frames, fps=FPS), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 2
    assert all(rep.max_trunk_deg < 90 for rep in report.reps)


def test_a_skeleton_lying_back_in_most_frames_is_not_assessable():
    """A drawn overlay's figure, leaning back 110 degrees, is what the model followed in
    seven frames out of ten; the lifter's own hinge shows in the rest."""
    leans = lean_curve(reps=1, fps=FPS)
    lifter = hinge_frames(leans)
    overlay = [frame(figure(-110.0 + (i % 7))) for i in range(len(leans))]
    frames = [lifter[i] if i % 10 < 3 else overlay[i] for i in range(len(leans))]
    report = analyze_track(track(frames, fps=FPS), catalog=CATALOG)
    assert not report.assessable and report.reps == []
    assert report.reason is not None and "too little of the body" in report.reason


def test_an_ankle_drifting_smoothly_behind_a_plate_leaves_the_rep_counted_by_the_trunk():
    """The model, unsure of the ankle behind a plate (visibility 0.6), slides it and the
    foot back by a fifth of the leg as the lifter goes down and forward again as they
    come up: it moves smoothly, so it looks followed, but it does not stay put. The
    hips and shoulders show the body stayed on the ground."""
    leans = lean_curve(reps=1, fps=FPS)
    leg = 400.0 * 0.86
    frames = []
    for seen, lean in zip(hinge_frames(leans), leans, strict=True):
        drift = 0.2 * leg * lean / max(leans)
        frames.append(
            moved(
                seen,
                ("ankle", "heel", "foot_index"),
                lambda mark, side, d=drift: Landmark(mark.x - d, mark.y, 0.6),
            )
        )
    report = analyze_track(track(frames, fps=FPS), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 1
    assert report.faults == []
    assert "knee-dominant" in {n.fault for n in report.not_assessed}


def thrown_about(frames: list[Frame], spread: float, seed: int) -> list[Frame]:
    """Every frame's knee and below moved at random by up to ``spread`` pixels, as a
    model guessing at legs behind plates does."""
    rng = np.random.default_rng(seed)
    out = []
    for seen in frames:
        marks = dict(seen.landmarks)
        for side in SIDES:
            for part in ("knee", "ankle", "heel", "foot_index"):
                mark = marks[f"{side}_{part}"]
                dx, dy = rng.uniform(-spread, spread, 2)
                marks[f"{side}_{part}"] = Landmark(mark.x + dx, mark.y + dy, mark.visibility)
        out.append(Frame(landmarks=marks, back_outline=seen.back_outline))
    return out


def shrugging(leans: list[float], lasts_s: float) -> list[bool]:
    """Per frame: is the lifter shrugging, for ``lasts_s`` from the lockout of each rep
    followed by another?"""
    standing = np.array(leans) < 3
    edges = np.flatnonzero(np.diff(np.concatenate(([0], standing.astype(int), [0]))))
    out = [False] * len(leans)
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        if a > 0 and b < len(leans):
            for i in range(a, a + int(lasts_s * FPS)):
                out[i] = True
    return out


def test_a_shrug_at_the_lockout_with_legs_drawn_short_behind_plates_is_no_flight():
    """Behind plates the model draws the legs at 0.4 of their length and throws them
    about; at each lockout the lifter shrugs for 0.4 s, lifting the shoulders 5 cm
    (0.06 of the leg, 0.1 of the trunk): no flight, the reps stand."""
    leans = lean_curve(reps=3, fps=FPS, rest_s=1.5)
    frames = []
    for seen, shrug in zip(hinge_frames(leans), shrugging(leans, 0.4), strict=True):
        short = scaled_from_hip(seen, ("knee", "ankle", "heel", "foot_index"), 0.4)
        lift = 400.0 * 0.05 if shrug else 0.0
        frames.append(
            moved(
                short,
                ("shoulder",),
                lambda mark, side, h=lift: Landmark(mark.x, mark.y - h, mark.visibility),
            )
        )
    report = analyze_track(track(thrown_about(frames, 40.0, seed=2), fps=FPS), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 3


def test_lowering_the_bar_quickly_with_the_trunk_upright_is_no_flight():
    """Between reps behind plates the lifter drops the bar by bending the knees with the
    trunk still upright, the shoulders falling a third of the leg in 0.3 s, before
    hinging: the standing height is read from the still frames, not the fall."""
    rest, move, fall = int(1.0 * FPS), int(1.0 * FPS), int(0.3 * FPS)
    frames: list[Frame] = []
    for _ in range(3):
        frames += [frame(figure(2.0))] * rest
        frames += [
            frame(figure(2.0 + 5 * k / fall, knee_flex=90 * k / fall, shin=45 * k / fall))
            for k in range(fall)
        ]
        dip = [7.0 + 63.0 * (1 - math.cos(2 * math.pi * i / move)) / 2 for i in range(move)]
        frames += [frame(figure(lean, knee_flex=90.0, shin=45.0)) for lean in dip[: move // 2]]
        frames += [frame(figure(lean)) for lean in dip[move // 2 :]]
    frames += [frame(figure(2.0))] * rest
    report = analyze_track(track(thrown_about(frames, 40.0, seed=3), fps=FPS), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 3


def test_a_clip_ending_on_a_descent_holds_no_rep_there():
    """Three reps, then the lifter goes down once more and the clip stops at the
    bottom: a descent that never comes back up is no rep."""
    leans = lean_curve(reps=3, fps=FPS)
    last = lean_curve(reps=1, fps=FPS)
    leans += last[: last.index(max(last)) + 1]
    report = analyze_track(track(hinge_frames(leans), fps=FPS), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 3


def eased(a: float, b: float, seconds: float, fps: float) -> list[float]:
    n = int(seconds * fps)
    return [a + (b - a) * (1 - math.cos(math.pi * i / n)) / 2 for i in range(n)]


def down_twice(between: list[float], fps: float) -> list[float]:
    """Trunk lean per frame: standing, down to 80 degrees, ``between``, down to 80
    again, standing."""
    stand = [2.0] * int(1.0 * fps)
    return (
        stand
        + eased(2, 80, 0.8, fps)
        + eased(80, between[0], 0.8, fps)
        + between
        + eased(between[-1], 80, 0.8, fps)
        + eased(80, 2, 0.8, fps)
        + stand
    )


def test_a_lean_dipping_under_30_degrees_for_a_moment_at_the_bottom_is_no_lockout():
    """A lifter set up at the bottom of a deadlift (33 degrees) while a panning camera
    tilts the trunk it sees to 27 degrees for a third of a second: one rep, not two."""
    fps = 15.0
    hold = [33.0] * 8 + [27.0] * 5 + [33.0] * 8
    report = analyze_track(track(hinge_frames(down_twice(hold, fps)), fps=fps), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 1


def test_a_quick_lockout_between_two_reps_still_parts_them():
    """Touch-and-go: the trunk comes up to 10 degrees for 0.6 s between two reps."""
    fps = 15.0
    rest = eased(33, 10, 0.3, fps) + [10.0] * 5 + eased(10, 33, 0.3, fps)
    report = analyze_track(track(hinge_frames(down_twice(rest, fps)), fps=fps), catalog=CATALOG)
    assert report.assessable and len(report.reps) == 2
