"""Clips: upload checks, the background analysis (run at once here), the report page,
saving as a test, another team's clip, erasing and purging."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hingecoach.core import default_catalog
from hingecoach.web.athletes.models import HingeTest
from hingecoach.web.clips import services
from hingecoach.web.clips.forms import looks_like_video
from hingecoach.web.clips.models import Clip

CATALOG = default_catalog()

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
    return settings


def _upload_url(athlete) -> str:
    return reverse("clips:upload", args=[athlete.pk])


def _clip_files(settings) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "clips"
    return sorted(folder.iterdir()) if folder.exists() else []


def _made_clip(athlete, settings, *, days_old: int = 0, **fields) -> Clip:
    clip = Clip.objects.create(
        athlete=athlete,
        extension="mp4",
        exercise="bodyweight-hip-hinge",
        original_name="hinge.mp4",
        **fields,
    )
    folder = Path(settings.MEDIA_ROOT) / "clips"
    folder.mkdir(parents=True, exist_ok=True)
    clip.video_path.write_bytes(MP4_HEAD)
    clip.frame_path(0).write_bytes(b"jpeg")
    if days_old:
        Clip.objects.filter(pk=clip.pk).update(created=timezone.now() - dt.timedelta(days=days_old))
    return clip


def test_the_upload_form_shows_the_size_limit(coach_client, athlete):
    response = coach_client.get(_upload_url(athlete))
    assert response.status_code == 200
    assert "At most 200 MB" in response.content.decode()


def test_a_file_over_the_size_limit_is_a_field_error_and_nothing_is_saved(
    coach_client, athlete, settings
):
    settings.CLIP_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.mp4", MP4_HEAD + b"\0" * 2048, content_type="video/mp4")
    response = coach_client.post(_upload_url(athlete), {"file": big})
    assert response.status_code == 200
    assert "over the 1024 bytes limit" in response.content.decode()
    assert not Clip.objects.exists()
    assert _clip_files(settings) == []


@pytest.mark.parametrize("name", ["notes.txt", "notes.mp4"])
def test_a_text_file_is_a_field_error(coach_client, athlete, settings, name):
    text = SimpleUploadedFile(
        name, b"Not a video at all, just words.\n" * 20, content_type="text/plain"
    )
    response = coach_client.post(_upload_url(athlete), {"file": text})
    body = response.content.decode()
    assert response.status_code == 200
    assert "has-error" in body and name in body
    assert not Clip.objects.exists()
    assert _clip_files(settings) == []


def test_video_signatures_are_recognised():
    assert looks_like_video(MP4_HEAD)
    assert looks_like_video(b"\x1a\x45\xdf\xa3" + b"\0" * 12)
    assert looks_like_video(b"RIFF\0\0\0\0AVI LIST")
    assert not looks_like_video(b"%PDF-1.7\n" + b"\0" * 8)


def test_a_corrupt_video_fails_with_a_plain_message_and_no_file_left(
    coach_client, athlete, settings
):
    pytest.importorskip("cv2")
    broken = SimpleUploadedFile("broken.mp4", MP4_HEAD + b"\x07" * 4000, content_type="video/mp4")
    response = coach_client.post(_upload_url(athlete), {"file": broken}, follow=True)
    clip = Clip.objects.get()
    assert clip.status == Clip.Status.FAILED
    assert "broken.mp4" in clip.error and str(settings.MEDIA_ROOT) not in clip.error
    body = response.content.decode()
    assert "could not be analysed" in body and "Traceback" not in body
    assert _clip_files(settings) == []
    assert not HingeTest.objects.exists()


def test_another_teams_clip_is_not_found(coach_client, stranger, settings):
    clip = _made_clip(stranger, settings, status=Clip.Status.DONE)
    for name, args in (
        ("clips:detail", [clip.pk]),
        ("clips:progress", [clip.pk]),
        ("clips:frame", [clip.pk, 0]),
        ("clips:save-test", [clip.pk]),
    ):
        assert coach_client.get(reverse(name, args=args)).status_code == 404
    assert (
        coach_client.post(
            reverse("clips:save-test", args=[clip.pk]), {"date": dt.date.today().isoformat()}
        ).status_code
        == 404
    )
    assert coach_client.get(_upload_url(stranger)).status_code == 404


def test_the_progress_bar_polls_until_the_clip_is_finished(coach_client, athlete, settings):
    clip = _made_clip(athlete, settings, status=Clip.Status.RUNNING, progress=35)
    page = coach_client.get(reverse("clips:detail", args=[clip.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and 'value="35"' in page
    Clip.objects.filter(pk=clip.pk).update(status=Clip.Status.DONE, progress=100)
    response = coach_client.get(reverse("clips:progress", args=[clip.pk]), HTTP_HX_REQUEST="true")
    assert response.headers["HX-Refresh"] == "true"


def test_purge_removes_old_clips_and_their_files(
    athlete, settings, django_capture_on_commit_callbacks
):
    old = _made_clip(athlete, settings, days_old=91)
    new = _made_clip(athlete, settings, days_old=10)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.clips_purge(older_than_days=90).clips == 1
    assert list(Clip.objects.all()) == [new]
    assert not old.video_path.exists() and not old.frame_path(0).exists()
    assert new.video_path.exists()


def test_erasing_an_athlete_removes_their_clips(
    head_client, athlete, settings, django_capture_on_commit_callbacks
):
    clip = _made_clip(athlete, settings)
    with django_capture_on_commit_callbacks(execute=True):
        response = head_client.post(
            reverse("athletes:erase", args=[athlete.pk]), {"confirm": athlete.name}
        )
    assert response.status_code == 302
    assert not Clip.objects.exists()
    assert not clip.video_path.exists() and not clip.frame_path(0).exists()


def test_only_the_hinge_test_clip_can_be_saved_as_a_test(athlete, settings):
    clip = _made_clip(athlete, settings, status=Clip.Status.DONE, report={})
    clip.exercise = "romanian-deadlift"
    with pytest.raises(ValidationError, match="bodyweight hip hinge"):
        services.clip_save_test(clip=clip, date=dt.date.today(), verdicts={})
    assert not HingeTest.objects.exists()


@pytest.mark.video
@pytest.mark.skipif(not SHARED_CLIP.exists(), reason=f"{SHARED_CLIP} is not here")
def test_a_real_clip_with_no_hinge_is_analysed_and_cannot_be_saved_as_a_test(
    coach_client, athlete, settings
):
    pytest.importorskip("ai_edge_litert")
    upload = SimpleUploadedFile(
        SHARED_CLIP.name, SHARED_CLIP.read_bytes(), content_type="video/mp4"
    )
    response = coach_client.post(_upload_url(athlete), {"file": upload})
    clip = Clip.objects.get()
    assert response.status_code == 302 and response.url == f"/clips/{clip.pk}/"
    assert clip.status == Clip.Status.DONE, clip.error
    assert clip.progress == 100 and clip.analysed_at is not None
    assert clip.report["reps"] == [] and clip.report["faults"] == []
    assert 3 <= len(clip.frames) <= 6
    assert all(clip.frame_path(n).is_file() for n in range(len(clip.frames)))
    assert not list(clip.video_path.parent.glob(".*")), "a temporary file was left"

    page = coach_client.get(response.url).content.decode()
    assert "No hinge reps found" in page or "Not assessable" in page
    assert "This clip cannot be saved as a test" in page
    assert "Save as test</button>" not in page
    frame = coach_client.get(reverse("clips:frame", args=[clip.pk, 0]))
    assert frame.status_code == 200 and frame["Content-Type"] == "image/jpeg"
    _check_annotated_video(coach_client, clip, page)

    refused = coach_client.post(
        reverse("clips:save-test", args=[clip.pk]),
        {"date": dt.date.today().isoformat(), "notes": "from clip"},
    )
    assert refused.status_code == 400
    assert not HingeTest.objects.exists(), "a clip with no rep is no evidence of a pass"
    athlete.refresh_from_db()
    assert athlete.last_test_passed is None


def _check_annotated_video(client, clip, page) -> None:
    """The report shows the annotated video: VP8 in WebM, every analysed frame, served
    in the ranges a browser asks for."""
    cv2 = pytest.importorskip("cv2")
    url = reverse("clips:video", args=[clip.pk])
    assert f'src="{url}"' in page and "<video controls" in page
    assert clip.annotated and clip.annotated_path.is_file()
    capture = cv2.VideoCapture(str(clip.annotated_path))
    frames = 0
    while capture.read()[0]:
        frames += 1
    assert frames == len(clip.report["series"]["t_s"])
    assert int(capture.get(cv2.CAP_PROP_FOURCC)).to_bytes(4, "little") == b"VP80"
    assert max(capture.get(cv2.CAP_PROP_FRAME_WIDTH), capture.get(cv2.CAP_PROP_FRAME_HEIGHT)) == 640
    head = client.get(url, headers={"Range": "bytes=0-3"})
    assert head.status_code == 206 and head["Content-Type"] == "video/webm"
    assert b"".join(head.streaming_content) == b"\x1a\x45\xdf\xa3"


def test_the_athletes_page_links_to_a_new_clip_and_the_recent_ones(coach_client, athlete, settings):
    clip = _made_clip(athlete, settings, status=Clip.Status.FAILED, error="bad")
    page = coach_client.get(reverse("athletes:detail", args=[athlete.pk])).content.decode()
    assert "Analyse a clip" in page and _upload_url(athlete) in page
    assert reverse("clips:detail", args=[clip.pk]) in page


def test_serve_starts_the_database_worker_and_stops_it(monkeypatch):
    import subprocess
    import sys

    from hingecoach.web import serve

    started: list[list[str]] = []
    real_popen = subprocess.Popen

    def popen(args, **kwargs):
        started.append(list(args))
        return real_popen([sys.executable, "-c", "import time; time.sleep(60)"], **kwargs)

    monkeypatch.setattr(serve.subprocess, "Popen", popen)
    worker = serve.start_task_worker()
    assert started[0][:4] == [sys.executable, "-m", "django", "db_worker"]
    assert "--no-reload" in started[0]
    serve.stop_task_worker(worker)
    assert worker.returncode is not None


def _long_video(path: Path, seconds: int) -> Path:
    cv2 = pytest.importorskip("cv2")
    import numpy as np

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 2.0, (64, 48))
    frame = np.full((48, 64, 3), 128, dtype=np.uint8)
    for _ in range(seconds * 2):
        writer.write(frame)
    writer.release()
    return path


def test_a_too_long_clip_fails_with_a_plain_message_and_the_records_untouched(
    coach_client, athlete, settings, tmp_path
):
    video = _long_video(tmp_path / "long.mp4", seconds=400)
    upload = SimpleUploadedFile("long.mp4", video.read_bytes(), content_type="video/mp4")
    response = coach_client.post(_upload_url(athlete), {"file": upload}, follow=True)
    clip = Clip.objects.get()
    assert clip.status == Clip.Status.FAILED and clip.report is None
    assert "long.mp4" in clip.error and "Traceback" not in clip.error
    assert escape(clip.error) in response.content.decode()
    assert _clip_files(settings) == []
    assert not HingeTest.objects.exists()


def test_purge_also_removes_files_left_without_a_clip(athlete, settings):
    kept = _made_clip(athlete, settings)
    folder = kept.video_path.parent
    orphan, fresh = folder / "0b8e5a53-0000-4000-8000-000000000000.mp4", folder / "new.mp4"
    orphan.write_bytes(MP4_HEAD)
    fresh.write_bytes(MP4_HEAD)
    day_old = (timezone.now() - dt.timedelta(days=2)).timestamp()
    for path in (orphan, kept.video_path):
        os.utime(path, (day_old, day_old))
    services.clips_purge(older_than_days=90)
    assert not orphan.exists()
    assert fresh.exists(), "a file younger than a day may be an upload being stored"
    assert kept.video_path.exists()


def test_a_report_that_could_judge_no_fault_never_reads_as_clean(coach_client, athlete, settings):
    """Reps counted by the trunk alone (legs hidden behind plates): no fault was seen,
    but none could be, and the page says so instead of "No fault seen"."""
    from hingecoach.core.kinematics import Landmark, analyze_track
    from hingecoach.synthetic import ClipSpec, generate_clip

    track, _ = generate_clip(ClipSpec(reps=2, noise=0.0, drop_rate=0.0, seed=13))
    for frame in track.frames:
        for name, mark in list(frame.landmarks.items()) if frame else []:
            if name.endswith(("_knee", "_ankle", "_heel", "_foot_index")):
                frame.landmarks[name] = Landmark(mark.x, mark.y, 0.1)
    report = analyze_track(track, catalog=CATALOG)
    assert len(report.reps) == 2 and report.judged == []
    clip = _made_clip(
        athlete, settings, status=Clip.Status.DONE, report=report.model_dump(mode="json")
    )
    page = coach_client.get(reverse("clips:detail", args=[clip.pk])).content.decode()
    assert "No fault could be judged from this clip" in page
    assert "no fault could be measured in any of its reps" in page
    assert "No fault seen" not in page and "Save as test</button>" not in page


def _analysed_clip(athlete, settings) -> Clip:
    from hingecoach.core.kinematics import analyze_track
    from hingecoach.synthetic import ClipSpec, generate_clip

    track, _ = generate_clip(ClipSpec(reps=2, noise=0.0, drop_rate=0.0, seed=13))
    report = analyze_track(track, catalog=CATALOG)
    clip = _made_clip(
        athlete,
        settings,
        status=Clip.Status.DONE,
        report=report.model_dump(mode="json"),
        annotated=True,
        frames=[{"label": "bottom", "t_s": 1.5}],
    )
    clip.annotated_path.write_bytes(b"webm")
    return clip


def test_a_clip_whose_files_are_not_in_the_data_folder_says_so_without_broken_media(
    coach_client, athlete, settings
):
    """As on a data folder made by an import: the records came, the files did not."""
    clip = _analysed_clip(athlete, settings)
    url = reverse("clips:detail", args=[clip.pk])
    page = coach_client.get(url).content.decode()
    assert "<video" in page and reverse("clips:frame", args=[clip.pk, 0]) in page
    assert "not in this data folder" not in page

    for path in clip.file_paths():
        path.unlink()
    page = coach_client.get(url).content.decode()
    assert "The video is not in this data folder" in page
    assert "uploads/clips" in page and escape(str(Path(settings.MEDIA_ROOT) / "clips")) in page
    assert "<video" not in page and "<img" not in page.split('id="clip-report"')[1]
    assert 'id="clip-report"' in page  # the report itself is still there


def test_the_upload_help_names_the_same_files_as_a_refusal(coach_client, athlete):
    page = coach_client.get(_upload_url(athlete)).content.decode()
    text = SimpleUploadedFile("notes.txt", b"just words\n" * 20, content_type="text/plain")
    refused = coach_client.post(_upload_url(athlete), {"file": text}).content.decode()
    listed = re.search(r"is not a video file this app reads \(([^)]+)\)", refused)
    assert listed, refused
    assert f"A side-view video ({listed.group(1)})" in page
