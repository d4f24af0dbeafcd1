"""The annotated video is served to the athlete's team only, as video/webm, in the byte
ranges a ``<video>`` element asks for (Django's FileResponse sends whole files only)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from hingecoach.core import HingecoachError
from hingecoach.web.clips.models import Clip
from hingecoach.web.clips.ranges import Unsatisfiable, byte_range

VIDEO = bytes(range(256)) * 40  # 10240 bytes, each position telling its value


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


def _clip(athlete, *, status=Clip.Status.DONE, annotated=True) -> Clip:
    clip = Clip.objects.create(
        athlete=athlete,
        extension="mp4",
        original_name="hinge.mp4",
        exercise="bodyweight-hip-hinge",
        status=status,
        annotated=annotated,
    )
    clip.annotated_path.parent.mkdir(parents=True, exist_ok=True)
    clip.annotated_path.write_bytes(VIDEO)
    return clip


def _get(client: Client, clip: Clip, range_header: str | None = None):
    headers = {"Range": range_header} if range_header else {}
    return client.get(reverse("clips:video", args=[clip.pk]), headers=headers)


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_whole_video_without_a_range(coach_client, athlete):
    response = _get(coach_client, _clip(athlete))
    assert response.status_code == 200
    assert response["Content-Type"] == "video/webm"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(VIDEO))
    assert "private" in response["Cache-Control"]
    assert _body(response) == VIDEO


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-", 0, 10239),
        ("bytes=100-199", 100, 199),
        ("bytes=10000-99999", 10000, 10239),
        ("bytes=-500", 9740, 10239),
        ("bytes=-99999", 0, 10239),
    ],
)
def test_a_range_is_answered_with_206_and_exactly_those_bytes(
    coach_client, athlete, header, first, last
):
    response = _get(coach_client, _clip(athlete), header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(VIDEO)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "video/webm"
    assert _body(response) == VIDEO[first : last + 1]


@pytest.mark.parametrize("header", ["bytes=10240-", "bytes=99999-100000", "bytes=-0"])
def test_a_range_past_the_end_is_416_with_the_size(coach_client, athlete, header):
    response = _get(coach_client, _clip(athlete), header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(VIDEO)}"


@pytest.mark.parametrize(
    "header", ["bytes=0-1,5-9", "items=0-9", "bytes=9-2", "bytes=-", "nonsense"]
)
def test_a_range_this_does_not_serve_gets_the_whole_file(coach_client, athlete, header):
    response = _get(coach_client, _clip(athlete), header)
    assert response.status_code == 200 and _body(response) == VIDEO


def test_byte_range_reads_one_range():
    assert byte_range("", 10) is None
    assert byte_range("bytes=2-4", 10) == (2, 4)
    assert byte_range(" bytes=8- ", 10) == (8, 9)
    with pytest.raises(Unsatisfiable):
        byte_range("bytes=0-", 0)


def test_a_range_past_the_end_is_a_project_error_naming_the_range_header():
    with pytest.raises(HingecoachError) as raised:
        byte_range("bytes=20-", 10)
    assert isinstance(raised.value, Unsatisfiable)
    assert str(raised.value) == "Range: 'bytes=20-' starts past the end of 10 bytes"


def test_no_video_until_the_clip_is_done_with_one(coach_client, athlete):
    for clip in (_clip(athlete, status=Clip.Status.RUNNING), _clip(athlete, annotated=False)):
        assert _get(coach_client, clip).status_code == 404
    gone = _clip(athlete)
    gone.annotated_path.unlink()
    assert _get(coach_client, gone).status_code == 404


def test_another_teams_video_is_not_found_and_a_stranger_must_sign_in(
    coach_client, stranger, athlete
):
    assert _get(coach_client, _clip(stranger)).status_code == 404
    response = _get(Client(), _clip(athlete), "bytes=0-")
    assert response.status_code == 302 and "/login/" in response["Location"]
