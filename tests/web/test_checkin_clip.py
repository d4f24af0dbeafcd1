"""An athlete sends a clip through their check-in link: it is stored and analysed like a
coach's upload, waits on the coach's Today page as a clip to review, and never becomes a
test by itself; bad files, unknown links and too many uploads are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hingecoach.web.athletes import services as athletes
from hingecoach.web.athletes.models import HingeTest
from hingecoach.web.checkins import clip as checkin_clip
from hingecoach.web.clips.models import Clip

SHARED_CLIP = (
    Path(__file__).resolve().parents[2].parent / "shared" / "video" / "person-backflip-walk.mp4"
)
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


@pytest.fixture(autouse=True)
def _clips_settings(settings, tmp_path):
    """Uploads in a temporary folder; tasks run at once, in the request (no worker)."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR = None
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()
    yield settings
    cache.clear()


def clip_url(athlete) -> str:
    return reverse("checkin", args=[athletes.checkin_link_create(athlete=athlete)]) + "clip/"


def video(name: str = "set.mp4", body: bytes = MP4_HEAD + b"\0" * 512) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="video/mp4")


def test_the_check_in_page_links_to_sending_a_clip(athlete):
    url = clip_url(athlete)
    page = Client().get(url.removesuffix("clip/")).content.decode()
    assert 'href="' + url + '"' in page
    form = Client().get(url)
    assert form.status_code == 200
    assert "Side-on" in form.content.decode()
    assert form["Cache-Control"].startswith("no-store") or "no-store" in form["Cache-Control"]
    assert form["Referrer-Policy"] == "same-origin"


@pytest.mark.video
@pytest.mark.skipif(not SHARED_CLIP.exists(), reason=f"{SHARED_CLIP} is not here")
def test_an_athletes_clip_waits_for_the_coach_and_is_never_a_test(athlete, coach_client):
    url = clip_url(athlete)
    sent = Client().post(url, {"file": video(SHARED_CLIP.name, SHARED_CLIP.read_bytes())})
    assert sent.status_code == 302 and sent["Location"].endswith("clip/?sent=1")
    clip = Clip.objects.get(athlete=athlete)
    assert clip.uploaded_by is None
    assert clip.original_name == f"check-in · {SHARED_CLIP.name}"
    assert clip.status == Clip.Status.DONE and clip.test is None
    assert not HingeTest.objects.filter(athlete=athlete).exists()
    today = coach_client.get(reverse("today:page") + "?who=team").content.decode()
    assert reverse("clips:detail", args=[clip.pk]) in today


def test_a_file_that_is_not_a_video_is_refused_on_the_page(athlete):
    answer = Client().post(
        clip_url(athlete), {"file": video("notes.mp4", b"just words, not a video\n" * 10)}
    )
    assert answer.status_code == 200
    assert "does not look like a video" in answer.content.decode()
    assert not Clip.objects.exists()


def test_the_athlete_says_which_exercise_the_clip_shows(athlete, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued only
    url = clip_url(athlete)
    form = Client().get(url).content.decode()
    assert "What you filmed" in form and 'value="romanian-deadlift"' in form
    Client().post(url, {"file": video(), "exercise": "romanian-deadlift"})
    Client().post(url, {"file": video()})  # nothing chosen: the hinge test
    assert list(Clip.objects.order_by("pk").values_list("exercise", flat=True)) == [
        "romanian-deadlift",
        "bodyweight-hip-hinge",
    ]


def test_an_exercise_not_in_the_catalog_is_a_field_error(athlete):
    answer = Client().post(clip_url(athlete), {"file": video(), "exercise": "moon-walk"})
    assert answer.status_code == 200
    assert "What you filmed:</strong> Select a valid choice" in answer.content.decode()
    assert not Clip.objects.exists()


def test_an_unknown_or_revoked_link_takes_no_clip(athlete):
    answer = Client().post("/c/no-such-link/clip/", {"file": video()})
    assert answer.status_code == 404
    assert not Clip.objects.exists()


def test_the_csrf_check_holds(athlete):
    forged = Client(enforce_csrf_checks=True)
    answer = forged.post(clip_url(athlete), {"file": video()})
    assert answer.status_code == 403
    assert not Clip.objects.exists()


def test_uploads_through_one_link_are_limited(athlete, monkeypatch):
    monkeypatch.setattr(checkin_clip, "UPLOADS", 2)
    url = clip_url(athlete)
    codes = [Client().post(url, {"file": video()}).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert Clip.objects.filter(athlete=athlete).count() == 2
