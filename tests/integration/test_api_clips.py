"""Clips through the API: upload (multipart, the web upload's checks), list, status and
report; every refusal JSON, another team's athlete or clip a 404."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.integration.conftest import token_client

from hingecoach.core import default_catalog
from hingecoach.core.kinematics import analyze_track
from hingecoach.synthetic import ClipSpec, generate_clip
from hingecoach.web.clips import services
from hingecoach.web.clips.models import Clip

CATALOG = default_catalog()

pytestmark = pytest.mark.django_db

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def video(name: str = "hinge.mp4", content: bytes = MP4_HEAD + b"\0" * 64):
    return SimpleUploadedFile(name, content, content_type="video/mp4")


@pytest.fixture
def clips_url(red) -> str:
    return f"/api/athletes/{red.athlete.pk}/clips"


def test_an_uploaded_clip_is_queued_and_listed(api, clips_url, red):
    response = api.post(clips_url, {"file": video(), "exercise": "romanian-deadlift"})
    assert response.status_code == 201, response.json()
    clip = response.json()
    assert (clip["status"], clip["exercise"], clip["original_name"], clip["athlete_id"]) == (
        "queued",
        "romanian-deadlift",
        "hinge.mp4",
        red.athlete.pk,
    )
    listed = api.get(clips_url).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == clip["id"]
    read = api.get(f"/api/clips/{clip['id']}").json()
    assert (read["status"], read["report"]) == ("queued", None)


def test_the_exercise_defaults_to_the_bodyweight_test(api, clips_url):
    response = api.post(clips_url, {"file": video()})
    assert response.json()["exercise"] == "bodyweight-hip-hinge"


def test_a_done_clip_answers_its_report(api, red):
    track, _ = generate_clip(ClipSpec(faults=frozenset({"knee-dominant"}), seed=3))
    report = analyze_track(track, catalog=CATALOG).model_dump(mode="json")
    clip = Clip.objects.create(
        athlete=red.athlete,
        extension="mp4",
        report=report,
        exercise="bodyweight-hip-hinge",
        status=Clip.Status.DONE,
        progress=100,
    )
    body = api.get(f"/api/clips/{clip.pk}").json()
    assert body["status"] == "done" and body["report"]["faults"] == report["faults"]
    assert "knee-dominant" in body["report"]["faults"]


@pytest.mark.parametrize(
    ("upload", "status", "message"),
    [
        (
            lambda: video("notes.txt", b"hello"),
            415,
            "'notes.txt' is not a video file this app reads (mp4, mov, m4v, webm, mkv, avi)",
        ),
        (
            lambda: video("fake.mp4", b"not a video at all, just text"),
            415,
            "'fake.mp4' does not look like a video",
        ),
    ],
)
def test_a_file_that_is_not_a_video_is_a_415_naming_it(api, clips_url, upload, status, message):
    response = api.post(clips_url, {"file": upload()})
    assert response.status_code == status
    assert response.json()["field"] == "file"
    assert response.json()["message"].startswith(message)
    assert not Clip.objects.exists()


def test_a_file_part_sent_as_text_is_a_415(api, clips_url):
    response = api.post(clips_url, {"file": "just some text"})
    assert (response.status_code, response.json()["field"]) == (415, "file")
    assert "without a file name" in response.json()["message"]


def test_a_clip_over_the_limit_is_a_413_before_it_is_stored(api, clips_url, settings):
    settings.CLIP_MAX_BYTES = 1024
    response = api.post(clips_url, {"file": video(content=MP4_HEAD + b"\0" * 4096)})
    assert response.status_code == 413
    assert response.json()["field"] == "file"
    assert "over the 1024 bytes limit" in response.json()["message"]
    assert not Clip.objects.exists()


def test_no_file_or_an_unknown_exercise_is_a_422(api, clips_url):
    missing = api.post(clips_url, {"exercise": "bodyweight-hip-hinge"})
    assert (missing.status_code, missing.json()["field"]) == (422, "file")
    assert missing.json()["message"] == (
        "no file was sent, or an empty one: send the clip as the multipart part 'file'"
    )
    empty = api.post(clips_url, {"file": video(content=b"")})
    assert (empty.status_code, empty.json()["field"]) == (415, "file")  # no video in it
    unknown = api.post(clips_url, {"file": video(), "exercise": "moonwalk"})
    assert (unknown.status_code, unknown.json()["field"]) == (422, "exercise")


def test_another_teams_athlete_and_clip_are_not_found(clips_url, blue, red):
    clip = Clip.objects.create(athlete=red.athlete, extension="mp4", exercise="step-up")
    other = token_client(blue.coach)
    assert other.post(clips_url, {"file": video()}).status_code == 404
    assert other.get(clips_url).status_code == 404
    assert other.get(f"/api/clips/{clip.pk}").json()["field"] == "id"
    assert not Clip.objects.exclude(pk=clip.pk).exists()


def test_the_document_describes_the_upload_as_multipart_with_the_exercises(api):
    document = Client().get("/api/openapi.json").json()
    upload = document["paths"]["/api/athletes/{athlete_id}/clips"]["post"]
    schema = upload["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert schema["properties"]["file"]["format"] == "binary"
    assert "romanian-deadlift" in schema["properties"]["exercise"]["enum"]
    assert {"413", "415"} <= set(upload["responses"])
    assert document["paths"]["/api/clips/{clip_id}"]["get"]["operationId"] == "get_clip"


@functools.cache
def _report() -> dict:
    track, _ = generate_clip(ClipSpec(seed=5))
    return analyze_track(track, catalog=CATALOG).model_dump(mode="json")


def _done_clip(athlete) -> Clip:
    return Clip.objects.create(
        athlete=athlete,
        extension="mp4",
        exercise="bodyweight-hip-hinge",
        status=Clip.Status.DONE,
        progress=100,
        report=_report(),
    )


def test_a_clip_not_reviewed_answers_nulls_for_when_and_by_whom(api, clips_url, red):
    clip = _done_clip(red.athlete)
    read = api.get(f"/api/clips/{clip.pk}").json()
    listed = api.get(clips_url).json()["items"][0]
    for body in (read, listed):
        assert (body["reviewed_at"], body["reviewed_by"]) == (None, None)


def test_a_clip_marked_reviewed_answers_when_and_by_which_coach(api, clips_url, red):
    clip = services.clip_mark_reviewed(clip=_done_clip(red.athlete), by=red.head)
    read = api.get(f"/api/clips/{clip.pk}").json()
    listed = api.get(clips_url).json()["items"][0]
    for body in (read, listed):
        assert body["reviewed_by"] == "red-head"
        answered = dt.datetime.fromisoformat(body["reviewed_at"])  # to the millisecond
        assert abs(answered - clip.reviewed_at) < dt.timedelta(milliseconds=1)


def test_undoing_the_mark_answers_nulls_again(api, red):
    clip = services.clip_mark_reviewed(clip=_done_clip(red.athlete), by=red.coach)
    services.clip_unmark_reviewed(clip=clip)
    body = api.get(f"/api/clips/{clip.pk}").json()
    assert (body["reviewed_at"], body["reviewed_by"]) == (None, None)


def test_a_clip_marked_by_no_signed_in_coach_answers_when_with_no_coach(api, red):
    clip = services.clip_mark_reviewed(clip=_done_clip(red.athlete), by=None)
    body = api.get(f"/api/clips/{clip.pk}").json()
    assert body["reviewed_at"] is not None and body["reviewed_by"] is None
