"""A clip sent to the API from a signed-in browser (session cookie and CSRF header, as the
API page's "Try it" sends it) gets the same answers as one sent with a token."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hingecoach.web.clips.models import Clip
from hingecoach.web.teams import services as teams

from .stored_clips import DB_TASKS, MP4_HEAD

SHARED_CLIP = (
    Path(__file__).resolve().parents[2].parent / "shared" / "video" / "person-backflip-walk.mp4"
)


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR = None
    settings.TASKS = DB_TASKS  # queued, not analysed here


@pytest.fixture
def browser(coach) -> Client:
    """A signed-in browser that keeps Django's CSRF checks, with the token it was given."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(coach)
    client.get("/api/docs")
    client.defaults["HTTP_X_CSRFTOKEN"] = client.cookies["csrftoken"].value
    return client


def post(client: Client, athlete, upload: SimpleUploadedFile, **headers: str):
    return client.post(f"/api/athletes/{athlete.pk}/clips", {"file": upload}, **headers)


def clip_file() -> SimpleUploadedFile:
    if SHARED_CLIP.exists():
        return SimpleUploadedFile("hinge.mp4", SHARED_CLIP.read_bytes(), "video/mp4")
    return SimpleUploadedFile("hinge.mp4", MP4_HEAD + b"\0" * 4096, "video/mp4")


def test_a_session_upload_is_saved_as_with_a_token(browser, coach, athlete):
    response = post(browser, athlete, clip_file())
    assert response.status_code == 201, response.content
    assert response.json()["athlete_id"] == athlete.pk
    assert Clip.objects.filter(athlete=athlete).count() == 1
    token = teams.api_token_create(user=coach)
    again = post(Client(), athlete, clip_file(), HTTP_AUTHORIZATION=f"Bearer {token}")
    assert again.status_code == 201, again.content
    assert Clip.objects.filter(athlete=athlete).count() == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.mp4", b""), ("note.txt", b"just words\n"), ("notvideo.mp4", b"not a video" * 50)],
)
def test_a_bad_file_from_a_session_is_a_415_naming_the_field(browser, athlete, name, content):
    response = post(browser, athlete, SimpleUploadedFile(name, content, "video/mp4"))
    assert response.status_code == 415, response.content
    assert response.json()["field"] == "file"
    assert not Clip.objects.exists()


def test_a_session_file_over_the_limit_is_a_413(browser, athlete, settings):
    settings.CLIP_MAX_BYTES = 1024
    response = post(browser, athlete, SimpleUploadedFile("big.mp4", MP4_HEAD + b"\0" * 4096))
    assert response.status_code == 413, response.content
    assert response.json()["field"] == "file"
    assert not Clip.objects.exists()


def test_a_session_without_the_csrf_header_is_refused(coach, athlete):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coach)
    response = post(client, athlete, clip_file())
    assert response.status_code == 403
    assert not Clip.objects.exists()
