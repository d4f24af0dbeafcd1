"""Live mode's pictures: what the browser sends is decoded or refused by name, the
landmarks survive the database as JSON, and pictures fall on the track's frames by
their time with the frames between them empty."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from hingecoach.core.kinematics import Frame, Landmark
from hingecoach.video.errors import VideoError
from hingecoach.video.live import (
    LANDMARK_NAMES,
    LIVE_FPS,
    decode_picture,
    frame_from_json,
    frame_index,
    frame_json,
    live_track,
)


def encoded(width: int, height: int, ext: str = ".jpg") -> bytes:
    image = np.zeros((height, width, 3), np.uint8)
    image[:, :, 2] = 200  # red in OpenCV's BGR
    return cv2.imencode(ext, image)[1].tobytes()


def a_frame(shift: float = 0.0) -> Frame:
    marks = {
        name: Landmark(10.0 + i + shift, 20.0 + 2 * i, 0.9) for i, name in enumerate(LANDMARK_NAMES)
    }
    return Frame(landmarks=marks, back_outline=np.array([[1.0, 2.0], [3.0, 4.5]]))


def test_a_jpeg_or_png_is_decoded_to_rgb():
    for ext in (".jpg", ".png"):
        image = decode_picture(encoded(32, 48, ext))
        assert image.shape == (48, 32, 3)
        assert image[0, 0, 0] > 150 and image[0, 0, 2] < 50  # red first: RGB


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "not a JPEG or PNG"),
        (b"GIF89a not really", "not a JPEG or PNG"),
        (encoded(700, 300), "700x300 pixels, larger than 640"),
    ],
)
def test_a_bad_picture_is_refused_naming_the_frame(data, words):
    with pytest.raises(VideoError) as caught:
        decode_picture(data)
    assert caught.value.field == "frame"
    assert words in caught.value.message


def test_landmarks_survive_json():
    frame = a_frame()
    back = frame_from_json(frame_json(frame))
    assert back is not None
    for name in LANDMARK_NAMES:
        assert tuple(back.landmarks[name]) == pytest.approx(tuple(frame.landmarks[name]))
    assert np.allclose(back.back_outline, frame.back_outline)
    assert frame_json(None) is None and frame_from_json(None) is None


def test_pictures_fall_on_frames_by_time_and_the_gaps_hold_no_one():
    assert LIVE_FPS == 10
    assert [frame_index(t) for t in (0, 49, 51, 120, 1000)] == [0, 0, 1, 1, 10]
    rows = [(0, frame_json(a_frame()), 0.4), (3, None, 0.6), (4, frame_json(a_frame(1)), 0.5)]
    track = live_track(rows, 180, 320)
    assert len(track.frames) == 5
    assert [f is not None for f in track.frames] == [True, False, False, False, True]
    assert track.clip.fps == LIVE_FPS and track.clip.brightness == pytest.approx(0.5)
    tail = live_track(rows[1:], 180, 320, first=2)
    assert [f is not None for f in tail.frames] == [False, False, True]
