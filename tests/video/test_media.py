"""The clip media the web app stores: key frames chosen from the report and written as
JPEG, and the annotated WebM at most 640 pixels on its long side, all in the one
annotation loop the CLI's ``--annotated`` uses."""

from __future__ import annotations

import cv2
import pytest

from hingecoach.core import default_catalog
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.video import Sampling, analyze_clip
from hingecoach.video.media import MAX_FRAMES, VIDEO_LONG_SIDE, key_frames, write_media

from .support import ReplayBackend, scaled_track, write_clip

JPEG = b"\xff\xd8\xff"


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    spec = ClipSpec(faults=frozenset({"knee-dominant"}), size="hd", reps=2, seed=5)
    track = scaled_track(generate_clip(spec)[0], 0.75)
    path = write_clip(
        tmp_path_factory.mktemp("media") / "hinge.mp4", frames=len(track.frames), size=(960, 540)
    )
    return analyze_clip(
        path,
        backend=ReplayBackend(track, step=2),
        sampling=Sampling(long_side=960),
        catalog=default_catalog(),
    )


def test_the_key_frames_are_each_reps_bottom_and_its_faults_in_time_order(analysis):
    frames = key_frames(analysis)
    labels = [frame.label for frame in frames]
    reps = analysis.report.reps
    assert len(reps) == 2
    assert [f"rep {n}: bottom" for n in (1, 2)] == [x for x in labels if x.endswith("bottom")]
    assert [frame.k for frame in frames] == sorted({frame.k for frame in frames})
    assert 2 <= len(frames) <= MAX_FRAMES


def test_the_media_are_the_key_frames_as_jpeg_and_a_small_webm_of_every_frame(analysis, tmp_path):
    frames = key_frames(analysis)
    jpegs = [tmp_path / f"frame{n}.jpg" for n in range(len(frames))]
    video, seen = tmp_path / "annotated.webm", []
    write_media(analysis, frames, jpegs, video, lambda *args: seen.append(args))
    assert all(path.read_bytes().startswith(JPEG) for path in jpegs)
    still = cv2.imread(str(jpegs[0]))
    assert max(still.shape[:2]) == 960  # the stills keep the analysed size
    capture = cv2.VideoCapture(str(video))
    ok, first = capture.read()
    count = 1
    while capture.read()[0]:
        count += 1
    assert ok and max(first.shape[:2]) == VIDEO_LONG_SIDE
    total = len(analysis.track.frames)
    assert count == total
    assert seen[-1] == ("annotate", total, total) and len(seen) == total


def test_a_key_frame_past_the_clip_is_an_error(analysis, tmp_path):
    from hingecoach.video.media import KeyFrame

    beyond = KeyFrame(len(analysis.track.frames) + 5, 99.0, "rep 9: bottom")
    with pytest.raises(OSError, match="before every key frame"):
        write_media(analysis, [beyond], [tmp_path / "x.jpg"], tmp_path / "a.webm")
