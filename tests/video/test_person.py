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
