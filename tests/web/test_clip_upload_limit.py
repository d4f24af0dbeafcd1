"""The clip size limit holds while the body arrives: a request declaring a body past it
is refused before a byte of the file is stored, a file growing past it is refused at
that chunk, and the coach gets the form back with the error on the file field. Nothing
is saved and no temporary file is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hingecoach.web.clips.models import Clip
from hingecoach.web.clips.uploads import FORM_OVERHEAD

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
BOUNDARY = "clipboundary"
LIMIT = 1024 * 1024


@pytest.fixture(autouse=True)
def _upload_settings(settings, tmp_path):
    """A 1 MB limit; every upload streamed to a temporary file (none kept in memory)."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "upload-temp"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    settings.CLIP_MAX_BYTES = LIMIT
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return settings


def _url(athlete) -> str:
    return reverse("clips:upload", args=[athlete.pk])


def _nothing_left(settings) -> None:
    assert not Clip.objects.exists()
    clips = Path(settings.MEDIA_ROOT) / "clips"
    assert not clips.exists() or list(clips.iterdir()) == []
    assert list(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir()) == []


def _field_error(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_a_body_declared_over_the_limit_is_refused_with_the_size_on_the_field(
    coach_client, athlete, settings
):
    big = SimpleUploadedFile("big.mp4", MP4_HEAD + b"\0" * (2 * LIMIT), content_type="video/mp4")
    page = _field_error(coach_client.post(_url(athlete), {"file": big}))
    assert "<strong>Clip:</strong> the file is 2 MB, over the 1 MB limit: trim the clip" in page
    assert "This field is required" not in page
    _nothing_left(settings)


def test_a_file_growing_past_the_limit_is_refused_at_that_chunk(coach_client, athlete, settings):
    # Declared body under limit + overhead, so only the bytes received can tell.
    size = LIMIT + FORM_OVERHEAD // 2
    big = SimpleUploadedFile(
        "big.mp4", MP4_HEAD + b"\0" * (size - len(MP4_HEAD)), content_type="video/mp4"
    )
    page = _field_error(coach_client.post(_url(athlete), {"file": big}))
    assert "<strong>Clip:</strong> the file is over the 1 MB limit: trim the clip" in page
    _nothing_left(settings)


def test_a_file_of_exactly_the_limit_is_accepted(coach_client, athlete, settings):
    fits = SimpleUploadedFile(
        "fits.mp4", MP4_HEAD + b"\0" * (LIMIT - len(MP4_HEAD)), content_type="video/mp4"
    )
    response = coach_client.post(_url(athlete), {"file": fits})
    clip = Clip.objects.get()
    assert response.status_code == 302 and clip.size == LIMIT
    assert clip.video_path.stat().st_size == LIMIT
    assert list(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir()) == []


class StreamedBody:
    """A multipart body of one file of ``size`` bytes, made as it is read (never held
    in memory), noting the most bytes the upload temp folder held at any read."""

    def __init__(self, size: int, temp_dir: Path) -> None:
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="huge.mp4"\r\nContent-Type: video/mp4\r\n\r\n'
        ).encode()
        tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.parts = [
            (head, len(head)),
            (MP4_HEAD, len(MP4_HEAD)),
            (None, size - len(MP4_HEAD)),
            (tail, len(tail)),
        ]
        self.length = sum(n for _, n in self.parts)
        self.position = 0
        self.temp_dir = temp_dir
        self.most_stored = 0

    def read(self, size: int = -1) -> bytes:
        self.most_stored = max(
            self.most_stored, sum(p.stat().st_size for p in self.temp_dir.iterdir())
        )
        size = self.length - self.position if size < 0 else size
        out = bytearray()
        while size > 0 and self.position < self.length:
            piece = self._piece(size)
            out += piece
            size -= len(piece)
            self.position += len(piece)
        return bytes(out)

    def readline(self, size: int = -1) -> bytes:
        raise AssertionError("read by lines: a line of a video can be the whole file")

    def _piece(self, size: int) -> bytes:
        offset = self.position
        for data, length in self.parts:
            if offset < length:
                n = min(size, length - offset)
                return data[offset : offset + n] if data is not None else b"\0" * n
            offset -= length
        return b""


def _post_streamed(client: Client, athlete, body: StreamedBody):
    return client.generic(
        "POST",
        _url(athlete),
        **{
            "wsgi.input": body,
            "CONTENT_LENGTH": str(body.length),
            "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        },
    )


def test_a_streamed_body_far_over_the_limit_never_reaches_the_disk(coach_client, athlete, settings):
    body = StreamedBody(300 * LIMIT, Path(settings.FILE_UPLOAD_TEMP_DIR))
    page = _field_error(_post_streamed(coach_client, athlete, body))
    assert "the file is 300 MB, over the 1 MB limit" in page
    assert body.most_stored == 0, "a byte of the refused file was stored"
    assert body.position == body.length, "the body was read out, so the browser gets the page"
    _nothing_left(settings)


def test_a_streamed_file_past_the_limit_stores_at_most_the_limit_then_nothing(
    coach_client, athlete, settings
):
    body = StreamedBody(LIMIT + FORM_OVERHEAD // 2, Path(settings.FILE_UPLOAD_TEMP_DIR))
    page = _field_error(_post_streamed(coach_client, athlete, body))
    assert "the file is over the 1 MB limit" in page
    assert 0 < body.most_stored <= LIMIT
    _nothing_left(settings)


def test_the_upload_still_checks_the_csrf_token(athlete, coach, settings):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coach)
    small = SimpleUploadedFile("small.mp4", MP4_HEAD + b"\0" * 100, content_type="video/mp4")
    assert client.post(_url(athlete), {"file": small}).status_code == 403
    _nothing_left(settings)


def test_another_teams_athlete_is_not_found_before_the_body_is_read(
    coach_client, stranger, settings
):
    body = StreamedBody(2 * LIMIT, Path(settings.FILE_UPLOAD_TEMP_DIR))
    assert _post_streamed(coach_client, stranger, body).status_code == 404
    assert body.position == 0


def test_the_form_alone_still_refuses_a_file_over_the_limit(settings):
    from hingecoach.web.clips.forms import ClipUploadForm

    big = SimpleUploadedFile("big.mp4", MP4_HEAD + b"\0" * (3 * LIMIT), content_type="video/mp4")
    form = ClipUploadForm({}, {"file": big})
    assert not form.is_valid()
    assert form.errors["file"] == [
        "the file is 3 MB, over the 1 MB limit: trim the clip to "
        "the reps, or film at a lower resolution"
    ]
