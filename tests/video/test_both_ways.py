"""Tracking both ways from the surest frame, with a stand-in backend: the seed is the
tried frame the model is surest of, the frames before it are read backward from it, and
every image gets its own result, in the clip's order."""

from __future__ import annotations

import numpy as np

from hingecoach.video.blazepose.both_ways import both_ways, surest_frame
from hingecoach.video.blazepose.landmarks import PoseResult


def result(sure: float) -> PoseResult:
    return PoseResult(
        points=np.zeros((39, 2)),
        visibility=np.full(39, sure),
        presence=np.ones(39),
        flag=1.0,
        mask=np.zeros((256, 256), np.float32),
        matrix=np.eye(2, 3),
    )


class Tracker:
    def __init__(self, sure_at: dict[int, float]) -> None:
        self.sure_at = sure_at

    def track(self, image):
        return result(self.sure_at.get(int(image[0, 0, 0]), 0.1))


class Pose:
    """Images are numbered by their first pixel; ``landmarks`` records the order it is
    called in, and how many frames it had seen since the last reset."""

    def __init__(self, sure_at: dict[int, float]) -> None:
        self.tracker = Tracker(sure_at)
        self.calls: list[int] = []
        self.resets = 0

    def reset(self) -> None:
        self.resets += 1

    def landmarks(self, image):
        self.calls.append(int(image[0, 0, 0]))
        return int(image[0, 0, 0])


def images(n: int) -> list[np.ndarray]:
    return [np.full((4, 4, 3), i, np.uint8) for i in range(n)]


def test_the_seed_is_the_tried_frame_the_model_is_surest_of():
    assert surest_frame(Pose({0: 0.5, 30: 0.9, 45: 0.7}), images(60), every=15) == 30
    assert surest_frame(Pose({}), images(10), every=15) == 0


def test_frames_are_read_back_from_the_seed_then_on_from_it_and_returned_in_order():
    pose = Pose({30: 0.9})
    out = both_ways(pose, images(40))
    assert out == list(range(40))
    assert pose.calls == list(range(30, -1, -1)) + list(range(30, 40))


def test_no_images_no_frames():
    assert both_ways(Pose({}), []) == []
