"""The input structures a pose adapter fills, and how they are read."""

from __future__ import annotations

import math

import numpy as np
import pytest

from hingecoach.core.kinematics import ClipInfo, Frame, Landmark, Track, TrackError
from hingecoach.core.kinematics.arrays import track_arrays
from kinematics.builders import figure, frame


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fps": 0.0, "width": 640, "height": 480}, "clip.fps: 0.0 is not a positive frame rate"),
        ({"fps": math.nan, "width": 640, "height": 480}, "clip.fps: nan"),
        ({"fps": 30.0, "width": 0, "height": 480}, "clip.width: 0 is not a positive whole number"),
        (
            {"fps": 30.0, "width": 640, "height": 480, "brightness": 2.0},
            "clip.brightness: 2.0 is not in 0..1",
        ),
    ],
)
def test_a_bad_clip_description_is_refused_naming_the_field(kwargs, message):
    with pytest.raises(TrackError, match=message.replace(".", r"\.")):
        ClipInfo(**kwargs)


def test_a_frame_with_no_person_is_none_and_reads_as_not_seen():
    clip = ClipInfo(fps=30.0, width=1920, height=1080)
    a = track_arrays(Track(clip, [frame(figure()), None]))
    assert a.present.tolist() == [True, False]
    assert np.isnan(a.xy["left_hip"][1]).all() and a.vis["left_hip"][1] == 0


def test_landmarks_the_kinematics_do_not_use_are_ignored_and_missing_ones_are_unseen():
    marks = {"left_wrist": Landmark(1, 2), "left_hip": Landmark(10, 20, 0.9)}
    a = track_arrays(Track(ClipInfo(30.0, 100, 100), [Frame(marks)]))
    assert a.xy["left_hip"][0].tolist() == [10, 20]
    assert a.vis["left_knee"][0] == 0.0


def test_a_landmark_with_a_nan_coordinate_is_not_seen():
    a = track_arrays(
        Track(ClipInfo(30.0, 100, 100), [Frame({"left_hip": Landmark(math.nan, 20, 0.9)})])
    )
    assert a.vis["left_hip"][0] == 0.0


def test_the_back_outline_may_be_a_list_of_points_or_an_array():
    a = track_arrays(
        Track(
            ClipInfo(30.0, 100, 100),
            [
                Frame({}, back_outline=[(1.0, 2.0), (3.0, 4.0)]),
                Frame({}, back_outline=np.array([[1.0, 2.0]])),
            ],
        )
    )
    assert a.outlines[0].shape == (2, 2) and a.outlines[1].shape == (1, 2)


def test_a_malformed_outline_or_frame_is_refused_naming_the_frame():
    with pytest.raises(TrackError, match=r"frames\[0\]\.back_outline"):
        track_arrays(Track(ClipInfo(30.0, 100, 100), [Frame({}, back_outline=[1.0, 2.0])]))
    with pytest.raises(TrackError, match=r"frames\[1\]: expected a Frame or None, got dict"):
        track_arrays(Track(ClipInfo(30.0, 100, 100), [Frame({}), {}]))  # type: ignore[list-item]


def test_the_duration_comes_from_the_frames_decoded():
    assert Track(ClipInfo(25.0, 100, 100), [None] * 50).duration_s == 2.0
