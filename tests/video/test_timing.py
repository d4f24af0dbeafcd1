"""Frames' own times: a clip recorded at a variable frame rate is read at its true times."""

from __future__ import annotations

import numpy as np
import pytest

from hingecoach.core.kinematics import Frame, Landmark
from hingecoach.video.decode import Reader, probe
from hingecoach.video.limits import DEFAULT_LIMITS
from hingecoach.video.timing import on_even_grid, true_times

from .support import set_frame_times, write_clip

# 30 fps for 20 frames, then one frame in two kept (15 fps), as a phone does in dim light.
UNEVEN = [i / 30 if i < 20 else (20 + 2 * (i - 20)) / 30 for i in range(40)]


def _at(x: float) -> Frame:
    return Frame(landmarks={"left_hip": Landmark(x, 2 * x, 0.9)})


def test_the_reader_gives_each_frame_the_time_the_container_stores(tmp_path):
    clip = set_frame_times(write_clip(tmp_path / "uneven.mp4", frames=40), UNEVEN)
    reader = Reader(probe(clip, DEFAULT_LIMITS), 1, DEFAULT_LIMITS)
    for _ in reader:
        pass
    assert np.array(reader.stamps_ms) / 1000 == pytest.approx(UNEVEN, abs=1e-3)
    times = true_times(reader.stamps_ms, reader.info.fps)
    assert times is not None
    assert times == pytest.approx(UNEVEN, abs=1e-3)


def test_an_evenly_timed_clip_keeps_counting_frames(tmp_path):
    clip = write_clip(tmp_path / "even.mp4", frames=40)
    reader = Reader(probe(clip, DEFAULT_LIMITS), 2, DEFAULT_LIMITS)
    for _ in reader:
        pass
    assert len(reader.stamps_ms) == 20
    assert true_times(reader.stamps_ms, reader.info.fps / 2) is None


@pytest.mark.parametrize(
    "stamps",
    [
        [0.0, 0.0, 0.0, 0.0],  # a container with no times
        [0.0, 66.0, 33.0, 100.0],  # out of order
        [0.0, 1.0, 2.0, 3.0],  # a thousand frames a second at a header's 30
        [0.0, float("nan"), 66.0, 100.0],
    ],
)
def test_times_a_container_cannot_vouch_for_fall_back_to_counting(stamps):
    assert true_times(stamps, 30.0) is None


def test_the_even_grid_interpolates_short_gaps_and_keeps_long_ones_empty():
    times = np.array([0.0, 0.1, 0.2, 0.4, 1.0])
    frames: list[Frame | None] = [_at(0), _at(10), _at(20), _at(40), _at(100)]
    grid = on_even_grid(frames, times, fps=10.0, max_gap_s=0.25)
    assert len(grid) == 11
    xs = [None if f is None else f.landmarks["left_hip"].x for f in grid]
    assert xs[:5] == pytest.approx([0, 10, 20, 30, 40])
    assert xs[5:10] == [None] * 5  # 0.6 s without a frame: not made up
    assert xs[10] == pytest.approx(100)


def test_a_missing_person_is_not_interpolated_across():
    times = np.array([0.0, 0.2, 0.4])
    grid = on_even_grid([_at(0), None, _at(40)], times, fps=10.0, max_gap_s=0.25)
    assert [f is not None for f in grid] == [True, False, False, False, True]
