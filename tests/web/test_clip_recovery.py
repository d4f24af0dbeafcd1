"""A clip whose worker died is recovered: once its progress has not moved for
``CLIP_STALL_MINUTES`` it shows as failed with a "Try again" button, which marks it
failed, closes its task and queues a new attempt (a page only shows it: a GET writes
nothing); a worker still busy with an older attempt changes nothing. Real SQLite file,
real django-tasks-db rows."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from tests.web.stored_clips import DB_TASKS, MP4_HEAD, stored_clip

from hingecoach.web.clips import analysis, services
from hingecoach.web.clips.models import Clip


@pytest.fixture(autouse=True)
def _clips_settings(settings, tmp_path):
    """Uploads in a temporary folder; tasks queued in the database, as in production."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.TASKS = DB_TASKS
    settings.CLIP_STALL_MINUTES = 5
    return settings


def _clip(athlete, *, status, minutes_quiet: float = 0, **fields) -> Clip:
    return stored_clip(athlete, status=status, minutes_quiet=minutes_quiet, **fields)


def _claimed_task(clip: Clip) -> DBTaskResult:
    """The clip's task as a worker left it when it was killed: claimed, never finished."""
    from hingecoach.web.clips.tasks import analyse_clip

    result = analyse_clip.enqueue(clip.pk, clip.attempt)
    row = DBTaskResult.objects.get(id=result.id)
    row.claim("killed-worker")
    Clip.objects.filter(pk=clip.pk).update(task_id=str(result.id))
    return row


def _page(client: Client, clip: Clip) -> str:
    response = client.get(reverse("clips:detail", args=[clip.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_running_clip_quiet_past_the_stall_time_shows_failed_with_try_again(
    coach_client, athlete
):
    clip = _clip(athlete, status=Clip.Status.RUNNING, progress=35, minutes_quiet=6)
    task = _claimed_task(clip)
    page = _page(coach_client, clip)
    assert "could not be analysed" in page and "made no progress for 5 minutes" in page
    assert "Try again" in page and reverse("clips:retry", args=[clip.pk]) in page
    assert 'hx-trigger="every 1s"' not in page
    clip.refresh_from_db()
    task.refresh_from_db()
    assert clip.status == Clip.Status.RUNNING and task.finished_at is None, "a GET writes nothing"
    assert clip.video_path.is_file()


def test_try_again_on_a_stalled_clip_closes_its_abandoned_task(coach_client, athlete):
    clip = _clip(athlete, status=Clip.Status.RUNNING, progress=35, minutes_quiet=6)
    task = _claimed_task(clip)
    coach_client.post(reverse("clips:retry", args=[clip.pk]))
    task.refresh_from_db()
    assert task.status == "FAILED" and task.finished_at is not None, (
        "the abandoned task row is closed, so the task results purge can delete it"
    )
    clip.refresh_from_db()
    assert (clip.status, clip.attempt) == (Clip.Status.QUEUED, 1)


def test_a_running_clip_whose_progress_moved_recently_keeps_its_bar(coach_client, athlete):
    clip = _clip(athlete, status=Clip.Status.RUNNING, progress=35, minutes_quiet=4)
    page = _page(coach_client, clip)
    assert 'hx-trigger="every 1s"' in page and "Try again" not in page
    clip.refresh_from_db()
    assert clip.status == Clip.Status.RUNNING


def test_the_progress_poll_reloads_the_page_once_the_clip_is_found_stalled(coach_client, athlete):
    clip = _clip(athlete, status=Clip.Status.RUNNING, progress=35, minutes_quiet=6)
    response = coach_client.get(reverse("clips:progress", args=[clip.pk]), HTTP_HX_REQUEST="true")
    assert response.headers["HX-Refresh"] == "true"
    clip.refresh_from_db()
    assert clip.status == Clip.Status.RUNNING  # shown as failed, not written


def test_a_queued_clip_waits_while_a_worker_makes_progress_on_another(coach_client, athlete):
    waiting = _clip(athlete, status=Clip.Status.QUEUED, minutes_quiet=20)
    _clip(athlete, status=Clip.Status.RUNNING, progress=50, minutes_quiet=0.5)
    assert "Waiting for the analysis to start" in _page(coach_client, waiting)
    waiting.refresh_from_db()
    assert waiting.status == Clip.Status.QUEUED


def test_a_queued_clip_with_no_worker_making_progress_shows_failed(coach_client, athlete):
    waiting = _clip(athlete, status=Clip.Status.QUEUED, minutes_quiet=20)
    page = _page(coach_client, waiting)
    assert "has not started after 5 minutes" in page and "Try again" in page


def test_the_stall_time_is_a_setting(coach_client, athlete, settings):
    settings.CLIP_STALL_MINUTES = 30
    clip = _clip(athlete, status=Clip.Status.RUNNING, minutes_quiet=20)
    assert "Try again" not in _page(coach_client, clip)
    settings.CLIP_STALL_MINUTES = 15
    assert "made no progress for 15 minutes" in _page(coach_client, clip)


def test_an_upload_fails_every_stalled_clip_on_the_way(coach_client, athlete):
    from django.core.files.uploadedfile import SimpleUploadedFile

    stalled = _clip(athlete, status=Clip.Status.RUNNING, minutes_quiet=60)
    upload = SimpleUploadedFile("new.mp4", MP4_HEAD + b"\0" * 64, content_type="video/mp4")
    coach_client.post(reverse("clips:upload", args=[athlete.pk]), {"file": upload})
    stalled.refresh_from_db()
    assert stalled.status == Clip.Status.FAILED


def test_try_again_queues_a_new_attempt_of_the_same_video(coach_client, athlete):
    clip = _clip(athlete, status=Clip.Status.RUNNING, progress=35, minutes_quiet=6)
    old_task = _claimed_task(clip)
    _page(coach_client, clip)
    response = coach_client.post(reverse("clips:retry", args=[clip.pk]), follow=True)
    assert "queued for analysis again" in response.content.decode()
    clip.refresh_from_db()
    assert (clip.status, clip.attempt, clip.progress, clip.error) == (Clip.Status.QUEUED, 1, 0, "")
    task = DBTaskResult.objects.get(id=clip.task_id)
    assert task.status == "READY" and task.id != old_task.id
    assert task.args_kwargs["args"] == [clip.pk, 1]
    assert clip.video_path.read_bytes() == MP4_HEAD


def test_try_again_is_a_post_with_the_csrf_token_for_the_athletes_team_only(
    coach, athlete, stranger, coach_client
):
    clip = _clip(athlete, status=Clip.Status.FAILED, error="stalled")
    url = reverse("clips:retry", args=[clip.pk])
    assert coach_client.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(coach)
    assert strict.post(url).status_code == 403
    other = _clip(stranger, status=Clip.Status.FAILED, error="stalled")
    assert coach_client.post(reverse("clips:retry", args=[other.pk])).status_code == 404
    assert Client().post(url).status_code == 302  # to the sign-in page
    assert not DBTaskResult.objects.exists()
    clip.refresh_from_db()
    assert clip.status == Clip.Status.FAILED


@pytest.mark.parametrize(
    ("status", "keep_video", "refusal"),
    [
        (Clip.Status.DONE, True, "only a clip whose analysis failed can be tried again"),
        (Clip.Status.RUNNING, True, "only a clip whose analysis failed can be tried again"),
        (Clip.Status.FAILED, False, "the uploaded video is no longer kept: upload the clip again"),
    ],
)
def test_try_again_is_refused_with_the_reason(coach_client, athlete, status, keep_video, refusal):
    clip = _clip(athlete, status=status, error="bad file")
    if not keep_video:
        clip.video_path.unlink()
    response = coach_client.post(reverse("clips:retry", args=[clip.pk]), follow=True)
    assert refusal in response.content.decode()
    clip.refresh_from_db()
    assert clip.status == status and clip.attempt == 0
    assert not DBTaskResult.objects.exists()


def test_a_failed_clip_without_its_video_offers_no_try_again(coach_client, athlete):
    clip = _clip(athlete, status=Clip.Status.FAILED, error="not a video")
    clip.video_path.unlink()
    page = _page(coach_client, clip)
    assert "not a video" in page and "Try again" not in page


def test_a_worker_on_an_older_attempt_changes_nothing(athlete):
    clip = _clip(athlete, status=Clip.Status.QUEUED, attempt=1)
    analysis.clip_analyse(clip_id=clip.pk, attempt=0)  # the old task, run late
    clip.refresh_from_db()
    assert clip.status == Clip.Status.QUEUED
    stale = Clip.objects.get(pk=clip.pk)
    stale.attempt = 0
    analysis.clip_fail(stale, "the old attempt failed", keep_video=False)
    clip.refresh_from_db()
    assert clip.status == Clip.Status.QUEUED and clip.error == ""
    assert clip.video_path.is_file(), "an old attempt's failure removed the retried video"


def test_a_worker_told_to_stop_mid_analysis_keeps_the_video_to_try_again(athlete, monkeypatch):
    def stopped(clip):
        raise SystemExit(1)  # what db_worker's second SIGTERM raises inside the task

    monkeypatch.setattr(analysis, "_run", stopped)
    clip = _clip(athlete, status=Clip.Status.QUEUED)
    with pytest.raises(SystemExit):
        analysis.clip_analyse(clip_id=clip.pk, attempt=0)
    clip.refresh_from_db()
    assert clip.status == Clip.Status.FAILED and clip.error == analysis.INTERRUPTED
    assert clip.retryable


def test_the_worker_shows_it_is_alive_while_the_bar_stands_still(athlete):
    clip = _clip(athlete, status=Clip.Status.RUNNING, minutes_quiet=3)
    writer = analysis._ProgressWriter(clip)
    writer("analyse", 600, 1000)
    clip.refresh_from_db()
    moved_at = clip.progress_at
    assert clip.progress == 30 and moved_at > timezone.now() - dt.timedelta(seconds=5)
    writer("analyse", 100, 1000)  # a second pass over the clip starts below the bar
    clip.refresh_from_db()
    assert (clip.progress, clip.progress_at) == (30, moved_at)
    writer.written_at -= analysis.HEARTBEAT_S
    writer("analyse", 200, 1000)
    clip.refresh_from_db()
    assert clip.progress == 30 and clip.progress_at > moved_at


def test_stalled_clips_are_failed_once_and_the_worker_s_progress_wins_the_race(athlete):
    clip = _clip(athlete, status=Clip.Status.RUNNING, minutes_quiet=6)
    Clip.objects.filter(pk=clip.pk).update(progress=40, progress_at=timezone.now())
    assert services.clips_fail_stalled() == 0
    Clip.objects.filter(pk=clip.pk).update(progress_at=timezone.now() - dt.timedelta(hours=1))
    assert services.clips_fail_stalled() == 1
    assert services.clips_fail_stalled() == 0


@pytest.fixture
def shared_clip() -> Path:
    path = (
        Path(__file__).resolve().parents[2].parent / "shared" / "video" / "person-backflip-walk.mp4"
    )
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    return path


def _database_url() -> str:
    """This test's database (SQLite file or PostgreSQL), for another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user, password = quote(db["USER"] or "", safe=""), quote(db["PASSWORD"] or "", safe="")
    return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _worker(home: Path, *options: str) -> subprocess.Popen[bytes]:
    """``db_worker`` in its own process, on this test's database and uploads."""
    env = {
        **os.environ,
        "HINGECOACH_HOME": str(home),
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "hingecoach.web.settings",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "django",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
            *options,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.video
def test_a_clip_whose_worker_was_killed_is_recovered_and_analysed_again(
    transactional_db, coach_client, athlete, settings, tmp_path, shared_clip
):
    pytest.importorskip("ai_edge_litert")
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path / "home" / "uploads"
    worker = _worker(tmp_path / "home")
    try:
        upload = SimpleUploadedFile(
            shared_clip.name, shared_clip.read_bytes(), content_type="video/mp4"
        )
        coach_client.post(reverse("clips:upload", args=[athlete.pk]), {"file": upload})
        clip = Clip.objects.get()
        _wait_for(lambda: Clip.objects.get().progress > 0)
    finally:
        worker.kill()  # SIGKILL: what an out-of-memory kill or a power cut does
        worker.wait()
    task = DBTaskResult.objects.get(id=clip.task_id)
    assert task.status == "RUNNING" and task.finished_at is None  # and stays so
    assert Clip.objects.get().status == Clip.Status.RUNNING

    Clip.objects.update(progress_at=timezone.now() - dt.timedelta(minutes=6))
    assert "Try again" in _page(coach_client, clip)
    coach_client.post(reverse("clips:retry", args=[clip.pk]))
    again = _worker(tmp_path / "home", "--batch")
    assert again.wait(timeout=300) == 0
    clip.refresh_from_db()
    assert clip.status == Clip.Status.DONE, clip.error
    assert clip.attempt == 1 and clip.annotated and clip.annotated_path.is_file()
    assert DBTaskResult.objects.get(id=clip.task_id).status == "SUCCESSFUL"
    assert DBTaskResult.objects.get(id=task.id).status == "FAILED"
