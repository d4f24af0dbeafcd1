"""The tracker's rules with stand-in models: a person lost is looked for in the same
frame; a first detection is checked on the next frames; a settled track gives way to
the detector's region only when the landmark model is clearly surer there."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.video.blazepose.detector import Detection, local_window, window
from hingecoach.video.blazepose.landmarks import PoseResult
from hingecoach.video.blazepose.roi import Roi
from hingecoach.video.blazepose.tracker import SETTLE_FRAMES, SWITCH_MARGIN, PoseTracker

IMAGE = np.zeros((100, 100, 3), dtype=np.uint8)


def pose(hip_x: float, sure: float) -> PoseResult:
    points = np.zeros((39, 2))
    points[33:35] = [[hip_x, 60.0], [hip_x, 20.0]]  # hips, and the point above them
    return PoseResult(
        points=points,
        visibility=np.full(39, sure),
        presence=np.ones(39),
        flag=1.0,
        mask=np.zeros((256, 256), np.float32),
        matrix=np.eye(2, 3),
    )


class Detector:
    def __init__(self, hip_x: float | None) -> None:
        self.hip_x, self.calls = hip_x, 0
        self.last_seen = None

    def detect(self, image, near=None, last_seen=None):
        self.calls += 1
        self.last_seen = last_seen
        if self.hip_x is None:
            return []
        points = np.array([[self.hip_x, 60.0], [self.hip_x, 20.0], [0, 0], [0, 0]])
        return [Detection(0.9, np.zeros(4), points)]


class Landmarks:
    """The landmark model's answers, in the order the tracker asks (the tracked region
    first, then the detector's when it checks)."""

    def __init__(self, answers) -> None:
        self.answers, self.regions = list(answers), []

    def run(self, image, roi: Roi):
        self.regions.append(roi)
        return self.answers.pop(0)


def tracker(detector, answers, every=5) -> PoseTracker:
    return PoseTracker(detector, Landmarks(answers), rate=0.0, redetect_every=every)


def test_a_lost_person_is_looked_for_again_in_the_same_frame():
    detector = Detector(hip_x=40.0)
    track = tracker(detector, [pose(40, 0.9), None, pose(42, 0.9)], every=0)
    assert track.track(IMAGE) is not None  # first frame: detected
    found = track.track(IMAGE)  # tracked region fails, detector finds them again
    assert found is not None and found.points[33, 0] == 42
    assert detector.calls == 2


def test_a_person_lost_is_looked_for_where_they_were_last_seen_however_long_ago():
    detector = Detector(hip_x=40.0)
    track = tracker(detector, [pose(40, 0.9), None], every=0)
    track.track(IMAGE)
    assert detector.last_seen is None  # no one seen yet
    detector.hip_x = None
    for _ in range(3):
        assert track.track(IMAGE) is None
        assert detector.last_seen is not None
        assert detector.last_seen[0][0] == pytest.approx(40, abs=25)
    track.reset()
    track.track(IMAGE)
    assert detector.last_seen is None


def test_a_small_window_around_where_they_were_seen_lies_inside_the_image():
    assert local_window(1920, 1080, (1900.0, 1000.0), 400.0, 64) == (1520, 680, 400)
    assert local_window(1920, 1080, (900.0, 500.0), 1080.0, 64) is None  # the tiles' size
    assert local_window(1920, 1080, (900.0, 500.0), 20.0, 64) is None  # too few pixels


def test_nobody_found_is_none_and_the_next_frame_detects_again():
    detector = Detector(hip_x=None)
    track = tracker(detector, [], every=0)
    assert track.track(IMAGE) is None and track.track(IMAGE) is None
    assert detector.calls == 2


def test_right_after_a_detection_any_surer_region_wins():
    detector = Detector(hip_x=40.0)
    first, tracked, fresh = pose(40, 0.5), pose(40, 0.6), pose(41, 0.61)
    track = tracker(detector, [first, tracked, fresh])
    track.track(IMAGE)
    assert track.track(IMAGE) is fresh
    assert SETTLE_FRAMES >= 1


def test_a_settled_track_gives_way_only_to_a_clearly_surer_region():
    detector = Detector(hip_x=40.0)
    settled = [pose(40, 0.6) for _ in range(3)]
    answers = [pose(40, 0.6)]  # the first detection
    for _ in range(SETTLE_FRAMES):  # the checks right after it find nothing surer
        answers += [pose(40, 0.6), pose(40, 0.5)]
    answers += [pose(40, 0.6)] * (4 - SETTLE_FRAMES)  # frames 3, 4: tracked only
    slightly, clearly = pose(41, 0.6 + SWITCH_MARGIN / 2), pose(41, 0.6 + 2 * SWITCH_MARGIN)
    answers += [settled[0], slightly]  # frame 5: scheduled check, not surer enough
    answers += [settled[1]] * 4  # frames 6-9
    answers += [settled[2], clearly]  # frame 10: scheduled check, clearly surer
    track = tracker(detector, answers)
    results = [track.track(IMAGE) for _ in range(11)]
    assert results[5] is settled[0]
    assert results[10] is clearly


def test_a_detection_far_from_the_followed_person_is_someone_else():
    detector = Detector(hip_x=40.0)
    track = tracker(
        detector,
        [pose(40, 0.5)]
        + [pose(40, 0.5), pose(40, 0.5)] * SETTLE_FRAMES
        + [pose(40, 0.5)] * (4 - SETTLE_FRAMES)
        + [pose(40, 0.5)],
    )
    for _ in range(5):
        track.track(IMAGE)
    detector.hip_x = 95.0  # a bystander: the only detection, far from the hips
    calls = detector.calls
    assert track.track(IMAGE).points[33, 0] == 40  # frame 5: checked, kept
    assert detector.calls == calls + 1


def test_a_check_that_misses_in_the_whole_frame_looks_in_one_square_around_the_person():
    assert window(1920, 1080, (1800.0, 500.0), 600.0) == (840, 0, 1080)
    assert window(1920, 1080, (900.0, 500.0), 1500.0) == (150, 0, 1500)
    assert window(540, 960, (270.0, 100.0), 300.0) == (0, 0, 540)
