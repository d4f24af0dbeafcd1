"""Staying with one person when the pose model jumps to another."""

from __future__ import annotations

import numpy as np

from hingecoach.core.kinematics import Frame, Landmark
from hingecoach.video.person import PersonLock, body_boxes, leans_forward


def body(x: float) -> Frame:
    """A standing person whose hips are at ``x`` (trunk 200 px long)."""
    return Frame(
        landmarks={
            "left_hip": Landmark(x, 500, 0.9),
            "right_hip": Landmark(x, 500, 0.9),
            "left_shoulder": Landmark(x, 300, 0.9),
            "right_shoulder": Landmark(x, 300, 0.9),
        }
    )


def test_a_jump_to_someone_else_is_a_frame_without_the_person():
    lock = PersonLock(fps=15)
    assert lock.accept(body(500)) is not None
    assert lock.accept(body(540)) is not None
    assert lock.accept(body(1200)) is None
    assert lock.accept(body(560)) is not None
    assert lock.rejected == 1


def test_the_reach_grows_while_the_person_is_not_seen():
    lock = PersonLock(fps=15)
    lock.accept(body(500))
    for _ in range(4):
        lock.accept(None)
    assert lock.accept(body(800)) is not None  # 1.5 trunk lengths after a third of a second


def test_after_a_second_without_them_the_lock_follows_whoever_is_found():
    lock = PersonLock(fps=15, release_s=1.0)
    lock.accept(body(500))
    answers = [lock.accept(body(1500)) for _ in range(16)]
    assert answers[0] is None and answers[-1] is not None
    assert lock.accept(body(1510)) is not None


def test_frames_without_a_trunk_pass_unjudged():
    lock = PersonLock(fps=15)
    lock.accept(body(500))
    feet_only = Frame(landmarks={"left_ankle": Landmark(2000, 700, 0.9)})
    assert lock.accept(feet_only) is feet_only


def leaning(degrees: float) -> Frame:
    """Hips at (500, 500), the trunk (200 px) leaning ``degrees`` from vertical."""
    x = 500 - 200 * np.sin(np.radians(degrees))
    y = 500 - 200 * np.cos(np.radians(degrees))
    marks = {
        f"{side}_{part}": Landmark(*xy, 0.9)
        for side in ("left", "right")
        for part, xy in (("hip", (500, 500)), ("shoulder", (x, y)))
    }
    return Frame(landmarks=marks)


def test_a_hinge_leans_forward_and_standing_or_a_short_wobble_does_not():
    standing = [leaning(5)] * 20
    assert leans_forward(standing + [leaning(45)] * 5 + standing, 30, min_frames=5)
    assert not leans_forward(standing + [leaning(45)] * 4 + standing, 30, min_frames=5)
    assert not leans_forward([None, *standing], 30, min_frames=1)


def test_a_frame_without_the_person_is_boxed_like_the_nearest_frame_with_them():
    boxes = body_boxes([None, body(500), None, None, body(900), None], margin=0.0)
    assert boxes[0] == boxes[1] == boxes[2] == (500, 300, 500, 500)
    assert boxes[3] == boxes[4] == boxes[5] == (900, 300, 900, 500)
    assert body_boxes([None, None]) == [None, None]


def test_the_box_is_widened_by_the_margin_of_its_larger_side():
    assert body_boxes([body(500)], margin=0.1) == [(480, 280, 520, 520)]


def posed(x: float, degrees: float, nose_ahead: float) -> Frame:
    """Hips at (x, 500), the trunk (200 px) leaning ``degrees`` (signed in the image), the
    nose ``nose_ahead`` px right of the shoulders (negative: left)."""
    sx = x + 200 * np.sin(np.radians(degrees))
    sy = 500 - 200 * np.cos(np.radians(degrees))
    marks = {
        "left_hip": Landmark(x, 500, 0.9),
        "right_hip": Landmark(x, 500, 0.9),
        "left_shoulder": Landmark(sx, sy, 0.9),
        "right_shoulder": Landmark(sx, sy, 0.9),
        "nose": Landmark(sx + nose_ahead, sy, 0.9),
    }
    return Frame(landmarks=marks)


def test_a_passer_by_upright_where_the_lifter_was_bent_is_not_taken_for_them():
    lock = PersonLock(fps=15, max_lean_speed_deg_s=600)
    assert lock.accept(posed(500, -85, -70)) is not None
    lock.accept(None)
    # Two frames later, hips within reach, standing: 95 degrees in 0.13 s.
    assert lock.accept(posed(420, 5, -70)) is None
    assert lock.accept(posed(500, -80, -70)) is not None


def test_someone_facing_the_other_way_is_not_taken_for_the_person_followed():
    lock = PersonLock(fps=15, facing_nose_trunk=0.25)
    assert lock.accept(posed(500, -60, -70)) is not None
    for _ in range(3):
        lock.accept(None)
    assert lock.accept(posed(450, -10, 75)) is None  # the lean could have changed; the face not
    assert lock.accept(posed(480, -40, -70)) is not None
    assert lock.rejected == 1


def test_a_lifter_tipping_within_the_speed_limit_is_followed():
    lock = PersonLock(fps=15, max_lean_speed_deg_s=600)
    angles = [0, -30, -60, -85, -60, -30, 0]
    assert all(lock.accept(posed(500, a, -70)) is not None for a in angles)
