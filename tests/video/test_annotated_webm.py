"""The annotated video's codec follows the output's suffix: .mp4 is MPEG-4 Part 2 (which
FFmpeg's decoder reports as FMP4), .webm is VP8 (what browsers play); anything else is
refused with the field named."""

from __future__ import annotations

import cv2
import pytest

from hingecoach.core import default_catalog
from hingecoach.core.errors import HingecoachError
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.video import Sampling, VideoError, analyze_clip
from hingecoach.video.annotate import write_annotated

from .support import ReplayBackend, run_cli, scaled_track, write_clip

MATROSKA = b"\x1a\x45\xdf\xa3"


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    spec = ClipSpec(faults=frozenset({"knee-dominant"}), size="hd", reps=1, seed=5)
    track = scaled_track(generate_clip(spec)[0], 0.25)
    path = write_clip(
        tmp_path_factory.mktemp("webm") / "hinge.mp4", frames=len(track.frames), size=(320, 180)
    )
    return analyze_clip(
        path,
        backend=ReplayBackend(track, step=2),
        sampling=Sampling(long_side=160),
        catalog=default_catalog(),
    )


def _decoded(path):
    capture = cv2.VideoCapture(str(path))
    frames = 0
    while capture.read()[0]:
        frames += 1
    codec = int(capture.get(cv2.CAP_PROP_FOURCC)).to_bytes(4, "little").decode()
    return frames, codec, capture.get(cv2.CAP_PROP_FPS)


@pytest.mark.parametrize(
    ("name", "codec"), [("out.webm", "VP80"), ("OUT.WEBM", "VP80"), ("out.mp4", "FMP4")]
)
def test_the_suffix_chooses_the_codec_and_every_analysed_frame_is_written(
    analysis, tmp_path, name, codec
):
    out = tmp_path / name
    write_annotated(analysis, out)
    frames, written, fps = _decoded(out)
    assert (frames, written) == (len(analysis.track.frames), codec)
    assert fps == pytest.approx(15.0)


def test_a_webm_file_is_matroska(analysis, tmp_path):
    out = tmp_path / "out.webm"
    write_annotated(analysis, out)
    assert out.read_bytes()[:4] == MATROSKA


@pytest.mark.parametrize("name", ["out.avi", "out.mkv", "out"])
def test_another_suffix_is_refused_naming_the_field_and_writing_nothing(analysis, tmp_path, name):
    with pytest.raises(VideoError) as raised:
        write_annotated(analysis, tmp_path / name)
    assert isinstance(raised.value, HingecoachError)
    assert str(raised.value) == (
        f"--annotated: cannot write '{tmp_path / name}': an "
        "annotated video is a .mp4 or a .webm file"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_cli_names_both_suffixes_for_a_wrong_one(tmp_path):
    clip = write_clip(tmp_path / "clip.mp4", frames=10)
    result = run_cli("analyze", str(clip), "--annotated", str(tmp_path / "out.avi"))
    assert result.returncode == 2
    assert result.stderr == (
        f"--annotated: '{tmp_path / 'out.avi'}' must be a .mp4 file or a .webm file\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4"]


def test_the_help_names_both_formats():
    result = run_cli("analyze", "--help")
    assert result.returncode == 0
    assert "OUT.mp4|OUT.webm" in result.stdout and "VP8" in result.stdout


@pytest.mark.video
def test_the_cli_writes_a_webm_video_of_the_real_clip_with_a_clean_standard_error(
    shared_clip, tmp_path
):
    out = tmp_path / "clip.webm"
    result = run_cli("analyze", str(shared_clip), "--annotated", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    frames, codec, _ = _decoded(out)
    assert codec == "VP80" and frames > 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.webm"]
