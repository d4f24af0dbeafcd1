"""Decoding: limits, rotation metadata, reading until the decoder stops, bad files."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest

from hingecoach.video.decode import (
    Reader,
    clock,
    file_size_text,
    luma,
    prepare,
    probe,
    shrink,
)
from hingecoach.video.errors import VideoError
from hingecoach.video.limits import DEFAULT_LIMITS, Limits, Sampling

from .support import set_rotation, write_clip


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return write_clip(tmp_path_factory.mktemp("clip") / "clip.mp4", frames=30)


def test_probe_reads_the_header_in_display_orientation(clip):
    info = probe(clip, DEFAULT_LIMITS)
    assert (info.fps, info.width, info.height, info.rotation) == (30.0, 320, 180, 0)
    assert info.declared_frames == 30


@pytest.mark.parametrize("suffix", [".mp4", ".mov", ".webm"])
def test_the_common_phone_containers_are_read(tmp_path, suffix):
    info = probe(write_clip(tmp_path / f"clip{suffix}", frames=12, fps=24.0), DEFAULT_LIMITS)
    assert (info.fps, info.width, info.height) == (24.0, 320, 180)
    reader = Reader(info, 1, DEFAULT_LIMITS)
    assert len(list(reader)) == reader.decoded == 12


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_rotated_clip_is_turned_upright_as_opencv_itself_would(tmp_path, degrees):
    path = set_rotation(write_clip(tmp_path / "phone.mp4", frames=3), degrees)
    info = probe(path, DEFAULT_LIMITS)
    assert info.rotation == degrees
    assert (info.width, info.height) == ((180, 320) if degrees != 180 else (320, 180))
    reference = cv2.VideoCapture(str(path))
    reference.set(cv2.CAP_PROP_ORIENTATION_AUTO, 1)
    _, upright = reference.read()
    _, raw = next(iter(Reader(info, 1, DEFAULT_LIMITS)))
    assert np.array_equal(
        prepare(raw, 1.0, info.rotation), cv2.cvtColor(upright, cv2.COLOR_BGR2RGB)
    )


def test_the_reader_reads_until_the_decoder_stops_and_skips_by_step(clip):
    reader = Reader(probe(clip, DEFAULT_LIMITS), 3, DEFAULT_LIMITS)
    indices = [index for index, _ in reader]
    assert indices == list(range(0, 30, 3))
    assert reader.decoded == 30


def test_a_header_that_hides_the_length_is_caught_while_decoding(clip):
    info = dataclasses.replace(probe(clip, DEFAULT_LIMITS), declared_frames=0)
    with pytest.raises(VideoError, match=r"runs past the 0\.5 s limit"):
        list(Reader(info, 1, Limits(max_duration_s=0.5)))


def test_a_decoder_stopping_early_means_a_damaged_file(clip):
    info = dataclasses.replace(probe(clip, DEFAULT_LIMITS), declared_frames=300)
    with pytest.raises(VideoError, match="damaged: the decoder stopped after 30 of the 300"):
        list(Reader(info, 1, DEFAULT_LIMITS))


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (Limits(max_bytes=1000), r"is \d+(\.\d)? KiB, over the 1000 bytes limit"),
        (Limits(max_duration_s=0.5), r"lasts 1\.0 s, over the 0\.5 s limit"),
        (Limits(max_long_side=200), "is 320x180 pixels, over the 200 px limit on the long side"),
    ],
)
def test_a_clip_over_a_limit_is_refused_before_any_work(clip, limits, message):
    with pytest.raises(VideoError, match=message):
        probe(clip, limits)


def test_the_default_limits_refuse_a_two_hour_file_and_allow_a_long_set():
    assert DEFAULT_LIMITS.max_duration_s < 2 * 3600
    assert DEFAULT_LIMITS.max_duration_s >= 120
    assert clock(7200) == "2:00:00" and clock(75.5) == "1:16" and clock(4.25) == "4.2 s"
    assert file_size_text(2 * 1024**3) == "2 GiB" and file_size_text(3_500_000) == "3.3 MiB"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"is empty \(0 bytes\), not a video"),
        (b"shopping list: eggs, milk\n" * 20, "is not a readable video"),
        (bytes(range(256)) * 64, "is not a readable video"),
    ],
)
def test_a_file_that_is_not_a_video_is_refused(tmp_path, content, message):
    path = tmp_path / "clip.mp4"
    path.write_bytes(content)
    with pytest.raises(VideoError, match=message) as caught:
        probe(path, DEFAULT_LIMITS)
    assert str(caught.value).startswith("CLIP: ")
    assert "\n" not in str(caught.value)


def test_text_that_ffmpeg_draws_as_pictures_is_not_a_camera_video(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("squat, hinge, push, pull, carry\n" * 400)
    with pytest.raises(
        VideoError,
        match=r"is not a camera video \(its picture stream is "
        r"'ansi'; H\.264, HEVC",
    ):
        probe(path, DEFAULT_LIMITS)


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    with pytest.raises(VideoError, match="no such file"):
        probe(tmp_path / "nothing.mp4", DEFAULT_LIMITS)
    with pytest.raises(VideoError, match="is a folder, not a video file"):
        probe(tmp_path, DEFAULT_LIMITS)


@pytest.mark.parametrize(
    ("fps", "step"), [(24, 1), (25, 1), (29.97, 2), (30, 2), (50, 3), (59.94, 4), (60, 4), (120, 8)]
)
def test_sampling_keeps_at_least_about_fifteen_frames_a_second(fps, step):
    assert Sampling().step_for(fps) == step
    assert fps / step >= 14.9


def test_sampling_can_force_a_step_and_never_enlarges():
    assert Sampling(step=1).step_for(60) == 1
    assert Sampling(long_side=960).scale_for(1920, 1080) == 0.5
    assert Sampling(long_side=960).scale_for(1080, 1920) == 0.5
    assert Sampling(long_side=960).scale_for(640, 360) == 1.0
    assert Sampling(long_side=None).scale_for(3840, 2160) == 1.0


def test_shrink_gives_the_asked_size_through_the_pyramid_for_large_factors():
    image = np.zeros((2160, 3840, 3), np.uint8)
    assert shrink(image, 0.25).shape == (540, 960, 3)
    assert shrink(image[:994, :1768], 960 / 1768).shape == (540, 960, 3)
    assert shrink(image, 1.0) is image


def test_luma_runs_from_black_to_white():
    assert luma(np.zeros((4, 4, 3), np.uint8)) == 0.0
    assert luma(np.full((4, 4, 3), 255, np.uint8)) == pytest.approx(1.0)
